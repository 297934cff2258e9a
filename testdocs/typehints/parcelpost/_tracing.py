"""Internal tracing helpers (not part of the documented API)."""

import functools
import logging

log = logging.getLogger(__name__)


def traced(func):
    """Log each call with a correlation id.

    :param trace_id: Correlation id written to the log; one is made up when
        omitted. It follows the `trace context <w3c_>`_ format (see
        `Correlation IDs`_ and `RFC 4122 <https://www.rfc-editor.org/rfc/rfc4122>`_).

    .. _w3c: https://www.w3.org/TR/trace-context/
    """

    @functools.wraps(func)
    def wrapper(*args, trace_id: str | None = None, **kwargs):
        log.debug("%s %s", trace_id or "-", func.__name__)
        return func(*args, **kwargs)

    return wrapper
