"""methodtools: ``lru_cache`` per bound method (wirerope's per-instance "wire")."""

from methodtools import lru_cache

from samples.calls import remember_call


class Parser:
    @lru_cache(maxsize=16)
    def parse(self, text, *, strict=False):
        return remember_call()

    @lru_cache()
    @classmethod
    def from_name(cls, name, version=1):
        return remember_call()


@lru_cache()
def slugify(title, sep="-"):
    return remember_call()
