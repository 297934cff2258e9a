"""The shop counter: one call the resolver cannot follow."""

from .decorators import dispatch_by_kind, redact_secrets, retry


@dispatch_by_kind
def serve(order_id: int, *, gift_wrap: bool = False) -> str:
    """Serve an order; the handler for its kind does the work."""
    return str(order_id)


@redact_secrets
def charge_card(card_number: str, amount: float, *, currency: str = "EUR") -> str:
    """Charge a card; the card number never reaches the logs."""
    return f"{amount} {currency}"


class Till:
    """The cash register."""

    def __init__(self, float_amount: float = 100.0) -> None:
        self.float_amount = float_amount

    @retry
    def pay(self, amount: float, *, tip: float = 0.0) -> float:
        """Take a payment."""
        return amount + tip

    @dispatch_by_kind
    def refund(self, order_id: int) -> float:
        """Refund an order; the handler for its kind does the work."""
        return 0.0

    @property
    def balance(self) -> float:
        """Properties are not callables to check."""
        return self.float_amount
