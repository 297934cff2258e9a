"""Internal tracing helpers (not part of the documented API)."""

import functools
import logging

log = logging.getLogger(__name__)


def traced(func):
    """Log each call with a correlation id.

    :param trace_id: Correlation id written to the log; one is made up when
        omitted.
    """

    @functools.wraps(func)
    def wrapper(*args, trace_id: str | None = None, **kwargs):
        log.debug("%s %s", trace_id or "-", func.__name__)
        return func(*args, **kwargs)

    return wrapper
