"""A Sphinx project documenting every hostile object: the extension never breaks a build.

``testdocs/hostile`` documents the objects of ``tests/samples_hostile`` plus
modules its ``conf.py`` generates at build time (a 50,000-line module, and
modules whose source is edited or deleted as soon as they are imported).

It is built three times for each autodoc implementation (Sphinx 9's and the
legacy class-based one), each time from a fresh copy and with autodoc's own
warnings *not* suppressed (the project's ``conf.py`` silences them so that
``sphinx-build -W`` passes):

- ``plain``: without this extension, plain autodoc (and autosummary) — the
  reference;
- ``quiet``: with it, ``effsig_warn_unresolved = False`` (the default);
- ``loud``: with it, ``effsig_warn_unresolved = True``.

Requirements (issue 6), checked for the whole page and for each object the
page asks for: every build finishes; both extension builds document exactly
the objects (and summary rows) plain autodoc documents; the extension adds
no warning of its own when ``effsig_warn_unresolved`` is off (so the project
builds with ``-W``) and at most one per object when it is on; a signature
line never shows a parameter that is neither autodoc's nor the resolver's,
and where the resolver cannot handle an object, autodoc's line stays as is.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sphinx
from bs4 import BeautifulSoup
from conftest import TESTDOCS, BuiltDocs, run_sphinx
from helpers.expect import load
from helpers.robustness import resolve_timed

from sphinxcontrib_effsig import EffectiveSignature

PLAIN_AUTODOC = ["sphinx.ext.autodoc", "sphinx.ext.autosummary"]

BUILDS: dict[str, dict[str, Any]] = {
    "plain": {"extensions": PLAIN_AUTODOC},
    "quiet": {"effsig_warn_unresolved": False},
    "loud": {"effsig_warn_unresolved": True},
}

#: Sphinx 9 has two autodoc implementations; the extension must survive both.
AUTODOC_MODES = (
    [
        pytest.param({}, id="autodoc"),
        pytest.param({"autodoc_use_legacy_class_based": True}, id="legacy-autodoc"),
    ]
    if sphinx.version_info >= (9,)
    else [pytest.param({}, id="autodoc-8")]
)


@pytest.fixture(scope="module", params=AUTODOC_MODES)
def builds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, BuiltDocs]:
    """The three builds of ``testdocs/hostile`` (see the module docstring)."""
    mode: dict[str, Any] = request.param
    done = {}
    for name, overrides in BUILDS.items():
        root = tmp_path_factory.mktemp(f"hostile-{name}")
        srcdir = root / "hostile"
        shutil.copytree(
            TESTDOCS / "hostile", srcdir, ignore=shutil.ignore_patterns("_build", "__pycache__")
        )
        done[name] = run_sphinx(
            srcdir, "html", freshenv=True, suppress_warnings=[], **mode, **overrides
        )
    return done


_MEMO: dict[tuple[int, str], tuple[BuiltDocs, Any]] = {}


def memo(kind: str) -> Any:
    """Compute a fact about a build once (the per-object tests ask 200 times)."""

    def decorate(compute: Any) -> Any:
        @functools.wraps(compute)
        def cached(build: BuiltDocs) -> Any:
            key = (id(build), kind)
            if key not in _MEMO:
                _MEMO[key] = (build, compute(build))
            return _MEMO[key][1]

        return cached

    return decorate


@memo("page")
def page(build: BuiltDocs) -> BeautifulSoup:
    return build.html()


@memo("ids")
def documented_ids(build: BuiltDocs) -> set[str]:
    """The ids of every object description (``<dt id=...>``) on the page."""
    return {dt["id"] for dt in page(build).select("dt[id]")}


def shown_parameter_names(page: BeautifulSoup, object_id: str) -> list[str]:
    """Parameter names on an object's signature line (``*``/``/`` markers dropped)."""
    names = []
    for param in page.find("dt", id=object_id).select("em.sig-param"):
        shown = " ".join(param.get_text().split())
        name = re.split(r"[:=]", shown)[0].strip().lstrip("*")
        if name and name not in ("/",):
            names.append(name)
    return names


@memo("warnings")
def warning_lines(build: BuiltDocs) -> list[str]:
    """Warnings, one per line, with memory addresses and file paths made comparable."""
    lines = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", build.warnings).splitlines():
        if "WARNING" not in line and "ERROR" not in line:
            continue
        line = re.sub(r"0x[0-9a-f]+", "0x?", line)
        line = re.sub(r"^\S*?(?=:(\d+:)? ?(WARNING|ERROR))", "<file>", line)
        line = re.sub(r"\S*effsig-hostile-\w+", "<generated>", line)
        lines.append(line)
    return lines


def is_effsig(line: str) -> bool:
    return "[effsig" in line


def requested_objects() -> list[str]:
    """Every object ``testdocs/hostile/index.rst`` asks autodoc to document.

    ``.. autofunction:: X`` / ``.. autoclass:: X`` name ``X``; a
    ``:members: a, b`` option (continued on indented lines) names ``X.a``,
    ``X.b`` for the module or class ``X`` of its directive.
    """
    found: list[str] = []
    target = None
    collecting = False
    for line in (TESTDOCS / "hostile" / "index.rst").read_text("utf-8").splitlines():
        directive = re.match(r"\.\. auto(\w+):: (\S+)", line)
        if directive:
            collecting = False
            target = directive[2]
            if directive[1] != "module":
                found.append(target)
            continue
        members = re.match(r"\s+:members: (.*)", line)
        if members and target:
            collecting = True
            text = members[1]
        elif collecting and line.startswith("    ") and not line.strip().startswith(":"):
            text = line
        else:
            collecting = False
            continue
        found.extend(f"{target}.{name.strip()}" for name in text.split(",") if name.strip())
    return found


REQUESTED = requested_objects()


@memo("subjects")
def warnings_by_subject(build: BuiltDocs) -> list[tuple[str, str | None]]:
    """Each warning line with the requested or documented object it is about."""
    ids = set(REQUESTED) | documented_ids(build)
    return [(line, subject(line, ids)) for line in warning_lines(build)]


def subject(line: str, ids: set[str] | list[str]) -> str | None:
    """The object a warning is about: the documented object it names first.

    ("effective signature of X not fully resolved: the wrapper Y ..."; at
    equal positions the longer name wins.)
    """
    named = [object_id for object_id in ids if re.search(rf"{re.escape(object_id)}\b", line)]
    if not named:
        return None
    return min(named, key=lambda object_id: (line.find(object_id), -len(object_id)))


def test_every_build_finishes_and_documents_the_sample(builds: dict[str, BuiltDocs]) -> None:
    """Plain autodoc documents most objects (it drops those whose ``inspect.signature`` raises)."""
    plain = documented_ids(builds["plain"])
    assert len(plain) >= 80, sorted(plain)
    for must in (
        "samples_hostile.tripwire.send_email",
        "samples_hostile.cycles.deep_mixed",
        "samples_hostile.mocks.upload",
        "inventory_deleted.restock",
        "big_module.last_handler",
    ):
        assert must in plain


@pytest.mark.parametrize("name", ["quiet", "loud"])
def test_extension_documents_exactly_what_plain_autodoc_documents(
    builds: dict[str, BuiltDocs], name: str
) -> None:
    plain, ours = documented_ids(builds["plain"]), documented_ids(builds[name])
    assert {"lost": sorted(plain - ours), "added": sorted(ours - plain)} == {
        "lost": [],
        "added": [],
    }


@pytest.mark.parametrize("name", ["quiet", "loud"])
def test_extension_adds_no_warning_of_another_kind(builds: dict[str, BuiltDocs], name: str) -> None:
    """Apart from its own ``effsig.*`` warnings, nothing plain autodoc did not say already."""
    plain = Counter(warning_lines(builds["plain"]))
    ours = Counter(line for line in warning_lines(builds[name]) if not is_effsig(line))
    assert sorted((ours - plain).elements()) == []


def test_no_effsig_warning_when_warn_unresolved_is_off(builds: dict[str, BuiltDocs]) -> None:
    assert [line for line in warning_lines(builds["quiet"]) if is_effsig(line)] == []


def test_builds_with_W_when_warn_unresolved_is_off(builds: dict[str, BuiltDocs]) -> None:
    """With the project's own ``suppress_warnings = ["autodoc"]`` no warning is left at all."""
    left = [
        line
        for line in warning_lines(builds["quiet"])
        if not re.search(r"\[autodoc(\.\w+)?\]$", line)
    ]
    assert left == []


def test_at_most_one_warning_per_object_when_warn_unresolved_is_on(
    builds: dict[str, BuiltDocs],
) -> None:
    effsig = [
        (line, about) for line, about in warnings_by_subject(builds["loud"]) if is_effsig(line)
    ]
    subjects = [about for _line, about in effsig]
    unattributed = [line for line, about in effsig if about is None]
    assert unattributed == [], "effsig warnings that name no documented object"
    assert {obj: n for obj, n in Counter(subjects).items() if n > 1} == {}


@pytest.mark.parametrize("object_id", REQUESTED)
def test_each_object_is_documented_as_plain_autodoc_documents_it(
    builds: dict[str, BuiltDocs], object_id: str
) -> None:
    """Per object: documented iff plain autodoc documents it; no new warning about it."""
    documented = {name: object_id in documented_ids(build) for name, build in builds.items()}
    assert documented["quiet"] == documented["loud"] == documented["plain"], documented

    def about_it(name: str) -> Counter[str]:
        return Counter(
            line for line, about in warnings_by_subject(builds[name]) if about == object_id
        )

    plain = about_it("plain")
    for name in ("quiet", "loud"):
        ours = about_it(name)
        added = ours - plain
        effsig = [line for line in added.elements() if is_effsig(line)]
        other = [line for line in added.elements() if not is_effsig(line)]
        assert other == [], f"{name} build: new warnings about {object_id}"
        assert len(effsig) <= (1 if name == "loud" else 0), f"{name} build: {effsig}"


def test_warn_unresolved_reports_an_unprovable_wrapper(builds: dict[str, BuiltDocs]) -> None:
    """A closure forwarding to ``getattr`` (opaque C) cannot be proven: that is worth a warning."""
    effsig = [line for line in warning_lines(builds["loud"]) if is_effsig(line)]
    assert any("samples_hostile.builtins_c.closure_around_getattr" in line for line in effsig)


STATIC_PREFIX = "samples_hostile."


def test_signature_lines_show_no_invented_parameter(builds: dict[str, BuiltDocs]) -> None:
    """Each parameter shown with the extension is autodoc's or the resolver's."""
    plain, ours = page(builds["plain"]), page(builds["quiet"])
    invented = {}
    for object_id in sorted(documented_ids(builds["plain"]) & documented_ids(builds["quiet"])):
        if not object_id.startswith(STATIC_PREFIX):
            continue  # generated modules are re-imported per build; compared above
        shown = set(shown_parameter_names(ours, object_id))
        allowed = set(shown_parameter_names(plain, object_id))
        result, _ = resolve_timed(load(object_id))
        if isinstance(result, EffectiveSignature):
            allowed |= set(result.parameters)
        if shown - allowed:
            invented[object_id] = sorted(shown - allowed)
    assert invented == {}


def signature_line(page: BeautifulSoup, object_id: str) -> str:
    """The signature line as a reader sees it."""
    return " ".join(page.find("dt", id=object_id).get_text().split())


def test_objects_the_resolver_cannot_handle_look_exactly_as_with_plain_autodoc(
    builds: dict[str, BuiltDocs],
) -> None:
    """Where ``effective_signature`` raises inspect's own error, autodoc's line stays."""
    plain, ours = page(builds["plain"]), page(builds["quiet"])
    changed, compared = {}, 0
    for object_id in sorted(documented_ids(builds["plain"]) & documented_ids(builds["quiet"])):
        if not object_id.startswith(STATIC_PREFIX):
            continue
        result, _ = resolve_timed(load(object_id))
        if isinstance(result, EffectiveSignature):
            continue
        # OrderedDict and getattr on every Python; itemgetter(1) too before 3.13
        compared += 1
        before, after = signature_line(plain, object_id), signature_line(ours, object_id)
        if before != after:
            changed[object_id] = (before, after)
    assert compared >= 2
    assert changed == {}


def test_an_object_autodoc_cannot_introspect_stays_on_the_page(
    builds: dict[str, BuiltDocs],
) -> None:
    """``inspect.signature`` gives up on it: effsig neither drops it nor invents parameters.

    Sphinx 9's autodoc then shows no signature at all, and drops the object
    from the page if an ``autodoc-process-signature`` listener returns one;
    the class-based autodoc shows ``()``. Either way the line stays autodoc's.
    """
    plain, ours = page(builds["plain"]), page(builds["quiet"])
    object_id = "samples_hostile.builtins_c.Folder.current"
    assert ours.find("dt", id=object_id) is not None
    assert "Folder.current" not in builds["quiet"].warnings
    assert shown_parameter_names(ours, object_id) == shown_parameter_names(plain, object_id) == []
    assert signature_line(ours, object_id) == signature_line(plain, object_id)


@memo("summary")
def summary_rows(build: BuiltDocs) -> dict[str, str]:
    """The autosummary table: object name → the row's first cell (name and signature)."""
    rows = {}
    for row in page(build).select("table.autosummary tr"):
        cells = row.find_all("td")
        if cells:
            shown = " ".join(cells[0].get_text().split())
            rows[shown.split("(")[0]] = shown
    return rows


@pytest.mark.parametrize("name", ["quiet", "loud"])
def test_the_summary_table_has_every_row_plain_autosummary_has(
    builds: dict[str, BuiltDocs], name: str
) -> None:
    plain, ours = summary_rows(builds["plain"]), summary_rows(builds[name])
    assert len(plain) >= 10, plain
    assert set(ours) == set(plain)


def test_generated_sources_are_written_outside_the_project(
    builds: dict[str, BuiltDocs],
) -> None:
    """``conf.py`` writes its generated modules to a temporary directory, not next to itself."""
    for build in builds.values():
        names = {path.name for path in Path(build.srcdir).iterdir()}
        assert names <= {"conf.py", "index.rst", "__pycache__"}, names
