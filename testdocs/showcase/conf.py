"""The README's demo: an HTTP client whose methods are wrapped by decorators."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "httpkit"
extensions = ["sphinxcontrib_effsig", "sphinx.ext.autosummary"]
autosummary_generate = False
autodoc_member_order = "bysource"
exclude_patterns = ["_build"]
