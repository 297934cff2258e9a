"""boltons.cacheutils: ``cached`` (a callable object) and ``cachedmethod`` (bound per instance)."""

from boltons.cacheutils import LRU, cached, cachedmethod

from samples.calls import remember_call


@cached(LRU(max_size=32))
def resolve_path(path, *, follow=True):
    return remember_call()


class Repository:
    def __init__(self):
        self._cache = {}

    @cachedmethod("_cache")
    def blob(self, digest, size=None):
        """``__call__`` puts ``self.bound_to`` back in front when the method was bound."""
        return remember_call()
