"""The README's examples are true: its code runs and prints what it shows.

The README's ``myapp/http.py`` example is written to a temporary package,
then the README's Python session is replayed with :mod:`doctest` and the
``effsig`` table it shows is compared with the real output.
"""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinxcontrib_effsig.cli import main

README = (Path(__file__).resolve().parent.parent / "README.rst").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the README section headed ``title`` (up to the next heading)."""
    match = re.search(rf"^{re.escape(title)}\n=+\n(.*?)(?=^\S[^\n]*\n=+\n|\Z)", README, re.S | re.M)
    assert match, f"README.rst has no section {title!r}"
    return match.group(1)


def literal_block_after(text: str, marker: str) -> str:
    """The indented block that follows the line containing ``marker``, dedented."""
    lines = text.split(marker, 1)[1].splitlines()[1:]
    block: list[str] = []
    for line in lines:
        if line.strip() and not line.startswith("   "):
            break
        block.append(line[3:])
    return "\n".join(block).strip("\n") + "\n"


@pytest.fixture
def myapp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The README's ``myapp`` package, importable."""
    code = literal_block_after(section("Before and after"), ".. code-block:: python")
    assert code.startswith("# myapp/http.py\n")
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "http.py").write_text(code)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    for name in [n for n in sys.modules if n == "myapp" or n.startswith("myapp.")]:
        del sys.modules[name]


def test_the_python_api_session_prints_what_the_readme_shows(myapp):
    session = literal_block_after(section("Python API"), ".. code-block:: python")
    test = doctest.DocTestParser().get_doctest(session, {}, "README Python API", "README.rst", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)

    runner.run(test)

    assert len(test.examples) >= 6
    assert runner.summarize(verbose=False).failed == 0


def test_the_cli_table_is_what_effsig_prints(myapp, capsys):
    shown = literal_block_after(section("Command line"), "prints the effective signature")

    status = main(["myapp.http.fetch"])

    assert status == 0
    assert capsys.readouterr().out == shown


def test_the_quickstart_has_exactly_two_commands():
    commands = [
        line for line in section("Quickstart").splitlines() if line.lstrip().startswith("$ ")
    ]

    assert len(commands) == 2
    install_and_build, install_and_test = (c.strip()[2:] for c in commands)
    assert "testdocs/showcase" in install_and_build
    assert install_and_build.startswith("python3 -m venv .venv && ")
    assert install_and_build.endswith('echo "Open build/showcase/index.html in your browser"')
    assert install_and_test.startswith("python3 -m venv .venv && ")
    assert install_and_test.endswith("-m pytest")


def rendered_entry(text: str) -> str:
    """The text builder's entry for ``myapp.http.fetch``, as the README writes it.

    Sphinx's text output marks names with ``**``, literals with quotes and
    dashes as ``--``; the README shows the same words without that markup.
    Whitespace is collapsed so line wrapping does not count.
    """
    entry = text[text.index("myapp.http.fetch(") :]
    entry = entry.replace("**", "").replace('"', "").replace(" -- ", " – ")
    return " ".join(entry.split())


def readme_block(after: str) -> str:
    block = literal_block_after(section("Before and after").split(after, 1)[1], ".. code-block::")
    return " ".join(block.replace("* ", "").split())


@pytest.mark.parametrize(
    ("extension", "readme_marker"),
    [
        ("sphinx.ext.autodoc", "renders, before:"),
        ("sphinxcontrib_effsig", "in ``extensions``:"),
    ],
    ids=["before", "after"],
)
def test_the_before_and_after_is_what_sphinx_renders(myapp, extension, readme_marker):
    docs = myapp / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(myapp)!r})\nextensions = [{extension!r}]\n"
    )
    (docs / "index.rst").write_text(
        "HTTP\n====\n\n.. autofunction:: myapp.http.fetch\n\n"
        ".. autofunction:: myapp.http.retry\n\n.. autofunction:: myapp.http.with_timeout\n"
    )
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "text", "-q", "-E", str(docs), str(myapp / "out")],
        check=True,
    )
    text = (myapp / "out" / "index.txt").read_text(encoding="utf-8")
    fetch = text.split("myapp.http.retry(", 1)[0]

    assert rendered_entry(fetch).replace("* ", "") == readme_block(readme_marker)


ROOT = Path(__file__).resolve().parent.parent
CONTRIBUTING = (ROOT / "CONTRIBUTING.rst").read_text(encoding="utf-8")


def _named_paths(text: str) -> set[str]:
    """Every ``path`` written as a literal that names a file or folder of the repository."""
    literals = re.findall(r"``([\w./-]+)``", text)
    return {
        literal
        for literal in literals
        if ("/" in literal and not literal.startswith(".") and "." in literal.rsplit("/", 1)[-1])
        or literal.endswith("/")
    }


def test_every_path_in_the_contributing_map_exists():
    missing = []
    for path in sorted(_named_paths(CONTRIBUTING)):
        candidates = [ROOT / path, ROOT / "sphinxcontrib_effsig" / path]
        if not any(candidate.exists() for candidate in candidates):
            missing.append(path)
    assert not missing, f"CONTRIBUTING.rst names paths that do not exist: {missing}"


def test_the_contributing_map_names_every_resolver_module():
    """A module added to the resolver gets a line in the map, so it can be found."""
    resolver = ROOT / "sphinxcontrib_effsig" / "resolver"
    named = _named_paths(CONTRIBUTING)
    unnamed = [
        path.relative_to(ROOT / "sphinxcontrib_effsig").as_posix()
        for path in sorted(resolver.rglob("*.py"))
        if path.name != "__init__.py"
        and path.relative_to(ROOT / "sphinxcontrib_effsig").as_posix() not in named
        and path.parent.relative_to(ROOT / "sphinxcontrib_effsig").as_posix() + "/" not in named
    ]
    assert not unnamed, f"resolver modules missing from CONTRIBUTING.rst's map: {unnamed}"


def test_the_readme_links_the_contributing_guide():
    assert "CONTRIBUTING.rst" in README
