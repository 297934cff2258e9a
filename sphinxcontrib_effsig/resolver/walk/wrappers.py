"""Python functions: plain ones, and wrappers with the layer their code describes.

A Python function that has ``*args``/``**kwargs`` is a wrapper: its code's
:class:`~..analysis.Effect` says where they go, and each target found there
is resolved in turn (:mod:`.call_sites`) and composed with the wrapper's
own layer (:func:`~..compose.compose`).
"""

from __future__ import annotations

import inspect
import types
from typing import TYPE_CHECKING

from .. import typed
from ..analysis import Effect, effect_of
from ..compose import Layer, compose, unfollowed_notes
from ..model import EMPTY, KW, PO, POK, EffectiveParameter, EffectiveSignature
from ..naming import owner_name
from ..protocols.generated import generated_implementation
from ..safe import MISSING, wrapped_of
from ..signatures import NoSignature, bind_first, own_parameters, plain_signature
from ..source import private_name
from .call_sites import WrapperContext, bind_through_sites, sites
from .closures import layers_below
from .conditions import possible
from .constructors import ClassContext
from .layers import explain, merge_kwargs_edits, own_return
from .presumed_relays import presumed_relay, relay_plan
from .presumption import presume, reaches

if TYPE_CHECKING:
    from .dispatch import Resolver


def function_signature(
    resolver: Resolver, func: types.FunctionType, bound_self: object
) -> EffectiveSignature:
    """A Python function; with ``bound_self``, its first parameter is bound to it.

    The bound parameter is removed before composition, so a decorator's
    ``self`` never hides the ``self`` of the method it wraps.
    """
    code = func.__code__
    has_star = bool(code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS))
    wrapped = wrapped_of(func)
    if wrapped is None and bound_self is not MISSING:
        wrapped = None if isinstance(bound_self, ClassContext) else wrapped_of(bound_self)
    bound = bound_self is not MISSING
    if not has_star and wrapped is None:
        return bind_first(plain_signature(func), bound)
    effect = effect_of(code, func.__globals__)
    name = owner_name(func)
    if wrapped is not None and not bound:
        plan = relay_plan(code, effect)
        if plan is not None:
            presumed = presumed_relay(resolver, func, name, plan, wrapped)
            if presumed is not None:
                return presumed
    own = own_parameters(func, effect, func, name, use_source=wrapped is not None)
    own = [p for p in own if "__" not in p.name or not _private_binding(p, code)]
    # A named first parameter is the bound one; otherwise ``self`` travels
    # in ``*args`` and is bound in the composed signature.
    bind_result = bound
    if bound and own and own[0].kind in (PO, POK):
        own = own[1:]
        bind_result = False
    if not has_star:
        return fixed_wrapper(resolver, func, own, effect, wrapped)
    if not effect.has_source:
        return opaque_wrapper(resolver, func, own, wrapped, bind_result)
    if wrapped is None and not effect.forwards and not effect.popped:
        return bind_first(plain_signature(func), bound)
    return _wrapper(resolver, func, name, own, effect, wrapped, bound_self, bind_result)


def _wrapper(
    resolver: Resolver,
    func: types.FunctionType,
    name: str,
    own: list[EffectiveParameter],
    effect: Effect,
    wrapped: object,
    bound_self: object,
    bind_result: bool,
) -> EffectiveSignature:
    """A wrapper with readable source (owned by ``name``): its layer, composed
    with its targets."""
    layer = Layer(
        own=own,
        owner=func,
        owner_name=name,
        unproven=explain(name, effect.unproven),
        return_annotation=own_return(func, effect),
        returns_forwarded=effect.returns_forwarded and not effect.returns_instance,
        describe=f"the wrapper {name}",
        expects_target=wrapped is not None,
        wrapped_id=id(wrapped) if wrapped is not None else 0,
        forwarder=wrapped is None and "<locals>" not in func.__code__.co_qualname,
        rejects_rest=effect.rejects_rest,
    )
    merge_kwargs_edits(layer, effect, func, bound_self)
    ctx = WrapperContext(resolver, func, bound_self, wrapped, layer)
    for forward in effect.forwards:
        if not forward.arms or possible(forward.arms, effect.conditions, func, bound_self):
            layer.sites.extend(sites(ctx, forward))
    if wrapped is not None and not reaches(resolver, layer.sites, wrapped):
        layer.unproven.append(
            f"the wrapper {name} declares that it wraps {owner_name(wrapped)}, but its "
            "arguments never reach it as far as the code can be followed"
        )
    if bind_result and bind_through_sites(resolver, layer, bound_self):
        # ``self`` is args[0]: it is bound now, the rest move up one.
        bind_result = False
    # The wrapper's own "whatever it returns" (``-> R``, ``-> Any``) was
    # dropped above; a TypeVar the target itself returns stays its own.
    unfollowed = unfollowed_notes(layer) if wrapped is not None else None
    if unfollowed is not None:
        # Composed, this would be the wrapper's own parameters, unresolved:
        # presumed instead, when what it wraps resolves.
        presumed = presume(resolver, layer, wrapped, bound_self, unfollowed)
        if presumed is not None:
            return presumed
    sig = compose(layer)
    if unfollowed is None and not sig.resolved and not sig.presumed and wrapped is not None:
        presumed = presume(resolver, layer, wrapped, bound_self, sig.notes)
        if presumed is not None:
            return presumed
    return bind_first(sig, bind_result)


def fixed_wrapper(
    resolver: Resolver,
    func: types.FunctionType,
    own: list[EffectiveParameter],
    effect: Effect,
    wrapped: object,
) -> EffectiveSignature:
    """A wrapper with named parameters only: they are the whole truth.

    Generated wrappers (``makefun``, ``boltons``, ``decorator``: compiled
    from text, no source) name the target's parameters one by one; their
    owners are found by comparing with what they wrap, and the rest
    belong to the implementation the generated code calls.
    """
    return_annotation = own_return(func, effect) if effect.has_source else EMPTY
    inner: EffectiveSignature | None = None
    if wrapped is not None:
        try:
            inner = resolver.resolve(wrapped)
        except NoSignature:
            inner = None
    if inner is not None and return_annotation is EMPTY:
        return_annotation = inner.return_annotation
    if inner is not None and not effect.has_source:
        own = _owned_as_generated(func, own, inner, wrapped)
    return EffectiveSignature(own, return_annotation=return_annotation)


def _owned_as_generated(
    func: types.FunctionType,
    own: list[EffectiveParameter],
    inner: EffectiveSignature,
    wrapped: object,
) -> list[EffectiveParameter]:
    """A generated wrapper's parameters, each owned by the wrapped function that
    has it, or else by the implementation the generated code calls."""
    implementation = generated_implementation(func, wrapped)
    impl_name = owner_name(implementation) if implementation is not None else ""
    params = []
    for param in own:
        source = inner.parameters.get(param.name)
        if source is not None:
            param = param.replace(owner=source.owner, owner_name=source.owner_name)
        elif implementation is not None:
            param = param.replace(owner=implementation, owner_name=impl_name)
        params.append(param)
    return params


def _private_binding(param: EffectiveParameter, code: types.CodeType) -> bool:
    """A wrapper's keyword-only parameter with a default and a class-private
    name (``__name``, mangled or not): a value bound into the wrapper for its
    own use (beartype's ``__beartype_func=<the function>``, networkx's
    ``__wrapper`` stored as ``_argmap__wrapper``), which no caller passes."""
    return param.kind is KW and param.default is not EMPTY and private_name(param.name, code)


def opaque_wrapper(
    resolver: Resolver,
    func: types.FunctionType,
    own: list[EffectiveParameter],
    wrapped: object,
    bound: bool,
) -> EffectiveSignature:
    """No source to read: a typed decorator, or what autodoc would show."""
    below = layers_below(func, wrapped)
    from_types = typed.from_definition_site(func, below, resolver.resolve_quietly)
    if from_types is not None:
        return bind_first(from_types, bound)
    where = func.__code__.co_filename
    why = (
        "its code was compiled at run time"
        if where.startswith("<")
        else f"its source ({where}) cannot be read"
    )
    note = (
        f"{owner_name(func)}: {why}, so where its *args/**kwargs go is not known; "
        "its own parameters are kept"
    )
    if wrapped is not None:
        name = owner_name(func)
        layer = Layer(own=own, owner=func, owner_name=name, describe=f"the wrapper {name}")
        presumed = presume(resolver, layer, wrapped, MISSING, [note])
        if presumed is not None:
            return bind_first(presumed, bound)
    # Keep what is proven (the wrapper's own parameters) and the
    # *args/**kwargs whose destination is unknown; invent nothing.
    return EffectiveSignature(own, resolved=False, notes=[note])
