"""Which sphinxcontrib_effsig the benchmarks measure.

``--code HEAD`` (the default of ``build.py`` and ``resolver.py``) exports the
package as committed at ``HEAD`` into ``benchmarks/_out/code-<sha>/`` and
puts that directory first on the children's ``PYTHONPATH``, so that a
measurement names one commit and is not disturbed by edits in progress.
``--code worktree`` measures the working tree as it is, ``--code DIR`` the
package in ``DIR/sphinxcontrib_effsig`` (a patched copy, to measure a fix
before it lands); any other value is a git revision.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "_out"


def code_path(ref: str) -> tuple[Path, str]:
    """(directory to put on ``PYTHONPATH``, description) for ``ref``."""
    if ref == "worktree":
        return ROOT, "working tree"
    if (Path(ref) / "sphinxcontrib_effsig" / "__init__.py").exists():
        return Path(ref).resolve(), f"directory {ref}"
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=10", ref],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    target = OUT / f"code-{sha}"
    if not (target / "sphinxcontrib_effsig" / "__init__.py").exists():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", sha, "sphinxcontrib_effsig"],
            capture_output=True,
            check=True,
        ).stdout
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target, f"commit {sha}"
