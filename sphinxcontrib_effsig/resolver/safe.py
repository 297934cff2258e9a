"""Attribute access that never runs user code and never raises.

The resolver meets hostile objects (``__getattr__`` that raises, properties
with side effects, mocks that answer every attribute). Everything it reads
from a user object goes through here.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from types import GetSetDescriptorType, MappingProxyType, MemberDescriptorType
from typing import Any, TypeGuard

from .caches import current

MISSING: Any = object()


def static_attr(obj: object, name: str, default: Any = None) -> Any:
    """``getattr`` without descriptors' ``__get__`` or ``__getattr__``.

    Plain data found in an instance or class ``__dict__`` is returned as is;
    ``staticmethod``/``classmethod`` wrappers and properties come back raw.
    """
    if type(obj) is type:
        return _plain_class_attr(obj, name, default)
    try:
        return inspect.getattr_static(obj, name, default)
    except Exception:
        return default


#: A class's own namespace, read by the C-level descriptor (no metaclass code).
class_dict: Callable[[type], MappingProxyType[str, Any]] = type.__dict__["__dict__"].__get__
_TYPE_NAMESPACES = (class_dict(type), class_dict(object))


def _plain_class_attr(cls: type, name: str, default: Any) -> Any:
    """:func:`inspect.getattr_static` for a class whose metaclass is ``type``.

    The same answer, the first class along the MRO that defines ``name``,
    else ``type``'s own (``__name__``), without its per-base checks for a
    metaclass that shadows ``__dict__``: every base's metaclass is ``type``
    too, so none can.
    """
    value = along_mro(cls, name)
    if value is not MISSING:
        return value
    for namespace in _TYPE_NAMESPACES:
        if name in namespace:
            return namespace[name]
    return default


def along_mro(cls: type, name: str) -> Any:
    """``name`` in the first class along ``cls``'s MRO that defines it, else MISSING."""
    for base in type.__getattribute__(cls, "__mro__"):
        namespace = class_dict(base)
        if name in namespace:
            return namespace[name]
    return MISSING


#: What a plain function has besides its ``__dict__``: C-level slots only.
_FUNCTION_SLOTS = frozenset(
    name
    for name, value in vars(types.FunctionType).items()
    if isinstance(value, (MemberDescriptorType, GetSetDescriptorType))
)


def instance_attr(obj: object, name: str, default: Any = None) -> Any:
    """An attribute stored on the instance itself (its ``__dict__``/slots)."""
    if type(obj) is types.FunctionType:
        # The hot path: a function's attributes are its __dict__ and its
        # type's C slots, so no MRO walk is needed.
        if name in _FUNCTION_SLOTS:
            try:
                return object.__getattribute__(obj, name)
            except Exception:
                return default
        return obj.__dict__.get(name, default)
    namespace = _own_dict(obj)
    if namespace is not None and name in namespace:
        return namespace[name]
    kind = type(obj)
    if type(kind) is type and not issubclass(kind, type):
        # An instance (not a class) of a class whose metaclass is ``type``:
        # not in its own namespace, so what inspect.getattr_static finds is
        # the first class along the MRO that defines it (no base can shadow
        # ``__dict__``).
        value = along_mro(kind, name)
    else:
        value = static_attr(obj, name, MISSING)
    if value is MISSING:
        return default
    # A slot or a C-level getset (function.__qualname__): read it through
    # the descriptor's own __get__, which is C code and runs no user code.
    if isinstance(value, (MemberDescriptorType, GetSetDescriptorType)):
        try:
            return value.__get__(obj, type(obj))
        except Exception:
            return default
    return value


def wrapped_of(obj: object) -> Any:
    """``obj.__wrapped__`` read statically, or ``None``."""
    value = instance_attr(obj, "__wrapped__", MISSING)
    if value is MISSING or isinstance(value, property):
        return None
    return value


def signature_attr(obj: object) -> inspect.Signature | None:
    """An explicit ``__signature__`` carried by ``obj`` itself, if any.

    A Python function's ``__text_signature__`` counts too: :mod:`inspect`
    prefers it to the code object (Python 3.13's ``re.sub`` hides its
    deprecated ``*args`` that way).
    """
    value = instance_attr(obj, "__signature__", None)
    if value is None and is_function(obj):
        return _text_signature(obj)
    if isinstance(value, (property, types.GetSetDescriptorType)) or (
        value is not None
        and not isinstance(value, inspect.Signature)
        and hasattr(type(value), "__get__")
    ):
        # A computed signature (wrapt's adapters, pydantic models): inspect
        # reads it with getattr, and so does this, guarded.
        try:
            value = getattr(obj, "__signature__", None)
        except Exception:
            return None
    return value if isinstance(value, inspect.Signature) else None


def _text_signature(func: types.FunctionType) -> inspect.Signature | None:
    """The signature a function's own ``__text_signature__`` states, parsed once per text.

    Keyed by the text object, which ``functools.wraps`` copies along with
    ``__dict__``: a copy yields the very same signature, so it is recognised
    as describing the wrapped function, not the wrapper.
    """
    text = func.__dict__.get("__text_signature__")
    if not isinstance(text, str) or not text:
        return None
    memo = current().text_signatures
    hit = memo.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    try:
        sig: inspect.Signature | None = inspect.Signature.from_callable(func, follow_wrapped=False)
    except Exception:
        sig = None
    memo[id(text)] = (text, sig)
    return sig


def namespace_of(obj: object) -> dict[str, Any] | None:
    """An object's own ``__dict__`` (a module's globals), without ``__getattr__``."""
    namespace = _own_dict(obj)
    return namespace if isinstance(namespace, dict) else None


def _own_dict(obj: object) -> Any:
    """``obj.__dict__`` read through the C-level descriptor only.

    A class may define ``__dict__`` as a property; reading that would run its
    code, so only the interpreter's own ``__dict__`` slot is used.
    """
    if isinstance(obj, type):
        try:
            return type.__getattribute__(obj, "__dict__")
        except Exception:
            return None
    kind = type(obj)
    memo = current().dict_slots
    hit = memo.get(id(kind))
    if hit is None or hit[0] is not kind:
        hit = memo[id(kind)] = (kind, _dict_slot(kind))
    descriptor = hit[1]
    if descriptor is None:
        return None
    try:
        namespace = descriptor.__get__(obj, kind)
    except Exception:
        return None
    return namespace if isinstance(namespace, (dict, MappingProxyType)) else None


def _dict_slot(kind: type) -> GetSetDescriptorType | MemberDescriptorType | None:
    """The interpreter's own ``__dict__`` descriptor of ``kind``'s instances: the
    first along its MRO, unless that one is Python code (then ``None``).

    Looked up once per class (an attribute read asks for it every time).
    """
    try:
        mro = type.__getattribute__(kind, "__mro__")
    except Exception:
        return None
    for klass in mro:
        try:
            descriptor = type.__getattribute__(klass, "__dict__").get("__dict__")
        except Exception:
            return None
        if descriptor is None:
            continue
        if isinstance(descriptor, (GetSetDescriptorType, MemberDescriptorType)):
            return descriptor
        return None
    return None


def is_function(obj: object) -> TypeGuard[types.FunctionType]:
    """A real Python function (not a proxy that answers ``__class__`` for one)."""
    return issubclass(type(obj), types.FunctionType)
