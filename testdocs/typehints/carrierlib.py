"""A third-party library, documented elsewhere (its inventory is carrierlib.inv)."""

import functools


def rate_limited(func):
    """Queue calls so the carrier's rate limit is never exceeded.

    :param priority: Calls with a higher priority leave the queue first.
    """

    @functools.wraps(func)
    def wrapper(*args, priority: int = 0, **kwargs):
        return func(*args, **kwargs)

    return wrapper
