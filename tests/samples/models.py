"""Small domain types the sample APIs annotate with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class User:
    name: str
    roles: tuple[str, ...] = ()


@dataclass
class Request:
    path: str
    user: User | None = None


@dataclass
class Response:
    status: int
    body: bytes = b""


@dataclass
class Order:
    order_id: int
    total: float


@dataclass
class Bucket:
    name: str
    region: str


class Connection:
    """A stand-in database connection."""

    def __init__(self, dsn: str = "sqlite://") -> None:
        self.dsn = dsn

    def close(self) -> None:
        pass


def open_connection() -> Connection:
    """The connection a decorator hands to the function it wraps."""
    return Connection()


class DbSession:
    """A stand-in ORM session."""


def new_session() -> DbSession:
    """A fresh session for one call."""
    return DbSession()
