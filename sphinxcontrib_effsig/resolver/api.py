"""The public entry point: ``effective_signature(obj)``.

Never raises except where :func:`inspect.signature` itself cannot describe
the object; every other failure falls back to what ``inspect`` (and so
autodoc) would show, with ``resolved=False`` and a note.
"""

from __future__ import annotations

import inspect
import logging
import sys

from .caches import current
from .model import EffectiveParameter, EffectiveSignature
from .naming import owner_name
from .safe import wrapped_of
from .signatures import NoSignature
from .walk.dispatch import Resolver

logger = logging.getLogger(__name__)

_RECURSION_HEADROOM = 6000


def clear_caches() -> None:
    """Forget every analysis and result (between builds, so edits are seen).

    Empties the caches in effect: those of the innermost
    :func:`~.caches.scoped_caches` block, else the process's.
    """
    current().clear()


def effective_signature(obj: object) -> EffectiveSignature:
    """The signature a caller of ``obj`` has to satisfy, with provenance.

    Raises :class:`ValueError`/:class:`TypeError` only where
    :func:`inspect.signature` does for the same object.
    """
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    results = current().results
    hit = results.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    limit = sys.getrecursionlimit()
    if limit < _RECURSION_HEADROOM:
        sys.setrecursionlimit(_RECURSION_HEADROOM)
    try:
        return Resolver(results).resolve(obj)
    except NoSignature as exc:
        if exc.inspect_error is not None and exc.raised_for is obj and wrapped_of(obj) is None:
            # inspect.signature(obj) was asked already, and there was no
            # __wrapped__ for it to follow instead: it raises the same again.
            raise exc.inspect_error from None
        return _fallback(obj, str(exc))
    except RecursionError:
        return _fallback(obj, "the decorator stack is too deep to analyse")
    except Exception as exc:  # a bug or a hostile object: never break the caller
        logger.debug("effsig: resolving %r failed", obj, exc_info=True)
        return _fallback(obj, f"the resolver met an error ({type(exc).__name__}: {exc})")
    finally:
        if limit < _RECURSION_HEADROOM:
            sys.setrecursionlimit(limit)


def _fallback(obj: object, why: str) -> EffectiveSignature:
    """What autodoc would have shown: ``inspect.signature``, unresolved."""
    try:
        sig = inspect.signature(obj)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        raise
    except Exception as exc:
        raise ValueError(f"no signature found for {obj!r}: {exc}") from exc
    try:
        name = owner_name(obj)
    except Exception:
        name = ""
    logger.debug("effsig: falling back to inspect.signature for %r: %s", obj, why)
    return EffectiveSignature(
        [EffectiveParameter.from_parameter(p, obj, name) for p in sig.parameters.values()],
        return_annotation=sig.return_annotation,
        resolved=False,
        notes=[f"fell back to inspect.signature: {why}"],
    )
