"""``**kwargs: Unpack[SomeTypedDict]`` (PEP 692): the keys are the keywords.

A function that annotates its ``**kwargs`` with ``Unpack`` of a
``TypedDict`` accepts exactly that dictionary's keys, by keyword only: a
required key is a required keyword-only parameter, a ``NotRequired`` one
(or any key of a ``total=False`` dictionary not marked ``Required``) may be
left out. Such a key has no default value a caller could see, so it gets
:data:`OMITTED`, which prints as ``...`` — the stub files' way of saying
"optional, default not shown". The parameters are owned by the function
that declares the ``**kwargs``.

Only the dictionary's annotations are evaluated (``typing.get_type_hints``);
nothing is called.
"""

from __future__ import annotations

import keyword
import types
import typing
from typing import Any, Final

from .annotations import evaluate_parameter_annotation
from .model import KW, VAR_KW, EffectiveParameter


class _Omitted:
    """The default of a keyword a caller may leave out that has no value of its own."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "..."

    def __reduce__(self) -> str:
        return "OMITTED"


#: Default of a ``NotRequired`` key: optional, with nothing to show as its value.
OMITTED: Final = _Omitted()


def expand_unpacked_kwargs(
    params: list[EffectiveParameter], func: types.FunctionType
) -> list[EffectiveParameter]:
    """``params`` with a trailing ``**kwargs: Unpack[TD]`` replaced by TD's keys.

    A postponed annotation (``"Unpack[TD]"``) is evaluated in ``func``'s
    module first. Anything else (no ``**kwargs``, another annotation, a dictionary whose
    keys cannot be read or are not identifiers, a key that repeats a named
    parameter) is returned unchanged.
    """
    if not params or params[-1].kind is not VAR_KW:
        return params
    variadic = params[-1]
    typed_dict = _unpacked(evaluate_parameter_annotation(variadic.annotation, func))
    if typed_dict is None:
        return params
    keys = _keys(typed_dict)
    named = {param.name for param in params[:-1]}
    if keys is None or not keys or any(_unusable(key, named) for key in keys):
        return params
    keywords = [
        EffectiveParameter.trusted(
            key,
            KW,
            OMITTED if optional else EffectiveParameter.empty,
            annotation,
            variadic.owner,
            variadic.owner_name,
        )
        for key, (annotation, optional) in keys.items()
    ]
    return [*params[:-1], *keywords]


def _unpacked(annotation: Any) -> type | None:
    """The TypedDict in ``Unpack[TD]``, else None."""
    try:
        if typing.get_origin(annotation) is not typing.Unpack:
            return None
        (inner,) = typing.get_args(annotation)
    except Exception:
        return None
    return inner if typing.is_typeddict(inner) else None


def _keys(typed_dict: type) -> dict[str, tuple[Any, bool]] | None:
    """Key → (annotation, may be left out), in the dictionary's order.

    A TypedDict's ``__annotations__`` holds its bases' keys too, bases first.
    ``__required_keys__`` follows the dictionaries' totality but misses a
    ``Required``/``NotRequired`` written in a postponed (string) annotation;
    the evaluated annotation's qualifier, where there is one, decides.
    """
    try:
        required = frozenset(getattr(typed_dict, "__required_keys__", ()))
        raw: dict[str, Any] = dict(typed_dict.__annotations__)
    except Exception:
        return None
    try:
        hints = typing.get_type_hints(typed_dict, include_extras=True)
    except Exception:
        hints = {}
    keys: dict[str, tuple[Any, bool]] = {}
    for key, written in raw.items():
        hint = hints.get(key, written)
        optional = key not in required
        origin = typing.get_origin(hint)
        if origin is typing.Required or origin is typing.NotRequired:
            optional = origin is typing.NotRequired
            (hint,) = typing.get_args(hint)
        keys[key] = (hint, optional)
    return keys


def _unusable(key: object, named: set[str]) -> bool:
    return (
        not isinstance(key, str) or not key.isidentifier() or keyword.iskeyword(key) or key in named
    )
