"""A dispatching stack as graph libraries build it (networkx's argmap over
``_dispatchable``): an outer wrapper that compiles its real body on first
call, over a dispatcher object that states its signature -- the function's
own parameters plus the dispatcher's ``backend`` keywords.

Nothing here is ever called by the resolver.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any


def _compiled(wrapper: Callable[..., Any]) -> Callable[..., Any]:
    """Stands for code generated at run time: what it returns is not known statically."""
    raise AssertionError("never called")


def lazily_compiled(func: Callable[..., Any]) -> Callable[..., Any]:
    """Compiles its wrapper on first call; until then every call goes through this."""

    @functools.wraps(func)
    def compiling(*args: Any, **kwargs: Any) -> Any:
        return _compiled(compiling)(*args, **kwargs)

    return compiling


class Dispatcher:
    """Routes a call to a backend; says so in ``__signature__``."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self.__wrapped__ = func
        functools.update_wrapper(self, func)
        stated = inspect.signature(func)
        extra = [
            inspect.Parameter("backend", inspect.Parameter.KEYWORD_ONLY, default=None),
            inspect.Parameter("backend_kwargs", inspect.Parameter.VAR_KEYWORD),
        ]
        self.__signature__ = stated.replace(parameters=[*stated.parameters.values(), *extra])

    def __call__(self, *args: Any, backend: str | None = None, **backend_kwargs: Any) -> Any:
        raise AssertionError("never called")


class RestatingDispatcher(Dispatcher):
    """States one of the function's parameters with another kind (``weight``
    becomes keyword-only): that parameter is the dispatcher's to describe."""

    def __init__(self, func: Callable[..., Any]) -> None:
        super().__init__(func)
        params = [
            p.replace(kind=inspect.Parameter.KEYWORD_ONLY) if p.name == "weight" else p
            for p in self.__signature__.parameters.values()
        ]
        params.sort(key=lambda p: p.kind)
        self.__signature__ = self.__signature__.replace(parameters=params)


@lazily_compiled
@Dispatcher
def shortest_path(
    graph: object, source: object = None, /, target: object = None, *, method: str = "dijkstra"
) -> list[object]:
    """The function at the bottom of the stack: plain, nothing attached."""
    raise AssertionError("never called")


@Dispatcher
def degree(graph: object, nbunch: object = None, weight: str | None = None) -> dict[object, int]:
    """A dispatcher straight over its function, no wrapper outside."""
    raise AssertionError("never called")


@RestatingDispatcher
def volume(graph: object, nodes: object, weight: str | None = None) -> float:
    """A dispatcher that restates a parameter's kind."""
    raise AssertionError("never called")
