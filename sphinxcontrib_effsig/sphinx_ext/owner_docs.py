"""Parameter descriptions read from an owner's docstring.

When the documented function's docstring says nothing about ``retries`` but
``myapp.retry`` documents it, the parameter list borrows that description.
The owner is found by its dotted name (the decorator ``retry``, not the
``wrapper`` closure whose ``__doc__`` ``functools.wraps`` overwrote); a
class is read through its own docstring, then ``__init__`` and
``__call__``. Docstrings in Google or NumPy style are converted by napoleon
when the project loads it, so every style ends up as Sphinx info fields.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sphinx.util import logging
from sphinx.util.docstrings import prepare_docstring

from ..resolver import EffectiveParameter, docstring_as_written
from . import fieldlines
from .borrowed_links import link_targets, standalone_links
from .provenance import cited_name, lookup, quiet_references
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_NAPOLEON: Final = "sphinx.ext.napoleon"


@dataclass(frozen=True)
class ParameterDoc:
    """What an owner's docstring says about one parameter."""

    description: tuple[str, ...]
    type: tuple[str, ...] = ()


def describe(app: Sphinx, param: EffectiveParameter) -> ParameterDoc | None:
    """The owner's description of ``param``, or ``None`` when it has none.

    Where the owner says nothing of it, the description of the first
    parameter it is handed on to (:attr:`~..resolver.EffectiveParameter.passed_to`)
    that has one. Its cross-references link where they resolve and never
    warn, and its hyperlinks carry their addresses with them: they were
    written for the owner's documentation, not this project's. What an
    owner's docstrings say is read once per read phase.
    """
    for source in (param, *param.passed_to):
        doc = _described_by_owner(app, source)
        if doc is not None:
            return doc
    return None


def _described_by_owner(app: Sphinx, param: EffectiveParameter) -> ParameterDoc | None:
    name = cited_name(param)
    cache = build_state(app).reading.owner_docs
    if name not in cache:
        cache[name] = {
            parameter: ParameterDoc(quiet_references(doc.description), doc.type)
            for parameter, doc in _read(app, name, param.owner).items()
        }
    return cache[name].get(param.name)


def _read(app: Sphinx, name: str, owner: object) -> dict[str, ParameterDoc]:
    """Every parameter description the owner's docstrings give, first source first.

    The sources: the object the owner is cited as (the decorator ``retry``,
    or a class with its ``__init__``/``__call__``), then the docstring
    written in the wrapper's own ``def`` — which ``functools.wraps`` replaced
    at run time, so it is read from the source.
    """
    found: dict[str, ParameterDoc] = {}
    target = lookup(name)
    if target is None and not hasattr(owner, "__wrapped__"):
        target = owner  # its __doc__ is its own: nothing copied it over
    docstrings: list[tuple[str, object]] = []
    if target is not None:
        for source in _documented_parts(target):
            docstring = getattr(source, "__doc__", None)
            if isinstance(docstring, str):
                docstrings.append((docstring, source))
    written = docstring_as_written(owner)
    if written is not None:
        docstrings.append((written, owner))
    what = "class" if isinstance(target, type) else "function"
    for docstring, source in docstrings:
        if not docstring.strip():
            continue
        lines = as_info_fields(app, prepare_docstring(docstring), what, name, source)
        targets = link_targets(lines)
        for parameter, doc in parameter_docs(lines).items():
            if parameter not in found:
                found[parameter] = ParameterDoc(
                    standalone_links(doc.description, targets), doc.type
                )
    return found


def _documented_parts(target: object) -> list[object]:
    """The objects whose docstrings speak for ``target``'s parameters."""
    if not isinstance(target, type):
        return [target]
    parts: list[object] = [target]
    for method in ("__init__", "__call__", "__new__"):
        value = target.__dict__.get(method)
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if value is not None:
            parts.append(value)
    return parts


def as_info_fields(app: Sphinx, lines: list[str], what: str, name: str, obj: object) -> list[str]:
    """Docstring lines with Google/NumPy sections turned into ``:param:`` fields.

    Only when the project loads napoleon, and with napoleon's own settings
    except that parameters always become ``:param x:``/``:type x:`` fields.
    """
    if _NAPOLEON not in app.extensions:
        return lines
    from sphinx.ext.napoleon import Config as NapoleonConfig
    from sphinx.ext.napoleon.docstring import GoogleDocstring, NumpyDocstring

    values: dict[str, Any] = {}
    for setting, *_rest in NapoleonConfig._config_values:
        if hasattr(app.config, setting):
            values[setting] = getattr(app.config, setting)
    values.update(napoleon_use_param=True, napoleon_use_keyword=True)
    config = NapoleonConfig(**values)
    result = list(lines)
    # The owner may be documented nowhere: whatever napoleon would complain
    # about in its docstring is not this page's problem.
    with logging.suppress_logging():
        if values.get("napoleon_numpy_docstring", True):
            result = NumpyDocstring(result, config, app, what, name, obj).lines()  # type: ignore[arg-type]
        if values.get("napoleon_google_docstring", True):
            result = GoogleDocstring(result, config, app, what, name, obj).lines()  # type: ignore[arg-type]
    return result


def parameter_docs(lines: Sequence[str]) -> dict[str, ParameterDoc]:
    """Each described parameter's description (and type, when the fields give one)."""
    descriptions: dict[str, tuple[str, ...]] = {}
    types: dict[str, tuple[str, ...]] = {}
    for field in fieldlines.fields(lines):
        parameter = field.parameter
        if parameter is None:
            continue
        body = _body(lines, field)
        if field.describes_parameter:
            descriptions.setdefault(parameter, body)
            words = field.argument.split()
            if len(words) > 1:
                types.setdefault(parameter, (" ".join(words[:-1]),))
        elif field.gives_type:
            types.setdefault(parameter, body)
    return {
        parameter: ParameterDoc(description, types.get(parameter, ()))
        for parameter, description in descriptions.items()
        if any(line.strip() for line in description)
    }


def _body(lines: Sequence[str], field: fieldlines.Field) -> tuple[str, ...]:
    """A field's text without its marker, continuation lines dedented."""
    first = fieldlines.after_marker(lines[field.start])
    rest = textwrap.dedent("\n".join(lines[field.start + 1 : field.end])).splitlines()
    body = [first, *rest] if first else rest
    while body and not body[-1].strip():
        body.pop()
    return tuple(body)


def documented_later(app: Sphinx, what: str, name: str, obj: object, options: Any) -> set[str]:
    """Parameters described in docstring parts autodoc shows after the first.

    With ``autoclass_content = "both"`` (or ``:class-doc-from: both``) a
    class's docstring is followed by its ``__init__`` (or ``__new__``)
    docstring, and autodoc hands each part to extensions separately.
    """
    if what not in ("class", "exception") or not isinstance(obj, type):
        return set()
    doc_from = getattr(options, "class_doc_from", None) or app.config.autoclass_content
    if doc_from != "both":
        return set()
    for method in ("__init__", "__new__"):
        docstring = inspect.getdoc(getattr(obj, method, None))
        if docstring and docstring not in (object.__init__.__doc__, object.__new__.__doc__):
            lines = as_info_fields(app, prepare_docstring(docstring), "method", name, obj)
            return fieldlines.described(lines)
    return set()
