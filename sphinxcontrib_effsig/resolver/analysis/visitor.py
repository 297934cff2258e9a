"""The walk over a wrapper's body, one ``visit_<Node>`` method per kind of node.

Each method hands the node to the recogniser of its idiom
(:mod:`.kwargs_edits`, :mod:`.forwarding`, :mod:`.helpers`, :mod:`.aliases`)
and then reads the node's children; a kind with no method of its own is only
walked through. The body is read flow-insensitively (a ``kwargs.pop("x")``
anywhere counts), except that ``if`` arms are read apart, knowing what their
test says about ``**kwargs``.
"""

from __future__ import annotations

import ast
import inspect
import types
from collections.abc import Callable
from typing import Any

from ..source import FunctionNode, mangle
from . import forwarding, kwargs_edits
from .aliases import is_bind, read_name_binding
from .helpers import read_helper_call
from .mentions import mentions
from .model import Effect
from .positional import positional_needed
from .returns import returned_calls, returns_instance_of_parameter
from .state import Analysis
from .syntax import (
    always_exits,
    always_raises,
    children,
    is_partial,
    local_names,
    parameter_names,
)


def analyse(
    code: types.CodeType,
    node: FunctionNode,
    varargs: str | None,
    varkw: str | None,
    lines: list[str] | None = None,
) -> Effect:
    """The effect of the wrapper ``node`` (compiled to ``code``), its forwarded
    tuple and dict held by ``varargs`` and ``varkw``; ``lines`` are the ones
    the node's line numbers index (``None``: every statement is read)."""
    state = Analysis.of(code, node, varargs, varkw, lines)
    effect = state.effect
    every = (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
    stars = (node.args.vararg, node.args.kwarg)
    for arg in (*every, *(a for a in stars if a is not None)):
        if arg.annotation is not None:
            effect.annotations[mangle(arg.arg, code)] = arg.annotation
    visitor = Visitor(state, lines)
    if isinstance(node, ast.Lambda):
        visitor.visit(node.body)
    else:
        effect.returns = node.returns
        effect.returns_instance = returns_instance_of_parameter(
            node.returns, list(effect.annotations.values())
        )
        effect.positional_needed = positional_needed(node.body, state.args_names, lines)
        if not code.co_flags & _GENERATORS:
            state.returned_calls = returned_calls(node.body)
        visitor.visit_block(node.body)
        effect.returns_forwarded = bool(state.returned_calls) and (
            state.returned_calls <= state.returned_forwards
        )
    # The rest is refused only if no key was popped after the refusal (that
    # key would be refused too) and the dict is not handed on.
    refused = state.popped_when_refused
    effect.rejects_rest = (
        refused is not None
        and refused == effect.popped.keys()
        and not [f for f in effect.forwards if f.star_kwargs]
    )
    # Only a key whose arms pop it with different defaults has a choice to make.
    effect.popped_in_arms = {
        key: choices
        for key, choices in effect.popped_in_arms.items()
        if len({ast.dump(default) for _, default in choices}) > 1
    }
    return effect


class Visitor:
    """Dispatches each node to ``visit_<type name>``, else walks its children.

    A statement whose lines do not mention any name holding the wrapper's
    ``*args``, ``**kwargs`` or their bound arguments is not read at all:
    every idiom the recognisers record reads one of those names (a forward
    passes them, an edit changes the dict, an alias copies them), so such a
    statement records nothing. ``lines`` are the ones the node's line
    numbers index (``None``: every statement is read).
    """

    def __init__(self, state: Analysis, lines: list[str] | None = None) -> None:
        self.state = state
        self.lines = lines

    def visit(self, node: ast.AST) -> None:
        kind = type(node)
        method = _METHODS.get(kind)
        if method is None:
            method = _METHODS[kind] = _method_for(kind)
        method(self, node)

    def mentions_arguments(self, stmt: ast.stmt) -> bool:
        """Whether the lines of ``stmt`` mention a name holding the wrapper's arguments."""
        state = self.state
        return mentions(
            self.lines, stmt, (*state.args_names, *state.kwargs_names, *state.bound_arguments)
        )

    def generic_visit(self, node: ast.AST) -> None:
        for child in children(node):
            self.visit(child)

    def visit_block(self, body: list[ast.stmt], known: tuple[str, bool] | None = None) -> None:
        """Statements in order; after ``if "k" in kwargs: return ...`` the rest
        of the block runs only when ``k`` was not passed.

        ``known``: the block runs only when key ``known[0]`` is present
        (``known[1]``) or absent in ``**kwargs``. What the block learns is
        forgotten after it. (Saved and restored in place: every block and
        every arm of an ``if`` passes here.)
        """
        state = self.state
        saved = state.present, state.absent
        if known is not None:
            state.learn(*known)
        try:
            for stmt in body:
                self.visit(stmt)
                if isinstance(stmt, ast.If) and not stmt.orelse and always_exits(stmt.body):
                    guard = kwargs_edits.presence_test(state, stmt.test)
                    if guard is not None:
                        key, present = guard
                        state.learn(key, not present)
        finally:
            state.present, state.absent = saved

    # -- inner functions: their parameters shadow the wrapper's names ----------

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        with self.state.scope(local_names(node)):
            for stmt in node.body:
                self.visit(stmt)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        with self.state.scope(parameter_names(node.args)):
            self.visit(node.body)

    # -- calls: kwargs edits, forwards, helpers ----------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        self._read_call(node)
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        value = node.value
        if isinstance(value, ast.Call) and is_partial(value.func):
            # ``if fn is None: return partial(set_hook, tag=tag, **kwargs)``: the
            # arguments are kept for a later call, not passed on by this one.
            self.state.deferred.add(id(value))
        self.generic_visit(node)

    def _read_call(self, call: ast.Call) -> None:
        state = self.state
        if id(call) in state.merged or id(call) in state.deferred:
            return  # read with the call it is part of, or not a call made now
        if isinstance(call.func, ast.Call):
            state.called_results.add(id(call.func))
        merged = forwarding.partial_applied(state, call)
        if merged is not None:
            self._read_call(merged)
        elif kwargs_edits.read_method(state, call) or is_bind(call):
            return
        elif not forwarding.read_forward(state, call):
            read_helper_call(state, call)

    # -- assignments: kwargs keys set, aliases bound ------------------------------

    def visit_Assign(self, node: ast.Assign) -> None:
        self._assignment(node, node.targets, node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._assignment(node, [node.target], node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._assignment(node, [node.target], node.value)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._assignment(node, [node.target], node.value)

    def _assignment(self, node: ast.AST, targets: list[ast.expr], value: ast.expr | None) -> None:
        for target in targets:
            if not kwargs_edits.read_key_assignment(self.state, node, target, value):
                read_name_binding(self.state, node, target, value)
        self.generic_visit(node)

    # -- statements and expressions of the kwargs-edit idioms ---------------------

    def visit_Delete(self, node: ast.Delete) -> None:
        kwargs_edits.read_delete(self.state, node)
        self.generic_visit(node)

    def visit_Try(self, node: ast.Try) -> None:
        kwargs_edits.read_pop_fallback(self.state, node)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        kwargs_edits.read_pop_if_present(self.state, node)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        loop = kwargs_edits.names_loop(self.state, node)
        if loop is None:
            self.generic_visit(node)
            return
        with self.state.looping(*loop):
            self.visit_block(node.body)

    def visit_If(self, node: ast.If) -> None:
        """Each arm read apart: presence tests, refusals, run-time choices."""
        state = self.state
        if kwargs_edits.read_default_when_missing(state, node):
            return
        if (
            always_raises(node.body)
            and kwargs_edits.leftover_test(state, node.test)
            and _in_body(state.node, node)
        ):
            # ``if kwargs: raise TypeError(...)`` on every path (a statement
            # of the function's own body, not of a loop, an arm or a nested
            # def): nothing but what was popped before is accepted. What the
            # test and the arm hand the dict to (``len(kwargs)``,
            # ``sorted(kwargs)``) only look at it.
            state.popped_when_refused = frozenset(state.effect.popped)
            self.visit_block(node.orelse)
            return
        self.visit(node.test)
        guard = kwargs_edits.presence_test(state, node.test)
        if guard is not None and guard[1] and always_raises(node.body):
            # ``if "multiple" in kwargs: raise TypeError(...)``: never accepted.
            state.effect.rejected.add(guard[0])
        state.effect.conditions[id(node)] = node.test
        arms = state.arms
        try:
            for arm, block in enumerate((node.body, node.orelse)):
                known = None if guard is None else (guard[0], guard[1] == (arm == 0))
                state.arms = (*arms, (id(node), arm))  # inside arm ``arm`` of ``node``
                self.visit_block(block, known)
        finally:
            state.arms = arms
        kwargs_edits.read_pop_if_present_else(state, node)


def _in_body(function: FunctionNode, stmt: ast.stmt) -> bool:
    """Whether ``stmt`` is one of ``function``'s own top-level statements."""
    body = function.body
    return isinstance(body, list) and any(each is stmt for each in body)


def _method_for(kind: type[ast.AST]) -> Callable[[Visitor, Any], None]:
    """``visit_<kind>``, else the walk through; for a statement, only where its
    lines mention the wrapper's arguments."""
    method: Callable[[Visitor, Any], None] = getattr(
        Visitor, "visit_" + kind.__name__, Visitor.generic_visit
    )
    if not issubclass(kind, ast.stmt):
        return method

    def statement(visitor: Visitor, node: ast.stmt) -> None:
        if visitor.mentions_arguments(node):
            method(visitor, node)

    return statement


#: A generator's ``return`` ends the iteration: it hands nothing to the caller.
_GENERATORS = inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR

#: The method each kind of node is read by (:func:`_method_for`), looked up
#: once per kind rather than by name at every node.
_METHODS: dict[type[ast.AST], Callable[[Visitor, Any], None]] = {}
