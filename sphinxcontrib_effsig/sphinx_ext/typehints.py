"""Types in the parameter list: the effective parameters', nobody else's.

Two producers of type fields are corrected here:

* Sphinx itself with ``autodoc_typehints = "description"``/``"both"``:
  autodoc records each object's annotations (from the signature *it* sees,
  the innermost function's) and later turns them into ``:type:``/``:rtype:``
  fields. :func:`rewrite_recorded` replaces that record with the effective
  signature's annotations, so added parameters get their type and supplied
  ones get none.
* sphinx-autodoc-typehints, which writes ``:type:``/``:rtype:`` lines into
  the docstring for the innermost function's parameters.
  :func:`fix_autodoc_typehints_fields` adds the missing ones (formatted with
  its public ``format_annotation``), and replaces the return type.
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, Any, Final

from ..resolver import EffectiveParameter, EffectiveSignature
from . import fieldlines, typehints_api
from .render import description_annotations
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_empty: Final[Any] = inspect.Parameter.empty
SAT_EXTENSION: Final = "sphinx_autodoc_typehints"
_SAT_ROLE: Final = "sphinx_autodoc_typehints_type"
_DESCRIPTION_MODES: Final = frozenset({"description", "both"})
# ":return: :sphinx_autodoc_typehints_type:`...` -- text", as that extension writes it.
_TYPED_RETURN: Final = re.compile(
    rf"^(?P<marker>:returns?: ):{_SAT_ROLE}:`(?:\\.|[^`\\])*` --(?P<text>.*)$"
)


def describes_types(app: Sphinx) -> bool:
    """Whether Sphinx itself writes type fields (``autodoc_typehints``)."""
    return app.config.autodoc_typehints in _DESCRIPTION_MODES


def uses_autodoc_typehints(app: Sphinx) -> bool:
    """Whether sphinx-autodoc-typehints is loaded in this project."""
    return SAT_EXTENSION in app.extensions


def types_in_fields(app: Sphinx) -> bool:
    """Whether annotated parameters get a type field without the docstring giving one."""
    return describes_types(app) or uses_autodoc_typehints(app)


def lists_every_annotated_parameter(app: Sphinx) -> bool:
    """Whether autodoc adds a field for every annotated parameter, described or not."""
    return describes_types(app) and app.config.autodoc_typehints_description_target == "all"


def recorded_annotations(app: Sphinx) -> dict[str, dict[str, str]] | None:
    """autodoc's per-document record of annotations (the same dict it reads back)."""
    env = app.env
    current = getattr(env, "current_document", None)
    store = getattr(current, "autodoc_annotations", None)
    if isinstance(store, dict):
        return store
    temp = getattr(env, "temp_data", None)  # before Sphinx 8.2
    if isinstance(temp, dict):
        annotations = temp.setdefault("annotations", {})
        return annotations if isinstance(annotations, dict) else None
    return None


def rewrite_recorded(app: Sphinx, what: str, name: str, sig: EffectiveSignature) -> None:
    """Make autodoc's record for ``name`` hold the effective parameters' types.

    Called after autodoc recorded the innermost function's annotations (after
    priority 500 of ``autodoc-process-signature``). A parameter autodoc
    recorded keeps autodoc's text (as written, aliased, evaluated or not, as
    autodoc read it): only the effective signature's other parameters get
    the resolver's, and the supplied ones lose theirs.
    """
    if not describes_types(app):
        return
    store = recorded_annotations(app)
    if store is None:
        return
    theirs = store.get(name) or {}
    ours = description_annotations(app, sig, what)
    store[name] = {
        key: theirs[key] if key in theirs and key != "return" else text
        for key, text in ours.items()
    }


def fix_autodoc_typehints_fields(
    app: Sphinx, what: str, name: str, sig: EffectiveSignature, lines: list[str]
) -> None:
    """Give every effective parameter described in ``lines`` its type, fix ``:rtype:``.

    sphinx-autodoc-typehints typed only the innermost function's parameters;
    the types it wrote (recognisable by its ``sphinx_autodoc_typehints_type``
    role) are replaced by the effective ones, types written by hand stay.
    """
    if not uses_autodoc_typehints(app):
        return
    order = [param.name for param in sig.parameters.values()]
    for param in sig.parameters.values():
        if param.annotation is _empty:
            continue
        described = fieldlines.field_for(lines, param.name, fieldlines.PARAM_NAMES)
        if described is None:
            if not app.config.always_document_param_types:
                continue
            at = fieldlines.insertion_point(lines, order, param.name)
            fieldlines.insert_block(lines, at, [f":param {field_name(param)}:"])
            described = fieldlines.field_for(lines, param.name, fieldlines.PARAM_NAMES)
            if described is None:
                continue
        _set_type(app, name, lines, param, described)
    _set_rtype(app, what, name, sig, lines)


def field_name(param: EffectiveParameter) -> str:
    """How a parameter is named in a field: ``\\*args``, ``\\*\\*kwargs``, ``name\\_``."""
    name = param.name
    if name.endswith("_"):
        name = f"{name[:-1]}\\_"
    if param.kind is inspect.Parameter.VAR_POSITIONAL:
        return f"\\*{name}"
    if param.kind is inspect.Parameter.VAR_KEYWORD:
        return f"\\*\\*{name}"
    return name


def _generated(lines: list[str], field: fieldlines.Field) -> bool:
    return any(_SAT_ROLE in line for line in lines[field.start : field.end])


def _set_type(
    app: Sphinx,
    name: str,
    lines: list[str],
    param: EffectiveParameter,
    described: fieldlines.Field,
) -> None:
    existing = fieldlines.field_for(lines, param.name, fieldlines.TYPE_NAMES)
    if existing is not None and not _generated(lines, existing):
        return  # written by hand
    if described.gives_type:
        return  # ":param int x:"
    formatted = _sat_format(app, param.annotation, param.owner, name, "parameter")
    text = f":type {field_name(param)}: {formatted}"
    if existing is not None:
        lines[existing.start : existing.end] = [text]
        return
    default = _sat_default(app, param)
    if default and app.config.typehints_defaults == "braces-after":
        fieldlines.append_to_description(lines, described, default.strip())
        described = fieldlines.field_for(lines, param.name, fieldlines.PARAM_NAMES) or described
    elif default:
        text += default
    lines.insert(described.start, text)


def _set_rtype(
    app: Sphinx, what: str, name: str, sig: EffectiveSignature, lines: list[str]
) -> None:
    if what in ("class", "exception") or name.endswith(".__init__"):
        return
    marker = typehints_api.api(app).rtype_marker
    kinds = {"rtype", marker} if marker else {"rtype"}
    rtype = next((f for f in fieldlines.fields(lines) if f.kind in kinds), None)
    annotation = sig.return_annotation
    if rtype is None and _fix_typed_return(app, name, annotation, lines):
        return
    if rtype is not None:
        if not _generated(lines, rtype):
            return
        if annotation is _empty:
            del lines[rtype.start : rtype.end]
        else:
            formatted = _sat_format(app, annotation, None, name, "return")
            lines[rtype.start : rtype.end] = [f":{rtype.kind}: {formatted}"]
        return
    config = app.config
    if (
        annotation is _empty
        or not config.typehints_document_rtype
        or not config.typehints_use_rtype
    ):
        return
    if annotation in (None, type(None)) and not config.typehints_document_rtype_none:
        return
    all_fields = fieldlines.fields(lines)
    # Where that extension would put it: a deferred marker it places later, or after the fields.
    has_return = any(f.kind in ("return", "returns") for f in all_fields)
    kind = marker if marker and not has_return else "rtype"
    line = f":{kind}: {_sat_format(app, annotation, None, name, 'return')}"
    at = all_fields[-1].end if all_fields else len(lines)
    fieldlines.insert_block(lines, at, [line])


def _fix_typed_return(app: Sphinx, name: str, annotation: Any, lines: list[str]) -> bool:
    """``:return: <type> -- text`` (``typehints_use_rtype = False``) gets the effective type.

    Returns whether sphinx-autodoc-typehints had written the type there.
    """
    for field in fieldlines.fields(lines):
        if field.kind not in ("return", "returns"):
            continue
        match = _TYPED_RETURN.match(lines[field.start])
        if match is None:
            return False
        if annotation is _empty:
            lines[field.start] = f"{match['marker']}{match['text']}"
        else:
            typed = _sat_format(app, annotation, None, name, "return")
            lines[field.start] = f"{match['marker']}{typed} --{match['text']}"
        return True
    return False


def _sat_format(app: Sphinx, annotation: Any, owner: object, name: str, kind: str) -> str:
    """An annotation as sphinx-autodoc-typehints formats it, remembered per read phase.

    Keyed by the annotation and the module it is read in (the owner's
    globals and the documented object's module prefix).
    """
    memo = build_state(app).reading.formatted_types
    prefix = name.rpartition(".")[0]
    try:
        key = (annotation, id(getattr(owner, "__globals__", None)), prefix, kind)
        hit = memo.get(key)
    except TypeError:  # unhashable annotation
        return typehints_api.api(app).format_type(app, annotation, owner, prefix, kind)
    if hit is None:
        hit = typehints_api.api(app).format_type(app, annotation, owner, prefix, kind)
        memo[key] = hit
    return hit


def _sat_default(app: Sphinx, param: EffectiveParameter) -> str | None:
    return typehints_api.api(app).format_default(app, param.default)
