"""Shared test configuration.

``tests`` itself is put on ``sys.path`` so tests import the sample modules as
``samples.<module>`` (owner names then read ``samples.decorators.retry``)
and the helpers as ``helpers.expect`` / ``helpers.oracle``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)


# --- Sphinx builds of the sample projects in testdocs/ --------------------
# (appended by the Sphinx-layer helper; the rest of this file is not ours)
#
# ``build_docs("basic", "html", autodoc_typehints="none")`` copies
# ``testdocs/basic`` into the test's tmp_path, builds it with
# ``sphinx.testing.util.SphinxTestApp`` and returns a ``BuiltDocs``. We drive
# SphinxTestApp directly instead of the ``@pytest.mark.sphinx`` fixtures
# because those want ``test-<name>`` directories, and the samples are plain
# Sphinx projects named ``testdocs/<name>`` that users can build by hand.
# Each build imports the sample's package from its own copy and forgets it
# afterwards, so builds never see each other's modules.

import importlib  # noqa: E402
import io  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

TESTDOCS = Path(__file__).resolve().parent.parent / "testdocs"


@dataclass
class BuiltDocs:
    """A finished build: its output directory, status and warnings."""

    srcdir: Path
    outdir: Path
    builder: str
    status: str
    warnings: str
    apps: list[Any] = field(default_factory=list)

    def html(self, page: str = "index") -> Any:
        """The page's HTML, parsed."""
        from bs4 import BeautifulSoup

        return BeautifulSoup((self.outdir / f"{page}.html").read_text("utf-8"), "html.parser")

    def text(self, page: str = "index") -> str:
        """The page as the text builder wrote it."""
        return (self.outdir / f"{page}.txt").read_text("utf-8")

    def output(self, filename: str) -> str:
        return (self.outdir / filename).read_text("utf-8")


def _forget_modules_under(root: Path) -> None:
    root_text = str(root)
    for name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None) or ""
        if filename.startswith(root_text):
            del sys.modules[name]
    importlib.invalidate_caches()


def run_sphinx(
    srcdir: Path,
    builder: str = "html",
    *,
    builddir: Path | None = None,
    parallel: int = 0,
    freshenv: bool = False,
    before_build: Callable[[Any], None] | None = None,
    **confoverrides: Any,
) -> BuiltDocs:
    """Build ``srcdir`` once with ``builder``; the sample's modules are forgotten after.

    ``before_build(app)`` is called with the application before it builds
    (to connect a handler that watches the build).
    """
    from sphinx.testing.util import SphinxTestApp

    status, warnings = io.StringIO(), io.StringIO()
    builddir = builddir or srcdir.parent / f"_build-{srcdir.name}"
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir,
        freshenv=freshenv,
        confoverrides=confoverrides,
        status=status,
        warning=warnings,
        parallel=parallel,
    )
    try:
        if before_build is not None:
            before_build(app)
        app.build()
    finally:
        app.cleanup()
        _forget_modules_under(srcdir)
    return BuiltDocs(
        srcdir=srcdir,
        outdir=Path(app.outdir),
        builder=builder,
        status=status.getvalue(),
        warnings=warnings.getvalue(),
        apps=[app],
    )


@pytest.fixture
def build_docs(tmp_path: Path) -> Iterator[Callable[..., BuiltDocs]]:
    """Build a copy of ``testdocs/<name>``: ``build_docs(name, builder, **confoverrides)``."""

    def build(name: str, builder: str = "html", **options: Any) -> BuiltDocs:
        srcdir = tmp_path / name
        if not srcdir.exists():
            shutil.copytree(
                TESTDOCS / name, srcdir, ignore=shutil.ignore_patterns("_build", "__pycache__")
            )
        builddir = tmp_path / f"_build-{name}-{builder}-{len(list(tmp_path.iterdir()))}"
        return run_sphinx(srcdir, builder, builddir=builddir, **options)

    yield build
    _forget_modules_under(tmp_path)
