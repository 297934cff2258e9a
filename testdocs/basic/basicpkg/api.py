"""Service functions, each wrapped by one or more decorators."""

from __future__ import annotations

import enum
import functools
from typing import Literal

from .decorators import (
    Session,
    audited,
    dispatch_by_name,
    log_calls,
    require_user,
    retry,
    with_session,
    with_timeout,
)

#: A form's fields, by name.
Payload = dict[str, str]

#: Probes sent by :func:`ping` unless told otherwise.
DEFAULT_COUNT = 1


@retry
def fetch(url: str, *, verify: bool = True) -> bytes:
    """Download ``url``.

    :param url: The address to download.
    :param verify: Check the server's certificate.
    """
    return url.encode()


@with_timeout
def ping(host: str, count: int = DEFAULT_COUNT, mode: Literal["icmp", "tcp"] = "icmp") -> float:
    """Measure the round trip to ``host``.

    :param host: The machine to reach.
    :param count: How many probes to send.
    :param mode: The kind of probe.
    """
    return 0.0


@require_user
def delete_post(post_id: int, user: str) -> None:
    """Delete a post on behalf of ``user``.

    :param post_id: The post to delete.
    :param user: Who asks for it (supplied by the decorator).
    """


@retry
def submit(form: str, payload: Payload) -> int:
    """Submit ``payload`` to ``form``.

    :param form: The form's name.
    :param payload: The fields.
    """
    return len(payload)


@with_session
def load_orders(session: Session, customer: str, limit: int = 50) -> list[str]:
    """The latest orders of ``customer``.

    :param session: The session (supplied by the decorator).
    :param customer: Whose orders.
    :param limit: At most this many.
    """
    return []


@log_calls
def add(left: int, right: int) -> int:
    """Add two numbers.

    :param left: The first number.
    :param right: The second number.
    """
    return left + right


@retry
@with_timeout
def upload(path: str, data: bytes) -> int:
    """Upload ``data`` to ``path``.

    :param path: Where to store the data.
    :param data: What to store.
    """
    return len(data)


@audited
def close_account(account_id: int) -> None:
    """Close an account.

    :param account_id: The account to close.
    """


@dispatch_by_name
def route(path: str, verb: str = "GET") -> str:
    """Serve ``path`` through a handler chosen at run time.

    :param path: The requested path.
    :param verb: The HTTP verb.
    """
    return path


@retry
def fetch_written(url: str) -> bytes:
    """Download ``url``, documented with an explicit signature in the directive."""
    return url.encode()


@retry
def fetch_docstring(url: str) -> bytes:
    """fetch_docstring(url, retries=3)

    Download ``url``; the first line of this docstring is its signature.
    """
    return url.encode()


class Repository:
    """Stores records; its constructor is decorated."""

    @with_timeout
    def __init__(self, dsn: str, pool_size: int = 5, session: Session | None = None) -> None:
        """
        :param dsn: Where the database is.
        :param pool_size: Connections to keep open.
        :param session: A session to reuse instead of opening new ones.
        """
        self.dsn = dsn

    @retry
    def get(self, key: str) -> str:
        """The record stored under ``key``.

        :param key: The record's key.
        """
        return key

    @classmethod
    @retry
    def connect(cls, dsn: str) -> Repository:
        """Open a repository.

        :param dsn: Where the database is.
        """
        return cls(dsn)

    @staticmethod
    @with_timeout
    def probe(dsn: str) -> bool:
        """Whether the database answers.

        :param dsn: Where the database is.
        """
        return True


class Priority(enum.Enum):
    """How urgent a job is; enums keep autodoc's ``(value)`` signature."""

    LOW = 1
    HIGH = 2


def decode_settings(text: str, *, parse_float: type[float] = float) -> dict[str, object]:
    """The settings parser (not documented itself)."""
    return {}


def load_settings(text: str, strict: bool = False, **options: object) -> dict[str, object]:
    """Parse settings; the options go to the parser.

    :param text: The settings file's text.
    :param strict: Refuse unknown keys.
    """
    return decode_settings(text, **options)  # type: ignore[arg-type]


class TLSContext:
    """A TLS configuration; its instances have no Python spelling of their own."""


#: What :func:`open_channel` uses unless given another context.
DEFAULT_TLS = TLSContext()


def with_tls(func):  # type: ignore[no-untyped-def]
    """Open the channel under a TLS ``context`` (consumed here)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.pop("context", DEFAULT_TLS)
        return func(*args, **kwargs)

    return wrapper


@with_tls
def open_channel(host: str) -> None:
    """Open a channel to ``host``.

    :param host: Where to connect.
    """


class Channel:
    """A channel whose constructor takes its TLS ``context`` from the options."""

    def __init__(self, host: str, **options: object) -> None:
        self.host = host
        self.context = options.pop("context", DEFAULT_TLS)
        self.options = options
