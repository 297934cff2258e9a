"""Plain, undecorated callables: the resolver must answer exactly as ``inspect`` does."""

from collections.abc import Iterator
from typing import Any


def add(a: int, b: int) -> int:
    return a + b


def connect(host: str, port: int = 5432, /, database: str = "app", *, timeout: float = 5.0) -> None:
    pass


def log(message: str, *args: Any, level: int = 20, **extra: Any) -> None:
    pass


def forward(*args, **kwargs):
    pass


def untyped(a, b=None, *rest, flag=False):
    pass


async def fetch(url: str, *, retries: int = 3) -> bytes:
    return b""


def lines(path: str) -> Iterator[str]:
    yield path


square = lambda x: x * x  # noqa: E731


def with_mutable_default(items: list[int] = [1, 2], *, sep: str = ",") -> str:
    return sep.join(map(str, items))


def nothing() -> None:
    pass


class Point:
    def __init__(self, x: float, y: float = 0.0) -> None:
        self.x = x
        self.y = y

    def distance(self, other: "Point", /) -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

    @classmethod
    def origin(cls, *, dims: int = 2) -> "Point":
        return cls(0.0)

    @staticmethod
    def parse(text: str) -> "Point":
        return Point(*map(float, text.split(",")))
