"""Runners: ``asyncio.to_thread(func, *args, **kwargs)``, ``executor.submit(func, *args)``,
``Thread(target=func, args=args, kwargs=kwargs)``.

The called object is not the target: it calls its first callable argument
with the arguments after it, or, handed the tuple and the dict as values,
with exactly them. When an argument of such a call is the wrapper's target
(its ``__wrapped__``, or a callable from its closure), the call reaches
that argument instead.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

from ..analysis import Callee, CalleeKind, Forward, HelperCall
from ..caches import current
from ..code_names import star_names
from ..model import VAR_POS
from ..safe import MISSING, is_function, static_attr

if TYPE_CHECKING:
    from ..walk.call_sites import WrapperContext

#: Words in a callee's name that announce a mapping (``map(func, *columns)``),
#: which passes something else than the arguments that follow.
_MAPPING_WORDS = ("map", "filter", "reduce", "accumulate", "zip")


def runner_call(
    ctx: WrapperContext, forward: Forward, callee: object
) -> tuple[Forward, object] | None:
    """The call a runner makes for the wrapper: (the forwarded arguments, the target).

    Mapping-style calls pass something else, so a runner must say so: its
    ``*`` parameter is named ``args``, or, when it cannot be looked at, its
    name does not announce a mapping.
    """
    if not forward.leading_callees or not is_runner(forward.callee, callee):
        return None
    for index, leading in enumerate(forward.leading_callees):
        if leading.kind not in (CalleeKind.FREE, CalleeKind.SELF_ATTR, CalleeKind.GLOBAL):
            continue
        candidate = ctx.callee_object(leading)
        if not _may_be_the_target(ctx, leading, candidate, callee):
            continue
        inner = Forward(
            leading,
            forward.star_args,
            forward.star_kwargs,
            forward.leading[index + 1 :],
            forward.keywords,
            leading_callees=forward.leading_callees[index + 1 :],
        )
        return inner, candidate
    return None


def values_runner_call(
    ctx: WrapperContext, via: HelperCall, runner: object
) -> tuple[Forward, object] | None:
    """``Thread(target=func, args=args, kwargs=kwargs)``: the target, run later with
    exactly the tuple and the dict it was handed.

    Only for a runner of another package (``threading``, ``multiprocessing``,
    ``sched``): one of the wrapper's own package that keeps the arguments may
    edit them in a later method the walk does not read, so it stays unfollowed.
    """
    if via.args_at is None or via.kwargs_at is None or runner is MISSING:
        return None
    if _package(runner) in ("", _package(ctx.func)):
        return None
    for _, argument in via.arguments:
        if argument.kind not in (CalleeKind.FREE, CalleeKind.SELF_ATTR, CalleeKind.GLOBAL):
            continue
        candidate = ctx.callee_object(argument)
        if _may_be_the_target(ctx, argument, candidate, runner):
            return Forward(argument, star_args=True, star_kwargs=True), candidate
    return None


def _package(obj: object) -> str:
    """The top-level package an object's code comes from (read statically)."""
    module = static_attr(obj, "__module__", "")
    return module.partition(".")[0] if isinstance(module, str) else ""


def _may_be_the_target(
    ctx: WrapperContext, leading: Callee, candidate: object, callee: object
) -> bool:
    """A leading argument that is the wrapper's target, not a value passed along.

    A global or a class only when it is the declared ``__wrapped__``; with a
    declared ``__wrapped__``, only it or a closure variable.
    """
    wrapped = ctx.wrapped
    if candidate is MISSING or candidate is callee or not callable(candidate):
        return False
    if leading.kind is CalleeKind.GLOBAL and candidate is not wrapped:
        return False
    if wrapped is not None and candidate is not wrapped and leading.kind is not CalleeKind.FREE:
        return False
    return not (isinstance(candidate, type) and candidate is not wrapped)


def is_runner(callee: Callee, obj: object) -> bool:
    """Does calling ``obj`` run its first callable argument with the rest?"""
    if obj is MISSING:
        return _named_like_a_runner(callee)
    runners = current().runners
    hit = runners.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    star = _star_name(obj)
    if star is not MISSING:
        answer = star == "args"
    else:
        try:
            sig = inspect.signature(obj)  # type: ignore[arg-type]
            answer = any(p.kind is VAR_POS and p.name == "args" for p in sig.parameters.values())
        except Exception:
            # No signature to read (functools.partial on Python 3.12): by its name.
            answer = _named_like_a_runner(callee)
    runners[id(obj)] = (obj, answer)
    return answer


def _star_name(obj: object) -> object:
    """A plain function's ``*`` parameter name (``None`` without one), read off its
    code; ``MISSING`` for anything else, whose signature must be asked for.

    A function ``functools.wraps`` made (a ``__wrapped__`` and nothing that
    states a signature) is looked through, as :func:`inspect.signature`
    would look: to the plain function at the end of the chain.
    """
    for _ in range(_MAX_WRAPS):
        if not is_function(obj):
            return MISSING
        namespace = obj.__dict__
        if not namespace:
            return star_names(obj.__code__)[0]
        if "__wrapped__" not in namespace or not _WRAPS_ONLY.isdisjoint(namespace):
            return MISSING
        obj = namespace["__wrapped__"]
    return MISSING


#: How long a chain of ``__wrapped__`` :func:`_star_name` follows.
_MAX_WRAPS = 16
#: Attributes with which a function states (or changes) its own signature.
_WRAPS_ONLY = frozenset(
    ("__signature__", "__text_signature__", "__partialmethod__", "_partialmethod")
)


def _named_like_a_runner(callee: Callee) -> bool:
    last = callee.text.rsplit(".", 1)[-1].lower()
    return not any(word in last for word in _MAPPING_WORDS)
