"""Stone ovens."""

from ..decorators import dispatch_by_kind, with_timeout


@with_timeout
def preheat(degrees: int) -> None:
    """Heat the oven up."""


@dispatch_by_kind
def fire(kind, *args, **kwargs):
    """Light the oven with whatever fuel the kind says."""
