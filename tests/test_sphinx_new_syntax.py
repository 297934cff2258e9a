"""Typing features of newer Pythons in the docs (``testdocs/newsyntax``).

The page for PEP 695 is built on Python 3.12+ and the one for
``warnings.deprecated`` on 3.13+; ``Unpack[TypedDict]`` keywords on every
supported Python. Each is read from the text builder's output, with
autodoc's own types and with sphinx-autodoc-typehints.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable

import pytest
from conftest import TESTDOCS, BuiltDocs, run_sphinx

TYPES = {
    "signature": {},
    "description": {"autodoc_typehints": "description"},
    "sphinx-autodoc-typehints": {
        "extensions": ["sphinxcontrib_effsig", "sphinx_autodoc_typehints"]
    },
}


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltDocs]:
    built: dict[str, BuiltDocs] = {}

    def build(types: str) -> BuiltDocs:
        if types not in built:
            root = tmp_path_factory.mktemp(f"newsyntax-{types}")
            srcdir = root / "newsyntax"
            shutil.copytree(
                TESTDOCS / "newsyntax",
                srcdir,
                ignore=shutil.ignore_patterns("_build", "__pycache__"),
            )
            built[types] = run_sphinx(srcdir, "text", freshenv=True, **TYPES[types])
            assert built[types].warnings == ""
        return built[types]

    return build


def entry(docs: BuiltDocs, page: str, name: str) -> list[str]:
    """The signature line and body of one object, as the text builder wrote it."""
    lines = docs.text(page).splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{name}("))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("   ")):
        end += 1
    return [line.rstrip() for line in lines[start:end] if line.strip()]


def body(lines: list[str]) -> str:
    return " ".join(" ".join(lines[1:]).split())


@pytest.mark.parametrize("types", ["signature", "description", "sphinx-autodoc-typehints"])
def test_unpacked_keys_are_keyword_parameters_in_the_docs(
    gallery: Callable[[str], BuiltDocs], types: str
) -> None:
    lines = entry(gallery(types), "styles", "gallery.styles.draw")
    expected = (
        "gallery.styles.draw(shape: str, *, colour: str, width: float = ...) -> None"
        if types == "signature"
        else "gallery.styles.draw(shape, *, colour, width=...)"
    )
    assert lines[0] == expected
    text = body(lines)
    assert "**kwargs" not in text
    for name in ("colour", "width"):
        assert f"**{name}**" in text
    if types != "signature":
        assert '**width** ("float")' in text or "**width** (*float*)" in text


def test_unpacked_keys_under_a_decorator_come_before_its_keywords(
    gallery: Callable[[str], BuiltDocs],
) -> None:
    lines = entry(gallery("signature"), "styles", "gallery.styles.frame")
    assert lines[0] == (
        "gallery.styles.frame(picture: str, *, colour: str, width: float = ...,"
        " log_level: int = 20) -> None"
    )
    assert '(from "gallery.styles.logged")' in body(lines)


needs_312 = pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695: Python 3.12+")
needs_313 = pytest.mark.skipif(sys.version_info < (3, 13), reason="deprecated: Python 3.13+")


@needs_312
@pytest.mark.parametrize(
    ("name", "expected", "owner"),
    [
        (
            "gallery.generics.hang",
            "(picture: str, *, timeout: Seconds = 1.0, retries: int = 3) -> bool",
            "gallery.generics.retry",
        ),
        (
            "gallery.generics.store",
            "(picture: str, *, trace_id: str | None = None) -> int",
            "gallery.generics.Traced",
        ),
    ],
)
def test_pep695_decorators_add_their_keywords_and_keep_the_return_type(
    gallery: Callable[[str], BuiltDocs], name: str, expected: str, owner: str
) -> None:
    lines = entry(gallery("signature"), "generics", name)
    assert lines[0] == f"{name}{expected}"
    assert f'(from "{owner}")' in body(lines)


@needs_312
def test_pep695_types_with_sphinx_autodoc_typehints(gallery: Callable[[str], BuiltDocs]) -> None:
    text = body(entry(gallery("sphinx-autodoc-typehints"), "generics", "gallery.generics.hang"))
    assert '**timeout** ("Seconds")' in text
    assert '**retries** ("int")' in text
    assert 'Return type: "bool"' in text


@needs_313
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gallery.legacy.old_hang", "(picture: str, *, height: float = 1.5) -> bool"),
        ("class gallery.legacy.Easel", "(height: float = 1.2)"),
    ],
)
def test_deprecated_objects_keep_their_own_signature(
    gallery: Callable[[str], BuiltDocs], name: str, expected: str
) -> None:
    lines = entry(gallery("signature"), "deprecated", name)
    assert lines[0] == f"{name}{expected}"
    assert "(from" not in body(lines)
