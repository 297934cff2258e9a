"""SPEC 1.5 measured on real libraries' decorators (issue 14).

The corpus is :data:`helpers.reallibs_table.CASES`: decorators of some forty
libraries, applied in ``samples.reallibs`` as their users apply them, each
with the signature a caller really has to satisfy. Per row:

- ``test_expectation_is_true``: the expected signature is checked by calling
  the object (:func:`helpers.truth.check_truth`), so the rows below compare
  against the truth, not against a guess;
- ``test_never_worse_than_inspect``: where ``inspect.signature`` is right, the
  effective signature is right too;
- ``test_never_wrong_while_resolved``: ``resolved=True`` only on a right answer;
- ``test_effective_signature_is_right``: the effective signature is the
  expected one.

Signatures are compared by :func:`helpers.reallibs_table.normalised`: names,
kinds and defaults; annotations and the names of ``*args``/``**kwargs`` left
out (they do not change which calls bind; families 5 and 6 check
annotations).

Rows the resolver gets wrong today are listed in
:data:`helpers.reallibs_table.KNOWN_WRONG` and marked ``xfail(strict=True)``
in the tests they fail, so each fix shows up as an XPASS until its entry is
removed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from helpers.reallibs_table import CASES, KNOWN_WRONG, LibCase, normalised
from helpers.truth import check_truth
from samples.calls import RECEIVED, forget_calls

from sphinxcontrib_effsig import effective_signature


def _rows(applies: Callable[[LibCase], str | None]) -> list[Any]:
    """Every case, xfail(strict) where ``applies`` gives a reason."""
    rows = []
    for case in CASES:
        reason = applies(case)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        rows.append(pytest.param(case, id=case.id, marks=marks))
    return rows


def _wrong(case: LibCase) -> str | None:
    todo = KNOWN_WRONG.get(case.id)
    return todo.idiom if todo else None


def _worse(case: LibCase) -> str | None:
    todo = KNOWN_WRONG.get(case.id)
    return todo.idiom if todo and todo.worse else None


def _wrong_while_resolved(case: LibCase) -> str | None:
    todo = KNOWN_WRONG.get(case.id)
    return todo.idiom if todo and todo.resolved else None


def _effective(case: LibCase) -> tuple[str, bool]:
    """The normalised effective signature and its ``resolved`` flag.

    Resolving must not run the implementation (nothing is recorded).
    """
    forget_calls()
    sig = effective_signature(case.obj())
    assert not RECEIVED, f"resolving {case.id} ran the implementation"
    return normalised(sig), sig.resolved


def _inspect(case: LibCase) -> str | None:
    try:
        return normalised(inspect.signature(case.obj()))
    except (TypeError, ValueError):
        return None


@pytest.mark.parametrize("case", _rows(lambda case: None))
def test_expectation_is_true(case: LibCase) -> None:
    check_truth(case.obj(), case.expected_signature(), case.truth_setup())


@pytest.mark.parametrize("case", _rows(_worse))
def test_never_worse_than_inspect(case: LibCase) -> None:
    expected = normalised(case.expected_signature())
    if _inspect(case) != expected:
        return  # inspect is wrong here: nothing to be worse than
    effective, _ = _effective(case)
    assert effective == expected, f"inspect.signature is right ({expected}), effsig: {effective}"


@pytest.mark.parametrize("case", _rows(_wrong_while_resolved))
def test_never_wrong_while_resolved(case: LibCase) -> None:
    expected = normalised(case.expected_signature())
    effective, resolved = _effective(case)
    assert not resolved or effective == expected, (
        f"resolved=True on a wrong signature: {effective}, the truth is {expected}"
    )


@pytest.mark.parametrize("case", _rows(_wrong))
def test_effective_signature_is_right(case: LibCase) -> None:
    effective, _ = _effective(case)
    assert effective == normalised(case.expected_signature())


def test_corpus_size() -> None:
    """Issue 14 asks for at least 20 libraries and about 60 cases."""
    assert len({case.library for case in CASES}) >= 20
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


def test_work_list_names_real_rows() -> None:
    """A stale entry (a renamed row) would silently stop marking anything."""
    ids = {case.id for case in CASES}
    assert set(KNOWN_WRONG) <= ids, set(KNOWN_WRONG) - ids
