"""The ``if`` arm a configured decorator takes, read from its closure.

``deadline(fast=True)`` makes a wrapper whose code says ``if fast:
kwargs.pop("timeout", 1.0) else: kwargs.pop("timeout", 30.0)``: which default
the decorated function shows depends on ``fast``, a closure variable fixed
when the decorator was applied. A test is decided only from plain values
(``None``, booleans, numbers, strings) found in the closure or the module,
so deciding it runs no user code; otherwise the default is not known until
the call, and is shown as ``...``.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Mapping, Sequence

from ..analysis import OPTIONAL
from ..safe import MISSING

#: Values whose truth and comparisons are the interpreter's own, not user code.
_PLAIN = (type(None), bool, int, float, str, bytes)

Arms = tuple[tuple[int, int], ...]


def configured_choice(
    choices: Sequence[tuple[Arms, ast.expr]],
    conditions: Mapping[int, ast.expr],
    func: types.FunctionType,
) -> ast.expr | None:
    """The default of the arm ``func``'s closure selects, among ``choices``.

    ``None`` when every arm gives the same default (nothing to choose);
    :data:`~..analysis.OPTIONAL` (shown ``...``) when the arms differ and
    their tests cannot be decided.
    """
    if len({ast.dump(default) for _, default in choices}) <= 1:
        return None
    for arms, default in choices:
        taken = [_arm_taken(conditions.get(node), arm, func) for node, arm in arms]
        if all(taken):
            return default
    return OPTIONAL


def _arm_taken(test: ast.expr | None, arm: int, func: types.FunctionType) -> bool:
    truth = None if test is None else decide(test, func)
    return truth is not None and truth == (arm == 0)


def decide(test: ast.expr, func: types.FunctionType) -> bool | None:
    """The truth of ``test`` in ``func``'s closure, or ``None`` if unknown."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = decide(test.operand, func)
        return None if inner is None else not inner
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, right = _plain(test.left, func), _plain(test.comparators[0], func)
        if left is MISSING or right is MISSING:
            return None
        return _compare(test.ops[0], left, right)
    value = _plain(test, func)
    return None if value is MISSING else bool(value)


def _compare(op: ast.cmpop, left: object, right: object) -> bool | None:
    if isinstance(op, ast.Is):
        return left is right
    if isinstance(op, ast.IsNot):
        return left is not right
    if isinstance(op, ast.Eq):
        return left == right
    if isinstance(op, ast.NotEq):
        return left != right
    return None


def _plain(node: ast.expr, func: types.FunctionType) -> object:
    """A constant, or a closure/module variable holding a plain value; else ``MISSING``."""
    if isinstance(node, ast.Constant):
        return node.value
    if not isinstance(node, ast.Name):
        return MISSING
    code = func.__code__
    if node.id in code.co_freevars:
        cell = (func.__closure__ or ())[code.co_freevars.index(node.id)]
        try:
            value = cell.cell_contents
        except ValueError:
            return MISSING
    elif node.id in code.co_varnames or node.id in code.co_cellvars:
        return MISSING
    else:
        value = func.__globals__.get(node.id, MISSING)
    return value if type(value) in _PLAIN else MISSING
