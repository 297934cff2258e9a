"""The standard library's decorators, applied as their users apply them (family 7)."""

import functools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from decimal import Decimal
from functools import cache, lru_cache, partial, singledispatch, singledispatchmethod

from samples.calls import remember_call


class Connection:
    """A database connection."""


@lru_cache(maxsize=256)
def exchange_rate(base: str, quote: str, *, day: str | None = None) -> Decimal:
    """Cached: arguments must be hashable, but the signature is unchanged."""
    return remember_call()


@cache
def fibonacci(n: int) -> int:
    """Unbounded cache."""
    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)


class Currency:
    """Currencies, looked up once per code."""

    def __init__(self, code: str) -> None:
        self.code = code

    @classmethod
    @cache
    def from_code(cls, code: str, *, strict: bool = True) -> "Currency":
        """A cached alternative constructor: ``cls`` is bound, ``code`` is the caller's."""
        return remember_call()


class CatalogClient:
    """A client whose lookups are cached per instance and arguments."""

    @lru_cache(maxsize=32)
    def product(self, sku: str, *, locale: str = "en") -> dict[str, str]:
        """Cached method."""
        return remember_call()


@singledispatch
def to_json(value: object, *, indent: int | None = None) -> str:
    """Dispatch on the type of the first positional argument (generic fallback)."""
    return remember_call()


@to_json.register
def _(value: int, *, indent: int | None = None) -> str:
    return str(value)


class Formatter:
    """Formats values, dispatching on the value's type."""

    @singledispatchmethod
    def format(self, value: object, *, width: int = 80) -> str:
        """The generic case."""
        return remember_call()

    @format.register
    def _(self, value: int, *, width: int = 80) -> str:
        return str(value).rjust(width)


def send_message(
    recipient: str, body: str, *, channel: str = "email", urgent: bool = False
) -> bool:
    """Send a message on a channel."""
    return remember_call()


notify_admins = partial(send_message, "admins@example.com")
send_sms = partial(send_message, channel="sms")
page_on_call = functools.partial(send_message, "oncall@example.com", urgent=True)
usd_rate = partial(exchange_rate, quote="USD")


@contextmanager
def transaction(conn: Connection, *, isolation: str = "serializable") -> Iterator[Connection]:
    """Run a block in a transaction."""
    remember_call()
    yield conn


@asynccontextmanager
async def pooled_session(url: str, *, pool_size: int = 5) -> AsyncIterator[str]:
    """An async session from a pool."""
    remember_call()
    yield url
