"""Every memo of the resolver, in one object.

The resolver remembers what it has read (effects by code object, parsed
sources, evaluated annotations) and what it has answered (results by
object), so that one build parses each source once. All of it lives in one
:class:`Caches`: :func:`~.api.clear_caches` empties the current one, and
:func:`scoped_caches` gives a ``with`` block a fresh one of its own, dropped
at its end (a library that resolves objects of a module it reloads, or a
test that must not see earlier answers)::

    with scoped_caches():
        sig = effective_signature(obj)

The current object is held in a :class:`contextvars.ContextVar`, so threads
and asyncio tasks that enter their own scope do not share memos.
"""

from __future__ import annotations

import ast
import contextvars
import inspect
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis.model import Effect
    from .model import EffectiveSignature
    from .source import FunctionNode, FunctionSource
    from .walk.presumed_relays import RelayPlan


@dataclass
class Caches:
    """One build's memos; each maps an identity to what was computed for it.

    Keys that are ``id()`` values are paired with the object in the value,
    and a hit is only taken when the object is the same, so a reused id
    never returns another object's answer. Code objects are keyed so too:
    their hash walks their bytecode and constants every time, and two equal
    code objects compiled from different files are not the same source.
    """

    #: effective_signature(obj) by id(obj)
    results: dict[int, tuple[object, EffectiveSignature]] = field(default_factory=dict)
    #: a wrapper's Effect by (id(code), tracked names)
    effects: dict[
        tuple[int, tuple[str | None, str | None] | None], tuple[types.CodeType, Effect]
    ] = field(default_factory=dict)
    #: the same, by (id(source), tracked names) for the block an effect was
    #: read from: equal code objects that share a block share its effect
    effects_by_source: dict[
        tuple[int, tuple[str | None, str | None] | None], tuple[FunctionSource, Effect]
    ] = field(default_factory=dict)
    #: a presumed relay's plan (or None: not one), by id(code)
    relay_plans: dict[int, tuple[types.CodeType, RelayPlan | None]] = field(default_factory=dict)
    #: whether an object is a runner (it calls its first argument with the rest)
    runners: dict[int, tuple[object, bool]] = field(default_factory=dict)
    #: signatures parsed from a function's own __text_signature__, by id(text)
    text_signatures: dict[int, tuple[str, inspect.Signature | None]] = field(default_factory=dict)
    #: an annotation node's text and the names it reads, by id(node)
    annotation_texts: dict[int, tuple[ast.expr, str, frozenset[str]]] = field(default_factory=dict)
    #: the PEP 695 type parameters in scope of a code object, by id(code)
    type_parameters: dict[int, tuple[types.CodeType, dict[str, Any]]] = field(default_factory=dict)
    #: an annotation evaluated in a module, by (id(node), id(globals), wrapper or not)
    evaluated: dict[tuple[int, int, bool], tuple[ast.expr, dict[str, Any], Any]] = field(
        default_factory=dict
    )
    #: a wrapper's annotations evaluated in a module (none reading anything
    #: local), by (id(annotations), id(globals), wrapper or not)
    evaluated_sets: dict[
        tuple[int, int, bool], tuple[dict[str, ast.expr], dict[str, Any], dict[str, Any]]
    ] = field(default_factory=dict)
    #: a string annotation evaluated in a module, nothing local, by (text, id(globals))
    evaluated_texts: dict[tuple[str, int], tuple[dict[str, Any], Any]] = field(default_factory=dict)
    #: whether a class or one of its bases (not object, not type) defines a
    #: name, by (id(class), name)
    defined_along: dict[tuple[int, str], tuple[type, bool]] = field(default_factory=dict)
    #: the closure and module variables a code object rebinds itself, by id(code)
    rebound: dict[int, tuple[types.CodeType, frozenset[str]]] = field(default_factory=dict)
    #: the C-level ``__dict__`` descriptor of a class's instances (or None), by id(class)
    dict_slots: dict[int, tuple[type, Any]] = field(default_factory=dict)
    #: whether a type's instances are compiled routines (naming.compiled_routine), by id(type)
    routine_types: dict[int, tuple[type, bool]] = field(default_factory=dict)
    #: the dotted name each owner is cited by, by id(owner)
    owner_names: dict[int, tuple[object, str]] = field(default_factory=dict)
    #: a presumed relay's notes, by id(plan) and the names they cite
    relay_notes: dict[tuple[int, str, str, bool], tuple[RelayPlan, tuple[str, ...]]] = field(
        default_factory=dict
    )
    #: a target's signature with its postponed annotations evaluated, by id(signature)
    evaluated_signatures: dict[int, tuple[EffectiveSignature, object, EffectiveSignature]] = field(
        default_factory=dict
    )
    #: annotation texts compiled for evaluation
    compiled: dict[str, types.CodeType | None] = field(default_factory=dict)
    #: the lines of each source file, read once
    source_lines: dict[str, list[str]] = field(default_factory=dict)
    #: each file's whole syntax tree, when one was needed
    source_modules: dict[str, ast.Module | None] = field(default_factory=dict)
    #: the def/lambda node each code object was compiled from, with its lines
    source_nodes: dict[int, tuple[types.CodeType, FunctionSource | None]] = field(
        default_factory=dict
    )
    #: a block cut out of its file and its text, by code object (by value:
    #: equal code objects whose files have the same text there share it)
    source_twins: dict[types.CodeType, tuple[FunctionSource, list[str]]] = field(
        default_factory=dict
    )
    #: per file: first line (decorators included) -> the functions starting there
    source_by_line: dict[str, dict[int, list[FunctionNode]]] = field(default_factory=dict)

    def clear(self) -> None:
        """Forget everything (between builds, so edited sources are read again)."""
        for each in fields(self):
            getattr(self, each.name).clear()

    def clear_sources(self) -> None:
        """Forget the files read and parsed (their analyses stay)."""
        for each in fields(self):
            if each.name.startswith("source_"):
                getattr(self, each.name).clear()


_PROCESS = Caches()
_CURRENT: contextvars.ContextVar[Caches] = contextvars.ContextVar("effsig_caches", default=_PROCESS)

#: The caches in effect: the innermost :func:`scoped_caches`, else the process's.
#: (The context variable's own ``get``: called for every memo lookup, it adds
#: no Python frame.)
current = _CURRENT.get


@contextmanager
def scoped_caches() -> Iterator[Caches]:
    """A fresh set of caches for the ``with`` block; the outer ones are untouched."""
    fresh = Caches()
    token = _CURRENT.set(fresh)
    try:
        yield fresh
    finally:
        _CURRENT.reset(token)
