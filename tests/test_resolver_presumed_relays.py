"""Wrappers presumed to relay everything, decided once per code object.

A wrapper that declares what it wraps and passes ``*args``/``**kwargs`` on
to callables its code computes is presumed to pass everything on. When its
code alone says so, the resolver takes the wrapped object's signature at
once (a plan per code object) instead of building the wrapper's layer, its
call sites and the presumption; these tests pin what a reader gets, that
the plan gives exactly what the general walk gives, and where it is not
taken.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers.expect import Case, cases, check, everything, load, owned

from sphinxcontrib_effsig import effective_signature
from sphinxcontrib_effsig.resolver import scoped_caches
from sphinxcontrib_effsig.resolver.walk import presumed_relays, wrappers

P = "samples.presumed_relays"

PRESUMED = [
    Case(
        "a-registry-looked-up-at-call-time",
        f"{P}.publish",
        "(topic: str, payload: bytes, *, retain: bool = False) -> None",
        owned(f"{P}.publish", "topic", "payload", "retain"),
        resolved=False,
        note="passes its arguments to _HANDLERS[func.__name__], which the resolver cannot identify",
    ),
    Case(
        "two-calls-neither-followed",
        f"{P}.archive",
        "(path: str, *, compress: bool = True) -> int",
        owned(f"{P}.archive", "path", "compress"),
        resolved=False,
        note="passes its arguments to _loaded('audit')",
    ),
    Case(
        "a-private-binding-is-no-parameter",
        f"{P}.centrality",
        "(graph: object, weight: str | None = None) -> dict[object, float]",
        owned(f"{P}.centrality", "graph", "weight"),
        resolved=False,
        note="is presumed to pass its arguments on",
    ),
    Case(
        "a-wrapped-function-without-parameters",
        f"{P}.ping",
        "() -> None",
        {},
        resolved=False,
        note="is presumed to pass its arguments on",
    ),
]


@cases(PRESUMED)
def test_a_presumed_relay_shows_the_wrapped_signature(case: Case) -> None:
    check(case)


def _resolved_afresh(obj: object) -> tuple[object, ...]:
    with scoped_caches():
        return everything(effective_signature(obj))


NAMES = ["publish", "archive", "centrality", "clustering", "serialise", "measure", "ping"]


@pytest.mark.parametrize("name", NAMES)
def test_the_plan_gives_what_the_general_walk_gives(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    obj = load(f"{P}.{name}")
    planned = _resolved_afresh(obj)
    monkeypatch.setattr(wrappers, "relay_plan", lambda code, effect: None)
    assert planned == _resolved_afresh(obj)


@pytest.mark.parametrize(
    ("name", "taken"),
    [
        ("publish", True),
        ("archive", True),
        ("centrality", True),
        ("ping", True),
        # The same code as centrality, but its private keyword has no default:
        # a parameter a caller could pass, left to the general walk.
        ("clustering", False),
        # A registry dispatcher: the computed target is the wrapped function.
        ("serialise", False),
        # A return annotation of its own: the general walk reads it.
        ("measure", False),
    ],
)
def test_where_the_plan_is_taken(name: str, taken: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[object] = []
    real = presumed_relays.presumed_relay

    def spy(*args: Any) -> Any:
        answer = real(*args)
        answers.append(answer)
        return answer

    monkeypatch.setattr(wrappers, "presumed_relay", spy)
    _resolved_afresh(load(f"{P}.{name}"))
    assert any(answer is not None for answer in answers) is taken
