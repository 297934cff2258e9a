"""Who owns a parameter, and how the parameter list cites that owner.

A parameter of an effective signature is *foreign* when something other than
the documented object declares it — the decorator that added it, the
function a ``partial`` wraps (which parameters those are is decided once, by
:func:`..resolve.owned_elsewhere`, for the signature line and the parameter
list alike). Foreign parameters are cited in the parameter list as "from
``myapp.retry``" through the ``effsig-owner`` role defined here: a Python
cross-reference that links when the owner is documented — in this project
or, through intersphinx, in another — and stays silent when it isn't, even
with ``nitpicky = True``.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from docutils.parsers.rst import roles
from sphinx import addnodes
from sphinx.util.docutils import SphinxRole

from ..resolver import EffectiveParameter

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.application import Sphinx
    from sphinx.domains import Domain

#: The role the parameter list uses to cite an owner: ``:effsig-owner:`myapp.retry```.
OWNER_ROLE: Final = "effsig-owner"
#: Wraps a role in borrowed text: ``:effsig-quiet:`py:class colours.Palette```.
QUIET_ROLE: Final = "effsig-quiet"
# A role in reST text: ":class:`Palette`", ":py:func:`~mod.f`", ":ref:`title <label>`".
_ROLE_IN_TEXT: Final = re.compile(
    r"(?<![\\\w`]):(?P<role>[A-Za-z][\w.+-]*(?::[\w.+-]+)*):`(?P<text>[^`]+)`"
)
#: Marks the cross-references this extension creates (so only they are silenced).
MARKER: Final = "effsig_owner"
#: Constructors are cited by their class: ``myapp.Base.__init__`` -> ``myapp.Base``.
_CONSTRUCTORS: Final = (".__init__", ".__new__", ".__call__")


def cited_name(param: EffectiveParameter) -> str:
    """The dotted name a reader is pointed to for ``param``'s owner."""
    name = param.owner_name
    for suffix in _CONSTRUCTORS:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def citation(param: EffectiveParameter, followers: int = 0) -> str:
    """reStructuredText saying where ``param`` comes from: ``(from <owner>)``.

    With ``followers``, the entries after it come from the same owner:
    ``(this and the next 2: from <owner>)``.
    """
    owner = f":{OWNER_ROLE}:`{cited_name(param)}`"
    if followers == 0:
        return f"(from {owner})"
    following = "the next one" if followers == 1 else f"the next {followers}"
    return f"(this and {following}: from {owner})"


def lookup(dotted: str) -> object | None:
    """The object named ``dotted``, from modules already imported (never imports).

    Attributes are read statically (no descriptors run); a ``staticmethod``
    or ``classmethod`` found in a class gives its function.
    """
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is None:
            continue
        current: Any = module
        for attribute in parts[cut:]:
            try:
                current = inspect.getattr_static(current, attribute)
            except AttributeError:
                return None
            if isinstance(current, staticmethod | classmethod):
                current = current.__func__
        return current  # type: ignore[no-any-return]
    return None


class OwnerRole(SphinxRole):
    """``:effsig-owner:`myapp.retry``` — a quiet Python cross-reference to an owner.

    The reference accepts any Python object type (``py:obj``), so a
    decorator documented with ``autofunction``, ``autodecorator`` or
    ``autoclass`` — here or in an intersphinx inventory — is found. When it
    is not found the name stays as code, without a warning.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        target = self.text.strip()
        reference = addnodes.pending_xref(
            self.rawtext,
            refdomain="py",
            reftype="obj",
            reftarget=target,
            refexplicit=False,
            refwarn=False,
            refdoc=self.env.docname,
        )
        reference[MARKER] = True
        reference += nodes.literal(target, target, classes=["xref", "py", "py-obj"])
        self.set_source_info(reference)
        return [reference], []


def quiet_references(lines: Sequence[str]) -> tuple[str, ...]:
    """Borrowed text whose cross-references link where they can, and never warn.

    A decorator's docstring may refer to names of its own project that the
    project documenting the decorated function does not document; under
    ``nitpicky``/``-W`` each would be an error effsig brought in. Every role
    is wrapped in :class:`QuietRole`, which runs it and silences what it
    could not resolve.
    """
    return tuple(
        _ROLE_IN_TEXT.sub(lambda m: f":{QUIET_ROLE}:`{m['role']} {m['text']}`", line)
        for line in lines
    )


class QuietRole(SphinxRole):
    """``:effsig-quiet:`py:class colours.Palette``` — that role, without its warnings."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        name, _, text = self.text.partition(" ")
        role, messages = roles.role(name, self.inliner.language, self.lineno, self.inliner.reporter)
        if role is None:
            return [nodes.literal(text, text)], []
        result, problems = role(name, f":{name}:`{text}`", text, self.lineno, self.inliner, {}, [])
        for node in result:
            if isinstance(node, nodes.Element):
                for reference in node.findall(addnodes.pending_xref):
                    reference[MARKER] = True
        return result, [*messages, *problems]


def silence_owner_references(
    app: Sphinx, domain: Domain | None, node: nodes.Element
) -> bool | None:
    """``warn-missing-reference``: an undocumented owner is not an error."""
    return True if node.get(MARKER) else None


def connect(app: Sphinx) -> None:
    """Register the owner role and silence its unresolved references."""
    app.add_role(OWNER_ROLE, OwnerRole(), override=True)
    app.add_role(QUIET_ROLE, QuietRole(), override=True)
    app.connect("warn-missing-reference", silence_owner_references)
