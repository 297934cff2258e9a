"""Eagerly evaluated annotations, overwritten by ``functools.wraps`` (family 6).

``wraps`` replaces the wrapper's ``__annotations__`` with the wrapped
function's, so the wrapper's own ``deadline: float | None`` is only in its
source.
"""

import functools
from collections.abc import Callable
from typing import Any

from samples.calls import remember_call


def with_deadline(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give up after ``deadline`` seconds."""

    @functools.wraps(func)
    def wrapper(*args: Any, deadline: float | None = None, **kwargs: Any):
        DEADLINES.append(deadline)
        return func(*args, **kwargs)

    return wrapper


DEADLINES: list[float | None] = []


def paginated(func: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
    """Add a leading ``page`` number, annotated only in the wrapper's source."""

    @functools.wraps(func)
    def wrapper(page: int, *args: Any, **kwargs: Any):
        return func(*args, **kwargs)[(page - 1) * 10 : page * 10]

    return wrapper


@with_deadline
def download(url: str, *, chunk_size: int = 65536) -> bytes:
    """Download ``url``."""
    return remember_call()


@paginated
def search(query: str, *, exact: bool = False) -> list[str]:
    """Search; the wrapper takes the page number first."""
    remember_call()
    return [query] * 30
