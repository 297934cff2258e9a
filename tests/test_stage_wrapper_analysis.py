"""Stage tests: wrapper analysis alone, from inline source to the ``Effect`` it yields.

Each row is one idiom: a few lines of decorator code held in a string,
compiled (never run), the code object of its wrapper taken from the compiled
constants, and ``effect_of`` read on it. The row names the effect fields the
idiom sets; every other field must stay empty, so an idiom read twice or
read as something else fails too. A failure here points at the analysis,
not at composition or the run-time walk.

Fields are compared as text: a default as ``ast.unparse`` writes it,
``REQ`` for a keyword popped without a default, ``OPT`` for one popped
only when the caller passed it; a forward's callee as ``"<kind> <name>"``.
"""

from __future__ import annotations

import ast
import linecache
import textwrap
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from helpers.compiled import code_named

from sphinxcontrib_effsig.resolver.analysis import (
    OPTIONAL,
    REQUIRED,
    Callee,
    CalleeKind,
    Effect,
    Forward,
    clear_effects,
    effect_of,
    forwarding,
    positional,
    state,
    visitor,
)
from sphinxcontrib_effsig.resolver.source import clear_caches

REQ = "<required>"
OPT = "<optional>"

Compile = Callable[..., types.CodeType]


@pytest.fixture
def wrapper_code(request: pytest.FixtureRequest) -> Iterator[Compile]:
    """``wrapper_code(source, name="wrapper")`` -> the code object of the
    function ``name`` defined (at any depth) in ``source``, compiled, not run.

    The source is registered in :mod:`linecache` under a name of its own, as
    IPython and doctest register theirs, so the analysis reads it as it reads
    any file; the entries and the resolver's caches are dropped afterwards.
    """
    filenames: list[str] = []

    def run(source: str, name: str = "wrapper", register: bool = True) -> types.CodeType:
        text = textwrap.dedent(source)
        filename = f"<stage {request.node.name} {len(filenames)}>"
        filenames.append(filename)
        if register:
            lines = text.splitlines(keepends=True)
            linecache.cache[filename] = (len(text), None, lines, filename)
        return code_named(compile(text, filename, "exec"), name)

    yield run
    for filename in filenames:
        linecache.cache.pop(filename, None)
    clear_effects()
    clear_caches()


# -- projecting an Effect to comparable text --------------------------------


def _default(value: ast.expr | None) -> str:
    if value is REQUIRED:
        return REQ
    if value is OPTIONAL:
        return OPT
    return ast.unparse(value)


def _callee(callee: Callee) -> str:
    return f"{callee.kind} {callee.name}".rstrip()


def _forward(forward: Forward) -> dict[str, Any]:
    via = forward.via
    return {
        "callee": _callee(forward.callee),
        "star_args": forward.star_args,
        "star_kwargs": forward.star_kwargs,
        "leading": forward.leading,
        "keywords": forward.keywords,
        "leading_callees": tuple(_callee(c) for c in forward.leading_callees),
        "relayed": forward.relayed,
        "trailing": forward.trailing,
        "result_called": forward.result_called,
        "rest_filled": forward.rest_filled,
        "via": None
        if via is None
        else (
            _callee(via.helper),
            via.args_at,
            via.kwargs_at,
            tuple((at, _callee(c)) for at, c in via.arguments),
        ),
    }


def _fields(effect: Effect) -> dict[str, Any]:
    return {
        "popped": {k: _default(v) for k, v in effect.popped.items()},
        "defaults": {k: _default(v) for k, v in effect.defaults.items()},
        "looped_defaults": {k: _default(v) for k, v in effect.looped_defaults.items()},
        "popped_in_arms": {
            k: [_default(v) for _, v in choices] for k, choices in effect.popped_in_arms.items()
        },
        "supplied": effect.supplied,
        "rewritten": effect.rewritten,
        "rejected": effect.rejected,
        "positional_needed": effect.positional_needed,
        "unproven": effect.unproven,
        "has_source": effect.has_source,
    }


_NOTHING: dict[str, Any] = {
    "popped": {},
    "defaults": {},
    "looped_defaults": {},
    "popped_in_arms": {},
    "supplied": set(),
    "rewritten": set(),
    "rejected": set(),
    "positional_needed": 0,
    "unproven": [],
    "has_source": True,
}


@dataclass(frozen=True)
class Row:
    """One idiom: its source, and the effect fields it sets.

    ``forwards`` (when given) lists, per forwarding call in order, the
    forward's attributes the row checks; ``None`` leaves the forwards unchecked.
    """

    id: str
    source: str
    expect: dict[str, Any] = field(default_factory=dict)
    forwards: list[dict[str, Any]] | None = None
    name: str = "wrapper"
    tracked: tuple[str | None, str | None] | None = None


def _deco(body: str, params: str = "*args, **kwargs") -> str:
    """``body`` as the wrapper of a plain decorator ``deco(func)``."""
    inner = textwrap.indent(textwrap.dedent(body).strip("\n") + "\n", " " * 8)
    return f"def deco(func):\n    def wrapper({params}):\n{inner}    return wrapper\n"


PLAIN = {"callee": "free func", "star_args": True, "star_kwargs": True}

# -- kwargs edits: analysis/kwargs_edits.py ------------------------------------

KWARGS_EDITS = [
    Row(
        "pop-if-present-else-fallback-as-statements",
        _deco("""
            if "deadline" in kwargs:
                deadline = kwargs.pop("deadline")
            else:
                deadline = default_deadline
            return func(*args, **kwargs)
        """),
        {"popped": {"deadline": "default_deadline"}},
    ),
    Row(
        "pop-with-a-default-chosen-by-an-if",
        _deco("""
            if FAST:
                timeout = kwargs.pop("timeout", 1.0)
            else:
                timeout = kwargs.pop("timeout", 30.0)
            return func(*args, **kwargs)
        """),
        {"popped": {"timeout": "30.0"}, "popped_in_arms": {"timeout": ["1.0", "30.0"]}},
    ),
    Row(
        "pop-with-a-default",
        _deco("""
            timeout = kwargs.pop("timeout", 10)
            return func(*args, **kwargs)
        """),
        {"popped": {"timeout": "10"}},
        [PLAIN],
    ),
    Row(
        "pop-without-a-default-is-required",
        _deco("""
            token = kwargs.pop("token")
            return func(*args, **kwargs)
        """),
        {"popped": {"token": REQ}},
    ),
    Row(
        "pop-of-a-computed-key",
        _deco("""
            kwargs.pop(SETTING_NAME, None)
            return func(*args, **kwargs)
        """),
        {"unproven": ["it pops a computed key from **kwargs"]},
    ),
    Row(
        "del-is-a-pop-without-default",
        _deco("""
            del kwargs["verbose"]
            return func(*args, **kwargs)
        """),
        {"popped": {"verbose": REQ}},
    ),
    Row(
        "pop-under-a-presence-test-is-optional",
        _deco("""
            if "session" in kwargs:
                kwargs.pop("session")
            return func(*args, **kwargs)
        """),
        {"popped": {"session": OPT}},
    ),
    Row(
        "pop-if-present-else-fallback",
        _deco("""
            session = kwargs.pop("session") if "session" in kwargs else None
            return func(*args, **kwargs)
        """),
        {"popped": {"session": "None"}},
    ),
    Row(
        "pop-with-a-key-error-fallback",
        _deco("""
            try:
                user = kwargs.pop("user")
            except KeyError:
                user = "anonymous"
            return func(*args, **kwargs)
        """),
        {"popped": {"user": "'anonymous'"}},
    ),
    Row(
        # Leaving ``fill`` out is not passing ``fill=None``: the handler
        # also records that it was missing (boltons' chunked_iter).
        "pop-with-a-key-error-handler-that-does-more",
        _deco("""
            do_fill = True
            try:
                fill = kwargs.pop("fill")
            except KeyError:
                do_fill = False
                fill = None
            return func(*args, fill if do_fill else 0, **kwargs)
        """),
        {"popped": {"fill": OPT}},
    ),
    Row(
        "pop-from-a-copy-of-kwargs",
        _deco("""
            options = kwargs.copy()
            options.pop("debug", False)
            return func(*args, **options)
        """),
        {"popped": {"debug": "False"}},
        [PLAIN],
    ),
    Row(
        "setdefault",
        _deco("""
            kwargs.setdefault("retries", 3)
            return func(*args, **kwargs)
        """),
        {"defaults": {"retries": "3"}},
    ),
    Row(
        "set-when-not-in-kwargs",
        _deco("""
            if "encoding" not in kwargs:
                kwargs["encoding"] = "utf-8"
            return func(*args, **kwargs)
        """),
        {"defaults": {"encoding": "'utf-8'"}},
    ),
    Row(
        "set-when-get-is-none",
        _deco("""
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = 30.0
            return func(*args, **kwargs)
        """),
        {"defaults": {"timeout": "30.0"}},
    ),
    Row(
        "set-when-get-is-falsy",
        _deco("""
            if not kwargs.get("loop"):
                kwargs["loop"] = get_event_loop()
            return func(*args, **kwargs)
        """),
        {"defaults": {"loop": "get_event_loop()"}},
    ),
    Row(
        "passed-after-an-early-return-when-present",
        _deco("""
            if "session" in kwargs:
                return func(*args, **kwargs)
            return func(*args, session=new_session(), **kwargs)
        """),
        {"defaults": {"session": "new_session()"}},
        [PLAIN, {**PLAIN, "keywords": ()}],
    ),
    Row(
        "key-set-is-supplied",
        _deco("""
            kwargs["request_id"] = new_request_id()
            return func(*args, **kwargs)
        """),
        {"supplied": {"request_id"}},
    ),
    Row(
        "update-with-keywords-is-supplied",
        _deco("""
            kwargs.update(trace=True)
            return func(*args, **kwargs)
        """),
        {"supplied": {"trace"}},
    ),
    Row(
        "update-with-a-literal-dict-is-supplied",
        _deco("""
            kwargs.update({"user": current_user()})
            return func(*args, **kwargs)
        """),
        {"supplied": {"user"}},
    ),
    Row(
        "in-place-or-is-supplied",
        _deco("""
            kwargs |= {"strict": True}
            return func(*args, **kwargs)
        """),
        {"supplied": {"strict"}},
    ),
    Row(
        "rewritten-from-the-callers-value-stays-the-callers",
        _deco("""
            kwargs["timeout"] = float(kwargs.get("timeout", 5))
            return func(*args, **kwargs)
        """),
        {"rewritten": {"timeout"}},
    ),
    Row(
        "refused-when-present",
        _deco("""
            if "multiple" in kwargs:
                raise TypeError("multiple is not supported")
            return func(*args, **kwargs)
        """),
        {"rejected": {"multiple"}},
    ),
    Row(
        "defaults-from-a-closure-list",
        """
        def inject(*names):
            def decorate(func):
                def wrapper(*args, **kwargs):
                    for name in names:
                        if name not in kwargs:
                            kwargs[name] = lookup(name)
                    return func(*args, **kwargs)
                return wrapper
            return decorate
        """,
        {"looped_defaults": {"names": "lookup(name)"}},
    ),
    Row(
        "update-from-a-mapping",
        _deco("""
            kwargs.update(DEFAULTS)
            return func(*args, **kwargs)
        """),
        {"unproven": ["it updates **kwargs from a mapping"]},
    ),
    Row(
        "computed-key-set",
        _deco("""
            kwargs[option_name()] = True
            return func(*args, **kwargs)
        """),
        {"unproven": ["it sets a computed key of **kwargs"]},
    ),
    Row(
        "kwargs-cleared",
        _deco("""
            kwargs.clear()
            return func(*args, **kwargs)
        """),
        {"unproven": ["it calls kwargs.clear()"]},
    ),
    Row(
        "pop-by-an-inner-function-parameter-is-not-the-wrappers",
        _deco("""
            strip = lambda kwargs: kwargs.pop("debug")
            return func(*args, **kwargs)
        """),
        {},
        [PLAIN],
    ),
]

# -- forwarding calls: analysis/forwarding.py, analysis/callees.py ---------------

FORWARDING = [
    Row(
        "a-partial-returned-is-not-a-call",
        """
        def set_hook(fn=None, *, tag, **kwargs):
            if fn is None:
                return functools.partial(set_hook, tag=tag, **kwargs)
            HOOKS[tag].append((fn, kwargs))
            return fn
        """,
        {},
        [],
        name="set_hook",
    ),
    Row(
        "args-replaced-by-values-of-its-own",
        _deco("""
            args = ("GET", "/")
            return func(*args, **kwargs)
        """),
        {},
        [{"callee": "free func", "star_args": False, "star_kwargs": True, "rest_filled": True}],
    ),
    Row(
        "call-inside-a-starred-argument",
        _deco("""
            return combine(*func(*args, **kwargs))
        """),
        {},
        [PLAIN],
    ),
    Row(
        "a-starred-value-of-its-own-fills-the-rest",
        _deco(
            """
            return func(first, *extra, **kwargs)
            """,
            params="first, extra, **kwargs",
        ),
        {},
        [{"callee": "free func", "star_args": False, "star_kwargs": True, "rest_filled": True}],
    ),
    Row(
        "keywords-from-a-mapping-built-elsewhere",
        _deco("""
            with resolve_dependencies(kwargs) as injected:
                return func(*args, **injected)
        """),
        {"unproven": ["it passes keywords from injected, which the resolver cannot read"]},
    ),
    Row(
        "a-nested-function-s-own-locals-are-not-the-wrapper-s",
        _deco("""
            def fallback():
                args = ("default",)
                return func(*args)
            return func(*args, **kwargs) or fallback()
        """),
        {},
        [PLAIN],
    ),
    Row("plain-forward", _deco("return func(*args, **kwargs)"), {}, [PLAIN]),
    Row(
        "positional-only-forward",
        _deco("return func(*args)"),
        {},
        [{**PLAIN, "star_kwargs": False}],
    ),
    Row(
        "leading-argument-passed-through",
        _deco("return func(self, *args, **kwargs)", "self, *args, **kwargs"),
        {},
        [{**PLAIN, "leading": ("self",), "leading_callees": ("param self",)}],
    ),
    Row(
        "keyword-passed-through",
        _deco("return func(*args, timeout=timeout, **kwargs)", "*args, timeout=5, **kwargs"),
        {},
        [{**PLAIN, "keywords": (("timeout", "timeout"),)}],
    ),
    Row(
        "positional-written-after-args",
        _deco("return func(*args, mock, **kwargs)"),
        {},
        [{**PLAIN, "trailing": 1}],
    ),
    Row(
        "positionals-appended-to-args",
        _deco("return func(*(args + (first, second)), **kwargs)"),
        {},
        [{**PLAIN, "trailing": 2}],
    ),
    Row(
        "first-argument-relayed",
        _deco("return func(args[0], **kwargs)"),
        {"positional_needed": 1},
        [{**PLAIN, "star_args": False, "relayed": (0,)}],
    ),
    Row(
        "keyword-merged-into-the-dict",
        _deco('return func(*args, **{**kwargs, "timeout": 1.0})'),
        {},
        [{**PLAIN, "keywords": (("timeout", None),)}],
    ),
    Row(
        "keyword-merged-with-dict",
        _deco("return func(*args, **dict(kwargs, timeout=1.0))"),
        {},
        [
            {**PLAIN, "keywords": (("timeout", None),)},
            # the inner dict(...) hands kwargs to ``dict``: read as a helper call too
            {"callee": "unknown", "via": ("global dict", None, 0, (("timeout", "unknown"),))},
        ],
    ),
    Row(
        "partial-then-called",
        "import functools\n" + _deco("return functools.partial(func, *args)(**kwargs)"),
        {},
        [PLAIN],
    ),
    Row(
        "bound-arguments-forwarded",
        _deco("""
            bound = signature.bind(*args, **kwargs)
            return func(*bound.args, **bound.kwargs)
        """),
        {},
        [PLAIN],
    ),
    Row(
        "class-based-decorator-calls-self-attribute",
        """
        class logged:
            def __init__(self, func):
                self.func = func

            def __call__(self, *args, **kwargs):
                call = self.func
                return call(*args, **kwargs)
        """,
        {},
        [{**PLAIN, "callee": "self_attr func"}],
        name="__call__",
    ),
    Row(
        "super-method",
        """
        class Audited(Model):
            def save(self, *args, **kwargs):
                return super().save(*args, **kwargs)
        """,
        {},
        [{**PLAIN, "callee": "super save"}],
        name="save",
    ),
    Row(
        "function-of-a-module",
        "import json\ndef wrapper(*args, **kwargs):\n    return json.dumps(*args, **kwargs)\n",
        {},
        [{**PLAIN, "callee": "global json.dumps"}],
    ),
    Row(
        "runner-receives-the-target",
        "import asyncio\ndef deco(func):\n    async def wrapper(*args, **kwargs):\n"
        "        return await asyncio.to_thread(func, *args, **kwargs)\n    return wrapper\n",
        {},
        [
            {
                **PLAIN,
                "callee": "global asyncio.to_thread",
                "leading": (None,),
                "leading_callees": ("free func",),
            }
        ],
    ),
    Row(
        "factory-result-called",
        _deco("return make_decorator(**kwargs)(func)"),
        {},
        [
            {
                "callee": "global make_decorator",
                "star_args": False,
                "star_kwargs": True,
                "result_called": True,
            }
        ],
    ),
    Row(
        "positionals-reordered",
        _deco("return func(args[1], args[0], **kwargs)"),
        {"positional_needed": 2, "unproven": ["it reorders its positional arguments"]},
    ),
    Row(
        "sliced-args",
        _deco("return func(*args[1:], **kwargs)"),
        {"unproven": ["it passes on a transformed copy of its arguments (args[1:])"]},
        [{**PLAIN, "star_args": False}],
    ),
    Row(
        "args-reassigned",
        _deco("""
            args = tuple(reversed(args))
            return func(*args, **kwargs)
        """),
        {"unproven": ["it reassigns *args"]},
    ),
]

# -- helper calls: analysis/helpers.py ---------------------------------------------

HELPERS = [
    Row(
        "arguments-handed-to-a-helper",
        _deco("return call_with_retries(func, args, kwargs)"),
        {},
        [
            {
                "callee": "unknown",
                "star_args": True,
                "star_kwargs": True,
                "via": ("global call_with_retries", 1, 2, ((0, "free func"),)),
            }
        ],
    ),
    Row(
        "arguments-handed-over-by-keyword",
        _deco("return run_in_span(target=func, args=args, kwargs=kwargs)"),
        {},
        [
            {
                "callee": "unknown",
                "via": ("global run_in_span", "args", "kwargs", (("target", "free func"),)),
            }
        ],
    ),
    Row(
        "helper-read-with-its-parameters-tracked",
        """
        def call_with_retries(func, args, kwargs):
            retries = kwargs.pop("retries", 3)
            return func(*args, **kwargs)
        """,
        {"popped": {"retries": "3"}},
        [{**PLAIN, "callee": "param func"}],
        name="call_with_retries",
        tracked=("args", "kwargs"),
    ),
]

# -- positional needs: analysis/positional.py --------------------------------------

POSITIONAL = [
    Row(
        "first-argument-read",
        _deco("""
            request = args[0]
            return func(*args, **kwargs)
        """),
        {"positional_needed": 1},
    ),
    Row(
        "second-argument-read",
        _deco("""
            log(args[1])
            return func(*args, **kwargs)
        """),
        {"positional_needed": 2},
    ),
    Row(
        "empty-args-refused",
        _deco("""
            if not args:
                raise TypeError("expected a request")
            return func(*args, **kwargs)
        """),
        {"positional_needed": 1},
    ),
    Row(
        "short-args-refused",
        _deco("""
            if len(args) < 2:
                raise TypeError("expected two arguments")
            return func(*args, **kwargs)
        """),
        {"positional_needed": 1},
    ),
    Row(
        "read-in-one-arm-only-is-not-needed",
        _deco("""
            if args:
                log(args[0])
            return func(*args, **kwargs)
        """),
        {},
    ),
]

# -- statements that do not mention the arguments: analysis/visitor.py ---------
# A statement whose lines name none of the arguments' holders is not read;
# these rows put those names where a statement's own position does not show
# them (above it, on later lines, under another name).

UNREAD_STATEMENTS = [
    Row(
        "an-inner-def-below-its-decorator-forwards",
        _deco("""
            @functools.wraps(func)
            def attempt():
                return func(*args, **kwargs)
            return retry(attempt)
        """),
        forwards=[PLAIN],
    ),
    Row(
        "a-call-whose-arguments-continue-on-later-lines",
        _deco("""
            log.info("calling %s", func.__name__)
            return func(
                *args,
                **kwargs
            )
        """),
        forwards=[PLAIN],
    ),
    Row(
        "a-copy-of-kwargs-used-under-its-own-name",
        _deco("""
            options = {**kwargs}
            started = clock()
            options.pop("trace", None)
            return func(*args, **options)
        """),
        {"popped": {"trace": "None"}},
        forwards=[PLAIN],
    ),
    Row(
        "bound-arguments-used-under-their-own-name",
        _deco("""
            ba = SIG.bind(*args, **kwargs)
            ready()
            return func(*ba.args, **ba.kwargs)
        """),
        forwards=[PLAIN],
    ),
    Row(
        "only-unrelated-statements-but-the-forward",
        _deco("""
            count = 0
            for attempt in range(3):
                count += attempt
                if count > LIMIT:
                    raise RuntimeError(count)
            with lock:
                audit(count)
            return func(*args, **kwargs)
        """),
        forwards=[PLAIN],
    ),
]

UNREAD_STATEMENTS += [
    Row(
        "an-alias-bound-in-a-nested-block",
        _deco("""
            try:
                target = registry.lookup
            finally:
                cleanup()
            return target(*args, **kwargs)
        """),
        forwards=[{"callee": "global registry.lookup", "star_args": True, "star_kwargs": True}],
    ),
    Row(
        "an-alias-rebound-by-an-assignment-expression",
        _deco("""
            target = func
            if (target := OVERRIDE) is None:
                log("no override")
            return target(*args, **kwargs)
        """),
        forwards=[{"callee": "unknown target", "star_args": True, "star_kwargs": True}],
    ),
]

ROWS = [*KWARGS_EDITS, *FORWARDING, *HELPERS, *POSITIONAL, *UNREAD_STATEMENTS]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_the_idiom_sets_these_fields_and_no_others(row: Row, wrapper_code: Compile) -> None:
    effect = effect_of(wrapper_code(row.source, row.name), None, row.tracked)
    assert _fields(effect) == {**_NOTHING, **row.expect}
    if row.forwards is not None:
        found = [_forward(f) for f in effect.forwards]
        assert len(found) == len(row.forwards)
        for got, wanted in zip(found, row.forwards, strict=True):
            assert {k: got[k] for k in wanted} == wanted


def test_row_ids_are_unique() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids))


def test_forwards_in_the_two_arms_of_an_if_exclude_each_other(wrapper_code: Compile) -> None:
    source = _deco("""
        if use_cache:
            return cached(*args, **kwargs)
        else:
            return func(*args, **kwargs)
    """)
    effect = effect_of(wrapper_code(source))
    cached, direct = effect.forwards
    assert cached.excludes(direct) and direct.excludes(cached)
    assert (_callee(cached.callee), _callee(direct.callee)) == ("global cached", "free func")


def test_forwards_in_sequence_do_not_exclude_each_other(wrapper_code: Compile) -> None:
    source = _deco("""
        audit(*args, **kwargs)
        return func(*args, **kwargs)
    """)
    effect = effect_of(wrapper_code(source))
    first, second = effect.forwards
    assert not first.excludes(second)


def test_without_source_nothing_is_claimed(wrapper_code: Compile) -> None:
    effect = effect_of(wrapper_code(_deco("return func(*args, **kwargs)"), register=False))
    assert _fields(effect) == {
        **_NOTHING,
        "has_source": False,
        "unproven": ["its source code is not available"],
    }
    assert effect.forwards == []
    assert (effect.varargs, effect.varkw) == ("args", "kwargs")


def test_the_effect_is_computed_once_per_code_object(wrapper_code: Compile) -> None:
    code = wrapper_code(_deco("return func(*args, **kwargs)"))
    effect = effect_of(code)
    assert effect_of(code) is effect
    assert effect_of(code, None, ("args", "kwargs")) is not effect  # tracked: its own entry
    clear_effects()
    assert effect_of(code) is not effect


def test_callee_kinds_compare_as_their_strings() -> None:
    # Code outside the analysis still compares ``callee.kind == "free"``.
    assert Callee(CalleeKind.FREE, "func").kind == "free"
    assert {k.value for k in CalleeKind} == {
        "free",
        "global",
        "self_attr",
        "param",
        "local_def",
        "super",
        "unknown",
    }


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_unread_statements_change_no_effect(
    row: Row, wrapper_code: Compile, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every row's effect is the one a reading of every statement gives.
    code = wrapper_code(row.source, row.name)
    skipping = effect_of(code, None, row.tracked)
    clear_effects()
    for module, name in ((visitor, "mentions"), (positional, "mentions"), (state, "may_walrus")):
        monkeypatch.setattr(module, name, lambda *args: True)
    reading_all = effect_of(code, None, row.tracked)
    assert reading_all is not skipping
    assert _fields(reading_all) == _fields(skipping)
    assert [_forward(f) for f in reading_all.forwards] == [_forward(f) for f in skipping.forwards]


def test_a_statement_not_mentioning_the_arguments_is_not_read(
    wrapper_code: Compile, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _deco("""
        for attempt in range(3):
            sleep(backoff(attempt))
        report = summary(func.__name__)
        return func(*args, **kwargs)
    """)
    read: list[str] = []
    original = forwarding.read_forward

    def recording(state: Any, call: ast.Call) -> bool:
        read.append(ast.unparse(call.func))
        return original(state, call)

    monkeypatch.setattr(forwarding, "read_forward", recording)
    effect_of(wrapper_code(source))
    assert read == ["func"]
