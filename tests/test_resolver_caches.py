"""The resolver's memos live in one object that a caller can scope or empty.

``scoped_caches()`` gives a ``with`` block caches of its own: what is
resolved inside is forgotten at its end and never seen outside, and what
was resolved before is not seen inside. ``clear_caches()`` empties the
caches in effect. Edited source is read again after either.
"""

from __future__ import annotations

import linecache
import textwrap
import types

from sphinxcontrib_effsig import effective_signature
from sphinxcontrib_effsig.resolver import clear_caches, scoped_caches
from sphinxcontrib_effsig.resolver.caches import current

SOURCE = """
import functools

def with_timeout(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("timeout", {default})
        return func(*args, **kwargs)
    return wrapper

@with_timeout
def fetch(url):
    return url
"""


def _module(default: float, filename: str) -> types.ModuleType:
    """A module whose source is registered in linecache, as a file's would be."""
    text = textwrap.dedent(SOURCE.format(default=default))
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    module = types.ModuleType("edited")
    exec(compile(text, filename, "exec"), module.__dict__)
    return module


def test_a_scope_forgets_what_it_resolved() -> None:
    module = _module(10.0, "<caches: scope>")
    outer = current()
    with scoped_caches() as inner:
        assert str(effective_signature(module.fetch)) == "(url, *, timeout=10.0)"
        assert id(module.fetch) in inner.results
    assert current() is outer
    assert id(module.fetch) not in outer.results


def test_a_scope_does_not_see_earlier_answers() -> None:
    module = _module(10.0, "<caches: earlier>")
    effective_signature(module.fetch)
    with scoped_caches() as inner:
        assert not inner.results and not inner.effects and not inner.source_nodes
        effective_signature(module.fetch)
        assert inner.effects and inner.source_nodes


def test_clearing_reads_edited_source_again() -> None:
    filename = "<caches: edited>"
    module = _module(10.0, filename)
    with scoped_caches():
        assert str(effective_signature(module.fetch)) == "(url, *, timeout=10.0)"
        # The file changes on disk; the same function object is resolved again.
        text = textwrap.dedent(SOURCE.format(default=2.5))
        linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
        assert str(effective_signature(module.fetch)) == "(url, *, timeout=10.0)"
        clear_caches()
        assert str(effective_signature(module.fetch)) == "(url, *, timeout=2.5)"


def test_clearing_empties_every_memo() -> None:
    module = _module(10.0, "<caches: every>")
    with scoped_caches() as inner:
        effective_signature(module.fetch)
        clear_caches()
        assert not any(vars(inner).values())
