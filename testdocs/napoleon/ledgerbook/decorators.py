"""Decorators for ledger operations, documented in Google and NumPy styles."""

import functools
import logging

from .models import Session

log = logging.getLogger(__name__)


def audited(func):
    """Write every call to the audit trail.

    Keyword Args:
        reason (str): Why the change is made; kept in the audit trail.
    """

    @functools.wraps(func)
    def wrapper(*args, reason: str = "", **kwargs):
        log.info("%s: %s", func.__name__, reason)
        return func(*args, **kwargs)

    return wrapper


def in_currency(func):
    """Convert the amounts to the ledger's currency first.

    Parameters
    ----------
    currency : str
        ISO 4217 code of the amounts passed in, such as ``"EUR"``.
    """

    @functools.wraps(func)
    def wrapper(*args, currency: str = "EUR", **kwargs):
        log.debug("converting from %s", currency)
        return func(*args, **kwargs)

    return wrapper


def with_session(func):
    """Open a database session and pass it to the function as ``session``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with Session() as session:
            return func(*args, session=session, **kwargs)

    return wrapper
