"""Typing features of newer Pythons, documented with sphinxcontrib-effsig.

``**kwargs: Unpack[TypedDict]`` works on every supported Python; the PEP 695
page is read on Python 3.12+ and the ``warnings.deprecated`` page on 3.13+
(the modules they document would not import elsewhere).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "gallery"
extensions = ["sphinxcontrib_effsig"]
autodoc_member_order = "bysource"
exclude_patterns = ["_build"]
if sys.version_info < (3, 12):
    exclude_patterns.append("generics.rst")
if sys.version_info < (3, 13):
    exclude_patterns.append("deprecated.rst")
