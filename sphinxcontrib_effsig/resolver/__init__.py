"""The resolver: object -> EffectiveSignature. Imports nothing from Sphinx."""

from __future__ import annotations

from .model import EffectiveParameter, EffectiveSignature
from .resolve import clear_caches, effective_signature
from .written import (
    default_as_written,
    docstring_as_written,
    innermost,
    source_files,
    wrapper_chain,
)

__all__ = [
    "EffectiveParameter",
    "EffectiveSignature",
    "clear_caches",
    "default_as_written",
    "docstring_as_written",
    "effective_signature",
    "innermost",
    "source_files",
    "wrapper_chain",
]
