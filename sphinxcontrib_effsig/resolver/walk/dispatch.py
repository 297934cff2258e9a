"""The resolver: one resolution's guards and cache, and the kind of each object.

Walks from the outside in: explicit ``__signature__``, bound methods,
``classmethod``/``staticmethod``, ``functools.partial``/``partialmethod``,
classes, wrapt proxies, callable instances and Python functions; each kind
is handled in the module named for it, which calls :meth:`Resolver.resolve`
for what lies below.
"""

from __future__ import annotations

import functools
import types
from typing import Any

from ..annotations import evaluate_signature
from ..code_names import named_parameters
from ..model import PO, POK, VAR_POS, EffectiveSignature
from ..protocols.wrapt import args_as_values, value_wrapper
from ..safe import MISSING, is_function, signature_attr, static_attr, wrapped_of
from ..signatures import (
    NoSignature,
    apply_partial,
    drop_first,
    has_star,
    inspected,
    is_plain_function,
    partial_bindings,
    partialmethod_of,
    plain_signature,
)
from .constructors import Construction, class_signature
from .explicit import copied_signature, expand_variadics, explicit_signature, stated_signature
from .unwrap import MAX_LAYERS
from .wrappers import function_signature

#: How many resolutions one object may cost in all (siblings included).
MAX_STEPS = 4000


class Resolver:
    """One resolution: guards against cycles and runaway depth, memoises."""

    def __init__(self, cache: dict[int, tuple[object, EffectiveSignature]]) -> None:
        self.cache = cache
        self.active: set[tuple[str, int]] = set()
        self.depth = 0
        self.steps = 0
        # Parameter values fixed by a partial, per function being resolved.
        self.known: dict[int, dict[str, object]] = {}
        # Values known to travel in a function's *args (its first ones) and
        # **kwargs, per function.
        self.travelling_args: dict[int, tuple[object, ...]] = {}
        self.travelling: dict[int, dict[str, object]] = {}
        # Plain functions' signatures as targets (annotations evaluated), for
        # a wrapper that calls its target more than once.
        self.evaluated: dict[int, tuple[object, EffectiveSignature]] = {}

    def resolve(self, obj: object, bound_self: object = MISSING) -> EffectiveSignature:
        """The effective signature of ``obj``; ``bound_self`` is the instance a
        method's ``self`` stands for, when it is known.

        Cycles are caught by the identity of the underlying function (a
        method is re-created at every attribute access), and a budget of
        steps bounds the work one object may cost.
        """
        hit = self.cache.get(id(obj))
        if hit is not None and hit[0] is obj and bound_self is MISSING:
            return hit[1]
        if bound_self is MISSING and is_plain_function(obj):
            # The common case, decided without a lookup or a guard: nothing
            # below it to recurse into.
            sig = plain_signature(obj)
            self.cache[id(obj)] = (obj, sig)
            return sig
        key = _identity(obj, bound_self)
        if key in self.active:
            raise _Cycle()
        self.steps += 1
        if self.depth >= MAX_LAYERS or self.steps > MAX_STEPS:
            raise _TooDeep()
        self.active.add(key)
        self.depth += 1
        try:
            sig = self._dispatch(obj, bound_self)
        finally:
            self.depth -= 1
            self.active.discard(key)
        if bound_self is MISSING and _cacheable(obj) and id(obj) not in self.known:
            # (An answer that used values known for this call only is not kept.)
            self.cache[id(obj)] = (obj, sig)
        return sig

    def resolve_evaluated(self, obj: object) -> EffectiveSignature:
        """:meth:`resolve`, postponed annotations evaluated: a target's signature,
        ready to be composed.

        A plain function (what a decorator most often wraps) is read off its
        code with its annotations evaluated at once: one signature built, not
        two, and none kept that only served to be evaluated.
        """
        if not is_plain_function(obj):
            return evaluate_signature(self.resolve(obj), obj)
        hit = self.evaluated.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        sig = plain_signature(obj, evaluated=True)
        self.evaluated[id(obj)] = (obj, sig)
        return sig

    def resolve_quietly(self, obj: object) -> EffectiveSignature | None:
        """:meth:`resolve_evaluated`; ``None`` where there is no signature."""
        try:
            return self.resolve_evaluated(obj)
        except NoSignature:
            return None

    def _dispatch(self, obj: object, bound_self: object) -> EffectiveSignature:
        tp = type(obj)
        if issubclass(tp, types.MethodType):
            return self._bound_method(obj)  # type: ignore[arg-type]
        if issubclass(tp, (classmethod, staticmethod)):
            inner = self.resolve(obj.__func__)  # type: ignore[attr-defined]
            return drop_first(inner) if issubclass(tp, classmethod) else inner
        explicit = signature_attr(obj)
        if explicit is not None:
            wrapped = wrapped_of(obj)
            if not copied_signature(wrapped, explicit):
                return explicit_signature(self, obj, explicit, bound_self, wrapped)
        if issubclass(tp, functools.partial):
            return self._partial(obj)  # type: ignore[arg-type]
        if issubclass(tp, functools.partialmethod):
            # Found in a class namespace (``__init__ = partialmethod(...)``).
            return self._partialmethod(obj)  # type: ignore[arg-type]
        if issubclass(tp, types.FunctionType):
            pm = partialmethod_of(obj)
            if pm is not None:
                return self._partialmethod(pm)
            return function_signature(self, obj, bound_self)  # type: ignore[arg-type]
        if issubclass(tp, type):
            return class_signature(self, obj)  # type: ignore[arg-type]
        if issubclass(tp, Construction):
            return class_signature(self, obj.cls, metaclass=False)  # type: ignore[attr-defined]
        return self._callable_object(obj)

    def _callable_object(self, obj: object) -> EffectiveSignature:
        """An object that is not a function: a proxy, a callable instance, a compiled wrapper."""
        wrapped = wrapped_of(obj)
        proxy_wrapper = value_wrapper(obj)
        if proxy_wrapper is not None and wrapped is not None:
            return args_as_values(self, obj, proxy_wrapper, wrapped)
        call = static_attr(type(obj), "__call__")
        if is_function(call):
            return self.resolve(call, obj)
        if isinstance(call, functools.partialmethod):
            return drop_first(self._partialmethod(call))
        if wrapped is not None and callable(wrapped):
            # A compiled wrapper (functools.lru_cache, ...) that declares
            # what it wraps: it forwards its arguments unchanged.
            return self.resolve_evaluated(wrapped)
        return inspected(obj)

    def _bound_method(self, method: types.MethodType) -> EffectiveSignature:
        func = method.__func__
        if is_function(func) and has_star(func):
            # Bound to a known instance: ``self.other(*args)`` can be followed.
            return self.resolve(func, method.__self__)
        return drop_first(self.resolve(func))

    def _partial(self, obj: functools.partial[Any]) -> EffectiveSignature:
        inner = self.resolve_knowing(obj.func, obj.args, obj.keywords)
        if inner is None:
            inner = self.resolve(obj.func)
        return apply_partial(inner, obj.args, obj.keywords)

    def resolve_knowing(
        self, obj: object, args: tuple[Any, ...], keywords: dict[str, Any]
    ) -> EffectiveSignature | None:
        """``obj``, a forwarding function (or one bound), resolved with the values
        of some of its parameters known: ``partial(call_with, target)``, a
        runner handed the target (``retrying.call(func, *args, **kwargs)``), a
        function handed the callable it calls (``run(*args, handler=h)``).

        Where it forwards ``*args``/``**kwargs`` to one of those parameters
        can then be followed. Keywords it does not name travel on in its
        ``**kwargs``, known to what it forwards them to. The parameters stay
        in the result (the caller applies the arguments); ``None`` when
        nothing becomes known.
        """
        if issubclass(type(obj), staticmethod):
            obj = obj.__func__  # type: ignore[attr-defined]
        func, bound_self = obj, MISSING
        if issubclass(type(obj), types.MethodType):
            func, bound_self = obj.__func__, obj.__self__  # type: ignore[attr-defined]
            args = (bound_self, *args)
        if not is_function(func):
            return self._stated_knowing(obj, args, keywords)
        known = {
            k: v for k, v in partial_bindings(func, args, keywords).items() if v is not MISSING
        }
        travelling = _travelling(func, args, keywords)
        if not known and not travelling[0] and not travelling[1]:
            return None
        # Guarded as resolve() is: a function handing itself on again
        # (l1(*a, l2=l1)) is a cycle, and every step counts in the budget.
        key = ("knowing", id(func))
        if key in self.active:
            raise _Cycle()
        self.steps += 1
        if self.depth >= MAX_LAYERS or self.steps > MAX_STEPS:
            raise _TooDeep()
        memos: tuple[dict[int, Any], ...] = (self.known, self.travelling_args, self.travelling)
        saved = [memo.get(id(func)) for memo in memos]
        self.known[id(func)] = known
        self.travelling_args[id(func)], self.travelling[id(func)] = travelling
        self.active.add(key)
        self.depth += 1
        try:
            return function_signature(self, func, bound_self)
        finally:
            self.depth -= 1
            self.active.discard(key)
            for memo, value in zip(memos, saved, strict=True):
                if value is None:
                    memo.pop(id(func), None)
                else:
                    memo[id(func)] = value

    def _stated_knowing(
        self, obj: object, args: tuple[Any, ...], keywords: dict[str, Any]
    ) -> EffectiveSignature | None:
        """An object that states its signature over the function it wraps
        (sigtools' ``kwoargs``): the values go to that function by name."""
        explicit = signature_attr(obj)
        wrapped = wrapped_of(obj)
        if explicit is None or not is_function(wrapped):
            return None
        positional = [p.name for p in explicit.parameters.values() if p.kind in (PO, POK)]
        named = dict(zip(positional, args, strict=False))
        code = wrapped.__code__
        if len(args) > len(positional) and not code.co_flags & 0x04:
            return None
        # Past the stated positionals, values go into the stated *args: the
        # function's own *args, after its named positional parameters.
        rest = args[len(positional) :]
        filler = (MISSING,) * code.co_argcount if rest else ()
        inner = self.resolve_knowing(wrapped, (*filler, *rest), {**named, **keywords})
        if inner is None:
            return None
        return expand_variadics(stated_signature(self, obj, explicit, wrapped), wrapped, inner)

    def _partialmethod(self, pm: functools.partialmethod[Any]) -> EffectiveSignature:
        inner = self.resolve(pm.func)
        params = list(inner.parameters.values())
        if not params or params[0].kind is VAR_POS:
            return apply_partial(inner, pm.args, pm.keywords)
        # The generated method takes ``self`` positionally, whatever its name.
        first = params[0].replace(kind=PO)
        rest = inner.replace(parameters=params[1:])
        applied = apply_partial(rest, pm.args, pm.keywords)
        return applied.replace(parameters=[first, *applied.parameters.values()])


def _identity(obj: object, bound_self: object) -> tuple[str, int]:
    """What makes two resolutions the same question, for cycle detection."""
    # type(), not isinstance(): proxies (wrapt) answer __class__ for their target.
    if issubclass(type(obj), types.MethodType):
        return ("method", id(obj.__func__))  # type: ignore[attr-defined]
    if bound_self is not MISSING:
        return ("bound", id(obj))
    return ("object", id(obj))


def _cacheable(obj: object) -> bool:
    """The kinds of object whose result is memoised, by identity: all but bound
    methods, which Python makes anew at every attribute access (keeping them
    would keep every one alive for nothing)."""
    return not issubclass(type(obj), types.MethodType)


class _Cycle(NoSignature):
    def __init__(self) -> None:
        super().__init__("a __wrapped__/forwarding cycle")


class _TooDeep(NoSignature):
    def __init__(self) -> None:
        super().__init__(f"more than {MAX_LAYERS} nested layers")


def _travelling(
    func: types.FunctionType, args: tuple[Any, ...], keywords: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """What ``func``'s ``*args`` and ``**kwargs`` receive of the known values:
    the positionals past its named ones, the keywords it does not name."""
    code = func.__code__
    rest = args[code.co_argcount :] if code.co_flags & 0x04 else ()
    if not code.co_flags & 0x08:  # no **kwargs
        return rest, {}
    named = set(named_parameters(code))
    return rest, {key: value for key, value in keywords.items() if key not in named}
