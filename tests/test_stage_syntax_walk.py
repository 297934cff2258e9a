"""The analysis' own tree walk visits what :mod:`ast`'s does, ``ctx`` markers aside.

``children``/``walk`` replace :func:`ast.iter_child_nodes`/:func:`ast.walk`
on the analysis' hot path; these rows hold them to the standard library's
answer, node for node and in order, on real modules' syntax (every kind
of statement and expression the standard library writes).
"""

from __future__ import annotations

import ast
import asyncio.base_events
import dataclasses
import functools
import inspect
import typing
from pathlib import Path
from types import ModuleType

import pytest

from sphinxcontrib_effsig.resolver.analysis.syntax import children, unparse, walk

MODULES = [functools, inspect, dataclasses, typing, asyncio.base_events]

#: Syntax the modules above may not write: match, f-string specs, ``{**d}``,
#: keyword-only parameters without defaults, except*, walrus, async forms.
SAMPLER = """
def f(a, /, b=1, *args, c, d=2, **kw):
    global g
    x = {**kw, "k": 1}
    y = f"{a!r:>{b}} {c=}"
    if (n := len(args)) > 1:
        pass
    match a:
        case {"k": v, **rest} if v:
            return [*args, *rest]
        case [1, *others] | (2 | 3) as p:
            del others
        case Point(x=0) | None | True:
            return lambda q, *, r: q
    try:
        yield from args
    except* ValueError as e:
        raise RuntimeError from e
    finally:
        return not a < b <= c

async def h(xs):
    async with xs as ys:
        return [z async for z in ys if await z]
"""


def _tree(module: ModuleType | str) -> ast.Module:
    if isinstance(module, str):
        return ast.parse(module)
    return ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))


def _not_a_marker(node: ast.AST) -> bool:
    return not isinstance(node, ast.expr_context)


@pytest.mark.parametrize(
    "module", [*MODULES, SAMPLER], ids=lambda m: getattr(m, "__name__", "sampler")
)
def test_children_are_iter_child_nodes_without_the_ctx_markers(module: ModuleType | str) -> None:
    for node in ast.walk(_tree(module)):
        expected = [c for c in ast.iter_child_nodes(node) if _not_a_marker(c)]
        assert children(node) == expected, ast.dump(node)[:200]


@pytest.mark.parametrize(
    "module", [*MODULES, SAMPLER], ids=lambda m: getattr(m, "__name__", "sampler")
)
def test_walk_is_ast_walk_without_the_ctx_markers(module: ModuleType | str) -> None:
    tree = _tree(module)
    assert walk(tree) == [n for n in ast.walk(tree) if _not_a_marker(n)]


def test_a_name_has_no_children_to_walk_to() -> None:
    name = ast.parse("retries").body[0].value  # type: ignore[attr-defined]
    assert children(name) == []


@pytest.mark.parametrize(
    "module", [functools, dataclasses, SAMPLER], ids=lambda m: getattr(m, "__name__", "sampler")
)
def test_an_expression_is_written_as_ast_unparse_writes_it(module: ModuleType | str) -> None:
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.expr):
            assert unparse(node) == ast.unparse(node)
