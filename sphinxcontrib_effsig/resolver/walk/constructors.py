"""Classes as callables: constructors, metaclasses, ``super()`` and the MRO.

Calling a class runs its metaclass's ``__call__``, or ``__new__`` and
``__init__``; which of them decides the signature is settled here.
Everything is read from class namespaces directly (never through a
metaclass's ``__getattribute__``), so looking at a class runs none of its code.
"""

from __future__ import annotations

import inspect
import types
from typing import TYPE_CHECKING, Any

from ..caches import current
from ..model import EffectiveSignature
from ..safe import MISSING, class_dict, is_function, static_attr
from ..signatures import drop_first, inspected, takes_anything
from .unwrap import innermost

if TYPE_CHECKING:
    from .dispatch import Resolver


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


def class_signature(resolver: Resolver, cls: type, metaclass: bool = True) -> EffectiveSignature:
    """What calling ``cls`` takes; ``metaclass=False`` once past the metaclass's ``__call__``."""
    meta_call = user_method(type(cls), "__call__") if metaclass else None
    if is_function(meta_call):
        return resolver.resolve(meta_call, cls)
    if meta_call is not None:
        return drop_first(resolver.resolve(meta_call))
    (new, new_at), (init, init_at) = user_methods(cls, ("__new__", "__init__"))
    if new is None and init is None:
        return inspected(cls)
    new_sig = constructor_signature(resolver, cls, new)
    init_sig = constructor_signature(resolver, cls, init)
    # type.__call__ passes the arguments to both; one that takes anything
    # (``def __new__(cls, *args, **kwargs)``) leaves the decision to the other.
    if new_sig is None or (init_sig is not None and takes_anything(new_sig)):
        assert init_sig is not None
        return init_sig
    if init_sig is None or takes_anything(init_sig):
        return new_sig
    # Both are the class's own Python code: the one found first in the MRO.
    return new_sig if new_at <= init_at else init_sig


def own_constructors(cls: type) -> tuple[object, ...]:
    """The functions whose parameters are ``cls``'s own: the ``__new__`` and
    ``__init__`` that calling it finds first along its MRO, as written (under
    any wrapper). A base class's constructor that one of them calls
    (``super().__init__(**kwargs)``) is not among them."""
    methods = user_methods(cls, ("__new__", "__init__"))
    return tuple([innermost(unwrap_descriptor(found)) for found, _ in methods if found is not None])


def _defining_class(func: types.FunctionType) -> type | None:
    """The class ``func`` was written in, as ``super()`` without arguments reads
    it: the ``__class__`` cell the compiler gives a method that uses ``super``
    (found so even where a decorator, not ``func``, is in the class namespace)."""
    code = func.__code__
    if "__class__" not in code.co_freevars or not func.__closure__:
        return None
    try:
        value = func.__closure__[code.co_freevars.index("__class__")].cell_contents
    except (ValueError, IndexError):
        return None
    return value if isinstance(value, type) else None


def compiled_constructor(cls: type) -> bool:
    """Whether calling ``cls`` runs no Python code of its own: no metaclass
    ``__call__``, ``__new__`` or ``__init__`` along its MRO is Python, so its
    signature is the one its C code states (``functools.partial``'s
    ``(func, /, *args, **keywords)``), as :func:`class_signature` reads it."""
    if user_method(type(cls), "__call__") is not None:
        return False
    (new, _), (init, _) = user_methods(cls, ("__new__", "__init__"))
    return new is None and init is None


def constructor_signature(resolver: Resolver, cls: type, method: Any) -> EffectiveSignature | None:
    """``__new__``/``__init__`` as the class calls it (first parameter bound).

    Resolved with the class as context, so ``super().__init__(*args,
    **kwargs)`` in it can be followed along the class's MRO.
    """
    if method is None:
        return None
    raw = unwrap_descriptor(method)
    if is_function(raw) and raw.__code__.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
        return resolver.resolve(raw, ClassContext(cls))
    return drop_first(resolver.resolve(raw))


def super_method(func: types.FunctionType, bound_self: object, name: str) -> Any:
    """What ``super().<name>`` finds for ``bound_self`` inside ``func``."""
    klass = bound_self if isinstance(bound_self, type) and name == "__call__" else None
    cls = bound_self.cls if isinstance(bound_self, ClassContext) else type(bound_self)
    mro = mro_of(cls)
    defining = _defining_class(func)
    for index, base in enumerate(mro):
        if base is defining or (
            defining is None
            and (
                class_namespace(base).get(func.__name__) is func
                or any(getattr(v, "__func__", v) is func for v in class_namespace(base).values())
            )
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


#: What a class namespace holds for a method written in C.
_COMPILED = (
    types.WrapperDescriptorType,
    types.MethodWrapperType,
    types.BuiltinFunctionType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
)


def user_method(cls: type, name: str) -> Any:
    """A Python-level ``__call__``/``__new__``/``__init__`` found on ``cls``."""
    return user_methods(cls, (name,))[0][0]


def user_methods(cls: type, wanted: tuple[str, ...]) -> list[tuple[Any, int]]:
    """For each name, the Python-level method ``cls`` finds for it (``None`` where it
    is C code, or none but ``object``'s/``type``'s) and the index in the MRO of
    the class that defines it; one walk along the MRO for all of them (deep
    hierarchies, such as SQLAlchemy's 40 bases, make each walk count)."""
    found: dict[str, tuple[Any, int]] = {}
    mro = mro_of(cls)
    names = wanted
    if type(cls) is type:
        # Most classes define no __new__ (or __call__) anywhere: known
        # without walking what may be dozens of bases.
        names = tuple([name for name in names if _defined_along(cls, name)])
    if names:
        for index, base in enumerate(mro):
            if base is object or base is type:
                continue
            namespace = class_dict(base)  # an MRO holds classes only
            for name in names:
                if name not in found and name in namespace:
                    value = namespace[name]
                    found[name] = (None if isinstance(value, _COMPILED) else value, index)
            if len(found) == len(names):
                break
    return [found.get(name, (None, len(mro))) for name in wanted]


def _defined_along(cls: type, name: str) -> bool:
    """Whether ``cls`` or a class in its MRO other than ``object`` defines ``name``.

    For a class whose metaclass is ``type`` (so are its bases'), the MRO
    holds exactly the class and its bases' MROs: the answer is the class's
    own namespace or its bases' answers, each remembered, so a deep
    hierarchy is read once per build rather than once per class.
    """
    memo = current().defined_along
    key = (id(cls), name)
    hit = memo.get(key)
    if hit is not None and hit[0] is cls:
        return hit[1]
    if cls is object or cls is type:
        answer = False
    else:
        answer = name in class_dict(cls) or any(
            _defined_along(base, name) for base in type.__getattribute__(cls, "__bases__")
        )
    memo[key] = (cls, answer)
    return answer


def unwrap_descriptor(value: Any) -> Any:
    """The function inside a ``staticmethod``/``classmethod``; anything else as it is."""
    if isinstance(value, (staticmethod, classmethod)):
        return value.__func__
    return value
