"""Decorators in a module with postponed annotations (family 6).

Every annotation here is a string that only this module can evaluate:
``Config`` is *this* module's ``Config`` (``annot_services`` has another one),
``Backoff`` lives only here, and ``AuditLog`` is imported only for type
checkers, so it cannot be evaluated at runtime at all.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from logging import LoggerAdapter as AuditLog


@dataclass(frozen=True)
class Config:
    """Retry configuration (not to be confused with ``annot_services.Config``)."""

    attempts: int = 3


@dataclass(frozen=True)
class Backoff:
    """How long to wait between attempts."""

    base: float = 0.5
    factor: float = 2.0


def with_config(func: Callable[..., Any]) -> Callable[..., Any]:
    """Let callers pass a retry ``config``."""

    @functools.wraps(func)
    def wrapper(*args: Any, config: Config | None = None, **kwargs: Any):
        attempts = (config or Config()).attempts
        for _ in range(attempts - 1):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                continue
        return func(*args, **kwargs)

    return wrapper


def with_backoff(func: Callable[..., Any]) -> Callable[..., Any]:
    """Let callers choose a ``backoff``; ``wraps`` overwrites this wrapper's annotations."""

    @functools.wraps(func)
    def wrapper(*args: Any, backoff: Backoff = Backoff(), **kwargs: Any):
        BACKOFFS.append(backoff)
        return func(*args, **kwargs)

    return wrapper


BACKOFFS: list[Backoff] = []


def audited(func: Callable[..., Any]) -> Callable[..., Any]:
    """Record each call in ``audit_log`` when one is given."""

    @functools.wraps(func)
    def wrapper(*args: Any, audit_log: AuditLog | None = None, **kwargs: Any):
        if audit_log is not None:
            audit_log.info("calling %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper


def as_text(func: Callable[..., bytes]) -> Callable[..., str]:
    """Decode the result: the wrapper's own return annotation is the truth."""

    @functools.wraps(func)
    def wrapper(*args: Any, encoding: str = "utf-8", **kwargs: Any) -> str:
        return func(*args, **kwargs).decode(encoding)

    return wrapper


def deprecated(func: Callable[..., Any]) -> Callable[..., Any]:
    """Warn before each call; the wrapper's return annotation is the decorator's
    (a common slip: it describes what ``deprecated`` returns, not the call)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Callable[..., Any]:
        warnings.warn(f"{func.__name__} is deprecated", DeprecationWarning, stacklevel=2)
        return func(*args, **kwargs)

    return wrapper
