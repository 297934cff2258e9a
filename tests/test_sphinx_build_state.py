"""Each build keeps its own state, and leaves none behind.

Sphinx's test fixtures, ``sphinx-autobuild`` and documentation tools build
several applications in one process. What the extension remembers during a
build (``sphinx_ext/state.py``) must belong to that build only: a project
built after another, with another configuration, renders exactly as when
built alone; a finished build leaves nothing on its application; and
nothing of the extension keeps an old application alive.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
import shutil
import subprocess
import sys
import types
import weakref
from pathlib import Path
from typing import Any

from conftest import TESTDOCS, BuiltDocs, run_sphinx
from docutils.parsers.rst.states import RSTState

import sphinxcontrib_effsig
from sphinxcontrib_effsig.sphinx_ext.state import BuildState, build_state

PACKAGE_ROOT = Path(sphinxcontrib_effsig.__file__).resolve().parent.parent

#: A configuration unlike the project's own in everything the state remembers:
#: no provenance, annotations in the signature line, fully qualified names.
OTHER_CONFIGURATION = {
    "effsig_provenance": "none",
    "autodoc_typehints": "signature",
    "autodoc_typehints_format": "fully-qualified",
}


def _copy(project: str, root: Path) -> Path:
    srcdir = root / project
    shutil.copytree(
        TESTDOCS / project, srcdir, ignore=shutil.ignore_patterns("_build", "__pycache__")
    )
    return srcdir


def _pages(outdir: Path) -> dict[str, str]:
    return {
        str(page.relative_to(outdir)): page.read_text("utf-8")
        for page in sorted(outdir.rglob("*.html"))
    }


#: Builds one project the way the tests do (conftest.run_sphinx), in a fresh interpreter.
_ALONE = """
import sys
from pathlib import Path
from conftest import run_sphinx
docs = run_sphinx(Path(sys.argv[1]), "html", builddir=Path(sys.argv[2]))
sys.stderr.write(docs.warnings)
print(docs.outdir)
"""


def _build_alone(srcdir: Path, builddir: Path) -> Path:
    """Build ``srcdir`` in a new interpreter, where no other build ran; its output directory."""
    tests = Path(__file__).resolve().parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PACKAGE_ROOT), str(tests), env.get("PYTHONPATH")])
    )
    result = subprocess.run(
        [sys.executable, "-c", _ALONE, str(srcdir), str(builddir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return Path(result.stdout.strip())


def test_a_build_after_another_renders_as_when_built_alone(tmp_path: Path) -> None:
    first = run_sphinx(_copy("typehints", tmp_path / "first"), "html", **OTHER_CONFIGURATION)
    second = run_sphinx(_copy("typehints", tmp_path / "second"), "html")
    alone = _build_alone(_copy("typehints", tmp_path / "alone"), tmp_path / "alone-build")

    assert first.warnings == second.warnings == ""
    pages = _pages(second.outdir)
    assert pages == _pages(alone)
    # The first build's configuration did reach its own pages (so the
    # comparison above would see it if it had leaked into the second).
    assert _pages(first.outdir)["index.html"] != pages["index.html"]
    assert "effsig-param" in pages["index.html"]
    assert "effsig-param" not in _pages(first.outdir)["index.html"]


def _effsig_attributes(obj: object) -> dict[str, Any]:
    return {name: value for name, value in vars(obj).items() if "effsig" in name.lower()}


def _empty(memory: Any) -> bool:
    return all(
        not getattr(memory, entry.name)
        for entry in dataclasses.fields(memory)
        if isinstance(getattr(memory, entry.name), dict | list | set)
    )


def test_the_state_lives_as_long_as_the_build(tmp_path: Path) -> None:
    seen: dict[str, Any] = {"answers": 0}

    def while_reading(app: Any, doctree: object) -> None:
        seen["answers"] = max(seen["answers"], len(build_state(app).reading.answers))

    def after_reading(app: Any, env: object) -> None:
        seen["read memory emptied"] = _empty(build_state(app).reading)

    def at_the_end(app: Any, exception: BaseException | None) -> None:
        seen["during the build"] = _effsig_attributes(app)

    def watch(app: Any) -> None:
        app.connect("doctree-read", while_reading)
        app.connect("env-updated", after_reading, priority=900)
        app.connect("build-finished", at_the_end, priority=100)

    docs = run_sphinx(
        _copy("typehints", tmp_path),
        "html",
        freshenv=True,
        before_build=watch,
        effsig_provenance="signature",
    )
    assert docs.warnings == ""
    app = docs.apps[0]

    [during] = seen["during the build"].values()
    assert isinstance(during, BuildState)
    assert during.settings.provenance == "signature"
    assert seen["answers"] > 0
    assert seen["read memory emptied"]
    # Afterwards the application holds nothing of the extension; the
    # environment (pickled, merged from parallel readers) holds the pages
    # whose signatures carry provenance marks, and nothing else.
    assert _effsig_attributes(app) == {}
    env_state = _effsig_attributes(app.env)
    assert list(env_state) == ["effsig_marked_documents"]
    assert env_state["effsig_marked_documents"] == {"index"}


#: Module globals that are not data the extension keeps: code, and Sphinx's
#: loggers (which reach the newest application through Sphinx's log handlers).
_NOT_DATA = (
    types.ModuleType,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    logging.Logger,
    logging.LoggerAdapter,
)


def _globals_reaching(target: object) -> list[str]:
    """The extension's module globals whose data reach ``target``."""
    found = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith("sphinxcontrib_effsig"):
            continue
        for name, value in vars(module).items():
            seen: set[int] = set()
            stack = [value]
            while stack:
                obj = stack.pop()
                if obj is target:
                    found.append(f"{module_name}.{name}")
                    break
                if id(obj) in seen or isinstance(obj, _NOT_DATA):
                    continue
                seen.add(id(obj))
                stack.extend(gc.get_referents(obj))
    return found


def test_no_finished_build_is_kept_alive(tmp_path: Path) -> None:
    def build(project: str, **overrides: Any) -> weakref.ref[Any]:
        root = tmp_path / f"{project}-{len(list(tmp_path.iterdir()))}"
        docs: BuiltDocs = run_sphinx(_copy(project, root), "html", **overrides)
        assert docs.warnings == ""
        app = docs.apps[0]
        for reached in (app, app.env, app.config):
            assert _globals_reaching(reached) == []
        return weakref.ref(app)

    # With sphinx-autodoc-typehints too (its formatting is remembered per
    # read phase); that extension keeps a role of the last page it rendered
    # in a module global, so this build is not the one watched below.
    build(
        "typehints",
        extensions=["sphinxcontrib_effsig", "sphinx.ext.intersphinx", "sphinx_autodoc_typehints"],
    )
    first = build("typehints")
    # Sphinx itself holds the newest application (its log handlers, the
    # Python domain's roles) until the next one replaces it: the first is
    # free once a second has been built.
    build("basic")
    # docutils keeps the state machines of a parsed document in a class
    # attribute (RSTState.nested_sm_cache) for the next parse; they reach
    # that document and, through its settings, the application that read it.
    RSTState.nested_sm_cache.clear()
    gc.collect()

    assert first() is None
