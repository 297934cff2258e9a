"""A wrapper's :class:`~..compose.Layer` filled in from what its code does.

The analysis (:mod:`..analysis`) reports expressions as written; here they
are read in the wrapper's namespace (defaults, its return annotation) and
its reasons become notes that name it.
"""

from __future__ import annotations

import ast
import types
from typing import Any

from ..analysis import OPTIONAL, Effect
from ..annotations import (
    SourceDefault,
    evaluate_annotation,
    is_typevar,
    read_default,
    says_nothing,
)
from ..compose import Layer
from ..model import EMPTY
from ..safe import MISSING
from .conditions import configured_choice


def _popped_default(expr: ast.expr | None, func: types.FunctionType) -> Any:
    if expr is None:
        return EMPTY
    if expr is OPTIONAL:
        return SourceDefault("...")
    return read_default(expr, func)


def merge_kwargs_edits(
    layer: Layer, effect: Effect, func: types.FunctionType, bound_self: object = MISSING
) -> None:
    """Add what ``func``'s code does to ``**kwargs`` (and needs of ``*args``) to ``layer``.

    Defaults written in the code are read in ``func``'s namespace.
    """
    layer.supplied |= effect.supplied
    layer.rewritten |= effect.rewritten
    layer.rejected |= effect.rejected
    layer.positional_needed = max(layer.positional_needed, effect.positional_needed)
    for key, expr in effect.popped.items():
        choices = effect.popped_in_arms.get(key, ())
        chosen = configured_choice(choices, effect.conditions, func, bound_self)
        layer.popped[key] = _popped_default(expr if chosen is None else chosen, func)
    for key, expr in effect.defaults.items():
        layer.defaults[key] = read_default(expr, func)
    for holder, expr in effect.looped_defaults.items():
        _merge_looped_defaults(layer, holder, expr, func)


def _merge_looped_defaults(
    layer: Layer, holder: str, expr: ast.expr, func: types.FunctionType
) -> None:
    """``for name in NAMES: if name not in kwargs: kwargs[name] = provide(name)``."""
    names = read_default(ast.Name(id=holder, ctx=ast.Load()), func)
    if isinstance(names, (tuple, list, frozenset, set)):
        for key in names:
            if isinstance(key, str):
                layer.defaults[key] = SourceDefault(ast.unparse(expr))
    else:
        layer.unproven.append(f"it fills in the keywords named by {holder}, which cannot be read")


def own_return(func: types.FunctionType, effect: Effect) -> Any:
    """The wrapper's return annotation, unless it says nothing (``-> Any``, ``-> R``).

    A type variable that one of the function's own parameters takes the
    class of (``cl: type[T]`` ... ``-> T``: an instance of the class given)
    is its own result, not whatever a callee returns: it is kept. One bound
    otherwise (``func: Callable[..., R]``, ``fn: F``, ``self: S``, or only by
    the decorator) passes the target's result on, whose own annotation says
    more.
    """
    if effect.returns is None:
        return EMPTY
    value = evaluate_annotation(effect.returns, func)
    if not says_nothing(value) or (effect.returns_instance and is_typevar(value)):
        return value
    return EMPTY


def explain(name: str, reasons: list[str]) -> list[str]:
    """Turn the analysis' reasons ("it reassigns *args") into notes naming the wrapper."""
    notes = []
    for reason in reasons:
        if reason.startswith("it "):
            notes.append(f"the wrapper {name} {reason[3:]}")
        else:
            notes.append(f"the wrapper {name}: {reason}")
    return notes
