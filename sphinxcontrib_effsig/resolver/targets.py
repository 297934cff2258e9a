"""Finding what a wrapper calls: runners, dispatchers, generated code, proxies.

The analysis (:mod:`.effects`) names a call's target in the wrapper's own
terms; these helpers decide, from the runtime objects, which callable that
really is -- or that it cannot be known.
"""

from __future__ import annotations

import functools
import inspect
import types
from typing import Any

from .analysis import Callee, effect_of
from .compose import VAR_POS
from .safe import MISSING, instance_attr, is_function


def local_function(func: types.FunctionType, name: str) -> Any:
    """A function defined inside ``func``'s body, rebuilt from its code object.

    Its free variables take the values ``func``'s closure gives them; the
    ones ``func`` itself creates are unknown (empty cells), and its defaults
    are not known without running ``func``.
    """
    codes = [
        c for c in func.__code__.co_consts if isinstance(c, types.CodeType) and c.co_name == name
    ]
    if len(codes) != 1:
        return MISSING
    code = codes[0]
    outer = dict(zip(func.__code__.co_freevars, func.__closure__ or (), strict=False))
    cells = tuple(outer.get(var, types.CellType()) for var in code.co_freevars)
    return types.FunctionType(code, func.__globals__, name, None, cells or None)


_MAPPING_WORDS = ("map", "filter", "reduce", "accumulate", "zip")


def is_runner(callee: Callee, obj: object) -> bool:
    """Does calling ``obj`` run its first callable argument with the rest?"""
    if obj is MISSING:
        return _named_like_a_runner(callee)
    hit = _RUNNERS.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    try:
        sig = inspect.signature(obj)  # type: ignore[arg-type]
        answer = any(p.kind is VAR_POS and p.name == "args" for p in sig.parameters.values())
    except Exception:
        # No signature to read (functools.partial on Python 3.12): by its name.
        answer = _named_like_a_runner(callee)
    _RUNNERS[id(obj)] = (obj, answer)
    return answer


def _named_like_a_runner(callee: Callee) -> bool:
    last = callee.text.rsplit(".", 1)[-1].lower()
    return not any(word in last for word in _MAPPING_WORDS)


_RUNNERS: dict[int, tuple[object, bool]] = {}


def clear_runner_cache() -> None:
    _RUNNERS.clear()


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


def value_wrapper(obj: object) -> Any:
    """The wrapper function of a :mod:`wrapt` proxy (``_self_wrapper``), if any."""
    impl = instance_attr(obj, "_self_wrapper", None)
    if isinstance(impl, (types.FunctionType, types.MethodType)):
        return impl
    return None


def identity(obj: object, bound_self: object) -> tuple[str, int]:
    """What makes two resolutions the same question, for cycle detection."""
    # type(), not isinstance(): proxies (wrapt) answer __class__ for their target.
    if issubclass(type(obj), types.MethodType):
        return ("method", id(obj.__func__))  # type: ignore[attr-defined]
    if bound_self is not MISSING:
        return ("bound", id(obj))
    return ("object", id(obj))


def underlying(obj: object) -> object:
    """The function behind a bound method or a partial, for identity checks."""
    for _ in range(8):
        if issubclass(type(obj), types.MethodType):
            obj = obj.__func__  # type: ignore[attr-defined]
        elif issubclass(type(obj), functools.partial):
            obj = obj.func  # type: ignore[attr-defined]
        else:
            break
    return obj


def dispatches_by_registry(func: object, bound_self: object, wrapped: object) -> bool:
    """A computed target that is, by default, the declared ``__wrapped__``.

    Dispatchers in the style of :func:`functools.singledispatch` pick the
    implementation from a registry at call time; every registered
    implementation answers the same call as the default one, which is what
    ``__wrapped__`` names. They announce themselves with a ``register``
    method. Any other computed target (``getattr(backends, name)``) is not
    trusted.
    """
    if wrapped is None:
        return False
    holder = func if bound_self is MISSING else bound_self
    return callable(instance_attr(holder, "register", None))


def cacheable(obj: object) -> bool:
    return issubclass(type(obj), (types.FunctionType, type, functools.partial))


def explain(name: str, reasons: list[str]) -> list[str]:
    """Turn the analysis' reasons ("it reassigns *args") into notes naming the wrapper."""
    notes = []
    for reason in reasons:
        if reason.startswith("it "):
            notes.append(f"the wrapper {name} {reason[3:]}")
        else:
            notes.append(f"the wrapper {name}: {reason}")
    return notes
