"""Signatures read off code objects, and the small transformations on them.

A plain function's signature is built from its code object (exactly what
:mod:`inspect` says, much faster); binding a first parameter, applying a
``functools.partial`` and the like are pure functions over signatures.
"""

from __future__ import annotations

import functools
import inspect
import types
from typing import Any, TypeGuard

from .analysis import Effect
from .annotations import evaluate_annotations, evaluated_annotations
from .code_names import named_parameters
from .model import EMPTY, KW, PO, POK, VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature
from .naming import owner_name
from .safe import instance_attr, is_function
from .typed_kwargs import expand_unpacked_kwargs


class NoSignature(ValueError):
    """``inspect.signature`` cannot describe this object either.

    ``raised_for`` and ``inspect_error`` are set where ``inspect.signature``
    itself was asked (without following ``__wrapped__``) and raised.
    """

    def __init__(
        self,
        message: str,
        raised_for: object = None,
        inspect_error: ValueError | TypeError | None = None,
    ) -> None:
        super().__init__(message)
        self.raised_for = raised_for
        self.inspect_error = inspect_error


def inspected(obj: object) -> EffectiveSignature:
    """What ``inspect.signature`` says, every parameter owned by ``obj``."""
    try:
        sig = inspect.signature(obj, follow_wrapped=False)  # type: ignore[arg-type]
    except (ValueError, TypeError) as exc:
        raise NoSignature(str(exc), obj, exc) from exc
    name = owner_name(obj)
    return EffectiveSignature(
        [EffectiveParameter.from_parameter(p, obj, name) for p in sig.parameters.values()],
        return_annotation=sig.return_annotation,
    )


def plain_signature(func: types.FunctionType, *, evaluated: bool = False) -> EffectiveSignature:
    """``inspect.signature(func)``, every parameter owned by ``func``.

    Exactly that, except that the keys of ``**kwargs: Unpack[TD]`` (PEP 692)
    are the keyword-only parameters they stand for. ``evaluated``: with the
    postponed (string) annotations evaluated, as a target's are before it
    is composed (:func:`~.annotations.evaluate_signature` would give the same).
    """
    name = owner_name(func)
    annotations = function_annotations(func)
    if evaluated:
        annotations = evaluated_annotations(func, annotations)
    params = code_parameters(func, annotations, func, name)
    if func.__code__.co_flags & inspect.CO_VARKEYWORDS:
        params = expand_unpacked_kwargs(params, func)
    return EffectiveSignature(
        params,
        return_annotation=annotations.get("return", EMPTY),
        __validate_parameters__=False,
    )


def own_parameters(
    func: types.FunctionType,
    effect: Effect,
    owner: object,
    name: str,
    *,
    use_source: bool,
) -> list[EffectiveParameter]:
    """A wrapper's own parameters, annotations read from its source.

    ``functools.wraps`` copied the target's ``__annotations__`` onto the
    wrapper, so when the wrapper declares a target (``use_source``) its own
    annotations come from the syntax tree.
    """
    if use_source and effect.has_source:
        annotations = evaluate_annotations(effect.annotations, func)
    else:
        annotations = evaluated_annotations(func, function_annotations(func))
    return code_parameters(func, annotations, owner, name)


def function_annotations(func: types.FunctionType) -> dict[str, Any]:
    try:
        value = func.__annotations__
    except Exception:
        return {}
    return value if isinstance(value, dict) else {}


def code_parameters(
    func: types.FunctionType,
    annotations: dict[str, Any],
    owner: object,
    name: str,
) -> list[EffectiveParameter]:
    """The parameters a function's code object declares, in :mod:`inspect`'s order."""
    code = func.__code__
    positional = code.co_argcount
    posonly = code.co_posonlyargcount
    kwonly = code.co_kwonlyargcount
    names = code.co_varnames
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    first_default = positional - len(defaults)
    make = EffectiveParameter.trusted  # one call per parameter: signatures are made by the thousand
    get = annotations.get
    params = []
    for index in range(positional):
        pname = names[index]
        params.append(
            make(
                pname,
                PO if index < posonly else POK,
                defaults[index - first_default] if index >= first_default else EMPTY,
                get(pname, EMPTY),
                owner,
                name,
            )
        )
    star = positional + kwonly
    if code.co_flags & inspect.CO_VARARGS:
        pname = names[star]
        params.append(make(pname, VAR_POS, EMPTY, get(pname, EMPTY), owner, name))
        star += 1
    for index in range(positional, positional + kwonly):
        pname = names[index]
        params.append(make(pname, KW, kwdefaults.get(pname, EMPTY), get(pname, EMPTY), owner, name))
    if code.co_flags & inspect.CO_VARKEYWORDS:
        pname = names[star]
        params.append(make(pname, VAR_KW, EMPTY, get(pname, EMPTY), owner, name))
    return params


# -- small transformations ------------------------------------------------------


def bind_first(sig: EffectiveSignature, bound: bool) -> EffectiveSignature:
    return drop_first(sig) if bound else sig


def drop_first(sig: EffectiveSignature) -> EffectiveSignature:
    """Bind the first positional parameter (``self``/``cls``)."""
    params = list(sig.parameters.values())
    if params and params[0].kind in (PO, POK):
        return sig.replace(parameters=params[1:])
    return sig


def apply_partial(
    sig: EffectiveSignature, args: tuple[Any, ...], keywords: dict[str, Any]
) -> EffectiveSignature:
    """``functools.partial`` semantics on an effective signature, as inspect does."""
    try:
        bound = sig.bind_partial(*args, **keywords)
    except TypeError as exc:
        raise NoSignature(f"partial object has incorrect arguments: {exc}") from exc
    arguments = bound.arguments
    params: dict[str, EffectiveParameter] = {}
    to_keyword = False
    for param in sig.parameters.values():
        if param.name in arguments:
            if param.kind is PO:
                continue
            if param.kind is POK:
                if param.name not in keywords:
                    continue
                to_keyword = True
                param = param.replace(default=arguments[param.name])
            elif param.kind is KW:
                param = param.replace(default=arguments[param.name])
            elif param.kind is VAR_POS:
                continue
        if to_keyword:
            if param.kind is POK:
                param = param.replace(kind=KW)
            elif param.kind is VAR_POS:
                continue
        params[param.name] = param
    ordered = [p for p in params.values() if p.kind in (PO, POK)]
    ordered += [p for p in params.values() if p.kind is VAR_POS]
    ordered += [p for p in params.values() if p.kind is KW]
    ordered += [p for p in params.values() if p.kind is VAR_KW]
    return sig.replace(parameters=ordered)


def partial_bindings(
    func: object, args: tuple[Any, ...], keywords: dict[str, Any]
) -> dict[str, object]:
    """Which named parameters of a forwarding function a partial fixes."""
    if not is_function(func) or not has_star(func):
        return {}
    code = func.__code__
    names = code.co_varnames[: code.co_argcount]
    known: dict[str, object] = dict(zip(names, args, strict=False))
    named = set(named_parameters(code))
    known.update((key, value) for key, value in keywords.items() if key in named)
    return known


def has_star(func: types.FunctionType) -> bool:
    return bool(func.__code__.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS))


def is_plain_function(obj: object) -> TypeGuard[types.FunctionType]:
    """A Python function nothing can change the signature of: no attribute at all
    (``__wrapped__``, ``__signature__``, ``__partialmethod__``...) and no
    ``*args``/``**kwargs``. Its code's signature is the effective one."""
    return type(obj) is types.FunctionType and not obj.__dict__ and not has_star(obj)


def partialmethod_of(func: object) -> functools.partialmethod[Any] | None:
    """The ``partialmethod`` a function was made from (``__partialmethod__``, or
    ``_partialmethod`` before Python 3.13), if any."""
    if type(func) is types.FunctionType:
        namespace = func.__dict__
        if "__partialmethod__" not in namespace and "_partialmethod" not in namespace:
            return None  # (every function but those: decided without a lookup)
    for attr in ("__partialmethod__", "_partialmethod"):
        value = instance_attr(func, attr, None)
        if isinstance(value, functools.partialmethod):
            return value
    return None


def takes_anything(sig: EffectiveSignature) -> bool:
    """``(*args, **kwargs)``: a signature that accepts every call."""
    kinds = [p.kind for p in sig.parameters.values()]
    return kinds == [VAR_POS, VAR_KW]


def restates_code(obj: object, explicit: inspect.Signature) -> bool:
    """Whether ``explicit`` (a ``__signature__``) lists exactly the parameters
    of ``obj``'s own code: same names and kinds, in order.

    Such a signature says nothing about where ``*args``/``**kwargs`` go (it
    keeps them as they are), only how the function's own parameters read —
    tools set one to show defaults as written (Sphinx's
    ``autodoc_preserve_defaults`` does, on every function it documents). The
    code is then followed as if it were not there, so the answer does not
    depend on whether that tool has visited the function yet, and the
    signature's defaults and annotations are kept
    (:func:`with_explicit_details`).
    """
    if not is_function(obj) or "__wrapped__" in obj.__dict__:
        return False
    code = obj.__code__
    names = code.co_varnames
    kinds: list[tuple[str, inspect._ParameterKind]] = []
    positional = code.co_argcount
    posonly = code.co_posonlyargcount
    kinds += [(names[i], PO if i < posonly else POK) for i in range(positional)]
    star = positional + code.co_kwonlyargcount
    if code.co_flags & inspect.CO_VARARGS:
        kinds.append((names[star], VAR_POS))
        star += 1
    kinds += [(names[i], KW) for i in range(positional, positional + code.co_kwonlyargcount)]
    if code.co_flags & inspect.CO_VARKEYWORDS:
        kinds.append((names[star], VAR_KW))
    stated = [(param.name, param.kind) for param in explicit.parameters.values()]
    return stated == kinds


def with_explicit_details(
    sig: EffectiveSignature, func: types.FunctionType, explicit: inspect.Signature
) -> EffectiveSignature:
    """``sig`` with the defaults ``explicit`` states for ``func``'s own parameters.

    Annotations stay the ones read from the code (evaluated as for any
    function), unless the code has none.
    """
    stated = explicit.parameters
    params = []
    for param in sig.parameters.values():
        written = stated.get(param.name)
        if written is None or param.owner is not func or param.kind in (VAR_POS, VAR_KW):
            params.append(param)
            continue
        params.append(
            param.replace(
                default=written.default if written.default is not EMPTY else param.default,
                annotation=(
                    param.annotation if param.annotation is not EMPTY else written.annotation
                ),
            )
        )
    return_annotation = sig.return_annotation
    if return_annotation is EMPTY:
        return_annotation = explicit.return_annotation
    try:
        return sig.replace(parameters=params, return_annotation=return_annotation)
    except ValueError:  # the stated defaults would put a required one after a default
        return sig
