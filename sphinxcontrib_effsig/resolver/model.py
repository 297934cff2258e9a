"""The values the resolver produces: signatures whose parameters know their owner.

Both classes subclass their :mod:`inspect` counterparts so that everything a
caller already does with a signature (``str()``, ``bind()``, ``parameters``)
keeps working; the extra data (``owner``, ``owner_name``, ``resolved``,
``notes``) rides along and survives ``replace()``.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Iterable, Sequence
from typing import Any

#: The kinds of parameter, and "no default/annotation", as the resolver spells them.
PO = inspect.Parameter.POSITIONAL_ONLY
POK = inspect.Parameter.POSITIONAL_OR_KEYWORD
VAR_POS = inspect.Parameter.VAR_POSITIONAL
KW = inspect.Parameter.KEYWORD_ONLY
VAR_KW = inspect.Parameter.VAR_KEYWORD
EMPTY: Any = inspect.Parameter.empty

_empty: Any = inspect.Parameter.empty
_void: Any = object()
_Kind = inspect._ParameterKind
#: inspect.Parameter keeps its fields in these slots (CPython 3.11-3.14).
_FAST_COPY = {"_name", "_kind", "_default", "_annotation"} <= set(inspect.Parameter.__slots__)
#: and inspect.Signature in these.
_FAST_SIGNATURE = _FAST_COPY and {"_parameters", "_return_annotation"} <= set(
    inspect.Signature.__slots__
)


class EffectiveParameter(inspect.Parameter):
    """A parameter of an effective signature, with the callable that owns it.

    ``owner`` is the function object (or class, for class-based decorators
    and explicit ``__signature__`` carriers) that declares or consumes the
    parameter; ``owner_name`` is the dotted name a reader would cite.
    ``passed_to`` are the parameters further down the calls it is handed on
    to (a function's own ``**options`` given to its callee's ``**options``),
    nearest first: where its owner's docstring says nothing of it, theirs
    may.
    """

    __slots__ = ("_owner", "_owner_name", "_passed_to")

    def __init__(
        self,
        name: str,
        kind: inspect._ParameterKind,
        *,
        default: Any = _empty,
        annotation: Any = _empty,
        owner: object = None,
        owner_name: str = "",
        passed_to: tuple[EffectiveParameter, ...] = (),
    ) -> None:
        super().__init__(name, kind, default=default, annotation=annotation)
        self._owner = owner
        self._owner_name = owner_name
        self._passed_to = passed_to

    @property
    def owner(self) -> object:
        """The function (or class) that declares or consumes this parameter."""
        return self._owner

    @property
    def owner_name(self) -> str:
        """The owner's dotted name, e.g. ``"myapp.retry"``, as a reader would cite it.

        The module its code runs in plus its code's ``co_qualname``, cut
        before the first ``.<locals>`` (see :func:`~.naming.owner_name`).
        """
        return self._owner_name

    @property
    def passed_to(self) -> tuple[EffectiveParameter, ...]:
        """The parameters of callees this one is handed on to, nearest first."""
        return self._passed_to

    def replace(
        self,
        *,
        name: Any = _void,
        kind: Any = _void,
        annotation: Any = _void,
        default: Any = _void,
        owner: Any = _void,
        owner_name: Any = _void,
        passed_to: Any = _void,
    ) -> EffectiveParameter:
        if name is _void and (kind is _void or type(kind) is _Kind):
            # The resolver replaces parameters by the thousand; a copy of an
            # already-validated parameter needs no second validation.
            return EffectiveParameter.trusted(
                self.name,
                self.kind if kind is _void else kind,
                self.default if default is _void else default,
                self.annotation if annotation is _void else annotation,
                self._owner if owner is _void else owner,
                self._owner_name if owner_name is _void else owner_name,
                self._passed_to if passed_to is _void else passed_to,
            )
        return EffectiveParameter(
            self.name if name is _void else name,
            self.kind if kind is _void else kind,
            default=self.default if default is _void else default,
            annotation=self.annotation if annotation is _void else annotation,
            owner=self._owner if owner is _void else owner,
            owner_name=self._owner_name if owner_name is _void else owner_name,
            passed_to=self._passed_to if passed_to is _void else passed_to,
        )

    @classmethod
    def trusted(
        cls,
        name: str,
        kind: inspect._ParameterKind,
        default: Any,
        annotation: Any,
        owner: object,
        owner_name: str,
        passed_to: tuple[EffectiveParameter, ...] = (),
    ) -> EffectiveParameter:
        """A parameter whose name and kind come from a code object: already valid.

        Code objects only hold identifiers that are not keywords, so the
        checks :class:`inspect.Parameter` makes (paid by the thousand when a
        build resolves its functions) are skipped where the layout allows.
        """
        if not _FAST_COPY:
            return cls(
                name,
                kind,
                default=default,
                annotation=annotation,
                owner=owner,
                owner_name=owner_name,
                passed_to=passed_to,
            )
        new = object.__new__(cls)
        new._name = name  # type: ignore[attr-defined]
        new._kind = kind  # type: ignore[attr-defined]
        new._default = default  # type: ignore[attr-defined]
        new._annotation = annotation  # type: ignore[attr-defined]
        new._owner = owner
        new._owner_name = owner_name
        new._passed_to = passed_to
        return new

    @classmethod
    def from_parameter(
        cls, param: inspect.Parameter, owner: object, owner_name: str
    ) -> EffectiveParameter:
        """Wrap a plain (already validated) :class:`inspect.Parameter`, recording its owner."""
        if not _FAST_COPY:
            return cls.trusted(
                param.name, param.kind, param.default, param.annotation, owner, owner_name
            )
        # Slot to slot: a stated signature's parameters are copied by the dozen.
        new = object.__new__(cls)
        new._name = param._name  # type: ignore[attr-defined]
        new._kind = param._kind  # type: ignore[attr-defined]
        new._default = param._default  # type: ignore[attr-defined]
        new._annotation = param._annotation  # type: ignore[attr-defined]
        new._owner = owner
        new._owner_name = owner_name
        new._passed_to = ()
        return new

    def __reduce__(self) -> Any:
        return (
            _rebuild_parameter,
            (
                self.name,
                int(self.kind),
                self.default,
                self.annotation,
                self._owner,
                self._owner_name,
                self._passed_to,
            ),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, inspect.Parameter):
            return NotImplemented
        if not super().__eq__(other):
            return False
        # Against a plain inspect.Parameter only the inspect fields count.
        return not isinstance(other, EffectiveParameter) or self._owner_name == other._owner_name

    def __hash__(self) -> int:
        return super().__hash__()

    def __repr__(self) -> str:
        owner = f" from {self._owner_name}" if self._owner_name else ""
        return f"<{type(self).__name__} {self}{owner}>"


def _rebuild_parameter(
    name: str,
    kind: int,
    default: Any,
    annotation: Any,
    owner: object,
    owner_name: str,
    passed_to: tuple[EffectiveParameter, ...] = (),
) -> EffectiveParameter:
    return EffectiveParameter(
        name,
        inspect._ParameterKind(kind),
        default=default,
        annotation=annotation,
        owner=owner,
        owner_name=owner_name,
        passed_to=passed_to,
    )


class EffectiveSignature(inspect.Signature):
    """The signature a caller has to satisfy, with per-parameter provenance.

    ``resolved`` is ``False`` when the resolver could not prove where some
    arguments go and kept ``*args``/``**kwargs`` (or fell back entirely);
    ``notes`` then says why, in words a user can act on.
    """

    __slots__ = ("_notes", "_presumed", "_resolved")
    _parameter_cls = EffectiveParameter

    def __init__(
        self,
        parameters: Sequence[inspect.Parameter] | None = None,
        *,
        return_annotation: Any = _empty,
        resolved: bool = True,
        notes: Iterable[str] = (),
        presumed: bool = False,
        __validate_parameters__: bool = True,
    ) -> None:
        if __validate_parameters__ or parameters is None or not _FAST_SIGNATURE:
            super().__init__(
                parameters,
                return_annotation=return_annotation,
                __validate_parameters__=__validate_parameters__,
            )
        else:
            # What inspect.Signature stores for parameters it trusts, without
            # its generator frame per parameter (signatures are made by the
            # thousand in a build).
            self._parameters = types.MappingProxyType(
                {param._name: param for param in parameters}  # type: ignore[attr-defined]
            )
            self._return_annotation = return_annotation
        self._resolved = resolved
        self._notes = tuple(notes)
        self._presumed = presumed and not resolved

    @property
    def parameters(self) -> Any:  # a mapping of EffectiveParameter
        return super().parameters

    @property
    def resolved(self) -> bool:
        """``False`` when part of the signature could not be proven."""
        return self._resolved

    @property
    def notes(self) -> tuple[str, ...]:
        """Why the resolver fell back or kept ``*args``/``**kwargs``."""
        return self._notes

    @property
    def presumed(self) -> bool:
        """Unresolved, but presumed as :mod:`inspect` presumes.

        A wrapper that declares what it wraps (``__wrapped__``) and whose
        forwarding could not be followed: these are the wrapped callable's
        parameters with every edit the resolver did prove applied — at least
        what ``inspect.signature`` says, plus what was proven.
        """
        return self._presumed

    def adds_nothing_to(self, other: inspect.Signature) -> bool:
        """Whether a caller learns nothing from this that ``other`` does not say.

        True when both take the same parameters — names, kinds and defaults,
        in order — and this return annotation is ``other``'s or tells
        nothing more (none, or a postponed string on either side, which
        cannot be compared without evaluating it). Parameter annotations are
        not compared: where the parameters are the same, ``other``'s are the
        ones the function declares. This is how a documentation tool knows
        to leave an object exactly as it would show it without us.
        """
        mine, theirs = list(self.parameters.values()), list(other.parameters.values())
        if len(mine) != len(theirs):
            return False
        for param, seen in zip(mine, theirs, strict=True):
            if param.name != seen.name or param.kind != seen.kind:
                return False
            if not _same_value(param.default, seen.default):
                return False
        ours, shown = self.return_annotation, other.return_annotation
        if ours is _empty or isinstance(ours, str) or isinstance(shown, str):
            return True
        return _same_value(_none_type(ours), _none_type(shown))

    def reannotated(
        self, parameters: Sequence[EffectiveParameter], return_annotation: Any
    ) -> EffectiveSignature:
        """A copy with ``parameters`` in place of this one's: the same names and
        kinds in the same order, only annotations changed (so not checked again)."""
        return type(self)(
            parameters,
            return_annotation=return_annotation,
            resolved=self._resolved,
            notes=self._notes,
            presumed=self._presumed,
            __validate_parameters__=False,
        )

    def replace(
        self,
        *,
        parameters: Any = _void,
        return_annotation: Any = _void,
        resolved: Any = _void,
        notes: Any = _void,
        presumed: Any = _void,
    ) -> EffectiveSignature:
        if parameters is _void and _FAST_SIGNATURE:
            # The same parameters: their (read-only) mapping is shared, not
            # rebuilt (a presumed relay restates its target's this way).
            new = object.__new__(type(self))
            new._parameters = self._parameters
            new._return_annotation = (
                self._return_annotation if return_annotation is _void else return_annotation
            )
            new._resolved = self._resolved if resolved is _void else resolved
            new._notes = self._notes if notes is _void else tuple(notes)
            new._presumed = (
                self._presumed if presumed is _void else presumed
            ) and not new._resolved
            return new
        return type(self)(
            list(self.parameters.values()) if parameters is _void else parameters,
            return_annotation=(
                self.return_annotation if return_annotation is _void else return_annotation
            ),
            resolved=self._resolved if resolved is _void else resolved,
            notes=self._notes if notes is _void else notes,
            presumed=self._presumed if presumed is _void else presumed,
            # The same parameters as this (valid) signature need no second check.
            __validate_parameters__=parameters is not _void,
        )

    def __reduce__(self) -> Any:
        return (
            _rebuild_signature,
            (
                list(self.parameters.values()),
                self.return_annotation,
                self._resolved,
                self._notes,
                self._presumed,
            ),
        )

    def __repr__(self) -> str:
        flag = "" if self._resolved else " presumed" if self._presumed else " unresolved"
        return f"<{type(self).__name__} {self}{flag}>"


def _none_type(annotation: Any) -> Any:
    """``-> None`` as ``typing.get_type_hints`` reads it (``NoneType``)."""
    return type(None) if annotation is None else annotation


def _same_value(ours: Any, theirs: Any) -> bool:
    """Identity or equality; a value whose ``==`` raises or is not a bool is not the same."""
    if ours is theirs:
        return True
    try:
        return (ours == theirs) is True
    except Exception:
        return False


def _rebuild_signature(
    parameters: list[EffectiveParameter],
    return_annotation: Any,
    resolved: bool,
    notes: tuple[str, ...],
    presumed: bool = False,
) -> EffectiveSignature:
    return EffectiveSignature(
        parameters,
        return_annotation=return_annotation,
        resolved=resolved,
        notes=notes,
        presumed=presumed,
    )
