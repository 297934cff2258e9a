"""The runtime layers between a documented object and its implementation.

Walks from the outside in: explicit ``__signature__``, bound methods,
``classmethod``/``staticmethod``, ``functools.partial``/``partialmethod``,
classes, callable instances and Python functions. A Python function that
has ``*args``/``**kwargs`` is a wrapper: its code's :class:`~.effects.Effect`
says where they go, and each target found there is resolved in turn.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import functools
import inspect
import types
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from . import typed
from .analysis import OPTIONAL, Callee, CalleeKind, Effect, Forward, effect_of
from .annotations import (
    SourceDefault,
    evaluate_annotation,
    evaluate_signature,
    read_default,
    says_nothing,
)
from .classes import (
    ClassContext,
    Construction,
    class_namespace,
    defining_class,
    mro_of,
    super_method,
    unwrap_descriptor,
    user_method,
)
from .compose import EMPTY, PO, POK, VAR_KW, VAR_POS, Layer, Site, compose
from .model import EffectiveParameter, EffectiveSignature
from .naming import owner_name
from .safe import MISSING, instance_attr, is_function, signature_attr, static_attr, wrapped_of
from .signatures import (
    NoSignature,
    apply_partial,
    bind_first,
    drop_first,
    has_star,
    own_parameters,
    partial_bindings,
    partialmethod_of,
    plain_signature,
    restates_code,
    takes_anything,
    with_explicit_details,
)
from .targets import (
    cacheable,
    dispatches_by_registry,
    explain,
    generated_implementation,
    identity,
    is_runner,
    local_function,
    underlying,
    value_wrapper,
)

MAX_DEPTH = 400
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

    # -- dispatch ----------------------------------------------------------

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
        key = identity(obj, bound_self)
        if key in self.active:
            raise _Cycle(obj)
        self.steps += 1
        if self.depth >= MAX_DEPTH or self.steps > MAX_STEPS:
            raise _TooDeep(obj)
        self.active.add(key)
        self.depth += 1
        try:
            sig = self._dispatch(obj, bound_self)
        finally:
            self.depth -= 1
            self.active.discard(key)
        if bound_self is MISSING and cacheable(obj):
            self.cache[id(obj)] = (obj, sig)
        return sig

    def _dispatch(self, obj: object, bound_self: object) -> EffectiveSignature:
        tp = type(obj)
        if issubclass(tp, types.MethodType):
            return self._bound_method(obj)  # type: ignore[arg-type]
        if issubclass(tp, (classmethod, staticmethod)):
            inner = self.resolve(obj.__func__)  # type: ignore[attr-defined]
            return drop_first(inner) if issubclass(tp, classmethod) else inner
        explicit = signature_attr(obj)
        if explicit is not None and not self._copied_signature(obj, explicit):
            if restates_code(obj, explicit):
                return with_explicit_details(self._function(obj, bound_self), obj, explicit)  # type: ignore[arg-type]
            # A __signature__ on __init__ or a method names ``self`` too: bound here.
            return bind_first(self._explicit(obj, explicit), bound_self is not MISSING)
        if issubclass(tp, functools.partial):
            return self._partial(obj)  # type: ignore[arg-type]
        if issubclass(tp, functools.partialmethod):
            # Found in a class namespace (``__init__ = partialmethod(...)``).
            return self._partialmethod(obj)  # type: ignore[arg-type]
        if issubclass(tp, types.FunctionType):
            pm = partialmethod_of(obj)
            if pm is not None:
                return self._partialmethod(pm)
            return self._function(obj, bound_self)  # type: ignore[arg-type]
        if issubclass(tp, type):
            return self._class(obj)  # type: ignore[arg-type]
        if issubclass(tp, Construction):
            return self._class(obj.cls, metaclass=False)  # type: ignore[attr-defined]
        wrapped = wrapped_of(obj)
        proxy_wrapper = value_wrapper(obj)
        if proxy_wrapper is not None and wrapped is not None:
            return self._args_as_values(obj, proxy_wrapper, wrapped)
        call = static_attr(tp, "__call__")
        if is_function(call):
            return self.resolve(call, obj)
        if isinstance(call, functools.partialmethod):
            return drop_first(self._partialmethod(call))
        if wrapped is not None and callable(wrapped):
            # A compiled wrapper (functools.lru_cache, ...) that declares
            # what it wraps: it forwards its arguments unchanged.
            return evaluate_signature(self.resolve(wrapped), wrapped)
        return self._inspect(obj)

    # -- leaves ----------------------------------------------------------

    def _inspect(self, obj: object) -> EffectiveSignature:
        """What ``inspect.signature`` says, every parameter owned by ``obj``."""
        try:
            sig = inspect.signature(obj, follow_wrapped=False)  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise NoSignature(str(exc)) from exc
        name = owner_name(obj)
        return EffectiveSignature(
            [EffectiveParameter.from_parameter(p, obj, name) for p in sig.parameters.values()],
            return_annotation=sig.return_annotation,
        )

    @staticmethod
    def _copied_signature(obj: object, explicit: inspect.Signature) -> bool:
        """``functools.wraps`` copies ``__dict__``, and with it an inner ``__signature__``.

        The copy describes the wrapped object, not ``obj``, so ``obj`` is
        analysed as the wrapper it is.
        """
        wrapped = wrapped_of(obj)
        return wrapped is not None and signature_attr(wrapped) is explicit

    def _explicit(self, obj: object, explicit: inspect.Signature) -> EffectiveSignature:
        """``__signature__`` is authoritative; owners by comparison with the wrapped."""
        name = owner_name(obj)
        inner_owners: dict[str, EffectiveParameter] = {}
        wrapped = wrapped_of(obj)
        if wrapped is None and is_function(obj):
            wrapped = self._closure_target(obj)
        notes: list[str] = []
        resolved = True
        if wrapped is not None:
            try:
                inner = self.resolve(wrapped)
            except (NoSignature, _Cycle, _TooDeep):
                inner = None
            if inner is not None:
                inner_owners = dict(inner.parameters)
        carrier, carrier_name = obj, name
        proxy_wrapper = value_wrapper(obj)
        if proxy_wrapper is not None:
            carrier, carrier_name = proxy_wrapper, owner_name(proxy_wrapper)
        elif is_function(obj) and not effect_of(obj.__code__).has_source:
            # Generated from text (makefun): the parameters it adds belong to
            # the implementation it calls.
            implementation = generated_implementation(obj, wrapped)
            if implementation is not None:
                carrier, carrier_name = implementation, owner_name(implementation)
        params = []
        for param in explicit.parameters.values():
            source = inner_owners.get(param.name)
            if source is not None and source.kind is param.kind:
                params.append(
                    EffectiveParameter.from_parameter(param, source.owner, source.owner_name)
                )
            else:
                params.append(EffectiveParameter.from_parameter(param, carrier, carrier_name))
        return EffectiveSignature(
            params,
            return_annotation=explicit.return_annotation,
            resolved=resolved,
            notes=notes,
        )

    def _closure_target(self, func: types.FunctionType) -> Any:
        """The callable a function forwards its ``*args``/``**kwargs`` to, if one."""
        effect = effect_of(func.__code__, func.__globals__)
        targets = {
            id(obj): obj
            for forward in effect.forwards
            if forward.via is None
            for obj in [self._callee_object(forward.callee, func, MISSING)]
            if obj is not MISSING
        }
        return next(iter(targets.values())) if len(targets) == 1 else None

    def _layers_below(self, func: types.FunctionType, wrapped: object) -> list[object]:
        """What ``func`` wraps, layer by layer, down to the innermost function found."""
        below: list[object] = []
        current: object = wrapped if wrapped is not None else self._closure_callable(func)
        while current is not None and len(below) < 64 and all(c is not current for c in below):
            below.append(current)
            nxt = wrapped_of(current)
            if nxt is None and is_function(current) and has_star(current):
                # Only wrapper-shaped functions lead further down.
                nxt = self._closure_callable(current)
            current = nxt
        return below

    def _resolve_quietly(self, obj: object) -> EffectiveSignature | None:
        try:
            return evaluate_signature(self.resolve(obj), obj)
        except (NoSignature, _Cycle, _TooDeep):
            return None

    @staticmethod
    def _closure_callable(func: types.FunctionType) -> Any:
        """What a generated wrapper without ``__wrapped__`` wraps, if it can be told.

        Candidates are the Python callables its code can reach (closure cells
        and the globals it names); the target is the one whose name the
        wrapper took over, or the only candidate.
        """
        found: dict[int, Any] = {}
        values: list[object] = []
        for cell in func.__closure__ or ():
            try:
                values.append(cell.cell_contents)
            except ValueError:
                continue
        values += [func.__globals__.get(name) for name in func.__code__.co_names]
        for value in values:
            if isinstance(value, (types.FunctionType, types.MethodType, functools.partial)):
                found[id(value)] = value
        if len(found) == 1:
            return next(iter(found.values()))
        name = instance_attr(func, "__qualname__")
        named = [v for v in found.values() if instance_attr(v, "__qualname__") == name]
        return named[0] if len(named) == 1 else None

    def _bound_method(self, method: types.MethodType) -> EffectiveSignature:
        func = method.__func__
        if is_function(func) and has_star(func):
            # Bound to a known instance: ``self.other(*args)`` can be followed.
            return self.resolve(func, method.__self__)
        return drop_first(self.resolve(func))

    def _partial(self, obj: functools.partial[Any]) -> EffectiveSignature:
        func = obj.func
        known = partial_bindings(func, obj.args, obj.keywords)
        if known:
            # partial(call_with, target): the helper's ``func`` parameter is
            # known, so where it forwards *args/**kwargs is too.
            self.known[id(func)] = known
            try:
                inner = self._function(func, MISSING)  # type: ignore[arg-type]
            finally:
                del self.known[id(func)]
        else:
            inner = self.resolve(func)
        return apply_partial(inner, obj.args, obj.keywords)

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

    def _class(self, cls: type, metaclass: bool = True) -> EffectiveSignature:
        meta_call = user_method(type(cls), "__call__") if metaclass else None
        if is_function(meta_call):
            return self.resolve(meta_call, cls)
        if meta_call is not None:
            return drop_first(self.resolve(meta_call))
        new = user_method(cls, "__new__")
        init = user_method(cls, "__init__")
        if new is None and init is None:
            return self._inspect(cls)
        new_sig = self._constructor(cls, new)
        init_sig = self._constructor(cls, init)
        # type.__call__ passes the arguments to both; one that takes anything
        # (``def __new__(cls, *args, **kwargs)``) leaves the decision to the other.
        if new_sig is None or (init_sig is not None and takes_anything(new_sig)):
            assert init_sig is not None
            return init_sig
        if init_sig is None or takes_anything(init_sig):
            return new_sig
        for base in mro_of(cls):
            namespace = class_namespace(base)
            if "__new__" in namespace:
                return new_sig
            if "__init__" in namespace:
                return init_sig
        return new_sig

    def _constructor(self, cls: type, method: Any) -> EffectiveSignature | None:
        """``__new__``/``__init__`` as the class calls it (first parameter bound).

        Resolved with the class as context, so ``super().__init__(*args,
        **kwargs)`` in it can be followed along the class's MRO.
        """
        if method is None:
            return None
        raw = unwrap_descriptor(method)
        if is_function(raw) and raw.__code__.co_flags & (
            inspect.CO_VARARGS | inspect.CO_VARKEYWORDS
        ):
            return self.resolve(raw, ClassContext(cls))
        return drop_first(self.resolve(raw))

    def _args_as_values(self, obj: object, impl: Any, wrapped: object) -> EffectiveSignature:
        """A proxy whose wrapper function receives ``(wrapped, instance, args, kwargs)``.

        This is :mod:`wrapt`'s protocol: the caller's positional arguments
        arrive as the tuple ``args`` and the keywords as the dict ``kwargs``;
        the wrapper's code says what it does with them.
        """
        impl_self: object = MISSING
        if issubclass(type(impl), types.MethodType):
            impl_self, impl = impl.__self__, impl.__func__
        code = impl.__code__
        offset = 0 if impl_self is MISSING else 1
        names = code.co_varnames[: code.co_argcount]
        if len(names) < offset + 4:
            return self._inspect(obj)
        wrapped_name, args_name, kwargs_name = names[offset], names[offset + 2], names[offset + 3]
        effect = effect_of(code, impl.__globals__, (args_name, kwargs_name))
        name = owner_name(impl)
        own = [
            EffectiveParameter("args", VAR_POS, owner=impl, owner_name=name),
            EffectiveParameter("kwargs", VAR_KW, owner=impl, owner_name=name),
        ]
        layer = Layer(
            own=own,
            owner=impl,
            owner_name=name,
            unproven=explain(name, effect.unproven),
            describe=f"the wrapper {name}",
            expects_target=True,
            wrapped_id=id(wrapped),
        )
        merge_kwargs_edits(layer, effect, impl)
        if not effect.has_source:
            layer.unproven.append(f"the source of {name} is not available")
        for forward in effect.forwards:
            if forward.via is not None:
                layer.sites.append(Site(forward, None))
                continue
            if forward.callee.kind == "param" and forward.callee.name == wrapped_name:
                target: Any = wrapped
            else:
                target = self._callee_object(forward.callee, impl, impl_self)
            layer.sites.append(self._site(forward, target, impl, wrapped))
        return compose(layer)

    # -- Python functions ----------------------------------------------------

    def _function(self, func: types.FunctionType, bound_self: object) -> EffectiveSignature:
        """A Python function; with ``bound_self``, its first parameter is bound to it.

        The bound parameter is removed before composition, so a decorator's
        ``self`` never hides the ``self`` of the method it wraps.
        """
        code = func.__code__
        has_star = bool(code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS))
        wrapped = wrapped_of(func)
        if wrapped is None and bound_self is not MISSING:
            wrapped = None if isinstance(bound_self, ClassContext) else wrapped_of(bound_self)
        bound = bound_self is not MISSING
        if not has_star and wrapped is None:
            return bind_first(plain_signature(func), bound)
        effect = effect_of(code, func.__globals__)
        owner = func
        name = owner_name(func)
        own = own_parameters(func, effect, owner, name, use_source=wrapped is not None)
        # A named first parameter is the bound one; otherwise ``self`` travels
        # in ``*args`` and is bound in the composed signature.
        bind_result = bound
        if bound and own and own[0].kind in (PO, POK):
            own = own[1:]
            bind_result = False
        if not has_star:
            return self._fixed_wrapper(func, own, effect, wrapped)
        if not effect.has_source:
            return self._opaque_wrapper(func, own, wrapped, bind_result)
        if wrapped is None and not effect.forwards and not effect.popped:
            return bind_first(plain_signature(func), bound)
        layer = Layer(
            own=own,
            owner=owner,
            owner_name=name,
            unproven=explain(name, effect.unproven),
            return_annotation=self._own_return(func, effect),
            describe=f"the wrapper {name}",
            expects_target=wrapped is not None,
            wrapped_id=id(wrapped) if wrapped is not None else 0,
        )
        merge_kwargs_edits(layer, effect, func)
        for forward in effect.forwards:
            layer.sites.extend(self._sites(forward, func, bound_self, wrapped, layer))
        if wrapped is not None and not self._reaches(layer.sites, wrapped):
            layer.unproven.append(
                f"the wrapper {name} declares that it wraps {owner_name(wrapped)}, but its "
                "arguments never reach it as far as the code can be followed"
            )
        if bind_result:
            prebound = [self._prebind(site, bound_self) for site in layer.sites]
            known = [site for site in prebound if site.target is not None]
            if known and all(site.prebound for site in known):
                # ``self`` is args[0]: it is bound now, the rest move up one.
                layer.sites = prebound
                layer.positional_needed = max(0, layer.positional_needed - 1)
                bind_result = False
        # The wrapper's own "whatever it returns" (``-> R``, ``-> Any``) was
        # dropped above; a TypeVar the target itself returns stays its own.
        sig = compose(layer)
        if not sig.resolved and not sig.presumed and wrapped is not None:
            presumed = self._presume(layer, wrapped, bound_self, sig.notes)
            if presumed is not None:
                return presumed
        return bind_first(sig, bind_result)

    def _presume(
        self, layer: Layer, wrapped: object, bound_self: object, notes: Sequence[str]
    ) -> EffectiveSignature | None:
        """SPEC 1.5: a wrapper that declares ``__wrapped__`` but whose forwarding
        could not be followed passes its arguments on unchanged, as PEP 362,
        :mod:`inspect` and autodoc presume — with every edit that was proven
        (keywords it pops, supplies or refuses; its own parameters) applied.

        The result is final: a bound method's ``self`` is bound in the target.
        """
        try:
            if bound_self is MISSING or isinstance(bound_self, ClassContext):
                target = self.resolve(wrapped)
            else:
                target = self.resolve(wrapped, bound_self)
        except (NoSignature, _Cycle, _TooDeep):
            return None
        callee = Callee(CalleeKind.FREE, text=owner_name(wrapped))
        # The call the resolver could not follow, as written, presumed to reach
        # the wrapped callable (``handler(self, key, *args, **kwargs)``: ``key``
        # goes on); without one, ``*args``/``**kwargs`` go on and nothing else.
        unknown = next(
            (
                s.forward
                for s in layer.sites
                if s.target is None
                and s.forward.via is None
                and (s.forward.star_args or s.forward.star_kwargs)
            ),
            None,
        )
        leading = unknown.leading if unknown is not None else ()
        if any(name is None for name in leading):
            leading = ()  # ``map(func, *columns)``: not the wrapper's own values going on
        own = {p.name for p in layer.own}
        if bound_self is not MISSING and leading and leading[0] not in own:
            leading = leading[1:]  # the wrapper's bound ``self``: bound in the target too
        kinds = {p.kind for p in layer.own}
        forward = (
            Forward(callee, star_args=VAR_POS in kinds, star_kwargs=VAR_KW in kinds)
            if unknown is None
            else Forward(
                callee,
                unknown.star_args,
                unknown.star_kwargs,
                leading,
                unknown.keywords,
                trailing=unknown.trailing,
            )
        )
        site = Site(
            forward,
            evaluate_signature(target, wrapped),
            id(wrapped),
            declared=True,
            target_object=wrapped,
        )
        # The layer's own parameters are already without a bound ``self``.
        presumed = compose(
            dataclasses.replace(layer, sites=[site], unproven=[], positional_needed=0)
        )
        note = (
            f"{layer.describe} is presumed to pass its arguments on to "
            f"{owner_name(wrapped)} unchanged, as inspect.signature presumes"
        )
        return presumed.replace(resolved=False, presumed=True, notes=[*notes, note])

    def _reaches(self, sites: list[Site], wrapped: object) -> bool:
        """Does one of the calls lead to the declared ``__wrapped__``?

        Checked by ownership: some parameter of a call's target comes from
        the wrapped function's own signature. A function without parameters
        gives nothing to check, and is taken as reached.
        """
        try:
            inner = self.resolve(wrapped)
        except (NoSignature, _Cycle, _TooDeep):
            return True
        owners = {id(p.owner) for p in inner.parameters.values()}
        if not owners:
            return True
        return (
            any(
                site.declared
                or (
                    site.target is not None
                    and any(id(p.owner) in owners for p in site.target.parameters.values())
                )
                for site in sites
            )
            or not sites
        )

    def _prebind(self, site: Site, bound_self: object) -> Site:
        """Resolve a target that receives ``self`` first in ``*args`` as bound to it.

        A decorated method bound to an instance passes ``self`` on inside
        ``*args``; resolving the target as bound lets its own
        ``self.attribute`` calls be followed.
        """
        forward = site.forward
        target = site.target_object
        if (
            site.target is None
            or not forward.star_args
            or forward.leading
            or not is_function(target)
        ):
            return site
        try:
            sig = self.resolve(target, bound_self)
        except (NoSignature, _Cycle, _TooDeep):
            return site
        return replace(site, target=evaluate_signature(sig, target), prebound=True)

    def _own_return(self, func: types.FunctionType, effect: Effect) -> Any:
        if effect.returns is None:
            return EMPTY
        value = evaluate_annotation(effect.returns, func)
        return EMPTY if says_nothing(value) else value

    def _fixed_wrapper(
        self,
        func: types.FunctionType,
        own: list[EffectiveParameter],
        effect: Effect,
        wrapped: object,
    ) -> EffectiveSignature:
        """A wrapper with named parameters only: they are the whole truth.

        Generated wrappers (``makefun``, ``boltons``, ``decorator``: compiled
        from text, no source) name the target's parameters one by one; their
        owners are found by comparing with what they wrap, and the rest
        belong to the implementation the generated code calls.
        """
        return_annotation = self._own_return(func, effect) if effect.has_source else EMPTY
        inner: EffectiveSignature | None = None
        if wrapped is not None:
            try:
                inner = self.resolve(wrapped)
            except (NoSignature, _Cycle, _TooDeep):
                inner = None
        if inner is not None and return_annotation is EMPTY:
            return_annotation = inner.return_annotation
        if inner is not None and not effect.has_source:
            implementation = generated_implementation(func, wrapped)
            impl_name = owner_name(implementation) if implementation is not None else ""
            params = []
            for param in own:
                source = inner.parameters.get(param.name)
                if source is not None:
                    param = param.replace(owner=source.owner, owner_name=source.owner_name)
                elif implementation is not None:
                    param = param.replace(owner=implementation, owner_name=impl_name)
                params.append(param)
            own = params
        return EffectiveSignature(own, return_annotation=return_annotation)

    def _opaque_wrapper(
        self,
        func: types.FunctionType,
        own: list[EffectiveParameter],
        wrapped: object,
        bound: bool,
    ) -> EffectiveSignature:
        """No source to read: a typed decorator, or what autodoc would show."""
        below = self._layers_below(func, wrapped)
        from_types = typed.from_definition_site(func, below, self._resolve_quietly)
        if from_types is not None:
            return bind_first(from_types, bound)
        where = func.__code__.co_filename
        why = (
            "its code was compiled at run time"
            if where.startswith("<")
            else f"its source ({where}) cannot be read"
        )
        note = (
            f"{owner_name(func)}: {why}, so where its *args/**kwargs go is not known; "
            "its own parameters are kept"
        )
        if wrapped is not None:
            name = owner_name(func)
            layer = Layer(own=own, owner=func, owner_name=name, describe=f"the wrapper {name}")
            presumed = self._presume(layer, wrapped, MISSING, [note])
            if presumed is not None:
                return bind_first(presumed, bound)
        # SPEC 1.5: keep what is proven (the wrapper's own parameters) and
        # the *args/**kwargs whose destination is unknown; invent nothing.
        return EffectiveSignature(own, resolved=False, notes=[note])

    def _sites(
        self,
        forward: Forward,
        func: types.FunctionType,
        bound_self: object,
        wrapped: object,
        layer: Layer,
    ) -> list[Site]:
        if forward.via is not None:
            return self._helper_sites(forward, func, bound_self, wrapped, layer)
        target = self._callee_object(forward.callee, func, bound_self)
        runner = self._runner_target(forward, func, bound_self, wrapped, target)
        if runner is not None:
            return [runner]
        if target is MISSING and dispatches_by_registry(func, bound_self, wrapped):
            target = wrapped
        return [self._site(forward, target, func, wrapped)]

    def _runner_target(
        self,
        forward: Forward,
        func: types.FunctionType,
        bound_self: object,
        wrapped: object,
        callee: object,
    ) -> Site | None:
        """``asyncio.to_thread(func, *args, **kwargs)``: the target rides as an argument.

        When a leading argument of the call is the wrapper's target (its
        ``__wrapped__``, or a callable from its closure) and the called object
        is something else, the call is a runner that calls that argument with
        the arguments after it. Mapping-style calls (``map(func, *columns)``)
        pass something else, so a runner must say so: its ``*`` parameter is
        named ``args``, or, when it cannot be looked at, its name does not
        announce a mapping.
        """
        if not forward.leading_callees or not is_runner(forward.callee, callee):
            return None
        for index, leading in enumerate(forward.leading_callees):
            if leading.kind not in ("free", "self_attr", "global"):
                continue
            candidate = self._callee_object(leading, func, bound_self)
            if candidate is MISSING or candidate is callee or not callable(candidate):
                continue
            if leading.kind == "global" and candidate is not wrapped:
                continue
            if wrapped is not None and candidate is not wrapped and leading.kind != "free":
                continue
            if isinstance(candidate, type) and candidate is not wrapped:
                continue
            inner = Forward(
                leading,
                forward.star_args,
                forward.star_kwargs,
                forward.leading[index + 1 :],
                forward.keywords,
                leading_callees=forward.leading_callees[index + 1 :],
            )
            return self._site(inner, candidate, func, wrapped)
        return None

    def _site(
        self,
        forward: Forward,
        target: object,
        func: types.FunctionType | None = None,
        wrapped: object = None,
    ) -> Site:
        if target is MISSING:
            return Site(forward, None)
        try:
            sig = self.resolve(target)
        except (NoSignature, _Cycle, _TooDeep):
            return Site(forward, None)
        if forward.callee.binds and not self._bound_to_none(forward.callee, func):
            sig = drop_first(sig)
        declared = wrapped is not None and underlying(target) is underlying(wrapped)
        return Site(
            forward, evaluate_signature(sig, target), id(target), declared, target_object=target
        )

    def _bound_to_none(self, callee: Callee, func: types.FunctionType | None) -> bool:
        """``impl.__get__(obj, cls)`` where the closure's ``obj`` is ``None``: unbound."""
        if func is None or not callee.bound_to:
            return False
        value = self._callee_object(Callee(CalleeKind.FREE, callee.bound_to), func, MISSING)
        return value is None

    def _callee_object(self, callee: Callee, func: types.FunctionType, bound_self: object) -> Any:
        if callee.kind == "param":
            return self.known.get(id(func), {}).get(callee.name, MISSING)
        if callee.kind == "free":
            closure = func.__closure__ or ()
            try:
                index = func.__code__.co_freevars.index(callee.name)
                return closure[index].cell_contents
            except (ValueError, IndexError):
                return MISSING
        if callee.kind == "global":
            root, *path = callee.name.split(".")
            value = func.__globals__.get(root, getattr(builtins, root, MISSING))
            for attribute in path:
                # Followed through modules and classes only, statically.
                if not isinstance(value, (types.ModuleType, type)):
                    return MISSING
                value = static_attr(value, attribute, MISSING)
            return value
        if callee.kind == "local_def":
            return local_function(func, callee.name)
        if callee.kind == "super" and bound_self is not MISSING:
            return super_method(func, bound_self, callee.name)
        if callee.kind == "self_attr" and (
            bound_self is MISSING or isinstance(bound_self, ClassContext)
        ):
            # No instance: a method of the class itself can still be found.
            cls = bound_self.cls if isinstance(bound_self, ClassContext) else None
            cls = cls or defining_class(func)
            method = static_attr(cls, callee.name, MISSING) if cls is not None else MISSING
            if is_function(method):
                return types.MethodType(method, ClassContext(cls))  # type: ignore[arg-type]
            return MISSING
        if callee.kind == "self_attr":
            value = instance_attr(bound_self, callee.name, MISSING)
            if is_function(value) and value is not instance_attr(
                type(bound_self), callee.name, None
            ):
                return value
            if value is MISSING or is_function(value):
                # A method of the decorator class: bind it like Python would.
                method = static_attr(type(bound_self), callee.name, MISSING)
                if is_function(method):
                    return types.MethodType(method, bound_self)
                return MISSING
            return value
        return MISSING

    def _helper_sites(
        self,
        forward: Forward,
        func: types.FunctionType,
        bound_self: object,
        wrapped: object,
        layer: Layer,
    ) -> list[Site]:
        """``helper(func, args, kwargs)``: follow the tuple and the dict into the helper.

        A helper that only reads them (``logger.debug("%s", args)``,
        ``len(args)``, a cache key) adds no forwarding site; one that edits
        the dict (it is shared) edits what the wrapper forwards.
        """
        via = forward.via
        assert via is not None
        helper = self._callee_object(via.helper, func, bound_self)
        offset = 0
        helper_self: object = MISSING
        if issubclass(type(helper), types.MethodType):
            helper_self, helper = helper.__self__, helper.__func__
            offset = 1
        if isinstance(helper, type):
            helper = unwrap_descriptor(user_method(helper, "__init__"))
            offset = 1
        if not is_function(helper):
            return []
        code = helper.__code__
        names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]

        def param_at(where: int | str | None) -> str | None:
            if where is None:
                return None
            if isinstance(where, int):
                index = where + offset
                return names[index] if index < code.co_argcount else None
            return where if where in names else None

        tracked = (param_at(via.args_at), param_at(via.kwargs_at))
        if tracked == (None, None):
            return []
        effect = effect_of(code, helper.__globals__, tracked)
        if not effect.has_source:
            return []
        if effect.unproven and effect.forwards:
            return [Site(forward, None)]
        merge_kwargs_edits(layer, effect, helper)
        passed = dict(via.arguments)
        sites = []
        for inner in effect.forwards:
            target: Any = MISSING
            if inner.callee.kind == "param" and inner.callee.name in names:
                index = names.index(inner.callee.name) - offset
                source = passed.get(index, passed.get(inner.callee.name))
                if source is not None:
                    target = self._callee_object(source, func, bound_self)
            elif inner.via is None:
                target = self._callee_object(inner.callee, helper, helper_self)
            if target is MISSING and dispatches_by_registry(func, bound_self, wrapped):
                target = wrapped
            sites.append(self._site(inner, target, helper, wrapped))
        return sites


def merge_kwargs_edits(layer: Layer, effect: Effect, func: types.FunctionType) -> None:
    """Add what ``func``'s code does to ``**kwargs`` (and needs of ``*args``) to ``layer``.

    Defaults written in the code are read in ``func``'s namespace.
    """
    layer.supplied |= effect.supplied
    layer.rejected |= effect.rejected
    layer.positional_needed = max(layer.positional_needed, effect.positional_needed)
    for key, expr in effect.popped.items():
        if expr is None:
            layer.popped[key] = EMPTY
        elif expr is OPTIONAL:
            layer.popped[key] = SourceDefault("...")
        else:
            layer.popped[key] = read_default(expr, func)
    for key, expr in effect.defaults.items():
        layer.defaults[key] = read_default(expr, func)
    for holder, expr in effect.looped_defaults.items():
        # for name in NAMES: if name not in kwargs: kwargs[name] = provide(name)
        names = read_default(ast.Name(id=holder, ctx=ast.Load()), func)
        if isinstance(names, (tuple, list, frozenset, set)):
            for key in names:
                if isinstance(key, str):
                    layer.defaults[key] = SourceDefault(ast.unparse(expr))
        else:
            layer.unproven.append(
                f"it fills in the keywords named by {holder}, which cannot be read"
            )


class _Cycle(NoSignature):
    def __init__(self, obj: object) -> None:
        super().__init__("a __wrapped__/forwarding cycle")


class _TooDeep(NoSignature):
    def __init__(self, obj: object) -> None:
        super().__init__(f"more than {MAX_DEPTH} nested layers")


# -- signatures built from code objects ---------------------------------------
