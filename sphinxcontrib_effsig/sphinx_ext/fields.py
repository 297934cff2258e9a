"""The parameter list of a documented callable: effective parameters only.

Two autodoc events, both after priority 500 (so after autodoc's own record
of type hints, napoleon and sphinx-autodoc-typehints):

``autodoc-process-signature``
    replaces autodoc's recorded annotations with the effective signature's
    (``autodoc_typehints = "description"``/``"both"``).
``autodoc-process-docstring``
    removes the fields of parameters the caller cannot pass (a decorator
    supplies them), cites the owner of each parameter that comes from
    somewhere else ("from ``myapp.retry``"), borrows the owner's description
    when the docstring has none, and corrects sphinx-autodoc-typehints'
    type fields.

Every handler is guarded: on any error the docstring is left as the other
extensions made it, with a debug log.
"""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, ParamSpec

from sphinx.util import logging

from ..resolver import EffectiveParameter, EffectiveSignature
from ..resolver.code_names import named_parameters
from . import fieldlines, owner_docs, provenance, typehints
from .resolve import effective_for, owned_elsewhere
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: After autodoc's ``record_typehints``, napoleon and sphinx-autodoc-typehints (500).
PRIORITY: Final = 600
_VARIADIC: Final = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)

P = ParamSpec("P")


def guarded(handler: Callable[P, None]) -> Callable[P, None]:
    """Run an event handler; on any error log it at debug level and carry on."""

    @functools.wraps(handler)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            handler(*args, **kwargs)
        except Exception as exc:
            logger.debug(
                "[effsig] %s failed (%s: %s); output left as autodoc made it",
                handler.__name__,
                type(exc).__name__,
                exc,
                exc_info=True,
            )

    return run


@guarded
def record_effective_annotations(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    args: str | None,
    retann: str | None,
) -> None:
    """``autodoc-process-signature``: the recorded type hints become the effective ones."""
    if not typehints.describes_types(app):
        return
    sig = effective_for(app, what, name, obj)
    if sig is not None:
        typehints.rewrite_recorded(app, what, name, sig)


@guarded
def rewrite_parameter_fields(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """``autodoc-process-docstring``: the parameter list of the effective signature.

    The lines are edited on a copy and replaced at the end, so a failure
    leaves them exactly as the other extensions made them.
    """
    sig = effective_for(app, what, name, obj)
    if sig is None:
        return
    first_part = _first_part(app, name, options)
    later = owner_docs.documented_later(app, what, name, obj, options) if first_part else set()
    # autosummary hands the docstring over too, for its table: the same edit.
    key = (what, name, id(obj), first_part, frozenset(later), tuple(lines))
    rewritten = build_state(app).reading.rewritten
    known = rewritten.get(key)
    if known is not None and known[0] is sig:
        lines[:] = known[1]
        return
    foreign = owned_elsewhere(what, name, obj, sig)
    edited = fieldlines.Lines(lines)
    supplied = _supplied(edited, sig, obj, what, foreign)
    fieldlines.remove_parameters(edited, supplied)
    _remove_items(edited, supplied)
    _describe_foreign(app, what, sig, foreign, edited, first_part=first_part, later=later)
    lines[:] = _with_typehints_fixed(app, what, name, sig, edited)
    rewritten[key] = (sig, tuple(lines))


def _with_typehints_fixed(
    app: Sphinx, what: str, name: str, sig: EffectiveSignature, lines: list[str]
) -> list[str]:
    """``lines`` with sphinx-autodoc-typehints' fields corrected, or as they are.

    Apart from the rest, so a release of that extension we cannot read costs
    the added parameters their types, not their entries and citations.
    """
    typed = fieldlines.Lines(lines)
    try:
        typehints.fix_autodoc_typehints_fields(app, what, name, sig, typed)
    except Exception as exc:
        logger.debug(
            "[effsig] %s: types left as sphinx-autodoc-typehints wrote them (%s: %s)",
            name,
            type(exc).__name__,
            exc,
        )
        return lines
    return typed


def _first_part(app: Sphinx, name: str, options: Any) -> bool:
    """Whether this is the first docstring part autodoc hands over for this directive.

    A class documented with ``autoclass_content = "both"`` comes in two
    parts (class, then ``__init__``) with the same options object.
    """
    seen = build_state(app).reading.docstring_parts
    first = options is None or seen.get(name) is not options
    seen[name] = options
    return first


def _supplied(
    lines: list[str], sig: EffectiveSignature, obj: object, what: str, foreign: dict[str, str]
) -> set[str]:
    """Documented parameters the caller cannot pass: a decorator supplies them.

    Those the documented function itself declares but the effective
    signature lacks. Other documented names (a decorator describing what it
    adds, keywords that travel through ``**kwargs``) stay, and so does
    everything when the resolver could not prove where the arguments go.
    """
    if not sig.resolved:
        return set()
    effective = set(sig.parameters)
    documented = {f.parameter for f in fieldlines.fields(lines) if f.parameter is not None}
    documented |= fieldlines.described(lines)
    missing = documented - effective
    if not missing:
        return set()
    declared: set[str] = set()
    implementations: list[object] = [obj]
    implementations += [p.owner for p in sig.parameters.values() if p.name not in foreign]
    for implementation in implementations:
        declared |= _declared(implementation)
    return missing & declared


def _declared(obj: object) -> set[str]:
    """The named parameters an implementation's own ``def`` declares.

    Not ``*args``/``**kwargs``: where the effective signature spells out
    what they take, the author's description of them ("passed unmodified to
    :func:`build`") still says something true, and stays.
    """
    target: Any = obj
    if isinstance(obj, type):
        target = getattr(obj, "__init__", None)
    target = getattr(target, "__func__", target)
    try:
        target = inspect.unwrap(target)
        code = getattr(target, "__code__", None)
        if isinstance(code, types.CodeType):
            # co_varnames: positional, keyword-only, then *args and **kwargs
            return set(named_parameters(code))
        parameters = inspect.signature(target, follow_wrapped=False).parameters.values()
        return {p.name for p in parameters if p.kind not in _VARIADIC}
    except Exception:
        return set()


def _describe_foreign(
    app: Sphinx,
    what: str,
    sig: EffectiveSignature,
    foreign: dict[str, str],
    lines: list[str],
    *,
    first_part: bool,
    later: set[str],
) -> None:
    """Cite the owner of each foreign parameter; describe the undescribed ones
    (the documented function's own too, from a callee it hands them on to).

    Parameters are visited in the signature's order and new fields go next
    to their neighbours, so the list follows the signature. When autodoc
    lists every annotated parameter (``autodoc_typehints_description_target
    = "all"``) the undescribed ones get an empty field in their place too,
    instead of being appended by autodoc after all the others.
    """
    placeholders = first_part and typehints.lists_every_annotated_parameter(app)
    passed_on = any(p.passed_to for p in sig.parameters.values())
    if not foreign and not placeholders and not passed_on:
        return  # nothing to cite, describe or hold a place for
    cite = build_state(app).settings.provenance_in_fields
    order = [param.name for param in sig.parameters.values()]
    # ``later``: described in docstring parts autodoc shows after this one.
    described = fieldlines.described(lines) | later
    listed: list[EffectiveParameter] = []  # foreign parameters with an entry, in order
    for param in sig.parameters.values():
        annotated = param.annotation is not inspect.Parameter.empty
        if param.name in described:
            if param.name in foreign:
                listed.append(param)
            continue
        if not first_part:
            continue
        # autodoc gives an annotated parameter an entry of its own anyway here
        entry_anyway = placeholders and annotated
        if param.name in foreign and _add_field(app, param, order, lines, empty=entry_anyway):
            listed.append(param)
            continue
        if param.passed_to and _add_field(app, param, order, lines, empty=entry_anyway):
            # The documented function's own, described where it is handed on to.
            continue
        if entry_anyway:
            at = fieldlines.insertion_point(lines, order, param.name)
            fieldlines.insert_block(lines, at, [f":param {typehints.field_name(param)}:"])
    if cite:
        for first, followers in _runs(listed, order):
            _cite(lines, first, provenance.citation(first, followers))


def _runs(
    listed: list[EffectiveParameter], order: list[str]
) -> list[tuple[EffectiveParameter, int]]:
    """Each run of listed parameters next to each other with one owner: (first, how many follow).

    The owner is cited once per run, on its first entry (click's ``secho``
    takes eleven keywords of ``style``: one citation, not eleven).
    """
    place = {name: index for index, name in enumerate(order)}
    runs: list[tuple[EffectiveParameter, int, str]] = []
    previous = -2
    for param in listed:
        owner = provenance.cited_name(param)
        if runs and place[param.name] == previous + 1 and owner == runs[-1][2]:
            first, followers, _ = runs[-1]
            runs[-1] = (first, followers + 1, owner)
        else:
            runs.append((param, 0, owner))
        previous = place[param.name]
    return [(first, followers) for first, followers, _ in runs]


def _cite(lines: list[str], param: EffectiveParameter, citation: str) -> None:
    """Append ``citation`` to the description of ``param``'s entry."""
    field = fieldlines.field_for(lines, param.name, fieldlines.PARAM_NAMES)
    if field is not None:
        fieldlines.append_to_description(lines, field, citation)
    else:
        _cite_item(lines, param, citation)


def _add_field(
    app: Sphinx, param: EffectiveParameter, order: list[str], lines: list[str], *, empty: bool
) -> bool:
    """A ``:param:`` field for ``param``, described by its owner's docstring.

    Nobody describing it, no field is added (a column of entries saying only
    where each parameter comes from tells nothing the signature's marks do
    not), unless ``empty`` says it gets one anyway. The owner's documented
    type comes along when annotations don't give one (``autodoc_typehints =
    "signature"``, or no annotation). When napoleon wrote the docstring's
    parameters as a ``:Parameters:`` list, the new parameter joins that list
    instead. Returns whether anything was added.
    """
    doc = owner_docs.describe(app, param)
    if doc is None and (not empty or param.kind in _VARIADIC):
        return False
    annotated = param.annotation is not inspect.Parameter.empty
    borrow_type = bool(doc and doc.type) and not (annotated and typehints.types_in_fields(app))
    borrow_type = borrow_type and param.name not in fieldlines.typed(lines)
    if _add_item(param, order, doc, lines, with_type=borrow_type):
        return True
    name = typehints.field_name(param)
    block = fieldlines.parameter_block(name, "param", doc.description if doc else ())
    if doc is not None and borrow_type:
        block += fieldlines.parameter_block(name, "type", doc.type)
    at = fieldlines.insertion_point(lines, order, param.name)
    fieldlines.insert_block(lines, at, block)
    return True


def _remove_items(lines: list[str], supplied: set[str]) -> None:
    """Drop supplied parameters from napoleon's ``:Parameters:`` lists."""
    if not supplied:
        return
    for item_list in reversed(fieldlines.item_lists(lines)):
        kept = [(name, text) for name, text in item_list.items if name not in supplied]
        if len(kept) != len(item_list.items):
            item_list.items = kept
            fieldlines.replace_item_list(lines, item_list)


def _cite_item(lines: list[str], param: EffectiveParameter, citation: str) -> None:
    """Cite the owner in a parameter's item of a napoleon ``:Parameters:`` list."""
    for item_list in fieldlines.item_lists(lines):
        text = item_list.item(param.name)
        if text is not None:
            fieldlines.append_to_first_paragraph(text, citation)
            fieldlines.replace_item_list(lines, item_list)
            return


def _add_item(
    param: EffectiveParameter,
    order: list[str],
    doc: owner_docs.ParameterDoc | None,
    lines: list[str],
    *,
    with_type: bool,
) -> bool:
    """Add ``param`` to napoleon's ``:Parameters:`` list, if the docstring has one."""
    target = next((i for i in fieldlines.item_lists(lines) if i.label == "parameters"), None)
    if target is None:
        return False
    head = f"**{typehints.field_name(param)}**"
    if with_type and doc is not None:
        head += f" (*{' '.join(doc.type)}*)"
    description = list(doc.description) if doc else []
    text = [f"{head} -- {description[0]}", *description[1:]] if description else [head]
    position = order.index(param.name)
    names = [name for name, _ in target.items]
    at = len(names)
    for before in reversed(order[:position]):
        if before in names:
            at = names.index(before) + 1
            break
    target.items.insert(at, (param.name, text))
    fieldlines.replace_item_list(lines, target)
    return True


def connect(app: Sphinx) -> None:
    """Connect the parameter-list handlers (called by the extension's ``setup``)."""
    provenance.connect(app)
    app.connect("autodoc-process-signature", record_effective_annotations, priority=PRIORITY)
    app.connect("autodoc-process-docstring", rewrite_parameter_fields, priority=PRIORITY)
