"""``**kwargs: Unpack[SomeTypedDict]`` (PEP 692): the keys are keyword-only parameters."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NotRequired, Required, TypedDict, TypeVar, Unpack

R = TypeVar("R")


class Style(TypedDict, total=False):
    """Every key optional, except the one marked ``Required``."""

    colour: str
    width: Required[int]


class Point(TypedDict):
    x: int
    y: int
    label: NotRequired[str]


class LabelledPoint(Point):
    """Keys of the base first, then its own."""

    font: NotRequired[str]


def draw(shape: str, **kwargs: Unpack[Style]) -> None:
    """Draw ``shape`` in the given style."""


def plot(**kwargs: Unpack[Point]) -> None:
    """Plot one point."""


def annotate(**kwargs: Unpack[LabelledPoint]) -> None:
    """Plot a point with a label."""


def traced(func: Callable[..., R]) -> Callable[..., R]:
    """Log every call.

    :param trace: Whether to log this call.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, trace: bool = False, **kwargs: Any) -> R:
        return func(*args, **kwargs)

    return wrapper


@traced
def plot_traced(**kwargs: Unpack[Point]) -> None:
    """Plot one point, traced."""


def tally(**kwargs: int) -> None:
    """Any keyword, each an ``int``: not a TypedDict, so ``**kwargs`` stays."""
