"""Registry dispatchers (``functools.singledispatch`` and its kind).

They pick the implementation from a registry at call time; every
registered implementation answers the same call as the default one, which
is what ``__wrapped__`` names.
"""

from __future__ import annotations

from ..safe import MISSING, instance_attr


def dispatches_by_registry(func: object, bound_self: object, wrapped: object) -> bool:
    """A computed target that is, by default, the declared ``__wrapped__``.

    Dispatchers announce themselves with a ``register`` method. Any other
    computed target (``getattr(backends, name)``) is not trusted.
    """
    if wrapped is None:
        return False
    holder = func if bound_self is MISSING else bound_self
    return callable(instance_attr(holder, "register", None))
