"""Google and NumPy docstrings (napoleon) and autosummary tables."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "ledgerbook"
extensions = ["sphinxcontrib_effsig", "sphinx.ext.napoleon", "sphinx.ext.autosummary"]
autosummary_generate = False
autodoc_member_order = "bysource"
exclude_patterns = ["_build"]
