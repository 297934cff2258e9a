"""The ``decorator`` and ``wrapt`` packages, used as their documentation shows (family 7)."""

import time
from typing import Any

import wrapt
from decorator import decorate, decorator

from samples.calls import remember_call

CALLS: list[str] = []


@decorator
def log_calls(func: Any, *args: Any, **kwargs: Any) -> Any:
    """``decorator`` turns this caller into a signature-preserving decorator."""
    CALLS.append(func.__name__)
    return func(*args, **kwargs)


@decorator
def slow_down(func: Any, delay: float = 0.0, *args: Any, **kwargs: Any) -> Any:
    """A decorator factory: ``@slow_down(delay=0.5)``."""
    time.sleep(delay)
    return func(*args, **kwargs)


def _memoize(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def memoize(func: Any) -> Any:
    """``decorate(func, caller)``: the explicit form."""
    return decorate(func, _memoize)


@log_calls
def fetch(url: str, *, timeout: float = 10.0) -> bytes:
    """Download ``url``."""
    return remember_call()


@slow_down(delay=0.0)
def poll(job_id: int, /, interval: float = 1.0) -> str:
    """Check a job's status."""
    return remember_call()


@memoize
def parse(text: str, *, strict: bool = True) -> dict[str, Any]:
    """Parse a document."""
    return remember_call()


@wrapt.decorator
def trace(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
    """A transparent wrapt decorator."""
    CALLS.append(wrapped.__name__)
    return wrapped(*args, **kwargs)


@wrapt.decorator
def with_retries(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
    """Consumes ``retries`` from the keywords it receives as a dict."""
    retries = kwargs.pop("retries", 3)
    for _ in range(retries - 1):
        try:
            return wrapped(*args, **kwargs)
        except ConnectionError:
            continue
    return wrapped(*args, **kwargs)


def _tagged_prototype(key: str, *, tags: tuple[str, ...] = ()) -> str:
    """The signature ``tagged`` advertises through ``adapter=``."""


@wrapt.decorator(adapter=_tagged_prototype)
def tagged(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
    """Replaces the signature with the adapter's: callers pass ``tags``."""
    tags = kwargs.pop("tags", ())
    CALLS.extend(tags)
    return wrapped(*args, **kwargs)


@trace
def upload(path: str, bucket: str = "default", *, public: bool = False) -> str:
    """Upload a file."""
    return remember_call()


@with_retries
def download(url: str, *, verify: bool = True) -> bytes:
    """Download with retries."""
    return remember_call()


@tagged
def lookup(key: str) -> str:
    """Look a key up."""
    return remember_call()


class Repository:
    """wrapt binds the instance itself (``instance``) for methods."""

    @trace
    def get(self, key: str, *, default: Any = None) -> Any:
        """Read a key."""
        return remember_call()
