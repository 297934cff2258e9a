"""Objects effsig must leave exactly as plain autodoc renders them, and objects
it changes without making anything else worse.

``tests/test_sphinx_do_no_harm.py`` builds this project with and without the
extension under several settings and compares every object, so the
settings here are the neutral ones; the test's ``confoverrides`` add
``autodoc_typehints = "description"``, ``autodoc_preserve_defaults``,
sphinx-autodoc-typehints, napoleon and ``nitpicky``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "harmless"
extensions = ["sphinxcontrib_effsig"]
autodoc_member_order = "bysource"
exclude_patterns = ["_build"]
nitpick_ignore_regex = [("py:class", r"harmless\..*\._.*")]
