"""``helper(func, args, kwargs)``: a wrapper handing its arguments over as values.

The tuple and the dict are passed to another function, which forwards them
(``return call_with_retries(func, args, kwargs)``). The call is recorded as
a :class:`~.model.Forward` through a :class:`~.model.HelperCall`; the
run-time walk analyses the helper with the parameters that receive them
tracked in place of ``*args``/``**kwargs``.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .callees import callee_of
from .model import Callee, CalleeKind, Forward, HelperCall

if TYPE_CHECKING:
    from .state import Analysis


def read_helper_call(state: Analysis, call: ast.Call) -> None:
    """Record ``call`` if it hands the wrapper's ``args`` or ``kwargs`` over."""
    handed: list[tuple[int | str, ast.expr]] = [
        (i, arg) for i, arg in enumerate(call.args) if state.is_argument(arg)
    ]
    handed += [(kw.arg, kw.value) for kw in call.keywords if kw.arg and state.is_argument(kw.value)]
    if not handed:
        return
    args_at: int | str | None = None
    kwargs_at: int | str | None = None
    for at, node in handed:
        assert isinstance(node, ast.Name)
        if node.id in state.args_names:
            args_at = at
        else:
            kwargs_at = at
    arguments = _other_arguments(state, call, {at for at, _ in handed})
    via = HelperCall(callee_of(state, call.func), args_at, kwargs_at, arguments)
    state.effect.forwards.append(
        Forward(
            Callee(CalleeKind.UNKNOWN, "", via.helper.text),
            args_at is not None,
            kwargs_at is not None,
            via=via,
        )
    )


def _other_arguments(
    state: Analysis, call: ast.Call, handed: set[int | str]
) -> tuple[tuple[int | str, Callee], ...]:
    """The arguments besides ``args``/``kwargs``, by position (up to the first
    ``*``) or keyword: one of them may be the target."""
    arguments: list[tuple[int | str, Callee]] = []
    for i, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            break
        if i not in handed:
            arguments.append((i, callee_of(state, arg)))
    for kw in call.keywords:
        if kw.arg and kw.arg not in handed:
            arguments.append((kw.arg, callee_of(state, kw.value)))
    return tuple(arguments)
