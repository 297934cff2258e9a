"""The Sphinx layer: effective signatures and provenance in autodoc output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.fileutil import copy_asset_file

from .. import __version__
from . import autodoc, config, state
from .fields import connect as connect_fields

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STYLESHEET = Path(__file__).parent / "static" / "effsig.css"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration values, the build state and the autodoc handlers."""
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("build-finished", _copy_stylesheet)
    config.register(app)
    state.connect(app)
    autodoc.connect(app)
    connect_fields(app)
    app.add_css_file("effsig.css")
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _copy_stylesheet(app: Sphinx, exception: BaseException | None) -> None:
    """Ship ``effsig.css`` with HTML builds (``_static/effsig.css``).

    Paths go as strings: Sphinx before 8 calls ``str`` methods on them, and a
    project that pins such a Sphinx must still build.
    """
    if exception is not None or app.builder.format != "html":
        return
    copy_asset_file(str(STYLESHEET), str(Path(app.outdir) / "_static"))
