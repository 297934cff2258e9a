"""Wrapper code -> :class:`Effect`: what a wrapper does to its target's parameters.

The analysis depends only on the wrapper's code, never on what it wraps, so
it is computed once per code object and shared by every function the
wrapper decorates. It reads the syntax tree; nothing is executed.

The body is read flow-insensitively: a ``kwargs.pop("x")`` anywhere counts.
Uses of ``args``/``kwargs`` the analysis does not understand (rebinding them,
starring a slice of them) are recorded in ``Effect.unproven`` so that the
composition keeps ``*args``/``**kwargs`` instead of guessing.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from .source import FunctionNode, function_node, mangle

CalleeKind = Literal["free", "global", "self_attr", "param", "local_def", "super", "unknown"]

#: Marks a keyword the wrapper pops or deletes without a default.
REQUIRED = None
#: Marks a keyword popped only when the caller passed it (``if "k" in kwargs``):
#: optional, with no default value of its own (rendered ``...``).
OPTIONAL: ast.expr = ast.Constant(value=Ellipsis)


@dataclass(frozen=True)
class Callee:
    """How a forwarding call names its target, in the wrapper's own terms."""

    kind: CalleeKind
    name: str = ""
    text: str = ""
    #: ``impl.__get__(obj, cls)(...)``: the target is called bound to an instance
    binds: bool = False
    #: the variable holding that instance, when it is a plain name
    bound_to: str = ""


@dataclass(frozen=True)
class Forward:
    """One call that passes the wrapper's ``*args`` and/or ``**kwargs`` on.

    ``leading`` holds the positional arguments written before ``*args``: the
    wrapper parameter name when an argument is one passed straight through,
    else ``None``. ``keywords`` maps each keyword written in the call to the
    wrapper parameter passed through under it (or ``None``).
    """

    callee: Callee
    star_args: bool
    star_kwargs: bool
    leading: tuple[str | None, ...] = ()
    keywords: tuple[tuple[str, str | None], ...] = ()
    via: HelperCall | None = None
    #: the leading positional arguments as callees, for runners such as
    #: ``asyncio.to_thread(func, *args)`` or ``executor.submit(func, *args)``
    leading_callees: tuple[Callee, ...] = ()
    #: for each leading argument written ``args[k]``, that ``k`` (else None)
    relayed: tuple[int | None, ...] = ()
    #: the ``if``/``else`` arms the call sits in: (id of the ``if``, 0 body / 1 else)
    arms: tuple[tuple[int, int], ...] = ()
    #: positional arguments written after ``*args`` (``func(*args, mock)``,
    #: ``func(*(args + (mock,)))``): they fill the target's last positional places
    trailing: int = 0
    #: the call's result is called in turn (``attrs(**kw)(cls)``): the target is a
    #: decorator factory, and the wrapper gives it its target itself
    result_called: bool = False

    def excludes(self, other: Forward) -> bool:
        """Whether this call and ``other`` sit in different arms of one ``if``:
        a run-time choice, never both on one call."""
        mine = dict(self.arms)
        return any(mine.get(node, arm) != arm for node, arm in other.arms)


@dataclass(frozen=True)
class HelperCall:
    """``helper(func, args, kwargs)``: the wrapper hands its arguments over as values.

    ``args_at``/``kwargs_at`` say where the tuple and the dict are passed (a
    position or a keyword); ``arguments`` describes the other arguments, so a
    helper parameter that receives the target can be traced back.
    """

    helper: Callee
    args_at: int | str | None
    kwargs_at: int | str | None
    arguments: tuple[tuple[int | str, Callee], ...]


@dataclass
class Effect:
    """Everything the composition needs to know about one wrapper's code."""

    varargs: str | None
    varkw: str | None
    forwards: list[Forward] = field(default_factory=list)
    #: kwargs.pop(name[, default]) / del kwargs[name]: name -> default expr or REQUIRED
    popped: dict[str, ast.expr | None] = field(default_factory=dict)
    #: keywords the wrapper fills in itself (kwargs[name] = v, kwargs.update(name=v))
    supplied: set[str] = field(default_factory=set)
    #: keywords the wrapper refuses (``if name in kwargs: raise ...``)
    rejected: set[str] = field(default_factory=set)
    #: kwargs.setdefault(name, default)
    defaults: dict[str, ast.expr] = field(default_factory=dict)
    #: ``for name in NAMES: if name not in kwargs: kwargs[name] = v``: the closure
    #: or module variable holding the names -> ``v`` (the default of each)
    looped_defaults: dict[str, ast.expr] = field(default_factory=dict)
    #: leading positional arguments the wrapper needs (args[0] read, empty args refused)
    positional_needed: int = 0
    #: parameter annotations and return annotation as written in the source
    annotations: dict[str, ast.expr] = field(default_factory=dict)
    returns: ast.expr | None = None
    has_source: bool = True
    unproven: list[str] = field(default_factory=list)

    @property
    def forwards_args(self) -> bool:
        return any(f.star_args for f in self.forwards)

    @property
    def forwards_kwargs(self) -> bool:
        return any(f.star_kwargs for f in self.forwards)


_EFFECTS: dict[tuple[types.CodeType, tuple[str | None, str | None] | None], Effect] = {}


def clear_effects() -> None:
    _EFFECTS.clear()


def effect_of(
    code: types.CodeType,
    module_globals: dict[str, object] | None = None,
    tracked: tuple[str | None, str | None] | None = None,
) -> Effect:
    """The (cached) effect of the wrapper compiled to ``code``.

    ``tracked`` names the parameters that hold the forwarded tuple and dict
    when ``code`` is a helper that receives them as values; by default they
    are the function's own ``*args`` and ``**kwargs``.
    """
    key = (code, tracked)
    try:
        return _EFFECTS[key]
    except KeyError:
        pass
    node = function_node(code, module_globals)
    varargs, varkw = tracked if tracked is not None else _star_names(code)
    if node is None:
        effect = Effect(varargs, varkw, has_source=False)
        effect.unproven.append("its source code is not available")
    else:
        try:
            effect = _Analyser(code, node, varargs, varkw).run()
        except RecursionError:
            effect = Effect(varargs, varkw)
            effect.unproven.append("its body is too deeply nested to analyse")
    _EFFECTS[key] = effect
    return effect


def _star_names(code: types.CodeType) -> tuple[str | None, str | None]:
    index = code.co_argcount + code.co_kwonlyargcount
    varargs = varkw = None
    if code.co_flags & 0x04:
        varargs = code.co_varnames[index]
        index += 1
    if code.co_flags & 0x08:
        varkw = code.co_varnames[index]
    return varargs, varkw


def _const_str(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_name(node: ast.AST | None, names: set[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


class _Analyser:
    """One pass over a wrapper's body, collecting forwards and kwargs edits."""

    def __init__(
        self, code: types.CodeType, node: FunctionNode, varargs: str | None, varkw: str | None
    ) -> None:
        self.code = code
        self.node = node
        self.effect = Effect(varargs, varkw)
        self.args_names: set[str] = {varargs} if varargs else set()
        self.kwargs_names: set[str] = {varkw} if varkw else set()
        a = node.args
        self.positional = [p.arg for p in (*a.posonlyargs, *a.args)]
        self.params = set(self.positional) | {p.arg for p in a.kwonlyargs}
        self.freevars = set(code.co_freevars)
        self.locals = set(code.co_varnames) | set(code.co_cellvars)
        self.self_name = self.positional[0] if self.positional else None
        body = node.body if isinstance(node.body, list) else []
        self.local_defs = {
            stmt.name
            for stmt in ast.walk(ast.Module(body=body, type_ignores=[]))
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        # ``func = self.func`` then ``func(*args)``: single-assignment aliases.
        self.aliases = _aliases(node)
        # ``bound = sig.bind(*args, **kwargs)``: bound.args/bound.kwargs forward.
        self.bound_arguments: set[str] = set()
        # Keys known to be in / not in **kwargs on the path being read
        # (``if "session" in kwargs: ... return``).
        self.present: frozenset[str] = frozenset()
        self.absent: frozenset[str] = frozenset()
        # The if/else arms enclosing the node being read.
        self.arms: tuple[tuple[int, int], ...] = ()
        # Calls read as part of an enclosing one (``partial(f, *args)(**kwargs)``).
        self.merged: set[int] = set()
        # Calls whose result is called (``factory(**kwargs)(target)``).
        self.called_results: set[int] = set()
        # ``for name in NAMES:`` loops over a closure or module variable: name -> NAMES.
        self.loop_names: dict[str, str] = {}

    def run(self) -> Effect:
        effect = self.effect
        node = self.node
        every = (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
        stars = (node.args.vararg, node.args.kwarg)
        for arg in (*every, *(a for a in stars if a is not None)):
            if arg.annotation is not None:
                effect.annotations[mangle(arg.arg, self.code)] = arg.annotation
        if not isinstance(node, ast.Lambda):
            effect.returns = node.returns
            body: list[ast.stmt] = node.body
            self._needs_positional(body)
            self._visit_block(body, frozenset())
        else:
            self._visit(node.body, shadowed=frozenset())
        return effect

    # -- the walk ---------------------------------------------------------

    def _visit(self, node: ast.AST, shadowed: frozenset[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner = node.args
            names = {p.arg for p in (*inner.posonlyargs, *inner.args, *inner.kwonlyargs)}
            if inner.vararg:
                names.add(inner.vararg.arg)
            if inner.kwarg:
                names.add(inner.kwarg.arg)
            shadowed = shadowed | names
            children: list[ast.AST] = (
                [node.body] if isinstance(node, ast.Lambda) else list(node.body)
            )
            for child in children:
                self._visit(child, shadowed)
            return
        if isinstance(node, ast.Call):
            self._call(node, shadowed)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
            self._assignment(node, shadowed)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                key = self._kwargs_key(target, shadowed)
                if key is not None:
                    self._popped(key, None)
        elif isinstance(node, ast.For) and self._names_loop(node, shadowed):
            return
        elif isinstance(node, ast.Try):
            self._pop_or_fallback(node, shadowed)
        elif isinstance(node, ast.IfExp):
            # kwargs.pop("k") if "k" in kwargs else fallback
            guard = self._presence_test(node.test, shadowed)
            key = self._kwargs_pop_key(node.body, shadowed)
            if guard is not None and guard == (key, True):
                self.effect.popped[guard[0]] = node.orelse
        elif isinstance(node, ast.If):
            self._if(node, shadowed)
            return
        for child in ast.iter_child_nodes(node):
            self._visit(child, shadowed)

    def _if(self, node: ast.If, shadowed: frozenset[str]) -> None:
        """Each arm read apart: presence tests, refusals, run-time choices."""
        if self._default_when_missing(node, shadowed):
            return
        self._visit(node.test, shadowed)
        guard = self._presence_test(node.test, shadowed)
        if guard is not None and guard[1] and _always_raises(node.body):
            # ``if "multiple" in kwargs: raise TypeError(...)``: never accepted.
            self.effect.rejected.add(guard[0])
        saved = self.arms
        for arm, block in enumerate((node.body, node.orelse)):
            self.arms = (*saved, (id(node), arm))
            try:
                if guard is None:
                    self._visit_block(block, shadowed)
                    continue
                key, present = guard
                with self._knowing(key, present if arm == 0 else not present):
                    self._visit_block(block, shadowed)
            finally:
                self.arms = saved

    def _pop_or_fallback(self, node: ast.Try, shadowed: frozenset[str]) -> None:
        """``try: x = kwargs.pop("k") except KeyError: x = fallback``: optional ``k``."""
        catches = [h for h in node.handlers if _catches_key_error(h)]
        for stmt in node.body:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
                continue
            key = self._kwargs_pop_key(stmt.value, shadowed)
            target = stmt.targets[0]
            if key is None or not isinstance(target, ast.Name):
                continue
            for handler in catches:
                for fallback in handler.body:
                    if (
                        isinstance(fallback, ast.Assign)
                        and len(fallback.targets) == 1
                        and isinstance(fallback.targets[0], ast.Name)
                        and fallback.targets[0].id == target.id
                    ):
                        self.effect.popped[key] = fallback.value

    def _kwargs_pop_key(self, node: ast.expr, shadowed: frozenset[str]) -> str | None:
        """``kwargs.pop("k")`` (no default) -> ``"k"``."""
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "pop"
            and self._tracked(node.func.value, self.kwargs_names, shadowed)
            and len(node.args) == 1
        ):
            return _const_str(node.args[0])
        return None

    def _visit_block(self, body: list[ast.stmt], shadowed: frozenset[str]) -> None:
        """Statements in order; after ``if "k" in kwargs: return ...`` the rest
        of the block runs only when ``k`` was not passed."""
        saved = (self.present, self.absent)
        for stmt in body:
            self._visit(stmt, shadowed)
            if isinstance(stmt, ast.If) and not stmt.orelse and _always_exits(stmt.body):
                guard = self._presence_test(stmt.test, shadowed)
                if guard is not None:
                    key, present = guard
                    self._learn(key, not present)
        self.present, self.absent = saved

    @contextmanager
    def _knowing(self, key: str, present: bool) -> Iterator[None]:
        saved = (self.present, self.absent)
        self._learn(key, present)
        try:
            yield
        finally:
            self.present, self.absent = saved

    def _learn(self, key: str, present: bool) -> None:
        if present:
            self.present, self.absent = self.present | {key}, self.absent - {key}
        else:
            self.present, self.absent = self.present - {key}, self.absent | {key}

    def _presence_test(self, test: ast.expr, shadowed: frozenset[str]) -> tuple[str, bool] | None:
        """``"k" in kwargs`` -> ("k", True); ``"k" not in kwargs`` -> ("k", False)."""
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.In, ast.NotIn))
            and self._tracked(test.comparators[0], self.kwargs_names, shadowed)
        ):
            key = _const_str(test.left)
            if key is not None:
                return key, isinstance(test.ops[0], ast.In)
        return None

    def _names_loop(self, node: ast.For, shadowed: frozenset[str]) -> bool:
        """``for name in NAMES:`` over a variable of the closure or the module:
        its body is read knowing that ``name`` is one of ``NAMES``."""
        target, names = node.target, node.iter
        if not (isinstance(target, ast.Name) and isinstance(names, ast.Name)):
            return False
        if names.id in shadowed or names.id in self.params or node.orelse:
            return False
        if names.id in self.locals and names.id not in self.freevars:
            return False
        saved = dict(self.loop_names)
        self.loop_names[target.id] = names.id
        try:
            self._visit_block(node.body, shadowed | {target.id})
        finally:
            self.loop_names = saved
        return True

    def _default_when_missing(self, node: ast.If, shadowed: frozenset[str]) -> bool:
        """``kwargs["t"] = v`` under a test that the caller did not pass ``t``.

        ``if "t" not in kwargs:``, ``if kwargs.get("t") is None:`` and
        ``if not kwargs.get("t"):`` all make ``v`` the default of ``t``, as
        ``kwargs.setdefault("t", v)`` does.
        """
        if node.orelse or len(node.body) != 1:
            return False
        body = node.body[0]
        if not (isinstance(body, ast.Assign) and len(body.targets) == 1):
            return False
        looped = self._looped_missing(node.test, body.targets[0], shadowed)
        if looped is not None:
            self.effect.looped_defaults[looped] = body.value
            return True
        key = self._tested_missing(node.test, shadowed)
        if key is None or self._kwargs_key(body.targets[0], shadowed) != key:
            return False
        self.effect.defaults[key] = body.value
        return True

    def _looped_missing(
        self, test: ast.expr, target: ast.expr, shadowed: frozenset[str]
    ) -> str | None:
        """``if name not in kwargs: kwargs[name] = v`` in a loop over ``NAMES`` -> ``"NAMES"``."""
        if not (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.NotIn)
            and isinstance(test.left, ast.Name)
            and test.left.id in self.loop_names
            and self._tracked(test.comparators[0], self.kwargs_names, shadowed)
            and isinstance(target, ast.Subscript)
            and self._tracked(target.value, self.kwargs_names, shadowed)
            and isinstance(target.slice, ast.Name)
            and target.slice.id == test.left.id
        ):
            return None
        return self.loop_names[test.left.id]

    def _tested_missing(self, test: ast.expr, shadowed: frozenset[str]) -> str | None:
        """The key a test checks to be absent from ``**kwargs`` (or ``None``)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self._kwargs_get(test.operand, shadowed)
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            return None
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, ast.NotIn) and self._tracked(right, self.kwargs_names, shadowed):
            return _const_str(test.left)
        if (
            isinstance(op, (ast.Is, ast.Eq))
            and isinstance(right, ast.Constant)
            and right.value is None
        ):
            return self._kwargs_get(test.left, shadowed)
        return None

    def _kwargs_get(self, node: ast.expr, shadowed: frozenset[str]) -> str | None:
        """``kwargs.get("t")`` -> ``"t"``."""
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and self._tracked(node.func.value, self.kwargs_names, shadowed)
            and node.args
        ):
            return _const_str(node.args[0])
        return None

    def _tracked(self, node: ast.AST | None, names: set[str], shadowed: frozenset[str]) -> bool:
        return isinstance(node, ast.Name) and node.id in names and node.id not in shadowed

    def _kwargs_key(self, target: ast.AST, shadowed: frozenset[str]) -> str | None:
        if isinstance(target, ast.Subscript) and self._tracked(
            target.value, self.kwargs_names, shadowed
        ):
            return _const_str(target.slice)
        return None

    def _assignment(self, node: ast.AST, shadowed: frozenset[str]) -> None:
        targets: list[ast.expr]
        value: ast.expr | None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr)):
            targets, value = [node.target], node.value
        else:
            return
        for target in targets:
            key = self._kwargs_key(target, shadowed)
            if key is not None:
                if key in self.absent and value is not None:
                    self.effect.defaults[key] = value
                elif value is None or not self._reads_key(value, key, shadowed):
                    self.effect.supplied.add(key)
                # else ``kwargs["k"] = f(kwargs.get("k", d))``: rewritten from
                # the caller's own value, still the caller's to pass (SPEC 1.3).
                continue
            if isinstance(target, ast.Subscript) and self._tracked(
                target.value, self.kwargs_names, shadowed
            ):
                self.effect.unproven.append(f"it sets a computed key of **{self.effect.varkw}")
                continue
            if (
                isinstance(node, ast.AugAssign)
                and isinstance(node.op, ast.BitOr)
                and self._tracked(target, self.kwargs_names, shadowed)
                and isinstance(value, ast.Dict)
                and all(k is not None and _const_str(k) is not None for k in value.keys)
            ):
                # kwargs |= {"timeout": 5}
                self.effect.supplied.update(_const_str(k) or "" for k in value.keys if k)
                continue
            if isinstance(target, ast.Name) and target.id not in shadowed:
                if target.id in self.args_names or target.id in self.kwargs_names:
                    if isinstance(node, ast.Assign) and self._is_copy_of_kwargs(value, shadowed):
                        continue
                    which = "*" + target.id if target.id in self.args_names else "**" + target.id
                    self.effect.unproven.append(f"it reassigns {which}")
                elif self._is_copy_of_kwargs(value, shadowed):
                    # kw = dict(kwargs) / {**kwargs} / kwargs.copy(): an alias.
                    self.kwargs_names.add(target.id)
                elif (
                    isinstance(value, ast.Call)
                    and _is_bind(value)
                    and self._binds_all(value, shadowed)
                ):
                    self.bound_arguments.add(target.id)
                elif value is not None and self._tracked(value, self.args_names, shadowed):
                    self.args_names.add(target.id)

    def _reads_key(self, value: ast.expr, key: str, shadowed: frozenset[str]) -> bool:
        """Whether ``value`` reads ``kwargs["key"]`` (subscript, ``get`` or ``pop``)."""
        for sub in ast.walk(value):
            if isinstance(sub, ast.Subscript) and self._kwargs_key(sub, shadowed) == key:
                return True
            if (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Attribute)
                and sub.func.attr in ("get", "pop")
                and self._tracked(sub.func.value, self.kwargs_names, shadowed)
                and sub.args
                and _const_str(sub.args[0]) == key
            ):
                return True
        return False

    def _is_copy_of_kwargs(self, value: ast.expr | None, shadowed: frozenset[str]) -> bool:
        if value is None:
            return False
        if self._tracked(value, self.kwargs_names, shadowed):
            return True
        if isinstance(value, ast.Dict):
            return any(
                k is None and self._tracked(v, self.kwargs_names, shadowed)
                for k, v in zip(value.keys, value.values, strict=True)
            ) and all(k is None or _const_str(k) is not None for k in value.keys)
        if isinstance(value, ast.Call):
            func = value.func
            if isinstance(func, ast.Name) and func.id == "dict" and len(value.args) == 1:
                return self._tracked(value.args[0], self.kwargs_names, shadowed)
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "copy"
                and self._tracked(func.value, self.kwargs_names, shadowed)
            ):
                return True
        return False

    def _call(self, call: ast.Call, shadowed: frozenset[str]) -> None:
        if id(call) in self.merged:
            return  # the partial(...) of partial(func, *args)(**kwargs), read with it
        func = call.func
        if isinstance(func, ast.Call):
            self.called_results.add(id(func))
        if (
            isinstance(func, ast.Call)
            and _is_partial(func.func)
            and func.args
            and not isinstance(func.args[0], ast.Starred)
            and not func.keywords
        ):
            # partial(func, *args)(**kwargs) is func(*args, **kwargs)
            self.merged.add(id(func))
            merged = ast.Call(
                func=func.args[0], args=[*func.args[1:], *call.args], keywords=call.keywords
            )
            self._call(ast.copy_location(merged, call), shadowed)
            return
        # kwargs.<method>(...)
        if isinstance(func, ast.Attribute) and self._tracked(
            func.value, self.kwargs_names, shadowed
        ):
            self._kwargs_method(func.attr, call)
            return
        if _is_bind(call):
            # sig.bind(*args, **kwargs): a check against a signature, and a
            # BoundArguments whose .args/.kwargs are the same arguments.
            return
        star_args = star_kwargs = False
        leading: list[str | None] = []
        leading_callees: list[Callee] = []
        relayed: list[int | None] = []
        seen_star = False
        trailing = 0  # positional arguments the wrapper appends after *args
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                appended = self._appended(arg.value, shadowed)
                if self._tracked(arg.value, self.args_names, shadowed) or self._bound_part(
                    arg.value, "args", shadowed
                ):
                    star_args = True
                elif appended is not None and not star_args:
                    star_args, trailing = True, trailing + appended  # *(args + (mock,))
                else:
                    self._unknown_star(arg.value, shadowed)
                seen_star = True
            elif not seen_star:
                leading.append(self._passthrough(arg, shadowed))
                leading_callees.append(self._callee(arg, shadowed))
                relayed.append(self._args_index(arg, shadowed))
            elif star_args:
                trailing += 1  # func(*args, extra)
        keywords: list[tuple[str, str | None]] = []
        for kw in call.keywords:
            if kw.arg is None:
                if self._tracked(kw.value, self.kwargs_names, shadowed) or self._bound_part(
                    kw.value, "kwargs", shadowed
                ):
                    star_kwargs = True
                elif (extra := self._merged_kwargs(kw.value, shadowed)) is not None:
                    # f(*args, **{**kwargs, "timeout": 1.0})
                    star_kwargs = True
                    keywords.extend((key, None) for key in extra)
                else:
                    self._unknown_star(kw.value, shadowed)
            elif kw.arg in self.absent and self._passes_kwargs(call, shadowed):
                # Supplied only on the path where the caller gave none: a default.
                self.effect.defaults[kw.arg] = kw.value
            else:
                keywords.append((kw.arg, self._passthrough(kw.value, shadowed)))
        if not (star_args or star_kwargs):
            # type(args[0]), len(args): reads, not forwards.
            self._helper_call(call, shadowed)
            return
        if any(k is not None and k != i for i, k in enumerate(relayed)):
            self.effect.unproven.append("it reorders its positional arguments")
        self.effect.forwards.append(
            Forward(
                self._callee(func, shadowed),
                star_args,
                star_kwargs,
                tuple(leading),
                tuple(keywords),
                leading_callees=tuple(leading_callees),
                relayed=tuple(relayed),
                arms=self.arms,
                trailing=trailing,
                result_called=id(call) in self.called_results,
            )
        )

    def _binds_all(self, call: ast.Call, shadowed: frozenset[str]) -> bool:
        """``.bind(*args, **kwargs)`` with exactly the wrapper's arguments."""
        args_ok = [
            isinstance(a, ast.Starred) and self._tracked(a.value, self.args_names, shadowed)
            for a in call.args
        ]
        kwargs_ok = [
            k.arg is None and self._tracked(k.value, self.kwargs_names, shadowed)
            for k in call.keywords
        ]
        return all(args_ok) and all(kwargs_ok) and bool(args_ok or kwargs_ok)

    def _passes_kwargs(self, call: ast.Call, shadowed: frozenset[str]) -> bool:
        """Does ``call`` also pass the wrapper's ``**kwargs`` on?"""
        return any(
            kw.arg is None and self._tracked(kw.value, self.kwargs_names, shadowed)
            for kw in call.keywords
        )

    def _bound_part(self, node: ast.expr, part: str, shadowed: frozenset[str]) -> bool:
        return (
            isinstance(node, ast.Attribute)
            and node.attr == part
            and self._tracked(node.value, self.bound_arguments, shadowed)
        )

    def _merged_kwargs(self, value: ast.expr, shadowed: frozenset[str]) -> list[str] | None:
        """``{**kwargs, "name": v}`` or ``dict(kwargs, name=v)``: the keys it adds."""
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "dict"
            and len(value.args) == 1
            and self._tracked(value.args[0], self.kwargs_names, shadowed)
            and all(kw.arg is not None for kw in value.keywords)
        ):
            return [kw.arg for kw in value.keywords if kw.arg is not None]
        if not isinstance(value, ast.Dict):
            return None
        spread = False
        keys: list[str] = []
        for key, item in zip(value.keys, value.values, strict=True):
            if key is None:
                if not self._tracked(item, self.kwargs_names, shadowed):
                    return None
                spread = True
                continue
            text = _const_str(key)
            if text is None:
                return None
            keys.append(text)
        return keys if spread else None

    def _appended(self, value: ast.expr, shadowed: frozenset[str]) -> int | None:
        """``args + (a, b)`` -> 2: the wrapper's tuple with values appended."""
        if (
            isinstance(value, ast.BinOp)
            and isinstance(value.op, ast.Add)
            and self._tracked(value.left, self.args_names, shadowed)
            and isinstance(value.right, ast.Tuple)
            and not any(isinstance(e, ast.Starred) for e in value.right.elts)
        ):
            return len(value.right.elts)
        return None

    def _unknown_star(self, value: ast.expr, shadowed: frozenset[str]) -> None:
        for sub in _outside_calls(value):
            if self._tracked(sub, self.args_names | self.kwargs_names, shadowed):
                self.effect.unproven.append(
                    f"it passes on a transformed copy of its arguments ({ast.unparse(value)})"
                )
                return

    def _helper_call(self, call: ast.Call, shadowed: frozenset[str]) -> None:
        """``helper(func, args, kwargs)``: args/kwargs handed over as values."""
        passed = [
            i
            for i, arg in enumerate(call.args)
            if self._tracked(arg, self.args_names | self.kwargs_names, shadowed)
        ]
        passed_kw = [
            kw
            for kw in call.keywords
            if kw.arg and self._tracked(kw.value, self.args_names | self.kwargs_names, shadowed)
        ]
        if not passed and not passed_kw:
            return
        args_at: int | str | None = None
        kwargs_at: int | str | None = None
        for i in passed:
            node = call.args[i]
            assert isinstance(node, ast.Name)
            if node.id in self.args_names:
                args_at = i
            else:
                kwargs_at = i
        for kw in passed_kw:
            assert isinstance(kw.value, ast.Name) and kw.arg is not None
            if kw.value.id in self.args_names:
                args_at = kw.arg
            else:
                kwargs_at = kw.arg
        arguments: list[tuple[int | str, Callee]] = []
        for i, arg in enumerate(call.args):
            if isinstance(arg, ast.Starred):
                break
            if i not in passed:
                arguments.append((i, self._callee(arg, shadowed)))
        for kw in call.keywords:
            if kw.arg and kw not in passed_kw:
                arguments.append((kw.arg, self._callee(kw.value, shadowed)))
        via = HelperCall(self._callee(call.func, shadowed), args_at, kwargs_at, tuple(arguments))
        self.effect.forwards.append(
            Forward(
                Callee("unknown", "", via.helper.text),
                args_at is not None,
                kwargs_at is not None,
                via=via,
            )
        )

    def _popped(self, key: str, default: ast.expr | None) -> None:
        """``kwargs.pop(key[, default])`` / ``del kwargs[key]`` on the current path."""
        if default is None and key in self.present:
            default = OPTIONAL  # only removed when the caller passed it
        if default is not None:
            self.effect.popped[key] = default
        else:
            self.effect.popped.setdefault(key, REQUIRED)

    def _kwargs_method(self, method: str, call: ast.Call) -> None:
        effect = self.effect
        key = _const_str(call.args[0]) if call.args else None
        if method == "pop":
            if key is None:
                effect.unproven.append(f"it pops a computed key from **{effect.varkw}")
            else:
                self._popped(key, call.args[1] if len(call.args) >= 2 else None)
        elif method == "setdefault":
            if key is not None and len(call.args) >= 2:
                effect.defaults[key] = call.args[1]
        elif method == "update":
            for kw in call.keywords:
                if kw.arg is None:
                    effect.unproven.append(f"it updates **{effect.varkw} from a mapping")
                else:
                    effect.supplied.add(kw.arg)
            for arg in call.args:
                if isinstance(arg, ast.Dict) and all(
                    k is not None and _const_str(k) is not None for k in arg.keys
                ):
                    effect.supplied.update(_const_str(k) or "" for k in arg.keys if k is not None)
                else:
                    effect.unproven.append(f"it updates **{effect.varkw} from a mapping")
        elif method in ("clear", "popitem"):
            effect.unproven.append(f"it calls {effect.varkw}.{method}()")

    def _args_index(self, node: ast.expr, shadowed: frozenset[str]) -> int | None:
        """``args[k]`` -> ``k``: the caller's k-th positional argument, relayed."""
        if (
            isinstance(node, ast.Subscript)
            and self._tracked(node.value, self.args_names, shadowed)
            and isinstance(node.slice, ast.Constant)
            and type(node.slice.value) is int
            and node.slice.value >= 0
        ):
            return node.slice.value
        return None

    def _passthrough(self, node: ast.expr, shadowed: frozenset[str]) -> str | None:
        if isinstance(node, ast.Name) and node.id in self.params and node.id not in shadowed:
            return node.id
        return None

    def _callee(self, func: ast.expr, shadowed: frozenset[str]) -> Callee:
        text = _unparse(func)
        if isinstance(func, ast.Name):
            name = func.id
            if name in shadowed:
                return Callee("unknown", name, text)
            if name in self.freevars:
                return Callee("free", name, text)
            if name in self.params:
                return Callee("param", name, text)
            if name in self.local_defs:
                return Callee("local_def", name, text)
            alias = self.aliases.get(name)
            if alias is not None and alias is not func:
                return self._callee(alias, shadowed)
            if name in self.locals:
                return Callee("unknown", name, text)
            return Callee("global", name, text)
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == self.self_name
            and self.self_name not in shadowed
        ):
            return Callee("self_attr", mangle(func.attr, self.code), text)
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Call)
            and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"
            and not func.value.args
        ):
            return Callee("super", func.attr, text)
        dotted = self._global_path(func, shadowed)
        if dotted is not None:
            # ``json.dumps(*args, **kwargs)``: an attribute of a module-level name
            return Callee("global", dotted, text)
        if (
            isinstance(func, ast.Call)
            and isinstance(func.func, ast.Attribute)
            and func.func.attr == "__get__"
            and func.args
            and not (isinstance(func.args[0], ast.Constant) and func.args[0].value is None)
        ):
            first = func.args[0]
            bound_to = first.id if isinstance(first, ast.Name) else ""
            return Callee("unknown", "", text, binds=True, bound_to=bound_to)
        return Callee("unknown", "", text)

    def _global_path(self, node: ast.expr, shadowed: frozenset[str]) -> str | None:
        """``mod.sub.func`` -> ``"mod.sub.func"`` when ``mod`` is a module-level name."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not parts or not isinstance(node, ast.Name):
            return None
        root = node.id
        local = self.freevars | self.params | self.locals | self.local_defs | shadowed
        if root in local or root in self.aliases:
            return None
        return ".".join([root, *reversed(parts)])

    # -- leading positional arguments the wrapper requires ------------------

    def _needs_positional(self, body: list[ast.stmt]) -> None:
        """``args[k]`` read on every path, or an empty ``args`` refused."""
        if not self.args_names:
            return
        needed = 0
        for stmt in body:
            if isinstance(stmt, ast.If) and _refuses_empty(stmt, self.args_names):
                needed = max(needed, 1)
            for expr in _unconditional(stmt):
                needed = max(needed, _indexed(expr, self.args_names))
        self.effect.positional_needed = needed


def _unconditional(stmt: ast.stmt) -> list[ast.AST]:
    """The parts of a statement that run whenever the statement runs."""
    if isinstance(stmt, (ast.If, ast.While)):
        return [stmt.test]
    if isinstance(stmt, (ast.For, ast.AsyncFor)):
        return [stmt.iter]
    if isinstance(stmt, (ast.With, ast.AsyncWith)):
        parts: list[ast.AST] = [item.context_expr for item in stmt.items]
        for inner in stmt.body:
            parts.extend(_unconditional(inner))
        return parts
    if isinstance(stmt, ast.Match):
        return [stmt.subject]
    if isinstance(stmt, (ast.Try, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return []
    return [stmt]


def _indexed(node: ast.AST, args_names: set[str]) -> int:
    """How many leading ``args`` items ``node`` reads unconditionally."""
    if isinstance(node, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)):
        return 0
    if isinstance(node, ast.IfExp):
        return _indexed(node.test, args_names)
    if isinstance(node, ast.BoolOp):
        return _indexed(node.values[0], args_names)
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return _indexed(node.generators[0].iter, args_names)
    needed = 0
    if (
        isinstance(node, ast.Subscript)
        and _is_name(node.value, args_names)
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, int)
        and not isinstance(node.slice.value, bool)
        and node.slice.value >= 0
    ):
        needed = node.slice.value + 1
    for child in ast.iter_child_nodes(node):
        needed = max(needed, _indexed(child, args_names))
    return needed


def _catches_key_error(handler: ast.ExceptHandler) -> bool:
    caught = handler.type
    names = [caught] if caught is None or not isinstance(caught, ast.Tuple) else list(caught.elts)
    for name in names:
        if name is None:
            return True  # a bare except
        if isinstance(name, ast.Name) and name.id in ("KeyError", "LookupError", "Exception"):
            return True
    return False


def _always_exits(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise))


def _is_partial(node: ast.expr) -> bool:
    """``partial`` or ``functools.partial``, as written."""
    if isinstance(node, ast.Name):
        return node.id == "partial"
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "partial"
        and isinstance(node.value, ast.Name)
        and node.value.id == "functools"
    )


def _always_raises(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Raise)


def _is_bind(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("bind", "bind_partial")


def _aliases(node: FunctionNode) -> dict[str, ast.expr]:
    """Names assigned exactly once, from a plain name or attribute (``f = self.func``)."""
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    body = node.body if isinstance(node.body, list) else [node.body]
    for sub in ast.walk(ast.Module(body=body, type_ignores=[])):  # type: ignore[arg-type]
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = sub.targets
        elif isinstance(sub, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For)):
            targets = [sub.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    counts[name.id] = counts.get(name.id, 0) + 1
        if (
            isinstance(sub, ast.Assign)
            and len(sub.targets) == 1
            and isinstance(sub.targets[0], ast.Name)
            and isinstance(sub.value, (ast.Name, ast.Attribute))
        ):
            values[sub.targets[0].id] = sub.value
    return {name: value for name, value in values.items() if counts.get(name) == 1}


def _outside_calls(node: ast.AST) -> list[ast.AST]:
    """Nodes of ``node`` not inside a call (calls are analysed on their own:
    ``*(func(url, **kwargs) for url in urls)`` forwards through the inner call)."""
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        if isinstance(current, ast.Call) and current is not node:
            continue
        stack.extend(ast.iter_child_nodes(current))
    return found


def _refuses_empty(stmt: ast.If, args_names: set[str]) -> bool:
    test = stmt.test
    if not stmt.body or not isinstance(stmt.body[-1], ast.Raise):
        return False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _is_name(test.operand, args_names)
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Call)
        and isinstance(test.left.func, ast.Name)
        and test.left.func.id == "len"
        and bool(test.left.args)
        and _is_name(test.left.args[0], args_names)
    )


def _unparse(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except Exception:
        return "<expression>"
