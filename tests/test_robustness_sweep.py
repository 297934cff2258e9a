"""The resolver on every public callable of real packages (slow; ``.ci/run`` runs it).

For each package below, every public module is imported and every public
callable in it — functions, classes, and the methods, classmethods and
staticmethods defined in those classes — is resolved. Requirements (issue 6):

- no exception escapes except the ``ValueError``/``TypeError`` that
  ``inspect.signature`` raises for that same object;
- no single resolution takes longer than :data:`TIME_LIMIT` (a slow one is
  timed a second time, cold caches again, and the faster run counts: one
  busy moment on a shared CI machine is not a finding);
- a *plain* function (a Python function or a method of one, with no
  ``__wrapped__``, no ``__signature__`` and neither ``*args`` nor
  ``**kwargs``) gets exactly ``inspect.signature``'s answer, resolved;
- a parameter is never attributed to a function that has never heard of it:
  when its owner is a Python function, the name is one of that function's
  parameters or locals, appears in its code (a popped or supplied keyword)
  or its annotations (a ``Concatenate`` type), or is in an explicit
  signature it carries or closes over.

The figures — callables seen, how many resolve differently from
``inspect.signature``, how many fell back, and the slowest resolutions — are
printed in a section of pytest's terminal summary, so they show with or
without ``-s``. Run it alone with ``pytest -m slow tests/test_robustness_sweep.py``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import time
import types
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from helpers.robustness import (
    allowed_error,
    describe,
    inspect_answer,
    resolve_timed,
    same_signature,
    strangers,
    text,
)

from sphinxcontrib_effsig import EffectiveSignature
from sphinxcontrib_effsig.resolver import clear_caches

pytestmark = pytest.mark.slow

#: No single resolution may take longer than this (seconds).
TIME_LIMIT = 0.5

STDLIB = [
    "abc", "argparse", "ast", "asyncio", "base64", "bisect", "calendar", "codecs",
    "collections", "concurrent", "configparser", "contextlib", "copy", "csv", "dataclasses",
    "datetime", "decimal", "difflib", "doctest", "email", "enum", "fractions", "functools",
    "gettext", "graphlib", "hashlib", "heapq", "html", "http", "importlib", "inspect", "io",
    "ipaddress", "itertools", "json", "logging", "math", "multiprocessing", "operator", "os",
    "pathlib", "pickle", "pprint", "queue", "random", "re", "selectors", "shutil",
    "socketserver", "sqlite3", "statistics", "string", "subprocess", "tarfile", "tempfile",
    "textwrap", "threading", "tokenize", "tomllib", "traceback", "types", "typing", "unittest",
    "urllib", "uuid", "warnings", "weakref", "wsgiref", "xml", "xmlrpc", "zipfile", "zoneinfo",
]  # fmt: skip

#: Installed with the ``test`` extra (pyproject.toml). Decorator libraries
#: (wrapt, decorator, makefun, boltons, tenacity, cachetools) are the most
#: instructive: their public API *is* wrappers; hypothesis, pydantic and
#: fastapi build signatures of their own.
THIRD_PARTY = [
    "sphinx", "docutils", "pytest", "pluggy", "jinja2", "markupsafe", "pygments", "click",
    "numpy", "networkx", "wrapt", "decorator", "makefun", "boltons", "tenacity", "cachetools",
    "pydantic", "hypothesis", "bs4", "sphinx_autodoc_typehints", "fastapi", "starlette",
    "fastapi_cache",
]  # fmt: skip

#: Submodules never imported: entry points, tests, and modules that need
#: something the test machine does not have.
SKIPPED_PARTS = {"__main__", "tests", "test", "conftest", "idlelib", "tkinter", "turtledemo"}


# --- collecting the callables -------------------------------------------------


def public_modules(package: str) -> Iterator[types.ModuleType]:
    """``package`` and every public submodule of it that imports."""
    try:
        root = importlib.import_module(package)
    except Exception:
        return
    yield root
    path = getattr(root, "__path__", None)
    if path is None:
        return
    for info in pkgutil.walk_packages(path, prefix=f"{package}.", onerror=lambda name: None):
        parts = info.name.split(".")
        if any(part.startswith("_") or part in SKIPPED_PARTS for part in parts[1:]):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield importlib.import_module(info.name)
        except BaseException:
            continue


def class_members(cls: type) -> Iterator[tuple[str, Any]]:
    """Public methods, classmethods and staticmethods defined in ``cls`` itself."""
    try:
        namespace = dict(vars(cls))
    except Exception:
        return
    for name, raw in namespace.items():
        if name.startswith("_") or isinstance(raw, type):
            continue
        if not (isinstance(raw, (staticmethod, classmethod)) or callable(raw)):
            continue
        try:
            yield name, getattr(cls, name)
        except Exception:
            continue


def public_callables(package: str) -> Iterator[tuple[str, Any]]:
    """``(dotted name, object)`` for every public callable of ``package``, each once."""
    seen: set[int] = set()
    keep: list[Any] = []  # keeps objects alive so that ids are not reused
    for module in public_modules(package):
        for name, obj in list(vars(module).items()):
            if name.startswith("_") or isinstance(obj, types.ModuleType):
                continue
            try:
                if not callable(obj) or id(obj) in seen:
                    continue
            except Exception:
                continue
            seen.add(id(obj))
            keep.append(obj)
            qualname = f"{module.__name__}.{name}"
            yield qualname, obj
            if isinstance(obj, type):
                for member_name, member in class_members(obj):
                    raw = vars(obj).get(member_name)
                    if id(raw) in seen:
                        continue
                    seen.add(id(raw))
                    keep.append(raw)
                    yield f"{qualname}.{member_name}", member


def is_plain(obj: object, theirs: inspect.Signature | None) -> bool:
    """A Python function (or method of one) with nothing to resolve."""
    func = obj.__func__ if isinstance(obj, types.MethodType) else obj
    if not isinstance(func, types.FunctionType) or theirs is None:
        return False
    if "__wrapped__" in func.__dict__ or "__signature__" in func.__dict__:
        return False
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return all(p.kind not in variadic for p in theirs.parameters.values())


# --- the figures ----------------------------------------------------------------


@dataclass
class Figures:
    """What one package's sweep found."""

    package: str
    seen: int = 0
    plain: int = 0
    differ: int = 0
    unresolved: int = 0
    inspect_raised: int = 0
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    escaped: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    plain_mismatch: list[str] = field(default_factory=list)
    misattributed: list[str] = field(default_factory=list)
    examples_differ: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        shown = []
        for title, items in (
            ("exceptions that escaped", self.escaped),
            (f"resolutions slower than {TIME_LIMIT} s", self.slow),
            ("plain functions that differ from inspect.signature", self.plain_mismatch),
            ("parameters attributed to a function that never mentions them", self.misattributed),
        ):
            if items:
                shown.append(f"{len(items)} {title}:")
                shown.extend(f"  {item}" for item in items[:25])
                if len(items) > 25:
                    shown.append(f"  ... and {len(items) - 25} more")
        return shown


class SweepReport:
    """A pytest plugin that prints the figures in the terminal summary."""

    name = "effsig-robustness-sweep"

    def __init__(self) -> None:
        self.figures: list[Figures] = []

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.figures:
            return
        write = terminalreporter.write_line
        terminalreporter.section("effsig robustness sweep")
        write(
            f"{'package':<16}{'callables':>10}{'plain':>8}{'differ':>8}{'unresolved':>11}"
            f"{'inspect raised':>15}{'seconds':>9}   slowest"
        )
        for f in sorted(self.figures, key=lambda f: f.package):
            slowest = f"{f.slowest[0][0]:.3f} s {f.slowest[0][1]}" if f.slowest else ""
            write(
                f"{f.package:<16}{f.seen:>10}{f.plain:>8}{f.differ:>8}{f.unresolved:>11}"
                f"{f.inspect_raised:>15}{f.seconds:>9.1f}   {slowest}"
            )
        total = sum(f.seen for f in self.figures)
        differ = sum(f.differ for f in self.figures)
        unresolved = sum(f.unresolved for f in self.figures)
        write(
            f"total: {total} callables seen, {differ} resolved differently from "
            f"inspect.signature, {unresolved} fell back (resolved=False)"
        )
        everything = sorted((s for f in self.figures for s in f.slowest), reverse=True)[:5]
        write("slowest: " + "; ".join(f"{seconds:.3f} s {name}" for seconds, name in everything))
        examples = [e for f in self.figures for e in f.examples_differ[:2]][:12]
        if examples:
            write("some that differ (effective  <-  inspect):")
            for example in examples:
                write(f"  {example}")


@pytest.fixture(scope="session")
def sweep_report(request: pytest.FixtureRequest) -> SweepReport:
    manager = request.config.pluginmanager
    report = manager.get_plugin(SweepReport.name)
    if report is None:
        report = SweepReport()
        manager.register(report, SweepReport.name)
    return report


def sweep(package: str) -> Figures:
    """Resolve every public callable of ``package`` and judge each answer."""
    figures = Figures(package)
    clear_caches()
    start = time.perf_counter()
    for name, obj in public_callables(package):
        figures.seen += 1
        theirs, their_error = inspect_answer(obj)
        ours, elapsed = resolve_timed(obj)
        if elapsed > TIME_LIMIT:
            clear_caches()
            ours, again = resolve_timed(obj)
            elapsed = min(elapsed, again)
        figures.slowest.append((elapsed, name))
        if elapsed > TIME_LIMIT:
            figures.slow.append(f"{name}: {elapsed:.3f} s")
        if their_error is not None:
            figures.inspect_raised += 1
        if isinstance(ours, BaseException):
            if not allowed_error(ours, their_error):
                told = "answers" if their_error is None else f"raises {their_error!r}"
                figures.escaped.append(f"{name} (inspect {told}): {describe(ours)}")
            continue
        assert isinstance(ours, EffectiveSignature), (name, type(ours))
        if not ours.resolved:
            figures.unresolved += 1
        if stray := strangers(ours):
            figures.misattributed.append(f"{name}{text(ours)}: {', '.join(stray)}")
        if theirs is None or not same_signature(ours, theirs):
            figures.differ += 1
            figures.examples_differ.append(
                f"{name}{text(ours)}  <-  "
                + (text(theirs) if theirs is not None else f"raises {type(their_error).__name__}")
            )
        if is_plain(obj, theirs):
            figures.plain += 1
            assert theirs is not None
            if not ours.resolved or not same_signature(ours, theirs):
                figures.plain_mismatch.append(
                    f"{name}: {text(ours)} (resolved={ours.resolved}, notes={ours.notes}) "
                    f"!= inspect {text(theirs)}"
                )
    figures.seconds = time.perf_counter() - start
    figures.slowest = sorted(figures.slowest, reverse=True)[:3]
    return figures


@pytest.mark.parametrize("package", STDLIB + THIRD_PARTY)
def test_every_public_callable_resolves_safely(package: str, sweep_report: SweepReport) -> None:
    if package in THIRD_PARTY:
        pytest.importorskip(package)
    figures = sweep(package)
    sweep_report.figures.append(figures)
    print(
        f"{package}: {figures.seen} callables, {figures.differ} differ from inspect.signature, "
        f"{figures.unresolved} unresolved, slowest {figures.slowest[:1]}"
    )
    assert figures.seen > 0, f"no public callable found in {package}"
    problems = figures.problems()
    assert not problems, "\n".join([f"{package}:", *problems])
