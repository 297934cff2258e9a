"""Small questions about syntax trees, asked by every idiom module.

Nothing here knows about a wrapper's ``*args``/``**kwargs``; those questions
go through :class:`~.state.Analysis`, which knows which names hold them.
"""

from __future__ import annotations

import ast


def const_str(node: ast.expr | None) -> str | None:
    """``"timeout"`` -> ``"timeout"``; anything but a string literal -> ``None``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def const_keys(node: ast.expr | None) -> list[str] | None:
    """``{"a": 1, "b": 2}`` -> ``["a", "b"]``; ``None`` unless every key is a literal."""
    if not isinstance(node, ast.Dict):
        return None
    keys = [const_str(k) for k in node.keys]
    if any(k is None for k in keys):
        return None
    return [k for k in keys if k is not None]


def is_name(node: ast.AST | None, names: set[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def is_partial(node: ast.expr) -> bool:
    """``partial`` or ``functools.partial``, as written."""
    if isinstance(node, ast.Name):
        return node.id == "partial"
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "partial"
        and isinstance(node.value, ast.Name)
        and node.value.id == "functools"
    )


def always_raises(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Raise)


def always_exits(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise))


def parameter_names(args: ast.arguments) -> set[str]:
    """Every name a ``def``/``lambda`` binds as a parameter, ``*``/``**`` included."""
    names = {p.arg for p in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    for star in (args.vararg, args.kwarg):
        if star is not None:
            names.add(star.arg)
    return names


def outside_calls(node: ast.AST) -> list[ast.AST]:
    """Nodes of ``node`` not inside a call (calls are analysed on their own:
    ``*(func(url, **kwargs) for url in urls)`` forwards through the inner call)."""
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        if isinstance(current, ast.Call) and current is not node:
            continue
        stack.extend(ast.iter_child_nodes(current))
    return found


def unparse(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except Exception:
        return "<expression>"
