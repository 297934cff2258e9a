"""Types and parameter lists of decorated functions.

Builds as is with ``autodoc_typehints = "description"``; the tests also build
it with ``"both"`` and with sphinx-autodoc-typehints (``confoverrides``).
``carrierlib.inv`` is the inventory of a third-party library documented
elsewhere, so parameters its decorators add link there through intersphinx.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "parcelpost"
extensions = ["sphinxcontrib_effsig", "sphinx.ext.intersphinx"]
autodoc_typehints = "description"
autodoc_member_order = "bysource"
intersphinx_mapping = {
    "carrierlib": ("https://carrierlib.example.org/", "carrierlib.inv"),
}
exclude_patterns = ["_build"]
