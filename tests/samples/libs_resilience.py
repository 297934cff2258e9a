"""tenacity and cachetools, applied as their users apply them (family 7)."""

import operator
from typing import Any

from cachetools import LRUCache, TTLCache, cached, cachedmethod
from tenacity import retry, stop_after_attempt, wait_fixed

from samples.calls import remember_call


@retry
def fetch(url: str, *, timeout: float = 10.0) -> bytes:
    """Retry forever (bare ``@retry``)."""
    return remember_call()


@retry(stop=stop_after_attempt(3), wait=wait_fixed(0))
def publish(topic: str, payload: bytes, /, *, key: str | None = None) -> int:
    """Retry three times."""
    return remember_call()


@retry(stop=stop_after_attempt(2), reraise=True)
async def fetch_async(url: str, *, timeout: float = 10.0) -> bytes:
    """tenacity wraps coroutine functions with an async wrapper."""
    return remember_call()


@cached(cache=TTLCache(maxsize=1024, ttl=600))
def weather(city: str, *, units: str = "metric") -> dict[str, Any]:
    """Cached for ten minutes."""
    return remember_call()


class RatesClient:
    """A client with a per-instance cache."""

    def __init__(self) -> None:
        self.cache: LRUCache[Any, float] = LRUCache(maxsize=32)

    @cachedmethod(operator.attrgetter("cache"))
    def rate(self, base: str, quote: str = "EUR") -> float:
        """Cached per instance."""
        return remember_call()
