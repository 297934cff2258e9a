"""Finding what a wrapper wraps when it does not declare it (no ``__wrapped__``).

A wrapper made without :func:`functools.wraps` still holds its target:
in a closure cell, or as a global its code names.
"""

from __future__ import annotations

import functools
import types
from typing import TYPE_CHECKING, Any

from ..analysis import effect_of
from ..safe import MISSING, instance_attr, is_function, wrapped_of
from ..signatures import has_star
from .callees import callee_object
from .unwrap import layers

if TYPE_CHECKING:
    from .dispatch import Resolver


def closure_target(resolver: Resolver, func: types.FunctionType) -> Any:
    """The callable a function forwards its ``*args``/``**kwargs`` to, if one."""
    effect = effect_of(func.__code__, func.__globals__)
    targets = {
        id(obj): obj
        for forward in effect.forwards
        if forward.via is None
        for obj in [callee_object(resolver, forward.callee, func, MISSING)]
        if obj is not MISSING
    }
    return next(iter(targets.values())) if len(targets) == 1 else None


def closure_callable(func: types.FunctionType) -> Any:
    """What a generated wrapper without ``__wrapped__`` wraps, if it can be told.

    Candidates are the Python callables its code can reach (closure cells
    and the globals it names); the target is the one whose name the
    wrapper took over, or the only candidate.
    """
    found: dict[int, Any] = {}
    values: list[object] = []
    for cell in func.__closure__ or ():
        try:
            values.append(cell.cell_contents)
        except ValueError:
            continue
    values += [func.__globals__.get(name) for name in func.__code__.co_names]
    for value in values:
        if isinstance(value, (types.FunctionType, types.MethodType, functools.partial)):
            found[id(value)] = value
    if len(found) == 1:
        return next(iter(found.values()))
    name = instance_attr(func, "__qualname__")
    named = [v for v in found.values() if instance_attr(v, "__qualname__") == name]
    return named[0] if len(named) == 1 else None


def layers_below(func: types.FunctionType, wrapped: object) -> list[object]:
    """What ``func`` wraps, layer by layer, down to the innermost function found."""
    start = wrapped if wrapped is not None else closure_callable(func)
    return layers(start, _declared_or_closed_over)


def _declared_or_closed_over(obj: object) -> Any:
    """The layer below ``obj``: ``__wrapped__``, else (for a wrapper-shaped
    function only) the callable in its closure."""
    inner = wrapped_of(obj)
    if inner is None and is_function(obj) and has_star(obj):
        inner = closure_callable(obj)
    return inner
