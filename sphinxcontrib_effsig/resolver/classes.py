"""Classes as callables: constructors, metaclasses, ``super()`` and the MRO.

Everything is read from class namespaces directly (never through a
metaclass's ``__getattribute__``), so looking at a class runs none of its code.
"""

from __future__ import annotations

import types
from typing import Any

from .safe import MISSING, is_function, static_attr


class ClassContext:
    """Stands for "an instance of ``cls``" while a constructor is resolved.

    Only ``super()`` look-ups use it; attributes of the (nonexistent)
    instance stay unknown.
    """

    def __init__(self, cls: type) -> None:
        self.cls = cls


class Construction:
    """``type.__call__`` reached through a metaclass's ``super().__call__``:
    the class's own ``__new__``/``__init__`` decide the signature."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __call__(self) -> None:  # pragma: no cover - never called, only resolved
        raise TypeError("not callable")


def super_method(func: types.FunctionType, bound_self: object, name: str) -> Any:
    """What ``super().<name>`` finds for ``bound_self`` inside ``func``."""
    klass = bound_self if isinstance(bound_self, type) and name == "__call__" else None
    cls = bound_self.cls if isinstance(bound_self, ClassContext) else type(bound_self)
    mro = mro_of(cls)
    for index, base in enumerate(mro):
        if class_namespace(base).get(func.__name__) is func or any(
            getattr(v, "__func__", v) is func for v in class_namespace(base).values()
        ):
            for later in mro[index + 1 :]:
                value = class_namespace(later).get(name)
                if value is None:
                    continue
                if is_function(value):
                    return types.MethodType(value, bound_self)
                if klass is not None and later is type:
                    return Construction(klass)
                return MISSING
            break
    return MISSING


def defining_class(func: types.FunctionType) -> type | None:
    """The module-level class a method is defined in, from its code's qualname."""
    parts = func.__code__.co_qualname.split(".")
    if len(parts) < 2 or "<locals>" in parts:
        return None
    value: object = func.__globals__.get(parts[0])
    for part in parts[1:-1]:
        value = static_attr(value, part, None)
    return value if isinstance(value, type) else None


def mro_of(cls: type) -> tuple[type, ...]:
    try:
        mro = type.__getattribute__(cls, "__mro__")
    except Exception:
        return ()
    return mro if isinstance(mro, tuple) else ()


def class_namespace(cls: type) -> Any:
    """A class's own ``__dict__`` (bypassing any metaclass ``__getattribute__``)."""
    try:
        return type.__getattribute__(cls, "__dict__")
    except Exception:
        return {}


def user_method(cls: type, name: str) -> Any:
    """A Python-level ``__call__``/``__new__``/``__init__`` found on ``cls``."""
    for base in mro_of(cls):
        if base is object or base is type:
            continue
        namespace = class_namespace(base)
        if name in namespace:
            value = namespace[name]
            if isinstance(
                value,
                (
                    types.WrapperDescriptorType,
                    types.MethodWrapperType,
                    types.BuiltinFunctionType,
                    types.MethodDescriptorType,
                    types.ClassMethodDescriptorType,
                ),
            ):
                return None
            return value
    return None


def unwrap_descriptor(value: Any) -> Any:
    if isinstance(value, (staticmethod, classmethod)):
        return value.__func__
    return value
