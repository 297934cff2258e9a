"""Decorators that state the result with an explicit ``__signature__`` (family 5).

An explicit ``__signature__`` is authoritative for the object that carries it;
owners come from comparing it with the wrapped object: parameters the wrapped
object does not have belong to the carrier.
"""

import functools
import inspect
from collections.abc import Callable
from typing import Any

from samples.calls import remember_call

_KW = inspect.Parameter.KEYWORD_ONLY


def with_timeout(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``timeout`` and advertise it through ``__signature__``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        timeout = kwargs.pop("timeout", 10.0)
        TIMEOUTS.append(timeout)
        return func(*args, **kwargs)

    sig = inspect.signature(func)
    timeout = inspect.Parameter("timeout", _KW, default=10.0, annotation=float)
    wrapper.__signature__ = sig.replace(parameters=[*sig.parameters.values(), timeout])
    return wrapper


TIMEOUTS: list[float] = []


def inject_db(func: Callable[..., Any]) -> Callable[..., Any]:
    """Supply ``db`` and hide it from the advertised signature."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, db=DATABASE, **kwargs)

    sig = inspect.signature(func)
    wrapper.__signature__ = sig.replace(
        parameters=[p for p in sig.parameters.values() if p.name != "db"]
    )
    return wrapper


DATABASE = object()


def renamed(**aliases: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Accept parameters under a new name: ``@renamed(user="username")``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any):
            for old, new in aliases.items():
                if new in kwargs:
                    kwargs[old] = kwargs.pop(new)
            return func(*args, **kwargs)

        sig = inspect.signature(func)
        wrapper.__signature__ = sig.replace(
            parameters=[
                p.replace(name=aliases.get(p.name, p.name)) for p in sig.parameters.values()
            ]
        )
        return wrapper

    return decorate


def traced(func: Callable[..., Any]) -> Callable[..., Any]:
    """No ``functools.wraps``: copies only the signature of the wrapped function."""

    def wrapper(*args: Any, **kwargs: Any):
        CALLS.append(func.__name__)
        return func(*args, **kwargs)

    wrapper.__signature__ = inspect.signature(func)
    return wrapper


CALLS: list[str] = []


def with_defaults(**defaults: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Change defaults: ``@with_defaults(region="eu-west-1")``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(func)
        new_sig = sig.replace(
            parameters=[
                p.replace(default=defaults[p.name]) if p.name in defaults else p
                for p in sig.parameters.values()
            ]
        )

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any):
            bound = new_sig.bind(*args, **kwargs)
            bound.apply_defaults()
            return func(*bound.args, **bound.kwargs)

        wrapper.__signature__ = new_sig
        return wrapper

    return decorate


class Endpoint:
    """A class-based decorator whose instances carry ``__signature__``."""

    def __init__(self, func: Callable[..., Any]) -> None:
        functools.update_wrapper(self, func)
        self.func = func
        sig = inspect.signature(func)
        headers = inspect.Parameter("headers", _KW, default=None, annotation=dict[str, str] | None)
        self.__signature__ = sig.replace(parameters=[*sig.parameters.values(), headers])

    def __call__(self, *args: Any, headers: dict[str, str] | None = None, **kwargs: Any) -> Any:
        HEADERS.append(headers)
        return self.func(*args, **kwargs)


HEADERS: list[dict[str, str] | None] = []


def retry(func: Callable[..., Any]) -> Callable[..., Any]:
    """A plain ``wraps`` wrapper that adds ``retries`` (no ``__signature__`` of its own)."""

    @functools.wraps(func)
    def wrapper(*args: Any, retries: int = 3, **kwargs: Any):
        for _ in range(retries - 1):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                continue
        return func(*args, **kwargs)

    return wrapper


@with_timeout
def fetch(url: str, *, verify: bool = True) -> bytes:
    """Download ``url``."""
    return remember_call()


@inject_db
def save_order(order_id: int, db: object, *, notify: bool = False) -> None:
    """Store an order with the injected database."""
    return remember_call()


@renamed(user="username")
def grant(user: str, role: str = "reader") -> bool:
    """Give ``role`` to a user; callers now say ``username=``."""
    return remember_call()


@traced
def resize(image: bytes, width: int, height: int = 0) -> bytes:
    """Resize an image."""
    return remember_call()


@retry
@with_timeout
def download(url: str, *, verify: bool = True) -> bytes:
    """``retry`` copies ``with_timeout``'s ``__signature__`` through ``wraps``."""
    return remember_call()


@with_defaults(region="eu-west-1")
def create_bucket(name: str, region: str = "us-east-1", *, public: bool = False) -> str:
    """The ``__signature__`` changes a default; the parameter stays the function's."""
    return remember_call()


@Endpoint
def get_item(item_id: int, *, fields: str = "*") -> dict[str, Any]:
    """Wrapped by an ``Endpoint`` instance."""
    return remember_call()


def call_api(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """A generic client method whose signature is stated by hand below."""
    return {"args": args, "kwargs": kwargs}


call_api.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter("endpoint", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str),
        inspect.Parameter("payload", _KW, default=None, annotation=dict[str, Any] | None),
    ],
    return_annotation=dict[str, Any],
)
