"""What can go wrong."""


class HTTPError(Exception):
    """The server answered with an error status.

    :param status: The HTTP status code.
    :param reason: The reason phrase.
    """

    def __init__(self, status: int, reason: str = "") -> None:
        super().__init__(f"{status} {reason}".strip())
        self.status = status
        self.reason = reason


class RetryError(HTTPError):
    """Every attempt failed; raised by :func:`httpkit.decorators.retry`."""
