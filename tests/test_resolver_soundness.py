"""What the code really accepts, checked against real calls.

- A keyword the code refuses (``if "repeat" in attrs: raise TypeError``) is
  not offered, even though the target accepts it (SPEC 1.3).
- A keyword the code rewrites from the caller's own value
  (``kwargs["headers"] = f(kwargs.get("headers", {}))``) is still the
  caller's to pass: not "supplied".
- A run-time choice between two targets is resolved only to what both
  accept, and never claimed as proven (SPEC 1.5).
- A parameter a function declares itself stays its own when it passes it on
  under the same name, to a base class or another method (SPEC 1.3).
- A ``__signature__`` that restates a function's own parameters (as
  ``autodoc_preserve_defaults`` leaves on documented functions) does not stop
  the resolver from following the code.
- A ``**kwargs`` whose leftovers are refused on every path after the pops
  (``if kwargs: raise TypeError``: keyword-only arguments written by hand)
  takes nothing but the popped keywords; refused only on some paths, it
  still takes the rest.
"""

from __future__ import annotations

import io

import pytest
from helpers.expect import Case, cases, check, load, owned

S = "samples.soundness"

ROWS = [
    Case(
        # ``__tag`` is stored as ``_tagged__tag``: the source is still found,
        # and the class-private binding is the wrapper's own, not offered.
        "private-keyword-of-a-wrapper-nested-in-a-method",
        f"{S}.label",
        "(text: str, *, width: int = 10) -> str",
        owned(f"{S}.label", "text", "width"),
    ),
    Case(
        "refused-keyword-in-constructor",
        f"{S}.Positional",
        "(flags: list[str], *, metavar: str | None = None)",
        {**owned(f"{S}.Positional.__init__", "flags"), **owned(f"{S}.Option.__init__", "metavar")},
    ),
    Case(
        "refused-keyword-in-function",
        f"{S}.render_positional",
        "(flags: list[str], *, width: int = 80) -> str",
        {**owned(f"{S}.render_positional", "flags"), **owned(f"{S}.render_option", "width")},
    ),
    Case(
        # Still the caller's to pass, but always in **kwargs: by keyword only,
        # and so is what follows it (by position it would be given twice).
        "keyword-rewritten-from-the-callers-value",
        f"{S}.build_request",
        "(path: str = '/', method: str = 'GET', *, headers=None, timeout=None)"
        f" -> {S}.RequestBuilder",
        owned(f"{S}.RequestBuilder.__init__", "path", "method", "headers", "timeout"),
    ),
    Case(
        "run-time-choice-between-targets",
        f"{S}.runner_for",
        "(func: Any, attempts: int = 3, delay: float = 0.0) -> object",
        {
            **owned(f"{S}.runner_for", "func"),
            **owned(f"{S}.AsyncRunner.__init__", "attempts", "delay"),
        },
        resolved=False,
        note="chooses at run time between AsyncRunner and SyncRunner",
    ),
    Case(
        # ``strict`` goes on to Command.__init__ but is Group's, with Group's default.
        "own-parameter-passed-to-the-base-class",
        f"{S}.Group",
        "(name: str, strict: bool | None = None, *, hidden: bool = False)",
        {
            **owned(f"{S}.Group.__init__", "name", "strict"),
            **owned(f"{S}.Command.__init__", "hidden"),
        },
    ),
    Case(
        "own-parameter-passed-to-another-method",
        lambda: load(f"{S}.Serializer")().dump,
        "(value: Any, stream: Any, **options: Any) -> None",
        {
            # Its own **options, which its docstring describes, handed on.
            **owned(f"{S}.Serializer.dump", "value", "stream", "options"),
        },
    ),
    Case(
        # model(**options)(cls): the factory's optional target is the wrapper's to give
        "optional-target-of-a-factory-applied-by-the-wrapper",
        f"{S}.make_model",
        "(name: str, *, frozen: bool = False, slots: bool = True) -> type",
        {**owned(f"{S}.make_model", "name"), **owned(f"{S}.model", "frozen", "slots")},
    ),
    Case(
        "restated-signature-is-followed",
        f"{S}.connect_via",
        "(host: str, port: int = 80, **options: Any) -> str",
        owned(f"{S}.connect_via", "host", "port", "options"),
    ),
]


LEFTOVERS = [
    Case(
        "leftover-keywords-refused",
        f"{S}.connect",
        "(*hosts: str, timeout=10, retries=0) -> list[str]",
        owned(f"{S}.connect", "hosts", "timeout", "retries"),
    ),
    Case(
        "leftover-keywords-refused-by-the-method-a-constructor-calls",
        f"{S}.Job",
        "(name: str, *, priority=0) -> None",
        {**owned(f"{S}.Job.__init__", "name"), **owned(f"{S}.Job._modify", "priority")},
    ),
    Case(
        "leftover-keywords-refused-on-one-path-only",
        f"{S}.connect_strictly",
        "(*hosts: str, strict: bool = False, timeout=10, **options: Any) -> list[str]",
        owned(f"{S}.connect_strictly", "hosts", "strict", "timeout", "options"),
    ),
    Case(
        "leftover-keywords-refused-in-a-loop-that-may-not-run",
        f"{S}.connect_each",
        "(*hosts: str, timeout=10, **options: Any) -> list[str]",
        owned(f"{S}.connect_each", "hosts", "timeout", "options"),
    ),
    Case(
        "a-keyword-popped-after-the-refusal",
        f"{S}.connect_then_pop",
        "(*hosts: str, timeout=10, **options: Any) -> list[str]",
        owned(f"{S}.connect_then_pop", "hosts", "timeout", "options"),
    ),
]


@cases(ROWS)
def test_the_signature_is_what_the_code_accepts(case: Case) -> None:
    check(case)


@cases(LEFTOVERS)
def test_refused_leftovers_leave_only_the_popped_keywords(case: Case) -> None:
    check(case)


def test_the_leftover_keywords_really_fail() -> None:
    connect, job = load(f"{S}.connect"), load(f"{S}.Job")
    assert connect("db", timeout=3) == ["db:3:0"]
    assert job("nightly", priority=2).priority == 2
    with pytest.raises(TypeError):
        connect("db", ssl=True)
    with pytest.raises(AttributeError):
        job("nightly", owner="ops")


def test_the_refused_keyword_really_fails() -> None:
    positional, render = load(f"{S}.Positional"), load(f"{S}.render_positional")
    assert positional(["x"], metavar="X").metavar == "X"
    with pytest.raises(TypeError):
        positional(["x"], repeat=True)
    with pytest.raises(TypeError):
        render(["x"], repeat=True)


def test_the_rewritten_keyword_reaches_the_target() -> None:
    built = load(f"{S}.build_request")("/", headers={"Accept": "text/plain"})
    assert built.headers == {"User-Agent": "test", "Accept": "text/plain"}


def test_each_branch_refuses_what_the_other_alone_accepts() -> None:
    runner_for = load(f"{S}.runner_for")

    async def job() -> None: ...

    assert runner_for(job, loop=object()) is not None
    with pytest.raises(TypeError):
        runner_for(print, loop=object())


def test_the_factorys_target_cannot_be_passed_through() -> None:
    make_model = load(f"{S}.make_model")
    assert make_model("Point", frozen=True).frozen is True
    with pytest.raises(TypeError):
        make_model("Point", maybe_cls=object)


def test_the_own_default_is_the_one_that_counts() -> None:
    group = load(f"{S}.Group")("tools")
    assert group.strict is False  # None, decided by Group, not Command's False as written
    stream = io.StringIO()
    load(f"{S}.Serializer")().dump([1], stream)
    assert stream.getvalue() == "[1]"
