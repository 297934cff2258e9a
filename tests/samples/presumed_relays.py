"""Wrappers that pass everything on to callables their code computes.

Each declares what it wraps (``functools.wraps``); none of the calls can be
followed without running code, so each is presumed to pass its arguments
on unchanged. Some are relays by their code alone, some only look like one.

Nothing here is ever called by the resolver.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

_HANDLERS: dict[str, Callable[..., Any]] = {}


def _loaded(name: str) -> Callable[..., Any]:
    """Stands for an import done at call time."""
    raise AssertionError("never called")


def by_registry(func: Callable[..., Any]) -> Callable[..., Any]:
    """Looks the handler up at call time."""

    @functools.wraps(func)
    def routed(*args, **kwargs):
        return _HANDLERS[func.__name__](*args, **kwargs)

    return routed


def twice_loaded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Two calls, neither followed: both are named in the notes."""

    @functools.wraps(func)
    def loaded(*args, **kwargs):
        _loaded("audit")(*args, **kwargs)
        return _loaded(func.__name__)(*args, **kwargs)

    return loaded


class Stub:
    """Binds itself into the wrapper as a private keyword (networkx's argmap)."""

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def compiled(*args, __stub=self, **kwargs):
            return __stub.compile(func)(*args, **kwargs)

        functools.update_wrapper(compiled, func)
        return compiled

    def compile(self, func: Callable[..., Any]) -> Callable[..., Any]:
        raise AssertionError("never called")


def unbound_stub(func: Callable[..., Any]) -> Callable[..., Any]:
    """The same code with its private binding's default taken away."""
    compiled = Stub()(func)
    compiled.__kwdefaults__ = None
    return compiled


def registered(func: Callable[..., Any]) -> Callable[..., Any]:
    """A registry dispatcher: its computed target is, by default, the wrapped one."""

    @functools.wraps(func)
    def dispatcher(*args, **kwargs):
        return _HANDLERS.get(type(args[0]).__name__, func)(*args, **kwargs)

    dispatcher.register = _HANDLERS.setdefault  # type: ignore[attr-defined]
    return dispatcher


def annotated(func: Callable[..., Any]) -> Callable[..., Any]:
    """Says what it returns itself."""

    @functools.wraps(func)
    def returning(*args, **kwargs) -> dict[str, Any]:
        return _loaded(func.__name__)(*args, **kwargs)

    return returning


@by_registry
def publish(topic: str, payload: bytes, *, retain: bool = False) -> None:
    """Published through the handler registered under its name."""


@twice_loaded
def archive(path: str, *, compress: bool = True) -> int:
    """Archived by a plug-in loaded at call time."""
    return 0


@Stub()
def centrality(graph: object, weight: str | None = None) -> dict[object, float]:
    """Compiled on first call."""
    return {}


@unbound_stub
def clustering(graph: object, nodes: object = None) -> dict[object, float]:
    """Compiled on first call, its binding's default gone."""
    return {}


@registered
def serialise(value: object, *, indent: int = 0) -> str:
    """Dispatched on the type of its first argument."""
    return ""


@annotated
def measure(sample: list[float], *, unit: str = "m") -> float:
    """Measured by a plug-in loaded at call time."""
    return 0.0


@by_registry
def ping() -> None:
    """Nothing to pass on: no parameter to check that the arguments reach."""
