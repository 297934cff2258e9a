"""Other names for what a wrapper forwards: its target, its ``*args``, its ``**kwargs``.

- ``func = self.func`` then ``func(*args)``: a name assigned once stands for
  its value when naming a call's target (:func:`callee_aliases`).
- ``kw = dict(kwargs)``, ``kw = {**kwargs}``, ``kw = kwargs.copy()``: ``kw``
  is the caller's keywords too; ``a = args`` likewise for the tuple.
- ``bound = sig.bind(*args, **kwargs)``: ``bound.args``/``bound.kwargs`` are
  the same arguments, checked against a signature.
- Rebinding ``args``/``kwargs`` to anything else leaves the analysis unsure.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from .syntax import const_str, walk

if TYPE_CHECKING:
    from .state import Analysis


#: Statements and expressions that bind the names in their ``target``.
_TARGETED = frozenset({ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For})
_Targeted = ast.AugAssign | ast.AnnAssign | ast.NamedExpr | ast.For


def callee_aliases(nodes: Iterable[ast.AST]) -> dict[str, ast.expr]:
    """Names assigned exactly once, from a plain name or attribute (``f = self.func``),
    among ``nodes`` (every node of a function's body)."""
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    for sub in nodes:
        # Every node of a body passes here: one type test each.
        if type(sub) is ast.Assign:
            targets = sub.targets
            first = targets[0]
            if (
                len(targets) == 1
                and type(first) is ast.Name
                and isinstance(sub.value, (ast.Name, ast.Attribute))
            ):
                values[first.id] = sub.value
        elif type(sub) in _TARGETED:
            targets = [cast("_Targeted", sub).target]
        else:
            continue
        for target in targets:
            for name in (target,) if type(target) is ast.Name else walk(target):
                if type(name) is ast.Name:
                    counts[name.id] = counts.get(name.id, 0) + 1
    return {name: value for name, value in values.items() if counts.get(name) == 1}


def read_name_binding(
    state: Analysis, node: ast.AST, target: ast.expr, value: ast.expr | None
) -> None:
    """``target = value`` where ``target`` is a plain name: an alias, or a rebinding."""
    if not isinstance(target, ast.Name) or target.id in state.shadowed:
        return
    name = target.id
    if name in state.args_names or name in state.kwargs_names:
        if isinstance(node, ast.Assign) and is_copy_of_kwargs(state, value):
            return
        if _replaces_args(state, node, name, value):
            # ``args = (1, 2)``: the caller's positionals are dropped; what is
            # passed on later as ``*args`` is the wrapper's own values.
            state.args_names.discard(name)
            return
        which = "*" + name if name in state.args_names else "**" + name
        state.effect.unproven.append(f"it reassigns {which}")
    elif is_copy_of_kwargs(state, value):
        state.kwargs_names.add(name)
    elif isinstance(value, ast.Call) and is_bind(value) and binds_all(state, value):
        state.bound_arguments.add(name)
    elif value is not None and state.is_args(value):
        state.args_names.add(name)


def _replaces_args(state: Analysis, node: ast.AST, name: str, value: ast.expr | None) -> bool:
    """``args = (1, 2)`` on every path, before anything reads ``args``."""
    return (
        name in state.args_names
        and isinstance(node, ast.Assign)
        and isinstance(value, ast.Tuple)
        and not any(isinstance(element, ast.Starred) for element in value.elts)
        and not state.arms
        and not state.shadowed
    )


def is_copy_of_kwargs(state: Analysis, value: ast.expr | None) -> bool:
    """``kwargs``, ``dict(kwargs)``, ``{**kwargs, "k": v}`` or ``kwargs.copy()``."""
    if value is None:
        return False
    if state.is_kwargs(value):
        return True
    if isinstance(value, ast.Dict):
        return any(
            k is None and state.is_kwargs(v) for k, v in zip(value.keys, value.values, strict=True)
        ) and all(k is None or const_str(k) is not None for k in value.keys)
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Name) and func.id == "dict" and len(value.args) == 1:
            return state.is_kwargs(value.args[0])
        if isinstance(func, ast.Attribute) and func.attr == "copy" and state.is_kwargs(func.value):
            return True
    return False


def is_bind(call: ast.Call) -> bool:
    """``sig.bind(...)``/``sig.bind_partial(...)``: a check against a signature,
    not a forward; its result's ``.args``/``.kwargs`` are the same arguments."""
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("bind", "bind_partial")


def binds_all(state: Analysis, call: ast.Call) -> bool:
    """``.bind(*args, **kwargs)`` with exactly the wrapper's arguments."""
    args_ok = [isinstance(a, ast.Starred) and state.is_args(a.value) for a in call.args]
    kwargs_ok = [k.arg is None and state.is_kwargs(k.value) for k in call.keywords]
    return all(args_ok) and all(kwargs_ok) and bool(args_ok or kwargs_ok)


def bound_part(state: Analysis, node: ast.expr, part: str) -> bool:
    """``bound.args`` (``part="args"``) or ``bound.kwargs`` of a ``bind`` result."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == part
        and state.tracked(node.value, state.bound_arguments)
    )
