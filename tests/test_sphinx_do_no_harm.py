"""Do no harm (SPEC §2): the same sources built with and without effsig.

``testdocs/donoharm`` holds, on its "Not decorated" page, objects effsig has
nothing to add to — undecorated functions and classes under postponed
annotations, a ``__call__`` taking ``**kwargs``, a function passing
``*args`` on as a tuple, namedtuples, a class documented with
``autodecorator``, a method passing its own parameter to another, a
function reached through a module ``__getattr__``, a function re-exported
under another name, and methods under a signature-preserving decorator whose
wrapper says ``-> Any``. Each must render byte for byte as plain autodoc
renders it, under every setting below, with no warning plain autodoc would
not give. Its "Changed" page holds objects effsig does change; what did not
need to change (types, the return type, the author's descriptions) stays
autodoc's. The output never depends on the order objects are documented in,
and ``-j 2`` gives what ``-j 1`` gives.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import TESTDOCS, BuiltDocs, run_sphinx

BASE = ["sphinx.ext.autodoc"]
SETTINGS: dict[str, dict[str, Any]] = {
    "signature": {},
    "description, preserved defaults": {
        "autodoc_typehints": "description",
        "autodoc_preserve_defaults": True,
    },
    "both": {"autodoc_typehints": "both"},
    "none": {"autodoc_typehints": "none"},
    "type aliases": {"autodoc_type_aliases": {"_Plugin": "harmless.plain.Plugin"}},
    "sphinx-autodoc-typehints": {"extra": ["sphinx_autodoc_typehints"]},
    "napoleon": {"extra": ["sphinx.ext.napoleon"]},
    "nitpicky": {"nitpicky": True},
}


def _overrides(setting: str, effsig: bool) -> dict[str, Any]:
    overrides = dict(SETTINGS[setting])
    extra = overrides.pop("extra", [])
    overrides["extensions"] = [*BASE, *(["sphinxcontrib_effsig"] if effsig else []), *extra]
    return overrides


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., BuiltDocs]:
    """``harmless(setting, effsig, parallel=0)``: each build made once."""
    built: dict[tuple[str, bool, int], BuiltDocs] = {}

    def build(setting: str, effsig: bool, parallel: int = 0) -> BuiltDocs:
        key = (setting, effsig, parallel)
        if key not in built:
            root = tmp_path_factory.mktemp("donoharm")
            srcdir = root / "donoharm"
            shutil.copytree(
                TESTDOCS / "donoharm",
                srcdir,
                ignore=shutil.ignore_patterns("_build", "__pycache__"),
            )
            built[key] = run_sphinx(
                srcdir, "html", freshenv=True, parallel=parallel, **_overrides(setting, effsig)
            )
        return built[key]

    return build


def descriptions(docs: BuiltDocs, page: str) -> dict[str, str]:
    """Object id -> the HTML of its signature and body, as written."""
    soup = BeautifulSoup((docs.outdir / f"{page}.html").read_text("utf-8"), "html.parser")
    found = {}
    for dt in soup.select("dl.py > dt[id]"):
        found[dt["id"]] = str(dt) + str(dt.find_next_sibling("dd"))
    return found


def warning_lines(docs: BuiltDocs) -> set[str]:
    return {line.split(": ", 1)[-1] for line in docs.warnings.splitlines() if line.strip()}


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_objects_effsig_does_not_change_render_exactly_as_plain_autodoc(
    harmless: Callable[..., BuiltDocs], setting: str
) -> None:
    plain = descriptions(harmless(setting, effsig=False), "plain")
    ours = descriptions(harmless(setting, effsig=True), "plain")
    assert len(plain) >= 15
    assert sorted(ours) == sorted(plain)
    differ = [object_id for object_id in plain if ours[object_id] != plain[object_id]]
    assert differ == []


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_effsig_adds_no_warning(harmless: Callable[..., BuiltDocs], setting: str) -> None:
    added = warning_lines(harmless(setting, effsig=True)) - warning_lines(
        harmless(setting, effsig=False)
    )
    assert added == set()


def _parts(docs: BuiltDocs, page: str, object_id: str) -> tuple[str, str]:
    """The signature line and the body of one object, as text."""
    soup = BeautifulSoup(descriptions(docs, page)[object_id], "html.parser")
    dt, dd = soup.find("dt"), soup.find("dd")
    line = " ".join(dt.get_text("", strip=False).replace("¶", "").split())
    return line, " ".join(dd.get_text(" ", strip=True).split())


def test_an_object_whose_signature_line_fails_is_left_wholly_to_autodoc(
    harmless: Callable[..., BuiltDocs],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line effsig cannot write (here: the renderer raises, as Sphinx 7's
    ``stringify_annotation`` did when a project pinned it) leaves autodoc's
    line, and the parameter list must then be autodoc's too."""
    import sphinxcontrib_effsig.sphinx_ext.autodoc as effsig_autodoc

    def fails(*args: object, **kwargs: object) -> tuple[str, str]:
        raise TypeError("unexpected keyword argument 'short_literals'")

    monkeypatch.setattr(effsig_autodoc, "render_signature", fails)
    setting = "description, preserved defaults"
    srcdir = tmp_path / "donoharm"
    shutil.copytree(TESTDOCS / "donoharm", srcdir, ignore=shutil.ignore_patterns("_build"))
    failing = run_sphinx(srcdir, "html", freshenv=True, **_overrides(setting, True))
    plain = harmless(setting, effsig=False)
    for object_id in ("harmless.changed.fetch", "harmless.changed.get_logger"):
        assert _parts(failing, "changed", object_id) == _parts(plain, "changed", object_id)


def test_a_changed_object_keeps_its_own_return_type(harmless: Callable[..., BuiltDocs]) -> None:
    line, _ = _parts(harmless("signature", effsig=True), "changed", "harmless.changed.first")
    assert line == "harmless.changed.first(items: Sequence[R], *, retries: int = 3) → R"
    _, body = _parts(
        harmless("description, preserved defaults", effsig=True),
        "changed",
        "harmless.changed.first",
    )
    assert body.endswith("Return type : R")


@pytest.mark.parametrize("setting", ["signature", "description, preserved defaults"])
def test_the_authors_description_of_kwargs_stays(
    harmless: Callable[..., BuiltDocs], setting: str
) -> None:
    _, body = _parts(harmless(setting, effsig=True), "changed", "harmless.changed.make_class")
    assert "frozen" in body and "slots" in body
    assert "options – Passed unmodified to build()" in body


@pytest.mark.parametrize(
    ("documented", "shown", "not_shown"),
    [
        (
            # Its docstring describes them: that entry, uncited; the callee's
            # own ``level`` is cited.
            "harmless.changed.get_logger",
            [
                "initial_values ( Any ) – Values that pre-populate its context.",
                "level ( str ) – The lowest level it logs. (from harmless.changed.new_logger )",
            ],
            "pre-populate its context. (from",
        ),
        (
            # Its docstring silent on them: described as the ``**context`` they
            # are handed on to, still uncited.
            "harmless.changed.get_default_logger",
            ["**initial_values ( Any ) – Values bound to every entry."],
            "Values bound to every entry. (from",
        ),
    ],
    ids=["described-by-its-docstring", "described-where-handed-on"],
)
def test_a_function_handing_its_kwargs_on_keeps_them_as_its_own(
    harmless: Callable[..., BuiltDocs], documented: str, shown: list[str], not_shown: str
) -> None:
    """``get_logger(**initial_values)`` hands them to ``new_logger(**context)``."""
    _, body = _parts(
        harmless("description, preserved defaults", effsig=True), "changed", documented
    )
    for text in shown:
        assert text in body
    assert not_shown not in body


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (
            "signature",
            "class harmless.changed.Argument(decls: list[str], required: bool | None = None,"
            " *, nargs: int | None = None)",
        ),
        (
            "description, preserved defaults",
            "class harmless.changed.Argument(decls, required=None, *, nargs=None)",
        ),
    ],
)
def test_the_documented_class_keeps_its_own_default(
    harmless: Callable[..., BuiltDocs], setting: str, expected: str
) -> None:
    line, _ = _parts(harmless(setting, effsig=True), "changed", "harmless.changed.Argument")
    assert line == expected


def test_the_output_does_not_depend_on_what_was_documented_before(
    harmless: Callable[..., BuiltDocs],
) -> None:
    """Collection after its bases (page 1) and before them (page 2) render alike."""
    docs = harmless("description, preserved defaults", effsig=True)
    bases_first = _parts(docs, "commands", "harmless.commands.Collection")
    soup = BeautifulSoup((docs.outdir / "commands_reversed.html").read_text("utf-8"), "html.parser")
    dt = soup.select("dl.py > dt")[0]
    derived_first = (
        " ".join(dt.get_text("", strip=False).replace("¶", "").split()),
        " ".join(dt.find_next_sibling("dd").get_text(" ", strip=True).split()),
    )
    assert derived_first == bases_first
    assert bases_first[0] == (
        "class harmless.commands.Collection(name=None, sources=None, *, commands=None,"
        " chain=False, help=None, hidden=False)"
    )


def test_parallel_reading_gives_the_same_pages(harmless: Callable[..., BuiltDocs]) -> None:
    serial = harmless("description, preserved defaults", effsig=True)
    parallel = harmless("description, preserved defaults", effsig=True, parallel=2)
    for page in ("plain", "changed", "commands", "commands_reversed"):
        assert descriptions(parallel, page) == descriptions(serial, page)


def test_a_function_re_exported_under_another_name_owns_its_parameters(
    harmless: Callable[..., BuiltDocs],
) -> None:
    """``harmless.transfer.copy`` is ``_impl.transfer.copy_file``: only ``retries`` is cited."""
    docs = harmless("signature", effsig=True)
    line, body = _parts(docs, "changed", "harmless.transfer.copy")
    assert line == ("harmless.transfer.copy(source: str, target: str, *, retries: int = 3) → int")
    assert body.count("(from") == 1
    assert "retries – How many attempts in all. (from harmless.changed.retry )" in body
    soup = BeautifulSoup(descriptions(docs, "changed")["harmless.transfer.copy"], "html.parser")
    marked = [abbr.get_text() for abbr in soup.select("abbr.effsig-param")]
    assert marked == ["retries: int = 3"]


def test_consecutive_parameters_of_one_owner_cite_it_once(
    harmless: Callable[..., BuiltDocs],
) -> None:
    _, body = _parts(harmless("signature", effsig=True), "changed", "harmless.changed.secho")
    assert body.count("(this and the next 2: from harmless.changed.styled )") == 1
    assert body.count("from harmless.changed.styled") == 1
    assert "bg – The background colour. bold" in body


def test_a_parameter_nobody_describes_gets_no_empty_entry(
    harmless: Callable[..., BuiltDocs],
) -> None:
    """Its mark in the signature says where it comes from; the list stays the author's."""
    docs = harmless("signature", effsig=True)
    line, body = _parts(docs, "changed", "harmless.changed.secho")
    assert "trace_id: str | None = None" in line
    assert "trace_id" not in body
    # where autodoc lists every annotated parameter anyway, its entry is cited
    _, described = _parts(
        harmless("description, preserved defaults", effsig=True),
        "changed",
        "harmless.changed.secho",
    )
    assert "trace_id ( str | None ) – (from harmless.changed.traced )" in described


def every_description(docs: BuiltDocs, page: str) -> list[str]:
    """Every object description of a page, in order, as HTML (indexed or not)."""
    soup = BeautifulSoup((docs.outdir / f"{page}.html").read_text("utf-8"), "html.parser")
    return [str(dl) for dl in soup.select("dl.py")]


@pytest.mark.parametrize("setting", ["signature", "description, preserved defaults"])
def test_signatures_autodoc_did_not_introspect_keep_their_parameter_lists(
    harmless: Callable[..., BuiltDocs], setting: str
) -> None:
    """Written in the directive, or ``@overload``: line and list stay autodoc's."""
    plain = every_description(harmless(setting, effsig=False), "untouched")
    ours = every_description(harmless(setting, effsig=True), "untouched")
    assert len(ours) == 3
    assert ours == plain


@pytest.mark.parametrize("setting", ["signature", "description, preserved defaults"])
def test_a_changed_objects_own_parameters_read_as_autodoc_reads_them(
    harmless: Callable[..., BuiltDocs], setting: str
) -> None:
    """Its annotations cannot all be evaluated: autodoc keeps them as written, so do we."""
    _, plain = _parts(harmless(setting, effsig=False), "changed", "harmless.changed.configure")
    line, ours = _parts(harmless(setting, effsig=True), "changed", "harmless.changed.configure")
    assert "retries" in line
    own = ours.replace(
        " retries ( int ) – How many attempts in all. (from harmless.changed.retry )", ""
    )
    own = own.replace(" retries – How many attempts in all. (from harmless.changed.retry )", "")
    assert own == plain


@pytest.mark.parametrize(
    ("documented", "cited"),
    [
        ("harmless.changed.Argument", "nargs ( int | None ) – (from harmless.changed.Parameter )"),
        (
            "harmless.changed.EventFormatter",
            "fmt ( str | None ) – (this and the next one: from harmless.changed.BaseFormatter )",
        ),
    ],
)
def test_a_base_classs_constructor_parameters_are_cited(
    harmless: Callable[..., BuiltDocs], documented: str, cited: str
) -> None:
    """``super().__init__(**kwargs)`` reaches the base class's ``__init__``: its
    parameters are not the documented class's own, and say where they are from."""
    _, body = _parts(
        harmless("description, preserved defaults", effsig=True), "changed", documented
    )
    assert cited in body


def test_a_changed_classs_own_parameters_keep_the_types_autodoc_records(
    harmless: Callable[..., BuiltDocs],
) -> None:
    """autodoc records a class's types as written; the base class's added ones get theirs."""
    setting = "description, preserved defaults"
    _, plain = _parts(harmless(setting, effsig=False), "changed", "harmless.changed.EventFormatter")
    line, ours = _parts(
        harmless(setting, effsig=True), "changed", "harmless.changed.EventFormatter"
    )
    own = "processors ( t.Sequence [ Processor ] ) – What runs on each event."
    assert own in plain and own in ours
    assert line == "class harmless.changed.EventFormatter(processors=(), fmt=None, datefmt=None)"
    assert "fmt ( str | None )" in ours
