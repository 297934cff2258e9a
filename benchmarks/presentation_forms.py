"""Three ways to present the parameters effsig adds, as rewrites of recorded reST.

:mod:`presentations` records the reST autodoc generates in an effsig build
(:mod:`autodoc_content`'s record) and builds it in three forms. Only the
parameters effsig added are rewritten: the entries effsig cites with its
owner role — ``(from :effsig-owner:`X`)`` on an entry, or ``(this and the
next 2: from :effsig-owner:`X`)`` on the first of a run of entries of one
owner — unless the plain build's record describes the same parameter of the
same object (then the docstring wrote the entry, not effsig):

``per-parameter``  as recorded: one ``:param name:`` entry each, the owner
                   cited once per run (what effsig renders);
``grouped``        one ``:Accepted from: <owner>`` field per owner, in the place
                   of its first entry, listing name, type and description of
                   each of its parameters as a bullet list;
``also-accepts``   one paragraph after the field list, "Also accepts ``a``,
                   ``b`` (from <owner>).": names and owners only.

Pure functions of the record's lines (no Sphinx), so the rewrite is tested
on inline reST.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sphinxcontrib_effsig.sphinx_ext import fieldlines

VARIANTS = ("per-parameter", "grouped", "also-accepts")
#: effsig's citation (``provenance.citation``), with the space before it.
CITATION = re.compile(
    r" ?\((?:this and the next (?P<followers>one|\d+): )?"
    r"from :effsig-owner:`(?P<owner>[^`]+)`\)"
)
_DIRECTIVE = re.compile(r"^(?P<indent> *)\.\. py:(?P<kind>\w+):: ?(?P<signature>.*)$")
_MODULE = re.compile(r"^\s+:module: (?P<module>\S+)\s*$")


@dataclass(frozen=True)
class Body:
    """The content of one object directive: ``lines[start:end]``, indented by ``indent``."""

    name: str  # the full dotted name, as autodoc's annotations are keyed
    start: int
    end: int
    indent: int


def bodies(lines: Sequence[str]) -> list[Body]:
    """Each ``.. py:*::`` directive's own content (options and nested objects excluded)."""
    starts = [i for i, line in enumerate(lines) if _DIRECTIVE.match(line)]
    found: list[Body] = []
    for index in starts:
        match = _DIRECTIVE.match(lines[index])
        assert match is not None
        indent = len(match["indent"])
        name = re.split(r"[(\[ ]", match["signature"].strip(), maxsplit=1)[0]
        start = index + 1
        module = ""
        while start < len(lines) and lines[start].strip():  # signatures, options
            option = _MODULE.match(lines[start])
            if option:
                module = option["module"]
            start += 1
        end = start
        while end < len(lines):
            line = lines[end]
            if _DIRECTIVE.match(line):
                break
            if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
                break
            end += 1
        content = [ln for ln in lines[start:end] if ln.strip()]
        if not content:
            continue
        found.append(
            Body(
                name=f"{module}.{name}" if module else name,
                start=start,
                end=end,
                indent=min(len(ln) - len(ln.lstrip(" ")) for ln in content),
            )
        )
    return found


@dataclass
class Added:
    """A parameter entry effsig added, with what a reader learns from it."""

    name: str  # as the entry writes it: ``retries``, ``\\*\\*options``
    owner: str
    entry: fieldlines.Field
    type_fields: list[fieldlines.Field] = field(default_factory=list)
    description: list[str] = field(default_factory=list)  # citation removed
    type: str = ""
    cited: bool = False  # the entry carrying its run's citation

    @property
    def shown(self) -> str:
        """The name as code: ``**options``."""
        return self.name.replace("\\", "")


def _followers(text: str | None) -> int:
    if text is None:
        return 0
    return 1 if text == "one" else int(text)


def added_entries(lines: Sequence[str], documented: set[str] | frozenset[str]) -> list[Added]:
    """The entries effsig added to dedented field-list ``lines``, in order.

    ``documented`` names the parameters the plain build's record describes
    for the same object: those entries are the docstring's, left alone.
    """
    found = fieldlines.fields(lines)
    entries = [f for f in found if f.describes_parameter]
    added: list[Added] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        text = lines[entry.start : entry.end]
        match = next((m for m in map(CITATION.search, text) if m), None)
        if match is None:
            index += 1
            continue
        run = entries[index : index + 1 + _followers(match["followers"])]
        for member in run:
            if member.parameter in documented:
                continue
            types = [f for f in found if f.kind in fieldlines.TYPE_NAMES]
            types = [f for f in types if f.parameter == member.parameter]
            words = member.argument.split()
            typed = " ".join(words[:-1])
            if not typed and types:
                typed = " ".join(
                    [fieldlines.after_marker(lines[types[0].start])]
                    + [ln.strip() for ln in lines[types[0].start + 1 : types[0].end]]
                ).strip()
            body = [fieldlines.after_marker(lines[member.start])]
            body += _dedent(lines[member.start + 1 : member.end])
            body = [CITATION.sub("", ln) for ln in body]
            added.append(
                Added(
                    name=words[-1],
                    owner=match["owner"],
                    entry=member,
                    type_fields=types,
                    description=body if any(ln.strip() for ln in body) else [],
                    type=typed,
                    cited=member is entry,
                )
            )
        index += len(run)
    return added


def _dedent(lines: Sequence[str]) -> list[str]:
    content = [ln for ln in lines if ln.strip()]
    if not content:
        return ["" for _ in lines]
    cut = min(len(ln) - len(ln.lstrip(" ")) for ln in content)
    return [ln[cut:] if ln.strip() else "" for ln in lines]


def _owners(added: Sequence[Added]) -> dict[str, list[Added]]:
    """The added entries by owner, owners in the order of their first entry."""
    by_owner: dict[str, list[Added]] = {}
    for entry in added:
        by_owner.setdefault(entry.owner, []).append(entry)
    return by_owner


def grouped_block(owner: str, entries: Sequence[Added], types: Mapping[str, str]) -> list[str]:
    """``:Accepted from: <owner>`` and a bullet item per parameter: name (type) -- text."""
    block = [f":Accepted from: :effsig-owner:`{owner}`", ""]
    for entry in entries:
        head = f"**{entry.name}**"
        typed = entry.type or types.get(fieldlines.normalize(entry.name), "")
        if typed:
            head += f" ({typed})"
        first, *rest = entry.description or [""]
        block.append(f"   - {head} -- {first}" if first else f"   - {head}")
        block.extend(f"     {ln}" if ln.strip() else "" for ln in rest)
    return [*block, ""]


def also_accepts(added: Sequence[Added]) -> str:
    """ "Also accepts ``a``, ``b`` (from <owner>); ``c`` (from <other>)."."""
    parts = [
        ", ".join(f"``{e.shown}``" for e in entries) + f" (from :effsig-owner:`{owner}`)"
        for owner, entries in _owners(added).items()
    ]
    return "Also accepts " + "; ".join(parts) + "."


def _list_end(
    found: Sequence[fieldlines.Field], last: fieldlines.Field, lines: Sequence[str]
) -> int:
    """The end of the field list ``last`` belongs to (fields apart by blank lines only)."""
    at = found.index(last)
    end = last.end
    for following in found[at + 1 :]:
        if any(ln.strip() for ln in lines[end : following.start]):
            break
        end = following.end
    return end


def rewrite(
    lines: Sequence[str],
    variant: str,
    documented: set[str] | frozenset[str] = frozenset(),
    types: Mapping[str, str] | None = None,
) -> tuple[list[tuple[str, int]], list[Added]]:
    """Dedented field-list ``lines`` in ``variant``'s presentation; what was rewritten.

    Each output line comes with the index of the input line it stands for
    (for the record's source items). ``types`` are annotations by parameter
    name, shown in the grouped form when no field gives a type (autodoc
    merges them into the fields of the other forms).
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown presentation {variant!r}")
    added = added_entries(lines, documented)
    if variant == "per-parameter" or not added:
        return [(ln, i) for i, ln in enumerate(lines)], added
    doomed: set[int] = set()
    for entry in added:
        for f in [entry.entry, *entry.type_fields]:
            doomed.update(range(f.start, f.end))
    inserts: dict[int, list[str]] = {}
    if variant == "grouped":
        for owner, entries in _owners(added).items():
            at = entries[0].entry.start
            inserts.setdefault(at, []).extend(grouped_block(owner, entries, types or {}))
    else:
        found = fieldlines.fields(lines)
        at = _list_end(found, added[-1].entry, lines)
        inserts[at] = ["", also_accepts(added), ""]
    out: list[tuple[str, int]] = []
    for index in range(len(lines) + 1):
        block = inserts.get(index, [])
        if block:
            origin = min(index, len(lines) - 1)
            after = next((i for i in range(index, len(lines)) if i not in doomed), len(lines))
            if not out or not out[-1][0].strip():
                block = block[1:] if not block[0] else block
            if block[-1] == "" and (after == len(lines) or not lines[after].strip()):
                block = block[:-1]  # a blank line follows anyway
            out.extend((ln, origin) for ln in block)
        if index < len(lines) and index not in doomed:
            out.append((lines[index], index))
    return out, added


@dataclass
class Information:
    """What a reader learns about the added parameters, counted per presentation."""

    parameters: int = 0  # names shown
    descriptions: int = 0
    types: int = 0
    citations: int = 0  # owner citations
    elsewhere: int = 0  # citations not on a ``:param`` field (napoleon lists): left as recorded

    def add(self, other: Information) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def information(variant: str, added: Sequence[Added], types: Mapping[str, str]) -> Information:
    """What ``variant`` tells a reader about ``added``."""
    typed = sum(1 for e in added if e.type or fieldlines.normalize(e.name) in types)
    described = sum(1 for e in added if e.description)
    if variant == "per-parameter":
        return Information(len(added), described, typed, sum(1 for e in added if e.cited))
    if variant == "grouped":
        return Information(len(added), described, typed, len(_owners(added)))
    return Information(len(added), 0, 0, len(_owners(added)))


@dataclass
class Rewritten:
    """One record's lines and source items in a presentation, and what it showed."""

    lines: list[str]
    items: list[tuple[object, object]]
    dropped: dict[str, set[str]]  # object -> parameters whose annotations must not merge
    shown: Information


def rewrite_record(
    lines: Sequence[str],
    items: Sequence[tuple[object, object]],
    variant: str,
    documented: Mapping[str, set[str]],
    annotations: Mapping[str, Mapping[str, str]] | None,
) -> Rewritten:
    """A recorded block in ``variant``: each object's content rewritten (see :func:`rewrite`).

    ``documented``: per object, the parameters the plain record describes;
    ``annotations``: autodoc's per object, when it merges them into the
    fields (``autodoc_typehints = "description"``), else None.
    """
    items = list(items) if items else [("", None)] * len(lines)
    out_lines: list[str] = []
    out_items: list[tuple[object, object]] = []
    dropped: dict[str, set[str]] = {}
    shown = Information()
    cursor = 0
    for body in bodies(lines):
        out_lines += lines[cursor : body.start]
        out_items += items[cursor : body.start]
        cut = body.indent
        own = [ln[cut:] if ln.strip() else "" for ln in lines[body.start : body.end]]
        types = dict((annotations or {}).get(body.name, {}))
        new, added = rewrite(own, variant, documented.get(body.name, set()), types)
        for text, origin in new:
            out_lines.append(" " * cut + text if text.strip() else "")
            out_items.append(items[body.start + origin])
        shown.add(information(variant, added, types))
        shown.elsewhere += _cited_elsewhere(own)
        if added and variant != "per-parameter" and annotations is not None:
            dropped[body.name] = {fieldlines.normalize(e.name) for e in added}
        cursor = body.end
    out_lines += lines[cursor:]
    out_items += items[cursor:]
    return Rewritten(out_lines, out_items, dropped, shown)


def _cited_elsewhere(lines: Sequence[str]) -> int:
    """Citations outside ``:param`` entries (napoleon's item lists): left as recorded."""
    entries = [f for f in fieldlines.fields(lines) if f.describes_parameter]
    inside = {i for f in entries for i in range(f.start, f.end)}
    return sum(1 for i, ln in enumerate(lines) if i not in inside and CITATION.search(ln))


def documented_parameters(lines: Sequence[str]) -> dict[str, set[str]]:
    """Per object of a (plain) record, the parameters its fields describe."""
    out: dict[str, set[str]] = {}
    for body in bodies(lines):
        own = [ln[body.indent :] if ln.strip() else "" for ln in lines[body.start : body.end]]
        out.setdefault(body.name, set()).update(fieldlines.described(own))
    return out
