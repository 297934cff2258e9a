"""Effective signatures as the strings autodoc puts in a signature line.

Rendering goes through Sphinx's public helpers (``stringify_signature``,
``stringify_annotation``) with the options autodoc itself would use, read
from the configuration once per call site:

* ``autodoc_typehints`` — annotations in the signature for ``"signature"``
  and ``"both"`` only;
* ``autodoc_typehints_format`` — ``"short"`` gives unqualified names;
* ``python_display_short_literal_types`` — ``X | Y`` literals;
* ``autodoc_preserve_defaults`` — defaults as written in the owner's source;
* ``strip_signature_backslash``;
* with sphinx-autodoc-typehints loaded, its ``typehints_use_signature``,
  ``typehints_use_signature_return``, ``typehints_fully_qualified`` and
  ``typehints_formatter`` instead (it moves types to the description).
"""

from __future__ import annotations

import ast
import inspect
import types
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from sphinx.util.inspect import object_description, stringify_signature
from sphinx.util.typing import stringify_annotation

from ..resolver import default_as_written, popped_default_as_written

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..resolver import EffectiveSignature

_EMPTY: Final[Any] = inspect.Parameter.empty
_TYPEHINTS_EXTENSION: Final = "sphinx_autodoc_typehints"

#: autodoc object types whose signature line never shows a return annotation.
_CONSTRUCTOR_TYPES: Final = frozenset({"class", "exception"})


@dataclass(frozen=True)
class SignatureStyle:
    """How autodoc would format a signature in this project."""

    show_annotation: bool = True
    show_return_annotation: bool = True
    unqualified_typehints: bool = False
    short_literals: bool = False
    escape_backslashes: bool = False
    preserve_defaults: bool = False
    type_aliases: Mapping[str, str] | None = None
    formatter: Callable[[Any], Any] | None = None


def signature_style(app: Sphinx) -> SignatureStyle:
    """The signature-line options of this build (autodoc's, or s-a-t's when loaded)."""
    config = app.config
    preserve = bool(getattr(config, "autodoc_preserve_defaults", False))
    aliases = getattr(config, "autodoc_type_aliases", None) or None
    short_literals = bool(getattr(config, "python_display_short_literal_types", False))
    if _TYPEHINTS_EXTENSION in app.extensions:
        formatter = getattr(config, "typehints_formatter", None)
        return SignatureStyle(
            show_annotation=bool(getattr(config, "typehints_use_signature", False)),
            show_return_annotation=bool(getattr(config, "typehints_use_signature_return", False)),
            unqualified_typehints=not getattr(config, "typehints_fully_qualified", False),
            short_literals=short_literals,
            escape_backslashes=True,
            preserve_defaults=preserve,
            type_aliases=aliases,
            formatter=formatter if callable(formatter) else None,
        )
    typehints = getattr(config, "autodoc_typehints", "signature")
    shown = typehints not in ("none", "description")
    return SignatureStyle(
        show_annotation=shown,
        show_return_annotation=shown,
        unqualified_typehints=getattr(config, "autodoc_typehints_format", "short") == "short",
        short_literals=short_literals,
        escape_backslashes=bool(getattr(config, "strip_signature_backslash", False)),
        preserve_defaults=preserve,
        type_aliases=aliases,
    )


def render_signature(
    sig: EffectiveSignature,
    style: SignatureStyle,
    what: str,
    texts: AnnotationTexts,
    foreign: Container[str] = (),
) -> tuple[str, str]:
    """``(args, return_annotation)`` as autodoc passes them to ``autodoc-process-signature``.

    ``args`` includes the parentheses; the return annotation is ``""`` when
    not shown (always for classes, whose signature is the constructor's).
    ``texts`` remembers the parameters' annotations as text. ``foreign``
    names the parameters the documented object does not declare: a default
    of theirs whose description is not Python (``<class 'float'>``) is
    shown as written, since Sphinx cannot parse a signature line holding
    one and would show the whole line unformatted.
    """
    params = [
        _prepared(param, style, texts, param.name in foreign) for param in sig.parameters.values()
    ]
    bare = inspect.Signature(params, __validate_parameters__=False)
    args = stringify_signature(
        bare,
        show_annotation=style.show_annotation,
        show_return_annotation=False,
        unqualified_typehints=style.unqualified_typehints,
        short_literals=style.short_literals,
    )
    retann = ""
    if (
        what not in _CONSTRUCTOR_TYPES
        and style.show_return_annotation
        and sig.return_annotation is not _EMPTY
    ):
        retann = annotation_text(_formatted(sig.return_annotation, style), style)
    if style.escape_backslashes:
        args = args.replace("\\", "\\\\")
        retann = retann.replace("\\", "\\\\")
    return args, retann


def annotation_text(annotation: Any, style: SignatureStyle) -> str:
    """An annotation as autodoc writes it (signature line and recorded type hints)."""
    if isinstance(annotation, str) and style.type_aliases and annotation in style.type_aliases:
        return style.type_aliases[annotation]
    mode: Literal["smart", "fully-qualified"] = (
        "smart" if style.unqualified_typehints else "fully-qualified"
    )
    if _SHORT_LITERALS:
        return stringify_annotation(annotation, mode, short_literals=style.short_literals)
    return stringify_annotation(annotation, mode)  # a Sphinx before 8.2, pinned by a project


#: Whether this Sphinx writes ``Literal`` values short (``python_display_short_literal_types``).
_SHORT_LITERALS: Final = "short_literals" in inspect.signature(stringify_annotation).parameters


class AnnotationTexts:
    """:func:`annotation_text` of parameters' annotations, remembered.

    A handful of annotations (``int``, ``str``, ``Connection``...) recur
    across a project. Keyed by identity, not equality: ``Union[int, str] ==
    Union[str, int]`` but they read differently; each annotation is kept so
    that its id stays its own. The build state holds one per read phase
    (code may change between phases).
    """

    __slots__ = ("_texts",)

    def __init__(self) -> None:
        #: id(annotation) -> (annotation, unqualified, short literals, text)
        self._texts: dict[int, tuple[Any, bool, bool, str]] = {}

    def text(self, annotation: Any, style: SignatureStyle) -> str:
        """``annotation_text(annotation, style)``, computed once per annotation and style."""
        hit = self._texts.get(id(annotation))
        if (
            hit is not None
            and hit[0] is annotation
            and hit[1] == style.unqualified_typehints
            and hit[2] == style.short_literals
        ):
            return hit[3]
        text = annotation_text(annotation, style)
        self._texts[id(annotation)] = (
            annotation,
            style.unqualified_typehints,
            style.short_literals,
            text,
        )
        return text


def description_annotations(app: Sphinx, sig: EffectiveSignature, what: str) -> dict[str, str]:
    """Parameter name (and ``"return"``) → type text, as autodoc records them for
    ``autodoc_typehints = "description"``/``"both"``.
    """
    config = app.config
    style = SignatureStyle(
        unqualified_typehints=getattr(config, "autodoc_typehints_format", "short") == "short",
        short_literals=bool(getattr(config, "python_display_short_literal_types", False)),
        type_aliases=getattr(config, "autodoc_type_aliases", None) or None,
    )
    recorded: dict[str, str] = {}
    for param in sig.parameters.values():
        if param.annotation is not _EMPTY:
            recorded[param.name] = _aliased(param, style) or annotation_text(
                param.annotation, style
            )
    if what not in _CONSTRUCTOR_TYPES and sig.return_annotation is not _EMPTY:
        recorded["return"] = annotation_text(sig.return_annotation, style)
    return recorded


def _prepared(
    param: inspect.Parameter, style: SignatureStyle, texts: AnnotationTexts, foreign: bool
) -> inspect.Parameter:
    """A plain parameter ready for ``stringify_signature``."""
    annotation = param.annotation
    if annotation is not _EMPTY and style.show_annotation:
        annotation = _aliased(param, style) or _formatted(annotation, style)
        if not isinstance(annotation, str):
            # The text stringify_signature would make of it; a handful of
            # annotations (int, str, Connection...) recur across a project.
            # Text in quotes (``'a' | 'b'``) would be read as a quoted
            # forward reference and unquoted, so that one is left as it is.
            text = texts.text(annotation, style)
            if not (text.startswith("'") and text.endswith("'")):
                annotation = text
    default = param.default
    if default is not _EMPTY:
        written = None
        if style.preserve_defaults:
            written = default_as_written(param)
        elif not _is_python(object_description(default)):
            # A foreign parameter, or one its owner pops in its body: no plain
            # autodoc line showed it, so its text is not autodoc's to keep.
            written = default_as_written(param) if foreign else popped_default_as_written(param)
        if written is not None:
            default = _Verbatim(written)
    if annotation is param.annotation and default is param.default:
        return param  # stringify_signature reads only inspect's fields
    return inspect.Parameter(param.name, param.kind, default=default, annotation=annotation)


def _aliased(param: inspect.Parameter, style: SignatureStyle) -> str | None:
    """The ``autodoc_type_aliases`` entry for a parameter annotated with an alias.

    Aliases only apply to annotations written as strings (postponed
    evaluation); the owner's ``__annotations__`` still hold that text.
    """
    if not style.type_aliases:
        return None
    if isinstance(param.annotation, str):
        return style.type_aliases.get(param.annotation)
    owner = getattr(param, "owner", None)
    if isinstance(owner, types.MethodType):
        owner = owner.__func__
    if not isinstance(owner, types.FunctionType):
        return None
    written = owner.__annotations__.get(param.name)
    return style.type_aliases.get(written) if isinstance(written, str) else None


def _formatted(annotation: Any, style: SignatureStyle) -> Any:
    """Apply sphinx-autodoc-typehints' ``typehints_formatter`` (a string wins)."""
    if style.formatter is None:
        return annotation
    try:
        text = style.formatter(annotation)
    except Exception:
        return annotation
    return text if isinstance(text, str) else annotation


def _is_python(text: str) -> bool:
    """Whether Sphinx can read ``text`` as an expression in a signature line."""
    try:
        ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


class _Verbatim:
    """A default shown exactly as written in the source."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text
