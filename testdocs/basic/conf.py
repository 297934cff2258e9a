"""The common decorator patterns, documented with sphinxcontrib-effsig."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "basic"
extensions = ["sphinxcontrib_effsig", "sphinx.ext.autosummary"]
autosummary_generate = False
autodoc_mock_imports = ["fastcache"]
exclude_patterns = ["_build"]
