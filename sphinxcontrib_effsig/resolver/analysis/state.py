"""The state of one wrapper's analysis, shared by the visitor and the recognisers.

It holds what is known about the wrapper (its parameters, closure, locals,
which names stand for its ``*args``/``**kwargs``) and what is known at the
node being read (names shadowed by an inner function, keys known present or
absent, the ``if`` arms around it). The :class:`~.model.Effect` being built
is here too, so a recogniser records what it finds in one place.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import cast

from ..source import FunctionNode
from .aliases import callee_aliases
from .mentions import may_walrus, statements
from .model import Effect
from .syntax import walk

#: The kinds of node that define a function.
_DEFS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef})


@dataclass
class Analysis:
    """One pass over one wrapper: what the recognisers read and write."""

    code: types.CodeType
    node: FunctionNode
    effect: Effect
    #: names holding the wrapper's ``*args`` tuple (``a = args`` adds ``a``)
    args_names: set[str]
    #: names holding its ``**kwargs`` dict (``kw = dict(kwargs)`` adds ``kw``)
    kwargs_names: set[str]
    positional: list[str]
    params: set[str]
    freevars: set[str]
    locals: set[str]
    self_name: str | None
    local_defs: set[str]
    #: ``func = self.func`` then ``func(*args)``: single-assignment aliases
    aliases: dict[str, ast.expr]
    #: ``bound = sig.bind(*args, **kwargs)``: bound.args/bound.kwargs forward
    bound_arguments: set[str] = field(default_factory=set)
    #: names bound by an inner function or loop around the node being read
    shadowed: frozenset[str] = frozenset()
    #: keys known to be in / not in ``**kwargs`` on the path being read
    #: (``if "session" in kwargs: ... return``)
    present: frozenset[str] = frozenset()
    absent: frozenset[str] = frozenset()
    #: the if/else arms enclosing the node being read
    arms: tuple[tuple[int, int], ...] = ()
    #: calls read as part of an enclosing one (``partial(f, *args)(**kwargs)``)
    merged: set[int] = field(default_factory=set)
    #: calls built but not made: ``return partial(func, **kwargs)`` hands the
    #: caller a callable (a decorator used with or without arguments)
    deferred: set[int] = field(default_factory=set)
    #: calls whose result is called (``factory(**kwargs)(target)``)
    called_results: set[int] = field(default_factory=set)
    #: the calls the function returns the result of, when it returns nothing
    #: else (:func:`.returns.returned_calls`), and those of them read as forwards
    returned_calls: frozenset[int] = frozenset()
    returned_forwards: set[int] = field(default_factory=set)
    #: ``for name in NAMES:`` loops over a closure or module variable: name -> NAMES
    loop_names: dict[str, str] = field(default_factory=dict)
    #: the keys popped when ``if kwargs: raise ...`` refused the rest (``None``: no refusal)
    popped_when_refused: frozenset[str] | None = None

    @classmethod
    def of(
        cls,
        code: types.CodeType,
        node: FunctionNode,
        varargs: str | None,
        varkw: str | None,
        lines: list[str] | None = None,
    ) -> Analysis:
        """The state before the walk; ``lines``: the source ``node`` was parsed from."""
        a = node.args
        positional = [p.arg for p in (*a.posonlyargs, *a.args)]
        nodes: Iterable[ast.AST]
        if isinstance(node.body, list) and not may_walrus(lines, node.body):
            # Inner definitions and the assignments aliases come from are
            # statements: without ``:=``, the expressions need no walk.
            nodes = list(statements(node.body))
        else:
            body = node.body if isinstance(node.body, list) else [node.body]
            # One walk of the body serves both the inner definitions and the aliases.
            nodes = walk(ast.Module(body=body, type_ignores=[]))  # type: ignore[arg-type]
        local_defs = {cast("ast.FunctionDef", stmt).name for stmt in nodes if type(stmt) in _DEFS}
        return cls(
            code=code,
            node=node,
            effect=Effect(varargs, varkw),
            args_names={varargs} if varargs else set(),
            kwargs_names={varkw} if varkw else set(),
            positional=positional,
            params=set(positional) | {p.arg for p in a.kwonlyargs},
            freevars=set(code.co_freevars),
            locals=set(code.co_varnames) | set(code.co_cellvars),
            self_name=positional[0] if positional else None,
            local_defs=local_defs,
            aliases=callee_aliases(nodes),
        )

    # -- which names hold the wrapper's arguments ----------------------------

    def tracked(self, node: ast.AST | None, names: set[str]) -> bool:
        """``node`` is one of ``names``, not shadowed where it is read."""
        return isinstance(node, ast.Name) and node.id in names and node.id not in self.shadowed

    def is_args(self, node: ast.AST | None) -> bool:
        return self.tracked(node, self.args_names)

    def is_kwargs(self, node: ast.AST | None) -> bool:
        return self.tracked(node, self.kwargs_names)

    def is_argument(self, node: ast.AST | None) -> bool:
        """``node`` is the wrapper's ``*args`` tuple or its ``**kwargs`` dict."""
        return self.tracked(node, self.args_names | self.kwargs_names)

    def passthrough(self, node: ast.expr) -> str | None:
        """The wrapper parameter ``node`` passes on unchanged, if it is one."""
        if isinstance(node, ast.Name) and node.id in self.params and node.id not in self.shadowed:
            return node.id
        return None

    # -- what is known where -------------------------------------------------

    @contextmanager
    def scope(self, names: set[str]) -> Iterator[None]:
        """Inside an inner function or loop binding ``names``."""
        saved = self.shadowed
        self.shadowed = saved | names
        try:
            yield
        finally:
            self.shadowed = saved

    @contextmanager
    def looping(self, name: str, names: str) -> Iterator[None]:
        """Inside ``for name in names:``, ``names`` a closure or module variable."""
        saved = dict(self.loop_names)
        self.loop_names[name] = names
        try:
            with self.scope({name}):
                yield
        finally:
            self.loop_names = saved

    def learn(self, key: str, present: bool) -> None:
        if present:
            self.present, self.absent = self.present | {key}, self.absent - {key}
        else:
            self.present, self.absent = self.present - {key}, self.absent | {key}
