"""The Sphinx layer: effective signatures and provenance in autodoc output."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import __version__
from . import config, resolve

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration values and connect the autodoc handlers."""
    app.setup_extension("sphinx.ext.autodoc")
    config.register(app)
    resolve.connect(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
