"""The one place the Sphinx layer asks the resolver for an effective signature.

:func:`effective_for` answers "what does a caller of this documented object
pass?" for an autodoc object: the effective signature with the implicit
``self``/``cls`` already removed where autodoc removes it, or ``None`` when
the object must be documented exactly as plain autodoc would (extension
disabled, name excluded, a mocked import, not a callable autodoc gives a
signature to, or the resolver could not handle it or prove all of it —
``resolved`` is ``False``).

Answers are remembered per read phase in memory only (the build state's
``reading.answers``, keyed by object type, name and object identity; what
the object itself comes to, whatever its name, in ``reading.outcomes``) and
never stored in the environment, so pickled environments never hold user
objects and an incremental rebuild resolves again. It never raises.
"""

from __future__ import annotations

import enum
import inspect
import sys
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

from sphinx.ext.autodoc.mock import ismock  # type: ignore[attr-defined]
from sphinx.util import logging
from sphinx.util.inspect import signature as sphinx_signature

from ..resolver import EffectiveSignature, effective_signature, innermost
from ..resolver.signatures import is_plain_function
from ..resolver.walk.constructors import own_constructors
from .state import build_state

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: autodoc object types whose signature line shows parameters.
CALLABLE_TYPES: Final = frozenset({"function", "decorator", "method", "class", "exception"})


def decline(app: Sphinx, what: str, name: str, obj: object) -> None:
    """Leave the object autodoc is documenting now entirely to autodoc.

    Called for each object at ``autodoc-process-signature`` (which comes
    before its docstring events); the next object's call forgets it.
    """
    build_state(app).reading.declined = {(what, name, id(obj))}


def accept(app: Sphinx) -> None:
    """The object autodoc is documenting now is not declined."""
    build_state(app).reading.declined = set()


def effective_for(app: Sphinx, what: str, name: str, obj: object) -> EffectiveSignature | None:
    """The effective signature of the documented object ``name``, as a caller sees it.

    ``what`` is autodoc's object type (``"function"``, ``"method"``,
    ``"class"``, ...), ``name`` its full dotted name and ``obj`` the object
    autodoc imported — the arguments of ``autodoc-process-signature`` and
    ``autodoc-process-docstring``. For methods that are not static the
    first parameter (``self``/``cls``) is removed; classes give their
    constructor's parameters.

    Returns ``None`` when the object should be left to plain autodoc.
    """
    try:
        return _cached(app, what, name, obj)
    except Exception as exc:  # never break a build
        logger.debug("[effsig] %s: left to autodoc (%s: %s)", name, type(exc).__name__, exc)
        return None


def _cached(app: Sphinx, what: str, name: str, obj: object) -> EffectiveSignature | None:
    state = build_state(app)
    config = state.settings
    if not config.enabled or what not in CALLABLE_TYPES or config.excludes(name):
        return None
    reading = state.reading
    key = (what, name, id(obj))
    if key in reading.declined:
        return None
    if what in ("class", "exception") and app.config.autodoc_class_signature == "separated":
        return None  # autodoc shows no constructor signature on the class: nothing to correct
    if key in reading.answers:
        return reading.answers[key][1]
    answer = _resolve(app, what, name, obj, warn=config.warn_unresolved)
    reading.answers[key] = (obj, answer)
    return answer


def _resolve(
    app: Sphinx, what: str, name: str, obj: object, *, warn: bool
) -> EffectiveSignature | None:
    outcome = _outcome(app, name, obj)
    if outcome.unresolved and warn:
        _warn_unresolved(app, name, outcome.unresolved)
    sig = outcome.signature
    if sig is not None and what == "method" and not _is_static(name, obj):
        sig = drop_implicit_first(sig, obj)
    return sig


@dataclass(frozen=True)
class Outcome:
    """What documenting one object with effsig comes to, whatever name it has.

    Sphinx 9's autodoc formats the signature of every member of a module,
    imported ones too (``Path``, ``Mapping``, a project's own classes
    imported into each module), before it leaves them out; the same object
    under another name costs a dictionary look-up.
    """

    #: the signature to document, ``self``/``cls`` still in; None: autodoc's
    signature: EffectiveSignature | None
    #: why it is not fully resolved (warned per name when asked to), or ""
    unresolved: str = ""


def _outcome(app: Sphinx, name: str, obj: object) -> Outcome:
    outcomes = build_state(app).reading.outcomes
    hit = outcomes.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    outcome = _decide(app, name, obj)
    outcomes[id(obj)] = (obj, outcome)
    return outcome


def _decide(app: Sphinx, name: str, obj: object) -> Outcome:
    if ismock(obj) or not callable(obj):
        return _AUTODOC
    if isinstance(obj, TypeVar) or _is_newtype(obj):
        return _AUTODOC  # autodoc shows no signature for these
    if isinstance(obj, enum.EnumMeta):
        return _AUTODOC  # autodoc deliberately hides EnumType.__call__'s functional API
    if _plain_function(obj):
        return _AUTODOC  # nothing can change its signature: autodoc's answer is the effective one
    if _overloaded(obj):
        return _AUTODOC  # autodoc shows the @overload signatures, and fields that go with them
    try:
        preserved = bool(getattr(app.config, "autodoc_preserve_defaults", False))
        with _without_sphinx_defaults(obj) if preserved else nullcontext():
            sig = effective_signature(obj)
            # autodoc's own reading matters only for what is documented
            # with effsig's answer: resolved, or presumed as inspect presumes.
            shown = _autodoc_view(app, obj) if sig.resolved or sig.presumed else None
    except Exception as exc:
        logger.debug("[effsig] %s: resolver gave no signature (%s)", name, exc)
        return Outcome(None, f"no signature ({type(exc).__name__}: {exc})")
    reason = ""
    if not sig.resolved:
        reason = "; ".join(sig.notes) or "the resolver could not prove where *args/**kwargs go"
        if not sig.presumed:
            # Part of it is unknown: document it exactly as plain autodoc would.
            logger.debug("[effsig] %s: left to autodoc, not fully resolved: %s", name, reason)
            return Outcome(None, reason)
        # Presumed as inspect presumes: autodoc's parameters, plus what was proven.
        logger.debug("[effsig] %s: presumed: %s", name, reason)
    if shown is None or sig.adds_nothing_to(shown):
        # autodoc already shows what a caller passes (or shows no signature
        # at all): the object is left exactly as plain autodoc renders it.
        return Outcome(None, reason)
    return Outcome(_as_autodoc_reads(sig, shown, obj), reason)


#: Left exactly as plain autodoc documents it, nothing to warn about.
_AUTODOC: Final = Outcome(None)


def _overloaded(obj: object) -> bool:
    """Whether ``typing.overload`` registered signatures for ``obj`` (or what it wraps)."""
    function = innermost(obj)
    try:
        return bool(typing.get_overloads(function))  # type: ignore[arg-type]
    except Exception:
        return False


def _autodoc_view(app: Sphinx, obj: object) -> inspect.Signature | None:
    """The signature autodoc introspects for ``obj``, or None where it finds none.

    Read the way autodoc reads it (:func:`sphinx.util.inspect.signature`: it
    follows ``__wrapped__`` to the innermost function and evaluates the
    annotations with ``autodoc_type_aliases``, keeping them as written where
    they cannot all be evaluated).
    """
    aliases = getattr(app.config, "autodoc_type_aliases", None) or {}
    try:
        constructor = _constructor_of(obj) if isinstance(obj, type) else None
        if constructor is not None:
            # As autodoc does for a class: its constructor, first parameter bound.
            return sphinx_signature(constructor, bound_method=True, type_aliases=aliases)
        return sphinx_signature(obj, type_aliases=aliases)  # type: ignore[arg-type]
    except Exception:
        return None


def _constructor_of(cls: type) -> types.FunctionType | None:
    """The ``__new__`` or ``__init__`` a plain class's signature comes from, if any
    (autodoc's order: a Python ``__new__`` first)."""
    if type(cls).__call__ is not type.__call__:
        return None  # a metaclass __call__ decides: read the class as a whole
    for name in ("__new__", "__init__"):
        method = getattr(cls, name, None)
        if inspect.isfunction(method):
            return method
    return None


def _as_autodoc_reads(
    sig: EffectiveSignature, shown: inspect.Signature, obj: object
) -> EffectiveSignature:
    """``sig`` with autodoc's own reading of what autodoc already shows.

    The parameters autodoc introspected keep the annotation it evaluated
    (or left as written) — so they render, link and alias exactly as without
    effsig — and the return annotation stays autodoc's unless the effective
    one says more. Only what effsig adds is read by the resolver alone.
    """
    seen = shown.parameters
    params = []
    changed = False
    for param in sig.parameters.values():
        theirs = seen.get(param.name)
        if theirs is not None and theirs.annotation is not param.annotation:
            param = param.replace(annotation=theirs.annotation)
            changed = True
        params.append(param)
    returns, theirs = sig.return_annotation, shown.return_annotation
    if theirs is not inspect.Signature.empty and returns is not theirs:
        same = returns is inspect.Signature.empty or _same_annotation(returns, theirs, obj)
        if same:
            returns, changed = theirs, True
    return sig.replace(parameters=params, return_annotation=returns) if changed else sig


def _same_annotation(ours: object, theirs: object, obj: object) -> bool:
    """Whether two readings of a return annotation name the same type.

    autodoc keeps an annotation as written when the function's annotations
    cannot all be evaluated; that text is evaluated here, in the module of
    the function that declares it, to compare (annotations only).
    """
    if isinstance(theirs, str):
        namespace = getattr(innermost(obj), "__globals__", None)
        if not isinstance(namespace, dict):
            return False
        try:
            theirs = eval(theirs, dict(namespace))  # an annotation, as typing would read it
        except Exception:
            return False
    if ours is None:
        ours = type(None)
    if theirs is None:
        theirs = type(None)
    try:
        return bool(ours == theirs)
    except Exception:
        return False


def _plain_function(obj: object) -> bool:
    """A function without ``*args``/``**kwargs`` and without any attribute
    (``__wrapped__``, ``__signature__``, ``__partialmethod__``...)."""
    func: Any = obj
    if isinstance(func, (classmethod, staticmethod, types.MethodType)):
        func = func.__func__
    return is_plain_function(func)


@contextmanager
def _without_sphinx_defaults(obj: object) -> Iterator[None]:
    """Hide the ``__signature__`` that ``autodoc_preserve_defaults`` put on ``obj``.

    Sphinx stores the *wrapped* function's signature (defaults as written)
    on the object it documents before the signature events run; left there,
    the resolver would take it as authoritative and lose every parameter a
    decorator adds. It is put back untouched afterwards.
    """
    hidden: list[tuple[dict[str, Any], inspect.Signature]] = []
    for holder in _signature_holders(obj):
        namespace = getattr(holder, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        sig = namespace.get("__signature__")
        if isinstance(sig, inspect.Signature) and _has_sphinx_defaults(sig):
            hidden.append((namespace, namespace.pop("__signature__")))
    try:
        yield
    finally:
        for namespace, sig in hidden:
            namespace.setdefault("__signature__", sig)


def _signature_holders(obj: object) -> list[object]:
    holders: list[object] = [obj]
    if isinstance(obj, type):
        for attribute in ("__init__", "__new__"):
            method = inspect.getattr_static(obj, attribute, None)
            if isinstance(method, (staticmethod, classmethod)):
                method = method.__func__
            if method is not None:
                holders.append(method)
    elif inspect.ismethod(obj):
        holders.append(obj.__func__)
    return holders


def _has_sphinx_defaults(sig: inspect.Signature) -> bool:
    """Whether ``sig`` was made by ``autodoc_preserve_defaults`` (``DefaultValue`` defaults)."""
    for param in sig.parameters.values():
        kind = type(param.default)
        if kind.__name__ == "DefaultValue" and kind.__module__.startswith("sphinx."):
            return True
    return False


def owned_elsewhere(what: str, name: str, obj: object, sig: EffectiveSignature) -> dict[str, str]:
    """Parameter name → owner name, for parameters the documented object does not declare.

    A parameter is the documented object's own when its owner is named like
    it (``mod.fetch`` for ``mod.fetch``; ``mod.Client.__init__`` for
    ``mod.Client``) or when the owner's code is the function autodoc
    documents under that name: same function name for functions and
    methods (this covers re-exports and inherited methods), ``__init__`` or
    ``__new__`` for classes (the ones calling the class runs, not a base
    class's that they call in turn). Wrappers are named after their
    decorator (``mod.retry``) and so are never the documented object.
    """
    foreign: dict[str, str] = {}
    documented = innermost(obj)
    for param in sig.parameters.values():
        owner_dotted = getattr(param, "owner_name", "") or ""
        if owner_dotted and not _is_own(
            what, name, documented, getattr(param, "owner", None), owner_dotted
        ):
            foreign[param.name] = owner_dotted
    return foreign


def _is_own(what: str, name: str, documented: object, owner: object, owner_dotted: str) -> bool:
    constructor = what in ("class", "exception")
    if owner_dotted == name or (constructor and owner_dotted.startswith(f"{name}.")):
        return True
    if isinstance(owner, types.MethodType):
        owner = owner.__func__
    code = getattr(owner, "__code__", None)
    if not isinstance(code, types.CodeType):
        return False
    if owner is documented and "<locals>" not in code.co_qualname:
        # The documented function itself, whatever name it is documented
        # under; a nested function is a decorator's closure, named for it.
        return True
    if constructor:
        if not isinstance(documented, type):
            return code.co_name in ("__init__", "__new__")
        return any(owner is method for method in own_constructors(documented))
    return code.co_name == name.rsplit(".", 1)[-1]


def drop_implicit_first(sig: EffectiveSignature, obj: object) -> EffectiveSignature:
    """Remove ``self``/``cls`` from a method's signature, as autodoc does.

    A bound method (a classmethod looked up on its class) has already lost
    it. A leading ``*args`` is kept: ``self`` travels inside it.
    """
    if inspect.ismethod(obj) or inspect.isbuiltin(obj):
        return sig  # bound already (a builtin classmethod such as dict.fromkeys too)
    params = list(sig.parameters.values())
    if params and params[0].kind in (
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    ):
        return sig.replace(parameters=params[1:])
    return sig


def _is_static(name: str, obj: object) -> bool:
    """Whether ``name`` is a staticmethod of its class (looked up statically)."""
    parent = _parent_of(name)
    if parent is None or not isinstance(parent, type):
        return False
    member = name.rsplit(".", 1)[-1]
    for klass in inspect.getmro(parent):
        value = klass.__dict__.get(member)
        if value is not None:
            return isinstance(value, staticmethod)
    return False


def _parent_of(name: str) -> Any:
    """The already-imported object holding ``name`` (``a.b.C`` for ``a.b.C.m``)."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is None:
            continue
        current: Any = module
        for attr in parts[cut:-1]:
            current = inspect.getattr_static(current, attr, None)
            if current is None:
                return None
        return current
    return None


def _is_newtype(obj: object) -> bool:
    return type(obj).__name__ == "NewType" and type(obj).__module__ == "typing"


def _warn_unresolved(app: Sphinx, name: str, reason: str) -> None:
    location: str | None
    try:
        location = app.env.docname
    except Exception:
        location = None
    logger.warning(
        "effective signature of %s not fully resolved: %s",
        name,
        reason,
        type="effsig",
        subtype="unresolved",
        location=location,
    )
