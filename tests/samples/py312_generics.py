"""PEP 695 type parameters on decorators and wrappers (Python 3.12+ syntax).

Imported only on Pythons that parse it (``tests/test_resolver_new_syntax.py``).
"""

import functools
from collections.abc import Callable
from typing import Concatenate


class Request:
    """What a view receives first."""


def retry[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    """Try again on failure.

    :param retries: How many attempts in all.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, retries: int = 3, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    return wrapper


class Traced[**P, R]:
    """A generic class used as a decorator: ``__call__`` adds ``trace_id``."""

    def __init__(self, func: Callable[P, R]) -> None:
        self.func = func
        functools.update_wrapper(self, func)

    def __call__(self, *args: P.args, trace_id: str | None = None, **kwargs: P.kwargs) -> R:
        return self.func(*args, **kwargs)


def with_request[**P, R](func: Callable[P, R]) -> Callable[Concatenate[Request, P], R]:
    """A typed decorator whose wrapper has no ``__wrapped__``: the annotations say it all."""
    namespace: dict[str, object] = {"func": func}
    exec("def view(request, *args, **kwargs):\n    return func(*args, **kwargs)\n", namespace)
    return namespace["view"]  # type: ignore[return-value]


type Seconds = float
type Header = tuple[str, str]


@retry
def fetch(url: str, *, timeout: Seconds = 1.0) -> bytes:
    """Download ``url``."""
    return b""


@Traced
def store(key: str, value: bytes) -> None:
    """Store ``value`` under ``key``."""


@with_request
def profile(user_id: int) -> dict[str, int]:
    """Show a user's profile."""
    return {}


def first[T](items: list[T], *, default: T | None = None) -> T | None:
    """A generic function that is not decorated."""
    return items[0] if items else default


@retry
def send(headers: list[Header], *, timeout: Seconds = 5.0) -> int:
    """Send ``headers``; ``type`` aliases in the annotations stay aliases."""
    return 0
