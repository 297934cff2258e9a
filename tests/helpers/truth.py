"""Check a hand-written signature against what a real decorated object accepts.

:mod:`helpers.oracle` checks the *resolver's* answer; this module checks the
*expectation* of a real-library row (:mod:`helpers.reallibs_table`), so that
each expected signature is the truth and not a guess. Given the object and
the signature we claim it has, it makes:

- the calls the signature accepts (required parameters only, and every
  parameter; positional-or-keyword ones by position, then by keyword; ``*args``
  and ``**kwargs`` with extra values) and checks that each reaches the
  implementation once, every parameter with the value passed or, omitted,
  with the documented default;
- the calls the signature refuses (an unknown keyword, one positional too
  many, each required parameter left out, a positional-only one by keyword,
  a keyword-only one by position, each of the implementation's parameters
  the signature hides) and checks that each fails (by default with
  :class:`TypeError`) without reaching the implementation.

"Reaching the implementation" is what :func:`samples.calls.remember_call`
records, or, for objects whose implementation cannot record (a generated
``__init__``, a function run in another process), what ``observe`` reads from
the call's result. Argument values are :class:`~helpers.oracle.Sentinel`
objects with labels unique to each call (caches keyed on ``repr`` must not
answer a later call), unless the row gives real ones (type checkers refuse
sentinels).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from samples.calls import RECEIVED, forget_calls, parameter_names

from helpers.oracle import Call as OracleCall
from helpers.oracle import Sentinel, place, run

P = inspect.Parameter
POSITIONAL = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)
#: What an implementation received: parameter name -> value, and the code
#: object whose parameters the "hidden parameter" check passes by name.
Observed = tuple[Mapping[str, Any], Any]


@dataclass(frozen=True)
class Setup:
    """How to call one object and read what its implementation received.

    ``values``: real arguments for some parameters (sentinels otherwise).
    ``handled``: parameters the library itself consumes, injects or converts:
    accepted as the signature says, but their values are not looked for at the
    implementation. ``rejects``: the exceptions a refused call may raise.
    ``context``: a context manager every call runs in (a request context).
    ``enter``: the object returns a context manager; the implementation runs
    when it is entered. ``observe``: reads the received arguments from the
    call's result instead of :data:`samples.calls.RECEIVED`.
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    handled: frozenset[str] = frozenset()
    rejects: tuple[type[BaseException], ...] = (TypeError,)
    context: Callable[[], contextlib.AbstractContextManager[Any]] | None = None
    enter: bool = False
    observe: Callable[[Any], Mapping[str, Any]] | None = None


@dataclass
class Call(OracleCall):
    """The oracle's call, and the parameters it leaves out on purpose."""

    omitted: list[str] = field(default_factory=list)


class Labels:
    """Fresh sentinel labels: ``url#3``, so no two calls share an argument."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def sentinel(self, name: str) -> Sentinel:
        return Sentinel(f"{name}#{next(self._counter)}")


def build_call(
    sig: inspect.Signature,
    setup: Setup,
    labels: Labels,
    *,
    everything: bool,
    by_keyword: bool,
) -> Call:
    """A call that binds to ``sig``: its required parameters, or all of them."""
    call = Call(
        f"{'all' if everything else 'required'} parameters "
        + ("by keyword" if by_keyword else "by position")
    )
    positional_open = True
    for name, param in sig.parameters.items():
        if param.kind is P.VAR_POSITIONAL:
            if everything and positional_open and not by_keyword:
                extra = (labels.sentinel(f"{name}[0]"), labels.sentinel(f"{name}[1]"))
                call.args.extend(extra)
                call.passed[name] = extra
            continue
        if param.kind is P.VAR_KEYWORD:
            if everything:
                value = labels.sentinel("extra_option")
                call.kwargs["extra_option"] = value
                call.passed[name] = value
            continue
        if param.default is not P.empty and not everything:
            call.omitted.append(name)
            if param.kind in POSITIONAL:
                positional_open = False
            continue
        if name in setup.values:
            value = setup.values[name]
        elif name in setup.handled and param.default is not P.empty:
            value = param.default
        else:
            value = labels.sentinel(name)
        positional_open = place(call, param, value, positional_open and not by_keyword)
    return call


def _drive(obj: Callable[..., Any], setup: Setup, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Make the call (entering the returned context manager if asked)."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore")
        if setup.context is not None:
            stack.enter_context(setup.context())
        if not setup.enter:
            return run(obj, args, kwargs)
        manager = obj(*args, **kwargs)
        if hasattr(manager, "__aenter__"):
            return asyncio.run(_enter_async(manager))
        with manager as value:
            return value


async def _enter_async(manager: Any) -> Any:
    async with manager as value:
        return value


def _observed(setup: Setup, result: Any) -> list[Observed]:
    """What reached the implementation during the last call."""
    if setup.observe is not None:
        return [(setup.observe(result), None)]
    return [(received.arguments, received) for received in RECEIVED]


def _same(got: Any, want: Any) -> bool:
    if got is want:
        return True
    try:
        if got == want:
            return True
    except Exception:
        pass
    # Values that crossed a process boundary are copies: labels are unique.
    return isinstance(want, Sentinel) and repr(got) == repr(want)


def _lookup(arguments: Mapping[str, Any], received: Any, name: str) -> tuple[bool, Any]:
    """The value ``name`` arrived with, also found in a ``**kwargs`` dict."""
    if name in arguments:
        return True, arguments[name]
    if received is not None:
        try:
            return True, received.argument(name)
        except KeyError:
            return False, None
    return False, None


def _check_received(sig: inspect.Signature, setup: Setup, call: Call, seen: Observed) -> None:
    arguments, received = seen
    values = list(arguments.values())
    flattened = values + [v for group in values if isinstance(group, tuple | dict) for v in group]
    flattened += [v for group in values if isinstance(group, dict) for v in group.values()]
    for name, param in sig.parameters.items():
        if name in setup.handled:
            continue
        if param.kind is P.VAR_POSITIONAL:
            for value in call.passed.get(name, ()):
                assert any(_same(v, value) for v in flattened), (
                    f"{call}: *{name} value {value!r} never reached the implementation"
                    f" ({dict(arguments)})"
                )
            continue
        if param.kind is P.VAR_KEYWORD:
            if name in call.passed:
                found, got = _lookup(arguments, received, "extra_option")
                assert found and _same(got, call.passed[name]), (
                    f"{call}: **{name} extra_option never reached the implementation"
                    f" ({dict(arguments)})"
                )
            continue
        found, got = _lookup(arguments, received, name)
        if name in call.passed:
            want = call.passed[name]
            if not found:
                # Under another name (a bound ``self``, a mock's own slot).
                assert any(_same(v, want) for v in flattened), (
                    f"{call}: {name}={want!r} never reached the implementation ({dict(arguments)})"
                )
                continue
            assert _same(got, want), f"{call}: {name} received {got!r}, passed {want!r}"
        elif found:
            assert _same(got, param.default), (
                f"{call}: {name} omitted, the signature's default is {param.default!r},"
                f" the implementation received {got!r}"
            )


def _assert_refused(
    obj: Callable[..., Any], setup: Setup, args: list[Any], kwargs: dict[str, Any], why: str
) -> None:
    forget_calls()
    try:
        result = _drive(obj, setup, args, kwargs)
    except setup.rejects:
        assert not RECEIVED, f"{why}: refused, but only after reaching the implementation"
        return
    raise AssertionError(
        f"{why}: the real call succeeded ({_observed(setup, result)[:1]}, args={args},"
        f" kwargs={kwargs})"
    )


def _accepted_calls(sig: inspect.Signature, setup: Setup, labels: Labels) -> Iterator[Call]:
    for everything in (False, True):
        for by_keyword in (False, True):
            yield build_call(sig, setup, labels, everything=everything, by_keyword=by_keyword)


def check_truth(obj: Callable[..., Any], sig: inspect.Signature, setup: Setup) -> None:  # noqa: C901 - the accepted calls, then the refused ones: one assertion each
    """Assert that ``sig`` is what ``obj`` really accepts (see module docstring)."""
    labels = Labels()
    implementation = None
    for call in _accepted_calls(sig, setup, labels):
        sig.bind(*call.args, **call.kwargs)
        forget_calls()
        try:
            result = _drive(obj, setup, call.args, call.kwargs)
        except Exception as exc:
            raise AssertionError(f"{sig} accepts {call}; the real call fails: {exc!r}") from exc
        seen = _observed(setup, result)
        assert len(seen) == 1, f"{call} reached the implementation {len(seen)} times"
        _check_received(sig, setup, call, seen[0])
        implementation = seen[0][1]

    params = list(sig.parameters.values())
    kinds = {p.kind for p in params}

    def required() -> Call:
        return build_call(sig, setup, labels, everything=False, by_keyword=True)

    if P.VAR_KEYWORD not in kinds:
        call = required()
        call.kwargs["unexpected_option"] = labels.sentinel("unexpected")
        _assert_refused(obj, setup, call.args, call.kwargs, f"{sig}: unexpected_option=")
        for param in params:
            if param.kind is P.POSITIONAL_ONLY:
                call = build_call(sig, setup, labels, everything=True, by_keyword=True)
                index = [p.name for p in params if p.kind is P.POSITIONAL_ONLY].index(param.name)
                value = call.args.pop(index)
                call.kwargs[param.name] = value
                _assert_refused(obj, setup, call.args, call.kwargs, f"{sig}: {param.name}= by name")
    if P.VAR_POSITIONAL not in kinds:
        call = build_call(sig, setup, labels, everything=True, by_keyword=False)
        keyword_only = [name for name in call.kwargs if sig.parameters[name].kind is P.KEYWORD_ONLY]
        call.args.append(labels.sentinel("one_too_many"))
        why = f"{sig}: one positional argument too many"
        if keyword_only:
            # The extra one lands where the first keyword-only parameter would.
            moved = keyword_only[0]
            call.args[-1] = call.kwargs.pop(moved)
            why = f"{sig}: keyword-only {moved} passed by position"
        _assert_refused(obj, setup, call.args, call.kwargs, why)
    for param in params:
        if param.default is not P.empty or param.kind in (P.VAR_POSITIONAL, P.VAR_KEYWORD):
            continue
        call = required()
        if param.name in call.kwargs:
            del call.kwargs[param.name]
        else:
            call.args = [a for a in call.args if a is not call.passed[param.name]]
        _assert_refused(obj, setup, call.args, call.kwargs, f"{sig} requires {param.name}")

    if implementation is None or P.VAR_KEYWORD in kinds:
        return
    for name in parameter_names(implementation.code):
        code = implementation.code
        named = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
        if name in sig.parameters or name not in named or name in setup.handled:
            continue
        call = required()
        value = labels.sentinel(f"hidden {name}")
        forget_calls()
        try:
            _drive(obj, setup, call.args, {**call.kwargs, name: value})
        except Exception:
            continue
        reached = [r for r in RECEIVED if r.arguments.get(name) is value]
        assert not reached, f"{sig} leaves out {name}, but passing {name}= reaches it"
