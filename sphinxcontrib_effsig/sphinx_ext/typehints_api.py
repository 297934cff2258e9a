"""sphinx-autodoc-typehints' formatting, through whichever layout is installed.

We write ``:type:``/``:rtype:`` lines for parameters that extension never
saw (a decorator added them), so they must look like the ones it writes.
Its formatting is reached in one of two ways:

* releases up to 3.13 export ``format_annotation(annotation, config,
  short_literals=...)`` and ``format_default(app, default, is_annotated)``
  at the package root, and read the module to resolve names from
  ``config._annotation_globals``;
* releases from 3.14 on split into ``_render`` (``as_field_type``),
  ``_documented`` (``render_scope``, which publishes the documented object's
  module for the duration of a block) and ``_docstring``; the root exports
  only ``setup``. They also write a deferred return type as a
  ``:sphinx_autodoc_typehints_rtype:`` field that their
  ``object-description-transform`` handler renames and places.

:func:`api` picks the layout once per build (kept in the build state); a
layout it cannot read raises :class:`Unavailable`, and callers then leave
the types as that extension wrote them.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_empty: Final[Any] = inspect.Parameter.empty
_PACKAGE: Final = "sphinx_autodoc_typehints"


class Unavailable(Exception):
    """The installed sphinx-autodoc-typehints has neither known layout."""


@dataclass(frozen=True)
class TypehintsApi:
    """What we need of sphinx-autodoc-typehints, bound to one layout."""

    #: ``(app, annotation, owner, module_prefix, kind) -> reST``, wrapped in its CSS role.
    format_type: Callable[[Sphinx, Any, object, str, str], str]
    #: ``(app, default) -> " (default: ...)"`` as ``typehints_defaults`` asks, or None.
    format_default: Callable[[Sphinx, object], str | None]
    #: The field name it writes a return type under when the docstring has no
    #: place for it (renamed to ``rtype`` later), or None where it writes ``:rtype:``.
    rtype_marker: str | None


def api(app: Sphinx) -> TypehintsApi:
    """The installed layout's functions (looked up once per build)."""
    state = build_state(app)
    if state.typehints_api is None:
        state.typehints_api = _load()
    return state.typehints_api


def _load() -> TypehintsApi:
    root = importlib.import_module(_PACKAGE)
    if callable(getattr(root, "format_annotation", None)):
        return _flat(root)
    try:
        return _layered()
    except (ImportError, AttributeError) as exc:
        raise Unavailable(f"sphinx-autodoc-typehints has no known formatting API: {exc}") from exc


def _flat(root: Any) -> TypehintsApi:
    """Releases up to 3.13: everything at the package root."""
    format_annotation = root.format_annotation
    add_css = getattr(root, "add_type_css_class", None)
    root_default = getattr(root, "format_default", None)

    def format_type(app: Sphinx, annotation: Any, owner: object, prefix: str, kind: str) -> str:
        config = app.config
        had_globals = hasattr(config, "_annotation_globals")
        if not had_globals:
            config._annotation_globals = getattr(owner, "__globals__", {})
        try:
            short = bool(config.python_display_short_literal_types)
            formatted = str(format_annotation(annotation, config, short_literals=short))
        finally:
            if not had_globals:
                delattr(config, "_annotation_globals")
        return str(add_css(formatted)) if callable(add_css) else formatted

    def format_default(app: Sphinx, default: object) -> str | None:
        if not callable(root_default) or not app.config.typehints_defaults or default is _empty:
            return None
        result = root_default(app, default, True)
        return result if isinstance(result, str) else None

    return TypehintsApi(format_type, format_default, None)


def _layered() -> TypehintsApi:
    """Releases from 3.14 on: rendering, scopes and docstring fields in sub-packages."""
    render = importlib.import_module(f"{_PACKAGE}._render")
    documented = importlib.import_module(f"{_PACKAGE}._documented")
    formats = importlib.import_module(f"{_PACKAGE}._docstring.formats.base")
    rtype = importlib.import_module(f"{_PACKAGE}._docstring.formats.field_list.rtype")
    as_field_type = render.as_field_type
    render_scope = documented.render_scope
    layered_default = formats.format_default
    marker = str(rtype.RTYPE_MARKER)

    def format_type(app: Sphinx, annotation: Any, owner: object, prefix: str, kind: str) -> str:
        with render_scope(app, prefix):
            return str(as_field_type(annotation, app.config, kind=kind))

    def format_default(app: Sphinx, default: object) -> str | None:
        if not app.config.typehints_defaults or default is _empty:
            return None
        result = layered_default(app, default, annotated=True)
        return result if isinstance(result, str) else None

    return TypehintsApi(format_type, format_default, marker)
