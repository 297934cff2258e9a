"""What a name in a wrapper's code stands for at run time.

The analysis (:mod:`..analysis`) names a call's target in the wrapper's own
terms -- a parameter, a closure variable, a global, a local ``def``,
``super().name``, ``self.name``; this module finds the object, read
statically (no user code runs), or :data:`~..safe.MISSING`.
"""

from __future__ import annotations

import builtins
import types
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..analysis import Callee, CalleeKind
from ..safe import MISSING, instance_attr, is_function, namespace_of, static_attr
from .constructors import ClassContext, defining_class, super_method

if TYPE_CHECKING:
    from .dispatch import Resolver


def callee_object(
    resolver: Resolver, callee: Callee, func: types.FunctionType, bound_self: object
) -> Any:
    """The object ``callee`` names inside ``func`` (bound to ``bound_self``, if known)."""
    find = _FINDERS.get(callee.kind)
    return MISSING if find is None else find(resolver, callee, func, bound_self)


def _parameter(resolver: Resolver, callee: Callee, func: types.FunctionType, _: object) -> Any:
    """A parameter's value, known when a partial fixed it."""
    return resolver.known.get(id(func), {}).get(callee.name, MISSING)


def _free(_: Resolver, callee: Callee, func: types.FunctionType, __: object) -> Any:
    name = callee.name
    root, *path = name.split(".") if "." in name else (name,)
    closure = func.__closure__ or ()
    try:
        index = func.__code__.co_freevars.index(root)
        value = closure[index].cell_contents
    except (ValueError, IndexError):
        return MISSING
    return attribute_path(value, path) if path else value


def _global(_: Resolver, callee: Callee, func: types.FunctionType, __: object) -> Any:
    root, *path = callee.name.split(".")
    value = func.__globals__.get(root, getattr(builtins, root, MISSING))
    return attribute_path(value, path)


def attribute_path(value: object, path: list[str]) -> Any:
    """``value.a.b`` read statically: through modules and classes, and on an
    instance its own attributes or a method of its class, bound as Python
    would bind it (``retrying.call``). Anything else (properties,
    ``__getattr__``, descriptors) is not looked at: ``MISSING``."""
    for attribute in path:
        if value is MISSING:
            return MISSING
        if isinstance(value, (types.ModuleType, type)):
            value = static_attr(value, attribute, MISSING)
            continue
        namespace = namespace_of(value)
        if namespace is not None and attribute in namespace:
            value = namespace[attribute]
            continue
        found = static_attr(type(value), attribute, MISSING)
        if is_function(found):
            value = types.MethodType(found, value)
        elif isinstance(found, types.MemberDescriptorType):
            value = instance_attr(value, attribute, MISSING)  # a slot
        else:
            return MISSING
    return value


def _local_def(_: Resolver, callee: Callee, func: types.FunctionType, __: object) -> Any:
    return local_function(func, callee.name)


def _super(_: Resolver, callee: Callee, func: types.FunctionType, bound_self: object) -> Any:
    if bound_self is MISSING:
        return MISSING
    return super_method(func, bound_self, callee.name)


def _self_attribute(
    _: Resolver, callee: Callee, func: types.FunctionType, bound_self: object
) -> Any:
    if bound_self is MISSING or isinstance(bound_self, ClassContext):
        return _class_method(callee.name, func, bound_self)
    value = instance_attr(bound_self, callee.name, MISSING)
    if is_function(value) and value is not instance_attr(type(bound_self), callee.name, None):
        return value
    if value is MISSING or is_function(value):
        # A method of the decorator class: bind it like Python would.
        method = static_attr(type(bound_self), callee.name, MISSING)
        if is_function(method):
            return types.MethodType(method, bound_self)
        return MISSING
    return value


def _class_method(name: str, func: types.FunctionType, context: object) -> Any:
    """No instance: a method of the class itself can still be found."""
    cls = context.cls if isinstance(context, ClassContext) else None
    cls = cls or defining_class(func)
    method = static_attr(cls, name, MISSING) if cls is not None else MISSING
    if is_function(method):
        return types.MethodType(method, ClassContext(cls))  # type: ignore[arg-type]
    return MISSING


_Finder = Callable[["Resolver", Callee, types.FunctionType, object], Any]

_FINDERS: Mapping[CalleeKind, _Finder] = {
    CalleeKind.PARAM: _parameter,
    CalleeKind.FREE: _free,
    CalleeKind.GLOBAL: _global,
    CalleeKind.LOCAL_DEF: _local_def,
    CalleeKind.SUPER: _super,
    CalleeKind.SELF_ATTR: _self_attribute,
}


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
