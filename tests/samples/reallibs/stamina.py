"""stamina: ``@retry(on=..., attempts=...)`` on functions, coroutines and generators."""

import stamina

from samples.calls import remember_call

NO_WAIT = {"wait_initial": 0, "wait_max": 0, "wait_jitter": 0}


@stamina.retry(on=ConnectionError, attempts=2, **NO_WAIT)
def fetch_profile(user_id, *, fields=("name",)):
    return remember_call()


@stamina.retry(on=ConnectionError, attempts=2, **NO_WAIT)
async def fetch_avatar(user_id, size=64):
    return remember_call()


@stamina.retry(on=ConnectionError, attempts=2, **NO_WAIT)
def stream_rows(query, /, batch=100):
    """A generator function: stamina re-runs it with ``yield from``."""
    yield remember_call()
