"""Functions generated from text (makefun, decorator, boltons): the code they call.

A generated function has no source to read; it names the target's
parameters one by one and calls an implementation that does have source.
The parameters the target lacks belong to that implementation.
"""

from __future__ import annotations

import types
from typing import Any

from ..analysis import effect_of
from ..safe import is_function


def is_generated(func: types.FunctionType) -> bool:
    """Compiled from text at run time: there is no source for its code."""
    return not effect_of(func.__code__).has_source


def generated_implementation(func: types.FunctionType, wrapped: object) -> Any:
    """The one Python function with source that generated code calls, if one."""
    candidates: dict[int, types.FunctionType] = {}
    for cell in func.__closure__ or ():
        try:
            value = cell.cell_contents
        except ValueError:
            continue
        if is_function(value) and value is not wrapped:
            candidates[id(value)] = value
    for name in func.__code__.co_names:
        value = func.__globals__.get(name)
        if is_function(value) and value is not wrapped:
            candidates[id(value)] = value
    found = [c for c in candidates.values() if effect_of(c.__code__, c.__globals__).has_source]
    return found[0] if len(found) == 1 else None
