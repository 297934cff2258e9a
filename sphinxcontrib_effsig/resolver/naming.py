"""Owner names: the dotted name a reader would cite for a parameter's owner.

Uses the code object (``co_qualname``) and the module the code runs in
(``__globals__["__name__"]``) rather than ``__qualname__``/``__module__``,
because ``functools.wraps`` overwrites those with the wrapped function's.
"""

from __future__ import annotations

import types

from .caches import Caches, current
from .safe import along_mro, instance_attr, is_function

_LOCALS = ".<locals>"


def code_owner_name(code: types.CodeType, module: str | None) -> str:
    """``module`` + ``co_qualname`` cut before the first ``.<locals>``.

    A class-based decorator's ``__call__`` is named by its class.
    """
    qualname = code.co_qualname
    cut = qualname.find(_LOCALS)
    if cut != -1:
        qualname = qualname[:cut]
    elif code.co_name == "__call__" and "." in qualname:
        qualname = qualname.rsplit(".", 1)[0]
    return f"{module}.{qualname}" if module else qualname


def function_module(func: types.FunctionType) -> str | None:
    """The name of the module a function's code runs in."""
    name = func.__globals__.get("__name__")
    return name if isinstance(name, str) else None


def owner_name(obj: object) -> str:
    """The dotted name of any owner: a function, a class or another object.

    Asked for the same owners over and over (every layer, note and
    parameter of a build names one): computed once per object that is not
    a function (whose name is read off its code at once).
    """
    if is_function(obj):
        return _function_owner_name(obj)
    if issubclass(type(obj), types.MethodType):
        return owner_name(obj.__func__)  # type: ignore[attr-defined]
    caches = current()
    if not isinstance(obj, _NAMED_ITSELF) and not _routine_type(caches, type(obj)):
        # An instance is cited by its class: one name per class, not one
        # per instance (networkx has hundreds of them).
        obj = type(obj)
    memo = caches.owner_names
    hit = memo.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    name = _owner_name(obj)
    memo[id(obj)] = (obj, name)
    return name


def _function_owner_name(func: types.FunctionType) -> str:
    code = func.__code__
    if code.co_filename.startswith("<") and "__wrapped__" not in func.__dict__:
        # Generated from text (dataclasses' __init__, namedtuple's
        # __new__): the generator names the function for its class.
        module = instance_attr(func, "__module__")
        qualname = instance_attr(func, "__qualname__")
        if isinstance(qualname, str) and "<locals>" not in qualname:
            return f"{module}.{qualname}" if isinstance(module, str) else qualname
    return code_owner_name(code, function_module(func))


#: The owners named by themselves; any other object is named by its class,
#: unless it is a compiled routine (see :func:`compiled_routine`).
_NAMED_ITSELF = (type, types.BuiltinFunctionType, types.MethodDescriptorType)


def compiled_routine(obj: object) -> bool:
    """A routine written in C or Cython (a builtin, a slot wrapper such as
    ``dict.__init__``, a Cython function): its type gives each one a
    ``__qualname__`` of its own at the C level, as a Python function's code
    does; a Python class's instances have none."""
    if is_function(obj) or isinstance(obj, type):
        return False
    return _routine_type(current(), type(obj))


def _routine_type(caches: Caches, kind: type) -> bool:
    """Whether ``kind``'s instances are compiled routines, once per type."""
    memo = caches.routine_types
    hit = memo.get(id(kind))
    if hit is not None and hit[0] is kind:
        return hit[1]
    found = isinstance(along_mro(kind, "__qualname__"), _C_LEVEL)
    memo[id(kind)] = (kind, found)
    return found


_C_LEVEL = (types.GetSetDescriptorType, types.MemberDescriptorType)


def _owner_name(target: object) -> str:
    """The name of an owner named by itself (one of ``_NAMED_ITSELF``)."""
    module = instance_attr(target, "__module__")
    qualname = instance_attr(target, "__qualname__")
    if not isinstance(qualname, str):
        qualname = instance_attr(target, "__name__")
    if module is None and isinstance(target, types.BuiltinFunctionType):
        # A builtin bound to a module (``math.sqrt``) or to a class (``object.__new__``).
        bound = instance_attr(target, "__self__")
        holder = instance_attr(bound, "__module__" if isinstance(bound, type) else "__name__")
        module = holder if isinstance(holder, str) else "builtins"
    elif module is None and not isinstance(target, type):
        module = _class_module(target)
    if not isinstance(qualname, str):
        return ""
    cut = qualname.find(_LOCALS)
    if cut != -1:
        qualname = qualname[:cut]
    return f"{module}.{qualname}" if isinstance(module, str) and module else qualname


def _class_module(routine: object) -> str | None:
    """The module of the class a slot or method belongs to (``dict.__init__``,
    ``(1).__add__``), unless it is ``builtins``: Python's own documentation
    cites those as ``str.join``."""
    holder = instance_attr(routine, "__objclass__")
    if not isinstance(holder, type):
        holder = type(instance_attr(routine, "__self__"))
    name = instance_attr(holder, "__module__")
    return name if isinstance(name, str) and name != "builtins" else None
