"""How a call names its target, in the wrapper's own terms (a :class:`~.model.Callee`).

``func(...)`` with ``func`` from the closure, ``self.func(...)``,
``super().method(...)``, ``json.dumps(...)`` from a module-level name,
``impl.__get__(obj, cls)(...)``: the kind says where the run-time walk
finds the object; nothing is looked up here.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..source import mangle
from .model import Callee, CalleeKind
from .syntax import is_none, unparse

if TYPE_CHECKING:
    from .state import Analysis


def callee_of(state: Analysis, func: ast.expr) -> Callee:
    """The target of a call whose function is written ``func``."""
    text = unparse(func)
    if isinstance(func, ast.Name):
        return _named(state, func, text)
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == state.self_name
        and state.self_name not in state.shadowed
    ):
        return Callee(CalleeKind.SELF_ATTR, mangle(func.attr, state.code), text)
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Call)
        and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "super"
        and not func.value.args
    ):
        return Callee(CalleeKind.SUPER, func.attr, text)
    dotted = _global_path(state, func)
    if dotted is not None:
        # ``json.dumps(*args, **kwargs)``: an attribute of a module-level name
        return Callee(CalleeKind.GLOBAL, dotted, text)
    closed = _closure_path(state, func)
    if closed is not None:
        # ``retrying.call(func, *args, **kwargs)``: an attribute of a closure variable
        return Callee(CalleeKind.FREE, closed, text)
    if (
        isinstance(func, ast.Call)
        and isinstance(func.func, ast.Attribute)
        and func.func.attr == "__get__"
        and func.args
        and not is_none(func.args[0])
    ):
        first = func.args[0]
        bound_to = first.id if isinstance(first, ast.Name) else ""
        return Callee(CalleeKind.UNKNOWN, "", text, binds=True, bound_to=bound_to)
    return Callee(CalleeKind.UNKNOWN, "", text)


def _named(state: Analysis, func: ast.Name, text: str) -> Callee:
    """A plain name: shadowed, closure, parameter, inner def, alias, local or global."""
    name = func.id
    if name in state.shadowed:
        return Callee(CalleeKind.UNKNOWN, name, text)
    if name in state.freevars:
        return Callee(CalleeKind.FREE, name, text)
    if name in state.params:
        return Callee(CalleeKind.PARAM, name, text)
    if name in state.local_defs:
        return Callee(CalleeKind.LOCAL_DEF, name, text)
    alias = state.aliases.get(name)
    if alias is not None and alias is not func:
        return callee_of(state, alias)
    if name in state.locals:
        return Callee(CalleeKind.UNKNOWN, name, text)
    return Callee(CalleeKind.GLOBAL, name, text)


def _global_path(state: Analysis, node: ast.expr) -> str | None:
    """``mod.sub.func`` -> ``"mod.sub.func"`` when ``mod`` is a module-level name."""
    path = _attribute_path(node)
    if path is None:
        return None
    root = path[0]
    local = state.freevars | state.params | state.locals | state.local_defs | state.shadowed
    if root in local or root in state.aliases:
        return None
    return ".".join(path)


def _closure_path(state: Analysis, node: ast.expr) -> str | None:
    """``runner.call`` -> ``"runner.call"`` when ``runner`` is a closure variable."""
    path = _attribute_path(node)
    if path is None or path[0] not in state.freevars or path[0] in state.shadowed:
        return None
    return ".".join(path)


def _attribute_path(node: ast.expr) -> list[str] | None:
    """``a.b.c`` -> ``["a", "b", "c"]``; ``None`` for anything but attributes of a name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not parts or not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]
