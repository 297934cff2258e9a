"""Hostile and odd objects, documented with sphinxcontrib-effsig.

The objects live in ``tests/samples_hostile`` (the resolver's robustness
tests use the same ones). Some cannot sit in a static file: a 50,000-line
module, and modules whose source is edited or deleted as soon as they are
imported. Those are generated here, at every build, into a fresh temporary
directory (never into this project).
"""

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from samples_hostile.generate import write_generated_package  # noqa: E402

_generated = Path(tempfile.mkdtemp(prefix="effsig-hostile-"))
atexit.register(shutil.rmtree, _generated, ignore_errors=True)
for _name in write_generated_package(_generated):
    sys.modules.pop(_name, None)  # an earlier build in this process imported another copy
sys.path.insert(0, str(_generated))

project = "hostile"
extensions = ["sphinxcontrib_effsig", "sphinx.ext.autosummary"]
autosummary_generate = False
exclude_patterns = ["_build"]
autodoc_mock_imports = ["missing_cloud_sdk"]
effsig_warn_unresolved = False

# Plain autodoc itself warns about several of these objects ("error while
# formatting signature": inspect.signature raises for them) and then documents
# them without a signature. Those warnings are autodoc's, not this
# extension's; they are silenced here so the project builds with -W.
# tests/test_sphinx_hostile.py builds without this suppression and checks that
# the extension adds no warning of any type to plain autodoc's.
suppress_warnings = ["autodoc"]
