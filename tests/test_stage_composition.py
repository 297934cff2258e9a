"""Composition on its own: hand-built layers and call sites -> signature.

Each row builds the :class:`~sphinxcontrib_effsig.resolver.compose.Layer`
the runtime walk would build for one wrapper -- its own parameters, what
its code does to ``**kwargs``, and its forwarding calls paired with their
targets' signatures -- and checks what :func:`compose` makes of it: the
signature text, the owner of every parameter, and whether it is proven.
No code is analysed and nothing is resolved, so a failure here is in
composition.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from helpers.expect import everything
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_effsig.resolver import compose as compose_module
from sphinxcontrib_effsig.resolver.analysis import Callee, Forward
from sphinxcontrib_effsig.resolver.annotations import SourceDefault
from sphinxcontrib_effsig.resolver.compose import Layer, Site, compose, normalise
from sphinxcontrib_effsig.resolver.model import EMPTY, EffectiveParameter, EffectiveSignature

# --- the functions whose signatures the layers are built from -----------------


def fetch(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes:
    """The target most rows wrap."""
    raise AssertionError("never called")


def fetch_async(url: str, timeout: float = 5.0, *, retries: int = 3) -> bytes:
    """The other branch of a run-time choice."""
    raise AssertionError("never called")


def audit(*, retries: int = 0, user: str = "") -> None:
    """A second target that also receives the wrapper's ``**kwargs``."""


def view(request: str, page: int = 1) -> str:
    """A view that a decorator hands its own ``request`` parameter on to."""
    raise AssertionError("never called")


def define(maybe_cls: type | None = None, *, slots: bool = True) -> Any:
    """A decorator factory: its result is called with the target (``attrs.define``)."""


def submit(job: str, *args: Any) -> Any:
    """A target that takes ``*args`` itself."""


def logged(*args: Any, **kwargs: Any) -> Any:
    """A wrapper that only passes everything on."""


def traced(*args: Any, trace_id: str = "", **kwargs: Any) -> Any:
    """A wrapper that adds a keyword-only parameter of its own."""


def by_position(*args: Any) -> Any:
    """A wrapper that takes (and passes on) positional arguments only."""


def by_keyword(**kwargs: Any) -> Any:
    """A wrapper that takes (and passes on) keywords only."""


def login_required(request, *args, **kwargs):
    """A wrapper with a named first parameter, passed straight through."""


OWNERS: dict[object, str] = {
    fetch: "net.fetch",
    fetch_async: "net.fetch_async",
    audit: "net.audit",
    view: "shop.view",
    define: "attrs.define",
    submit: "jobs.submit",
    logged: "deco.logged",
    traced: "deco.traced",
    by_position: "deco.by_position",
    by_keyword: "deco.by_keyword",
    login_required: "auth.login_required",
}


def signature_of(func: Callable[..., Any]) -> EffectiveSignature:
    """``func``'s signature, every parameter owned by it."""
    sig = inspect.signature(func, eval_str=True)
    return EffectiveSignature(
        [EffectiveParameter.from_parameter(p, func, OWNERS[func]) for p in sig.parameters.values()],
        return_annotation=sig.return_annotation,
    )


def own(wrapper: Callable[..., Any]) -> list[EffectiveParameter]:
    return list(signature_of(wrapper).parameters.values())


def layer(wrapper: Callable[..., Any], *sites: Site, **fields: Any) -> Layer:
    """The layer of ``wrapper`` (its own parameters) with ``sites`` and ``fields``."""
    name = OWNERS[wrapper]
    return Layer(
        own=own(wrapper),
        owner=wrapper,
        owner_name=name,
        sites=list(sites),
        describe=f"the wrapper {name}",
        **fields,
    )


def call(
    target: Callable[..., Any] | EffectiveSignature | None,
    *,
    args: bool = True,
    kwargs: bool = True,
    declared: bool = True,
    name: str = "func",
    target_id: int = 0,
    **forward: Any,
) -> Site:
    """A forwarding call ``name(*args, **kwargs)`` to ``target`` (``None``: unknown)."""
    callee = Callee("free", name=name, text=name)
    sig = (
        target if target is None or isinstance(target, EffectiveSignature) else signature_of(target)
    )
    return Site(
        Forward(callee, args, kwargs, **forward),
        sig,
        target_id or id(target),
        declared=declared,
    )


def stacked() -> Layer:
    """``@traced`` over ``@logged`` that consumes ``verbose``, over ``fetch``."""
    inner = compose(layer(logged, call(fetch), popped={"verbose": False}))
    return layer(traced, call(inner))


# --- the table -------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    id: str
    build: Callable[[], Layer]
    expected: str
    #: parameter name -> owner name, for every parameter
    owners: dict[str, str]
    resolved: bool = True
    #: a substring one of the notes must contain (unresolved rows)
    note: str = ""


def owned(owner: str, *names: str) -> dict[str, str]:
    return dict.fromkeys(names, owner)


FETCH = owned("net.fetch", "url", "timeout", "retries")

ROWS = [
    Row(
        "passes-everything-on",
        lambda: layer(logged, call(fetch)),
        "(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "adds-a-keyword-only-parameter",
        lambda: layer(traced, call(fetch)),
        "(url: str, timeout: float = 10.0, *, retries: int = 3, trace_id: str = '') -> bytes",
        {**FETCH, "trace_id": "deco.traced"},
    ),
    Row(
        "consumes-a-keyword-with-a-default",
        lambda: layer(logged, call(fetch), popped={"verbose": False}),
        "(url: str, timeout: float = 10.0, *, retries: int = 3, verbose=False) -> bytes",
        {**FETCH, "verbose": "deco.logged"},
    ),
    Row(
        "consumes-a-required-keyword",
        lambda: layer(logged, call(fetch), popped={"token": EMPTY}),
        "(url: str, timeout: float = 10.0, *, retries: int = 3, token) -> bytes",
        {**FETCH, "token": "deco.logged"},
    ),
    Row(
        "consumes-a-keyword-whose-default-is-read-as-written",
        lambda: layer(logged, call(fetch), popped={"cache": SourceDefault("DEFAULT_CACHE")}),
        "(url: str, timeout: float = 10.0, *, retries: int = 3, cache=DEFAULT_CACHE) -> bytes",
        {**FETCH, "cache": "deco.logged"},
    ),
    Row(
        "supplies-a-keyword-itself",
        lambda: layer(logged, call(fetch), supplied={"timeout"}),
        "(url: str, *, retries: int = 3) -> bytes",
        owned("net.fetch", "url", "retries"),
    ),
    Row(
        "refuses-a-keyword",
        lambda: layer(logged, call(fetch), rejected={"retries"}),
        "(url: str, timeout: float = 10.0) -> bytes",
        owned("net.fetch", "url", "timeout"),
    ),
    Row(
        "re-defaults-a-keyword-with-setdefault",
        lambda: layer(logged, call(fetch), defaults={"timeout": 30.0}),
        "(url: str, *, timeout: float = 30.0, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "supplies-the-first-positional",
        lambda: layer(logged, call(fetch, leading=(None,))),
        "(timeout: float = 10.0, *, retries: int = 3) -> bytes",
        owned("net.fetch", "timeout", "retries"),
    ),
    Row(
        "relays-the-callers-first-positional",
        lambda: layer(logged, call(fetch, leading=(None,), relayed=(0,))),
        "(url: str, /, timeout: float = 10.0, *, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "reads-args-0-so-the-first-is-positional-only",
        lambda: layer(logged, call(fetch), positional_needed=1),
        "(url: str, /, timeout: float = 10.0, *, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "forwards-args-only",
        lambda: layer(by_position, call(fetch, kwargs=False)),
        "(url: str, timeout: float = 10.0, /) -> bytes",
        owned("net.fetch", "url", "timeout"),
    ),
    Row(
        "forwards-kwargs-only",
        lambda: layer(by_keyword, call(fetch, args=False)),
        "(*, url: str, timeout: float = 10.0, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "appends-a-positional-after-args",
        lambda: layer(logged, call(fetch, trailing=1)),
        "(url: str, /, *, retries: int = 3) -> bytes",
        owned("net.fetch", "url", "retries"),
    ),
    Row(
        "appends-a-positional-to-a-target-taking-args",
        lambda: layer(logged, call(submit, trailing=1)),
        "(job: str, *args: Any) -> Any",
        owned("jobs.submit", "job", "args"),
        resolved=False,
        note="appends positional arguments to *args",
    ),
    Row(
        "passes-its-own-parameter-straight-through",
        lambda: layer(login_required, call(view, leading=("request",))),
        "(request: str, page: int = 1) -> str",
        owned("shop.view", "request", "page"),
    ),
    Row(
        "its-own-return-annotation-wins",
        lambda: layer(logged, call(fetch), return_annotation=str),
        "(url: str, timeout: float = 10.0, *, retries: int = 3) -> str",
        FETCH,
    ),
    Row(
        "two-layers-stacked",
        stacked,
        # The inner layer's keyword comes with its target's, before the outer one's own.
        "(url: str, timeout: float = 10.0, *, retries: int = 3, verbose=False, "
        "trace_id: str = '') -> bytes",
        {**FETCH, "trace_id": "deco.traced", "verbose": "deco.logged"},
    ),
    Row(
        "a-retry-path-without-kwargs-narrows-to-both",
        lambda: layer(logged, call(fetch), call(fetch, kwargs=False)),
        "(url: str, timeout: float = 10.0, /) -> bytes",
        owned("net.fetch", "url", "timeout"),
    ),
    Row(
        "kwargs-also-go-to-a-second-target",
        lambda: layer(logged, call(fetch), call(audit, args=False, declared=False, name="audit")),
        "(url: str, timeout: float = 10.0, /, *, retries: int = 3) -> bytes",
        FETCH,
    ),
    Row(
        "a-run-time-choice-between-two-targets",
        lambda: layer(
            logged,
            call(fetch, arms=((1, 0),)),
            call(fetch_async, declared=False, name="fetch_async", arms=((1, 1),)),
        ),
        "(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes",
        FETCH,
        resolved=False,
        note="chooses at run time between func and fetch_async",
    ),
    Row(
        "a-factory-whose-result-gets-the-target",
        lambda: layer(by_keyword, call(define, args=False, result_called=True)),
        "(*, slots: bool = True) -> Any",
        owned("attrs.define", "slots"),
    ),
    Row(
        "an-unproven-edit-keeps-args-and-kwargs",
        lambda: layer(logged, call(fetch), unproven=["the wrapper deco.logged reassigns kwargs"]),
        "(*args: Any, **kwargs: Any)",
        owned("deco.logged", "args", "kwargs"),
        resolved=False,
        note="reassigns kwargs",
    ),
    Row(
        "an-unknown-target-keeps-args-and-kwargs",
        lambda: layer(traced, call(None, name="backends[name]", declared=False)),
        "(*args: Any, trace_id: str = '', **kwargs: Any)",
        {**owned("deco.traced", "args", "trace_id", "kwargs")},
        resolved=False,
        note="passes its arguments to backends[name], which the resolver cannot identify",
    ),
    Row(
        "a-declared-target-never-reached",
        lambda: layer(logged, expects_target=True, popped={"verbose": False}),
        "(*args: Any, verbose=False, **kwargs: Any)",
        owned("deco.logged", "args", "verbose", "kwargs"),
        resolved=False,
        note="never passes its *args/**kwargs",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_composition(row: Row) -> None:
    sig = compose(row.build())

    assert str(sig) == row.expected
    assert {p.name: p.owner_name for p in sig.parameters.values()} == row.owners
    assert sig.resolved is row.resolved, sig.notes
    if row.note:
        assert any(row.note.lower() in note.lower() for note in sig.notes), sig.notes
    else:
        assert not sig.notes


# --- normalise: any parameter list made valid, a valid one left as it is ------

_KINDS = list(inspect._ParameterKind)


@st.composite
def _parameter_lists(draw: st.DrawFn) -> list[EffectiveParameter]:
    params = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(_KINDS))
        variadic = kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        default = EMPTY if variadic else draw(st.sampled_from([EMPTY, 0]))
        params.append(EffectiveParameter(draw(st.sampled_from("abcde")), kind, default=default))
    return params


def _described(params: list[EffectiveParameter]) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in params]


@settings(max_examples=400, deadline=None)
@given(_parameter_lists())
def test_normalise_makes_any_list_a_valid_signature(params: list[EffectiveParameter]) -> None:
    result = normalise(list(params))
    inspect.Signature(result)  # raises if the list is not a valid signature
    assert _described(normalise(list(result))) == _described(result)


@settings(max_examples=400, deadline=None)
@given(_parameter_lists())
def test_normalise_leaves_a_valid_list_unchanged(params: list[EffectiveParameter]) -> None:
    names = [p.name for p in params]
    variadics = [p.kind for p in params if p.kind.name.startswith("VAR_")]
    try:
        inspect.Signature(params)
    except ValueError:
        return
    if len(set(names)) == len(names) and len(set(variadics)) == len(variadics):
        assert _described(normalise(list(params))) == _described(params)


# --- the relay shortcut: a wrapper that passes everything on, as composed ------


def _unresolved(func: Callable[..., Any], *, presumed: bool) -> EffectiveSignature:
    return signature_of(func).replace(
        resolved=False, presumed=presumed, notes=["the wrapper deco.inner reassigns kwargs"]
    )


RELAYED_TARGETS: dict[str, Callable[[], Layer]] = {
    "a-plain-target": lambda: layer(logged, call(fetch)),
    "a-target-taking-args": lambda: layer(logged, call(submit)),
    "a-target-taking-args-and-kwargs": lambda: layer(logged, call(traced)),
    "a-presumed-target": lambda: layer(logged, call(_unresolved(fetch, presumed=True))),
    "an-unresolved-target": lambda: layer(logged, call(_unresolved(fetch, presumed=False))),
    "its-own-return-annotation": lambda: layer(logged, call(fetch), return_annotation=str),
    "a-call-not-declared": lambda: layer(logged, call(fetch, declared=False, name="helper")),
}


@pytest.mark.parametrize("build", RELAYED_TARGETS.values(), ids=RELAYED_TARGETS)
def test_a_wrapper_passing_everything_on_composes_as_the_general_path_does(
    build: Callable[[], Layer], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert compose_module._relayed_whole(build()) is not None  # the shortcut is taken
    shortcut = compose(build())
    monkeypatch.setattr(compose_module, "_relayed_whole", lambda layer: None)
    assert everything(shortcut) == everything(compose(build()))


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_the_relay_shortcut_is_taken_only_where_it_changes_nothing(
    row: Row, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_shortcut = compose(row.build())
    monkeypatch.setattr(compose_module, "_relayed_whole", lambda layer: None)
    assert everything(with_shortcut) == everything(compose(row.build()))
