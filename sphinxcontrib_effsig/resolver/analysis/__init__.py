"""Wrapper code -> :class:`Effect`: what a wrapper does to its target's parameters.

It reads the syntax tree; nothing is executed. The body is read
flow-insensitively: a ``kwargs.pop("x")`` anywhere counts. Uses of
``args``/``kwargs`` the analysis does not understand (rebinding them,
starring a slice of them) are recorded in ``Effect.unproven`` so that the
composition keeps ``*args``/``**kwargs`` instead of guessing.

Where each idiom is read:

- :mod:`.kwargs_edits`: ``kwargs.pop``/``del``/``setdefault``/``update``,
  ``"k" in kwargs`` tests, defaults filled in when missing;
- :mod:`.forwarding`: ``func(*args, **kwargs)`` and what it adds on the way;
- :mod:`.helpers`: ``helper(func, args, kwargs)``;
- :mod:`.positional`: ``args[0]`` read, empty ``args`` refused;
- :mod:`.aliases`: ``f = self.func``, ``kw = dict(kwargs)``, ``sig.bind``;
- :mod:`.callees`: how a call names its target;
- :mod:`.mentions`: which statements can matter, told from their lines;
- :mod:`.visitor` walks the body, :mod:`.state` holds what the walk knows,
  :mod:`.model` the results, :mod:`.cache` one result per code object.
"""

from __future__ import annotations

from .cache import clear_effects, effect_of
from .model import OPTIONAL, REQUIRED, Callee, CalleeKind, Effect, Forward, HelperCall

__all__ = [
    "OPTIONAL",
    "REQUIRED",
    "Callee",
    "CalleeKind",
    "Effect",
    "Forward",
    "HelperCall",
    "clear_effects",
    "effect_of",
]
