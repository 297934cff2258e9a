"""Entry point of the resolver (first version: inspect's answer with owners)."""

from __future__ import annotations

import inspect

from .model import EffectiveParameter, EffectiveSignature
from .naming import owner_name


def effective_signature(obj: object) -> EffectiveSignature:
    """The signature a caller of ``obj`` has to satisfy, with provenance."""
    sig = inspect.signature(obj)  # type: ignore[arg-type]
    owner = inspect.unwrap(obj) if callable(obj) else obj  # type: ignore[arg-type]
    name = owner_name(owner)
    return EffectiveSignature(
        [EffectiveParameter.from_parameter(p, owner, name) for p in sig.parameters.values()],
        return_annotation=sig.return_annotation,
    )
