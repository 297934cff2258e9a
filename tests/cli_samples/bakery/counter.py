"""The shop counter: one call the resolver cannot follow."""

from .decorators import dispatch_by_kind, retry


@dispatch_by_kind
def serve(kind, *args, **kwargs):
    """Serve an order of any kind."""


class Till:
    """The cash register."""

    def __init__(self, float_amount: float = 100.0) -> None:
        self.float_amount = float_amount

    @retry
    def pay(self, amount: float, *, tip: float = 0.0) -> float:
        """Take a payment."""
        return amount + tip

    @dispatch_by_kind
    def refund(self, *args, **kwargs):
        """Refund an order of any kind."""

    @property
    def balance(self) -> float:
        """Properties are not callables to check."""
        return self.float_amount
