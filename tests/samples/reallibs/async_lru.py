"""async-lru: ``alru_cache`` on coroutine functions and on methods (bound by ``__get__``)."""

from async_lru import alru_cache

from samples.calls import remember_call


@alru_cache(maxsize=32)
async def lookup_user(user_id, *, include_groups=False):
    return remember_call()


@alru_cache
async def resolve(host, port=443):
    return remember_call()


class Directory:
    """The per-instance wrapper calls the cached function with the instance first."""

    @alru_cache(maxsize=8)
    async def member(self, name, *, active=True):
        return remember_call()
