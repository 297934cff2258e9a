"""Compose: a wrapper's effect applied to the signatures of what it calls.

Pure functions over values: a :class:`Layer` (the wrapper's own parameters
and what its code does to keyword arguments) plus the effective signature of
each forwarding target gives the wrapper's effective signature, each
parameter keeping the owner it was introduced with.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .analysis import CalleeKind, Forward
from .annotations import says_nothing
from .call_edits import Applied, apply_call
from .model import EMPTY, KW, PO, POK, VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature
from .naming import compiled_routine
from .walk.constructors import compiled_constructor

_POSITIONAL = (PO, POK)


@dataclass(slots=True)
class Site:
    """A forwarding call and the effective signature of its target (if known)."""

    forward: Forward
    target: EffectiveSignature | None
    target_id: int = 0
    #: the target is the wrapper's declared ``__wrapped__`` (or it, bound)
    declared: bool = False
    #: the target was resolved with its first parameter bound to the instance
    #: the wrapper is bound to (``self`` travels in the wrapper's ``*args``)
    prebound: bool = False
    target_object: object = None


@dataclass(slots=True)
class Layer:
    """One wrapper, ready to be composed with its targets."""

    own: list[EffectiveParameter]
    owner: object
    owner_name: str
    sites: list[Site] = field(default_factory=list)
    popped: dict[str, Any] = field(default_factory=dict)  # name -> default (EMPTY: required)
    supplied: set[str] = field(default_factory=set)
    #: keywords the wrapper always puts in **kwargs from the caller's value
    rewritten: set[str] = field(default_factory=set)
    #: keywords the wrapper refuses before forwarding: never offered
    rejected: set[str] = field(default_factory=set)
    #: it refuses every keyword it does not pop: no ``**kwargs`` of its own
    rejects_rest: bool = False
    defaults: dict[str, Any] = field(default_factory=dict)
    positional_needed: int = 0
    unproven: list[str] = field(default_factory=list)
    return_annotation: Any = EMPTY
    #: the wrapper returns its forwarding calls' results as they are: where
    #: the function it declares it wraps states its result, that is the
    #: truth (as autodoc shows it), not what the decorator's wrapper says
    returns_forwarded: bool = False
    describe: str = "the wrapper"
    #: the wrapper declares a target (``__wrapped__``) it must be forwarding to
    expects_target: bool = False
    wrapped_id: int = 0
    #: the wrapper is a function documented in its own right (a module-level
    #: function or a method, declaring no ``__wrapped__``), not a decorator's
    forwarder: bool = False


def compose(layer: Layer) -> EffectiveSignature:
    """The effective signature of ``layer``'s wrapper."""
    relayed = _relayed_whole(layer)
    if relayed is not None:
        return relayed
    notes = list(layer.unproven)
    own_names = _own_names(layer)
    popped = [
        EffectiveParameter(
            name, KW, default=default, owner=layer.owner, owner_name=layer.owner_name
        )
        for name, default in layer.popped.items()
        if name not in own_names
    ]
    known = [s for s in layer.sites if s.target is not None]
    primary = _primary(known, layer.wrapped_id)
    unfollowed = unfollowed_notes(layer)
    if unfollowed is not None:
        return _unfollowed(layer, popped, unfollowed)

    assert primary is not None and primary.target is not None  # a site was followed
    applied = apply_call(primary, layer, primary.target)
    notes.extend(applied.unproven)
    for other in known:
        if other is not primary and other.target is not None:
            _combine(applied, primary, other, layer, notes)

    return_annotation = _returned(layer, primary, known)
    inner_notes: list[str] = []
    inner_resolved = inner_presumed = True
    for site in known:
        target = site.target
        assert target is not None
        inner_notes.extend(target.notes)
        if not target.resolved:
            inner_resolved = False
            # Proven here, and presumed (not unknown) below: the whole is presumed.
            inner_presumed = inner_presumed and target.presumed
    return _finish(
        _composed_parameters(
            layer,
            applied,
            popped,
            own_names,
            own_first=layer.forwarder and _named(primary),
            target_order=primary.target.parameters,
        ),
        return_annotation,
        not notes and inner_resolved,
        [*inner_notes, *notes],
        presumed=not notes and inner_presumed,
    )


def _relayed_whole(layer: Layer) -> EffectiveSignature | None:
    """The commonest wrapper, ``return func(*args, **kwargs)`` and nothing else:
    its target's signature, as the general composition would give it."""
    if len(layer.sites) != 1 or layer.unproven or layer.positional_needed:
        return None
    return relayed(layer, layer.sites[0])


def relayed(layer: Layer, site: Site) -> EffectiveSignature | None:
    """``layer`` composed with ``site`` as its only call, when that call is a
    whole relay: its target's signature, as the general composition would give it.

    Taken only where the general path provably changes nothing: the call,
    followed, passes ``*args`` and ``**kwargs`` on with nothing written
    beside them, and the layer relays whole (:func:`relay_parts`). (What the
    layer leaves unproven, and what its ``*args`` must hold, are the
    caller's to check.)
    """
    target, forward = site.target, site.forward
    if (
        target is None
        or not forward.star_args
        or not forward.star_kwargs
        or forward.leading
        or forward.keywords
        or forward.trailing
        or forward.rest_filled
    ):
        return None
    parts = relay_parts(layer, target, declared=site.declared)
    if parts is None:
        return None
    return EffectiveSignature(
        parts[0],
        return_annotation=parts[1],
        resolved=target.resolved,
        notes=_unique(list(target.notes)),
        presumed=target.resolved or target.presumed,
        __validate_parameters__=False,
    )


def relay_parts(
    layer: Layer, target: EffectiveSignature, *, declared: bool
) -> tuple[list[EffectiveParameter], Any] | None:
    """The parameters and return annotation of ``layer`` relaying everything
    to ``target``, or ``None`` where the layer is more than a relay.

    A relay has no parameter of its own but the two variadics and pops,
    supplies, refuses or re-defaults no keyword: then the composition is
    the target's own parameters in their order (normalise only checks
    them), and the layer's return annotation, else the target's (also where
    the layer returns what its ``declared`` target, the function it wraps,
    returns).
    """
    if (
        layer.popped
        or layer.supplied
        or layer.rewritten
        or layer.rejected
        or layer.defaults
        or [p for p in layer.own if p.kind is not VAR_POS and p.kind is not VAR_KW]
    ):
        return None
    return_annotation = layer.return_annotation
    if return_annotation is EMPTY or (declared and layer.returns_forwarded and _states(target)):
        return_annotation = target.return_annotation
    return normalise(list(target.parameters.values())), return_annotation


def _returned(layer: Layer, primary: Site, known: list[Site]) -> Any:
    """The composition's return annotation: the wrapper's own, unless it has
    none, or it returns what the function it declares it wraps returns and
    that function says what (a decorator's ``-> Callable[..., Any]`` on the
    wrapper is no truer than the decorated function's ``-> bytes``). A
    function's own annotation over a looser callee's stays: it is the one
    documented."""
    target = primary.target
    assert target is not None
    if layer.return_annotation is EMPTY:
        return target.return_annotation
    if layer.returns_forwarded and primary.declared and _states(target):
        returned = [s for s in known if s.forward.result_returned]
        if returned and all(s.declared for s in returned):
            return target.return_annotation
    return layer.return_annotation


def _states(target: EffectiveSignature) -> bool:
    """Whether ``target``'s return annotation says what it returns."""
    annotation = target.return_annotation
    return annotation is not EMPTY and not says_nothing(annotation)


def _own_names(layer: Layer) -> set[str]:
    return {p.name for p in layer.own if p.kind not in (VAR_POS, VAR_KW)}


def unfollowed_notes(layer: Layer) -> list[str] | None:
    """Why ``layer`` cannot be composed with its targets, or ``None`` when it can.

    Not every call could be followed, none reaches a target, or the layer
    itself is unproven: :func:`compose` then gives the wrapper's own
    parameters, unresolved, with these notes.
    """
    unknown = [s for s in layer.sites if s.target is None]
    has_primary = len(unknown) < len(layer.sites)
    if not unknown and has_primary and not layer.unproven:
        return None
    notes = list(layer.unproven)
    for site in unknown:
        callee = site.forward.callee.text or "a callable"
        notes.append(
            f"{layer.describe} passes its arguments to {callee}, which the resolver "
            "cannot identify without running code"
        )
    if not has_primary and not unknown and layer.expects_target:
        notes.append(
            f"{layer.describe} never passes its *args/**kwargs to a callable the "
            "resolver can follow"
        )
    return _unique(notes)


def _unfollowed(
    layer: Layer, popped: list[EffectiveParameter], notes: list[str]
) -> EffectiveSignature:
    """Not every call could be followed: the wrapper's own parameters, and why."""
    own = layer.own
    params = [p for p in own if p.kind in _POSITIONAL]
    params += [p for p in own if p.kind is VAR_POS][:1]
    params += [p for p in own if p.kind is KW]
    params += popped
    if not layer.rejects_rest:
        params += [p for p in own if p.kind is VAR_KW][:1]
    return _finish(params, layer.return_annotation, not notes, notes)


def _combine(applied: Applied, primary: Site, other: Site, layer: Layer, notes: list[str]) -> None:
    """Narrow what the primary call accepts by another call the wrapper makes."""
    assert other.target is not None
    if other.target_id == primary.target_id:
        # Another path to the same target (a retry loop, an if/else):
        # only calls that work on every path are in the signature.
        if other.forward is not primary.forward and other.forward != primary.forward:
            _intersect(applied, apply_call(other, layer, other.target))
    elif other.forward.excludes(primary.forward):
        # if iscoroutinefunction(f): A(*a, **kw) else: B(*a, **kw)
        _intersect_choice(applied, apply_call(other, layer, other.target))
        notes.append(
            f"{layer.describe} chooses at run time between "
            f"{_callee_text(primary)} and {_callee_text(other)}; "
            "only what both accept is shown"
        )
    elif other.forward.star_kwargs:
        _restrict_keywords(applied, apply_call(other, layer, other.target))


def _composed_parameters(
    layer: Layer,
    applied: Applied,
    popped: list[EffectiveParameter],
    own_names: set[str],
    *,
    own_first: bool,
    target_order: Mapping[str, object],
) -> list[EffectiveParameter]:
    """The wrapper's own parameters around the target's, in signature order
    (``own_names``: the wrapper's own named parameters).

    Keyword-only parameters: a decorator's come after those of what it
    decorates, the documented function's (SPEC 1.3: innermost first). A
    function documented in its own right that hands its ``**kwargs`` to a
    callee it names (``own_first``: ``super().__init__(**kwargs)``, a
    module function) keeps its own first, as its author wrote them; the
    callee's stand where its ``**kwargs`` stood, after them. A keyword a
    decorator declares and passes straight on (``timeout=timeout``) is the
    decorated function's: it keeps its place there (``target_order``).
    """
    own = layer.own
    positional = [_passed_through(p, applied.passthrough) for p in own if p.kind in _POSITIONAL]
    keyword_own = [_passed_through(p, applied.passthrough) for p in own if p.kind is KW]
    # A target parameter with the name of one of the wrapper's own is
    # unreachable: a keyword of that name binds to the wrapper.
    target_positional = [p for p in applied.positional if p.name not in own_names]
    target_keyword = [p for p in applied.keyword_only if p.name not in own_names]
    own_var_pos = own_var_kw = None
    for param in own:
        if param.kind is VAR_POS and own_var_pos is None:
            own_var_pos = param
        elif param.kind is VAR_KW and own_var_kw is None and not layer.rejects_rest:
            own_var_kw = param
    forwards_args = forwards_kwargs = False
    for site in layer.sites:
        forwards_args = forwards_args or site.forward.star_args
        forwards_kwargs = forwards_kwargs or site.forward.star_kwargs
    var_pos = _variadic(applied.var_positional, own_var_pos, forwards_args, own_first)
    var_kw = _variadic(applied.var_keyword, own_var_kw, forwards_kwargs, own_first)
    params = [*positional, *target_positional]
    if var_pos is not None:
        params.append(var_pos)
    if own_first:
        params += keyword_own + popped + target_keyword
    else:
        restated = [p for p in keyword_own if p.name in applied.passthrough]
        if restated:
            place = {name: index for index, name in enumerate(target_order)}
            target_keyword = sorted(
                target_keyword + restated, key=lambda p: place.get(p.name, len(place))
            )
            keyword_own = [p for p in keyword_own if p.name not in applied.passthrough]
        params += target_keyword + keyword_own + popped
    if var_kw is not None:
        params.append(var_kw)
    return params


def _variadic(
    target: EffectiveParameter | None,
    own: EffectiveParameter | None,
    forwarded: bool,
    own_first: bool,
) -> EffectiveParameter | None:
    """The ``*args`` (or ``**kwargs``) of the composition: the target's where the
    wrapper forwards its own there (a decorator's ``**kwargs`` stand for the
    decorated function's), unless the wrapper is the documented function
    (``own_first``: the ``**initial_values`` it hands to a callee it names
    are its own, as its docstring describes them) or the target is compiled
    code (``dict.__init__(self, *a, **kw)``, ``functools.partial(f, **kw)``),
    whose text signature names its variadics generically: then the
    wrapper's own name says as much, and is the author's."""
    if not forwarded:
        return own
    if target is None or own is None:
        return target
    if _compiled(target.owner):
        return own
    if own_first:
        # What the callee says the values are, where the author said nothing;
        # and what its docstring says of them, where the author's says nothing.
        annotation = own.annotation if own.annotation is not EMPTY else target.annotation
        return own.replace(annotation=annotation, passed_to=(target, *target.passed_to))
    return target


def _compiled(owner: object) -> bool:
    """A routine, or a class constructed by C code alone: its signature is its text signature."""
    return compiled_constructor(owner) if isinstance(owner, type) else compiled_routine(owner)


def _named(site: Site) -> bool:
    """Whether ``site`` calls a callee the code names: a module-level function
    or class, or a method (of a base class through ``super()``, or of the
    instance); not a value the wrapper holds (a closure's function, an
    instance attribute, a parameter) nor the construction a metaclass's
    ``super().__call__`` runs."""
    kind = site.forward.callee.kind
    if kind is CalleeKind.GLOBAL:
        return True
    return kind in (CalleeKind.SUPER, CalleeKind.SELF_ATTR) and isinstance(
        site.target_object, types.MethodType
    )


def _callee_text(site: Site) -> str:
    return site.forward.callee.text or "another callable"


def _primary(sites: list[Site], wrapped_id: int) -> Site | None:
    """The call that runs the target: the declared ``__wrapped__`` first, then
    the one that receives both ``*args`` and ``**kwargs``."""
    if len(sites) == 1:
        return sites[0]  # most wrappers make one call

    def score(site: Site) -> int:
        forward = site.forward
        declared = site.declared or site.target_id == wrapped_id
        return 4 * declared + 2 * forward.star_args + forward.star_kwargs

    return max(sites, key=score, default=None)


def _intersect(applied: Applied, other: Applied) -> None:
    """Keep what both calls to the same target accept."""
    kinds = {p.name: p.kind for p in (*other.positional, *other.keyword_only)}

    def merged(param: EffectiveParameter) -> EffectiveParameter | None:
        kind = kinds.get(param.name)
        if kind is None:
            return None
        if kind is param.kind or kind is POK:
            return param
        if param.kind is POK:
            return param.replace(kind=kind)  # the other path is stricter
        return None  # positional-only on one path, keyword-only on the other

    positional = [m for p in applied.positional if (m := merged(p)) is not None]
    keyword = [m for p in applied.keyword_only if (m := merged(p)) is not None]
    applied.positional = [p for p in positional if p.kind is not KW]
    applied.keyword_only = [p for p in positional if p.kind is KW] + keyword
    if other.var_positional is None:
        applied.var_positional = None
    if other.var_keyword is None:
        applied.var_keyword = None


def _intersect_choice(applied: Applied, other: Applied) -> None:
    """Keep what the targets of two exclusive branches both accept.

    As :func:`_intersect`, and a positional parameter stays positional only
    where the other target has it at the same place; elsewhere it can only
    be passed by keyword.
    """
    places = {p.name: index for index, p in enumerate(other.positional)}
    applied.positional = [
        p.replace(kind=KW) if places.get(p.name, index) != index else p
        for index, p in enumerate(applied.positional)
    ]
    _intersect(applied, other)  # moves the keyword-only ones out of the positional list


def _restrict_keywords(applied: Applied, other: Applied) -> None:
    """``**kwargs`` also goes to ``other``: keep only keywords it accepts too."""
    if other.var_keyword is not None:
        return
    accepted = {p.name for p in (*other.positional, *other.keyword_only) if p.kind is not PO}
    applied.positional = [
        p.replace(kind=PO) if p.kind is POK and p.name not in accepted else p
        for p in applied.positional
    ]
    applied.keyword_only = [p for p in applied.keyword_only if p.name in accepted]
    applied.var_keyword = None


def _passed_through(
    param: EffectiveParameter, passthrough: dict[str, EffectiveParameter]
) -> EffectiveParameter:
    target = passthrough.get(param.name)
    if target is None:
        return param
    annotation = param.annotation if param.annotation is not EMPTY else target.annotation
    return param.replace(annotation=annotation, owner=target.owner, owner_name=target.owner_name)


def _finish(
    params: Iterable[EffectiveParameter],
    return_annotation: Any,
    resolved: bool,
    notes: list[str],
    *,
    presumed: bool = False,
) -> EffectiveSignature:
    return EffectiveSignature(
        normalise(list(params)),
        return_annotation=return_annotation,
        resolved=resolved,
        notes=_unique(notes),
        presumed=presumed,
        # normalise() returns what inspect.Signature would accept: unique
        # names, kinds in order, no required positional after a default.
        __validate_parameters__=False,
    )


def _unique(notes: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for note in notes:
        seen.setdefault(note, None)
    return list(seen)


def normalise(params: list[EffectiveParameter]) -> list[EffectiveParameter]:
    """Make a parameter list valid for :class:`inspect.Signature`.

    Composition can put a positional-only parameter after a
    positional-or-keyword one (the wrapper's own parameters before the
    target's), or a required positional parameter after one with a default.
    The rewrite keeps every call that really works expressible by position.
    """
    if _valid(params):
        return params
    seen: set[str] = set()
    unique: list[EffectiveParameter] = []
    for param in params:
        if param.name not in seen:
            seen.add(param.name)
            unique.append(param)
    params = unique
    positional = [p for p in params if p.kind in _POSITIONAL]
    rest = [p for p in params if p.kind not in _POSITIONAL]
    last_po = max((i for i, p in enumerate(positional) if p.kind is PO), default=-1)
    positional = [p.replace(kind=PO) if i < last_po else p for i, p in enumerate(positional)]
    fixed: list[EffectiveParameter] = []
    moved: list[EffectiveParameter] = []
    has_default = False
    for param in positional:
        if param.default is not EMPTY:
            has_default = True
            fixed.append(param)
        elif has_default and param.kind is POK:
            moved.append(param.replace(kind=KW))
        elif has_default:
            # A required positional-only parameter after a default: the
            # defaults before it cannot be skipped by position anyway.
            fixed = [p.replace(default=EMPTY) for p in fixed]
            fixed.append(param)
        else:
            fixed.append(param)
    var_pos = [p for p in rest if p.kind is VAR_POS][:1]
    if moved:
        var_pos = []
    keyword = [p for p in rest if p.kind is KW]
    var_kw = [p for p in rest if p.kind is VAR_KW][:1]
    return [*fixed, *var_pos, *moved, *keyword, *var_kw]


def _valid(params: list[EffectiveParameter]) -> bool:
    """Already what :func:`normalise` makes (most compositions are): unique
    names, kinds in order with one of each variadic, no required positional
    parameter after a default."""
    seen: set[str] = set()
    last: inspect._ParameterKind = PO
    has_default = False
    for param in params:
        kind = param.kind
        if kind < last or (kind is last and kind in (VAR_POS, VAR_KW)) or param.name in seen:
            return False
        if kind in _POSITIONAL:
            if param.default is not EMPTY:
                has_default = True
            elif has_default:
                return False
        seen.add(param.name)
        last = kind
    return True
