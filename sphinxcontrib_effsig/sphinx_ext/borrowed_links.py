"""Hyperlinks in borrowed text, made to stand on their own.

A description borrowed from an owner's docstring may use named hyperlink
references (```supported by most browsers <cookie_>`_``, ```Error
Handlers`_``, ``cookie_``) whose targets (``.. _cookie: https://...``) are
defined elsewhere in that docstring, or in the owner's own documentation.
Copied alone into another page, each would be a docutils error ("Unknown
target name") and a red link. So every reference is rewritten: to an
anonymous link with the target's address where the owner's docstring
defines it, else to its text. A link with its address written in
(```RFC 6265 <https://...>`_``) becomes anonymous too, so that the same
description borrowed twice on one page defines no target twice.

Inline literals and roles are left as they are (roles are made quiet by
:func:`.provenance.quiet_references`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

#: ``.. _name: https://...`` (the name may be quoted in backquotes).
_TARGET: Final = re.compile(r"^\s*\.\. _(?P<name>`[^`]+`|[^:`][^:]*):(?:\s+(?P<uri>\S.*?))?\s*$")
_TOKEN: Final = re.compile(
    r"(?P<literal>``.+?``)"  # inline literal: left alone
    r"|(?P<role>:[A-Za-z][\w.+-]*(?::[\w.+-]+)*:`[^`]+`)"  # a role: left alone
    r"|(?<![\w\\])`(?P<phrase>[^`]+)`(?P<kind>__?)(?![\w])"  # `text`_ / `text <x>`_ / `...`__
    r"|(?<![\w`\\:/.-])(?P<word>[A-Za-z0-9](?:[\w.+-]*[A-Za-z0-9])?)_(?![\w`])",  # name_
    re.DOTALL,
)
_EMBEDDED: Final = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


def link_targets(lines: Iterable[str]) -> dict[str, str]:
    """The external targets a docstring defines, by normalised name -> address.

    Internal targets (``.. _section:`` before a title) and indirect ones
    (``.. _a: b_``) are left out: borrowed text cannot point at them.
    """
    targets: dict[str, str] = {}
    for line in lines:
        match = _TARGET.match(line)
        if match is None or not match["uri"]:
            continue
        uri = match["uri"]
        if uri.endswith("_") and not uri.endswith("\\_"):
            continue
        targets[_normalised(match["name"].strip("`"))] = uri
    return targets


def standalone_links(lines: Sequence[str], targets: dict[str, str]) -> tuple[str, ...]:
    """``lines`` (a borrowed description) with every hyperlink reference
    rewritten to stand outside the docstring it came from."""
    kept = [line for line in lines if _TARGET.match(line) is None]
    text = "\n".join(kept)
    if "_" not in text:
        return tuple(kept)
    return tuple(_TOKEN.sub(lambda m: _rewritten(m, targets), text).split("\n"))


def _rewritten(match: re.Match[str], targets: dict[str, str]) -> str:
    if match["literal"] or match["role"]:
        return match[0]
    if match["word"]:
        return _link(match["word"], targets.get(_normalised(match["word"])))
    phrase = match["phrase"]
    embedded = _EMBEDDED.match(phrase)
    if embedded is None:
        # `Error Handlers`_ names a target; `text`__ an anonymous one elsewhere.
        uri = targets.get(_normalised(phrase)) if match["kind"] == "_" else None
        return _link(phrase, uri)
    text, target = embedded["text"], embedded["target"].strip()
    if target.endswith("_") and not target.endswith("\\_"):
        # `text <name_>`_: a reference to a named target.
        return _link(text or target[:-1], targets.get(_normalised(target[:-1])))
    return _link(text or target, target)


def _link(text: str, uri: str | None) -> str:
    """An anonymous link to ``uri``, or the text alone."""
    if uri is None:
        return text
    return f"`{_escaped(text)} <{uri}>`__"


def _escaped(text: str) -> str:
    return text.replace("<", "\\<").replace("`", "\\`")


def _normalised(name: str) -> str:
    """A reference name as docutils compares them: case and spacing ignored."""
    return " ".join(name.lower().split())
