"""A package with one submodule that cannot be imported, and a function that
shadows its own submodule of the same name (as ``tenacity.retry`` does)."""

from .measure import GRAMS_PER_CUP


def measure(cups: float, *, sifted: bool = False) -> int:
    """Weigh ``cups`` of flour; ``pantry.measure`` names this function, not the module."""
    return int(cups * GRAMS_PER_CUP * (0.9 if sifted else 1.0))
