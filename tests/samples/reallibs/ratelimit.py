"""ratelimit: ``limits`` (a decorator object) and ``sleep_and_retry``."""

from ratelimit import limits, sleep_and_retry

from samples.calls import remember_call


@sleep_and_retry
@limits(calls=10_000, period=60)
def call_api(endpoint, *, params=None):
    return remember_call()


@limits(calls=10_000, period=60, raise_on_limit=False)
def quota(user, /, scope="read"):
    return remember_call()
