"""Nothing here is decorated: effsig has nothing to add to any of it."""

from __future__ import annotations

import collections
import collections.abc as cabc
import functools
import typing as t
import warnings
from typing import Any, TypeAlias

_Plugin: TypeAlias = object


def echo(
    message: object = None, file: t.IO[t.Any] | None = None, items: cabc.Iterable[str] = ()
) -> t.ContextManager[t.TextIO]:
    """Print a message.

    :param message: What to print.
    :param file: Where to print it.
    :param items: More to print.
    """
    raise NotImplementedError


def tally(*counts: int, **weights: float) -> float:
    """Add weighted counts.

    :param counts: The counts.
    :param weights: A weight per name.
    """
    return 0.0


class ValidationError(Exception):
    """A plugin failed validation.

    :param plugin: The plugin that failed.
    :param message: What went wrong.
    """

    def __init__(self, plugin: _Plugin, message: str) -> None:
        super().__init__(message)
        self.plugin = plugin


class Hook:
    """A hook that takes keywords only."""

    def __call__(self, **kwargs: object) -> Any:
        """Call every implementation.

        :param kwargs: Passed to each implementation.
        """
        return self._call(kwargs)

    def _call(self, kwargs: dict[str, object]) -> list[object]:
        return list(kwargs)


class Stats(collections.namedtuple("Stats", "hits misses size")):
    """Cache statistics."""

    __slots__ = ()


Pair = collections.namedtuple("Pair", "left right")
Pair.__doc__ = "Two things."


class Marker:
    """Mark functions as hook specifications.

    Instantiate it with a project name to get a decorator.
    """

    def __init__(self, project_name: str) -> None:
        self.project_name = project_name

    def __call__(self, function: Any = None, first_result: bool = False) -> Any:
        """Mark ``function``."""
        return function


class Serializer:
    """Serializes values."""

    def dumps(self, value: Any, **options: Any) -> str:
        """Serialize ``value``.

        :param value: What to serialize.
        :param options: Passed to the encoder.
        """
        return repr(value)

    def dump(self, value: Any, stream: t.IO[str], **options: Any) -> None:
        """Serialize ``value`` to ``stream``.

        :param value: What to serialize.
        :param stream: Where to write it.
        :param options: Passed to the encoder.
        """
        stream.write(self.dumps(value, **options))


HOOKS: dict[str, list[tuple[Any, dict[str, Any]]]] = {}


def set_hook(fn: Any = None, tag: str = "", *, many: bool = False, **kwargs: Any) -> Any:
    """Register ``fn`` as a hook; used as ``@set_hook`` or ``@set_hook(tag, ...)``.

    :param fn: The function to register.
    :param tag: Which hook.
    :param many: Whether it receives a collection.
    :param kwargs: Stored with the hook.
    """
    if fn is None:
        return functools.partial(set_hook, tag=tag, many=many, **kwargs)
    HOOKS.setdefault(tag, []).append((fn, kwargs))
    return fn


def _open_stream(name: t.Literal["stdin", "stdout"], errors: str | None = "strict") -> t.TextIO:
    """Open a standard stream for text.

    :param name: Which stream.
    :param errors: How to handle encoding errors.
    """
    raise NotImplementedError


def __getattr__(name: str) -> Any:
    if name == "open_stream":
        warnings.warn("'open_stream' is deprecated", DeprecationWarning, stacklevel=2)
        return _open_stream
    raise AttributeError(name)
