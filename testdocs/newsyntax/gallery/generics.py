"""PEP 695 type parameters on decorators and ``type`` aliases (Python 3.12+)."""

import functools
from collections.abc import Callable

type Seconds = float
"""A duration."""


def retry[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    """Try again when the call fails.

    :param retries: How many attempts in all.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, retries: int = 3, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    return wrapper


class Traced[**P, R]:
    """Trace each call.

    :param trace_id: The id the trace is filed under.
    """

    def __init__(self, func: Callable[P, R]) -> None:
        self.func = func
        functools.update_wrapper(self, func)

    def __call__(self, *args: P.args, trace_id: str | None = None, **kwargs: P.kwargs) -> R:
        return self.func(*args, **kwargs)


@retry
def hang(picture: str, *, timeout: Seconds = 1.0) -> bool:
    """Hang ``picture`` on the wall.

    :param picture: The picture to hang.
    :param timeout: How long to wait for a free wall.
    """
    return True


@Traced
def store(picture: str) -> int:
    """Put ``picture`` in the store room.

    :param picture: The picture to store.
    """
    return 0
