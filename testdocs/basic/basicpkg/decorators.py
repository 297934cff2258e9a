"""Decorators in the shapes people write every day.

Each one changes what a caller can pass to the function it decorates.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

#: How often :func:`retry` tries by default.
MAX_RETRIES = 3


def retry(func: Callable[..., Any]) -> Callable[..., Any]:
    """Call ``func`` again when it raises :class:`ConnectionError`.

    :param retries: How many times to try before giving up.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, retries: int = MAX_RETRIES, **kwargs: Any) -> Any:
        for attempt in range(retries):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                if attempt == retries - 1:
                    raise
        return None

    return wrapper


def with_timeout(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give ``func`` a deadline.

    :param timeout: Seconds before the call is abandoned.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        timeout = kwargs.pop("timeout", 10.0)
        started = time.monotonic()
        result = func(*args, **kwargs)
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{func.__name__} took longer than {timeout}s")
        return result

    return wrapper


def current_user() -> str:
    """The user of the current request."""
    return "alice"


def require_user(func: Callable[..., Any]) -> Callable[..., Any]:
    """Pass the current user to ``func``; callers no longer pass ``user``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, user=current_user(), **kwargs)

    return wrapper


class Session:
    """A database session."""


def with_session(func: Callable[..., Any]) -> Callable[..., Any]:
    """Open a session and pass it as ``func``'s first argument."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        session = Session()
        return func(session, *args, **kwargs)

    return wrapper


def log_calls(func: Callable[..., Any]) -> Callable[..., Any]:
    """Log every call; the signature stays the same."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def audited(func: Callable[..., Any]) -> Callable[..., Any]:
    """Record who called ``func`` (a closure without :func:`functools.wraps`).

    :param reason: Why the call is made, for the audit trail.
    """

    def audited_call(*args: Any, reason: str = "", **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    audited_call.__doc__ = func.__doc__
    return audited_call


def dispatch_by_name(func: Callable[..., Any]) -> Callable[..., Any]:
    """Route the call to a handler looked up at run time.

    Nobody can tell from the code where the arguments go.
    """
    handlers: dict[str, Callable[..., Any]] = {func.__name__: func}

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        handler = handlers[kwargs.pop("handler", func.__name__)]
        args = args[::-1]
        return handler(*args, **kwargs)

    return wrapper
