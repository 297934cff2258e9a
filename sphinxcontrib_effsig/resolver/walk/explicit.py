"""Objects that state their signature: ``__signature__`` (or ``__text_signature__``).

An explicit signature is authoritative for what a caller passes; who owns
each parameter is found by comparing it with what the object wraps.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..code_names import code_kinds, named_parameters, star_names
from ..model import KW, PO, POK, VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature
from ..naming import owner_name
from ..protocols.generated import generated_implementation, is_generated
from ..protocols.wrapt import value_wrapper
from ..safe import MISSING, is_function, signature_attr
from ..signatures import (
    NoSignature,
    bind_first,
    is_plain_function,
    restates_code,
    with_explicit_details,
)
from .closures import closure_target
from .wrappers import function_signature

if TYPE_CHECKING:
    from .dispatch import Resolver


def copied_signature(wrapped: object, explicit: inspect.Signature) -> bool:
    """``functools.wraps`` copies ``__dict__``, and with it an inner ``__signature__``.

    ``wrapped`` is what the object carrying ``explicit`` declares it wraps
    (its ``__wrapped__``, read statically). A copy describes that, not the object,
    which is then analysed as the wrapper it is.
    """
    return wrapped is not None and signature_attr(wrapped) is explicit


def explicit_signature(
    resolver: Resolver,
    obj: object,
    explicit: inspect.Signature,
    bound_self: object,
    wrapped: object,
) -> EffectiveSignature:
    """``obj`` as its own ``explicit`` signature describes it; ``wrapped`` is
    what it declares it wraps (``None`` if nothing)."""
    if restates_code(obj, explicit):
        # The same parameters as the code: the code's analysis, with the
        # details the explicit signature adds.
        return with_explicit_details(function_signature(resolver, obj, bound_self), obj, explicit)  # type: ignore[arg-type]
    # A __signature__ on __init__ or a method names ``self`` too: bound here.
    return bind_first(_stated(resolver, obj, explicit, wrapped), bound_self is not MISSING)


def _stated(
    resolver: Resolver, obj: object, explicit: inspect.Signature, wrapped: object
) -> EffectiveSignature:
    """``__signature__`` is authoritative; owners by comparison with the wrapped;
    variadics that are the wrapped function's own, resolved through it."""
    stated = stated_signature(resolver, obj, explicit, wrapped)
    if wrapped is None or not is_function(wrapped) or not _variadics_are_own(stated, wrapped):
        return stated
    try:
        expanded = expand_variadics(stated, wrapped, resolver.resolve(wrapped))
    except NoSignature:
        return stated
    return stated if expanded is None else expanded


def stated_signature(
    resolver: Resolver, obj: object, explicit: inspect.Signature, wrapped: object
) -> EffectiveSignature:
    """``explicit`` as it is, each parameter owned by what declares it: by
    ``wrapped`` (what ``obj`` declares it wraps, ``None`` if nothing) where
    that takes it with the same kind, else by ``obj``."""
    if wrapped is None and is_function(obj):
        wrapped = closure_target(resolver, obj)
    carrier = _carrier(obj, wrapped)
    carrier_name = owner_name(carrier)
    owners = _owners_of(resolver, wrapped)
    params = []
    copy = EffectiveParameter.from_parameter
    for name, param in explicit.parameters.items():
        source = owners.get(name)
        if source is not None and source[0] is param.kind:
            params.append(copy(param, source[1], source[2]))
        else:
            params.append(copy(param, carrier, carrier_name))
    # The parameters of a valid signature, in its order: no second check.
    return EffectiveSignature(
        params, return_annotation=explicit.return_annotation, __validate_parameters__=False
    )


def _owners_of(
    resolver: Resolver, wrapped: object
) -> Mapping[str, tuple[inspect._ParameterKind, object, str]]:
    """Each parameter of what a stated signature wraps, by name: its kind, owner
    and owner's name (none if it has none).

    A plain function's own code is its whole signature: the names and kinds
    it declares are read off it, and no signature of it is built for that.
    """
    if is_plain_function(wrapped):
        name = owner_name(wrapped)
        return {
            pname: (kind, wrapped, name) for pname, kind in code_kinds(wrapped.__code__).items()
        }
    if wrapped is None:
        return {}
    try:
        params = resolver.resolve(wrapped).parameters
    except NoSignature:
        return {}
    return {pname: (p.kind, p.owner, p.owner_name) for pname, p in params.items()}


def _carrier(obj: object, wrapped: object) -> object:
    """What owns the parameters the wrapped object lacks.

    ``obj`` itself; a wrapt proxy's wrapper function; for code generated
    from text (makefun), the implementation it calls.
    """
    proxy_wrapper = value_wrapper(obj)
    if proxy_wrapper is not None:
        return proxy_wrapper
    if is_function(obj) and is_generated(obj):
        implementation = generated_implementation(obj, wrapped)
        if implementation is not None:
            return implementation
    return obj


def expand_variadics(
    stated: EffectiveSignature, func: types.FunctionType, resolved: EffectiveSignature
) -> EffectiveSignature | None:
    """A stated ``*args``/``**kwargs`` that are ``func``'s own, resolved through its code.

    ``modifiers.kwoargs("kwop")`` over ``def kwo(kwop, *args): _wrapped(*args,
    z=kwop)`` states ``(*args, kwop)``: it rearranges the named parameters
    and leaves the variadics as they are, so where they go is ``func``'s
    code's to say. What travelled through them takes their place; the named
    parameters stay as stated. ``None`` where the two cannot be joined into
    one valid signature, or the stated variadics are not ``func``'s.
    """
    if not resolved.resolved or not _variadics_are_own(stated, func):
        return None
    code = func.__code__
    own_names = set(named_parameters(code))
    variadic = _stated_variadics(stated)
    travelled = [p for p in resolved.parameters.values() if p.name not in own_names]
    named = [p for p in stated.parameters.values() if p.kind not in (VAR_POS, VAR_KW)]
    order = (PO, POK, VAR_POS, KW, VAR_KW)
    joined = sorted(
        [
            *named,
            *(p for p in travelled if p.kind in (PO, POK, VAR_POS) and VAR_POS in variadic),
            *(p for p in travelled if p.kind in (KW, VAR_KW) and VAR_KW in variadic),
        ],
        key=lambda p: order.index(p.kind),
    )
    try:
        return resolved.replace(parameters=joined)
    except ValueError:  # a default before a required positional, a name twice
        return None


def _variadics_are_own(stated: EffectiveSignature, func: types.FunctionType) -> bool:
    """Whether the stated ``*args``/``**kwargs`` are ``func``'s own, by name and kind
    (read off its code: nothing is resolved for it)."""
    if not func.__code__.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
        return False  # (most wrapped functions: nothing to compare)
    variadic = _stated_variadics(stated)
    return bool(variadic) and variadic == _variadic_names(func.__code__)


def _stated_variadics(stated: EffectiveSignature) -> dict[object, str]:
    return {p.kind: p.name for p in stated.parameters.values() if p.kind in (VAR_POS, VAR_KW)}


def _variadic_names(code: types.CodeType) -> dict[object, str]:
    """``func``'s own ``*args``/``**kwargs`` names, by kind."""
    varargs, varkw = star_names(code)
    return {kind: name for kind, name in ((VAR_POS, varargs), (VAR_KW, varkw)) if name}
