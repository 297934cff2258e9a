"""What one forwarding call leaves of its target's parameters.

The call a wrapper makes (``func(self, *args, **kwargs)``, with the edits
its code makes to ``kwargs`` first) fills some of the target's places
itself, passes others on, and hides or re-defaults keywords; what the
wrapper's caller can still pass is an :class:`Applied`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .analysis import CalleeKind, Forward
from .model import EMPTY, KW, PO, POK, VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature

if TYPE_CHECKING:
    from .compose import Layer, Site

_POSITIONAL = (PO, POK)
_NO_NAMES: frozenset[str] = frozenset()


@dataclass(slots=True)
class Applied:
    """A target's parameters after one forwarding call's edits."""

    positional: list[EffectiveParameter]
    var_positional: EffectiveParameter | None
    keyword_only: list[EffectiveParameter]
    var_keyword: EffectiveParameter | None
    passthrough: dict[str, EffectiveParameter]
    #: what this call does that the composition cannot express
    unproven: list[str] = field(default_factory=list)


def apply_call(site: Site, layer: Layer, target: EffectiveSignature) -> Applied:
    """``target``'s parameters as the caller of ``layer``'s wrapper reaches them
    through the call ``site``."""
    forward = site.forward
    applied = _by_kind(target)
    # Only in the call a decorator makes to what it decorates does a
    # parameter passed straight through stand for the target's.
    decorates = site.declared or forward.callee.kind is CalleeKind.FREE
    relayed = _consume_leading(applied, forward, decorates)
    if forward.result_called and not forward.star_args:
        _leave_the_target_place(applied)
    _fill_trailing(applied, forward, layer)
    for name, wrapper_name in forward.keywords:
        if decorates and wrapper_name == name and name in target.parameters:
            applied.passthrough[wrapper_name] = target.parameters[name]
    removed = {name for name, _ in forward.keywords}
    removed.update(layer.supplied, layer.rejected, layer.popped)
    in_kwargs: AbstractSet[str] = (
        layer.defaults.keys() | layer.rewritten if layer.defaults or layer.rewritten else _NO_NAMES
    )
    if removed or in_kwargs:
        _remove_keywords(applied, removed, in_kwargs)
    if layer.defaults:
        applied.positional = [_with_default(p, layer.defaults) for p in applied.positional]
        applied.keyword_only = [_with_default(p, layer.defaults) for p in applied.keyword_only]
    _keep_what_is_forwarded(applied, forward)
    kept = applied.positional
    for index in range(min(layer.positional_needed, len(kept))):
        if kept[index].kind is POK:
            kept[index] = kept[index].replace(kind=PO)
    if relayed:
        applied.positional = [*relayed, *kept]
    return applied


def _by_kind(target: EffectiveSignature) -> Applied:
    """``target``'s parameters sorted by kind, in one pass."""
    positional: list[EffectiveParameter] = []
    keyword_only: list[EffectiveParameter] = []
    var_positional = var_keyword = None
    for param in target.parameters.values():
        kind = param.kind
        if kind is KW:
            keyword_only.append(param)
        elif kind is VAR_POS:
            var_positional = param if var_positional is None else var_positional
        elif kind is VAR_KW:
            var_keyword = param if var_keyword is None else var_keyword
        else:
            positional.append(param)
    return Applied(positional, var_positional, keyword_only, var_keyword, passthrough={})


def _consume_leading(
    applied: Applied, forward: Forward, decorates: bool
) -> list[EffectiveParameter]:
    """The target's first places, filled by the arguments written before ``*args``.

    Returns the ones the caller still fills (``func(args[0], ...)``: the
    caller's own first positional argument); the others are consumed.
    """
    relayed: list[EffectiveParameter] = []
    for index, wrapper_name in enumerate(forward.leading):
        if not applied.positional:
            break
        consumed = applied.positional.pop(0)
        if index < len(forward.relayed) and forward.relayed[index] == index:
            relayed.append(consumed.replace(kind=PO))
            continue
        # Passed straight through (``func(self, *args)``) in the call a
        # decorator makes to what it decorates: the target's parameter. A
        # function that hands its own parameter on to a helper, a base class
        # or another method keeps it, under whatever name.
        if wrapper_name is not None and decorates:
            applied.passthrough[wrapper_name] = consumed
    return relayed


def _leave_the_target_place(applied: Applied) -> None:
    """attrs(these=..., **kw)(cls): a factory whose first parameter is the
    optional target (``maybe_cls=None``); the wrapper passes the target to the
    result, so a caller's value there would break the call."""
    if applied.positional and applied.positional[0].default is None:
        applied.positional = applied.positional[1:]


def _fill_trailing(applied: Applied, forward: Forward, layer: Layer) -> None:
    """``func(*args, mock)``: the wrapper fills the target's last places itself.

    The caller fills every place before them, by position (a keyword would
    collide with the appended value), and none may be left out; where the
    appended values land is unknown when the target takes ``*args``.
    """
    if not forward.trailing:
        return
    positional = applied.positional
    if applied.var_positional is not None or len(positional) < forward.trailing:
        applied.unproven.append(
            f"{layer.describe} appends positional arguments to *args, and where they land "
            "in its target depends on the call"
        )
        return
    applied.positional = [
        p.replace(kind=PO, default=EMPTY) if p.kind in _POSITIONAL else p
        for p in positional[: len(positional) - forward.trailing]
    ]


def _remove_keywords(applied: Applied, removed: set[str], in_kwargs: AbstractSet[str]) -> None:
    """Drop the keywords the wrapper passes, supplies, refuses or consumes itself.

    A positional parameter after a removed one, or from one the wrapper
    always puts in ``**kwargs`` (``in_kwargs``: a default it fills in, a
    value it rewrites) on, can only be passed by keyword: by position it
    would fill the removed place, or be given twice.
    """
    kept: list[EffectiveParameter] = []
    converted: list[EffectiveParameter] = []
    to_keyword = False
    for param in applied.positional:
        if param.name in removed:
            to_keyword = to_keyword or param.kind is POK
            continue
        if param.name in in_kwargs and param.kind is POK:
            # The wrapper puts it in **kwargs: passing it by position too
            # would give it twice.
            to_keyword = True
        if to_keyword and param.kind is POK:
            converted.append(param.replace(kind=KW))
        elif not to_keyword:
            kept.append(param)
    if to_keyword:
        # Any positional argument would fill the parameter supplied by keyword.
        applied.var_positional = None
    applied.positional = kept
    applied.keyword_only = converted + [p for p in applied.keyword_only if p.name not in removed]


def _keep_what_is_forwarded(applied: Applied, forward: Forward) -> None:
    """Without ``*args`` in the call, the target's positional places are
    reachable by keyword only; without ``**kwargs``, by position only."""
    if forward.rest_filled:
        # ``func(a, *values)``: an unknown number of places is filled by
        # position; by keyword, any of them may collide.
        applied.positional = []
        applied.var_positional = None
    if not forward.star_args:
        keyword = [p.replace(kind=KW) for p in applied.positional if p.kind is POK]
        applied.keyword_only = keyword + applied.keyword_only
        applied.positional = []
        applied.var_positional = None
    if not forward.star_kwargs:
        applied.positional = [
            p.replace(kind=PO) if p.kind is POK else p for p in applied.positional
        ]
        applied.keyword_only = []
        applied.var_keyword = None


def _with_default(param: EffectiveParameter, defaults: dict[str, Any]) -> EffectiveParameter:
    if param.name in defaults:
        return param.replace(default=defaults[param.name])
    return param
