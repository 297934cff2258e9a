"""Presenting one effective signature: a table, JSON, or an explanation."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..resolver import EffectiveParameter, EffectiveSignature
from ..resolver.naming import owner_name
from ..resolver.walk.unwrap import wrapper_chain

_KIND_WORDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional-only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional or keyword",
    inspect.Parameter.VAR_POSITIONAL: "variadic positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword-only",
    inspect.Parameter.VAR_KEYWORD: "variadic keyword",
}

HEADINGS = ("parameter", "kind", "default", "annotation", "owner")


def format_annotation(annotation: Any) -> str:
    """An annotation as a reader writes it ('' when there is none)."""
    if annotation is inspect.Parameter.empty:
        return ""
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation)


def format_default(parameter: inspect.Parameter) -> str:
    """The default's ``repr`` ('' when the parameter is required)."""
    if parameter.default is inspect.Parameter.empty:
        return ""
    try:
        return repr(parameter.default)
    except Exception:
        return f"<{type(parameter.default).__name__} object>"


def owner_of(parameter: inspect.Parameter) -> str:
    """The parameter's owner name ('' for a parameter without provenance)."""
    return parameter.owner_name if isinstance(parameter, EffectiveParameter) else ""


def display_name(parameter: inspect.Parameter) -> str:
    """``name``, ``*name`` or ``**name``, as in the signature."""
    if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
        return f"*{parameter.name}"
    if parameter.kind is inspect.Parameter.VAR_KEYWORD:
        return f"**{parameter.name}"
    return parameter.name


def signature_text(sig: inspect.Signature) -> str:
    """``str(sig)``, never raising (a hostile annotation's ``repr`` may)."""
    try:
        return str(sig)
    except Exception as error:
        return f"(<signature not printable: {type(error).__name__}: {error}>)"


def table(sig: inspect.Signature) -> str:
    """The parameters as an aligned plain-text table."""
    rows = [
        (
            display_name(p),
            _KIND_WORDS[p.kind],
            format_default(p),
            format_annotation(p.annotation),
            owner_of(p),
        )
        for p in sig.parameters.values()
    ]
    if not rows:
        return "(no parameters)"
    return _aligned([HEADINGS, tuple("-" * len(h) for h in HEADINGS), *rows])


def _aligned(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    # Separator rows stretch to the column width.
    lines = []
    for index, row in enumerate(rows):
        cells = [
            "-" * widths[c] if index == 1 else row[c].ljust(widths[c]) for c in range(len(row))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def as_text(name: str, sig: EffectiveSignature) -> str:
    """The signature line, the table and, when unresolved, why."""
    parts = [f"{name}{signature_text(sig)}", "", table(sig)]
    if sig.presumed:
        parts += ["", "presumed: the wrapper's arguments are presumed to reach what it wraps."]
        parts += [f"  - {note}" for note in sig.notes]
    elif not sig.resolved:
        parts += ["", "unresolved: the resolver kept what it could not prove."]
        parts += [f"  - {note}" for note in sig.notes]
    return "\n".join(parts)


def as_data(name: str, sig: EffectiveSignature) -> dict[str, Any]:
    """A JSON-ready description of the signature."""
    return {
        "name": name,
        "signature": signature_text(sig),
        "return_annotation": _or_none(format_annotation(sig.return_annotation)),
        "resolved": sig.resolved,
        "presumed": sig.presumed,
        "notes": list(sig.notes),
        "parameters": [
            {
                "name": p.name,
                "kind": p.kind.name,
                "default": (None if p.default is inspect.Parameter.empty else format_default(p)),
                "annotation": _or_none(format_annotation(p.annotation)),
                "owner": _or_none(owner_of(p)),
            }
            for p in sig.parameters.values()
        ],
    }


def _or_none(text: str) -> str | None:
    return text or None


def wrapped_chain(obj: object) -> list[str]:
    """Owner names along ``obj``'s ``__wrapped__`` chain, read without running code.

    A bound method is named by its function, which follows it in the chain.
    """
    names: list[str] = []
    for layer in wrapper_chain(obj):
        if inspect.ismethod(layer):
            continue
        try:
            names.append(owner_name(layer))
        except Exception:
            names.append(type(layer).__name__)
    return names


@dataclass(frozen=True)
class Comparison:
    """How the effective signature differs from ``inspect.signature``'s."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]


def compare(plain: inspect.Signature, sig: inspect.Signature) -> Comparison:
    """Parameters added, removed and changed relative to ``plain``."""
    before = plain.parameters
    after = sig.parameters
    added = tuple(display_name(p) for name, p in after.items() if name not in before)
    removed = tuple(display_name(p) for name, p in before.items() if name not in after)
    changed = []
    for name, new in after.items():
        old = before.get(name)
        if old is None:
            continue
        differences = []
        if old.kind is not new.kind:
            differences.append(f"{_KIND_WORDS[old.kind]} -> {_KIND_WORDS[new.kind]}")
        if format_default(old) != format_default(new):
            differences.append(
                f"default {format_default(old) or '(none)'} -> {format_default(new) or '(none)'}"
            )
        if format_annotation(old.annotation) != format_annotation(new.annotation):
            differences.append(
                f"annotation {format_annotation(old.annotation) or '(none)'}"
                f" -> {format_annotation(new.annotation) or '(none)'}"
            )
        if differences:
            changed.append(f"{display_name(new)}: {', '.join(differences)}")
    return Comparison(added=added, removed=removed, changed=tuple(changed))


def explanation(name: str, obj: object, sig: EffectiveSignature) -> str:
    """What the resolver followed (owners, differences from inspect) and what it could not prove."""
    lines = ["", "How this signature was resolved:"]
    owners: dict[str, list[str]] = {}
    for p in sig.parameters.values():
        owners.setdefault(owner_of(p) or "(unknown owner)", []).append(display_name(p))
    if owners:
        lines.append("  parameters by owner (the function that declares or consumes them):")
        for owner, names in owners.items():
            marker = "  (this callable)" if owner == name else ""
            lines.append(f"    {owner}{marker}: {', '.join(names)}")
    else:
        lines.append("  no parameters")
    chain = wrapped_chain(obj)
    if len(chain) > 1:
        lines.append(f"  __wrapped__ chain, outermost first: {' -> '.join(chain)}")

    try:
        plain = inspect.signature(obj)  # type: ignore[arg-type]
    except Exception as error:
        lines.append(f"  inspect.signature fails here: {type(error).__name__}: {error}")
    else:
        lines.append(f"  inspect.signature says: {signature_text(plain)}")
        diff = compare(plain, sig)
        if diff.added:
            lines.append(f"  only in the effective signature: {', '.join(diff.added)}")
        if diff.removed:
            lines.append(f"  only in inspect.signature: {', '.join(diff.removed)}")
        lines.extend(f"  changed: {change}" for change in diff.changed)
        if str(plain) == str(sig) and not (diff.added or diff.removed or diff.changed):
            lines.append("  same as inspect.signature")

    if sig.resolved:
        lines.append("  resolved: every wrapper was followed; nothing was left unproven.")
    elif sig.presumed:
        lines.append("  presumed (the wrapper declares what it wraps; proven edits applied):")
        lines.extend(f"    - {note}" for note in sig.notes)
    else:
        lines.append("  not proven (kept as *args/**kwargs where they remain):")
        lines.extend(f"    - {note}" for note in sig.notes or ("(the resolver gave no reason)",))
    return "\n".join(lines)
