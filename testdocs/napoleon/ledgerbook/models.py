"""Values stored in the ledger."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Entry:
    """One line of an account."""

    account: str
    amount: Decimal


class Session:
    """A database session."""

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None
