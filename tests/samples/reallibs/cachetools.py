"""cachetools: ``cached``, ``cachedmethod`` and the ``cachetools.func`` shortcuts."""

import operator

from cachetools import LRUCache, TTLCache, cached, cachedmethod
from cachetools.func import ttl_cache

from samples.calls import remember_call


@cached(LRUCache(maxsize=64))
def geocode(address, *, country=None):
    return remember_call()


@cached(cache=TTLCache(maxsize=64, ttl=60), info=True)
def tile(x, y, /, zoom=10):
    return remember_call()


@ttl_cache(maxsize=32, ttl=60)
def exchange(base, quote="EUR"):
    return remember_call()


class Inventory:
    """A per-instance cache read through an attribute getter."""

    def __init__(self):
        self.cache = LRUCache(maxsize=16)

    @cachedmethod(operator.attrgetter("cache"))
    def stock(self, sku, *, warehouse="main"):
        return remember_call()
