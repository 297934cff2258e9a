"""pydantic: ``validate_call`` binds and validates the arguments in compiled code."""

from pydantic import ConfigDict, validate_call
from pydantic.dataclasses import dataclass as pydantic_dataclass

from samples.calls import remember_call


@validate_call
def register(email: str, age: int = 18, *, newsletter: bool = False) -> object:
    return remember_call()


@validate_call(validate_return=False)
def move(x: int, y: int, /, *, speed: float = 1.0) -> object:
    return remember_call()


class Cart:
    @validate_call
    def add(self, item: str, qty: int = 1) -> object:
        return remember_call()


@pydantic_dataclass(config=ConfigDict(extra="forbid"))
class Invoice:
    """A pydantic dataclass: validated ``__init__`` (unknown keywords refused, not ignored)."""

    number: int
    customer: str = "anonymous"
    paid: bool = False


def fields_of(invoice):
    return vars(invoice)
