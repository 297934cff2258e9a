"""Builtins and C callables, bare and under Python decorators.

``inspect.signature`` answers for some (``__text_signature__``) and raises
``ValueError`` for others; the resolver must do exactly the same, and must
not try to read source for C code it wraps.
"""

import functools
import itertools
import math
import operator
from collections import OrderedDict
from typing import Any

length = len
"""``len``: a builtin with a text signature."""

builtin_print = print
"""``print``: a builtin with a text signature and ``*args``."""

no_text_signature = dict.fromkeys
"""A builtin classmethod."""

join = str.join
"""A method descriptor."""

bound_append = [].append
"""A builtin bound to an instance."""

square_root = math.sqrt
"""A C function from an extension module."""

chain = itertools.chain
"""A C class with ``__new__`` only."""

ordered = OrderedDict
"""A C class (``OrderedDict``)."""

second = operator.itemgetter(1)
"""A C callable instance (``inspect`` raises before Python 3.13, answers from 3.13 on)."""

builtin_getattr = getattr
"""``getattr``: a builtin with no text signature (``inspect`` raises on every Python)."""

partial_len = functools.partial(len)
"""A ``partial`` around a builtin."""

cached_abs = functools.lru_cache(maxsize=None)(abs)
"""``lru_cache`` (a C wrapper with ``__wrapped__``) around a builtin."""


def _forwarding(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


wrapped_sorted = _forwarding(sorted)
"""A Python wrapper around ``sorted`` (C, text signature)."""

wrapped_max = _forwarding(max)
"""A Python wrapper around ``max`` (C, no single text signature: ``inspect`` raises)."""


def _closure_only(func: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


closure_around_getattr = _closure_only(getattr)
"""A closure (no ``wraps``) forwarding to ``getattr``, which has no text signature."""


class Point(tuple[float, float]):
    """A class whose constructor is ``tuple.__new__`` (C)."""


class Registry(dict[str, Any]):
    """A ``dict`` subclass with a decorated ``__init__``."""

    @_forwarding
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


def _announced_as(wrapped: Any) -> Any:
    """Wraps the decorated function but declares ``wrapped`` as what it wraps."""

    def decorate(func: Any) -> Any:
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            return func(*args, **kwargs)

        functools.update_wrapper(wrapper, wrapped)
        return wrapper

    return decorate


class _Origin:
    @classmethod
    def current(cls) -> "_Origin":
        """The current one."""
        return cls()


class Folder:
    """Class methods announced as a bound class method of another class.

    ``inspect.signature`` (and so autodoc) gives up on them ("invalid method
    signature": the bound ``__wrapped__`` has no parameter to drop); autodoc
    shows no signature, and effsig must leave it so.
    """

    @classmethod
    @_announced_as(_Origin.current)
    def current(cls) -> "Folder":
        return cls()
