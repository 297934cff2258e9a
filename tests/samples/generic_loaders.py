"""Functions generic in a type variable of their own that hand ``**kwargs``
on to a parser: they return their own ``T``, not what the parser returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from samples.calls import remember_call

T = TypeVar("T")


def parse_toml(text: str, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any]:
    """The parser: a dict, whatever the caller structures it into."""
    return remember_call()


class TomlConverter:
    def structure(self, data: dict[str, Any], cl: type[T]) -> T:
        return remember_call()

    def loads(self, text: str, cl: type[T], **kwargs: Any) -> T:
        """Parse ``text``, then structure the result as ``cl``."""
        return self.structure(parse_toml(text, **kwargs), cl)


def load_as(text: str, cl: "type[T]", **kwargs: Any) -> T:  # noqa: UP037 (a string as written)
    """The same as a function, its annotation written as a string."""
    return cl(**parse_toml(text, **kwargs))


def parse_with(text: str, **kwargs: Any) -> T:  # type: ignore[type-var]
    """``-> T`` bound by nothing it takes: the parser's result is passed on."""
    return parse_toml(text, **kwargs)  # type: ignore[return-value]
