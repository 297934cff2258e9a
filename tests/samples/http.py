"""Convenience functions that forward to a module-level ``request`` (family 3).

Not decorators: plain functions whose ``**kwargs`` go to a global function,
the way ``requests.get`` forwards to ``requests.request``.
"""

from samples.calls import remember_call


def request(method: str, url: str, *, timeout: float = 10.0, verify: bool = True) -> bytes:
    """Send an HTTP request."""
    return remember_call()


def get(url: str, **kwargs) -> bytes:
    """Send a GET request; keywords as for :func:`request`."""
    return request("GET", url, **kwargs)


def head(*args, **kwargs) -> bytes:
    """Send a HEAD request; arguments as for :func:`request` after the method."""
    return request("HEAD", *args, **kwargs)
