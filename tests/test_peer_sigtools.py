"""A peer's suite: sigtools' own fixtures, resolved by ``effective_signature`` (issue 14).

:func:`helpers.sigtools_fixtures.fixtures` reads the 52 fixtures (function,
expected signature) from sigtools' installed tests. Each is compared in the
normalised form of :func:`helpers.reallibs_table.normalised` (names, kinds,
defaults; not annotations nor the names of ``*args``/``**kwargs``), against:

- sigtools' expected signature, by default: the agreement the issue counts;
- :data:`OURS`, where SPEC and sigtools legitimately disagree: our value,
  with the reason.

:data:`NOT_FOLLOWED` lists the fixtures the resolver does not follow yet,
marked ``xfail(strict=True)`` with the idiom, so a fix shows up as an XPASS
until its entry is removed.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers.reallibs_table import normalised
from helpers.sigtools_fixtures import Fixture, fixtures

from sphinxcontrib_effsig import effective_signature

FIXTURES = fixtures()
TWINS = ("autoforwards", "autoforwards_pep563")


def _both(name: str, value: Any) -> dict[str, Any]:
    """The same entry for a fixture and its PEP 563 twin."""
    return {f"{twin}.{name}": value for twin in TWINS}


_DEFERRED = (
    "(a, b, *args, **kwargs)",
    "partial(...) is built and never called, so every call binds and returns: the arguments"
    " only reach functools.partial's own (*args, **keywords) (SPEC 1.5: never invent a"
    " parameter); sigtools makes the target's parameters optional (=None), a convention for"
    " deferred calls that refuses calls which work",
)


#: Where SPEC says otherwise than sigtools: (our signature, why).
OURS: dict[str, tuple[str, str]] = {
    **_both("pass_to_partial", _DEFERRED),
    **_both("pass_to_partial_with_args", _DEFERRED),
}

#: Fixtures the resolver does not follow yet: the idiom, and what it gives now.
NOT_FOLLOWED: dict[str, str] = {}


def _params() -> list[Any]:
    rows = []
    for fixture in FIXTURES:
        reason = NOT_FOLLOWED.get(fixture.id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        rows.append(pytest.param(fixture, id=fixture.id, marks=marks))
    return rows


def expected(fixture: Fixture) -> str:
    """Our expected signature: sigtools', unless :data:`OURS` says otherwise."""
    if fixture.id in OURS:
        return OURS[fixture.id][0]
    return normalised(fixture.expected_signature())


@pytest.mark.parametrize("fixture", _params())
def test_fixture(fixture: Fixture) -> None:
    assert normalised(effective_signature(fixture.func)) == expected(fixture)


def test_all_fixtures_are_found() -> None:
    """sigtools 4.0.1 defines 52 (22 autoforwards, their 22 twins, 4 + 4 wrappers)."""
    assert len(FIXTURES) == 52
    assert len({f.id for f in FIXTURES}) == 52


def test_entries_name_real_fixtures() -> None:
    ids = {f.id for f in FIXTURES}
    assert set(OURS) <= ids, set(OURS) - ids
    assert set(NOT_FOLLOWED) <= ids, set(NOT_FOLLOWED) - ids


def test_our_values_differ_from_sigtools() -> None:
    """Each :data:`OURS` entry is a real disagreement, not a restatement."""
    for fixture in FIXTURES:
        if fixture.id in OURS:
            assert OURS[fixture.id][0] != normalised(fixture.expected_signature()), fixture.id
