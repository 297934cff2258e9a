"""aiocache: ``cached`` hands the call to ``self.decorator(f, *args, **kwargs)``.

That method takes three keyword-only control parameters of its own
(``cache_read``, ``cache_write``, ``aiocache_wait_for_write``) and forwards
the rest to the coroutine function.
"""

from aiocache import cached

from samples.calls import remember_call


@cached(ttl=10)
async def fetch_price(sku, *, region="eu"):
    return remember_call()


@cached()
async def render_page(slug, lang="en"):
    return remember_call()


class Catalog:
    """``noself=True`` leaves ``self`` out of the cache key."""

    @cached(noself=True)
    async def product(self, sku):
        return remember_call()
