"""Eagerly evaluated annotations, overwritten by ``functools.wraps`` (family 6).

``wraps`` replaces the wrapper's ``__annotations__`` with the wrapped
function's, so the wrapper's own ``deadline: float | None`` is only in its
source.
"""

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samples.calls import remember_call


def with_deadline(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give up after ``deadline`` seconds."""

    @functools.wraps(func)
    def wrapper(*args: Any, deadline: float | None = None, **kwargs: Any):
        DEADLINES.append(deadline)
        return func(*args, **kwargs)

    return wrapper


DEADLINES: list[float | None] = []


def for_tenant(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add a leading ``tenant``, annotated only in the wrapper's source."""

    @functools.wraps(func)
    def wrapper(tenant: str, *args: Any, **kwargs: Any):
        TENANTS.append(tenant)
        return func(*args, **kwargs)

    return wrapper


TENANTS: list[str] = []


@dataclass(frozen=True)
class Pool:
    """A named connection pool."""

    name: str


DEFAULT_POOL = Pool("primary")


def with_pool(func: Callable[..., Any]) -> Callable[..., Any]:
    """Consume ``pool`` and ``deadline_at``; their defaults exist only in this code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        pool = kwargs.pop("pool", DEFAULT_POOL)
        deadline_at = kwargs.pop("deadline_at", time.monotonic() + 30.0)
        POOLS.append((pool, deadline_at))
        return func(*args, **kwargs)

    return wrapper


POOLS: list[tuple[Pool, float]] = []


@with_pool
def query(sql: str, *, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run a query on a pool."""
    return remember_call()


@with_deadline
def download(url: str, *, chunk_size: int = 65536) -> bytes:
    """Download ``url``."""
    return remember_call()


@for_tenant
def search(query: str, *, exact: bool = False) -> list[str]:
    """Search one tenant's data; the wrapper takes the tenant first."""
    return remember_call()
