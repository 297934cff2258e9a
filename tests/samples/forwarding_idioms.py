"""Forwarding idioms of real decorator libraries, written as their users meet them."""

from __future__ import annotations

import functools
import inspect
from typing import Any

from samples import backend


class Record:
    """A model whose ``__init__`` takes anything and says what it takes in ``__signature__``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.values = (args, kwargs)


Record.__init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("name", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("size", inspect.Parameter.KEYWORD_ONLY, default=1),
    ]
)


class _Mock:
    """What a test-patching decorator passes last."""


def with_mock(func: Any) -> Any:
    """Pass a mock as the last positional argument (as ``unittest.mock.patch`` does)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*(args + (_Mock(),)), **kwargs)  # noqa: RUF005 - the idiom under test

    return wrapper


def with_two_mocks(func: Any) -> Any:
    """Append two positional arguments, written after ``*args``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, _Mock(), _Mock(), **kwargs)

    return wrapper


@with_mock
def check_upload(path: str, retries: int = 1, mock: Any = None) -> tuple[str, int, Any]:
    """A test that receives a mock last."""
    return path, retries, mock


@with_two_mocks
def check_download(url: str, first: Any, second: Any) -> tuple[str, Any, Any]:
    """A test that receives two mocks last."""
    return url, first, second


def bound_later(func: Any) -> Any:
    """Bind the positional arguments first, the keywords later."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return functools.partial(func, *args)(**kwargs)

    return wrapper


@bound_later
def resize(width: int, height: int = 0, *, keep_ratio: bool = True) -> tuple[int, int, bool]:
    """Resize."""
    return width, height, keep_ratio


def send_via_backend(*args: Any, **kwargs: Any) -> str:
    """Forwards to ``backend.send``, a function of another module."""
    return backend.send(*args, **kwargs)


def provide(*names: str) -> Any:
    """Fill in the named keywords the caller left out (dependency injection)."""

    def decorate(func: Any) -> Any:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for name in names:
                if name not in kwargs:
                    kwargs[name] = f"<{name}>"
            return func(*args, **kwargs)

        return wrapper

    return decorate


@provide("db", "cache")
def handle(request: str, *, db: str, cache: str) -> tuple[str, str, str]:
    """A handler whose ``db`` and ``cache`` are provided when not passed."""
    return request, db, cache


_HANDLERS: dict[str, Any] = {}


def routed(func: Any) -> Any:
    """A method decorator that routes through a table: it can only be presumed."""

    @functools.wraps(func)
    def wrapper(self: Any, key: str, *args: Any, **kwargs: Any) -> Any:
        return _HANDLERS.get(key, func)(self, key, *args, **kwargs)

    return wrapper


class Store:
    """A store whose ``get`` is routed."""

    @routed
    def get(self, key: str, default: Any = None, *, fresh: bool = False) -> Any:
        """The value under ``key``."""
        return default
