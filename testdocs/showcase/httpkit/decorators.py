"""The decorators that shape :class:`httpkit.Client`'s methods."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import HTTPError, RetryError

R = TypeVar("R")


def retry(*, on: tuple[type[Exception], ...] = (HTTPError,)) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Retry the call when it raises one of ``on``.

    :param on: The exceptions that trigger another attempt.
    """

    def decorate(func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def retrying(*args: Any, retries: int = 3, backoff: float = 0.5, **kwargs: Any) -> R:
            """
            :param retries: How many attempts before giving up.
            :param backoff: Seconds to wait before the second attempt; doubled each time.
            """
            delay = backoff
            for _attempt in range(retries):
                try:
                    return func(*args, **kwargs)
                except on:
                    time.sleep(delay)
                    delay *= 2
            raise RetryError(503, f"gave up after {retries} attempts")

        return retrying

    return decorate


def with_timeout(default: float = 10.0) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Give the call a deadline of ``timeout`` seconds (``default`` unless given)."""

    def decorate(func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> R:
            timeout = kwargs.pop("timeout", default)
            started = time.monotonic()
            result = func(*args, **kwargs)
            if time.monotonic() - started > timeout:
                raise TimeoutError(f"{func.__name__} took longer than {timeout}s")
            return result

        return timed

    return decorate


def authenticated(method: Callable[..., R]) -> Callable[..., R]:
    """Pass the client's current access token as ``token``; callers never do."""

    @functools.wraps(method)
    def with_token(self: Any, *args: Any, **kwargs: Any) -> R:
        return method(self, *args, token=self.credentials.token(), **kwargs)

    return with_token


def paginated(method: Callable[..., R]) -> Callable[..., R]:
    """Fetch the result page by page.

    :param page_size: How many items to ask for per request.
    """

    @functools.wraps(method)
    def pages(*args: Any, page_size: int = 100, **kwargs: Any) -> R:
        return method(*args, **kwargs)

    return pages
