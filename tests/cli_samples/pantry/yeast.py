"""Yeast: needs a dependency that is not installed."""

import sourdough_starter  # noqa: F401


def feed(grams: int) -> None:
    """Feed the starter."""
