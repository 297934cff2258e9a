"""autodoc handlers: the effective signature on the signature line, with provenance.

How it hooks in (Sphinx 8.2, Sphinx 9's autodoc and its legacy class-based
implementation behave the same here):

* autodoc emits ``autodoc-before-process-signature`` only when it is about
  to *introspect* an object — never for a signature written in the directive
  or taken from the docstring. :func:`_note_introspection` remembers that.
* ``autodoc-process-signature`` (:func:`_process_signature`, priority 400 so
  it wins over the default-priority listeners such as
  sphinx-autodoc-typehints) then returns the effective signature, rendered
  the way autodoc would, for introspected objects only.
* Parameters owned by something other than the documented object are
  recorded by name; when the Python domain builds the description
  (``object-description-transform``) the matching ``desc_parameter`` nodes
  get an ``effsig_owner`` attribute. Writers ignore unknown attributes, so
  text, LaTeX and man output stay as they were; only the HTML post-transform
  :class:`SignatureProvenance` turns it into ``<abbr class="effsig-param"
  title="from mod.retry">``.
* Source files of every owner and wrapper are noted as dependencies of the
  document, so editing a decorator re-reads the pages that show its effect.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..resolver import source_files
from .render import render_signature, signature_style
from .resolve import accept, decline, effective_for, owned_elsewhere
from .state import build_state, marked_documents

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..resolver import EffectiveSignature

logger = logging.getLogger(__name__)

#: Runs before the default priority (500) of autodoc-process-signature listeners.
SIGNATURE_PRIORITY: Final = 400

#: Node attribute carrying a parameter's owner from reading to writing.
OWNER_ATTRIBUTE: Final = "effsig_owner"
#: CSS class of a parameter that comes from another callable (HTML only).
PARAM_CLASS: Final = "effsig-param"


def _note_introspection(app: Sphinx, obj: object, bound_method: bool) -> None:
    """autodoc is about to introspect ``obj`` (no explicit or docstring signature)."""
    build_state(app).reading.introspected.append(obj)


def _process_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    args: str | None,
    retann: str | None,
) -> tuple[str, str] | None:
    """Give autodoc the effective signature of an introspected callable.

    Where the line cannot be made, the object is left entirely to autodoc:
    its parameter list too, which would otherwise describe a signature the
    page does not show.
    """
    try:
        return _effective_signature_line(app, what, name, obj, args)
    except Exception as exc:  # a failing handler would drop the object from the docs
        logger.debug(
            "[effsig] %s: left to autodoc, no signature line (%s: %s)",
            name,
            type(exc).__name__,
            exc,
        )
        decline(app, what, name, obj)
        return None


def _effective_signature_line(
    app: Sphinx, what: str, name: str, obj: object, args: str | None
) -> tuple[str, str] | None:
    reading = build_state(app).reading
    introspected, reading.introspected = reading.introspected, []
    accept(app)
    if args is None or not any(_is_signature_source(c, obj) for c in introspected):
        # Written in the directive or the docstring, or autodoc could not
        # introspect it (Sphinx 9.1+ cannot even take a signature from this
        # event then): the line, and the parameter list under it, stay autodoc's.
        decline(app, what, name, obj)
        return None
    sig = effective_for(app, what, name, obj)
    if sig is None:
        return None
    _note_dependencies(app, obj, sig)
    # autosummary formats the signature again for its table: the same line.
    key = (what, name, id(obj))
    known = reading.lines.get(key)
    if known is not None and known[0] is sig:
        return known[1]
    line = _line(app, what, name, obj, sig)
    reading.lines[key] = (sig, line)
    return line


def _line(
    app: Sphinx, what: str, name: str, obj: object, sig: EffectiveSignature
) -> tuple[str, str]:
    state = build_state(app)
    reading = state.reading
    if what == "decorator" and len(sig.parameters) == 1:
        return "", ""  # autodoc shows single-argument decorators bare
    if reading.style is None:
        reading.style = signature_style(app)
    foreign = owned_elsewhere(what, name, obj, sig)
    line = render_signature(sig, reading.style, what, reading.annotation_texts, foreign)
    if foreign and state.settings.provenance_in_signature:
        reading.owners[name] = foreign
    return line


def _is_signature_source(candidate: object, obj: object) -> bool:
    """Whether autodoc introspecting ``candidate`` is introspecting ``obj``'s signature."""
    if candidate is obj:
        return True
    if not isinstance(obj, type):
        return False
    for holder, attribute in ((obj, "__init__"), (obj, "__new__"), (type(obj), "__call__")):
        try:
            method = getattr(holder, attribute)
        except Exception:
            continue
        if candidate is method or candidate == method:
            return True
    return False


def _note_dependencies(app: Sphinx, obj: object, sig: EffectiveSignature) -> None:
    """Re-read this document when a wrapper's or an owner's source changes."""
    env = app.env
    reading = build_state(app).reading
    noted = reading.noted
    docname = env.docname
    known = reading.dependency_files.get(id(sig))
    if known is not None and known[0] is sig:
        filenames = known[1]
    else:
        filenames = sorted(source_files(obj, sig))
        reading.dependency_files[id(sig)] = (sig, filenames)
    for filename in filenames:
        if (docname, filename) not in noted:
            noted.add((docname, filename))
            env.note_dependency(filename)


def _mark_parameters(app: Sphinx, domain: str, objtype: str, content: nodes.Element) -> None:
    """Tag the parameters of the description just built with their owner."""
    if domain != "py":
        return
    try:
        owned = build_state(app).reading.owners
        description = content.parent
        if description is None:
            return
        if not owned:
            return
        for signode in description.children:
            if not isinstance(signode, addnodes.desc_signature):
                continue
            module = signode.get("module") or ""
            fullname = signode.get("fullname") or ""
            full = f"{module}.{fullname}" if module else fullname
            owners = owned.get(full)
            if owners and _tag(signode, owners):
                marked_documents(app.env).add(app.env.docname)
    except Exception as exc:
        logger.debug("[effsig] could not mark parameter owners: %s", exc)


def _tag(signode: addnodes.desc_signature, owners: dict[str, str]) -> bool:
    params = [(param, _parameter_name(param)) for param in _parameters(signode)]
    shown = {name for _param, name in params if name}
    if not set(owners) <= shown:
        return False  # not the signature we produced (explicit, or overloads)
    marked = False
    for param, name in params:
        if name in owners:
            param[OWNER_ATTRIBUTE] = owners[name]
            marked = True
    return marked


def _parameters(signode: addnodes.desc_signature) -> list[addnodes.desc_parameter]:
    """The parameters of a signature line (in its parameter list, optional groups included)."""
    found: list[addnodes.desc_parameter] = []
    stack: list[nodes.Node] = [
        child for child in signode.children if isinstance(child, addnodes.desc_parameterlist)
    ]
    while stack:
        node = stack.pop()
        if isinstance(node, addnodes.desc_parameter):
            found.append(node)
        elif isinstance(node, (addnodes.desc_parameterlist, addnodes.desc_optional)):
            stack.extend(reversed(node.children))
    return found


def _parameter_name(param: addnodes.desc_parameter) -> str:
    for child in param.findall(addnodes.desc_sig_name):
        return str(child.astext())
    return ""


class SignatureProvenance(SphinxPostTransform):
    """HTML only: ``<abbr class="effsig-param" title="from mod.retry">`` around
    each parameter that comes from another callable."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if self.env.docname not in marked_documents(self.env):
            return
        for signode in _signatures(self.document):
            for param in _parameters(signode):
                owner = param.get(OWNER_ATTRIBUTE)
                if not owner:
                    continue
                try:
                    _wrap_in_tooltip(param, str(owner))
                except Exception as exc:  # never break a build over a tooltip
                    logger.debug("[effsig] no provenance mark for %s: %s", owner, exc)


def _signatures(document: nodes.Node) -> Iterator[addnodes.desc_signature]:
    """Every ``desc_signature`` of ``document``, without entering text.

    Paragraphs, literal blocks and field lists (parameter descriptions) hold
    most of a page's nodes and never contain an object description, so they
    are skipped instead of visited node by node.
    """
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, addnodes.desc_signature):
            yield node
        elif isinstance(node, nodes.Element) and not isinstance(node, _NO_DESCRIPTIONS):
            stack.extend(reversed(node.children))


#: Nodes that never hold an object description.
_NO_DESCRIPTIONS: Final = (nodes.TextElement, nodes.field_list)


def _wrap_in_tooltip(param: addnodes.desc_parameter, owner: str) -> None:
    children = list(param.children)
    param.clear()
    abbr = nodes.abbreviation("", "", *children, explanation=f"from {owner}")
    abbr["classes"].append(PARAM_CLASS)
    param.append(abbr)


def connect(app: Sphinx) -> None:
    """Connect the handlers (called by the extension's ``setup``)."""
    app.connect("autodoc-before-process-signature", _note_introspection)
    app.connect("autodoc-process-signature", _process_signature, priority=SIGNATURE_PRIORITY)
    app.connect("object-description-transform", _mark_parameters)
    app.add_post_transform(SignatureProvenance)
