"""Decorators shared by the parcelpost API functions."""

import functools
import time
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from .models import Receipt, User

P = ParamSpec("P")
R = TypeVar("R")


def current_user() -> User:
    """The account the session is signed in with."""
    return User(name="demo")


def retry(func):
    """Try again when the carrier's API times out.

    :param retries: How many more attempts to make after a timeout.
    """

    @functools.wraps(func)
    def wrapper(*args, retries: int = 3, **kwargs):
        for _attempt in range(retries):
            try:
                return func(*args, **kwargs)
            except TimeoutError:
                time.sleep(1)
        return func(*args, **kwargs)

    return wrapper


def with_timeout(seconds):
    """Give up when the carrier does not answer in time.

    :param seconds: The time limit used when the caller gives none.
    :param timeout: Seconds to wait for the carrier; ``None`` uses the
        decorator's ``seconds``.
    """

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, timeout: float | None = None, **kwargs):
            limit = seconds if timeout is None else timeout
            started = time.monotonic()
            result = func(*args, **kwargs)
            if time.monotonic() - started > limit:
                raise TimeoutError(limit)
            return result

        return wrapper

    return decorate


def require_user(func):
    """Pass the signed-in account to the function as ``user``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, user=current_user(), **kwargs)

    return wrapper


def as_receipt(func):
    """Turn the amount a payment function returns into a :class:`~parcelpost.models.Receipt`."""

    @functools.wraps(func)
    def wrapper(label_id: str, *args, **kwargs) -> Receipt:
        return Receipt(label_id, func(label_id, *args, **kwargs))

    return wrapper


class Connection:
    """An open connection to the carrier's API."""


def with_connection(func: Callable[Concatenate[Connection, P], R]) -> Callable[P, R]:
    """Open a connection and pass it to the function as its first argument."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return func(Connection(), *args, **kwargs)

    return wrapper


def localized(func: Callable[P, R]) -> Callable[Concatenate[str, P], R]:
    """Answer in the language the caller asks for.

    :param language: An IETF language tag such as ``"de-AT"``.
    """

    @functools.wraps(func)
    def wrapper(language: str, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    return wrapper


class audited:
    """Record every call in the audit log.

    :param reason: Why the call is made; stored with the audit entry.
    """

    def __init__(self, func: Callable[..., R]) -> None:
        functools.update_wrapper(self, func)
        self.func = func

    def __call__(self, *args, reason: str = "", **kwargs):
        print(f"audit: {self.func.__name__}: {reason}")
        return self.func(*args, **kwargs)


def with_carrier(func):
    """Book with the carrier the caller names.

    :param carrier: The carrier's code; ``"dhl"`` unless given.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        carrier = kwargs.pop("carrier", "dhl")
        print(f"booking with {carrier}")
        return func(*args, **kwargs)

    return wrapper


def signed(func):
    """Sign the request with one of the account's keys."""

    @functools.wraps(func)
    def wrapper(*args, key_id: str = "default", **kwargs):
        """
        :param key_id: Which key of the account signs the request.
        """
        return func(*args, **kwargs)

    return wrapper


_EXPORTERS: dict[str, Callable[..., bytes]] = {}


def routed(func):
    """Let the caller pick another registered exporter.

    :param route: The name of the exporter to use instead.
    """
    _EXPORTERS[func.__name__] = func

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        exporter = _EXPORTERS[kwargs.pop("route", func.__name__)]
        return exporter(*args, **kwargs)

    return wrapper
