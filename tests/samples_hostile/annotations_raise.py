"""Annotations whose evaluation fails, and defaults that misbehave.

With ``from __future__ import annotations`` every annotation is a string; the
resolver evaluates them in the owner's module. Here that evaluation raises
``NameError``, ``ZeroDivisionError``, ``SyntaxError``, or a custom error from
a ``__class_getitem__``; some objects' ``repr``/``==``/``hash`` raise too.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decimal import Decimal


class Exploding:
    """A generic-looking class whose subscription raises."""

    def __class_getitem__(cls, item: Any) -> Any:
        raise RuntimeError("subscripting Exploding is not allowed")


class Unprintable:
    """A default value whose ``repr``, ``==``, ``hash`` and ``bool`` raise."""

    def __repr__(self) -> str:
        raise RuntimeError("repr of Unprintable")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("== of Unprintable")

    def __hash__(self) -> int:
        raise RuntimeError("hash of Unprintable")

    def __bool__(self) -> bool:
        raise RuntimeError("bool of Unprintable")


SENTINEL = Unprintable()


def _forwarding(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


def with_fallback(func: Any) -> Any:
    """Adds a keyword-only ``fallback`` whose default is an :class:`Unprintable`."""

    @functools.wraps(func)
    def wrapper(*args: Any, fallback: Unprintable = SENTINEL, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


@_forwarding
def price(amount: Decimal, currency: UndefinedCurrency) -> Decimal:  # type: ignore[name-defined] # noqa: F821
    """Annotations naming a ``TYPE_CHECKING``-only class and an undefined one."""
    return amount


@_forwarding
def ratio(part: 1 / 0, whole: int) -> float:  # type: ignore[valid-type]
    """An annotation whose evaluation divides by zero."""
    return 0.0


@_forwarding
def generic(items: Exploding[int]) -> Exploding[str]:
    """Annotations whose evaluation raises ``RuntimeError``."""
    return items


@_forwarding
def sentinel_default(key: str, default: Unprintable = SENTINEL) -> object:
    """A default whose ``repr``/``==``/``hash`` raise (``str(sig)`` raises too)."""
    return default


@with_fallback
def lookup(key: str) -> object:
    """A decorator adds ``fallback`` with an :class:`Unprintable` default."""
    return key


def broken_syntax(value):  # type: ignore[no-untyped-def]
    """Its ``__annotations__`` holds a string that is not valid Python."""
    return value


broken_syntax.__annotations__ = {"value": "list[int", "return": "->"}
wrapped_broken_syntax = _forwarding(broken_syntax)
"""A wrapper around :func:`broken_syntax`."""


class RaisingAnnotations:
    """A callable instance whose ``__annotations__`` property raises."""

    @property  # type: ignore[misc]
    def __annotations__(self) -> Any:
        raise RuntimeError("annotations are unavailable")

    def __call__(self, batch: list[int]) -> int:
        """Process a batch."""
        return len(batch)


process = RaisingAnnotations()
"""A callable instance whose ``__annotations__`` raises."""
