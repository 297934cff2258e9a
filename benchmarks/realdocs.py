"""Real-project differential: a project's own docs built with and without effsig.

Usage::

    python3 benchmarks/realdocs.py tenacity==9.2.1 cachetools==8.0.2 \\
        --python /root/.pyenv/versions/3.13.0/bin/python3 --json /tmp/realdocs.json
    python3 benchmarks/realdocs.py attrs==26.1.0 --builder text --keep
    python3 benchmarks/realdocs.py click==8.5.1 --check-wrapper   # is the wrapper transparent?
    python3 benchmarks/realdocs.py flask==3.1.3 --effsig-rev HEAD  # the committed extension

Method, for each ``NAME==VERSION`` in turn (one at a time, ``-j 1`` builds):

1. ``pip download --no-deps --no-binary :all:`` fetches the sdist, which is
   unpacked under ``--workdir``; its Sphinx project is the folder holding a
   ``conf.py`` (``docs/``, ``doc/``, ``docs/source/``, ... the shallowest).
2. A venv is made with ``--python``. Into it go the project itself (from the
   unpacked sdist) and its docs requirements, from the first source found:
   ``docs/requirements*.txt`` (and similar file names), a ``docs`` dependency
   group or extra in ``pyproject.toml``, a ``docs`` extra in ``setup.cfg``,
   ``[testenv:docs]`` in ``tox.ini``; otherwise Sphinx alone. Then a probe run
   in the venv executes their ``conf.py`` as Sphinx would, imports every
   extension it lists and looks for its HTML theme; a module still missing is
   installed under its PyPI name (a small table, else the module's own name),
   one attempt per module. An install that fails is recorded and the run goes
   on (a combined install that fails is retried one requirement at a time); a
   docs requirement pinning the project itself is skipped, so that the sdist's
   version is the one documented. Last, the effsig tree (copied once per run,
   or ``git archive`` of ``--effsig-rev``, so that every project gets the same
   code while the tree is being edited) is built into a wheel and installed.
   The unpacked sdist is then made a one-commit git repository (docs that
   read the project's history, such as reno's release notes, need one).
3. The docs are built twice, ``python -m sphinx -b BUILDER -E -q -T -j 1``
   with the cwd at their docs folder, ``-w`` capturing the warnings: "plain"
   and "effsig". Both builds use ``-c WRAPPER``, a generated configuration
   folder whose ``conf.py`` executes theirs unchanged (``__file__`` set to the
   original path, the cwd at the original folder while it runs, as Sphinx does
   for a ``conf.py`` it reads itself); the effsig build then appends
   ``"sphinxcontrib_effsig"`` to ``extensions``. Every other entry of their
   configuration folder is symlinked into the wrapper folder, so the settings
   Sphinx resolves against the configuration folder (``html_static_path``,
   ``templates_path``, ``html_extra_path``, ``html_logo``, ...) find their
   files. ``--check-wrapper`` adds a third build without the wrapper, as their
   docs are normally built, and compares it with the plain build (it should
   not differ at all). ``SOURCE_DATE_EPOCH`` and ``PYTHONHASHSEED`` are fixed
   for all builds. When the plain build's warnings say that autodoc could not
   import a module (``No module named 'tornado'``: an optional dependency of
   the project), that module is installed once and the plain build redone.
4. The outputs are compared object by object. In HTML every Python object
   description (``<dl class="py ...">`` and its ``<dt class="sig sig-object
   py" id="...">``) gives (a) the signature line text, whitespace-normalised,
   without the permalink and ``[source]`` links (one per ``<dt>``: overloads
   and multi-name directives have several), (b) the field lists of its own
   ``<dd>``: the "Parameters" (also "Keyword Arguments", "Other Parameters")
   entries and, apart, "Returns"/"Return type", and (c) the text of the whole
   ``<dd>`` without nested object descriptions; "other body text" is that text
   less the parameter and return fields. With ``--builder text`` the same
   records come from the text pages, in which both builds print marker lines
   around each object description (a small extension added to both builds
   through the wrapper), stripped from the text compared. Objects are keyed by
   page and id (``api#tenacity.retry``; ``(no id)`` and the signature when
   the description has no id, a ``~N`` suffix for repeats).
   Warnings are compared as multisets, each one a line and its indented
   continuation lines, with the build's own paths replaced by ``<src>``,
   ``<out>``, ``<venv>``, ... and hexadecimal addresses by ``0x…``.

It prints a report (per project: what was installed, every changed signature
before and after, changed parameter and return fields entry by entry, ``=``
in both builds, ``-`` plain only, ``+`` effsig only (``--full-fields``: both
lists whole), a word diff of other changed text, objects and warnings found in
one build only, and a summary line) and with ``--json PATH`` writes all of it
as JSON, each changed object with its fields and text before and after. An
object without an id whose signature changed counts as dropped and added. The exit
status is 0 when every project was built both ways and compared, 1 otherwise.
Without ``--keep`` a project's folder (sdist, venv, builds) is removed once it
is compared; ``--reuse-venv`` keeps a venv from an earlier ``--keep`` run and
only reinstalls effsig into it.

The script itself needs only the standard library (Python 3.11+).
"""

from __future__ import annotations

import argparse
import configparser
import dataclasses
import difflib
import hashlib
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXTENSION = "sphinxcontrib_effsig"
BUILDS = ("plain", "effsig")
PARAM_LABELS = frozenset(
    {"Parameters", "Parameter", "Keyword Arguments", "Other Parameters", "Arguments"}
)
RETURN_LABELS = frozenset({"Returns", "Return", "Return type", "Return Type"})
MARK = "\u27e6realdocs"  # text builder: marker lines around object descriptions
MARK_END = "\u27e7"
BUILTIN_THEMES = frozenset(
    {
        "alabaster",
        "agogo",
        "basic",
        "bizstyle",
        "classic",
        "default",
        "epub",
        "haiku",
        "nature",
        "nonav",
        "pyramid",
        "scrolls",
        "sphinxdoc",
        "traditional",
    }
)
# Importable module (or theme) name -> PyPI distribution; else the name itself.
DISTRIBUTIONS = {
    "cog": "cogapp",
    "notfound": "sphinx-notfound-page",
    "notfound.extension": "sphinx-notfound-page",
    "yaml": "PyYAML",
    "sphinx_tabs": "sphinx-tabs",
    "sphinx_tabs.tabs": "sphinx-tabs",
    "sphinxext.opengraph": "sphinxext-opengraph",
    "sphinxext": "sphinxext-opengraph",
    "reno.sphinxext": "reno",
    "sphinx_click.ext": "sphinx-click",
    "pallets_sphinx_themes": "pallets-sphinx-themes",
    "enchant": "pyenchant",
    "attr": "attrs",
    "dateutil": "python-dateutil",
    "git": "GitPython",
    "docs_theme": "",  # local theme modules: nothing on PyPI to install
}
REQUIREMENT_FILES = (
    "docs/requirements.txt",
    "doc/requirements.txt",
    "docs/source/requirements.txt",
    "doc/source/requirements.txt",
    "docs-requirements.txt",
    "doc-requirements.txt",
    "requirements-docs.txt",
    "requirements-doc.txt",
    "requirements/docs.txt",
    "requirements/doc.txt",
    "requirements/documentation.txt",
    "docs/requirements-docs.txt",
    "docs/rtd-requirements.txt",
    "docs/requirements.in",
)
DOCS_NAMES = ("docs", "doc", "documentation", "sphinx")
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "__pycache__",
    "*.pyc",
    "build",
    "dist",
    "_build",
    "_out",
    "_generated",
    "*.egg-info",
    ".venv*",
    ".tox",
)


# --------------------------------------------------------------------------
# Small helpers


def log(message: str) -> None:
    """Progress on stderr (the report goes to stdout)."""
    print(f"[realdocs] {message}", file=sys.stderr, flush=True)


def normalise(text: str) -> str:
    """Collapse whitespace; no space just inside brackets."""
    text = " ".join(text.split())
    text = re.sub(r"([(\[]) ", r"\1", text)
    return re.sub(r" ([)\]])", r"\1", text)


def tail(path: Path, lines: int = 25) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def run_logged(
    argv: Sequence[str | Path],
    logfile: Path,
    cwd: Path | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> int:
    """Run ``argv`` with its output appended to ``logfile``; its exit status."""
    command = [str(a) for a in argv]
    with logfile.open("a") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        try:
            proc = subprocess.run(
                command,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                timeout=timeout,
                env=env,
            )
        except subprocess.TimeoutExpired:
            out.write(f"\n[realdocs] timed out after {timeout} s\n")
            return -1
        except OSError as err:
            out.write(f"\n[realdocs] {err}\n")
            return -1
    return proc.returncode


def pip_env() -> dict[str, str]:
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    return env


def build_env() -> dict[str, str]:
    """The environment of every docs build: reproducible hashing and dates."""
    return dict(pip_env(), PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="1700000000")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# --------------------------------------------------------------------------
# HTML: a minimal tree from html.parser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt"}
    | {"figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"}
    | {"li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot"}
    | {"th", "thead", "tr", "ul"}
)


@dataclass(eq=False)
class Element:
    """An HTML element: tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attrs.get("class", "").split())

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self, prune: Callable[[Element], bool] | None = None) -> Iterator[Element]:
        """Descendants in document order; below a pruned element nothing."""
        stack: list[Element] = list(reversed(self.elements()))
        while stack:
            el = stack.pop()
            yield el
            if prune is None or not prune(el):
                stack.extend(reversed(el.elements()))


class TreeBuilder(HTMLParser):
    """Tolerant tree builder: an unmatched end tag is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self._stack: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(el)
        if tag not in VOID:
            self._stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, 0, -1):
            if self._stack[i].tag == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def is_chrome(el: Element) -> bool:
    """Permalinks, ``[source]`` links, scripts: not part of the documented text."""
    if el.tag in ("script", "style", "template"):
        return True
    return bool(el.classes & {"headerlink", "viewcode-link", "viewcode-back"})


def is_py_desc(el: Element) -> bool:
    return el.tag == "dl" and "py" in el.classes


def text_of(el: Element, skip: Callable[[Element], bool] = is_chrome) -> str:
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                block = child.tag in BLOCK
                if block:
                    parts.append(" ")
                walk(child)
                if block:
                    parts.append(" ")

    walk(el)
    return normalise("".join(parts))


# --------------------------------------------------------------------------
# Object records


@dataclass
class DocObject:
    """What one object description shows."""

    key: str
    page: str
    ident: str
    objtype: str
    signatures: list[str]
    fields: dict[str, list[str]]
    body: str  # the whole description text, nested descriptions left out
    body_other: str  # ... less the parameter and return fields
    marks: int = 0  # parameters effsig marked with their owner (abbr.effsig-param)

    def parameters(self) -> dict[str, list[str]]:
        return {k: v for k, v in self.fields.items() if k in PARAM_LABELS}

    def returns(self) -> dict[str, list[str]]:
        return {k: v for k, v in self.fields.items() if k in RETURN_LABELS}


def field_key(fields: dict[str, list[str]], label: str) -> str:
    key, n = label, 1
    while key in fields:
        n += 1
        key = f"{label} ({n})"
    return key


def html_fields(field_list: Element, fields: dict[str, list[str]], compared: set[int]) -> None:
    """Add a field list's entries to ``fields``; the compared ones' nodes to ``compared``."""
    label_el: Element | None = None
    for child in field_list.elements():
        if child.tag == "dt":
            label_el = child
        elif child.tag == "dd" and label_el is not None:
            label = text_of(label_el).rstrip(":").strip()
            kids = child.elements()
            if len(kids) == 1 and kids[0].tag in ("ul", "ol"):
                entries = [text_of(li) for li in kids[0].elements() if li.tag == "li"]
            else:
                entries = [text_of(child)]
            fields[field_key(fields, label)] = entries
            if label in PARAM_LABELS or label in RETURN_LABELS:
                compared.update((id(label_el), id(child)))
            label_el = None


def unique_key(seen: Counter[str], key: str) -> str:
    seen[key] += 1
    return key if seen[key] == 1 else f"{key}~{seen[key]}"


def html_objects(page: str, text: str) -> list[DocObject]:
    root = parse_html(text)
    seen: Counter[str] = Counter()
    objects: list[DocObject] = []
    for desc in root.iter():
        if not is_py_desc(desc):
            continue
        dts = [c for c in desc.elements() if c.tag == "dt"]
        dds = [c for c in desc.elements() if c.tag == "dd"]
        dd = dds[0] if dds else Element("dd", {})
        ident = next((dt.attrs["id"] for dt in dts if dt.attrs.get("id")), "")
        signatures = [text_of(dt) for dt in dts]
        marks = sum(
            1 for dt in dts for el in dt.iter() if el.tag == "abbr" and "effsig-param" in el.classes
        )
        fields: dict[str, list[str]] = {}
        compared: set[int] = set()
        for el in dd.iter(prune=is_py_desc):
            if el.tag == "dl" and "field-list" in el.classes:
                html_fields(el, fields, compared)

        def nested(el: Element) -> bool:
            return is_chrome(el) or is_py_desc(el)

        def nested_or_compared(el: Element, compared: set[int] = compared) -> bool:
            return nested(el) or id(el) in compared

        name = ident or "(no id) " + (signatures[0][:80] if signatures else "")
        objects.append(
            DocObject(
                key=unique_key(seen, f"{page}#{name}"),
                page=page,
                ident=ident,
                objtype=" ".join(sorted(desc.classes - {"py"})),
                signatures=signatures,
                fields=fields,
                body=text_of(dd, nested),
                body_other=text_of(dd, nested_or_compared),
                marks=marks,
            )
        )
    return objects


# The text builder's pages: marker lines printed by MARKS_EXTENSION.
MARKS_EXTENSION = f'''"""realdocs.py: marker lines around object descriptions in text output."""

from sphinx import addnodes
from sphinx.writers.text import TextTranslator

MARK = {MARK!r}
END = {MARK_END!r}


def _line(self, text):
    self.new_state(0)
    self.add_text(text)
    self.end_state(wrap=False, end=None)


def _visit_desc(self, node, _orig=TextTranslator.visit_desc):
    ids = ""
    for sig in node.children:
        if isinstance(sig, addnodes.desc_signature) and sig.get("ids"):
            ids = sig["ids"][0]
            break
    domain = node.get("domain", "")
    objtype = node.get("objtype", "")
    _line(self, f"{{MARK}}:obj {{domain}} {{objtype}} {{ids}}{{END}}")
    _orig(self, node)


def _depart_desc(self, node, _orig=TextTranslator.depart_desc):
    _orig(self, node)
    _line(self, f"{{MARK}}:end{{END}}")


def _visit_desc_content(self, node, _orig=TextTranslator.visit_desc_content):
    _line(self, f"{{MARK}}:body{{END}}")
    _orig(self, node)


def setup(app):
    TextTranslator.visit_desc = _visit_desc
    TextTranslator.depart_desc = _depart_desc
    TextTranslator.visit_desc_content = _visit_desc_content
    return {{"parallel_read_safe": True, "parallel_write_safe": True}}
'''


@dataclass
class _TextDesc:
    domain: str
    objtype: str
    ident: str
    signature: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    in_body: bool = False


def text_fields(lines: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Field lists of a text-builder description body; the other lines."""
    nonblank = [ln for ln in lines if ln.strip()]
    base = min((len(ln) - len(ln.lstrip()) for ln in nonblank), default=0)
    fields: dict[str, list[str]] = {}
    other: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip())
        label = re.fullmatch(r"([A-Z][\w ]*):", line.strip())
        following = lines[i + 1] if i + 1 < len(lines) else ""
        deeper = len(following) - len(following.lstrip()) > indent and following.strip()
        if indent == base and label and deeper:
            j = i + 1
            block: list[str] = []
            while j < len(lines) and (
                not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent
            ):
                block.append(lines[j])
                j += 1
            entries: list[str] = []
            item = min(len(b) - len(b.lstrip()) for b in block if b.strip())
            bulleted = any(b[item:].startswith(("* ", "- ")) for b in block if b.strip())
            for b in block:
                if not b.strip():
                    continue
                if bulleted and b[item:].startswith(("* ", "- ")) and len(b) > item:
                    entries.append(b[item + 2 :])
                elif entries:
                    entries[-1] += " " + b.strip()
                else:
                    entries.append(b.strip())
            name = label.group(1)
            fields[field_key(fields, name)] = [normalise(e) for e in entries]
            if name not in PARAM_LABELS and name not in RETURN_LABELS:
                other.extend(lines[i:j])
            i = j
            continue
        other.append(line)
        i += 1
    return fields, other


def text_objects(page: str, text: str) -> list[DocObject]:
    seen: Counter[str] = Counter()
    objects: list[DocObject] = []
    stack: list[_TextDesc] = []
    for kind, rest in marked_lines(text, restore=False):
        if kind is None:
            if stack:
                top = stack[-1]
                (top.body if top.in_body else top.signature).append(rest)
            continue
        if kind == "obj":
            domain, objtype, ident = ([*rest.split(maxsplit=2), "", "", ""])[:3]
            stack.append(_TextDesc(domain, objtype, ident))
        elif kind == "body" and stack:
            stack[-1].in_body = True
        elif kind == "end" and stack:
            desc = stack.pop()
            if desc.domain != "py":
                if stack:  # other domains' descriptions stay part of the text around them
                    target = stack[-1]
                    (target.body if target.in_body else target.signature).extend(
                        desc.signature + desc.body
                    )
                continue
            fields, other = text_fields(desc.body)
            signatures = [normalise(s) for s in desc.signature if s.strip()]
            name = desc.ident or "(no id) " + (signatures[0][:80] if signatures else "")
            objects.append(
                DocObject(
                    key=unique_key(seen, f"{page}#{name}"),
                    page=page,
                    ident=desc.ident,
                    objtype=desc.objtype,
                    signatures=signatures,
                    fields=fields,
                    body=normalise(" ".join(desc.body)),
                    body_other=normalise(" ".join(other)),
                )
            )
    return objects


MARK_LINE = re.compile(rf"(.*?){re.escape(MARK)}:(obj|body|end)(.*){re.escape(MARK_END)}\s*")


def marked_lines(text: str, restore: bool = True) -> Iterator[tuple[str | None, str]]:
    """(marker kind, its text) for marker lines, (None, line) for the others.

    What the writer printed before a marker on its line (a list item's ``* ``)
    is put back at the start of the next line, where it stands without markers
    (``restore``; left out for the records of the objects).
    """
    carry = ""
    for line in text.splitlines():
        match = MARK_LINE.fullmatch(line)
        if match is None:
            if restore and carry.strip() and line[: len(carry)].isspace():
                line = carry + line[len(carry) :]
                carry = ""
            elif line.strip():
                carry = ""
            yield None, line
            continue
        prefix, kind, rest = match.groups()
        if prefix.strip():
            carry = prefix
        yield kind, rest


def strip_marks(text: str) -> str:
    """A text page without marker lines (and the blank lines they add: runs collapsed)."""
    if MARK not in text:
        return text
    kept = "\n".join(line for kind, line in marked_lines(text) if kind is None)
    return re.sub(r"\n{3,}", "\n\n", kept).rstrip() + "\n"


def output_pages(outdir: Path, builder: str) -> dict[str, Path]:
    suffix = ".html" if builder == "html" else ".txt"
    pages: dict[str, Path] = {}
    for path in sorted(outdir.rglob(f"*{suffix}")):
        rel = path.relative_to(outdir).as_posix()
        if rel.split("/")[0] in ("_static", "_sources", "_modules", "_images"):
            continue
        pages[rel.removesuffix(suffix)] = path
    return pages


def collect_objects(outdir: Path, builder: str) -> dict[str, DocObject]:
    objects: dict[str, DocObject] = {}
    for page, path in output_pages(outdir, builder).items():
        text = path.read_text(errors="replace")
        found = html_objects(page, text) if builder == "html" else text_objects(page, text)
        for obj in found:
            objects[obj.key] = obj
    return objects


# --------------------------------------------------------------------------
# Comparison


def word_diff(before: str, after: str, context: int = 8) -> str:
    """``before`` -> ``after`` as ``[-removed-] {+added+}`` with a few words around."""
    a, b = before.split(), after.split()
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces: list[str] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            seg = a[i1:i2]
            first, last = n == 0, n == len(ops) - 1
            if first and len(seg) > context:
                pieces.append("… " + " ".join(seg[-context:]))
            elif last and len(seg) > context:
                pieces.append(" ".join(seg[:context]) + " …")
            elif not first and not last and len(seg) > 2 * context:
                pieces.append(" ".join(seg[:context]) + " … " + " ".join(seg[-context:]))
            else:
                pieces.append(" ".join(seg))
            continue
        if i2 > i1:
            pieces.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            pieces.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(p for p in pieces if p)


@dataclass
class ObjectChange:
    """How one object differs between the plain and the effsig build."""

    key: str
    objtype: str
    signature: tuple[list[str], list[str]] | None = None
    parameters: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
    returns: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
    other: tuple[str, str] | None = None  # body text less parameter/return fields
    other_diff: str = ""
    body: tuple[str, str] | None = None  # the whole description text, when anything changed
    marks: int = 0


def compare_objects(
    plain: dict[str, DocObject], effsig: dict[str, DocObject]
) -> tuple[list[ObjectChange], list[str], list[str]]:
    """(changed objects, keys in the plain build only, keys in the effsig build only)."""
    changes: list[ObjectChange] = []
    for key, before in plain.items():
        after = effsig.get(key)
        if after is None:
            continue
        change = ObjectChange(key=key, objtype=before.objtype, marks=after.marks)
        if before.signatures != after.signatures:
            change.signature = (before.signatures, after.signatures)
        if before.parameters() != after.parameters():
            change.parameters = (before.parameters(), after.parameters())
        if before.returns() != after.returns():
            change.returns = (before.returns(), after.returns())
        if before.body_other != after.body_other:
            change.other = (before.body_other, after.body_other)
            change.other_diff = word_diff(before.body_other, after.body_other)
        if change.signature or change.parameters or change.returns or change.other:
            change.body = (before.body, after.body)
            changes.append(change)
    only_plain = [k for k in plain if k not in effsig]
    only_effsig = [k for k in effsig if k not in plain]
    return changes, only_plain, only_effsig


def read_warnings(path: Path, replacements: list[tuple[str, str]]) -> list[str]:
    """One entry per warning (its line and the lines up to the next one), paths normalised."""
    if not path.exists():
        return []
    entries: list[str] = []
    for line in path.read_text(errors="replace").splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)
        if not line.strip():
            continue
        if entries and not WARNING_START.match(line):
            entries[-1] += "\n" + line
        else:
            entries.append(line)
    normalised: list[str] = []
    for entry in entries:
        for old, new in replacements:
            entry = entry.replace(old, new)
        entry = re.sub(r"0x[0-9a-fA-F]{6,}", "0x…", entry)
        normalised.append(re.sub(r"\S*sphinx-err-\w+\.log", "<sphinx-err-….log>", entry))
    return normalised


WARNING_START = re.compile(
    r"(\S[^\n]*?:(\d+:)? )?(WARNING|ERROR|CRITICAL|SEVERE|Extension error|Exception occurred)\b"
)


def multiset_difference(a: list[str], b: list[str]) -> list[str]:
    """Entries of ``a`` not in ``b`` (with multiplicity), in ``a``'s order."""
    left = Counter(a) - Counter(b)
    out: list[str] = []
    for entry in a:
        if left[entry] > 0:
            out.append(entry)
            left[entry] -= 1
    return out


# --------------------------------------------------------------------------
# Project setup


@dataclass
class Step:
    """One install step: what, how (the requirement source) and whether it worked."""

    what: str
    source: str
    ok: bool
    detail: str = ""


@dataclass
class Build:
    """One sphinx-build run."""

    name: str
    returncode: int
    wall: float
    cpu: float
    warnings: list[str]
    outdir: str
    error: str = ""
    objects: int = 0
    marks: int = 0
    extension_loaded: bool | None = None  # html: _static/effsig.css was written


@dataclass
class ProjectReport:
    """Everything found for one ``NAME==VERSION``."""

    spec: str
    status: str = "started"
    reason: str = ""
    docs_dir: str = ""
    requirement_source: str = ""
    steps: list[Step] = field(default_factory=list)
    packages: dict[str, str] = field(default_factory=dict)
    probe: dict[str, Any] = field(default_factory=dict)
    builds: dict[str, Build] = field(default_factory=dict)
    changes: list[ObjectChange] = field(default_factory=list)
    only_plain: list[str] = field(default_factory=list)
    only_effsig: list[str] = field(default_factory=list)
    warnings_added: list[str] = field(default_factory=list)
    warnings_removed: list[str] = field(default_factory=list)
    wrapper_check: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)


def split_spec(spec: str) -> tuple[str, str]:
    name, sep, version = spec.partition("==")
    if not sep or not name or not version:
        raise argparse.ArgumentTypeError(f"expected NAME==VERSION, got {spec!r}")
    return name.strip(), version.strip()


def download_sdist(python: str, spec: str, dest: Path, logfile: Path) -> Path | None:
    found = [p for p in dest.glob("*") if p.is_file()] if dest.exists() else []
    if not found:
        dest.mkdir(parents=True, exist_ok=True)
        argv = [python, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        if run_logged([*argv, "-d", dest, spec], logfile, env=pip_env(), timeout=600) != 0:
            return None
        found = [p for p in dest.glob("*") if p.is_file()]
    return found[0] if found else None


def unpack(archive: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(dest)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(dest, filter="data")
    tops = [p for p in dest.iterdir() if p.is_dir()]
    return tops[0] if len(tops) == 1 else dest


def find_conf(src: Path) -> Path | None:
    """The docs' ``conf.py``: a well-known folder first, else the shallowest one."""
    for folder in ("docs", "doc", "docs/source", "doc/source", "documentation", "docs/src"):
        if (src / folder / "conf.py").is_file():
            return src / folder / "conf.py"
    candidates: list[Path] = []
    for conf in src.rglob("conf.py"):
        rel = conf.relative_to(src)
        if len(rel.parts) > 4 or any(
            p in ("tests", "test", "examples", "testing", "site-packages") for p in rel.parts
        ):
            continue
        if re.search(r"^\s*(extensions|project)\s*=", conf.read_text(errors="replace"), re.M):
            candidates.append(conf)
    candidates.sort(key=lambda c: (len(c.parts), any(n in c.parts for n in DOCS_NAMES) is False))
    return candidates[0] if candidates else None


def dependency_group(groups: dict[str, Any], name: str, depth: int = 0) -> list[str]:
    out: list[str] = []
    for item in groups.get(name, []):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and "include-group" in item and depth < 10:
            out.extend(dependency_group(groups, str(item["include-group"]), depth + 1))
    return out


@dataclass
class InstallPlan:
    """The docs requirements a project ships, and where they were found."""

    source: str
    files: list[Path] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def install_plan(src: Path) -> InstallPlan:  # noqa: C901 - one flat check per kind of requirements file, in order of preference
    files = [src / rel for rel in REQUIREMENT_FILES if (src / rel).is_file()]
    if files:
        return InstallPlan(
            source="requirements file " + files[0].relative_to(src).as_posix(),
            files=files[:1],
        )
    pyproject = src / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(errors="replace"))
        except tomllib.TOMLDecodeError:
            data = {}
        groups = data.get("dependency-groups", {})
        for name in ("docs", "doc", "documentation"):
            if name in groups:
                return InstallPlan(
                    source=f"pyproject.toml [dependency-groups] {name}",
                    requirements=dependency_group(groups, name),
                )
        extras = data.get("project", {}).get("optional-dependencies", {})
        for name in ("docs", "doc", "documentation"):
            if name in extras:
                return InstallPlan(
                    source=f"pyproject.toml [project.optional-dependencies] {name}",
                    extras=[name],
                )
    setup_cfg = src / "setup.cfg"
    if setup_cfg.is_file():
        cfg = configparser.ConfigParser(interpolation=None)
        try:
            cfg.read(setup_cfg)
            for name in ("docs", "doc", "documentation"):
                if cfg.has_option("options.extras_require", name):
                    return InstallPlan(
                        source=f"setup.cfg [options.extras_require] {name}", extras=[name]
                    )
        except configparser.Error:
            pass
    tox = src / "tox.ini"
    if tox.is_file():
        cfg = configparser.ConfigParser(interpolation=None)
        try:
            cfg.read(tox)
            for section in ("testenv:docs", "testenv:doc", "testenv:build-docs"):
                if cfg.has_section(section):
                    deps = [
                        d.strip()
                        for d in cfg.get(section, "deps", fallback="").splitlines()
                        if d.strip() and not d.strip().startswith(("#", "-"))
                    ]
                    extras = cfg.get(section, "extras", fallback="").replace(",", " ").split()
                    if deps or extras:
                        return InstallPlan(
                            source=f"tox.ini [{section}]", requirements=deps, extras=extras
                        )
        except configparser.Error:
            pass
    return InstallPlan(
        source="none shipped: sphinx, then what conf.py needs", requirements=["sphinx"]
    )


def requirement_lines(path: Path, depth: int = 0) -> list[str]:
    """The requirements of a requirements file, ``-r`` includes followed."""
    out: list[str] = []
    for raw in path.read_text(errors="replace").splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r", "--requirement")) and depth < 5:
            target = line.split(maxsplit=1)[-1] if " " in line else line[2:]
            out.extend(requirement_lines(path.parent / target.strip(), depth + 1))
        elif line.startswith("-"):
            continue
        else:
            out.append(line)
    return out


PROBE = r'''"""realdocs.py probe: run conf.py as Sphinx does; what does it need that is missing?"""
import importlib, importlib.metadata, json, os, sys, traceback

conf = sys.argv[1]
out = {"missing": [], "extensions": [], "theme": None, "error": None, "sphinx": None}
sys.path.insert(0, os.getcwd())  # as python -m sphinx has it
try:
    import sphinx
    from sphinx.util.tags import Tags

    out["sphinx"] = sphinx.__version__
    tags = Tags()
except Exception:  # sphinx missing: a stand-in
    out["missing"].append("sphinx")

    class Tags:
        def has(self, tag):
            return False

        def add(self, tag):
            pass

        __contains__ = has

    tags = Tags()
ns = {"__file__": conf, "tags": tags}
try:
    with open(conf, "rb") as f:
        exec(compile(f.read(), conf, "exec"), ns)
except ModuleNotFoundError as err:
    out["missing"].append(err.name or str(err))
    out["error"] = traceback.format_exc(limit=3)
except BaseException:
    out["error"] = traceback.format_exc(limit=3)
else:
    out["extensions"] = [e for e in ns.get("extensions", []) if isinstance(e, str)]
    for ext in out["extensions"]:
        try:
            importlib.import_module(ext)
        except ModuleNotFoundError as err:
            out["missing"].append(ext if err.name and ext.startswith(err.name) else err.name)
        except BaseException as err:
            out["error"] = f"import {ext}: {err!r}"
    theme = ns.get("html_theme", "alabaster")
    out["theme"] = theme
    if isinstance(theme, str) and theme not in BUILTIN:
        names = {ep.name for ep in importlib.metadata.entry_points(group="sphinx.html_themes")}
        local = any(
            os.path.isdir(os.path.join(os.path.dirname(conf), p, theme))
            for p in ns.get("html_theme_path", []) or []
        )
        # Themes that an extension registers (pallets_sphinx_themes) are not looked for.
        by_extension = any("theme" in e for e in out["extensions"])
        if theme not in names and not local and not by_extension:
            try:
                importlib.import_module(theme)
            except ImportError:
                out["missing"].append(theme)
print(json.dumps(out))
'''.replace("BUILTIN", repr(sorted(BUILTIN_THEMES)))


def distribution_for(module: str) -> str:
    if module in DISTRIBUTIONS:
        return DISTRIBUTIONS[module]
    top = module.split(".")[0]
    if top == "sphinxcontrib" and "." in module:
        return "sphinxcontrib-" + module.split(".")[1]
    return DISTRIBUTIONS.get(top, top.replace("_", "-"))


class Installer:
    """pip in one venv, every step recorded."""

    def __init__(self, venv: Path, logfile: Path, report: ProjectReport) -> None:
        self.python = venv / "bin" / "python"
        self.logfile = logfile
        self.report = report

    def pip(
        self, args: Sequence[str | Path], what: str, source: str, cwd: Path | None = None
    ) -> bool:
        before = self.logfile.stat().st_size if self.logfile.exists() else 0
        status = run_logged(
            [self.python, "-m", "pip", "install", *args],
            self.logfile,
            cwd=cwd,
            timeout=1200,
            env=pip_env(),
        )
        detail = ""
        if status != 0:
            with self.logfile.open(errors="replace") as f:
                f.seek(before)
                lines = [
                    ln.strip()[:240]
                    for ln in f.read().splitlines()
                    if ("ERROR" in ln or "error:" in ln) and "yanked" not in ln
                ]
            detail = " | ".join(lines[-3:])
        self.report.steps.append(Step(what=what, source=source, ok=status == 0, detail=detail))
        return status == 0

    def probe(self, conf: Path, probe_script: Path) -> dict[str, Any]:
        proc = subprocess.run(
            [str(self.python), str(probe_script), str(conf)],
            cwd=conf.parent,
            capture_output=True,
            text=True,
            timeout=300,
            env=dict(pip_env(), PYTHONHASHSEED="0"),
        )
        lines = proc.stdout.strip().splitlines()
        try:
            result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
        except json.JSONDecodeError:
            result = {}
        if not result:
            result = {"missing": [], "error": (proc.stderr or proc.stdout)[-2000:]}
        return result

    def packages(self) -> dict[str, str]:
        proc = subprocess.run(
            [str(self.python), "-m", "pip", "list", "--format=json"],
            capture_output=True,
            text=True,
            env=pip_env(),
        )
        try:
            return {canonical(p["name"]): p["version"] for p in json.loads(proc.stdout)}
        except (json.JSONDecodeError, KeyError, TypeError):
            return {}


def requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return canonical(match.group(1)) if match else ""


def install_project(
    installer: Installer, name: str, src: Path, conf: Path, plan: InstallPlan, probe_script: Path
) -> None:
    extras = f"[{','.join(plan.extras)}]" if plan.extras else ""
    target = f"{src}{extras}"
    requirements: list[str] = []
    for req in [r for f in plan.files for r in requirement_lines(f)] + plan.requirements:
        if requirement_name(req) == canonical(name) or req.startswith((".", "/")):
            # A pin of the project itself (or its path): the sdist's version is the one.
            installer.report.steps.append(Step(req, plan.source, True, "skipped: the project"))
        else:
            requirements.append(req)
    what = " ".join(["<project>" + extras, *requirements])
    if not installer.pip([target, *requirements], what, plan.source, cwd=src):
        # One at a time: the project, then each requirement.
        if not installer.pip([target], f"<project>{extras}", "project") and extras:
            installer.pip([src], "<project>", "project")
        for req in requirements:
            installer.pip([req], req, plan.source + " (one at a time)", cwd=src)
    tried: set[str] = set()
    for _round in range(8):
        result = installer.probe(conf, probe_script)
        installer.report.probe = result
        wanted: list[tuple[str, str]] = []
        for module in result.get("missing", []):
            dist = "sphinx" if module == "sphinx" else distribution_for(str(module))
            if dist and dist not in tried and dist not in {d for _m, d in wanted}:
                wanted.append((str(module), dist))
        if not wanted:
            break
        for module, dist in wanted:
            tried.add(dist)
            installer.pip([dist], dist, f"conf.py needs {module!r}")


# --------------------------------------------------------------------------
# Builds


WRAPPER = """# Generated by benchmarks/realdocs.py: the project's conf.py, run as Sphinx runs it.
import os as _realdocs_os
import sys as _realdocs_sys

_realdocs_conf = {conf!r}
_realdocs_cwd = _realdocs_os.getcwd()
__file__ = _realdocs_conf
_realdocs_os.chdir(_realdocs_os.path.dirname(_realdocs_conf))
try:
    with open(_realdocs_conf, "rb") as _realdocs_file:
        exec(compile(_realdocs_file.read(), _realdocs_conf, "exec"))
finally:
    _realdocs_os.chdir(_realdocs_cwd)
{append}
del _realdocs_os, _realdocs_sys, _realdocs_conf, _realdocs_cwd, _realdocs_file
"""


def make_confdir(
    dest: Path,
    conf: Path,
    effsig: bool,
    marks: bool,
    extra: Sequence[str] = (),
    modules: dict[str, str] | None = None,
) -> None:
    """A configuration folder whose conf.py runs ``conf``; its other entries symlinked.

    ``extra`` lines are appended to the wrapper (after effsig is added);
    ``modules`` (name -> source) are written into the folder, which goes first
    on ``sys.path``, so that ``extra`` can add them as extensions.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for entry in conf.parent.iterdir():
        if entry.name not in ("conf.py", "__pycache__"):
            (dest / entry.name).symlink_to(entry)
    modules = dict(modules or {})
    append: list[str] = []
    if effsig or marks:
        append.append('extensions = list(globals().get("extensions", []))')
    if effsig:
        append.append(f"extensions.append({EXTENSION!r})")
    if marks:
        append.append('extensions.append("_realdocs_marks")')
        modules["_realdocs_marks"] = MARKS_EXTENSION
    if modules:
        append.insert(0, f"_realdocs_sys.path.insert(0, {str(dest)!r})")
        for name, text in modules.items():
            (dest / f"{name}.py").write_text(text)
    append.extend(extra)
    (dest / "conf.py").write_text(WRAPPER.format(conf=str(conf), append="\n".join(append)))


def run_build(
    name: str,
    python: Path,
    conf: Path,
    confdir: Path | None,
    out: Path,
    builder: str,
    timeout: float,
    replacements: list[tuple[str, str]],
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
) -> Build:
    """``python -m sphinx`` from scratch; ``confdir`` None builds with their own conf.py.

    ``env`` replaces the builds' environment (default: :func:`build_env`);
    ``prefix`` goes between the interpreter and ``-m sphinx`` (``-c SCRIPT``).
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    outdir, doctrees, warnfile = out / builder, out / "doctrees", out / "warnings.txt"
    argv = [str(python), *prefix, "-m", "sphinx", "-b", builder, "-E", "-q", "-T", "-j", "1"]
    if confdir is not None:
        argv += ["-c", str(confdir)]
    argv += ["-d", str(doctrees), "-w", str(warnfile), str(conf.parent), str(outdir)]
    env = build_env() if env is None else env
    logfile = out / "sphinx.log"
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    status = run_logged(argv, logfile, cwd=conf.parent, timeout=timeout, env=env)
    wall = time.perf_counter() - start
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    local = [(str(outdir), "<out>"), (str(doctrees), "<doctrees>"), (str(out), "<build>")]
    if confdir is not None:
        local.append((str(confdir), "<conf>"))
    build = Build(
        name=name,
        returncode=status,
        wall=round(wall, 2),
        cpu=round(cpu, 2),
        warnings=read_warnings(warnfile, sorted(local + replacements, key=lambda r: -len(r[0]))),
        outdir=str(outdir),
    )
    if status != 0:
        lines = [
            ln
            for ln in tail(logfile, 40).splitlines()
            if ln.strip() and not re.match(r"(To report this|Please also report|The full tra)", ln)
        ]
        build.error = "\n".join(lines[-14:])
    return build


def compare_pages(a: Path, b: Path, builder: str) -> list[str]:
    """Pages whose text differs (markers stripped), and pages in one build only."""
    pa, pb = output_pages(a, builder), output_pages(b, builder)
    out = [f"only in {a.parent.name}: {p}" for p in pa if p not in pb]
    out += [f"only in {b.parent.name}: {p}" for p in pb if p not in pa]
    for page in pa:
        if page in pb:
            ta = pa[page].read_text(errors="replace")
            tb = pb[page].read_text(errors="replace")
            if builder == "text":
                ta, tb = strip_marks(ta), strip_marks(tb)
                ta, tb = re.sub(r"\n{3,}", "\n\n", ta), re.sub(r"\n{3,}", "\n\n", tb)
                ta, tb = ta.rstrip() + "\n", tb.rstrip() + "\n"
            if ta != tb:
                out.append(f"differs: {page}")
    return out


# --------------------------------------------------------------------------
# The effsig tree


@dataclass
class EffsigSource:
    """The extension code every venv gets."""

    path: str
    description: str
    digest: str
    wheel: Path | None = None


def snapshot_effsig(source: Path, rev: str | None, workdir: Path, python: str) -> EffsigSource:
    """Copy (or ``git archive``) the effsig tree once and build its wheel."""
    target = workdir / "effsig-src"
    if target.exists():
        shutil.rmtree(target)
    git = ["git", "-C", str(source)]
    if rev:
        sha = subprocess.run(
            [*git, "rev-parse", "--short=10", rev], capture_output=True, text=True, check=True
        ).stdout.strip()
        archive = subprocess.run([*git, "archive", "--format=tar", sha], capture_output=True)
        target.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
        description = f"{source} at commit {sha}"
    else:
        shutil.copytree(source, target, ignore=COPY_IGNORE, symlinks=True)
        head = subprocess.run([*git, "rev-parse", "--short=10", "HEAD"], capture_output=True)
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", EXTENSION, "pyproject.toml"],
            capture_output=True,
        )
        if head.returncode == 0:
            changed = dirty.stdout.decode().splitlines()
            description = f"{source} working tree, HEAD {head.stdout.decode().strip()}" + (
                f" + {len(changed)} uncommitted change(s): "
                + ", ".join(c[3:] for c in changed[:12])
                if changed
                else " (clean)"
            )
        else:
            description = f"{source} (not a git checkout)"
    digest = hashlib.sha256()
    for path in sorted((target / EXTENSION).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(target).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    result = EffsigSource(str(target), description, digest.hexdigest()[:12])
    wheels = workdir / "effsig-wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    status = run_logged(
        [python, "-m", "pip", "wheel", "--no-deps", "-w", wheels, target],
        workdir / "effsig-wheel.log",
        env=pip_env(),
        timeout=600,
    )
    found = sorted(wheels.glob("*.whl")) if status == 0 else []
    result.wheel = found[0] if found else None
    return result


# --------------------------------------------------------------------------
# One project


def run_project(spec: str, args: argparse.Namespace, effsig: EffsigSource) -> ProjectReport:
    """Set up, build and compare one project; its folder removed after, unless ``--keep``."""
    report = ProjectReport(spec=spec)
    name, version = split_spec(spec)
    home = Path(args.workdir) / f"{canonical(name)}-{version}"
    home.mkdir(parents=True, exist_ok=True)
    try:
        compare_project(report, name, home, args, effsig)
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    return report


@dataclass
class Prepared:
    """A project ready to build: its venv (with effsig), sources and conf.py."""

    venv: Path
    src: Path
    conf: Path
    installer: Installer
    replacements: list[tuple[str, str]]  # (path, placeholder) for warnings

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"


def prepare_project(
    report: ProjectReport,
    name: str,
    home: Path,
    python: str,
    reuse_venv: bool,
    effsig: EffsigSource,
) -> Prepared | None:
    """Steps 1-2 of the method: sdist, venv, docs requirements, effsig; None if one failed.

    The reason of a failure is in ``report``.
    """
    spec = report.spec
    logfile = home / "install.log"
    venv = home / "venv"
    reuse = reuse_venv and (venv / ".realdocs-installed").exists()
    if not reuse:
        logfile.write_text("")
    log(f"{spec}: download")
    archive = download_sdist(python, spec, home / "sdist", logfile)
    if archive is None:
        errors = [
            ln[:240]
            for ln in tail(logfile, 20).splitlines()
            if ln.startswith("ERROR") and "yanked" not in ln
        ]
        report.status, report.reason = "failed", "sdist download failed: " + " | ".join(errors)
        return None
    src = unpack(archive, home / "src")
    conf = find_conf(src)
    if conf is None:
        report.status, report.reason = "failed", "no Sphinx conf.py in the sdist"
        return None
    report.docs_dir = conf.parent.relative_to(src).as_posix()
    plan = install_plan(src)
    report.requirement_source = plan.source
    probe_script = home / "probe.py"
    probe_script.write_text(PROBE)
    installer = Installer(venv, logfile, report)
    if not reuse:
        shutil.rmtree(venv, ignore_errors=True)
        log(f"{spec}: venv + install ({plan.source})")
        if run_logged([python, "-m", "venv", venv], logfile) != 0:
            report.status, report.reason = "failed", "venv creation failed: " + tail(logfile, 5)
            return None
        install_project(installer, name, src, conf, plan, probe_script)
        (venv / ".realdocs-installed").write_text(spec)
    else:
        report.steps.append(Step("(venv reused)", "--reuse-venv", True))
        report.probe = installer.probe(conf, probe_script)
    if effsig.wheel is None:
        report.status, report.reason = "failed", "the effsig wheel could not be built"
        return None
    if not (src / ".git").exists():
        # Some docs read the project's history (reno's release notes): a one-commit
        # repository of the sdist, made after the install so that no version
        # computed from git (setuptools-scm) differs from the sdist's.
        git = [
            "git",
            "-C",
            str(src),
            "-c",
            "user.name=realdocs",
            "-c",
            "user.email=realdocs@invalid",
        ]
        ok = run_logged([*git, "init", "-q"], logfile) == 0
        ok = ok and run_logged([*git, "add", "-A"], logfile) == 0
        ok = ok and run_logged([*git, "commit", "-q", "--no-verify", "-m", "sdist"], logfile) == 0
        report.steps.append(Step("git init + one commit of the unpacked sdist", "realdocs", ok))
    installer.pip(["--force-reinstall", "--no-deps", effsig.wheel], EXTENSION, "--effsig")
    report.packages = installer.packages()
    replacements = [
        (str(conf.parent), "<src>"),
        (str(src), "<project>"),
        (str(venv), "<venv>"),
        (str(home), "<home>"),
    ]
    return Prepared(venv, src, conf, installer, replacements)


def install_missing(installer: Installer, warnings: list[str], tried: set[str]) -> bool:
    """Install the modules autodoc could not import (once each); whether any was."""
    missing = {
        m.group(1).split(".")[0]
        for w in warnings
        if "autodoc" in w
        for m in re.finditer(r"No module named '([\w.]+)'", w)
    }
    wanted = {distribution_for(m) for m in missing} - tried - {""}
    for dist in sorted(wanted):
        tried.add(dist)
        installer.pip([dist], dist, "autodoc could not import it: built again")
    if wanted:
        installer.report.packages = installer.packages()
    return bool(wanted)


def compare_project(
    report: ProjectReport, name: str, home: Path, args: argparse.Namespace, effsig: EffsigSource
) -> None:
    spec = report.spec
    prepared = prepare_project(report, name, home, args.python, args.reuse_venv, effsig)
    if prepared is None:
        return
    venv, conf = prepared.venv, prepared.conf
    installer, replacements = prepared.installer, prepared.replacements
    marks = args.builder == "text"
    tried: set[str] = set()
    for build_name in BUILDS:
        confdir = home / f"conf-{build_name}"
        make_confdir(confdir, conf, effsig=build_name == "effsig", marks=marks)
        for _round in range(4):
            log(f"{spec}: build {build_name}")
            build = run_build(
                build_name,
                venv / "bin" / "python",
                conf,
                confdir,
                home / f"build-{build_name}",
                args.builder,
                args.timeout,
                replacements,
            )
            if build_name != "plain":
                break
            # A module autodoc could not import (an optional dependency of the
            # project): install it once and build again.
            if not install_missing(installer, build.warnings, tried):
                break
        if args.builder == "html":
            build.extension_loaded = (Path(build.outdir) / "_static" / "effsig.css").exists()
        report.builds[build_name] = build
    if args.check_wrapper:
        log(f"{spec}: build direct (--check-wrapper)")
        direct = run_build(
            "direct",
            venv / "bin" / "python",
            conf,
            None,
            home / "build-direct",
            args.builder,
            args.timeout,
            replacements,
        )
        report.builds["direct"] = direct
        plain = report.builds["plain"]
        check: dict[str, Any] = {"returncode": direct.returncode}
        if direct.returncode == 0 and plain.returncode == 0:
            check["pages"] = compare_pages(Path(direct.outdir), Path(plain.outdir), args.builder)
            direct_objects = collect_objects(Path(direct.outdir), args.builder)
            direct.objects = len(direct_objects)
            if args.builder == "html":  # (text: their own conf.py prints no markers)
                changes, only_d, only_p = compare_objects(
                    direct_objects, collect_objects(Path(plain.outdir), "html")
                )
                check["objects_changed"] = [c.key for c in changes]
                check["objects_only_direct"] = only_d
                check["objects_only_wrapped"] = only_p
        check["warnings_only_direct"] = multiset_difference(direct.warnings, plain.warnings)
        check["warnings_only_wrapped"] = multiset_difference(plain.warnings, direct.warnings)
        report.wrapper_check = check
    failed = [b.name for b in report.builds.values() if b.returncode != 0 and b.name in BUILDS]
    plain, eff = report.builds["plain"], report.builds["effsig"]
    report.warnings_added = multiset_difference(eff.warnings, plain.warnings)
    report.warnings_removed = multiset_difference(plain.warnings, eff.warnings)
    if "plain" in failed:
        report.status, report.reason = "failed", "the plain build failed"
    else:
        objects = {b: collect_objects(Path(report.builds[b].outdir), args.builder) for b in BUILDS}
        for b in BUILDS:
            report.builds[b].objects = len(objects[b])
            report.builds[b].marks = sum(o.marks for o in objects[b].values())
        if "effsig" in failed:
            report.status, report.reason = "failed", "the effsig build failed"
        else:
            report.status = "compared"
            report.changes, report.only_plain, report.only_effsig = compare_objects(
                objects["plain"], objects["effsig"]
            )
    report.summary = summarise(report)


def summarise(report: ProjectReport) -> dict[str, Any]:
    plain, eff = report.builds.get("plain"), report.builds.get("effsig")
    return {
        "objects": plain.objects if plain else 0,
        "objects_effsig": eff.objects if eff else 0,
        "signatures_changed": sum(1 for c in report.changes if c.signature),
        "parameter_lists_changed": sum(1 for c in report.changes if c.parameters),
        "returns_changed": sum(1 for c in report.changes if c.returns),
        "other_changed": sum(1 for c in report.changes if c.other),
        "objects_changed": len(report.changes),
        "objects_dropped": len(report.only_plain),
        "objects_added": len(report.only_effsig),
        "warnings_added": len(report.warnings_added),
        "warnings_removed": len(report.warnings_removed),
        "marks": eff.marks if eff else 0,
        "plain_wall": plain.wall if plain else None,
        "plain_cpu": plain.cpu if plain else None,
        "effsig_wall": eff.wall if eff else None,
        "effsig_cpu": eff.cpu if eff else None,
    }


# --------------------------------------------------------------------------
# Report


def summary_line(report: ProjectReport) -> str:
    s = report.summary
    if not s:
        return f"SUMMARY {report.spec}: {report.status} ({report.reason})"
    status = "" if report.status == "compared" else f" [{report.status}: {report.reason}]"
    return (
        f"SUMMARY {report.spec}: objects {s['objects']}"
        + (f" (effsig {s['objects_effsig']})" if s["objects_effsig"] != s["objects"] else "")
        + f", signatures changed {s['signatures_changed']}"
        f", parameter lists changed {s['parameter_lists_changed']}"
        f", returns changed {s['returns_changed']}"
        f", other changes {s['other_changed']}"
        f", dropped {s['objects_dropped']}, added {s['objects_added']}"
        f", warnings +{s['warnings_added']}/-{s['warnings_removed']}"
        f", marked params {s['marks']}"
        f", build plain {s['plain_wall']} s wall/{s['plain_cpu']} s CPU"
        f", effsig {s['effsig_wall']} s wall/{s['effsig_cpu']} s CPU" + status
    )


def format_fields(fields: dict[str, list[str]], indent: str) -> list[str]:
    if not fields:
        return [indent + "(none)"]
    lines: list[str] = []
    for label, entries in fields.items():
        lines.append(f"{indent}{label}:")
        lines.extend(f"{indent}  * {e}" for e in entries)
    return lines


def format_field_diff(
    before: dict[str, list[str]], after: dict[str, list[str]], indent: str
) -> list[str]:
    """Field by field, entry by entry: ``=`` in both, ``-`` plain only, ``+`` effsig only."""
    lines: list[str] = []
    for label in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(label, []), after.get(label, [])
        where = (
            ""
            if label in before and label in after
            else (" (plain only)" if label in before else " (effsig only)")
        )
        lines.append(f"{indent}{label}:{where}")
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
            if tag == "equal":
                lines.extend(f"{indent}  = {e}" for e in a[i1:i2])
            else:
                lines.extend(f"{indent}  - {e}" for e in a[i1:i2])
                lines.extend(f"{indent}  + {e}" for e in b[j1:j2])
    return lines


def format_report(report: ProjectReport, full_fields: bool = False) -> str:  # noqa: C901 - one optional line per field of the report
    lines = [
        f"=== {report.spec}",
        f"status: {report.status}" + (f" ({report.reason})" * bool(report.reason)),
    ]
    if report.docs_dir:
        lines.append(f"docs folder: {report.docs_dir}")
    if report.requirement_source:
        lines.append(f"docs requirements: {report.requirement_source}")
    for step in report.steps:
        mark = "skipped" if step.detail.startswith("skipped") else "ok" if step.ok else "FAILED"
        detail = f" -- {step.detail}" if step.detail else ""
        lines.append(f"  install [{mark}] {step.what}  ({step.source}){detail}")
    if report.packages:
        wanted = [
            "sphinx",
            "docutils",
            "sphinxcontrib-effsig",
            canonical(report.spec.split("==")[0]),
        ]
        versions = ", ".join(f"{p} {report.packages[p]}" for p in wanted if p in report.packages)
        lines.append(f"versions: {versions}")
    probe = report.probe
    if probe:
        lines.append(
            f"conf.py: extensions {probe.get('extensions')}, theme {probe.get('theme')!r}"
            + (f", still missing {probe['missing']}" if probe.get("missing") else "")
        )
        if probe.get("error"):
            lines.append(
                "conf.py probe error: " + str(probe["error"]).strip().replace("\n", "\n  ")
            )
    for build in report.builds.values():
        lines.append(
            f"build {build.name}: exit {build.returncode}, {build.wall} s wall, {build.cpu} s CPU,"
            f" {len(build.warnings)} warning(s), {build.objects} objects"
            + {True: ", effsig.css written", False: "", None: ""}[build.extension_loaded]
        )
        if build.error:
            lines.append("  " + build.error.replace("\n", "\n  "))
    if report.wrapper_check:
        check = report.wrapper_check
        problems = {k: v for k, v in check.items() if k != "returncode" and v}
        plain_ok = report.builds["plain"].returncode == 0
        verdict = (
            "not compared (a build failed)"
            if check.get("returncode") != 0 or not plain_ok
            else "DIFFERS"
            if problems
            else "identical"
        )
        lines.append(f"wrapper check (direct build vs wrapped plain build): {verdict}")
        for key, value in problems.items():
            for item in value[:20]:
                lines.append(f"  {key}: {item}")
    for change in report.changes:
        lines.append(f"--- {change.key} ({change.objtype}; {change.marks} marked)")
        if change.signature:
            before, after = change.signature
            lines.extend(f"  signature before: {s}" for s in before)
            lines.extend(f"  signature after:  {s}" for s in after)
        for what, pair in (("parameters", change.parameters), ("returns", change.returns)):
            if pair is None:
                continue
            if full_fields:
                lines.append(f"  {what} before:")
                lines.extend(format_fields(pair[0], "    "))
                lines.append(f"  {what} after:")
                lines.extend(format_fields(pair[1], "    "))
            else:
                lines.append(f"  {what} (= both builds, - plain only, + effsig only):")
                lines.extend(format_field_diff(pair[0], pair[1], "    "))
        if change.other:
            lines.append(f"  other text: {change.other_diff}")
    for key in report.only_plain:
        lines.append(f"--- only in the plain build: {key}")
    for key in report.only_effsig:
        lines.append(f"--- only in the effsig build: {key}")
    for warning in report.warnings_added:
        lines.append("  warning added: " + warning.replace("\n", "\n    "))
    for warning in report.warnings_removed:
        lines.append("  warning removed: " + warning.replace("\n", "\n    "))
    lines.append(summary_line(report))
    return "\n".join(lines)


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


# --------------------------------------------------------------------------
# CLI


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build real projects' docs with and without sphinxcontrib_effsig and "
        "compare them object by object.",
    )
    parser.add_argument("projects", nargs="+", metavar="NAME==VERSION", help="PyPI sdists")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter for the venvs (default: this one)"
    )
    parser.add_argument("--workdir", default="/tmp/effsig-realdocs", help="where everything goes")
    parser.add_argument(
        "--effsig", default=str(ROOT), help="the effsig source tree to install (default: repo)"
    )
    parser.add_argument(
        "--effsig-rev", default=None, help="install this git revision of --effsig instead"
    )
    parser.add_argument("--builder", choices=("html", "text"), default="html")
    parser.add_argument("--json", default=None, metavar="PATH", help="write the full report")
    parser.add_argument("--keep", action="store_true", help="keep sdists, venvs and builds")
    parser.add_argument(
        "--reuse-venv", action="store_true", help="reuse a kept venv (effsig is reinstalled)"
    )
    parser.add_argument(
        "--check-wrapper",
        action="store_true",
        help="also build with their conf.py directly and compare with the wrapped plain build",
    )
    parser.add_argument(
        "--full-fields",
        action="store_true",
        help="print changed parameter/return fields whole, before and after (default: a diff)",
    )
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per build")
    args = parser.parse_args(argv)
    for spec in args.projects:
        try:
            split_spec(spec)
        except argparse.ArgumentTypeError as err:
            parser.error(str(err))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    python = subprocess.run(
        [args.python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    effsig = snapshot_effsig(Path(args.effsig).resolve(), args.effsig_rev, workdir, args.python)
    header = [
        f"effsig: {effsig.description}; package digest {effsig.digest}",
        f"venv python: {args.python} ({python}); builder: {args.builder}",
    ]
    print("\n".join(header), flush=True)
    reports: list[ProjectReport] = []
    for spec in args.projects:
        try:
            report = run_project(spec, args, effsig)
        except Exception as err:  # one broken project must not stop the others
            report = ProjectReport(spec=spec, status="failed", reason=f"realdocs error: {err!r}")
        reports.append(report)
        print("\n" + format_report(report, args.full_fields), flush=True)
        if args.json:
            write_json(Path(args.json), args, effsig, python, reports)
    print("\n" + "\n".join(summary_line(r) for r in reports))
    return 0 if all(r.status == "compared" for r in reports) else 1


def write_json(
    path: Path,
    args: argparse.Namespace,
    effsig: EffsigSource,
    python: str,
    reports: list[ProjectReport],
) -> None:
    data = {
        "effsig": to_json(effsig),
        "python": args.python,
        "python_version": python,
        "builder": args.builder,
        "projects": [to_json(r) for r in reports],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
