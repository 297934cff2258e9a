"""Source files the hostile tests write at run time.

Some hostility cannot sit in a static file: a 50,000-line module, and modules
whose source changes or disappears after they were imported. The resolver
tests write these into ``tmp_path``; the Sphinx project in
``testdocs/hostile`` writes them from its ``conf.py`` into a temporary
directory, with a trailer that edits the file as soon as it is imported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

INVENTORY = '''\
"""An inventory service whose source file will not stay as it is."""

import functools


def with_retries(func):
    """Adds ``retries``."""

    @functools.wraps(func)
    def wrapper(*args, retries=3, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def with_lock(func):
    """Supplies ``lock`` itself and takes ``lock_timeout``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("lock_timeout", 5.0)
        return func(*args, lock=timeout, **kwargs)

    return wrapper


@with_retries
def restock(sku, quantity=1):
    """Restock an item."""
    return quantity


@with_lock
def reserve(sku, *, customer, lock=None):
    """Reserve an item for a customer."""
    return sku


forward = lambda *args, **kwargs: restock(*args, **kwargs)  # noqa: E731
'''

#: The functions of :data:`INVENTORY` a test or a document resolves.
INVENTORY_OBJECTS = ("restock", "reserve", "forward")

#: How a source file can change under an imported module.
EDITS = (
    "lines_inserted",
    "wrapper_renamed",
    "syntax_error",
    "truncated",
    "binary_garbage",
    "deleted",
    "replaced_by_directory",
)

#: The edits the Sphinx project uses: Sphinx's own legacy autodoc (and so
#: Sphinx 8.2) crashes, with or without this extension, when an imported
#: module's source has turned into undecodable bytes.
SPHINX_EDITS = tuple(edit for edit in EDITS if edit != "binary_garbage")


def apply_edit(path: Path, edit: str) -> None:
    """Change ``path`` (an imported module's source) the way ``edit`` says."""
    text = path.read_text(encoding="utf-8")
    if edit == "lines_inserted":
        helpers = "".join(
            f"def helper_{n}(value, *args, **kwargs):\n    return value\n\n\n" for n in range(12)
        )
        path.write_text(helpers + text, encoding="utf-8")
    elif edit == "wrapper_renamed":
        path.write_text(text.replace("def wrapper(", "def inner("), encoding="utf-8")
    elif edit == "syntax_error":
        path.write_text(
            text.replace("def ", "def (").replace("lambda", "lambda ("), encoding="utf-8"
        )
    elif edit == "truncated":
        path.write_text("", encoding="utf-8")
    elif edit == "binary_garbage":
        path.write_bytes(b"\xff\xfe\x00\x00garbage\x80\x81\n" * 200)
    elif edit == "deleted":
        path.unlink()
    elif edit == "replaced_by_directory":
        path.unlink()
        path.mkdir()
    else:
        raise ValueError(f"unknown edit {edit!r}")
    shutil.rmtree(path.parent / "__pycache__", ignore_errors=True)


def write_inventory(directory: Path, name: str, edit_on_import: str | None = None) -> Path:
    """Write the inventory module as ``directory/name.py``.

    With ``edit_on_import``, the module applies that edit to its own file as
    the last step of its import (for Sphinx builds, where the test cannot
    step in between the import and the resolution).
    """
    text = INVENTORY
    if edit_on_import is not None:
        text += (
            "\n\nfrom pathlib import Path as _Path\n"
            "from samples_hostile.generate import apply_edit as _apply_edit\n\n"
            f"_apply_edit(_Path(__file__), {edit_on_import!r})\n"
        )
    path = directory / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


BIG_HEADER = '''\
"""A generated module of {lines} lines: a registry of request handlers."""

import functools


def audit(func):
    """Forwards everything and adds ``actor``."""

    @functools.wraps(func)
    def wrapper(*args, actor="system", **kwargs):
        return func(*args, **kwargs)

    return wrapper


@audit
def first_handler(request, *, verbose=False):
    """The first handler, near the top of the file."""
    return request

'''

BIG_FOOTER = '''

@audit
def last_handler(request, *, verbose=False):
    """The last handler, at the bottom of the file."""
    return request


audited_lambda = audit(lambda request, *, verbose=False: request)
relay_to_last = lambda *args, **kwargs: last_handler(*args, **kwargs)  # noqa: E731
'''

#: The objects of a big module a test or a document resolves.
BIG_OBJECTS = ("first_handler", "last_handler", "audited_lambda", "relay_to_last", "handler_05000")


def write_big_module(directory: Path, name: str = "big_module", lines: int = 50_000) -> Path:
    """Write a module of exactly ``lines`` lines, mostly small handler functions."""
    header = BIG_HEADER.format(lines=lines)
    used = header.count("\n") + BIG_FOOTER.count("\n")
    chunks = [header]
    number = 0
    while used + 6 <= lines:
        number += 1
        chunks.append(
            f"\ndef handler_{number:05d}(request, *, verbose=False):\n"
            f'    """Handle request kind {number}."""\n'
            "    return request\n\n\n"
        )
        used += 6
    chunks.append("#\n" * (lines - used))
    chunks.append(BIG_FOOTER)
    path = directory / f"{name}.py"
    path.write_text("".join(chunks), encoding="utf-8")
    return path


def write_generated_package(directory: Path) -> list[str]:
    """Write every generated module into ``directory``; return the module names.

    Used by ``testdocs/hostile/conf.py``: ``big_module`` plus one
    ``inventory_<edit>`` module per edit in :data:`SPHINX_EDITS`, each
    editing its own file when imported.
    """
    directory.mkdir(parents=True, exist_ok=True)
    names = ["big_module"]
    write_big_module(directory)
    for edit in SPHINX_EDITS:
        names.append(f"inventory_{edit}")
        write_inventory(directory, names[-1], edit_on_import=edit)
    return names
