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
from ..compose import Layer, Site, compose, relayed
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
        if bound_self is MISSING or isinstance(bound_self, ClassContext):
            target = resolver.resolve(wrapped)
        else:
            target = resolver.resolve(wrapped, bound_self)
    except NoSignature:
        return None
    site = Site(
        _presumed_call(layer, wrapped, bound_self),
        evaluate_signature(target, wrapped),
        id(wrapped),
        declared=True,
        target_object=wrapped,
    )
    # The layer's own parameters are already without a bound ``self``; what
    # it left unproven is in ``notes``, and nothing of ``*args`` is needed.
    presumed = relayed(layer, site)
    if presumed is None:
        presumed = compose(
            dataclasses.replace(layer, sites=[site], unproven=[], positional_needed=0)
        )
    note = (
        f"{layer.describe} is presumed to pass its arguments on to "
        f"{owner_name(wrapped)} unchanged, as inspect.signature presumes"
    )
    return presumed.replace(resolved=False, presumed=True, notes=[*notes, note])


def _presumed_call(layer: Layer, wrapped: object, bound_self: object) -> Forward:
    """The call presumed to reach ``wrapped``.

    The call the resolver could not follow, as written
    (``handler(self, key, *args, **kwargs)``: ``key`` goes on); without one,
    ``*args``/``**kwargs`` go on and nothing else.
    """
    callee = Callee(CalleeKind.FREE, text=owner_name(wrapped))
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
        return Forward(callee, star_args=VAR_POS in kinds, star_kwargs=VAR_KW in kinds)
    leading = unknown.leading
    if any(name is None for name in leading):
        leading = ()  # ``map(func, *columns)``: not the wrapper's own values going on
    own = {p.name for p in layer.own}
    if bound_self is not MISSING and leading and leading[0] not in own:
        leading = leading[1:]  # the wrapper's bound ``self``: bound in the target too
    return Forward(
        callee,
        unknown.star_args,
        unknown.star_kwargs,
        leading,
        unknown.keywords,
        trailing=unknown.trailing,
    )


def reaches(resolver: Resolver, sites: list[Site], wrapped: object) -> bool:
    """Does one of the calls lead to the declared ``__wrapped__``?

    Checked by ownership: some parameter of a call's target comes from
    the wrapped function's own signature. A function without parameters
    gives nothing to check, and is taken as reached.
    """
    try:
        inner = resolver.resolve(wrapped)
    except NoSignature:
        return True
    if not sites:
        return True
    return any(site.declared for site in sites) or shares_an_owner(
        inner, [site.target for site in sites if site.target is not None]
    )


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
