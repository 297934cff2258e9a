"""Flour: imports fine."""


def sift(grams: int, *, mesh: float = 0.5) -> int:
    """Sift some flour."""
    return grams
