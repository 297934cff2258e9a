"""Field lists in docstring lines, as autodoc hands them to extensions.

``autodoc-process-docstring`` gives a list of reStructuredText lines, already
dedented (and converted from Google/NumPy style by napoleon when it is on).
Info fields sit at column 0 (``:param retries: How often to try.``) and
continue on indented lines. This module finds those fields, says which
parameter each one is about, and edits the lines in place: removing a
parameter's fields, appending to a description, inserting new fields.

It knows the Python domain's field names: ``param``/``parameter``/``arg``/
``argument``/``keyword``/``kwarg``/``kwparam`` describe a parameter (``:param
int retries:`` gives its type too), ``type``/``paramtype`` give its type.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Self, SupportsIndex

#: Field names that describe a parameter (the Python domain's ``parameter`` field).
PARAM_NAMES: Final = frozenset(
    {"param", "parameter", "arg", "argument", "keyword", "kwarg", "kwparam"}
)
#: Field names that give a parameter's type.
TYPE_NAMES: Final = frozenset({"type", "paramtype", "kwtype"})
#: Field names about the return value.
RETURN_NAMES: Final = frozenset({"returns", "return", "rtype"})

# ":name:" or ":name argument text:" at column 0, then a space or the end.
_FIELD: Final = re.compile(
    r"^:(?P<kind>[^\s:`]+)(?:[ \t]+(?P<arg>[^:`]*(?:`[^`]*`[^:`]*)*))?:(?=\s|$)"
)

# napoleon with ``napoleon_use_param = False`` writes "* **name** (*type*) -- text".
_NAPOLEON_ITEM: Final = re.compile(r"^\s*(?:\* )?\*\*(?P<name>(?:\\?\*){0,2}\w+)\*\*")
_NAPOLEON_SECTIONS: Final = frozenset(
    {"parameters", "keyword arguments", "other parameters", "arguments", "args"}
)


def after_marker(line: str) -> str:
    """The text of a field line after its ``:name arg:`` marker."""
    return _FIELD.sub("", line, count=1).strip()


def normalize(name: str) -> str:
    """A parameter name as written in a field (``\\*\\*kwargs``) -> ``kwargs``."""
    return name.replace("\\", "").lstrip("*").strip()


@dataclass(frozen=True)
class Field:
    """One info field: ``lines[start:end]`` (the field line and its continuation)."""

    start: int
    end: int
    kind: str
    argument: str

    @functools.cached_property
    def parameter(self) -> str | None:
        """The parameter this field is about (``param``/``type`` fields), normalised."""
        if self.kind in PARAM_NAMES or self.kind in TYPE_NAMES:
            words = self.argument.split()
            return normalize(words[-1]) if words else None
        return None

    @property
    def describes_parameter(self) -> bool:
        return self.kind in PARAM_NAMES and self.parameter is not None

    @property
    def gives_type(self) -> bool:
        """``:type x:`` or ``:param int x:``."""
        if self.kind in TYPE_NAMES:
            return True
        return self.kind in PARAM_NAMES and len(self.argument.split()) > 1


class Lines(list[str]):
    """Docstring lines being edited, which remember their fields until they change.

    A handler asks about the same, unchanged lines many times (which
    parameters are described, where a new field goes, ...): :func:`fields`
    parses a ``Lines`` once per edit instead of once per question. Every way
    of changing the list forgets the answer (writing back the lines already
    there changes nothing); a copy made from a ``Lines`` keeps it.
    """

    __slots__ = ("_fields",)

    def __init__(self, lines: Iterable[str] = ()) -> None:
        super().__init__(lines)
        self._fields: list[Field] | None = lines._fields if isinstance(lines, Lines) else None

    def __setitem__(self, index: Any, value: Any, /) -> None:
        # Writing back what is there (a type field rewritten as it was) changes nothing.
        if isinstance(index, slice):
            value = list(value)
        if self[index] != value:
            self._fields = None
        super().__setitem__(index, value)

    def __delitem__(self, *args: Any) -> None:
        self._fields = None
        super().__delitem__(*args)

    # list.__iadd__'s own signature; typeshed exempts it from the same check.
    def __iadd__(self, values: Iterable[str], /) -> Self:  # type: ignore[override, misc]
        self._fields = None
        return super().__iadd__(values)

    def __imul__(self, times: SupportsIndex, /) -> Self:
        self._fields = None
        return super().__imul__(times)

    def append(self, *args: Any) -> None:
        self._fields = None
        super().append(*args)

    def extend(self, *args: Any) -> None:
        self._fields = None
        super().extend(*args)

    def insert(self, *args: Any) -> None:
        self._fields = None
        super().insert(*args)

    def pop(self, *args: Any) -> str:
        self._fields = None
        return super().pop(*args)

    def remove(self, *args: Any) -> None:
        self._fields = None
        super().remove(*args)

    def clear(self) -> None:
        self._fields = None
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._fields = None
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        self._fields = None
        super().reverse()


def fields(lines: Sequence[str]) -> list[Field]:
    """Every info field at column 0, in order (parsed once per edit of :class:`Lines`)."""
    if not isinstance(lines, Lines):
        return _fields(lines)
    if lines._fields is None:
        lines._fields = _fields(lines)
    return list(lines._fields)


def _fields(lines: Sequence[str]) -> list[Field]:
    found: list[Field] = []
    index = 0
    while index < len(lines):
        match = _FIELD.match(lines[index])
        if match is None:
            index += 1
            continue
        end = _field_end(lines, index)
        found.append(Field(index, end, match["kind"], (match["arg"] or "").strip()))
        index = end
    return found


def _field_end(lines: Sequence[str], start: int) -> int:
    """The index after a field's last line (indented continuation lines included)."""
    end = start + 1
    probe = end
    while probe < len(lines):
        line = lines[probe]
        if not line.strip():
            probe += 1
            continue
        if line[0] in " \t":
            probe += 1
            end = probe
            continue
        break
    return end


def described(lines: Sequence[str]) -> set[str]:
    """Names of the parameters the lines describe (``:param x:`` and friends).

    Also recognises napoleon's output with ``napoleon_use_param = False``
    (``:Parameters: **x** (*int*) -- ...``).
    """
    all_fields = fields(lines)
    names = {f.parameter for f in all_fields if f.describes_parameter}
    for field in all_fields:
        label = f"{field.kind} {field.argument}".strip().lower()
        if label not in _NAPOLEON_SECTIONS:
            continue
        first = _FIELD.sub("", lines[field.start])
        for line in [first, *lines[field.start + 1 : field.end]]:
            match = _NAPOLEON_ITEM.match(line)
            if match:
                names.add(normalize(match["name"]))
    return {name for name in names if name}


def typed(lines: Sequence[str]) -> set[str]:
    """Names of the parameters whose type the lines give."""
    return {f.parameter for f in fields(lines) if f.gives_type and f.parameter}


def remove_parameters(lines: list[str], names: Iterable[str]) -> None:
    """Delete the ``param``/``type`` fields of ``names`` (in place)."""
    doomed = set(names)
    for field in reversed(fields(lines)):
        if field.parameter in doomed:
            del lines[field.start : field.end]


def field_for(lines: Sequence[str], name: str, kinds: frozenset[str]) -> Field | None:
    """The first field of one of ``kinds`` about parameter ``name``."""
    for field in fields(lines):
        if field.kind in kinds and field.parameter == name:
            return field
    return None


def append_to_description(lines: list[str], field: Field, text: str) -> None:
    """Add ``text`` at the end of the first paragraph of a field's body.

    A paragraph that introduces a literal block (ends with ``::``) keeps its
    ``::`` last, and an empty body simply becomes ``text``.
    """
    last = field.start
    for index in range(field.start + 1, field.end):
        if not lines[index].strip():
            break
        last = index
    line = lines[last].rstrip()
    if last == field.start and _FIELD.match(line) and _FIELD.sub("", line).strip() == "":
        lines[last] = f"{line} {text}"
    elif line.endswith("::"):
        lines[last] = f"{line[:-2].rstrip()} {text}::"
    else:
        lines[last] = f"{line} {text}"


def parameter_block(name: str, kind: str, body: Sequence[str]) -> list[str]:
    """``:<kind> name: body...`` with continuation lines indented."""
    first, *rest = list(body) or [""]
    block = [f":{kind} {name}: {first}".rstrip()]
    block.extend(f"   {line}" if line.strip() else "" for line in rest)
    while block and not block[-1].strip():
        block.pop()
    return block


def insertion_point(lines: Sequence[str], order: Sequence[str], name: str) -> int:
    """Where a new field for parameter ``name`` goes so fields follow ``order``.

    After the fields of the closest parameter before it in ``order`` that the
    lines describe; else before the closest one after it; else after the last
    parameter field; else before the first return/raises field; else at the
    end.
    """
    all_fields = fields(lines)
    position = order.index(name) if name in order else len(order)
    by_parameter: dict[str, list[Field]] = {}
    for field in all_fields:
        if field.parameter is not None:
            by_parameter.setdefault(field.parameter, []).append(field)
    for before in reversed(order[:position]):
        if before in by_parameter:
            return max(f.end for f in by_parameter[before])
    for after in order[position + 1 :]:
        if after in by_parameter:
            return min(f.start for f in by_parameter[after])
    if by_parameter:
        return max(f.end for group in by_parameter.values() for f in group)
    for field in all_fields:
        if field.kind in RETURN_NAMES or field.kind in {"raises", "raise", "yields", "yield"}:
            return field.start
    if all_fields:
        return all_fields[-1].end
    return len(lines)


def insert_block(lines: list[str], at: int, block: Sequence[str]) -> None:
    """Insert a field block at ``at``, separated from a preceding paragraph."""
    new = list(block)
    if at > 0 and lines[at - 1].strip() and not _in_field_list(lines, at):
        new.insert(0, "")
    if at < len(lines) and lines[at].strip() and not _FIELD.match(lines[at]):
        new.append("")
    lines[at:at] = new


def _in_field_list(lines: Sequence[str], at: int) -> bool:
    """Whether the line before ``at`` belongs to a field (so no blank line is needed)."""
    return any(f.start < at <= f.end for f in fields(lines))


# --- napoleon's parameter lists (``napoleon_use_param = False``) -------------


@dataclass
class ItemList:
    """A napoleon ``:Parameters:`` field: one item per parameter.

    napoleon writes ``:Parameters: **x** (*int*) -- text`` for one parameter
    and a bullet list (``:Parameters: * **x** ...`` then ``* **y** ...``
    aligned under the first bullet) for several. ``items`` holds each
    parameter's name and its text without the bullet, continuation lines
    dedented.
    """

    field: Field
    marker: str
    items: list[tuple[str, list[str]]]

    @property
    def label(self) -> str:
        return self.marker.strip(":").strip().lower()

    def render(self) -> list[str]:
        """The field again, in napoleon's layout."""
        if not self.items:
            return []
        rendered: list[str] = []
        padding = " " * len(self.marker)
        multi = len(self.items) > 1
        for index, (_name, text) in enumerate(self.items):
            lead = self.marker if index == 0 else padding
            prefix = f"{lead} * " if multi else f"{self.marker} "
            indent = " " * len(prefix)
            for number, line in enumerate(text):
                if number == 0:
                    rendered.append(f"{prefix}{line}".rstrip())
                else:
                    rendered.append(f"{indent}{line}" if line.strip() else "")
        while rendered and not rendered[-1].strip():
            rendered.pop()
        return rendered

    def item(self, name: str) -> list[str] | None:
        for item_name, text in self.items:
            if item_name == name:
                return text
        return None


def item_lists(lines: Sequence[str]) -> list[ItemList]:
    """napoleon's parameter-list fields in ``lines``."""
    found: list[ItemList] = []
    for field in fields(lines):
        label = f"{field.kind} {field.argument}".strip().lower()
        if label not in _NAPOLEON_SECTIONS:
            continue
        match = _FIELD.match(lines[field.start])
        if match is None:
            continue
        marker = match.group(0)
        found.append(ItemList(field, marker, _items(lines, field, marker)))
    return found


def _items(lines: Sequence[str], field: Field, marker: str) -> list[tuple[str, list[str]]]:
    body = [lines[field.start][len(marker) :].lstrip(), *lines[field.start + 1 : field.end]]
    first = body[0]
    if not first.startswith("* "):  # a single parameter
        match = _NAPOLEON_ITEM.match(first)
        if match is None:
            return []
        return [
            (normalize(match["name"]), [first, *textwrap.dedent("\n".join(body[1:])).split("\n")])
        ]
    items: list[tuple[str, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(body):
        stripped = line.lstrip()
        starts_item = number == 0 or (
            stripped.startswith("* **") and len(line) - len(stripped) == len(marker) + 1
        )
        if starts_item:
            if current:
                items.append(_item(current))
            current = [stripped[2:]]
        else:
            current.append(line)
    if current:
        items.append(_item(current))
    return [item for item in items if item[0]]


def _item(text: list[str]) -> tuple[str, list[str]]:
    match = _NAPOLEON_ITEM.match(text[0])
    rest = textwrap.dedent("\n".join(text[1:])).split("\n") if len(text) > 1 else []
    while rest and not rest[-1].strip():
        rest.pop()
    return (normalize(match["name"]) if match else "", [text[0], *rest])


def replace_item_list(lines: list[str], item_list: ItemList) -> None:
    """Write an edited item list back over its field."""
    lines[item_list.field.start : item_list.field.end] = item_list.render()


def append_to_first_paragraph(text: list[str], addition: str) -> None:
    """Add ``addition`` at the end of the first paragraph of ``text`` (in place)."""
    last = 0
    for index, line in enumerate(text):
        if not line.strip():
            break
        last = index
    line = text[last].rstrip()
    if line.endswith("::"):
        text[last] = f"{line[:-2].rstrip()} {addition}::"
    else:
        text[last] = f"{line} {addition}".lstrip()
