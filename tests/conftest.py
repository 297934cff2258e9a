"""Shared test configuration.

``tests`` itself is put on ``sys.path`` so tests import the sample modules as
``samples.<module>`` (owner names then read ``samples.decorators.retry``)
and the helpers as ``helpers.expect`` / ``helpers.oracle``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent)
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
