"""The presumption for a wrapper whose forwarding cannot be followed.

A wrapper that declares what it wraps (``__wrapped__``) but whose calls the
resolver cannot follow is presumed to pass its arguments on unchanged, as
PEP 362, :mod:`inspect` and autodoc presume -- with every edit that was
proven (keywords it pops, supplies or refuses; its own parameters) applied.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..analysis import Callee, CalleeKind, Forward
from ..annotations import evaluate_signature
from ..compose import Layer, Site, compose, relay_parts
from ..model import VAR_KW, VAR_POS, EffectiveSignature
from ..naming import owner_name
from ..safe import MISSING, wrapped_of
from ..signatures import NoSignature
from .constructors import ClassContext

if TYPE_CHECKING:
    from .dispatch import Resolver


def presume(
    resolver: Resolver, layer: Layer, wrapped: object, bound_self: object, notes: Sequence[str]
) -> EffectiveSignature | None:
    """``layer`` composed with ``wrapped`` as its only target, marked presumed.

    The result is final: a bound method's ``self`` is bound in the target.
    A decorator object's own ``self`` (its ``__call__`` wraps its
    ``__wrapped__``) is the wrapper's, and never reaches the target.
    """
    if (
        bound_self is not MISSING
        and not isinstance(bound_self, ClassContext)
        and wrapped_of(bound_self) is wrapped
    ):
        bound_self = MISSING
    try:
        if bound_self is MISSING:
            target = resolver.resolve(wrapped)
        else:
            target = resolver.resolve(wrapped, bound_self)
    except NoSignature:
        return None
    evaluated = evaluate_signature(target, wrapped)
    wrapped_name = owner_name(wrapped)
    # The layer's own parameters are already without a bound ``self``; what
    # it left unproven is in ``notes``, and nothing of ``*args`` is needed.
    notes = [
        *notes,
        f"{layer.describe} is presumed to pass its arguments on to "
        f"{wrapped_name} unchanged, as inspect.signature presumes",
    ]
    arguments = _presumed_arguments(layer, bound_self)
    star_args, star_kwargs, leading, keywords, trailing = arguments
    if star_args and star_kwargs and not leading and not keywords and not trailing:
        # The commonest presumption, a relay of everything: the target's
        # parameters as they are (what the composition below would give).
        parts = relay_parts(layer, evaluated, declared=True)
        if parts is not None:
            return EffectiveSignature(
                parts[0],
                return_annotation=parts[1],
                resolved=False,
                notes=notes,
                presumed=True,
                __validate_parameters__=False,
            )
    call = Forward(Callee(CalleeKind.FREE, text=wrapped_name), *arguments[:4], trailing=trailing)
    site = Site(call, evaluated, id(wrapped), declared=True, target_object=wrapped)
    presumed = compose(dataclasses.replace(layer, sites=[site], unproven=[], positional_needed=0))
    return presumed.replace(resolved=False, presumed=True, notes=notes)


def _presumed_arguments(
    layer: Layer, bound_self: object
) -> tuple[bool, bool, tuple[str | None, ...], tuple[tuple[str, str | None], ...], int]:
    """What the call presumed to reach the wrapped object passes: ``*args``,
    ``**kwargs``, the leading values, the keywords and the trailing count.

    The call the resolver could not follow, as written
    (``handler(self, key, *args, **kwargs)``: ``key`` goes on); without one,
    ``*args``/``**kwargs`` go on and nothing else.
    """
    unknown = next(
        (
            s.forward
            for s in layer.sites
            if s.target is None
            and s.forward.via is None
            and (s.forward.star_args or s.forward.star_kwargs)
        ),
        None,
    )
    if unknown is None:
        kinds = {p.kind for p in layer.own}
        return VAR_POS in kinds, VAR_KW in kinds, (), (), 0
    leading = unknown.leading
    if any(name is None for name in leading):
        leading = ()  # ``map(func, *columns)``: not the wrapper's own values going on
    own = {p.name for p in layer.own}
    if bound_self is not MISSING and leading and leading[0] not in own:
        leading = leading[1:]  # the wrapper's bound ``self``: bound in the target too
    return unknown.star_args, unknown.star_kwargs, leading, unknown.keywords, unknown.trailing


def reaches(resolver: Resolver, sites: list[Site], wrapped: object) -> bool:
    """Does one of the calls lead to the declared ``__wrapped__``?

    Checked by ownership: some parameter of a call's target comes from
    the wrapped function's own signature. A function without parameters
    gives nothing to check, and is taken as reached.
    """
    if not sites or [site for site in sites if site.declared]:
        return True
    try:
        inner = resolver.resolve(wrapped)
    except NoSignature:
        return True
    return shares_an_owner(inner, [site.target for site in sites if site.target is not None])


def shares_an_owner(target: EffectiveSignature, found: Sequence[EffectiveSignature]) -> bool:
    """Whether some signature in ``found`` shows a parameter of ``target``'s own
    (the code led to it); a ``target`` without parameters gives nothing to check."""
    params = target.parameters
    if not params:
        return True
    if not found:
        return False
    owners = {id(p.owner) for p in params.values()}
    return any(id(p.owner) in owners for sig in found for p in sig.parameters.values())
