"""The resolver: object -> EffectiveSignature. Imports nothing from Sphinx."""

from __future__ import annotations

from .model import EffectiveParameter, EffectiveSignature
from .resolve import clear_caches, effective_signature

__all__ = ["EffectiveParameter", "EffectiveSignature", "clear_caches", "effective_signature"]
