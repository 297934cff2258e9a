"""sphinxcontrib-effsig: the effective signature of decorated callables.

``effective_signature(obj)`` is the public, Sphinx-free API. ``setup()`` is
the Sphinx entry point; it imports the Sphinx layer lazily so the resolver
works without Sphinx installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .resolver import EffectiveParameter, EffectiveSignature, effective_signature

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"
__all__ = ["EffectiveParameter", "EffectiveSignature", "__version__", "effective_signature"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point: ``extensions = ["sphinxcontrib_effsig"]``."""
    from .sphinx_ext import setup as _setup

    return _setup(app)
