"""Whether a function's return annotation, as written, names what it builds.

``def loads(data, cl: type[T], **kwargs) -> T`` returns an instance of the
class it is given: its ``T`` is its own result, not the ``-> R`` of a
wrapper that passes its target's result on (read in ``walk.layers``).
Decided here, once per code object, from the annotations as written.
"""

from __future__ import annotations

import ast
import contextlib


def returns_instance_of_parameter(returns: ast.expr | None, annotations: list[ast.expr]) -> bool:
    """``-> T`` where a parameter is annotated ``type[T]`` (or holds one)."""
    name = _bare_name(returns)
    return name is not None and any(_class_of(expr, name) for expr in annotations)


def _bare_name(expr: ast.expr | None) -> str | None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        expr = _parsed(expr.value)
    return expr.id if isinstance(expr, ast.Name) else None


def _class_of(expr: ast.expr, name: str) -> bool:
    """Whether an annotation as written is, or holds, ``type[name]``."""
    pending: list[ast.AST] = [expr]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Subscript) and _names(node.value, "type", "Type"):
            if _names(node.slice, name):
                return True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            parsed = _parsed(node.value)  # "type[T]"
            if parsed is not None:
                pending.append(parsed)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return False


def _parsed(text: str) -> ast.expr | None:
    with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):
        return ast.parse(text, mode="eval").body
    return None


def _names(node: ast.AST, *names: str) -> bool:
    """``node`` is one of ``names``, bare or as the last part of a dotted name."""
    return (isinstance(node, ast.Name) and node.id in names) or (
        isinstance(node, ast.Attribute) and node.attr in names
    )
