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

import pytest

from sphinxcontrib_effsig import effective_signature
from sphinxcontrib_effsig.resolver import clear_caches, default_as_written, scoped_caches
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


COPIED_WRAPPER = """
import functools
LIMIT = 3

def with_retries(func):
    @functools.wraps(func)
    def wrapper(*args, retries: {annotation} = {default}, **kwargs):
        for _ in range(retries):
            pass
        return func(*args, **kwargs)
    return wrapper

@with_retries
def fetch(url):
    return url
"""


def _copy(name: str, annotation: str, default: str) -> types.ModuleType:
    """A module holding the wrapper above, as a vendored copy in another file would."""
    text = textwrap.dedent(COPIED_WRAPPER.format(annotation=annotation, default=default))
    filename = f"<caches: copy {name}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    module = types.ModuleType(name)
    exec(compile(text, filename, "exec"), module.__dict__)
    return module


def _as_written(module: types.ModuleType) -> tuple[object, str | None]:
    param = effective_signature(module.fetch).parameters["retries"]
    return param.annotation, default_as_written(param)


@pytest.mark.parametrize("first", ["ints", "floats"])
def test_a_wrapper_copied_into_another_file_is_read_from_its_own(first: str) -> None:
    # The two wrappers compile to equal code objects (equality ignores the
    # file, and annotations and defaults are not in the body's code), but
    # each file writes its own annotation and default: neither may borrow
    # the other's, whichever is documented first.
    copies = {
        "ints": _copy("ints", "int", "LIMIT"),
        "floats": _copy("floats", "float", "LIMIT + 0"),
    }
    assert copies["ints"].fetch.__wrapped__ is not copies["floats"].fetch.__wrapped__
    with scoped_caches():
        order = [first, *(name for name in copies if name != first)]
        seen = {name: _as_written(copies[name]) for name in order}
    assert seen == {"ints": (int, "LIMIT"), "floats": (float, "LIMIT + 0")}


def test_a_wrapper_copied_with_the_same_text_is_parsed_once() -> None:
    first, second = _copy("first", "int", "LIMIT"), _copy("second", "int", "LIMIT")
    with scoped_caches() as inner:
        assert _as_written(first) == _as_written(second) == (int, "LIMIT")
        wrappers = [module.fetch.__code__ for module in (first, second)]
        blocks = {id(inner.source_nodes[id(code)][1]) for code in wrappers}
    assert len(blocks) == 1
