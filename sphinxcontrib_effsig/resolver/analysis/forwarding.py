"""Calls that pass the wrapper's ``*args``/``**kwargs`` on: ``func(*args, **kwargs)``.

What a forwarding call adds or changes on the way, each kept in the
:class:`~.model.Forward`:

- positional arguments written before ``*args`` (``func(self, *args)``;
  ``leading``), and those relayed from the caller's (``func(args[0], ...)``;
  ``relayed``);
- positional arguments appended after it (``func(*args, mock)``,
  ``func(*(args + (mock,)))``; ``trailing``);
- keywords written in the call (``func(*args, timeout=5, **kwargs)``), or merged
  into the dict (``**{**kwargs, "timeout": 5}``, ``**dict(kwargs, timeout=5)``);
- ``partial(func, *args)(**kwargs)``, read as ``func(*args, **kwargs)``;
- ``bound.args``/``bound.kwargs`` of ``sig.bind(*args, **kwargs)``;
- the ``if``/``else`` arm the call sits in, and whether its result is called.

A starred value the analysis cannot read (``*args[1:]``) leaves it unsure.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .aliases import bound_part
from .callees import callee_of
from .model import Callee, Forward
from .syntax import const_str, is_partial, outside_calls

if TYPE_CHECKING:
    from .state import Analysis


def partial_applied(state: Analysis, call: ast.Call) -> ast.Call | None:
    """``partial(func, *args)(**kwargs)`` -> the call ``func(*args, **kwargs)``.

    The inner ``partial(...)`` call is marked as read with this one.
    """
    func = call.func
    if not (
        isinstance(func, ast.Call)
        and is_partial(func.func)
        and func.args
        and not isinstance(func.args[0], ast.Starred)
        and not func.keywords
    ):
        return None
    state.merged.add(id(func))
    merged = ast.Call(func=func.args[0], args=[*func.args[1:], *call.args], keywords=call.keywords)
    return ast.copy_location(merged, call)


def read_forward(state: Analysis, call: ast.Call) -> bool:
    """Record ``call`` if it passes ``*args`` or ``**kwargs`` on; ``False`` if it
    passes neither (``type(args[0])``, ``len(args)``: reads, not forwards)."""
    positionals = _read_positionals(state, call)
    star_kwargs, keywords, unread = _read_keywords(state, call)
    if not (positionals.star or star_kwargs):
        return False
    for value in unread:
        # ``with resolver(kwargs) as injected: func(*args, **injected)``: which
        # keywords reach the target is decided by code not read here.
        state.effect.unproven.append(
            f"it passes keywords from {ast.unparse(value)}, which the resolver cannot read"
        )
    if any(k is not None and k != i for i, k in enumerate(positionals.relayed)):
        state.effect.unproven.append("it reorders its positional arguments")
    returned = id(call) in state.returned_calls
    if returned:
        state.returned_forwards.add(id(call))
    state.effect.forwards.append(
        Forward(
            callee_of(state, call.func),
            positionals.star,
            star_kwargs,
            tuple(positionals.leading),
            tuple(keywords),
            leading_callees=tuple(positionals.callees),
            relayed=tuple(positionals.relayed),
            arms=state.arms,
            trailing=positionals.trailing,
            result_called=id(call) in state.called_results,
            result_returned=returned,
            rest_filled=positionals.rest_filled,
            keyword_callees=tuple(
                (kw.arg, callee_of(state, kw.value))
                for kw in call.keywords
                if kw.arg is not None and isinstance(kw.value, (ast.Name, ast.Attribute))
            ),
        )
    )
    return True


@dataclass
class _Positionals:
    """The positional part of a call, read against the wrapper's ``*args``."""

    #: ``*args`` (or an equivalent) is passed
    star: bool = False
    leading: list[str | None] = field(default_factory=list)
    callees: list[Callee] = field(default_factory=list)
    relayed: list[int | None] = field(default_factory=list)
    #: positional arguments the wrapper appends after ``*args``
    trailing: int = 0
    #: a starred value of the wrapper's own fills the places after ``leading``
    rest_filled: bool = False


def _read_positionals(state: Analysis, call: ast.Call) -> _Positionals:
    found = _Positionals()
    seen_star = False
    for arg in call.args:
        if isinstance(arg, ast.Starred):
            _read_starred(state, arg.value, found)
            seen_star = True
        elif not seen_star:
            found.leading.append(state.passthrough(arg))
            found.callees.append(callee_of(state, arg))
            found.relayed.append(_relayed_index(state, arg))
        elif found.star:
            found.trailing += 1  # func(*args, extra)
    return found


def _read_starred(state: Analysis, value: ast.expr, found: _Positionals) -> None:
    """``*args``, ``*bound.args`` or ``*(args + (mock,))``."""
    appended = _appended(state, value)
    if state.is_args(value) or bound_part(state, value, "args"):
        found.star = True
    elif appended is not None and not found.star:
        found.star, found.trailing = True, found.trailing + appended
    else:
        if not _unknown_star(state, value) and not found.star:
            found.rest_filled = True


def _read_keywords(
    state: Analysis, call: ast.Call
) -> tuple[bool, list[tuple[str, str | None]], list[ast.expr]]:
    """Whether ``**kwargs`` (or an equivalent) is passed, the keywords written,
    and the ``**`` values that are none of these (``**options`` built elsewhere)."""
    star = False
    keywords: list[tuple[str, str | None]] = []
    unread: list[ast.expr] = []
    for kw in call.keywords:
        if kw.arg is None:
            if state.is_kwargs(kw.value) or bound_part(state, kw.value, "kwargs"):
                star = True
            elif (extra := _merged_kwargs(state, kw.value)) is not None:
                # f(*args, **{**kwargs, "timeout": 1.0})
                star = True
                keywords.extend((key, None) for key in extra)
            else:
                if not _unknown_star(state, kw.value):
                    unread.append(kw.value)
        elif kw.arg in state.absent and _passes_kwargs(state, call):
            # Supplied only on the path where the caller gave none: a default.
            state.effect.defaults[kw.arg] = kw.value
        else:
            keywords.append((kw.arg, state.passthrough(kw.value)))
    return star, keywords, unread


def _relayed_index(state: Analysis, node: ast.expr) -> int | None:
    """``args[k]`` -> ``k``: the caller's k-th positional argument, relayed."""
    if (
        isinstance(node, ast.Subscript)
        and state.is_args(node.value)
        and isinstance(node.slice, ast.Constant)
        and type(node.slice.value) is int
        and node.slice.value >= 0
    ):
        return node.slice.value
    return None


def _passes_kwargs(state: Analysis, call: ast.Call) -> bool:
    """Does ``call`` also pass the wrapper's ``**kwargs`` on?"""
    return any(kw.arg is None and state.is_kwargs(kw.value) for kw in call.keywords)


def _merged_kwargs(state: Analysis, value: ast.expr) -> list[str] | None:
    """``{**kwargs, "name": v}`` or ``dict(kwargs, name=v)``: the keys it adds."""
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "dict"
        and len(value.args) == 1
        and state.is_kwargs(value.args[0])
        and all(kw.arg is not None for kw in value.keywords)
    ):
        return [kw.arg for kw in value.keywords if kw.arg is not None]
    if not isinstance(value, ast.Dict):
        return None
    spread = False
    keys: list[str] = []
    for key, item in zip(value.keys, value.values, strict=True):
        if key is None:
            if not state.is_kwargs(item):
                return None
            spread = True
            continue
        text = const_str(key)
        if text is None:
            return None
        keys.append(text)
    return keys if spread else None


def _appended(state: Analysis, value: ast.expr) -> int | None:
    """``args + (a, b)`` -> 2: the wrapper's tuple with values appended."""
    if (
        isinstance(value, ast.BinOp)
        and isinstance(value.op, ast.Add)
        and state.is_args(value.left)
        and isinstance(value.right, ast.Tuple)
        and not any(isinstance(e, ast.Starred) for e in value.right.elts)
    ):
        return len(value.right.elts)
    return None


def _unknown_star(state: Analysis, value: ast.expr) -> bool:
    """A starred value built from ``args``/``kwargs`` in a way not understood:
    recorded as unproven. Whether it was one."""
    for sub in outside_calls(value):
        if state.is_argument(sub):
            state.effect.unproven.append(
                f"it passes on a transformed copy of its arguments ({ast.unparse(value)})"
            )
            return True
    return False
