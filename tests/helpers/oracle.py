"""The runtime coherence oracle: check a resolved signature against reality.

An effective signature claims that every call binding to it reaches the
innermost implementation with a consistent set of arguments. The oracle
builds such calls from the signature and makes them on the real object:

- with the required parameters only, and with every parameter;
- passing positional-or-keyword parameters by position, then by keyword.

Every argument is a distinct :class:`Sentinel` (wrapper-owned parameters
with a default get that default, so a wrapper's logic keeps working). After
each call it reads what the innermost function recorded
(:func:`samples.calls.remember_call`) and checks that every parameter the
signature attributes to that function received exactly the value passed, or
its documented default when omitted.

It also checks that the calls the signature rejects fail: an unknown keyword
(when there is no ``**kwargs``), each required parameter left out, and each
parameter of the innermost function the signature does not show, passed by
name (it must fail or be overridden by a wrapper, never arrive).

Coroutines are awaited, generators and async generators exhausted, so the
wrapper and the innermost body really run.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from samples.calls import RECEIVED, Received, forget_calls

from sphinxcontrib_effsig import EffectiveSignature, effective_signature

P = inspect.Parameter
POSITIONAL = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)


class Sentinel:
    """A distinct argument value that tolerates what wrappers do with arguments.

    Attribute access and calls give another sentinel (``request.user``,
    ``path.rstrip('/')``), ``in`` is true (role checks), it is a context
    manager (``with self._lock``), iterates over one sentinel (``for url in
    urls``), is truthy and hashable (cache keys).
    """

    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = label

    def __repr__(self) -> str:
        return f"<{self.label}>"

    def __getattr__(self, name: str) -> Sentinel:
        if name.startswith("__"):
            raise AttributeError(name)
        return Sentinel(f"{self.label}.{name}")

    def __contains__(self, item: object) -> bool:
        return True

    def __call__(self, *args: Any, **kwargs: Any) -> Sentinel:
        return Sentinel(f"{self.label}()")

    def __iter__(self) -> Iterator[Sentinel]:
        return iter([Sentinel(f"{self.label}[0]")])

    def __enter__(self) -> Sentinel:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None


@dataclass
class Call:
    """Arguments for one call, and the values the innermost function must see."""

    description: str
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    passed: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"{self.description}: ({', '.join(parts)})"


def owner_name_of(received: Received) -> str:
    """The owner name the signature should give the recording function's parameters."""
    code = received.code
    qualname = code.co_qualname.split(".<locals>", 1)[0]
    if code.co_name == "__call__" and "." in qualname and ".<locals>" not in code.co_qualname:
        qualname = qualname.rsplit(".", 1)[0]
    return f"{received.module}.{qualname}"


def run(obj: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Call ``obj`` and drive whatever it returns until the innermost body ran."""
    result = obj(*args, **kwargs)
    if inspect.isawaitable(result):
        return asyncio.run(_await(result))
    if inspect.isasyncgen(result):
        return asyncio.run(_drain(result))
    if inspect.isgenerator(result):
        return list(result)
    return result


async def _await(awaitable: Any) -> Any:
    return await awaitable


async def _drain(agen: Any) -> list[Any]:
    return [item async for item in agen]


def _value(param: P, innermost: str, label: str, fixed: dict[str, Any]) -> Any:
    if param.name in fixed:
        return fixed[param.name]
    if getattr(param, "owner_name", "") != innermost and param.default is not P.empty:
        return param.default
    return Sentinel(label)


def build_call(
    sig: inspect.Signature,
    innermost: str,
    *,
    everything: bool,
    by_keyword: bool,
    fixed: dict[str, Any] | None = None,
) -> Call:
    """A call that binds to ``sig``: required parameters only, or all of them."""
    description = f"{'all' if everything else 'required'} parameters, " + (
        "by keyword" if by_keyword else "by position"
    )
    call = Call(description)
    positional_open = True
    for name, param in sig.parameters.items():
        required = param.default is P.empty and param.kind not in (P.VAR_POSITIONAL, P.VAR_KEYWORD)
        computed = getattr(param, "owner_name", "") != innermost and _computed_by_wrapper(
            param.default
        )
        if computed or not (required or everything):
            # A wrapper's default known only as source text (``time.monotonic() + 30``)
            # has no value to pass: leave it to the wrapper.
            if param.kind in POSITIONAL:
                positional_open = False  # a later positional cannot skip this one
            continue
        if param.kind is P.VAR_POSITIONAL:
            if positional_open and not by_keyword:
                extra = [Sentinel(f"{name}[0]"), Sentinel(f"{name}[1]")]
                call.args.extend(extra)
                call.passed[name] = tuple(extra)
            continue
        if param.kind is P.VAR_KEYWORD:
            value = Sentinel(f"{name}:extra_option")
            call.kwargs["extra_option"] = value
            call.passed[name] = {"extra_option": value}
            continue
        value = _value(param, innermost, name, fixed or {})
        positional_open = place(call, param, value, positional_open and not by_keyword)
    return call


def place(call: Call, param: inspect.Parameter, value: Any, by_position: bool) -> bool:
    """Put ``value`` for ``param`` into ``call`` (``.args``/``.kwargs``/``.passed``):
    by position when it must or may (``by_position``), else by keyword.

    Returns whether later parameters may still go by position.
    """
    call.passed[param.name] = value
    if param.kind is P.POSITIONAL_ONLY or (param.kind is P.POSITIONAL_OR_KEYWORD and by_position):
        call.args.append(value)
        return by_position
    call.kwargs[param.name] = value
    return by_position and param.kind is not P.POSITIONAL_OR_KEYWORD


def _innermost(obj: Callable[..., Any], sig: inspect.Signature, fixed: dict[str, Any]) -> Received:
    """Find the innermost function by making the simplest valid call once."""
    call = build_call(sig, "", everything=False, by_keyword=False, fixed=fixed)
    forget_calls()
    try:
        run(obj, call.args, call.kwargs)
    except Exception as exc:
        raise AssertionError(f"{sig} accepts {call}, the real call fails: {exc!r}") from exc
    assert len(RECEIVED) == 1, f"{call} reached the implementation {len(RECEIVED)} times"
    return RECEIVED[0]


def check_received(sig: inspect.Signature, call: Call, received: Received) -> None:
    """Every parameter the signature gives the innermost function got the right value."""
    innermost = owner_name_of(received)
    for name, param in sig.parameters.items():
        if getattr(param, "owner_name", "") != innermost:
            continue
        if param.kind is P.VAR_POSITIONAL:
            if name in call.passed:
                got = received.arguments[name]
                assert got == call.passed[name], f"{call}: *{name} received {got!r}"
            continue
        if param.kind is P.VAR_KEYWORD:
            if name in call.passed:
                got = received.arguments[name]
                assert got == call.passed[name], f"{call}: **{name} received {got!r}"
            continue
        try:
            got = received.argument(name)
        except KeyError:
            # Passed straight through under the wrapper's name (``obj`` for
            # the method's ``self``): the value must still arrive, somewhere.
            if name in call.passed:
                values = [*received.arguments.values()]
                values += [v for group in values if isinstance(group, tuple) for v in group]
                assert any(v is call.passed[name] for v in values), (
                    f"{call}: {name}'s value never reached {innermost}: {received.arguments}"
                )
            continue
        if name in call.passed:
            assert got is call.passed[name], f"{call}: {name} received {got!r}"
        elif _computed_by_wrapper(param.default):
            continue  # e.g. ``open_connection()``: a fresh value on every call
        else:
            assert got is param.default or got == param.default, (
                f"{call}: {name} omitted, documented default {param.default!r}, received {got!r}"
            )


def _computed_by_wrapper(default: object) -> bool:
    """A default the resolver could only give as source text (evaluated per call)."""
    return type(default).__module__.startswith("sphinxcontrib_effsig")


def check_coherence(
    obj: Callable[..., Any],
    sig: EffectiveSignature | None = None,
    fixed: dict[str, Any] | None = None,
) -> None:
    """Make the calls a resolved signature promises and the ones it refuses.

    ``fixed`` gives real values for some parameters instead of sentinels
    (``{"self": client}`` for a method taken from its class).
    """
    fixed = fixed or {}
    sig = effective_signature(obj) if sig is None else sig
    assert sig.resolved, f"not resolved, nothing to check: {sig.notes}"
    first = _innermost(obj, sig, fixed)
    innermost = owner_name_of(first)
    for everything in (False, True):
        for by_keyword in (False, True):
            call = build_call(
                sig, innermost, everything=everything, by_keyword=by_keyword, fixed=fixed
            )
            sig.bind(*call.args, **call.kwargs)  # the oracle only makes calls sig accepts
            forget_calls()
            try:
                run(obj, call.args, call.kwargs)
            except Exception as exc:
                raise AssertionError(f"{sig} accepts {call}, the real call fails: {exc!r}") from exc
            assert len(RECEIVED) == 1, f"{call} reached the implementation {len(RECEIVED)} times"
            check_received(sig, call, RECEIVED[0])

    required = build_call(sig, innermost, everything=False, by_keyword=True, fixed=fixed)
    if not any(p.kind is P.VAR_KEYWORD for p in sig.parameters.values()):
        kwargs = {**required.kwargs, "unexpected_option": Sentinel("unexpected")}
        _assert_fails(obj, required.args, kwargs, f"{sig} has no **kwargs: unexpected_option=")
    for name in required.passed:
        call = build_call(sig, innermost, everything=False, by_keyword=True, fixed=fixed)
        if name in call.kwargs:
            del call.kwargs[name]
        else:
            call.args = [a for a in call.args if a is not call.passed[name]]
        _assert_fails(obj, call.args, call.kwargs, f"{sig} requires {name}; {call} without it")

    # A parameter of the innermost function that the signature leaves out
    # must really be out of the caller's reach: passing it by name fails, or
    # the wrapper overrides it.
    code = first.code
    named = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    for name in named:
        if name in sig.parameters:
            continue
        call = build_call(sig, innermost, everything=False, by_keyword=True, fixed=fixed)
        value = Sentinel(f"hidden {name}")
        forget_calls()
        try:
            run(obj, call.args, {**call.kwargs, name: value})
        except Exception:
            continue
        reached = [r for r in RECEIVED if r.arguments.get(name) is value]
        assert not reached, f"{sig} leaves out {name}, but passing {name}= reaches {innermost}"


def _assert_fails(
    obj: Callable[..., Any], args: list[Any], kwargs: dict[str, Any], why: str
) -> None:
    forget_calls()
    try:
        run(obj, args, kwargs)
    except Exception:
        return
    raise AssertionError(f"{why}: the real call succeeded ({RECEIVED[-1:]})")
