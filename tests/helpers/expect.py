"""One assertion for every resolver test: signature text, owners, resolved.

Usage (``tests`` is on ``sys.path``, so import as ``helpers.expect``)::

    from helpers.expect import assert_effective, owned

    from samples import api

    def test_retry_adds_a_keyword_only_parameter():
        assert_effective(
            api.fetch,
            "(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes",
            owners={
                **owned("samples.api.fetch", "url", "timeout"),
                **owned("samples.decorators.retry", "retries"),
            },
        )

- ``expected`` is compared with ``str(sig)`` exactly: names, kinds (``/``
  and ``*``), defaults, annotations and return annotation.
- ``owners`` must name the ``owner_name`` of *every* parameter (dict
  equality, so a missing, extra or misattributed parameter fails).
- ``resolved`` (default ``True``) is compared with ``sig.resolved``.
- ``note`` (optional): a case-insensitive substring one of ``sig.notes`` must
  contain — use it for unresolved cases so the note is checked to be useful.
- Resolving must not run the object: an implementation ending with
  ``return remember_call()`` (:mod:`samples.calls`) must record nothing.

For tables, build :class:`Case` rows and parametrise over them with
:func:`cases`; ``check(case)`` runs :func:`assert_effective` on a row. A
``Case`` names its object by dotted path (``"samples.api.fetch"``), so a
row reads like documentation and the oracle can load the same object again::

    ROWS = [Case("retry adds retries", "samples.api.fetch", "(url: str, ...) -> bytes",
                 {...})]

    @cases(ROWS)
    def test_retry(case: Case) -> None:
        check(case)

It returns the :class:`EffectiveSignature` for any further checks.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from samples.calls import RECEIVED, forget_calls

from sphinxcontrib_effsig import EffectiveSignature, effective_signature


def owned(owner_name: str, *names: str) -> dict[str, str]:
    """``{name: owner_name}`` for several parameters with the same owner."""
    return dict.fromkeys(names, owner_name)


def assert_effective(
    obj: object,
    expected: str,
    owners: Mapping[str, str],
    resolved: bool = True,
    note: str | None = None,
) -> EffectiveSignature:
    """Assert the whole effective signature of ``obj`` (see module docstring)."""
    forget_calls()
    sig = effective_signature(obj)
    if RECEIVED:
        pytest.fail(f"resolving {obj!r} ran the implementation: {RECEIVED}", pytrace=False)
    actual_owners = {name: p.owner_name for name, p in sig.parameters.items()}
    problems = []
    if str(sig) != expected:
        problems.append(f"signature\n  expected: {expected}\n  actual:   {sig}")
    if actual_owners != dict(owners):
        problems.append(f"owners\n  expected: {dict(owners)}\n  actual:   {actual_owners}")
    if sig.resolved is not resolved:
        problems.append(
            f"resolved: expected {resolved}, actual {sig.resolved} (notes: {sig.notes})"
        )
    if note is not None and not any(note.lower() in n.lower() for n in sig.notes):
        problems.append(f"no note mentions {note!r}; notes: {sig.notes}")
    if problems:
        pytest.fail(f"effective_signature({obj!r}):\n" + "\n".join(problems), pytrace=False)
    return sig


def load(path: str) -> Any:
    """The object at a dotted path: ``"samples.methods.Client.get"``."""
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise LookupError(path)


@dataclass(frozen=True)
class Case:
    """One row of a resolver table.

    ``target`` is a dotted path (loaded with :func:`load`) or, when the object
    cannot be reached by name (a bound method, a partial), a zero-argument
    callable that builds it.
    """

    id: str
    target: Any
    expected: str
    owners: Mapping[str, str] = field(default_factory=dict)
    resolved: bool = True
    note: str | None = None

    def obj(self) -> Any:
        """The object under test."""
        return load(self.target) if isinstance(self.target, str) else self.target()


def cases(rows: Iterable[Case]) -> Any:
    """``pytest.mark.parametrize("case", ...)`` over rows, with readable ids."""
    rows = list(rows)
    return pytest.mark.parametrize("case", rows, ids=[row.id for row in rows])


def check(case: Case) -> EffectiveSignature:
    """Run :func:`assert_effective` on a table row."""
    return assert_effective(
        case.obj(), case.expected, case.owners, resolved=case.resolved, note=case.note
    )


def everything(sig: EffectiveSignature) -> tuple[object, ...]:
    """All a signature says, for comparing two ways of computing it: text,
    every parameter's fields and owner, return annotation, flags and notes."""
    return (
        str(sig),
        [
            (p.name, p.kind, p.default, p.annotation, p.owner, p.owner_name)
            for p in sig.parameters.values()
        ],
        sig.return_annotation,
        sig.resolved,
        sig.presumed,
        sig.notes,
    )
