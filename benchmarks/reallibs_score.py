"""Score three tools on the real-library corpus and on sigtools' fixtures (issue 14).

Usage::

    PYTHONPATH=. python benchmarks/reallibs_score.py            # the table
    PYTHONPATH=. python benchmarks/reallibs_score.py --cases    # and every wrong answer

For each library of ``tests/helpers/reallibs_table.py`` it prints how many
of its rows each tool gets right (normalised as the tests compare: names,
kinds, defaults): ``effective_signature``, ``inspect.signature`` and
``sigtools.specifiers.signature``. Then the SPEC 1.5 counts for effsig (rows
where it is wrong while ``inspect.signature`` is right; rows where it is
wrong while saying ``resolved=True``) and how many of sigtools' own 52
fixtures ``effective_signature`` agrees with (sigtools' expected signature;
:data:`test_peer_sigtools.OURS` lists where SPEC differs on purpose).

The expectations themselves are checked at run time by the test suite
(``tests/test_real_libraries.py::test_expectation_is_true``), not here.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent / "tests"


@dataclass
class Tally:
    """Right answers per tool for one library."""

    total: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TOOLS, 0))


def _effsig(obj: Any) -> inspect.Signature:
    from sphinxcontrib_effsig import effective_signature

    return effective_signature(obj)


def _sigtools(obj: Any) -> inspect.Signature:
    from sigtools import specifiers

    sig: inspect.Signature = specifiers.signature(obj)
    return sig


TOOLS: dict[str, Callable[[Any], inspect.Signature]] = {
    "effsig": _effsig,
    "inspect": inspect.signature,
    "sigtools": _sigtools,
}


def answer(tool: str, obj: Any) -> str | None:
    """The tool's normalised answer, or None when it raises."""
    from helpers.reallibs_table import normalised

    try:
        return normalised(TOOLS[tool](obj))
    except Exception:
        return None


def score_corpus(show_cases: bool) -> None:
    from helpers.reallibs_table import CASES, normalised

    from sphinxcontrib_effsig import effective_signature

    tallies: dict[str, Tally] = {}
    worse: list[str] = []
    wrong_resolved: list[str] = []
    for case in CASES:
        expected = normalised(case.expected_signature())
        tally = tallies.setdefault(case.library, Tally())
        tally.total += 1
        answers = {tool: answer(tool, case.obj()) for tool in TOOLS}
        for tool, got in answers.items():
            tally.right[tool] += got == expected
        if answers["effsig"] != expected:
            if answers["inspect"] == expected:
                worse.append(case.id)
            if effective_signature(case.obj()).resolved:
                wrong_resolved.append(case.id)
            if show_cases:
                print(f"  {case.id}: expected {expected}, effsig {answers['effsig']}")

    width = max(len(name) for name in tallies) + 2
    print(f"{'library':<{width}}" + "".join(f"{tool:>10}" for tool in TOOLS))
    totals = Tally()
    for library, tally in sorted(tallies.items(), key=lambda item: item[0].lower()):
        cells = "".join(f"{f'{tally.right[t]}/{tally.total}':>10}" for t in TOOLS)
        print(f"{library:<{width}}{cells}")
        totals.total += tally.total
        for tool in TOOLS:
            totals.right[tool] += tally.right[tool]
    cells = "".join(f"{f'{totals.right[t]}/{totals.total}':>10}" for t in TOOLS)
    print(f"{'all ' + str(len(tallies)) + ' libraries':<{width}}{cells}")
    print(f"effsig wrong where inspect.signature is right: {len(worse)} {worse}")
    print(f"effsig wrong while resolved=True: {len(wrong_resolved)} {wrong_resolved}")


def score_sigtools_fixtures() -> None:
    from helpers.reallibs_table import normalised
    from helpers.sigtools_fixtures import fixtures

    found = fixtures()
    agree = [f.id for f in found if answer("effsig", f.func) == normalised(f.expected_signature())]
    print(f"sigtools' fixtures: effsig agrees on {len(agree)}/{len(found)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="list every wrong effsig answer")
    options = parser.parse_args()
    sys.path.insert(0, str(TESTS))
    warnings.simplefilter("ignore")
    score_corpus(options.cases)
    score_sigtools_fixtures()


if __name__ == "__main__":
    main()
