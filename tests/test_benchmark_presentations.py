"""The rewrite of recorded reST into the presentations benchmarks/presentations.py compares."""

from __future__ import annotations

import pytest
from helpers.benchmarks import load

forms = load("presentation_forms")

FIELDS = [
    "Fetch an order.",
    "",
    ":param order_id: the order.",
    ":param retries: how many attempts,",
    "   at most ten. (this and the next one: from :effsig-owner:`pkg.retry`)",
    ":type retries: int",
    ":param delay: the pause. (from :effsig-owner:`pkg.retry`)",
    ":param timeout: seconds. (from :effsig-owner:`pkg.timed`)",
    ":returns: the order.",
]


def texts(variant: str, lines: list[str], **kwargs: object) -> list[str]:
    out, _ = forms.rewrite(lines, variant, **kwargs)
    return [text for text, _ in out]


def test_per_parameter_is_the_record_as_it_is() -> None:
    out, added = forms.rewrite(FIELDS, "per-parameter")
    assert out == [(line, index) for index, line in enumerate(FIELDS)]
    # The run of two retry parameters, then delay's own citation, then timeout's.
    assert [(a.name, a.owner, a.cited) for a in added] == [
        ("retries", "pkg.retry", True),
        ("delay", "pkg.retry", False),
        ("timeout", "pkg.timed", True),
    ]


def test_grouped_lists_each_owners_parameters_in_one_field() -> None:
    assert texts("grouped", FIELDS) == [
        "Fetch an order.",
        "",
        ":param order_id: the order.",
        ":Accepted from: :effsig-owner:`pkg.retry`",
        "",
        "   - **retries** (int) -- how many attempts,",
        "     at most ten.",
        "   - **delay** -- the pause.",
        "",
        ":Accepted from: :effsig-owner:`pkg.timed`",
        "",
        "   - **timeout** -- seconds.",
        "",
        ":returns: the order.",
    ]


def test_also_accepts_is_one_paragraph_after_the_field_list() -> None:
    assert texts("also-accepts", [*FIELDS, "", "More text."]) == [
        "Fetch an order.",
        "",
        ":param order_id: the order.",
        ":returns: the order.",
        "",
        "Also accepts ``retries``, ``delay`` (from :effsig-owner:`pkg.retry`); "
        "``timeout`` (from :effsig-owner:`pkg.timed`).",
        "",
        "More text.",
    ]


def test_entries_the_docstring_wrote_are_left_alone() -> None:
    lines = [
        ":param rule: the rule.",
        ":param \\*\\*options: passed on. (from :effsig-owner:`pkg.Rule`)",
    ]
    assert texts("also-accepts", lines, documented={"options"}) == lines
    assert texts("also-accepts", lines) == [
        ":param rule: the rule.",
        "",
        "Also accepts ``**options`` (from :effsig-owner:`pkg.Rule`).",
    ]


def test_a_record_is_rewritten_object_by_object_with_its_source_items() -> None:
    lines = [
        "",
        ".. py:class:: Client()",
        "   :module: pkg",
        "",
        "   A client.",
        "",
        "",
        "   .. py:method:: Client.fetch(*, retries: int = 3)",
        "      :module: pkg",
        "",
        "      Fetch.",
        "",
        "      :param retries: attempts. (from :effsig-owner:`pkg.retry`)",
        "      :returns: data.",
        "",
    ]
    items = [("src", i) for i in range(len(lines))]
    annotations = {"pkg.Client.fetch": {"retries": "int", "return": "bytes"}}
    new = forms.rewrite_record(lines, items, "grouped", {}, annotations)
    assert new.lines == [
        *lines[:12],
        "      :Accepted from: :effsig-owner:`pkg.retry`",
        "",
        "         - **retries** (int) -- attempts.",
        "",
        "      :returns: data.",
        "",
    ]
    assert new.items == [*items[:12], *[("src", 12)] * 4, ("src", 13), ("src", 14)]
    assert new.dropped == {"pkg.Client.fetch": {"retries"}}
    assert (new.shown.parameters, new.shown.types, new.shown.citations) == (1, 1, 1)
    plain = forms.rewrite_record(lines, items, "also-accepts", {}, None)
    assert plain.shown.descriptions == 0
    assert plain.dropped == {}  # autodoc merges no annotations: nothing to hold back
    assert forms.documented_parameters(lines) == {
        "pkg.Client": set(),
        "pkg.Client.fetch": {"retries"},
    }


def test_an_unknown_presentation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown presentation"):
        forms.rewrite(FIELDS, "inline")
