"""Leading positional arguments a wrapper cannot run without.

``first = args[0]`` on every path, or ``if not args: raise TypeError(...)``:
the caller must pass that many positional arguments, so the composition
keeps them required. Only statements that run whenever the wrapper runs
count; a read inside an ``if`` arm, a loop body or a ``try`` does not.
"""

from __future__ import annotations

import ast

from .mentions import mentions
from .syntax import children, is_name


def positional_needed(
    body: list[ast.stmt], args_names: set[str], lines: list[str] | None = None
) -> int:
    """How many leading ``args`` items ``body`` reads on every path, or refuses to miss.

    ``lines``, the source the body was parsed from, let statements that do
    not mention ``args`` go unread.
    """
    if not args_names:
        return 0
    needed = 0
    for stmt in body:
        if not mentions(lines, stmt, args_names):
            continue
        if isinstance(stmt, ast.If) and _refuses_empty(stmt, args_names):
            needed = max(needed, 1)
        for expr in _unconditional(stmt):
            needed = max(needed, _indexed(expr, args_names))
    return needed


def _unconditional(stmt: ast.stmt) -> list[ast.AST]:
    """The parts of a statement that run whenever the statement runs."""
    if isinstance(stmt, (ast.If, ast.While)):
        return [stmt.test]
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        return [stmt.iter]
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        parts: list[ast.AST] = [item.context_expr for item in stmt.items]
        for inner in stmt.body:
            parts.extend(_unconditional(inner))
        return parts
    if isinstance(stmt, ast.Match):
        return [stmt.subject]
    if isinstance(stmt, (ast.Try, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return []
    return [stmt]


def _indexed(node: ast.AST, args_names: set[str]) -> int:
    """How many leading ``args`` items ``node`` reads unconditionally."""
    if isinstance(node, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)):
        return 0
    if isinstance(node, ast.IfExp):
        return _indexed(node.test, args_names)
    if isinstance(node, ast.BoolOp):
        return _indexed(node.values[0], args_names)
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return _indexed(node.generators[0].iter, args_names)
    needed = 0
    if (
        isinstance(node, ast.Subscript)
        and is_name(node.value, args_names)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, int)
        and not isinstance(node.slice.value, bool)
        and node.slice.value >= 0
    ):
        needed = node.slice.value + 1
    for child in children(node):
        needed = max(needed, _indexed(child, args_names))
    return needed


def _refuses_empty(stmt: ast.If, args_names: set[str]) -> bool:
    """``if not args: raise ...`` or ``if len(args) ...: raise ...``."""
    test = stmt.test
    if not stmt.body or not isinstance(stmt.body[-1], ast.Raise):
        return False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return is_name(test.operand, args_names)
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Call)
        and isinstance(test.left.func, ast.Name)
        and test.left.func.id == "len"
        and bool(test.left.args)
        and is_name(test.left.args[0], args_names)
    )
