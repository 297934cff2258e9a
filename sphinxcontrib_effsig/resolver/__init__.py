"""The resolver: object -> EffectiveSignature. Imports nothing from Sphinx."""

from __future__ import annotations

from .api import clear_caches, effective_signature
from .caches import scoped_caches
from .model import EffectiveParameter, EffectiveSignature
from .walk.unwrap import innermost, wrapper_chain
from .written import (
    default_as_written,
    docstring_as_written,
    popped_default_as_written,
    source_files,
)

__all__ = [
    "EffectiveParameter",
    "EffectiveSignature",
    "clear_caches",
    "default_as_written",
    "docstring_as_written",
    "effective_signature",
    "innermost",
    "popped_default_as_written",
    "scoped_caches",
    "source_files",
    "wrapper_chain",
]
