"""A small web framework's typed decorators (family 5: ParamSpec, Concatenate, TypeVar).

Some decorators here have readable wrappers; others build their wrapper with
``compile``/``exec`` (as code-generating frameworks do) and copy only the
wrapped function's identity, so the wrapper has no source and no
``__wrapped__``. Their only description is the decorator's annotations:
``Callable[P, R] -> Callable[Concatenate[Request, P], R]``.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Request:
    """An incoming HTTP request."""

    def __init__(self, user: str | None = None) -> None:
        self.user = user


class Response:
    """What a view returns."""


class User:
    """A logged-in user."""

    def __init__(self, name: str = "ada") -> None:
        self.name = name


class DbSession:
    """A database session."""


def authorize(request: Request) -> None:
    """Refuse anonymous requests."""
    if getattr(request, "user", None) is None:
        raise PermissionError("login required")


def current_user() -> User:
    """The user of the request being served."""
    return User()


@contextmanager
def open_session() -> Iterator[DbSession]:
    """A database session for the duration of a call."""
    yield DbSession()


def _copy_identity(wrapper: Any, func: Callable[..., Any]) -> Any:
    """Give a generated wrapper the wrapped function's name, but not ``__wrapped__``."""
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, attr, getattr(func, attr))
    return wrapper


# Generated code: compiled from text, so ``inspect.getsource`` cannot find it.
_GUARD = compile(
    "def guarded(request, *args, **kwargs):\n"
    "    authorize(request)\n"
    "    return func(*args, **kwargs)\n",
    "<require_request>",
    "exec",
)
_ROUTE = compile(
    "def endpoint(*args, **kwargs):\n"
    "    authorize(args[0])\n"
    "    return func(*args[1:], **kwargs)\n",
    "<route>",
    "exec",
)
_INJECT_USER = compile(
    "def with_user(*args, **kwargs):\n    return func(current_user(), *args, **kwargs)\n",
    "<with_current_user>",
    "exec",
)


def require_request(func: Callable[P, R]) -> Callable[Concatenate[Request, P], R]:
    """The view is called with the request first; anonymous requests are refused."""
    namespace: dict[str, Any] = {"func": func, "authorize": authorize}
    exec(_GUARD, namespace)
    return _copy_identity(namespace["guarded"], func)


def route(path: str) -> Callable[[Callable[P, R]], Callable[Concatenate[Request, P], R]]:
    """Register a view under ``path``; the view is called with the request first."""

    def register(func: Callable[P, R]) -> Callable[Concatenate[Request, P], R]:
        namespace: dict[str, Any] = {"func": func, "authorize": authorize}
        exec(_ROUTE, namespace)
        endpoint = _copy_identity(namespace["endpoint"], func)
        ROUTES[path] = endpoint
        return endpoint

    return register


ROUTES: dict[str, Callable[..., Any]] = {}


def with_current_user(func: Callable[Concatenate[User, P], R]) -> Callable[P, R]:
    """Supply the logged-in user as the first argument."""
    namespace: dict[str, Any] = {"func": func, "current_user": current_user}
    exec(_INJECT_USER, namespace)
    return _copy_identity(namespace["with_user"], func)


def login_required(func: Callable[P, R]) -> Callable[Concatenate[Request, P], R]:
    """Readable version of :func:`require_request`: the wrapper has source."""

    def wrapper(request: Request, /, *args: P.args, **kwargs: P.kwargs) -> R:
        authorize(request)
        return func(*args, **kwargs)

    return wrapper


def with_db_session(func: Callable[Concatenate[DbSession, P], R]) -> Callable[P, R]:
    """Open a session and pass it as the first argument."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with open_session() as session:
            return func(session, *args, **kwargs)

    return wrapper


def timed(func: Callable[P, R]) -> Callable[P, R]:
    """Log how long each call takes (no ``functools.wraps``)."""

    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            TIMINGS.append(time.perf_counter() - started)

    return wrapper


TIMINGS: list[float] = []


def traced(func: Callable[P, R]) -> Callable[P, R]:
    """Log each call when asked to; the annotation does not say that the
    wrapper takes a ``trace`` keyword of its own, its code does."""

    @functools.wraps(func)
    def wrapper(*args: P.args, trace: bool = False, **kwargs: P.kwargs) -> R:
        if trace:
            TIMINGS.append(0.0)
        return func(*args, **kwargs)

    return wrapper


def retry_on(*errors: type[Exception]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Call again once when one of ``errors`` is raised."""

    def decorate(func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> R:
            try:
                return func(*args, **kwargs)
            except errors:
                return func(*args, **kwargs)

        return wrapper

    return decorate
