"""Wrappers whose forwarding cannot be proven from their code (family 8).

The resolver must not guess: it keeps ``*args``/``**kwargs``, keeps what it
did prove (the wrapper's own named parameters, keywords it consumes), marks
the signature unresolved and says why.
"""

import functools
from collections.abc import Callable
from typing import Any

from samples.calls import remember_call


class _LocalBackend:
    def run(self, *args: Any, **kwargs: Any) -> Any:
        return args, kwargs


class _Backends:
    local = _LocalBackend().run


BACKENDS = _Backends()


def dispatch_to_backend(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run on the backend named at call time (``getattr``): the target is unknown."""

    @functools.wraps(func)
    def wrapper(*args, backend: str = "local", **kwargs):
        return getattr(BACKENDS, backend)(*args, **kwargs)

    return wrapper


def coerce_numbers(func: Callable[..., Any]) -> Callable[..., Any]:
    """Rebuilds ``args`` and ``kwargs`` before forwarding them."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        args = tuple(float(a) if isinstance(a, int) else a for a in args)
        kwargs = {name.lower(): value for name, value in kwargs.items()}
        return func(*args, **kwargs)

    return wrapper


def sandboxed(func: Callable[..., Any]) -> Callable[..., Any]:
    """Forwards through ``exec``: no code to read."""

    @functools.wraps(func)
    def wrapper(*args, retries: int = 1, **kwargs):
        scope = {"func": func, "args": args, "kwargs": kwargs}
        exec("result = func(*args, **kwargs)", scope)
        return scope["result"]

    return wrapper


def vectorized(func: Callable[..., Any]) -> Callable[..., Any]:
    """Maps the function over columns with the C-level ``map``."""

    @functools.wraps(func)
    def wrapper(*columns: Any) -> list[Any]:
        return list(map(func, *columns))

    return wrapper


def overridable(func: Callable[..., Any]) -> Callable[..., Any]:
    """Tests may pass another ``implementation``: the callee is chosen at call time."""

    @functools.wraps(func)
    def wrapper(*args, implementation=None, **kwargs):
        target = implementation or func
        return target(*args, **kwargs)

    return wrapper


def retry(func: Callable[..., Any]) -> Callable[..., Any]:
    """A provable wrapper: adds ``retries``."""

    @functools.wraps(func)
    def wrapper(*args: Any, retries: int = 3, **kwargs: Any):
        for _ in range(retries - 1):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                continue
        return func(*args, **kwargs)

    return wrapper


@dispatch_to_backend
def render_report(report_id: int, *, fmt: str = "pdf"):
    """Rendered wherever ``backend`` says."""
    return remember_call()


@coerce_numbers
def scale(width: int, height: int, *, factor: float = 1.0):
    """Numbers arrive as floats; keyword names arrive lower-cased."""
    return remember_call()


@sandboxed
def evaluate(expression: str, *, precision: int = 2):
    """Evaluated through ``exec``."""
    return remember_call()


@vectorized
def add(a: float, b: float):
    """Add two columns element by element."""
    return a + b


@retry
@dispatch_to_backend
def export_report(report_id: int, *, fmt: str = "pdf"):
    """A provable decorator around an unprovable one."""
    return remember_call()


@overridable
def charge_card(card: str, amount: int, *, currency: str = "EUR"):
    """Charged by ``implementation`` when one is given."""
    return remember_call()


class Renderer:
    """A renderer whose constructor runs on a backend chosen at call time."""

    @dispatch_to_backend
    def __init__(self, template: str, *, strict: bool = False) -> None:
        self.template = template
