"""Callees that receive the target and the arguments are read, not assumed.

A call such as ``retrying.call(func, *args, **kwargs)`` hands both the target
and the caller's arguments to code of its own: that code's keyword-only
parameters are consumed there, so they belong in the effective signature,
owned by it. ``Thread(target=func, args=args, kwargs=kwargs)`` hands them over
as values. A default chosen in an ``if``/``else`` on a closure variable is the
default of the arm the decorator was configured for. Each row is also called
for real by the runtime oracle.
"""

from __future__ import annotations

import sys

from helpers.expect import Case, assert_effective, cases, check, load, owned
from helpers.oracle import check_coherence
from samples.calls import RECEIVED, forget_calls

from sphinxcontrib_effsig import effective_signature

F = "samples.followed_callees"

ROWS = [
    Case(
        "method-receiving-the-target-and-the-arguments",
        f"{F}.download",
        "(url: str, *, chunk: int = 1024, attempts: int = 3) -> Any",
        {**owned(f"{F}.download", "url", "chunk"), **owned(f"{F}.Retrying.call", "attempts")},
    ),
    Case(
        "module-function-receiving-the-target-and-the-arguments",
        f"{F}.solve",
        "(puzzle: str, depth: int = 4, *, budget: float = 1.0) -> Any",
        {**owned(f"{F}.solve", "puzzle", "depth"), **owned(f"{F}._run_with_budget", "budget")},
    ),
    Case(
        "runner-that-is-itself-decorated",
        f"{F}.estimate",
        "(puzzle: str, depth: int = 4, *, quota: int = 10) -> Any",
        {**owned(f"{F}.estimate", "puzzle", "depth"), **owned(f"{F}._run_with_quota", "quota")},
    ),
    Case(
        "function-handed-the-target-by-keyword",
        f"{F}.upload",
        "(path: str, *, overwrite: bool = False, attempts: int = 3) -> Any",
        {**owned(f"{F}.upload", "path", "overwrite"), **owned(f"{F}.run_attempts", "attempts")},
    ),
    Case(
        "thread-given-the-arguments-as-values",
        f"{F}.reindex",
        "(path: str, *, full: bool = False) -> threading.Thread",
        owned(f"{F}.reindex", "path", "full"),
    ),
    Case(
        "default-of-the-configured-arm",
        f"{F}.ping",
        "(host: str, *, timeout=1.0) -> Any",
        {**owned(f"{F}.ping", "host"), **owned(f"{F}.deadline", "timeout")},
    ),
    Case(
        "default-decided-at-call-time",
        f"{F}.deploy",
        "(service: str, *, timeout=...) -> Any",
        {**owned(f"{F}.deploy", "service"), **owned(f"{F}.patient", "timeout")},
    ),
    Case(
        "default-of-the-other-arm",
        f"{F}.backup",
        "(volume: str, *, timeout=30.0) -> Any",
        {**owned(f"{F}.backup", "volume"), **owned(f"{F}.deadline", "timeout")},
    ),
]


@cases(ROWS)
def test_the_callee_is_read(case: Case) -> None:
    check(case)


#: A thread reports a refused call in the thread (``threading.excepthook``),
#: not to the caller, so the oracle's refusals cannot be seen there.
IN_A_THREAD = {"thread-given-the-arguments-as-values"}


@cases(row for row in ROWS if row.id not in IN_A_THREAD)
def test_the_signature_is_what_the_object_accepts(case: Case) -> None:
    check_coherence(case.obj())


def test_the_thread_receives_the_arguments_the_signature_shows() -> None:
    forget_calls()
    load(f"{F}.reindex")("/srv/data", full=True)
    assert [call.arguments for call in RECEIVED] == [{"path": "/srv/data", "full": True}]


def test_a_closure_variable_the_wrapper_rebinds_decides_no_arm() -> None:
    # ``impl`` is None when the docs are built, not on the second call: the
    # call in the ``if impl is not None`` arm still counts, and is unknown.
    sig = effective_signature(load(f"{F}.load_settings"))
    assert not sig.resolved
    assert any("impl" in note for note in sig.notes)


def test_a_function_handing_itself_on_is_a_cycle_not_a_failure() -> None:
    sig = effective_signature(load(f"{F}.broadcast"))
    assert not any("error" in note or "too deep" in note for note in sig.notes), sig.notes


def test_variadics_handed_to_compiled_code_keep_their_names() -> None:
    # dict.__init__'s text signature names its variadics ``*args, **kwargs``:
    # that says nothing the author's own names do not. (Not a runtime-oracle
    # row: dict.__init__ takes at most one positional argument, which no
    # signature of it says.)
    from samples.followed_callees import Registry

    assert_effective(
        Registry,
        "(*entries: Any, **named: Any) -> None",
        owned(f"{F}.Registry.__init__", "entries", "named"),
    )


def test_variadics_held_by_a_compiled_class_keep_their_names() -> None:
    # functools.partial's C code states ``(func, /, *args, **keywords)``: the
    # options are held there, not consumed, and their name is the author's.
    # (Before Python 3.13 partial states no signature at all: the call cannot
    # be followed, and the wrapper's own parameters stay, unresolved.)
    from samples.followed_callees import BlockingClient

    assert_effective(
        BlockingClient.fetch,
        "(self, url: str, **options: Any) -> bytes",
        owned(f"{F}.BlockingClient.fetch", "self", "url", "options"),
        resolved=sys.version_info >= (3, 13),
    )
