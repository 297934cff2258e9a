"""Keyword arguments typed with ``Unpack`` of a ``TypedDict`` (PEP 692)."""

import functools
from collections.abc import Callable
from typing import Any, NotRequired, TypedDict, TypeVar, Unpack

R = TypeVar("R")


class Stroke(TypedDict):
    """How a line is drawn."""

    colour: str
    width: NotRequired[float]


def logged(func: Callable[..., R]) -> Callable[..., R]:
    """Log each call.

    :param log_level: The level to log the call at.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, log_level: int = 20, **kwargs: Any) -> R:
        return func(*args, **kwargs)

    return wrapper


def draw(shape: str, **kwargs: Unpack[Stroke]) -> None:
    """Draw ``shape``.

    :param shape: What to draw.
    :param colour: The colour of the line.
    :param width: The width of the line, in points.
    """


@logged
def frame(picture: str, **kwargs: Unpack[Stroke]) -> None:
    """Put ``picture`` in a frame.

    :param picture: The picture to frame.
    :param colour: The colour of the frame.
    """
