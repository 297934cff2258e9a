"""The effect of each wrapper's code, computed once and shared.

The analysis depends only on the wrapper's code, never on what it wraps, so
it is keyed by the code object (its identity): every function one decorator
wraps shares it.
"""

from __future__ import annotations

import types

from ..caches import current
from ..code_names import star_names
from ..source import function_source
from .model import Effect
from .visitor import analyse


def clear_effects() -> None:
    """Forget every effect (between builds, so edited source is read again)."""
    caches = current()
    caches.effects.clear()
    caches.effects_by_source.clear()


def effect_of(
    code: types.CodeType,
    module_globals: dict[str, object] | None = None,
    tracked: tuple[str | None, str | None] | None = None,
) -> Effect:
    """The (cached) effect of the wrapper compiled to ``code``.

    ``tracked`` names the parameters that hold the forwarded tuple and dict
    when ``code`` is a helper that receives them as values; by default they
    are the function's own ``*args`` and ``**kwargs``.
    """
    # By identity: hashing a code object walks its bytecode and constants
    # (microseconds, asked for every layer of every decorated object).
    key = (id(code), tracked)
    effects = current().effects
    hit = effects.get(key)
    if hit is not None and hit[0] is code:
        return hit[1]
    found = function_source(code, module_globals)
    if found is not None:
        shared = current().effects_by_source.get((id(found), tracked))
        if shared is not None and shared[0] is found:
            # An equal code object, read from the same text: the same analysis.
            effects[key] = (code, shared[1])
            return shared[1]
    varargs, varkw = tracked if tracked is not None else star_names(code)
    if found is None:
        effect = Effect(varargs, varkw, has_source=False)
        effect.unproven.append("its source code is not available")
    else:
        try:
            effect = analyse(code, found.node, varargs, varkw, found.lines)
        except RecursionError:
            effect = Effect(varargs, varkw)
            effect.unproven.append("its body is too deeply nested to analyse")
    effects[key] = (code, effect)
    if found is not None:
        current().effects_by_source[(id(found), tracked)] = (found, effect)
    return effect
