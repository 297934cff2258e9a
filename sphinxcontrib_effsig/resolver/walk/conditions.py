"""The ``if`` arm a configured decorator takes, read from its closure or instance.

``deadline(fast=True)`` makes a wrapper whose code says ``if fast:
kwargs.pop("timeout", 1.0) else: kwargs.pop("timeout", 30.0)``: which default
the decorated function shows depends on ``fast``, a closure variable fixed
when the decorator was applied. Likewise a decorator object's method that
tests its configuration (``if self.key_builder: return
self.key_builder(*args, **kwargs)``) takes the arm its instance selects.

A test is decided only where that runs no user code: the truth of plain
values (``None``, booleans, numbers, strings), of functions and classes,
and ``is``/``is not`` on anything, read from the closure, the module or the
instance's own ``__dict__``. Otherwise it is decided at call time: a
default that differs between the arms is shown as ``...``, and a call in
either arm may happen.
"""

from __future__ import annotations

import ast
import dis
import types
from collections.abc import Mapping, Sequence

from ..analysis import OPTIONAL
from ..caches import current
from ..safe import MISSING, instance_attr, namespace_of, static_attr
from ..source import mangle

#: Values whose truth and comparisons are the interpreter's own, not user code.
_PLAIN = (type(None), bool, int, float, str, bytes)
#: Values that are always true, whatever they are (no ``__bool__``/``__len__``).
_TRUE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType)
#: What rebinds a closure or module variable: then its value at documentation
#: time is not the one the test reads at call time.
_STORES = frozenset({"STORE_DEREF", "DELETE_DEREF", "STORE_GLOBAL", "DELETE_GLOBAL"})
_STORE_OPCODES = frozenset(dis.opmap[name] for name in _STORES)
_GLOBAL_OPCODES = frozenset({dis.opmap["STORE_GLOBAL"], dis.opmap["DELETE_GLOBAL"]})
_EXTENDED_ARG = dis.EXTENDED_ARG

Arms = tuple[tuple[int, int], ...]


def configured_choice(
    choices: Sequence[tuple[Arms, ast.expr]],
    conditions: Mapping[int, ast.expr],
    func: types.FunctionType,
    bound_self: object = MISSING,
) -> ast.expr | None:
    """The default of the arm ``func``'s closure selects, among ``choices``.

    ``None`` when there is nothing to choose (no arms, or the same default in each);
    :data:`~..analysis.OPTIONAL` (shown ``...``) when the arms differ and
    their tests cannot be decided.
    """
    if not choices:
        return None  # the analysis keeps only keys whose arms differ
    for arms, default in choices:
        if all(_arm(conditions.get(node), arm, func, bound_self) is True for node, arm in arms):
            return default
    return OPTIONAL


def possible(
    arms: Arms, conditions: Mapping[int, ast.expr], func: types.FunctionType, bound_self: object
) -> bool:
    """Whether code inside ``arms`` may run: no arm around it is decided against."""
    return all(_arm(conditions.get(node), arm, func, bound_self) is not False for node, arm in arms)


def _arm(
    test: ast.expr | None, arm: int, func: types.FunctionType, bound_self: object
) -> bool | None:
    """Whether arm ``arm`` (0 body, 1 else) of an ``if`` on ``test`` runs; ``None``: unknown."""
    truth = None if test is None else decide(test, func, bound_self)
    return None if truth is None else truth == (arm == 0)


def decide(test: ast.expr, func: types.FunctionType, bound_self: object = MISSING) -> bool | None:
    """The truth of ``test`` in ``func``'s closure (and instance), or ``None`` if unknown."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = decide(test.operand, func, bound_self)
        return None if inner is None else not inner
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left = _value(test.left, func, bound_self)
        right = _value(test.comparators[0], func, bound_self)
        if left is MISSING or right is MISSING:
            return None
        return _compare(test.ops[0], left, right)
    value = _value(test, func, bound_self)
    kind = type(value)
    if kind in _PLAIN:
        return bool(value)
    # type(), never isinstance(): a user object's __class__ is not read; a
    # class is true unless its metaclass says otherwise (an empty Enum).
    return True if issubclass(kind, _TRUE) or kind is type else None


def _compare(op: ast.cmpop, left: object, right: object) -> bool | None:
    if isinstance(op, ast.Is):
        return left is right
    if isinstance(op, ast.IsNot):
        return left is not right
    if type(left) not in _PLAIN or type(right) not in _PLAIN:
        return None  # == may run a user's __eq__
    if isinstance(op, ast.Eq):
        return left == right
    if isinstance(op, ast.NotEq):
        return left != right
    return None


def _value(node: ast.expr, func: types.FunctionType, bound_self: object) -> object:
    """A constant, a closure/module variable, or an attribute of the bound instance
    from its own ``__dict__``; else ``MISSING``."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return _instance_value(node.value.id, node.attr, func, bound_self)
    if not isinstance(node, ast.Name):
        return MISSING
    code = func.__code__
    if node.id in _rebound(code):
        return MISSING
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
    return value


def _rebound(code: types.CodeType) -> frozenset[str]:
    """The closure and module variables ``code`` itself rebinds (``nonlocal``/``global``).

    Read off the bytecode once per code object: every test of a name in the
    wrapper asks.
    """
    memo = current().rebound
    hit = memo.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    names = _stored_names(code)
    memo[id(code)] = (code, names)
    return names


def _stored_names(code: types.CodeType) -> frozenset[str]:
    """The names the store/delete instructions of ``code`` rebind.

    The instructions are found by their opcode bytes at even offsets (each
    code unit is an opcode and its argument; inline caches are zeros), and
    each argument is widened by the ``EXTENDED_ARG`` units before it: a
    scan over bytes, where a disassembly builds an object per instruction
    (milliseconds on a long body).
    """
    raw = code.co_code
    names: set[str] = set()
    for opcode in _STORE_OPCODES:
        mark = bytes((opcode,))
        at = raw.find(mark)
        while at != -1:
            if not at % 2:
                names.add(_stored_name(code, opcode, _argument(raw, at)))
            at = raw.find(mark, at + 1)
    return frozenset(names)


def _argument(raw: bytes, at: int) -> int:
    """The argument of the instruction at ``at``, with its ``EXTENDED_ARG`` prefixes."""
    arg, shift, before = raw[at + 1], 8, at - 2
    while before >= 0 and raw[before] == _EXTENDED_ARG:
        arg |= raw[before + 1] << shift
        shift += 8
        before -= 2
    return arg


def _stored_name(code: types.CodeType, opcode: int, arg: int) -> str:
    if opcode in _GLOBAL_OPCODES:
        return code.co_names[arg]
    # The cell and free variables share the index space of the locals.
    return code._varname_from_oparg(arg)  # type: ignore[attr-defined,no-any-return]


def _instance_value(
    name: str, attribute: str, func: types.FunctionType, bound_self: object
) -> object:
    code = func.__code__
    if bound_self is MISSING or not code.co_argcount or code.co_varnames[0] != name:
        return MISSING
    stored = mangle(attribute, code)
    namespace = namespace_of(bound_self)
    if namespace is not None and stored in namespace:
        return namespace[stored]
    if isinstance(static_attr(type(bound_self), stored), types.MemberDescriptorType):
        return instance_attr(bound_self, stored, MISSING)  # a slot
    return MISSING
