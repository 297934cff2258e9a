"""The resolver: object -> EffectiveSignature. Imports nothing from Sphinx."""

from __future__ import annotations

from .model import EffectiveParameter, EffectiveSignature
from .resolve import effective_signature
from .source import clear_caches

__all__ = ["EffectiveParameter", "EffectiveSignature", "clear_caches", "effective_signature"]
