"""Currency rounding (internal; not part of the documented API)."""

import functools


def rounded(func):
    """Round the result to the currency's smallest unit.

    Parameters
    ----------
    rounding : {"half-even", "half-up"}
        How ties are broken.
    """

    @functools.wraps(func)
    def wrapper(*args, rounding: str = "half-even", **kwargs):
        return func(*args, **kwargs)

    return wrapper
