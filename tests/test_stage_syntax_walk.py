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

from sphinxcontrib_effsig.resolver.analysis.syntax import children, walk

MODULES = [functools, inspect, dataclasses, typing, asyncio.base_events]


def _tree(module: ModuleType) -> ast.Module:
    return ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))


def _not_a_marker(node: ast.AST) -> bool:
    return not isinstance(node, ast.expr_context)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_children_are_iter_child_nodes_without_the_ctx_markers(module: ModuleType) -> None:
    for node in ast.walk(_tree(module)):
        expected = [c for c in ast.iter_child_nodes(node) if _not_a_marker(c)]
        assert children(node) == expected, ast.dump(node)[:200]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_walk_is_ast_walk_without_the_ctx_markers(module: ModuleType) -> None:
    tree = _tree(module)
    assert walk(tree) == [n for n in ast.walk(tree) if _not_a_marker(n)]


def test_a_name_has_no_children_to_walk_to() -> None:
    name = ast.parse("retries").body[0].value  # type: ignore[attr-defined]
    assert children(name) == []
