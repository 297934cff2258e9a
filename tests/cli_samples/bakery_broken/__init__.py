"""A package whose import fails inside the user's own code."""

from .settings import OVEN_TEMPERATURE

__all__ = ["OVEN_TEMPERATURE"]
