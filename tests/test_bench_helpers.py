"""The pure helpers of the content/machinery and real-package resolver benchmarks."""

from __future__ import annotations

import math

from helpers.benchmarks import load

content = load("autodoc_content")
resolver_real = load("resolver_real")


def test_source_items_survive_compression() -> None:
    items = [("a.py:docstring of f", i) for i in range(5)]
    items += [("a.py:docstring of g", 10), ("a.py:docstring of g", 11)]
    items += [("x.rst", None), ("x.rst", None), ("a.py:docstring of f", 2)]
    runs = content.compress(items)
    assert runs == [
        ["a.py:docstring of f", 0, 5],
        ["a.py:docstring of g", 10, 2],
        ["x.rst", None, 1],
        ["x.rst", None, 1],
        ["a.py:docstring of f", 2, 1],
    ]
    assert content.expand(runs) == items


def test_autosummary_row_escapes_the_signature() -> None:
    from sphinx.util.rst import escape

    first, second = content.autosummary_row(
        "retry", "(func[, attempts])", "Retry a call.", "pkg.retry", escape
    )
    assert first == r":py:obj:`retry <pkg.retry>`\ \(func\[\, attempts\]\)"
    assert second == "Retry a call."
    bare, _ = content.autosummary_row("Base", None, "", "pkg.Base", escape)
    assert bare == ":py:obj:`Base <pkg.Base>`"


def test_autosummary_lines_are_a_list_table_and_a_hidden_toctree() -> None:
    lines = content.autosummary_lines(
        [("`a`", "first"), ("`b`", "")], ["api/generated/pkg.a"], ["wide"]
    )
    assert lines == [
        ".. list-table::",
        "   :class: autosummary longtable wide",
        "   :widths: 10 90",
        "",
        "   * - `a`",
        "     - first",
        "   * - `b`",
        "     -",
        "",
        ".. toctree::",
        "   :hidden:",
        "",
        "   /api/generated/pkg.a",
        "",
    ]
    assert content.autosummary_lines([], []) == []  # an empty table: nothing to write


def test_replay_hands_out_blocks_in_order_and_reports_mismatches() -> None:
    record = {"kind": "autodoc", "name": "autoclass", "argument": "pkg.A", "lines": ["x"]}
    second = {"kind": "autodoc", "name": "autofunction", "argument": "pkg.f", "lines": []}
    replay = content.Replay({"api": [record, second]})
    assert replay.next("api", "autoclass", "pkg.A") is record
    assert replay.left_over() == 1
    assert replay.next("api", "autofunction", "pkg.g") is None
    assert replay.next("api", "automodule", "pkg") is None
    assert replay.next("other", "automodule", "pkg") is None
    assert replay.replayed == 1
    assert replay.mismatched == [
        "api: autofunction pkg.g: recorded autofunction pkg.f",
        "api: automodule pkg: nothing recorded",
        "other: automodule pkg: nothing recorded",
    ]
    assert replay.left_over() == 0


def test_percentile_is_nearest_rank() -> None:
    values = list(range(1, 101))
    assert resolver_real.percentile(values, 0.5) == 50
    assert resolver_real.percentile(values, 0.9) == 90
    assert resolver_real.percentile(values, 0.99) == 99
    assert resolver_real.percentile(values, 1.0) == 100
    assert resolver_real.percentile([7.0], 0.99) == 7.0
    assert math.isnan(resolver_real.percentile([], 0.5))


def test_the_instruction_counts_build_program_compiles_with_and_without_the_split() -> None:
    instructions = load("instructions")
    for split in (True, False):
        code = instructions.child_code(split=split)
        compile(code, "<instructions child>", "exec")
        assert ("effsig_bench_toggle" in code) is split


def test_the_three_ratios_of_four_builds() -> None:
    machinery = load("machinery")
    got = machinery.ratios_of(
        {"plain": 10.0, "effsig": 12.0, "content-plain": 8.0, "content-effsig": 9.0}
    )
    assert got["total"] == 1.2
    assert got["content"] == 9.0 / 8.0
    # effsig's machinery over its content against autodoc's over its own
    assert math.isclose(got["machinery"], (12.0 / 9.0) / (10.0 / 8.0))


def test_callgrind_total_is_read_from_its_summary_line() -> None:
    machinery = load("machinery")
    text = "version: 1\ncreator: callgrind-3.22.0\nevents: Ir\nsummary: 21420123456\n"
    assert machinery.callgrind_total(text) == 21_420_123_456
    assert machinery.callgrind_total(text.replace("summary", "totals")) == 21_420_123_456
    assert machinery.callgrind_total("events: Ir\n") is None
