"""Stage tests: finding a function's ``def`` node by parsing its own block only.

The resolver parses a function's block, never the whole file, when the
block can be cut out by itself. Each row is a layout of real code; the node
found must be the one the whole file's parse gives: the same fields, and
every node's lines and columns pointing at the same text, read through the
lines the found node indexes (its block's). The whole-file parse is
switched off, so that a cut which goes wrong cannot hide behind it.
"""

from __future__ import annotations

import ast
import linecache
import textwrap
import types
from collections.abc import Iterator

import pytest
from helpers.compiled import code_named

from sphinxcontrib_effsig.resolver import (
    default_as_written,
    effective_signature,
    scoped_caches,
    source,
)

LAYOUTS = {
    "a module-level function": """
        def fetch(url, **kwargs):
            return url
    """,
    "a method": """
        class Client:
            def fetch(self, url, **kwargs):
                return url

            def close(self):
                pass
    """,
    "a decorator call closing at the def's column": """
        @register(
            "fetch",
        )
        def fetch(url, **kwargs):
            return url
    """,
    "a header closing at the def's column": """
        def fetch(
            url,
            **kwargs,
        ):
            return url
    """,
    "a body that is only a docstring, after a long header": """
        class Client:
            def fetch(
                self,
                url,
            ):
                \"\"\"Fetch ``url``.\"\"\"

            def close(self):
                pass
    """,
    "a one-line def followed by another": """
        class Client:
            def fetch(self, url): ...
            def close(self): ...
    """,
    "a last string whose lines sit left of the body": """
        class Client:
            def fetch(self, url, **kwargs):
                return f\"\"\"
        GET {url}
        \"\"\"

            def close(self):
                pass
    """,
    "a last call closed at the def's column": """
        class Client:
            def fetch(self, url, **kwargs):
                return dict(
                    url=url,
            )

            def close(self):
                pass
    """,
    "a last line continued at column 0": """
        def fetch(url, **kwargs):
            return 1, \\
        2

        def close():
            pass
    """,
    "a function nested in another": """
        def retry(func):
            def fetch(*args, **kwargs):
                return func(*args, **kwargs)
            return fetch
    """,
}


@pytest.fixture
def compiled(request: pytest.FixtureRequest) -> Iterator[tuple[str, types.CodeType]]:
    """The source of a layout and the code of its ``fetch``, registered in
    :mod:`linecache` as a file's lines are."""
    text = textwrap.dedent(LAYOUTS[request.param])
    filename = f"<source blocks {request.param}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    yield text, code_named(compile(text, filename, "exec"), "fetch")
    linecache.cache.pop(filename, None)


def _whole_file_node(text: str) -> ast.AST:
    found = [
        node
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef) and node.name == "fetch"
    ]
    assert len(found) == 1
    return found[0]


def _positions(node: ast.AST, lines: list[str]) -> list[tuple[str, int, str, int | None]]:
    """Each node's first and last line as text, with its columns."""
    return [
        (lines[n.lineno - 1], n.col_offset, lines[(n.end_lineno or n.lineno) - 1], n.end_col_offset)
        for n in ast.walk(node)
        if isinstance(n, (ast.stmt, ast.expr, ast.arg, ast.keyword))
    ]


@pytest.mark.parametrize("compiled", list(LAYOUTS), indirect=True)
def test_the_block_alone_gives_the_whole_files_node(
    compiled: tuple[str, types.CodeType], monkeypatch: pytest.MonkeyPatch
) -> None:
    text, code = compiled
    monkeypatch.setattr(source, "module_tree", lambda *args: None)
    with scoped_caches():
        found = source.function_source(code)
    assert found is not None
    expected = _whole_file_node(text)
    assert ast.dump(found.node) == ast.dump(expected)
    file_lines = text.splitlines(keepends=True)
    assert _positions(found.node, found.lines) == _positions(expected, file_lines)


def test_an_edited_file_is_not_misread() -> None:
    """A block that no longer matches the code (the file changed after import)
    gives no node rather than another function's."""
    text = textwrap.dedent(LAYOUTS["a method"])
    filename = "<source blocks edited>"
    code = code_named(compile(text, filename, "exec"), "fetch")
    edited = text.replace("def fetch(self, url", "def fetch(self, address")
    linecache.cache[filename] = (len(edited), None, edited.splitlines(keepends=True), filename)
    try:
        with scoped_caches():
            assert source.function_node(code) is None
    finally:
        linecache.cache.pop(filename, None)


def test_a_default_is_read_as_written_from_a_methods_block() -> None:
    """The text of a default is cut from the lines the block's node indexes:
    ``"fast"`` and ``0xFF`` as written, not as ``ast.unparse`` would write them."""
    text = textwrap.dedent(
        """
        import os


        class Client:
            def close(self):
                pass

            def fetch(self, url, mode="fast", mask=0xFF, **kwargs):
                return url
        """
    )
    filename = "<source blocks defaults>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
    namespace: dict[str, object] = {}
    exec(compile(text, filename, "exec"), namespace)
    fetch = namespace["Client"].fetch  # type: ignore[attr-defined]
    try:
        with scoped_caches():
            params = effective_signature(fetch).parameters
            written = {name: default_as_written(params[name]) for name in ("mode", "mask")}
    finally:
        linecache.cache.pop(filename, None)
    assert written == {"mode": '"fast"', "mask": "0xFF"}
