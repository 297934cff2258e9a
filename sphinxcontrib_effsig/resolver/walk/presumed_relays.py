"""Wrappers whose code alone says they are presumed to relay everything.

A wrapper that declares what it wraps (``__wrapped__``) and passes its
``*args``/``**kwargs``, with nothing beside them, to callables its code
computes (``argmap._lazy_compile(__wrapper)(*args, **kwargs)``: networkx's
lazily compiled dispatchers; ``registry[name](*args, **kwargs)``) is
presumed to pass everything on unchanged (:mod:`.presumption`). That it is
such a relay is a property of its code, not of what it wraps: decided once
per code object (a :class:`RelayPlan`), then each function compiled from
that code takes its wrapped object's signature at once, with the notes
the general walk (:func:`~.wrappers.function_signature`, building its
layer, its call sites and the presumption) writes for it.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis import CalleeKind, Effect
from ..annotations import evaluate_signature
from ..caches import current
from ..code_names import star_names
from ..compose import normalise
from ..model import EffectiveSignature
from ..naming import owner_name
from ..protocols.registry import dispatches_by_registry
from ..safe import MISSING
from ..signatures import NoSignature
from ..source import private_name
from .layers import explain

if TYPE_CHECKING:
    from .dispatch import Resolver


@dataclass(frozen=True, slots=True)
class RelayPlan:
    """What a presumed relay's code decides: the notes it gets, in order.

    ``reasons`` are the analysis' own (turned into notes naming the
    wrapper), ``callees`` the text of each call that cannot be followed;
    ``private`` the keyword-only parameters bound for the wrapper's own use,
    which each function must give a default to be one.
    """

    reasons: tuple[str, ...]
    callees: tuple[str, ...]
    private: tuple[str, ...]


def relay_plan(code: types.CodeType, effect: Effect) -> RelayPlan | None:
    """The plan of ``code`` if it is a presumed relay, else ``None`` (memoised)."""
    plans = current().relay_plans
    hit = plans.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    plan = _plan(code, effect)
    plans[id(code)] = (code, plan)
    return plan


def _plan(code: types.CodeType, effect: Effect) -> RelayPlan | None:
    """A plan only where every step of the general walk is decided by the code.

    Its only parameters are ``*args``, ``**kwargs`` and private bindings;
    it edits no keyword and annotates no return; every call passes the
    arguments on unconditionally to a callee the code cannot name, with no
    callable handed beside them; the first passes ``*args, **kwargs`` and
    nothing else (what the presumed call is made of).
    """
    varargs, varkw = star_names(code)
    forwards = effect.forwards
    if (
        varargs is None
        or varkw is None
        or code.co_argcount
        or not effect.has_source
        or not forwards
        or effect.popped
        or effect.supplied
        or effect.rewritten
        or effect.rejected
        or effect.defaults
        or effect.looped_defaults
        or effect.returns is not None
    ):
        return None
    first = forwards[0]
    if (
        not first.star_args
        or not first.star_kwargs
        or first.leading
        or first.keywords
        or first.trailing
    ):
        return None
    for forward in forwards:
        if (
            forward.callee.kind is not CalleeKind.UNKNOWN
            or forward.via is not None
            or forward.arms
            or forward.leading_callees
            or forward.keyword_callees
        ):
            return None
    private = code.co_varnames[: code.co_kwonlyargcount]
    if not all(private_name(name, code) for name in private):
        return None
    return RelayPlan(
        tuple(effect.unproven),
        tuple(forward.callee.text or "a callable" for forward in forwards),
        private,
    )


def presumed_relay(
    resolver: Resolver,
    func: types.FunctionType,
    name: str,
    plan: RelayPlan,
    wrapped: object,
) -> EffectiveSignature | None:
    """``func`` (owned by ``name``), presumed to pass everything on to ``wrapped``;
    ``None`` where the general walk must decide (a private binding without its
    default, a registry dispatcher, a wrapped object without a signature)."""
    kwdefaults = func.__kwdefaults__ or {}
    for each in plan.private:
        if each not in kwdefaults:
            return None
    if dispatches_by_registry(func, MISSING, wrapped):
        return None  # the computed target is, by default, the wrapped object
    try:
        target = resolver.resolve(wrapped)
    except NoSignature:
        return None
    notes = _notes(plan, name, owner_name(wrapped), bool(target.parameters))
    evaluated = evaluate_signature(target, wrapped)
    params = list(evaluated.parameters.values())
    normalised = normalise(params)
    if normalised is params:  # (as good as always: the target's are valid)
        return evaluated.replace(resolved=False, notes=notes, presumed=True)
    return EffectiveSignature(
        normalised,
        return_annotation=evaluated.return_annotation,
        resolved=False,
        notes=notes,
        presumed=True,
        __validate_parameters__=False,
    )


def _notes(plan: RelayPlan, name: str, wrapped_name: str, reaches: bool) -> tuple[str, ...]:
    """The notes of a relay of ``plan`` named ``name`` over ``wrapped_name``
    (``reaches``: what it wraps takes parameters): the same for every function
    compiled from one wrapper's code (networkx has hundreds), so written once."""
    key = (id(plan), name, wrapped_name, reaches)
    memo = current().relay_notes
    hit = memo.get(key)
    if hit is not None and hit[0] is plan:
        return hit[1]
    describe = f"the wrapper {name}"
    notes = explain(name, list(plan.reasons))
    if reaches:
        notes.append(
            f"{describe} declares that it wraps {wrapped_name}, but its "
            "arguments never reach it as far as the code can be followed"
        )
    for callee in plan.callees:
        notes.append(
            f"{describe} passes its arguments to {callee}, which the resolver "
            "cannot identify without running code"
        )
    notes = list(dict.fromkeys(notes))
    notes.append(
        f"{describe} is presumed to pass its arguments on to "
        f"{wrapped_name} unchanged, as inspect.signature presumes"
    )
    found = tuple(notes)
    memo[key] = (plan, found)
    return found
