"""The parameter list of decorated callables in the built docs.

Two sample projects are built with Sphinx and read back (HTML parsed with
BeautifulSoup, text as written):

* ``testdocs/typehints`` (parcelpost, a parcel carrier's client) with
  ``autodoc_typehints = "description"``, ``"both"`` and with
  sphinx-autodoc-typehints, each on the new autodoc and on the legacy
  class-based one;
* ``testdocs/napoleon`` (ledgerbook) with Google and NumPy docstrings and an
  autosummary table.

What a reader must see: every parameter a caller can pass, with its type
(including those a decorator adds) and a description (borrowed from the
decorator's docstring when the function's own says nothing), a "from
<owner>" citation that links to the decorator when it is documented — here
or in another project through intersphinx — and no entry at all for a
parameter the decorator supplies itself. Every build passes with ``-W``
(no warning at all).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sphinx
from conftest import TESTDOCS, BuiltDocs, run_sphinx

from sphinxcontrib_effsig.sphinx_ext import fieldlines, fields, typehints_api

# --- building the samples once per configuration ---------------------------

TYPEHINT_MODES: dict[str, dict[str, Any]] = {
    "description": {"autodoc_typehints": "description"},
    "both": {"autodoc_typehints": "both"},
    "sphinx-autodoc-typehints": {
        "autodoc_typehints": "signature",
        "extensions": [
            "sphinxcontrib_effsig",
            "sphinx.ext.intersphinx",
            "sphinx_autodoc_typehints",
        ],
    },
}
# Sphinx 9 has a new autodoc and keeps the class-based one behind a flag;
# before 9 the class-based one is all there is.
AUTODOC_FLAVOURS: dict[str, dict[str, Any]] = (
    {"new autodoc": {}, "legacy autodoc": {"autodoc_use_legacy_class_based": True}}
    if sphinx.version_info >= (9,)
    else {f"autodoc {sphinx.__version__}": {}}
)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., BuiltDocs]:
    """``build(project, builder, **confoverrides)``: each configuration built once."""
    builds: dict[tuple[str, str, tuple[tuple[str, str], ...]], BuiltDocs] = {}

    def run(project: str, builder: str = "html", **overrides: Any) -> BuiltDocs:
        key = (project, builder, tuple(sorted((k, repr(v)) for k, v in overrides.items())))
        if key not in builds:
            root = tmp_path_factory.mktemp(project)
            srcdir = root / project
            shutil.copytree(
                TESTDOCS / project, srcdir, ignore=shutil.ignore_patterns("_build", "__pycache__")
            )
            builds[key] = run_sphinx(
                srcdir, builder, builddir=root / "_build", freshenv=True, **overrides
            )
        return builds[key]

    return run


def _overrides(mode: str, flavour: str) -> dict[str, Any]:
    return {**TYPEHINT_MODES[mode], **AUTODOC_FLAVOURS[flavour]}


@pytest.fixture(
    scope="module",
    params=[(m, f) for f in AUTODOC_FLAVOURS for m in TYPEHINT_MODES],
    ids=lambda p: f"{p[0]}, {p[1]}",
)
def parcelpost(request: pytest.FixtureRequest, build: Callable[..., BuiltDocs]) -> BuiltDocs:
    """The parcelpost docs, once per type-hint mode and autodoc flavour."""
    mode, flavour = request.param
    return build("typehints", **_overrides(mode, flavour))


NAPOLEON_LAYOUTS: dict[str, dict[str, Any]] = {
    ":param: fields": {},
    "napoleon parameter lists": {"napoleon_use_param": False},
}


@pytest.fixture(
    scope="module",
    params=[(f, layout) for f in AUTODOC_FLAVOURS for layout in NAPOLEON_LAYOUTS],
    ids=lambda p: f"{p[0]}, {p[1]}",
)
def ledgerbook(request: pytest.FixtureRequest, build: Callable[..., BuiltDocs]) -> BuiltDocs:
    """The ledgerbook docs (napoleon), per autodoc flavour and napoleon's parameter layout."""
    flavour, layout = request.param
    return build("napoleon", **AUTODOC_FLAVOURS[flavour], **NAPOLEON_LAYOUTS[layout])


# --- reading the parameter list back ---------------------------------------


class ParameterList:
    """The "Parameters" field of one documented object, as a reader sees it."""

    _pages: dict[tuple[Path, int], Any] = {}  # each written page parsed once

    def __init__(self, docs: BuiltDocs, name: str) -> None:
        written = (docs.outdir, (docs.outdir / "index.html").stat().st_mtime_ns)
        if written not in self._pages:
            self._pages[written] = docs.html()
        page = self._pages[written]
        signature = page.find(id=name)
        assert signature is not None, f"{name} is not documented"
        self.body = signature.find_next_sibling("dd")
        self.items: dict[str, Any] = {}
        self.returns: Any = None
        field_list = self.body.find("dl", class_="field-list", recursive=False)
        if field_list is None:
            return
        for label in field_list.find_all("dt", recursive=False):
            content = label.find_next_sibling("dd")
            title = label.get_text(strip=True).rstrip(":")
            if title == "Parameters":
                for item in content.find_all("p"):
                    strong = item.find("strong")
                    if strong is not None and not item.find_parent("p"):
                        self.items.setdefault(strong.get_text(strip=True), item)
            elif title == "Return type":
                self.returns = content

    @property
    def names(self) -> list[str]:
        return list(self.items)

    def text(self, parameter: str) -> str:
        return " ".join(self.items[parameter].get_text(" ", strip=True).split())

    def type(self, parameter: str) -> str:
        """The type shown between parentheses after the name."""
        text = self.text(parameter)
        start, end = text.find("("), text.find(")")
        if text.startswith(f"{parameter} (") and end > start:
            return " ".join(text[start + 1 : end].split())
        return ""

    def description(self, parameter: str) -> str:
        text = self.text(parameter)
        return text.split(" – ", 1)[1] if " – " in text else ""

    def links(self, parameter: str) -> list[tuple[str, str]]:
        """The hyperlinks in the description: (text, address), the citation left out."""
        return [
            (link.get_text(" ", strip=True), link["href"])
            for link in self.items[parameter].find_all("a", class_="reference external")
        ]

    def citation(self, parameter: str) -> tuple[str, str | None]:
        """The owner named after "from", and where its link points (``None``: no link)."""
        item = self.items[parameter]
        for literal in item.find_all("code"):
            link = literal.find_parent("a")
            cited = link or literal
            before = cited.previous_sibling
            if isinstance(before, str) and before.rstrip().endswith("(from"):
                return literal.get_text(strip=True), (link.get("href") if link else None)
        raise AssertionError(f"{parameter}: no 'from <owner>' in {self.text(parameter)!r}")

    def return_type(self) -> str:
        return " ".join(self.returns.get_text(" ", strip=True).split()) if self.returns else ""


def _normalised_type(text: str) -> str:
    return text.replace(" | ", "|").replace(" ", "")


# --- types -------------------------------------------------------------------

TYPES = [
    # documented object, parameter, type a reader sees
    ("parcelpost.api.track", "tracking_number", "str"),
    ("parcelpost.api.track", "detailed", "bool"),
    ("parcelpost.api.track", "retries", "int"),  # added by @retry
    ("parcelpost.api.cancel", "label_id", "str"),
    ("parcelpost.api.cancel", "timeout", "float|None"),  # added by @with_timeout(30.0)
    ("parcelpost.api.quote", "trace_id", "str|None"),  # added by an undocumented decorator
    ("parcelpost.api.schedule_pickup", "priority", "int"),  # added by a third-party decorator
    ("parcelpost.api.create_label", "weight_kg", "float"),
    ("parcelpost.api.describe_status", "language", "str"),  # Concatenate[str, P]
    ("parcelpost.api.refund", "reason", "str"),  # class-based decorator's __call__
    ("parcelpost.api.book_pickup", "retries", "int"),  # two decorators stacked
    ("parcelpost.api.book_pickup", "carrier", ""),  # kwargs.pop("carrier", "dhl"): no annotation
    ("parcelpost.api.Depot", "code", "str"),  # decorated __init__
    ("parcelpost.api.Depot", "retries", "int"),
    ("parcelpost.api.Depot.opening_hours", "day", "str"),
    ("parcelpost.api.Depot.opening_hours", "retries", "int"),
    ("parcelpost.api.Depot.nearest", "retries", "int"),  # classmethod
]


@pytest.mark.parametrize(("documented", "parameter", "expected"), TYPES)
def test_every_effective_parameter_shows_its_type(
    parcelpost: BuiltDocs, documented: str, parameter: str, expected: str
) -> None:
    parameters = ParameterList(parcelpost, documented)
    assert parameter in parameters.names
    assert _normalised_type(parameters.type(parameter)) == expected


PARAMETERS = [
    # documented object, every parameter listed, in order
    ("parcelpost.api.track", ["tracking_number", "detailed", "retries"]),
    ("parcelpost.api.create_label", ["address", "weight_kg"]),  # @require_user supplies user
    ("parcelpost.api.list_depots", ["city"]),  # @with_connection passes the connection first
    ("parcelpost.api.describe_status", ["language", "status"]),  # @localized puts one first
    ("parcelpost.api.refund", ["label_id", "reason"]),
    ("parcelpost.api.book_pickup", ["address", "retries", "carrier"]),
    # @routed dispatches through a dict: presumed to reach export_labels (it
    # declares __wrapped__), with the ``route`` keyword it was proven to pop
    ("parcelpost.api.export_labels", ["day", "fmt", "route"]),
    ("parcelpost.api.cancel", ["label_id", "timeout"]),
    ("parcelpost.api.pay", ["label_id", "amount"]),
    ("parcelpost.api.quote", ["weight_kg", "postcode", "trace_id"]),
    ("parcelpost.api.schedule_pickup", ["address", "day", "priority", "key_id"]),
    ("parcelpost.api.Depot", ["code", "retries"]),
    ("parcelpost.api.Depot.nearest", ["postcode", "retries"]),
]


@pytest.mark.parametrize(("documented", "expected"), PARAMETERS)
def test_the_parameter_list_is_the_effective_signature(
    parcelpost: BuiltDocs, documented: str, expected: list[str]
) -> None:
    assert ParameterList(parcelpost, documented).names == expected


def test_a_parameter_the_decorator_supplies_has_no_entry_and_no_type(
    parcelpost: BuiltDocs,
) -> None:
    body = ParameterList(parcelpost, "parcelpost.api.create_label").body
    assert "user" not in body.get_text(" ").split()
    assert "The account that pays" not in body.get_text()


@pytest.mark.parametrize(
    ("documented", "expected"),
    [
        ("parcelpost.api.pay", "Receipt"),  # @as_receipt returns a Receipt, not the Decimal
        ("parcelpost.api.track", "Shipment"),
        ("parcelpost.api.cancel", "bool"),
    ],
)
def test_the_return_type_is_the_effective_one(
    parcelpost: BuiltDocs, documented: str, expected: str
) -> None:
    assert ParameterList(parcelpost, documented).return_type() == expected


# --- provenance in the parameter list ----------------------------------------

CITATIONS = [
    # documented object, parameter, owner cited, where the citation links
    (
        "parcelpost.api.track",
        "retries",
        "parcelpost.decorators.retry",
        "#parcelpost.decorators.retry",
    ),
    (
        "parcelpost.api.cancel",
        "timeout",
        "parcelpost.decorators.with_timeout",
        "#parcelpost.decorators.with_timeout",
    ),
    (
        "parcelpost.api.Depot.opening_hours",
        "retries",
        "parcelpost.decorators.retry",
        "#parcelpost.decorators.retry",
    ),
    (
        "parcelpost.api.describe_status",
        "language",
        "parcelpost.decorators.localized",
        "#parcelpost.decorators.localized",
    ),
    (  # a class-based decorator: the class is cited
        "parcelpost.api.refund",
        "reason",
        "parcelpost.decorators.audited",
        "#parcelpost.decorators.audited",
    ),
    (
        "parcelpost.api.book_pickup",
        "carrier",
        "parcelpost.decorators.with_carrier",
        "#parcelpost.decorators.with_carrier",
    ),
    (
        "parcelpost.api.book_pickup",
        "retries",
        "parcelpost.decorators.retry",
        "#parcelpost.decorators.retry",
    ),
    (  # documented in another project: linked through its intersphinx inventory
        "parcelpost.api.schedule_pickup",
        "priority",
        "carrierlib.rate_limited",
        "https://carrierlib.example.org/api.html#carrierlib.rate_limited",
    ),
    (  # documented nowhere: named, not linked
        "parcelpost.api.quote",
        "trace_id",
        "parcelpost._tracing.traced",
        None,
    ),
]


@pytest.mark.parametrize(("documented", "parameter", "owner", "href"), CITATIONS)
def test_a_decorator_parameter_cites_its_owner(
    parcelpost: BuiltDocs, documented: str, parameter: str, owner: str, href: str | None
) -> None:
    assert ParameterList(parcelpost, documented).citation(parameter) == (owner, href)


def test_own_parameters_cite_nobody(parcelpost: BuiltDocs) -> None:
    parameters = ParameterList(parcelpost, "parcelpost.api.track")
    for own in ("tracking_number", "detailed"):
        assert "from" not in parameters.text(own).split()


DESCRIPTIONS = [
    # documented object, parameter, description a reader sees
    (  # the function says nothing about retries: @retry's docstring does
        "parcelpost.api.track",
        "retries",
        "How many more attempts to make after a timeout.",
    ),
    (  # the function describes timeout itself: its words win
        "parcelpost.api.cancel",
        "timeout",
        "How long to wait for the carrier, in seconds.",
    ),
    (  # a decorator nobody documents still describes what it adds
        "parcelpost.api.quote",
        "trace_id",
        "Correlation id written to the log; one is made up when omitted.",
    ),
    (  # written in the wrapper's own def, whose __doc__ functools.wraps replaced
        "parcelpost.api.schedule_pickup",
        "key_id",
        "Which key of the account signs the request.",
    ),
    ("parcelpost.api.track", "tracking_number", "The number printed on the label."),
]


@pytest.mark.parametrize(("documented", "parameter", "description"), DESCRIPTIONS)
def test_descriptions_come_from_the_docstring_or_else_from_the_owner(
    parcelpost: BuiltDocs, documented: str, parameter: str, description: str
) -> None:
    assert ParameterList(parcelpost, documented).description(parameter).startswith(description)


def test_a_decorator_keeps_the_parameters_it_documents_adding(parcelpost: BuiltDocs) -> None:
    parameters = ParameterList(parcelpost, "parcelpost.decorators.with_timeout")
    assert parameters.names == ["seconds", "timeout"]


def test_every_build_is_free_of_warnings(parcelpost: BuiltDocs) -> None:
    assert parcelpost.warnings == ""


def test_undocumented_owners_stay_silent_even_when_nitpicky(
    build: Callable[..., BuiltDocs],
) -> None:
    docs = build("typehints", nitpicky=True)
    # nitpicky is on: the standard library types in annotations are reported...
    assert "reference target not found: decimal.Decimal" in docs.warnings
    # ...but an owner nobody documents is not an error
    assert "parcelpost._tracing" not in docs.warnings
    assert ParameterList(docs, "parcelpost.api.quote").citation("trace_id") == (
        "parcelpost._tracing.traced",
        None,
    )


def test_a_borrowed_description_keeps_its_links_to_the_owners_targets(
    parcelpost: BuiltDocs,
) -> None:
    # ``_tracing.traced`` links to a target its docstring defines below the
    # fields, to one defined nowhere in it, and to an address written in.
    parameters = ParameterList(parcelpost, "parcelpost.api.quote")
    assert parameters.links("trace_id") == [
        ("trace context", "https://www.w3.org/TR/trace-context/"),
        ("RFC 4122", "https://www.rfc-editor.org/rfc/rfc4122"),
    ]
    assert "see Correlation IDs and RFC 4122" in parameters.description("trace_id")
    assert "problematic" not in str(parameters.items["trace_id"])


@pytest.mark.parametrize("provenance", ["signature", "none"])
def test_no_citations_unless_asked_for_in_fields(
    build: Callable[..., BuiltDocs], provenance: str
) -> None:
    docs = build("typehints", effsig_provenance=provenance)
    parameters = ParameterList(docs, "parcelpost.api.track")
    assert parameters.description("retries") == "How many more attempts to make after a timeout."
    assert parameters.items["retries"].find("code") is None


def test_docstring_parts_of_a_class_are_merged_without_duplicates(
    build: Callable[..., BuiltDocs],
) -> None:
    docs = build("typehints", autoclass_content="both")
    parameters = ParameterList(docs, "parcelpost.api.Courier")
    assert parameters.names == ["name", "retries"]
    assert parameters.description("retries").startswith("How often to retry the connection.")
    assert parameters.citation("retries")[0] == "parcelpost.decorators.retry"


def test_extension_off_leaves_the_parameter_list_to_autodoc(
    build: Callable[..., BuiltDocs],
) -> None:
    docs = build("typehints", effsig_enabled=False)
    parameters = ParameterList(docs, "parcelpost.api.create_label")
    assert "user" in parameters.names
    assert "retries" not in ParameterList(docs, "parcelpost.api.track").names


# --- other builders -------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "filename"),
    [("text", "index.txt"), ("latex", "parcelpost.tex"), ("man", "parcelpost.1")],
)
def test_other_builders_cite_owners_in_plain_words(
    build: Callable[..., BuiltDocs], builder: str, filename: str
) -> None:
    docs = build("typehints", builder)
    assert docs.warnings == ""
    output = docs.output(filename).replace("\\_", "_")  # LaTeX escapes underscores
    assert "parcelpost.decorators.retry" in output
    assert "carrierlib.rate_limited" in output
    for leak in ("effsig-owner", "effsig_owner", "<code", "<span", "<a "):
        assert leak not in output


def test_text_output_reads_naturally(build: Callable[..., BuiltDocs]) -> None:
    text = " ".join(build("typehints", "text").text().split())
    assert (
        "**retries** (*int*) -- How many more attempts to make after a timeout. "
        '(from "parcelpost.decorators.retry")'
    ) in text
    assert "**user**" not in text


# --- napoleon: Google and NumPy docstrings ---------------------------------------

NAPOLEON = [
    # documented object, parameters listed, parameter from a decorator, its description, owner
    (  # Google "Keyword Args" of @audited; @with_session supplies ``session``
        "ledgerbook.api.post_entry",
        ["account", "amount", "reason"],
        "reason",
        "Why the change is made; kept in the audit trail.",
        "ledgerbook.decorators.audited",
    ),
    (  # NumPy "Parameters" of @in_currency
        "ledgerbook.api.transfer",
        ["source", "target", "amount", "currency"],
        "currency",
        'ISO 4217 code of the amounts passed in, such as "EUR" .',
        "ledgerbook.decorators.in_currency",
    ),
    (  # described in the function's own Google docstring
        "ledgerbook.api.close_account",
        ["account", "reason"],
        "reason",
        "Shown to the account holder in the closing letter.",
        "ledgerbook.decorators.audited",
    ),
    (  # NumPy docstring of a decorator documented nowhere: named, not linked
        "ledgerbook.api.balance",
        ["account", "rounding"],
        "rounding",
        "How ties are broken.",
        "ledgerbook._fx.rounded",
    ),
]


@pytest.mark.parametrize(("documented", "listed", "parameter", "description", "owner"), NAPOLEON)
def test_google_and_numpy_docstrings(
    ledgerbook: BuiltDocs,
    documented: str,
    listed: list[str],
    parameter: str,
    description: str,
    owner: str,
) -> None:
    parameters = ParameterList(ledgerbook, documented)
    assert parameters.names == listed
    assert parameters.description(parameter).startswith(description)
    documented_owner = not owner.startswith("ledgerbook._")
    assert parameters.citation(parameter) == (owner, f"#{owner}" if documented_owner else None)


def test_borrowed_types_complete_the_list_when_types_come_from_docstrings(
    ledgerbook: BuiltDocs,
) -> None:
    parameters = ParameterList(ledgerbook, "ledgerbook.api.transfer")
    assert [parameters.type(name) for name in parameters.names] == ["str", "str", "Decimal", "str"]


def test_autosummary_rows_show_effective_parameters(ledgerbook: BuiltDocs) -> None:
    rows = {
        row.find("a").get_text(strip=True): " ".join(row.find("td").get_text(" ").split())
        for row in ledgerbook.html().select("table.autosummary tr")
    }
    assert "reason" in rows["post_entry"]
    assert "session" not in rows["post_entry"]
    assert "currency" in rows["transfer"]


def test_napoleon_builds_are_free_of_warnings(ledgerbook: BuiltDocs) -> None:
    assert ledgerbook.warnings == ""


def test_sphinx_autodoc_typehints_options_apply_to_added_parameters(
    build: Callable[..., BuiltDocs],
) -> None:
    docs = build(
        "typehints",
        **TYPEHINT_MODES["sphinx-autodoc-typehints"],
        typehints_defaults="comma",
        always_document_param_types=True,
    )
    courier = ParameterList(docs, "parcelpost.api.Courier")
    assert courier.names == ["name", "retries"]
    assert " ".join(courier.type("retries").replace(" ,", ",").split()) == "int, default: 3"


def test_the_effective_return_type_replaces_the_one_written_into_returns(
    build: Callable[..., BuiltDocs],
) -> None:
    """sphinx-autodoc-typehints with ``typehints_use_rtype = False`` types ``:returns:``."""
    docs = build(
        "typehints", **TYPEHINT_MODES["sphinx-autodoc-typehints"], typehints_use_rtype=False
    )
    body = ParameterList(docs, "parcelpost.api.pay").body
    returns = next(
        label.find_next_sibling("dd")
        for label in body.select("dl.field-list > dt")
        if label.get_text(strip=True).rstrip(":") == "Returns"
    )
    assert " ".join(returns.get_text(" ", strip=True).split()) == "Receipt – Proof of the payment."


# --- never breaking a build ------------------------------------------------------


def test_a_failure_leaves_the_docstring_as_autodoc_made_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handler that fails half-way changes nothing: no half-edited lists, no warning."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("cannot read a docstring")

    monkeypatch.setattr(fields, "_describe_foreign", broken)
    srcdir = tmp_path / "typehints"
    shutil.copytree(TESTDOCS / "typehints", srcdir, ignore=shutil.ignore_patterns("_build"))
    docs = run_sphinx(srcdir, "html", builddir=tmp_path / "_build", freshenv=True)

    assert docs.warnings == ""
    # the docstring as written: ``user`` is still described (it was removed first)
    label = ParameterList(docs, "parcelpost.api.create_label")
    assert label.names == ["address", "weight_kg", "user"]
    # no description borrowed for ``retries``: only autodoc's typed entry
    track = ParameterList(docs, "parcelpost.api.track")
    assert track.names == ["tracking_number", "detailed", "retries"]
    assert track.description("retries") == ""


def test_types_that_cannot_be_formatted_leave_the_entries_and_citations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sphinx-autodoc-typehints release we cannot format with costs types, nothing else."""

    def unreadable(app: object) -> None:
        raise typehints_api.Unavailable("no known formatting API")

    monkeypatch.setattr(typehints_api, "api", unreadable)
    srcdir = tmp_path / "typehints"
    shutil.copytree(TESTDOCS / "typehints", srcdir, ignore=shutil.ignore_patterns("_build"))
    docs = run_sphinx(
        srcdir,
        "html",
        builddir=tmp_path / "_build",
        freshenv=True,
        **TYPEHINT_MODES["sphinx-autodoc-typehints"],
    )

    assert docs.warnings == ""
    track = ParameterList(docs, "parcelpost.api.track")
    assert track.names == ["tracking_number", "detailed", "retries"]
    assert track.description("retries").startswith("How many more attempts")
    assert track.type("retries") == ""
    assert track.type("detailed") == "bool"


# --- editing docstring lines ------------------------------------------------------

CITE = "(from :effsig-owner:`shop.retry`)"

CITATION_PLACES = [
    # description as written, description with the citation
    (
        [":param retries: How often to try again."],
        [f":param retries: How often to try again. {CITE}"],
    ),
    (  # at the end of the first paragraph, not after a later one
        [
            ":param retries: How often to try",
            "    again.",
            "",
            "    Each attempt waits twice as long.",
            ":returns: The response.",
        ],
        [
            ":param retries: How often to try",
            f"    again. {CITE}",
            "",
            "    Each attempt waits twice as long.",
            ":returns: The response.",
        ],
    ),
    (  # a paragraph introducing a literal block keeps its "::" last
        [":param retries: For example::", "", "        fetch(url, retries=5)"],
        [f":param retries: For example {CITE}::", "", "        fetch(url, retries=5)"],
    ),
    ([":param retries:"], [f":param retries: {CITE}"]),  # no description at all
    (  # the type written in the field does not matter
        [":param int retries: How often."],
        [f":param int retries: How often. {CITE}"],
    ),
]


@pytest.mark.parametrize(("written", "cited"), CITATION_PLACES)
def test_where_the_citation_goes(written: list[str], cited: list[str]) -> None:
    lines = list(written)
    field = fieldlines.field_for(lines, "retries", fieldlines.PARAM_NAMES)
    assert field is not None
    fieldlines.append_to_description(lines, field, CITE)
    assert lines == cited


def test_removing_a_supplied_parameter_takes_its_type_and_continuation_lines() -> None:
    lines = [
        "Buy a label.",
        "",
        ":param address: Where the parcel goes.",
        ":param user: The account that pays; the session's",
        "    account when called from the web app.",
        ":type user: User",
        ":param \\*\\*options: Passed to the carrier.",
        ":rtype: Label",
    ]
    fieldlines.remove_parameters(lines, {"user", "options"})
    assert lines == [
        "Buy a label.",
        "",
        ":param address: Where the parcel goes.",
        ":rtype: Label",
    ]


def test_a_napoleon_list_of_one_becomes_a_bulleted_list_of_two() -> None:
    """napoleon's layout: items aligned under the first bullet, text under the item's."""
    lines = [
        ":Parameters: **account** (*str*) -- The account's number,",
        "             as printed on statements.",
        "",
        ":Returns: The posted entry.",
    ]
    [parameters] = fieldlines.item_lists(lines)
    parameters.items.append(("reason", [f"**reason** (*str*) -- Why. {CITE}"]))
    fieldlines.replace_item_list(lines, parameters)
    assert lines == [
        ":Parameters: * **account** (*str*) -- The account's number,",
        "               as printed on statements.",
        f"             * **reason** (*str*) -- Why. {CITE}",
        "",
        ":Returns: The posted entry.",
    ]


DOCSTRING = [
    "Buy a label.",
    "",
    ":param address: Where the parcel goes.",
    ":param user: The account that pays.",
    ":type user: User",
    ":rtype: Label",
]

#: Every way of changing a list, each applied to the lines being edited.
EDITS: dict[str, Callable[[list[str]], object]] = {
    "item": lambda lines: lines.__setitem__(1, ":param retries: How often."),
    "slice": lambda lines: lines.__setitem__(slice(2, 4), [":param x: X."]),
    "del": lambda lines: lines.__delitem__(2),
    "del slice": lambda lines: lines.__delitem__(slice(0, 3)),
    "+=": lambda lines: lines.__iadd__([":raises ValueError: Never."]),
    "*=": lambda lines: lines.__imul__(2),
    "append": lambda lines: lines.append(":returns: The label."),
    "extend": lambda lines: lines.extend([":param y: Y.", ":type y: int"]),
    "insert": lambda lines: lines.insert(0, ":param first: First."),
    "pop": lambda lines: lines.pop(2),
    "remove": lambda lines: lines.remove(":type user: User"),
    "clear": lambda lines: lines.clear(),
    "sort": lambda lines: lines.sort(),
    "reverse": lambda lines: lines.reverse(),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_lines_being_edited_never_answer_from_before_the_edit(edit: str) -> None:
    lines = fieldlines.Lines(DOCSTRING)
    assert fieldlines.fields(lines) == fieldlines.fields(DOCSTRING)
    EDITS[edit](lines)
    assert fieldlines.fields(lines) == fieldlines.fields(list(lines))
    assert fieldlines.fields(lines) != fieldlines.fields(DOCSTRING)


def test_lines_being_edited_are_parsed_once_per_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[list[str]] = []
    parse = fieldlines._fields
    monkeypatch.setattr(
        fieldlines, "_fields", lambda lines: parsed.append(list(lines)) or parse(lines)
    )
    lines = fieldlines.Lines(DOCSTRING)
    fieldlines.described(lines)
    fieldlines.field_for(lines, "user", fieldlines.TYPE_NAMES)
    copy = fieldlines.Lines(lines)  # a copy keeps what is known
    fieldlines.insertion_point(copy, ["address", "user"], "user")
    copy[4] = ":type user: User"  # written back as it was
    copy[2:4] = DOCSTRING[2:4]
    fieldlines.typed(copy)
    assert len(parsed) == 1
    fieldlines.remove_parameters(copy, {"user"})
    assert fieldlines.described(copy) == {"address"}
    assert fieldlines.described(lines) == {"address", "user"}
    assert len(parsed) == 2


def test_an_incremental_build_picks_up_an_edited_owner_docstring(tmp_path: Path) -> None:
    """``_tracing`` is documented nowhere; only the borrowed description ties the page to it."""
    srcdir = tmp_path / "typehints"
    shutil.copytree(TESTDOCS / "typehints", srcdir, ignore=shutil.ignore_patterns("_build"))
    builddir = tmp_path / "_build"
    first = run_sphinx(srcdir, "html", builddir=builddir, freshenv=True)
    assert (
        ParameterList(first, "parcelpost.api.quote")
        .description("trace_id")
        .startswith("Correlation id written to the log")
    )

    tracing = srcdir / "parcelpost" / "_tracing.py"
    tracing.write_text(
        tracing.read_text().replace(
            "Correlation id written to the log", "Request id sent to the tracing backend"
        )
    )
    later = tracing.stat().st_mtime + 5
    os.utime(tracing, (later, later))
    second = run_sphinx(srcdir, "html", builddir=builddir)
    assert (
        ParameterList(second, "parcelpost.api.quote")
        .description("trace_id")
        .startswith("Request id sent to the tracing backend")
    )
