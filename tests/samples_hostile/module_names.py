"""Objects that lie about where they come from.

``__module__`` is ``None`` or names a module that does not exist; a
function's globals have no ``__name__``; a class's ``__qualname__`` points
nowhere. Owner names and definition-site lookups must cope.
"""

import functools
import types
from typing import Any


def _forwarding(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


def stateless(key: str, default: object = None) -> object:
    """A function whose ``__module__`` is ``None``."""
    return default


stateless.__module__ = None  # type: ignore[assignment]


@_forwarding
def relocated(key: str, *, ttl: int = 60) -> None:
    """A wrapped function whose ``__module__`` names a module that does not exist."""


relocated.__module__ = "no_such_package.cache"
relocated.__wrapped__.__module__ = "no_such_package.cache"  # type: ignore[attr-defined]


class Anonymous:
    """A class whose ``__module__`` is ``None``."""

    def __init__(self, label: str) -> None:
        self.label = label


Anonymous.__module__ = None  # type: ignore[assignment]


class Displaced:
    """A class whose ``__module__`` and ``__qualname__`` name nothing real."""

    @_forwarding
    def __init__(self, size: int = 0) -> None:
        self.size = size


Displaced.__module__ = "vanished.module"
Displaced.__qualname__ = "Outer.<locals>.Displaced"

globals_without_name = types.FunctionType(stateless.__code__, {}, "globals_without_name")
"""A function whose ``__globals__`` is an empty dict (no ``__name__``)."""


def _with_odd_globals() -> Any:
    namespace: dict[str, Any] = {"__name__": 12345, "target": stateless}
    exec("def odd_globals(*args, **kwargs):\n    return target(*args, **kwargs)\n", namespace)
    return namespace["odd_globals"]


odd_globals = _with_odd_globals()
"""A forwarding function whose ``__globals__['__name__']`` is an integer."""
