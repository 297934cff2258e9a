"""A wrapper's forwarding calls turned into :class:`~..compose.Site` objects.

Each call the analysis found names its target in the wrapper's terms; the
target is found (:mod:`.callees`, or a protocol: a runner, a registry
dispatcher), resolved, and paired with the call. A helper the wrapper hands
``args``/``kwargs`` to as values is followed into.
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..analysis import Callee, CalleeKind, Forward, HelperCall, effect_of
from ..annotations import evaluate_signature
from ..code_names import named_parameters
from ..compose import Layer, Site
from ..protocols.registry import dispatches_by_registry
from ..protocols.runners import runner_call, values_runner_call
from ..safe import MISSING, is_function, signature_attr, wrapped_of
from ..signatures import NoSignature, drop_first, has_star
from .callees import callee_object
from .conditions import possible
from .constructors import unwrap_descriptor, user_method
from .layers import merge_kwargs_edits
from .presumption import shares_an_owner

if TYPE_CHECKING:
    from .dispatch import Resolver


@dataclass(frozen=True, slots=True)
class WrapperContext:
    """The wrapper whose calls are being followed: what every call site needs.

    ``func`` is the function whose code makes the calls (its closure and
    globals give the names in them their values); ``bound_self`` the
    instance it is bound to (a :class:`~.constructors.ClassContext` inside a
    constructor), else ``MISSING``; ``wrapped`` its declared ``__wrapped__``
    or ``None``; ``layer`` the layer being built, to which a helper that
    edits the shared ``kwargs`` adds its edits.
    """

    resolver: Resolver
    func: types.FunctionType
    bound_self: object
    wrapped: object
    layer: Layer
    #: how many helpers deep ``func`` is (the wrapper itself: 0)
    helpers: int = 0

    def callee_object(self, callee: Callee) -> Any:
        """What ``callee`` names in this wrapper's code, or ``MISSING``."""
        return callee_object(self.resolver, callee, self.func, self.bound_self)

    def computed_target(self, target: object) -> object:
        """A target the code computes is, for a registry dispatcher, ``__wrapped__``."""
        if target is MISSING and dispatches_by_registry(self.func, self.bound_self, self.wrapped):
            return self.wrapped
        return target


#: Helpers handing the arguments to helpers: how deep they are followed.
_MAX_HELPERS = 8


def sites(ctx: WrapperContext, forward: Forward) -> list[Site]:
    """The sites one forwarding call of the wrapper gives."""
    if forward.via is not None:
        return helper_sites(ctx, forward, forward.via)
    target = ctx.callee_object(forward.callee)
    run = runner_call(ctx, forward, target)
    if run is not None:
        return [_read_runner(ctx, forward, target, *run) or site(ctx, *run)]
    handed = _handed_callables(ctx, forward, target)
    if handed is not None:
        return [handed]
    return [site(ctx, forward, ctx.computed_target(target))]


def _handed_callables(ctx: WrapperContext, forward: Forward, target: object) -> Site | None:
    """A target that calls a parameter of its own, handed the callable for it.

    ``_l1(*args, l2=_l2, l3=_wrapped, **kwargs)``: ``_l1`` forwards to its
    ``l2``; resolved knowing what the call passes for it (and what travels on
    in ``**kwargs``), its signature says where the arguments end up.
    """
    resolver = ctx.resolver
    if not (
        forward.leading_callees
        or forward.keyword_callees
        or (forward.star_args and id(ctx.func) in resolver.travelling_args)
        or (forward.star_kwargs and id(ctx.func) in resolver.travelling)
    ) or not _calls_a_parameter(target):
        return None  # nothing handed over that the target could call
    values: list[object] = []
    for callee in forward.leading_callees:
        value = ctx.callee_object(callee)
        if value is MISSING:
            break
        values.append(value)
    if forward.star_args and len(values) == len(forward.leading_callees):
        values += ctx.resolver.travelling_args.get(id(ctx.func), ())
    keywords = {}
    if forward.star_kwargs:
        keywords.update(ctx.resolver.travelling.get(id(ctx.func), {}))
    for name, callee in forward.keyword_callees:
        value = ctx.callee_object(callee)
        if value is not MISSING and callable(value):
            keywords[name] = value
    if not any(callable(value) for value in values) and not keywords:
        return None
    try:
        sig = ctx.resolver.resolve_knowing(target, tuple(values), keywords)
    except NoSignature:
        return None
    if sig is None or not sig.resolved:
        return None
    return Site(forward, evaluate_signature(sig, target), id(target), target_object=target)


def _calls_a_parameter(obj: object) -> bool:
    """Whether ``obj``'s code (or the code its stated signature wraps) forwards to
    one of its own parameters."""
    if issubclass(type(obj), staticmethod):
        obj = obj.__func__  # type: ignore[attr-defined]
    if issubclass(type(obj), types.MethodType):
        obj = obj.__func__  # type: ignore[attr-defined]
    if not is_function(obj):
        obj = wrapped_of(obj) if signature_attr(obj) is not None else None
    if not is_function(obj) or not has_star(obj):
        return False
    effect = effect_of(obj.__code__, obj.__globals__)
    return bool([f for f in effect.forwards if f.callee.kind is CalleeKind.PARAM])


def _read_runner(
    ctx: WrapperContext, forward: Forward, runner: object, inner: Forward, candidate: object
) -> Site | None:
    """A runner written in Python, handed the target and the arguments, is read.

    ``retrying.call(func, *args, **kwargs)`` may consume keywords of its own
    (``attempts=3``) before it calls ``func``: resolved with ``func`` known,
    its signature says so. ``None`` where its code does not lead to the
    target (compiled runners, ``asyncio.to_thread``'s executor hand-off):
    the runner is then presumed to call the target with the rest.
    """
    index = len(forward.leading) - len(inner.leading) - 1
    values = [ctx.callee_object(c) for c in forward.leading_callees[:index]]
    if any(value is MISSING for value in values):
        return None
    try:
        sig = ctx.resolver.resolve_knowing(runner, (*values, candidate), {})
        reached = (
            sig is not None
            and sig.resolved
            and shares_an_owner(ctx.resolver.resolve(candidate), [sig])
        )
    except NoSignature:
        return None
    if not reached:
        return None
    return Site(forward, evaluate_signature(sig, runner), id(runner), target_object=runner)  # type: ignore[arg-type]


def site(ctx: WrapperContext, forward: Forward, target: object) -> Site:
    """``forward`` paired with the effective signature of ``target`` (if it resolves)."""
    if target is MISSING:
        return Site(forward, None)
    try:
        sig = ctx.resolver.resolve_evaluated(target)
    except NoSignature:
        return Site(forward, None)
    if forward.callee.binds and not _bound_to_none(ctx, forward.callee):
        sig = drop_first(sig)
    wrapped = ctx.wrapped
    declared = wrapped is not None and underlying(target) is underlying(wrapped)
    return Site(forward, sig, id(target), declared, target_object=target)


def _bound_to_none(ctx: WrapperContext, callee: Callee) -> bool:
    """``impl.__get__(obj, cls)`` where the closure's ``obj`` is ``None``: unbound."""
    if not callee.bound_to:
        return False
    value = callee_object(ctx.resolver, Callee(CalleeKind.FREE, callee.bound_to), ctx.func, MISSING)
    return value is None


def underlying(obj: object) -> object:
    """The function behind a bound method or a partial, for identity checks."""
    for _ in range(8):
        if issubclass(type(obj), types.MethodType):
            obj = obj.__func__  # type: ignore[attr-defined]
        elif issubclass(type(obj), functools.partial):
            obj = obj.func  # type: ignore[attr-defined]
        else:
            break
    return obj


@dataclass(frozen=True)
class _Helper:
    """A helper function as the wrapper calls it."""

    function: types.FunctionType
    bound_self: object
    #: how many leading parameters are filled before the call's arguments
    #: (``self`` of a bound method or of a class's ``__init__``)
    offset: int

    @property
    def names(self) -> tuple[str, ...]:
        return named_parameters(self.function.__code__)

    def parameter_at(self, where: int | str | None) -> str | None:
        """The helper's parameter that receives the call's argument at ``where``."""
        if where is None:
            return None
        names = self.names
        if isinstance(where, int):
            index = where + self.offset
            return names[index] if index < self.function.__code__.co_argcount else None
        return where if where in names else None


def _helper(obj: Any) -> _Helper | None:
    offset = 0
    helper_self: object = MISSING
    if issubclass(type(obj), types.MethodType):
        helper_self, obj = obj.__self__, obj.__func__
        offset = 1
    if isinstance(obj, type):
        obj = unwrap_descriptor(user_method(obj, "__init__"))
        offset = 1
    return _Helper(obj, helper_self, offset) if is_function(obj) else None


def helper_sites(ctx: WrapperContext, forward: Forward, via: HelperCall) -> list[Site]:
    """``helper(func, args, kwargs)``: follow the tuple and the dict into the helper.

    A helper that only reads them (``logger.debug("%s", args)``,
    ``len(args)``, a cache key) adds no forwarding site; one that edits
    the dict (it is shared) edits what the wrapper forwards.
    """
    handed_to = ctx.callee_object(via.helper)
    followed = _followed_helper_sites(ctx, forward, via, handed_to)
    if followed:
        return followed
    # The helper's code does not call anything with them: a runner that
    # keeps them for later (``Thread(target=func, args=args, kwargs=kwargs)``).
    run = values_runner_call(ctx, via, handed_to)
    return [] if run is None else [site(ctx, *run)]


def _followed_helper_sites(
    ctx: WrapperContext, forward: Forward, via: HelperCall, handed_to: object
) -> list[Site]:
    helper = _helper(handed_to)
    if helper is None:
        return []
    tracked = (helper.parameter_at(via.args_at), helper.parameter_at(via.kwargs_at))
    if tracked == (None, None):
        return []
    effect = effect_of(helper.function.__code__, helper.function.__globals__, tracked)
    if not effect.has_source:
        return []
    if not effect.unproven:
        merge_kwargs_edits(ctx.layer, effect, helper.function, helper.bound_self)
    inside = replace(
        ctx, func=helper.function, bound_self=helper.bound_self, helpers=ctx.helpers + 1
    )
    found: list[Site] = []
    for inner in effect.forwards:
        if not possible(inner.arms, effect.conditions, helper.function, helper.bound_self):
            continue  # an arm the helper's instance is configured not to take
        if inner.via is not None and inside.helpers < _MAX_HELPERS:
            # The helper hands them on to a helper of its own: followed in turn.
            found += helper_sites(inside, forward, inner.via)
            continue
        target = _helper_target(ctx, inside, via, helper, inner)
        found.append(site(inside, inner, ctx.computed_target(target)))
    if effect.unproven and found:
        # It changes them in ways not followed, then hands them on.
        return [Site(forward, None)]
    return found


def _helper_target(
    ctx: WrapperContext, inside: WrapperContext, via: HelperCall, helper: _Helper, inner: Forward
) -> Any:
    """What the helper's own call reaches: a parameter traced back to the wrapper's
    argument for it, or a name in the helper's code."""
    names = helper.names
    if inner.callee.kind is CalleeKind.PARAM and inner.callee.name in names:
        index = names.index(inner.callee.name) - helper.offset
        passed = dict(via.arguments)
        source = passed.get(index, passed.get(inner.callee.name))
        return MISSING if source is None else ctx.callee_object(source)
    if inner.via is None:
        return inside.callee_object(inner.callee)
    return MISSING


def prebind(resolver: Resolver, site: Site, bound_self: object) -> Site:
    """Resolve a target that receives ``self`` first in ``*args`` as bound to it.

    A decorated method bound to an instance passes ``self`` on inside
    ``*args``; resolving the target as bound lets its own
    ``self.attribute`` calls be followed.
    """
    forward = site.forward
    target = site.target_object
    if site.target is None or not forward.star_args or forward.leading or not is_function(target):
        return site
    try:
        sig = resolver.resolve(target, bound_self)
    except NoSignature:
        return site
    return replace(site, target=evaluate_signature(sig, target), prebound=True)


def bind_through_sites(resolver: Resolver, layer: Layer, bound_self: object) -> bool:
    """Bind ``self``, which travels in ``*args``, in every target that receives it.

    Done only when every known target takes it first: then ``self`` is bound
    now, and the wrapper's positional needs move up one. Says whether it was.
    """
    prebound = [prebind(resolver, s, bound_self) for s in layer.sites]
    known = [s for s in prebound if s.target is not None]
    if not known or not all(s.prebound for s in known):
        return False
    layer.sites = prebound
    layer.positional_needed = max(0, layer.positional_needed - 1)
    return True
