"""Wrappers whose forwarding goes through code the resolver must read, not assume.

- ``await self._retrying.call(func, *args, **kwargs)``: a method that receives
  the target and the arguments consumes its own keyword-only parameters
  before it calls the target; they are the caller's to pass.
- ``_run_with_budget(func, *args, **kwargs)``: the same with a module function
  (also one that is itself decorated with ``functools.wraps``);
  ``run_attempts(*args, call=func, **kwargs)``: the target handed by keyword.
- ``Thread(target=func, args=args, kwargs=kwargs)``: the arguments are handed
  to a runner as values; the target receives exactly them.
- ``kwargs.pop("timeout", 1.0 if fast else 30.0)``-like choices written as an
  ``if``/``else`` on a closure variable: the decorated function shows the
  default of the arm its decorator was configured for; where the test is
  decided only at call time (``if os.environ.get("CI")``) the default is ``...``.
"""

from __future__ import annotations

import functools
import os
import threading
from typing import Any

from samples.calls import remember_call


class Retrying:
    """Runs a callable again on failure; the attempts are chosen per call."""

    async def call(self, func: Any, *args: Any, attempts: int = 3, **kwargs: Any) -> Any:
        for attempt in range(attempts):
            try:
                return await func(*args, **kwargs)
            except ConnectionError:
                if attempt == attempts - 1:
                    raise
        return None


def async_retry(func: Any) -> Any:
    retrying = Retrying()

    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        return await retrying.call(func, *args, **kwargs)

    return wrapper


@async_retry
async def download(url: str, *, chunk: int = 1024) -> Any:
    return remember_call()


def _run_with_budget(func: Any, *args: Any, budget: float = 1.0, **kwargs: Any) -> Any:
    """A module-level runner with a keyword of its own."""
    if budget <= 0:
        raise TimeoutError
    return func(*args, **kwargs)


def with_budget(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return _run_with_budget(func, *args, **kwargs)

    return wrapper


@with_budget
def solve(puzzle: str, depth: int = 4) -> Any:
    return remember_call()


def counted(func: Any) -> Any:
    """Counts the calls of ``func``; ``functools.wraps`` keeps what it wraps."""

    @functools.wraps(func)
    def counting(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return counting


@counted
def _run_with_quota(func: Any, *args: Any, quota: int = 10, **kwargs: Any) -> Any:
    """A runner that is itself decorated: it still runs its first argument."""
    if quota <= 0:
        raise RuntimeError("quota exhausted")
    return func(*args, **kwargs)


def with_quota(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return _run_with_quota(func, *args, **kwargs)

    return wrapper


@with_quota
def estimate(puzzle: str, depth: int = 4) -> Any:
    return remember_call()


def in_worker_thread(func: Any) -> Any:
    """Runs the function in a worker thread (its own thread-local state) and waits."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> threading.Thread:
        thread = threading.Thread(target=func, args=args, kwargs=kwargs, daemon=True)
        thread.start()
        thread.join()
        return thread

    return wrapper


@in_worker_thread
def reindex(path: str, *, full: bool = False) -> None:
    remember_call()


def deadline(fast: bool = False) -> Any:
    """A keyword whose default depends on how the decorator was configured."""

    def decorate(func: Any) -> Any:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if fast:
                timeout = kwargs.pop("timeout", 1.0)
            else:
                timeout = kwargs.pop("timeout", 30.0)
            if timeout <= 0:
                raise TimeoutError
            return func(*args, **kwargs)

        return wrapper

    return decorate


@deadline(fast=True)
def ping(host: str) -> Any:
    return remember_call()


@deadline()
def backup(volume: str) -> Any:
    return remember_call()


def patient(func: Any) -> Any:
    """A default chosen at call time: the documented default is ``...``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if os.environ.get("CI"):
            timeout = kwargs.pop("timeout", 120.0)
        else:
            timeout = kwargs.pop("timeout", 10.0)
        if timeout <= 0:
            raise TimeoutError
        return func(*args, **kwargs)

    return wrapper


@patient
def deploy(service: str) -> Any:
    return remember_call()


def run_attempts(*args: Any, call: Any, attempts: int = 3, **kwargs: Any) -> Any:
    """Call ``call`` until it succeeds; it is handed over by keyword."""
    for _ in range(attempts - 1):
        try:
            return call(*args, **kwargs)
        except ConnectionError:
            continue
    return call(*args, **kwargs)


def resilient(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return run_attempts(*args, call=func, **kwargs)

    return wrapper


@resilient
def upload(path: str, *, overwrite: bool = False) -> Any:
    return remember_call()


def memoised_first_call(func: Any) -> Any:
    """Rebinds its closure variable: ``if impl is not None`` is decided per call."""
    impl = None

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal impl
        if impl is not None:
            return impl(*args, **kwargs)
        impl = func
        return func(*args, **kwargs)

    return wrapper


@memoised_first_call
def load_settings(path: str) -> Any:
    return remember_call()


def relay(*args: Any, handler: Any, **kwargs: Any) -> Any:
    """Hands itself on again: followed once, a cycle after that."""
    if not args:
        return None
    return handler(*args[1:], handler=handler, **kwargs)


def relayed(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return relay(*args, handler=relay, **kwargs)

    return wrapper


@relayed
def broadcast(message: str) -> Any:
    return remember_call()


class Registry(dict[str, Any]):
    """A dict subclass handing its arguments to ``dict.__init__`` (compiled
    code, whose text signature names them ``*args, **kwargs``)."""

    def __init__(self, *entries: Any, **named: Any) -> None:
        dict.__init__(self, *entries, **named)


class BlockingClient:
    """Runs an asynchronous client's calls to completion, one at a time."""

    def __init__(self, client: Any, run: Any) -> None:
        self._client = client
        self._run = run

    def fetch(self, url: str, **options: Any) -> bytes:
        """Fetch ``url``; ``options`` go to the asynchronous client's ``fetch``."""
        # The call the options reach is the client's (not known statically);
        # functools.partial, compiled code, only holds them.
        body: bytes = self._run(functools.partial(self._client.fetch, url, **options))
        return body
