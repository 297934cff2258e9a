"""Whether a function's return annotation, as written, names what it builds.

``def loads(data, cl: type[T], **kwargs) -> T`` returns an instance of the
class it is given: its ``T`` is its own result, not the ``-> R`` of a
wrapper that passes its target's result on (read in ``walk.layers``).
Decided here, once per code object, from the annotations as written.
"""

from __future__ import annotations

import ast
import contextlib

from .syntax import always_exits, const_str, is_name, walk


def returned_calls(body: list[ast.stmt]) -> frozenset[int]:
    """The ids of the calls a function body returns the result of, where every
    ``return`` in it returns a call's result as it is and the body cannot end
    without one (its last statement returns or raises); else none.

    ``return func(*args, **kwargs)`` hands the caller what ``func`` returns:
    its own annotation, not the wrapper's, says what that is.
    """
    if not always_exits(body):
        return frozenset()
    found: set[int] = set()
    pending = list(body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, ast.Return):
            if not isinstance(stmt.value, ast.Call):
                return frozenset()
            found.add(id(stmt.value))
        elif not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # Compound statements: their blocks (a nested def's returns are its own).
            for name in _BLOCKS:
                pending.extend(getattr(stmt, name, ()))
            for handler in getattr(stmt, "handlers", ()):
                pending.extend(handler.body)
            for case in getattr(stmt, "cases", ()):
                pending.extend(case.body)
    return frozenset(found)


#: The blocks of a compound statement (``if``, loops, ``with``, ``try``).
_BLOCKS = ("body", "orelse", "finalbody")


def returns_instance_of_parameter(returns: ast.expr | None, annotations: list[ast.expr]) -> bool:
    """``-> T`` where a parameter is annotated ``type[T]`` (or holds one)."""
    name = _bare_name(returns)
    return name is not None and any(_class_of(expr, name) for expr in annotations)


def _bare_name(expr: ast.expr | None) -> str | None:
    text = const_str(expr)
    if text is not None:
        expr = _parsed(text)
    return expr.id if isinstance(expr, ast.Name) else None


def _class_of(expr: ast.expr, name: str) -> bool:
    """Whether an annotation as written is, or holds, ``type[name]``."""
    for node in walk(expr):
        if (
            isinstance(node, ast.Subscript)
            and _names(node.value, {"type", "Type"})
            and _names(node.slice, {name})
        ):
            return True
        text = const_str(node) if isinstance(node, ast.expr) else None
        if text is not None:  # a string annotation: "type[T]"
            parsed = _parsed(text)
            if parsed is not None and _class_of(parsed, name):
                return True
    return False


def _parsed(text: str) -> ast.expr | None:
    with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):
        return ast.parse(text, mode="eval").body
    return None


def _names(node: ast.AST, names: set[str]) -> bool:
    """``node`` is one of ``names``, bare or as the last part of a dotted name."""
    return is_name(node, names) or (isinstance(node, ast.Attribute) and node.attr in names)
