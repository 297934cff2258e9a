"""The one walk down a wrapper chain, and the one limit on how deep anything goes.

Every part of effsig that looks below a documented object -- the resolver,
the documentation layer looking for the innermost function, the command
line locating a callable or listing its ``__wrapped__`` chain -- follows
at most :data:`MAX_LAYERS` layers, so they all stop at the same place.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any

from ..safe import wrapped_of

#: How many layers are followed below an object, by the resolver (nested
#: resolutions) and by every walk of the chain. Deeper than any real
#: decorator stack (a stack of 200 decorators resolves), shallow enough
#: that the resolver stays within the recursion limit it sets itself.
MAX_LAYERS = 400


def declared_inner(obj: object) -> Any:
    """The layer ``obj`` declares below itself: a bound method's function, or ``__wrapped__``."""
    return obj.__func__ if isinstance(obj, types.MethodType) else wrapped_of(obj)


def inner_or_bound(obj: object) -> Any:
    """As :func:`declared_inner`, and through ``staticmethod``/``classmethod`` and partials."""
    if isinstance(obj, (types.MethodType, staticmethod, classmethod)):
        return obj.__func__
    if isinstance(obj, functools.partial):
        return obj.func
    return wrapped_of(obj)


def layers(obj: object, step: Callable[[object], Any] = declared_inner) -> list[object]:
    """``obj`` and each layer ``step`` finds below the last one, outermost first.

    The walk stops where ``step`` finds nothing (``None``), at a layer seen
    before (a cycle), or after :data:`MAX_LAYERS` layers.
    """
    found: list[object] = []
    seen: set[int] = set()
    current: Any = obj
    while current is not None and len(found) < MAX_LAYERS and id(current) not in seen:
        # Every layer stays referenced in ``found``, so ids cannot be reused.
        seen.add(id(current))
        found.append(current)
        current = step(current)
    return found


def wrapper_chain(obj: object) -> list[object]:
    """``obj`` and everything reachable from it through ``__func__``/``__wrapped__``."""
    return layers(obj)


def innermost(obj: object) -> object:
    """The function at the end of :func:`wrapper_chain`.

    The documented function itself, whatever name it is documented under:
    its parameters are its own.
    """
    return wrapper_chain(obj)[-1] if obj is not None else obj
