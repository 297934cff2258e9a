"""The ``effsig`` command line, as a person and a docs CI job use it.

The sample packages live in ``tests/cli_samples``: ``bakery`` (decorated
functions and methods, a subpackage, a private module that must never be
imported, ``__all__`` at the top), ``pantry`` (a submodule whose dependency
is missing) and ``bakery_broken`` (fails inside its own code on import).
Each test runs from that directory, the way a user runs ``effsig`` from the
root of their project.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinxcontrib_effsig.cli import main

SAMPLES = Path(__file__).resolve().parent / "cli_samples"
SAMPLE_PACKAGES = ("bakery", "pantry", "bakery_broken", "big_bakery", "cellar")


@pytest.fixture(autouse=True)
def in_samples(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run from the samples directory; forget the sample modules afterwards."""
    monkeypatch.chdir(SAMPLES)
    yield
    for name in list(sys.modules):
        if name.split(".")[0] in SAMPLE_PACKAGES:
            del sys.modules[name]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def table_rows(output: str) -> list[list[str]]:
    """The rows under the ``parameter kind default annotation owner`` heading.

    Columns are separated by two or more spaces; an empty cell is ''.
    """
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("parameter "))
    heading, rule = lines[start], lines[start + 1]
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    assert heading.split() == ["parameter", "kind", "default", "annotation", "owner"]
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        cells = [
            line[a : (spans[i + 1][0] if i + 1 < len(spans) else None)].strip()
            for i, (a, _b) in enumerate(spans)
        ]
        rows.append(cells)
    return rows


# --- one callable -----------------------------------------------------------

BAKE_SIGNATURE = (
    "bakery.orders.bake(bread: str, *, loaves: int = 1, timeout=10.0, retries: int = 3)"
    " -> list[str]"
)
BAKE_ROWS = [
    ["bread", "positional or keyword", "", "str", "bakery.orders.bake"],
    ["loaves", "keyword-only", "1", "int", "bakery.orders.bake"],
    ["timeout", "keyword-only", "10.0", "", "bakery.decorators.with_timeout"],
    ["retries", "keyword-only", "3", "int", "bakery.decorators.retry"],
]


def test_prints_the_effective_signature_then_a_table_of_parameters(capsys):
    status, out, err = run(capsys, "bakery.orders.bake")

    assert status == 0
    assert err == ""
    assert out.splitlines()[0] == BAKE_SIGNATURE
    assert table_rows(out) == BAKE_ROWS


@pytest.mark.parametrize(
    "target",
    ["bakery.orders.bake", "bakery.orders:bake", "bakery.bake", "bakery:bake"],
    ids=["dotted", "colon", "re-exported", "re-exported-colon"],
)
def test_a_callable_can_be_named_with_dots_or_module_colon_attribute(capsys, target):
    status, out, _err = run(capsys, target)

    assert status == 0
    assert table_rows(out) == BAKE_ROWS
    assert out.splitlines()[0].endswith(
        "(bread: str, *, loaves: int = 1, timeout=10.0, retries: int = 3) -> list[str]"
    )


@pytest.mark.parametrize("target", ["bakery.counter:Till.pay", "bakery.counter.Till.pay"])
def test_a_method_is_named_through_its_class(capsys, target):
    status, out, _err = run(capsys, target)

    assert status == 0
    assert out.splitlines()[0] == (
        "bakery.counter.Till.pay(self, amount: float, *, tip: float = 0.0, retries: int = 3)"
        " -> float"
    )
    assert table_rows(out) == [
        ["self", "positional or keyword", "", "", "bakery.counter.Till.pay"],
        ["amount", "positional or keyword", "", "float", "bakery.counter.Till.pay"],
        ["tip", "keyword-only", "0.0", "float", "bakery.counter.Till.pay"],
        ["retries", "keyword-only", "3", "int", "bakery.decorators.retry"],
    ]


def test_a_function_that_shadows_its_own_submodule_is_the_target(capsys):
    """``pantry.measure`` is a submodule and, in ``pantry``, a function: the callable wins."""
    status, out, _err = run(capsys, "pantry.measure")

    assert status == 0
    assert out.splitlines()[0] == "pantry.measure(cups: float, *, sifted: bool = False) -> int"


def test_a_plain_function_shows_what_inspect_shows(capsys):
    status, out, _err = run(capsys, "pantry.flour.sift")

    assert status == 0
    assert out.splitlines()[0] == "pantry.flour.sift(grams: int, *, mesh: float = 0.5) -> int"
    assert table_rows(out) == [
        ["grams", "positional or keyword", "", "int", "pantry.flour.sift"],
        ["mesh", "keyword-only", "0.5", "float", "pantry.flour.sift"],
    ]
    assert "unresolved" not in out


def test_a_wrapper_that_cannot_be_followed_is_presumed_and_says_why(capsys):
    """It declares what it wraps: the wrapped signature, as inspect presumes (SPEC 1.5)."""
    status, out, _err = run(capsys, "bakery.counter.charge_card")

    assert status == 0
    assert out.splitlines()[0] == (
        "bakery.counter.charge_card(card_number: str, amount: float, *, currency: str = 'EUR')"
        " -> str"
    )
    why = out.split("presumed: the wrapper's arguments are presumed to reach what it wraps.", 1)[1]
    notes = [line for line in why.splitlines() if line.startswith("  - ")]
    assert any("redact_secrets passes on a transformed copy" in note for note in notes)
    assert any(
        "presumed to pass its arguments on to bakery.counter.charge_card" in n for n in notes
    )


def test_a_call_routed_at_run_time_is_presumed_with_the_wrappers_own_parameter(capsys):
    """``HANDLERS[kind](*args, **kwargs)``: ``kind`` is proven, the rest presumed."""
    status, out, _err = run(capsys, "bakery.counter.serve")

    assert status == 0
    assert out.splitlines()[0] == (
        "bakery.counter.serve(kind, order_id: int, *, gift_wrap: bool = False) -> str"
    )
    assert table_rows(out)[0] == [
        "kind",
        "positional or keyword",
        "",
        "",
        "bakery.decorators.dispatch_by_kind",
    ]
    assert "HANDLERS[kind], which the resolver cannot identify" in out


def test_json_gives_machines_the_same_facts(capsys):
    status, out, _err = run(capsys, "bakery.orders.bake", "--json")

    assert status == 0
    assert json.loads(out) == {
        "name": "bakery.orders.bake",
        "signature": "(bread: str, *, loaves: int = 1, timeout=10.0, retries: int = 3)"
        " -> list[str]",
        "return_annotation": "list[str]",
        "resolved": True,
        "presumed": False,
        "notes": [],
        "parameters": [
            {
                "name": "bread",
                "kind": "POSITIONAL_OR_KEYWORD",
                "default": None,
                "annotation": "str",
                "owner": "bakery.orders.bake",
            },
            {
                "name": "loaves",
                "kind": "KEYWORD_ONLY",
                "default": "1",
                "annotation": "int",
                "owner": "bakery.orders.bake",
            },
            {
                "name": "timeout",
                "kind": "KEYWORD_ONLY",
                "default": "10.0",
                "annotation": None,
                "owner": "bakery.decorators.with_timeout",
            },
            {
                "name": "retries",
                "kind": "KEYWORD_ONLY",
                "default": "3",
                "annotation": "int",
                "owner": "bakery.decorators.retry",
            },
        ],
    }


def test_json_of_an_unresolved_signature_carries_the_notes(capsys):
    status, out, _err = run(capsys, "bakery.counter.charge_card", "--json")

    data = json.loads(out)
    assert status == 0
    assert data["resolved"] is False
    assert data["presumed"] is True
    assert data["notes"] and all(isinstance(note, str) and note for note in data["notes"])
    kinds = [p["kind"] for p in data["parameters"]]
    assert kinds == ["POSITIONAL_OR_KEYWORD", "POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY"]


def test_explain_groups_parameters_by_owner_and_compares_with_inspect(capsys):
    status, out, _err = run(capsys, "bakery.orders.bake", "--explain")

    assert status == 0
    explanation = out.split("How this signature was resolved:\n", 1)[1].splitlines()
    assert explanation == [
        "  parameters by owner (the function that declares or consumes them):",
        "    bakery.orders.bake  (this callable): bread, loaves",
        "    bakery.decorators.with_timeout: timeout",
        "    bakery.decorators.retry: retries",
        "  __wrapped__ chain, outermost first: bakery.decorators.retry"
        " -> bakery.decorators.with_timeout -> bakery.orders.bake",
        "  inspect.signature says: (bread: str, *, loaves: int = 1) -> list[str]",
        "  only in the effective signature: timeout, retries",
        "  resolved: every wrapper was followed; nothing was left unproven.",
    ]


def test_explain_names_the_presumed_wrapper_and_why(capsys):
    status, out, _err = run(capsys, "bakery.counter.charge_card", "--explain")

    assert status == 0
    explanation = out.split("How this signature was resolved:\n", 1)[1]
    assert "  presumed (the wrapper declares what it wraps; proven edits applied):\n" in explanation
    assert "redact_secrets passes on a transformed copy of its arguments" in explanation
    assert "redact_secrets is presumed to pass its arguments on" in explanation


def test_explain_of_a_plain_function_says_nothing_changed(capsys):
    status, out, _err = run(capsys, "bakery.orders.price", "--explain")

    assert status == 0
    assert "  same as inspect.signature\n" in out
    assert "  resolved: every wrapper was followed; nothing was left unproven." in out


# --- errors a person can act on ---------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nopkg.fetch"], "effsig: no module named 'nopkg'"),
        (
            ["bakery.ordrs.bake"],
            "effsig: module 'bakery' has no attribute or submodule 'ordrs'"
            " (did you mean 'orders'?)",
        ),
        (
            ["bakery.orders.bak"],
            "effsig: module 'bakery.orders' has no attribute 'bak' (did you mean 'bake'?)",
        ),
        (
            ["bakery.orders:Bake"],
            "effsig: module 'bakery.orders' has no attribute 'Bake' (did you mean 'bake'?)",
        ),
        (
            ["bakery.counter:Till.pya"],
            "effsig: object 'bakery.counter.Till' has no attribute 'pya' (did you mean 'pay'?)",
        ),
        (["bakery.ordrs:bake"], "effsig: no module named 'bakery.ordrs' (did you mean 'orders'?)"),
        (["--check", "nopkg"], "effsig: no module named 'nopkg'"),
        (
            ["--check", "bakery.orders:bake"],
            "effsig: --check takes a package or module name, not 'bakery.orders:bake'",
        ),
    ],
    ids=[
        "module",
        "submodule",
        "function",
        "colon-attribute",
        "method",
        "colon-module",
        "check-module",
        "check-colon",
    ],
)
def test_something_that_does_not_exist_is_one_line_and_exit_status_2(capsys, argv, message):
    status, out, err = run(capsys, *argv)

    assert status == 2
    assert out == ""
    assert err.splitlines() == [message]


def test_a_module_is_not_a_callable_and_the_error_suggests_check(capsys):
    status, out, err = run(capsys, "bakery.orders")

    assert status == 2
    assert out == ""
    assert err.startswith("effsig: bakery.orders (module) has no signature: ")
    assert err.rstrip().endswith("use 'effsig --check bakery.orders' to check everything in it")


@pytest.mark.parametrize("argv", [["bakery_broken.OVEN_TEMPERATURE"], ["--check", "bakery_broken"]])
def test_an_import_error_shows_the_underlying_exception(capsys, argv):
    status, out, err = run(capsys, *argv)

    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "effsig: importing 'bakery_broken' failed:" or lines[0] == (
        "effsig: importing 'bakery_broken.OVEN_TEMPERATURE' failed:"
    )
    assert "Traceback (most recent call last):" in lines
    assert any("bakery_broken/settings.py" in line and "line 4" in line for line in lines)
    assert "    OVEN_TEMPERATURE = 220 // LOAVES_PER_TRAY" in lines
    assert lines[-1] == "ZeroDivisionError: integer division or modulo by zero"
    # The traceback is the user's code, not the import machinery's or ours.
    assert not any("importlib" in line or "sphinxcontrib_effsig" in line for line in lines)


def test_a_missing_dependency_is_an_import_error_not_a_missing_module(capsys):
    status, _out, err = run(capsys, "pantry.yeast.feed")

    assert status == 2
    assert err.splitlines()[0] == "effsig: importing 'pantry.yeast.feed' failed:"
    assert err.splitlines()[-1] == "ModuleNotFoundError: No module named 'sourdough_starter'"


def test_explain_does_not_combine_with_check(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--check", "bakery", "--explain"])

    assert exit_info.value.code == 2
    assert "--explain applies to one callable, not to --check" in capsys.readouterr().err


# --- checking a package -----------------------------------------------------

PRESUMED = "presumed to pass its arguments on unchanged, as inspect.signature presumes"
BAKERY_FINDINGS = [
    f"bakery/counter.py:6: bakery.counter.serve: {PRESUMED}",
    f"bakery/counter.py:12: bakery.counter.charge_card: {PRESUMED}",
    f"bakery/counter.py:29: bakery.counter.Till.refund: {PRESUMED}",
    f"bakery/ovens/stone.py:11: bakery.ovens.stone.fire: {PRESUMED}",
]


def without_notes(line: str) -> str:
    """A finding without its trailing ``(note)``: the notes are the resolver's words."""
    return re.sub(r" \(.*\)$", "", line)


def test_check_reports_every_unresolved_callable_like_a_linter(capsys):
    status, out, err = run(capsys, "--check", "bakery")

    lines = out.splitlines()
    assert status == 1
    assert err == ""
    assert [without_notes(line) for line in lines[:-1]] == BAKERY_FINDINGS
    assert all(line.endswith(")") for line in lines[:-1]), "each finding carries its note"
    assert lines[-1] == "checked 13 callables in 6 modules: 4 unresolved"


def test_check_walks_modules_the_way_autodoc_finds_members(capsys):
    _status, out, _err = run(capsys, "--check", "bakery", "--json")

    data = json.loads(out)
    # bakery/__init__.py lists only bake in __all__ (documented once, not
    # again from bakery.orders); private names and bakery/_private.py (which
    # raises if imported) are not walked; bakery.ovens is.
    assert data["modules"] == 6
    assert data["checked"] == 13
    assert "bakery._private" not in sys.modules
    assert [f["name"] for f in data["findings"]] == [
        "bakery.counter.serve",
        "bakery.counter.charge_card",
        "bakery.counter.Till.refund",
        "bakery.ovens.stone.fire",
    ]


def test_check_json_gives_each_finding_with_its_signature_and_notes(capsys):
    status, out, _err = run(capsys, "--check", "bakery", "--json")

    findings = {f["name"]: f for f in json.loads(out)["findings"]}
    finding = findings["bakery.counter.charge_card"]
    assert status == 1
    assert finding["path"] == "bakery/counter.py"
    assert finding["line"] == 12
    assert finding["message"] == PRESUMED
    assert finding["signature"].startswith("(card_number: str")
    assert finding["notes"]


def test_check_of_a_module_without_findings_exits_0(capsys):
    status, out, err = run(capsys, "--check", "bakery.orders")

    assert status == 0
    assert err == ""
    assert out.splitlines() == ["checked 2 callables in 1 module: all resolved"]


def test_check_reports_a_submodule_that_cannot_be_imported_and_goes_on(capsys):
    status, out, _err = run(capsys, "--check", "pantry")

    assert status == 1
    assert out.splitlines() == [
        "pantry/yeast.py:1: pantry.yeast: cannot import: "
        "ModuleNotFoundError: No module named 'sourdough_starter'",
        "checked 2 callables in 3 modules: 0 unresolved, 1 module could not be imported",
    ]


def test_check_skips_what_exclude_patterns_name(capsys):
    """Patterns work as ``effsig_exclude`` does: known cases can be silenced in a docs CI job."""
    status, out, _err = run(
        capsys,
        "--check",
        "bakery",
        "--exclude",
        "bakery.counter.*",
        "--exclude",
        "bakery.ovens",
    )

    assert status == 0
    # bakery.counter's callables are skipped; bakery.ovens and its submodules
    # are not imported at all.
    assert out.splitlines() == ["checked 6 callables in 4 modules: all resolved"]
    assert "bakery.ovens.stone" not in sys.modules


def test_exclude_applies_to_check_only(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["bakery.orders.bake", "--exclude", "bakery.*"])

    assert exit_info.value.code == 2
    assert "--exclude applies to --check" in capsys.readouterr().err


def test_check_counts_a_re_exported_class_once(capsys, tmp_path):
    """``cellar`` re-exports ``Cask`` from ``cellar.casks``: its methods are checked once."""
    package = tmp_path / "cellar"
    package.mkdir()
    (package / "__init__.py").write_text('from .casks import Cask\n\n__all__ = ["Cask"]\n')
    (package / "casks.py").write_text(
        "class Cask:\n"
        "    def __init__(self, litres: int) -> None: ...\n\n"
        "    @classmethod\n"
        "    def from_label(cls, label: str) -> 'Cask': ...\n\n"
        "    def tap(self, glasses: int = 1) -> None: ...\n"
    )

    status, out, _err = run(capsys, "--check", "cellar", "--path", str(tmp_path))

    assert status == 0
    assert out.splitlines() == ["checked 3 callables in 2 modules: all resolved"]


def write_big_bakery(root: Path, functions: int) -> None:
    package = root / "big_bakery"
    package.mkdir()
    (package / "__init__.py").write_text('"""Many plain functions."""\n')
    body = "".join(
        f"def bake_{i}(bread: str, loaves: int = {i}) -> str:\n    return bread\n\n\n"
        for i in range(functions)
    )
    (package / "menu.py").write_text(body)


def test_check_shows_progress_on_stderr_for_a_large_package(capsys, tmp_path):
    write_big_bakery(tmp_path, 400)

    status, out, err = run(capsys, "--check", "big_bakery", "--path", str(tmp_path))

    assert status == 0
    assert out.splitlines() == ["checked 400 callables in 2 modules: all resolved"]
    progress = err.splitlines()
    assert progress[0] == "effsig: checking 400 callables"
    assert progress[-1].strip() == "400/400"


def test_check_is_quiet_on_stderr_for_a_small_package(capsys, tmp_path):
    write_big_bakery(tmp_path, 20)

    status, out, err = run(capsys, "--check", "big_bakery", "--path", str(tmp_path))

    assert status == 0
    assert err == ""
    assert out.splitlines() == ["checked 20 callables in 2 modules: all resolved"]


# --- the installed entry points ----------------------------------------------


def test_python_dash_m_runs_the_command_from_the_current_directory():
    result = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_effsig", "bakery.orders.bake"],
        cwd=SAMPLES,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == BAKE_SIGNATURE


def test_the_effsig_console_script_is_installed():
    script = Path(sys.executable).parent / "effsig"
    assert script.exists(), "install the project (pip install -e .) to get the effsig command"

    result = subprocess.run(
        [str(script), "bakery.orders.bake", "--json"],
        cwd=SAMPLES,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signature"] == (
        "(bread: str, *, loaves: int = 1, timeout=10.0, retries: int = 3) -> list[str]"
    )


def test_output_cut_short_by_the_reader_is_not_a_traceback(tmp_path):
    """``effsig --check pkg | head -c 1``: the command stops quietly when the pipe closes."""
    package = tmp_path / "busy_bakery"
    package.mkdir()
    (package / "__init__.py").write_text(
        "HANDLERS = {}\n\n"
        + "".join(
            f"def order_{i}(*args, **kwargs):\n    return HANDLERS[{i}](*args, **kwargs)\n\n"
            for i in range(1500)
        )
    )

    result = subprocess.run(
        f"'{sys.executable}' -m sphinxcontrib_effsig --check busy_bakery | head -c 1",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.stdout == "b"
    assert "effsig: checking 1500 callables" in result.stderr
    assert "Traceback" not in result.stderr
