"""``warnings.deprecated`` (Python 3.13+) on functions, methods and classes.

Imported only on Pythons that have it (``tests/test_resolver_new_syntax.py``).
"""

from warnings import deprecated


@deprecated("Use fetch() instead")
def old_fetch(url: str, *, timeout: float = 1.0) -> bytes:
    """Download ``url`` the old way."""
    return b""


class Client:
    """A client with a deprecated method."""

    @deprecated("Use get() instead")
    def old_get(self, path: str, *, cached: bool = True) -> str:
        """Fetch ``path`` the old way."""
        return path


@deprecated("Use Client instead")
class OldClient:
    """A deprecated class with a constructor of its own."""

    def __init__(self, host: str, port: int = 80) -> None:
        self.host = host


@deprecated("Use Client instead")
class Bare:
    """A deprecated class with no constructor of its own: it takes no arguments."""
