"""Stone ovens."""

from ..decorators import dispatch_by_kind, with_timeout


@with_timeout
def preheat(degrees: int) -> None:
    """Heat the oven up."""


@dispatch_by_kind
def fire(fuel: str = "wood") -> None:
    """Light the oven; the handler for the kind of oven does the work."""
