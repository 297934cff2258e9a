"""httpkit: a small HTTP client whose methods are wrapped by decorators.

The decorators add, supply and default parameters: ``retry`` adds
``retries`` and ``backoff``, ``with_timeout`` adds ``timeout``,
``authenticated`` supplies ``token`` from the client's credentials and
``paginated`` adds ``page_size``.
"""

from .client import Client
from .errors import HTTPError, RetryError
from .responses import Response

__all__ = ["Client", "HTTPError", "Response", "RetryError"]
