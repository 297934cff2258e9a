"""Objects whose attributes raise when they are read.

Libraries build these on purpose (lazy proxies, RPC stubs, ORMs) or by
accident (a property that assumes state). ``inspect.signature`` reads
``__signature__`` and ``__wrapped__`` with ``getattr`` and so lets most of
these exceptions escape; the resolver must not.
"""

import functools
import types
from typing import Any


class RemoteProxy:
    """An RPC stub: every unknown attribute is a network error."""

    def __getattr__(self, name: str) -> Any:
        raise ConnectionError(f"remote attribute {name!r} is unreachable")

    def __call__(self, method: str, *params: Any) -> Any:
        """Invoke a remote method."""
        raise ConnectionError("offline")


remote = RemoteProxy()
"""A callable proxy whose ``__getattr__`` raises ``ConnectionError``."""


class BrokenSignature:
    """A callable whose ``__signature__`` property raises."""

    @property
    def __signature__(self) -> Any:
        raise RuntimeError("signature computed from unavailable state")

    def __call__(self, query: str, limit: int = 10) -> list[str]:
        """Run a search."""
        return []


search = BrokenSignature()
"""A callable instance whose ``__signature__`` raises ``RuntimeError``."""


class NotASignature:
    """A callable whose ``__signature__`` is not a signature at all."""

    __signature__ = "(query, limit=10)"

    def __call__(self, query: str, limit: int = 10) -> list[str]:
        """Run a search."""
        return []


lookup = NotASignature()
"""A callable instance whose ``__signature__`` is a string."""


class BrokenWrapped:
    """A decorator instance whose ``__wrapped__`` property raises."""

    def __init__(self, func: Any) -> None:
        self.func = func

    @property
    def __wrapped__(self) -> Any:
        raise KeyError("__wrapped__")

    def __call__(self, *args: Any, **kwargs: Any):
        return self.func(*args, **kwargs)


@BrokenWrapped
def fetch_user(user_id: int, *, include_deleted: bool = False) -> dict[str, Any]:
    """Fetch a user record."""
    return {}


class BrokenCode:
    """A callable instance that pretends to be a function with a ``__code__`` that raises."""

    @property
    def __code__(self) -> Any:
        raise RuntimeError("no code here")

    @property
    def __globals__(self) -> Any:
        raise RuntimeError("no globals here")

    @property
    def __defaults__(self) -> Any:
        raise RuntimeError("no defaults here")

    def __call__(self, path: str, mode: str = "r") -> Any:
        """Open a file."""
        return None


open_file = BrokenCode()
"""A callable instance whose ``__code__``/``__globals__``/``__defaults__`` raise."""


def _wrap_with_broken_attrs(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


@_wrap_with_broken_attrs
def rename(old: str, new: str) -> None:
    """Rename a file. Its ``__wrapped__`` is an object whose every attribute raises."""


rename.__wrapped__ = remote  # type: ignore[attr-defined]


class WrappedIsNotCallable:
    """A decorator instance whose ``__wrapped__`` is a plain number."""

    __wrapped__ = 42

    def __call__(self, item: str) -> None:
        """Enqueue an item."""


enqueue = WrappedIsNotCallable()
"""A callable instance whose ``__wrapped__`` is ``42``."""


class BrokenMetaclass(type):
    """A metaclass whose ``__signature__`` and ``__wrapped__`` lookups raise."""

    def __getattr__(cls, name: str) -> Any:
        raise RuntimeError(f"class attribute {name!r} is broken")


class Model(metaclass=BrokenMetaclass):
    """A model class; its metaclass raises on every unknown class attribute."""

    def __init__(self, name: str, *, table: str = "models") -> None:
        self.name = name
        self.table = table


class RaisingDescriptor:
    """A descriptor that raises on ``__get__`` (wraps a method)."""

    def __init__(self, func: Any) -> None:
        self.func = func

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        raise RuntimeError("descriptor access is forbidden")


class Service:
    """A class with a method behind a descriptor whose ``__get__`` raises."""

    def start(self, port: int = 8080) -> None:
        """Start the service."""

    @RaisingDescriptor
    def stop(self, grace: float = 1.0) -> None:
        """Stop the service."""


class FakeFunction:
    """A callable that claims to be a function: ``isinstance(obj, FunctionType)`` is true."""

    @property  # type: ignore[misc]
    def __class__(self) -> Any:  # type: ignore[override]
        return types.FunctionType

    def __call__(self, host: str, port: int = 443) -> None:
        """Connect."""


impersonator = FakeFunction()
"""An object for which ``isinstance(impersonator, types.FunctionType)`` is ``True``."""


class Fingerprint:
    """A callable whose ``hash()`` and ``==`` raise (a cache keyed on it would fail)."""

    def __hash__(self) -> int:
        raise RuntimeError("Fingerprint is not hashable")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("Fingerprint cannot be compared")

    def __call__(self, data: bytes, *, algorithm: str = "sha256") -> str:
        """Hash some data."""
        return ""


fingerprint = Fingerprint()
"""A callable instance whose ``__hash__`` and ``__eq__`` raise."""

wrapped_fingerprint = _wrap_with_broken_attrs(fingerprint)
"""A ``functools.wraps`` wrapper around :data:`fingerprint`."""
