"""A small bakery API: the package ``effsig --check`` walks in the CLI tests.

``__all__`` re-exports ``bake`` from :mod:`bakery.orders`; autodoc documents
exactly what ``__all__`` lists.
"""

from .orders import bake

__all__ = ["bake"]
