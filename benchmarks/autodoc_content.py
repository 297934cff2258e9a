"""Record the reST autodoc generates; build the same pages from the record, autodoc-free.

A Sphinx extension for :mod:`machinery` (copied into a generated
configuration folder as ``_effsig_bench_content.py``), driven by three
configuration values:

``effsig_bench_capture = PATH``
    Capture. Every autodoc directive (``automodule``, ``autoclass``, ... any
    directive whose ``run`` is autodoc's) and every ``autosummary`` table is
    recorded, per document in the order they run, as the reST lines it parses
    (for autodoc: the ``StringList`` handed to ``parse_generated_content``,
    with its source/line items, and whether titles are allowed; for
    autosummary: an equivalent ``list-table`` of the rows it builds, plus a
    hidden ``toctree`` of its ``:toctree:`` stubs). Written to PATH as JSON
    when the build finishes. Docstring processors (napoleon,
    sphinx-autodoc-typehints, effsig) have run by then, so their output is in
    the record.
``effsig_bench_replay = PATH``
    Replay. The directives recorded in PATH are registered (at
    ``builder-inited``, so after every other extension) as one directive that
    parses the next recorded block of its document: the same pages as if
    their reST had been written by hand, without importing, introspecting or
    processing anything. Connections to ``autodoc-*`` events by the project's
    own ``setup()`` are accepted and never fire.
    With ``autodoc_typehints = "description"`` (or ``"both"``) autodoc puts
    the annotations into the field lists with a node transform, not in reST:
    the capture records the annotations autodoc noted per document, and the
    replay applies autodoc's own merge function with them (imported, not set
    up as an extension), so the pages keep their typed fields.
``effsig_bench_roles = True``
    Replay of an effsig build: also registers effsig's two roles
    (``effsig-owner``, ``effsig-quiet``), which its reST uses, as a
    hand-written page would need them.
``effsig_bench_report = PATH``
    Replay: what was replayed, what did not match, which extensions ended up
    loaded (JSON, at ``build-finished``).

It needs only Sphinx and docutils (Sphinx 7.x to 9.x).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives as rst_directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, switch_source_input

if TYPE_CHECKING:
    from docutils.parsers.rst.states import RSTState
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Directive names autodoc registers (Sphinx 7-9); the replay registers them all.
AUTODOC_DIRECTIVES = (
    "automodule",
    "autoclass",
    "autoexception",
    "autofunction",
    "autodecorator",
    "automethod",
    "autoattribute",
    "autodata",
    "autoproperty",
    "autonewtypedata",
    "autotype",
)
AUTOSUMMARY = "autosummary"
#: The settings autodoc's typehint merge reads.
TYPEHINT_SETTINGS = ("autodoc_typehints", "autodoc_typehints_description_target")
_CAPTURE_STATE = "_effsig_bench_capture"
_REPLAY_STATE = "_effsig_bench_replay"

Record = dict[str, Any]


def compress(items: Sequence[tuple[Any, Any]]) -> list[list[Any]]:
    """A ``StringList``'s (source, offset) items as runs [source, first offset, count]."""
    runs: list[list[Any]] = []
    for source, offset in items:
        last = runs[-1] if runs else None
        if (
            last is not None
            and last[0] == source
            and isinstance(offset, int)
            and isinstance(last[1], int)
            and last[1] + last[2] == offset
        ):
            last[2] += 1
        else:
            runs.append([source, offset, 1])
    return runs


def expand(runs: Sequence[Sequence[Any]]) -> list[tuple[Any, Any]]:
    """The inverse of :func:`compress`."""
    items: list[tuple[Any, Any]] = []
    for source, first, count in runs:
        if isinstance(first, int):
            items.extend((source, first + i) for i in range(count))
        else:
            items.extend((source, first) for _ in range(count))
    return items


def autosummary_row(
    name: str, sig: str | None, summary: str, real_name: str, escape: Callable[[str], str]
) -> tuple[str, str]:
    """The two cells of one autosummary row, as Sphinx's ``get_table`` writes them."""
    first = f":py:obj:`{name} <{real_name}>`"
    if sig is not None:
        first += f"\\ {escape(sig)}"
    return first, summary


def autosummary_lines(
    rows: Sequence[tuple[str, str]], toctree: Sequence[str], classes: Sequence[str] = ()
) -> list[str]:
    """Hand-written reST for an autosummary table: a ``list-table``, a hidden toctree."""
    lines: list[str] = []
    if rows:
        lines += [
            ".. list-table::",
            "   :class: " + " ".join(["autosummary", "longtable", *classes]),
            "   :widths: 10 90",
            "",
        ]
        for first, second in rows:
            lines.append(f"   * - {first}")
            lines.append(f"     - {second}" if second else "     -")
        lines.append("")
    if toctree:
        lines += [".. toctree::", "   :hidden:", ""]
        lines += [f"   /{docname}" for docname in toctree]
        lines.append("")
    return lines


def _docname(env: BuildEnvironment) -> str:
    current = getattr(env, "current_document", None)
    name = getattr(current, "docname", None)
    return str(name if name is not None else env.docname)


def _annotations(env: BuildEnvironment) -> dict[str, dict[str, str]] | None:
    """The annotations autodoc notes for ``autodoc_typehints`` in the current document."""
    current = getattr(env, "current_document", None)
    if current is not None and hasattr(current, "autodoc_annotations"):
        return current.autodoc_annotations  # type: ignore[no-any-return]  # Sphinx >= 8.2
    found = getattr(env, "temp_data", {}).get("annotations")
    return found if isinstance(found, dict) else None


def parse_block(state: RSTState, content: StringList, titles: bool) -> list[nodes.Node]:
    """Parse generated reST as autodoc does (titles allowed for modules)."""
    with switch_source_input(state, content):
        if titles:
            try:
                from sphinx.util.parsing import nested_parse_to_nodes
            except ImportError:  # Sphinx < 7.4
                from sphinx.util.nodes import nested_parse_with_titles

                section = nodes.section()
                section.document = state.document
                nested_parse_with_titles(state, content, section)
                return list(section.children)
            return list(nested_parse_to_nodes(state, content))
        node = nodes.paragraph()
        node.document = state.document
        state.nested_parse(content, 0, node)
        return list(node.children)


# --------------------------------------------------------------------------
# Capture


class Capture:
    """Records per document, in the order their directives run."""

    def __init__(self) -> None:
        self.pages: dict[str, list[Record]] = {}
        self.stack: list[Record] = []
        #: document -> the annotations autodoc noted for autodoc_typehints (live dicts).
        self.annotations: dict[str, dict[str, dict[str, str]]] = {}

    def begin(self, docname: str, kind: str, name: str, argument: str) -> Record:
        record: Record = {
            "kind": kind,
            "name": name,
            "argument": argument,
            "titles": False,
            "lines": [],
            "items": [],
        }
        self.pages.setdefault(docname, []).append(record)
        return record


def _defining_class(cls: type, attribute: str) -> type:
    for klass in cls.__mro__:
        if attribute in vars(klass):
            return klass
    return cls


def _wrap_autodoc(owner: type, capture: Capture) -> None:
    """Record the content autodoc's ``run`` parses (``parse_generated_content``)."""
    original = owner.run  # type: ignore[attr-defined]
    namespace = original.__globals__
    parse = namespace["parse_generated_content"]

    def run(self: SphinxDirective) -> list[nodes.Node]:
        argument = self.arguments[0] if self.arguments else ""
        docname = _docname(self.env)
        capture.stack.append(capture.begin(docname, "autodoc", self.name, argument))
        try:
            return original(self)  # type: ignore[no-any-return]
        finally:
            capture.stack.pop()
            noted = _annotations(self.env)
            if noted:
                capture.annotations[docname] = noted

    def parse_recorded(state: RSTState, content: StringList, how: Any) -> list[nodes.Node]:
        if capture.stack:
            record = capture.stack[-1]
            record["lines"] = list(content.data)
            record["items"] = compress(content.items)
            # Sphinx 9: a bool; before: the documenter, which says it itself.
            record["titles"] = how if isinstance(how, bool) else bool(how.titles_allowed)
        return parse(state, content, how)  # type: ignore[no-any-return]

    owner.run = run  # type: ignore[attr-defined]
    namespace["parse_generated_content"] = parse_recorded


def _wrap_autosummary(cls: type, capture: Capture) -> None:
    """Record each autosummary table as the rows it builds and its toctree stubs."""
    from sphinx.util.rst import escape

    run0 = cls.run  # type: ignore[attr-defined]
    table0 = cls.get_table  # type: ignore[attr-defined]

    def run(self: SphinxDirective) -> list[nodes.Node]:
        record = capture.begin(_docname(self.env), "autosummary", self.name, "")
        capture.stack.append(record)
        try:
            result: list[nodes.Node] = run0(self)
        finally:
            capture.stack.pop()
        toctree: list[str] = []
        for node in result:
            if type(node).__name__ == "autosummary_toc":
                for tree in node.children:
                    if isinstance(tree, addnodes.toctree):
                        toctree.extend(tree["includefiles"])
        classes = list(self.options.get("class", ()))
        record["lines"] = autosummary_lines(record.pop("rows", []), toctree, classes)
        return result

    def get_table(self: SphinxDirective, items: list[tuple[str, str | None, str, str]]) -> Any:
        if capture.stack:
            capture.stack[-1]["rows"] = [autosummary_row(*item, escape=escape) for item in items]
        return table0(self, items)

    cls.run = run  # type: ignore[attr-defined]
    cls.get_table = get_table  # type: ignore[attr-defined]


def _start_capture(app: Sphinx) -> None:
    if not app.config.effsig_bench_capture:
        return
    capture = Capture()
    setattr(app, _CAPTURE_STATE, capture)
    registry: dict[str, Any] = rst_directives._directives  # type: ignore[attr-defined]
    wrapped: set[type] = set()
    for name, cls in list(registry.items()):
        if not isinstance(cls, type) or not hasattr(cls, "run"):
            continue
        if name == AUTOSUMMARY and cls.__module__.startswith("sphinx.ext.autosummary"):
            if cls not in wrapped:
                _wrap_autosummary(cls, capture)
                wrapped.add(cls)
        elif name.startswith("auto") and cls.run.__module__.startswith("sphinx.ext.autodoc"):
            owner = _defining_class(cls, "run")
            if owner not in wrapped:
                _wrap_autodoc(owner, capture)
                wrapped.add(owner)


def _write_capture(app: Sphinx, exception: BaseException | None) -> None:
    capture = getattr(app, _CAPTURE_STATE, None)
    if exception is not None or not isinstance(capture, Capture):
        return
    typehints = {name: getattr(app.config, name, None) for name in TYPEHINT_SETTINGS}
    data = {
        "pages": capture.pages,
        "annotations": capture.annotations,
        "typehints": typehints,
        "extensions": sorted(app.extensions),
    }
    Path(app.config.effsig_bench_capture).write_text(json.dumps(data))


# --------------------------------------------------------------------------
# Replay


class Replay:
    """The recorded blocks, handed out per document in order; what did not match."""

    def __init__(self, pages: dict[str, list[Record]]) -> None:
        self.pages = pages
        self.cursor: dict[str, int] = {}
        self.replayed = 0
        self.mismatched: list[str] = []

    def next(self, docname: str, name: str, argument: str) -> Record | None:
        index = self.cursor.get(docname, 0)
        self.cursor[docname] = index + 1
        records = self.pages.get(docname, [])
        if index >= len(records):
            self.mismatched.append(f"{docname}: {name} {argument}: nothing recorded")
            return None
        record = records[index]
        if (record["name"], record["argument"]) != (name, argument):
            self.mismatched.append(
                f"{docname}: {name} {argument}: recorded {record['name']} {record['argument']}"
            )
            return None
        self.replayed += 1
        return record

    def left_over(self) -> int:
        return sum(
            max(0, len(records) - self.cursor.get(doc, 0)) for doc, records in self.pages.items()
        )


class _AnyOption(dict[str, Callable[[str], str]]):
    """Accepts every option (as autodoc's directives do)."""

    def __bool__(self) -> bool:
        return True

    def __getitem__(self, _key: str) -> Callable[[str], str]:
        return lambda value: value


def replay_directive(replay: Replay) -> type[SphinxDirective]:
    """A directive that parses the next recorded block of its document."""

    class Replayed(SphinxDirective):
        has_content = True
        required_arguments = 0
        optional_arguments = 1
        final_argument_whitespace = True
        option_spec = _AnyOption()  # type: ignore[assignment]

        def run(self) -> list[nodes.Node]:
            argument = self.arguments[0] if self.arguments else ""
            record = replay.next(_docname(self.env), self.name, argument)
            if record is None or not record["lines"]:
                return []
            lines: list[str] = record["lines"]
            if record["items"]:
                items = expand(record["items"])
            else:
                items = [self.get_source_info()] * len(lines)
            return parse_block(self.state, StringList(lines, items=items), record["titles"])

    return Replayed


def _start_replay(app: Sphinx) -> None:
    if not app.config.effsig_bench_replay:
        return
    data = json.loads(Path(app.config.effsig_bench_replay).read_text())
    replay = Replay(data["pages"])
    setattr(app, _REPLAY_STATE, replay)
    directive = replay_directive(replay)
    names = {r["name"] for records in replay.pages.values() for r in records}
    for name in sorted(names | set(AUTODOC_DIRECTIVES) | {AUTOSUMMARY}):
        app.add_directive(name, directive, override=True)
    if app.config.effsig_bench_roles:
        from sphinxcontrib_effsig.sphinx_ext import provenance

        provenance.connect(app)
    settings = data.get("typehints") or {}
    if data.get("annotations") and settings.get("autodoc_typehints") in ("description", "both"):
        _merge_recorded_typehints(app, data["annotations"], settings)


def _merge_recorded_typehints(
    app: Sphinx, recorded: dict[str, dict[str, dict[str, str]]], settings: dict[str, Any]
) -> None:
    """Types into field lists as autodoc does, from the annotations the capture noted."""
    from types import SimpleNamespace

    from sphinx.ext.autodoc import typehints

    merge = getattr(typehints, "_merge_typehints", None) or typehints.merge_typehints
    config = SimpleNamespace(**settings)

    def merge_recorded(app: Sphinx, domain: str, objtype: str, contentnode: nodes.Element) -> None:
        noted = recorded.get(_docname(app.env), {})
        # autodoc's merge reads only these: the settings and the document's annotations.
        env = SimpleNamespace(
            current_document=SimpleNamespace(autodoc_annotations=noted),
            temp_data={"annotations": noted},
        )
        merge(SimpleNamespace(config=config, env=env), domain, objtype, contentnode)

    app.connect("object-description-transform", merge_recorded)


def _write_report(app: Sphinx, exception: BaseException | None) -> None:
    replay = getattr(app, _REPLAY_STATE, None)
    if not isinstance(replay, Replay) or not app.config.effsig_bench_report:
        return
    data = {
        "replayed": replay.replayed,
        "mismatched": replay.mismatched,
        "left_over": replay.left_over(),
        "extensions": sorted(app.extensions),
        "failed": exception is not None,
    }
    Path(app.config.effsig_bench_report).write_text(json.dumps(data))


def _tolerate_autodoc_events(app: Sphinx) -> None:
    """Let ``app.connect("autodoc-...", ...)`` succeed while autodoc is not loaded."""
    events = app.events
    connect = events.connect

    def tolerant(name: str, callback: Callable[..., Any], priority: int = 500) -> int:
        if name.startswith("autodoc-") and name not in events.events:
            return -1  # autodoc is not loaded: the event never fires
        return connect(name, callback, priority)  # type: ignore[call-overload,no-any-return]

    events.connect = tolerant  # type: ignore[method-assign]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("effsig_bench_capture", "", "")
    app.add_config_value("effsig_bench_replay", "", "")
    app.add_config_value("effsig_bench_roles", False, "")
    app.add_config_value("effsig_bench_report", "", "")
    _tolerate_autodoc_events(app)
    app.connect("builder-inited", _start_capture)
    app.connect("builder-inited", _start_replay)
    app.connect("build-finished", _write_capture)
    app.connect("build-finished", _write_report)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
