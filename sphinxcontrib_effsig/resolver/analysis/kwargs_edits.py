"""Edits a wrapper makes to its ``**kwargs`` before passing them on.

- ``kwargs.pop("k")``/``kwargs.pop("k", d)``/``del kwargs["k"]``: ``k`` is the
  wrapper's, not the target's (:func:`pop_of` is the one place a pop is
  recognised; :func:`record_pop` the one place it is recorded).
- ``try: x = kwargs.pop("k") except KeyError: x = d`` and
  ``kwargs.pop("k") if "k" in kwargs else d``: a pop with a fallback.
- ``kwargs["k"] = v``, ``kwargs.update(k=v)``, ``kwargs |= {"k": v}``: the
  wrapper fills ``k`` in itself.
- ``kwargs.setdefault("k", v)``, ``if "k" not in kwargs: kwargs["k"] = v``
  (or ``kwargs.get("k") is None``/``not kwargs.get("k")``): ``v`` is the
  default of ``k``; in a loop over a closure list (``for name in NAMES:``)
  each name in ``NAMES`` gets that default.
- ``"k" in kwargs`` tests: ``if "k" in kwargs: raise`` refuses ``k``; a block
  after ``if "k" in kwargs: return ...`` runs only when ``k`` is absent.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import OPTIONAL, REQUIRED
from .syntax import const_keys, const_str, is_none, walk

if TYPE_CHECKING:
    from .state import Analysis


@dataclass(frozen=True)
class Pop:
    """``kwargs.pop(key[, default])`` as written."""

    #: the key, or ``None`` when it is computed
    key: str | None
    #: the default, or ``None`` when the call gives none (it raises ``KeyError``)
    default: ast.expr | None


def pop_of(state: Analysis, node: ast.AST) -> Pop | None:
    """``kwargs.pop(key[, default])`` -> :class:`Pop`; anything else -> ``None``."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "pop"
        and state.is_kwargs(node.func.value)
    ):
        return None
    key = const_str(node.args[0]) if node.args else None
    return Pop(key, node.args[1] if len(node.args) >= 2 else None)


def popped_without_default(state: Analysis, node: ast.expr) -> str | None:
    """``kwargs.pop("k")`` -> ``"k"``: a pop that fails when the caller left ``k`` out."""
    pop = pop_of(state, node)
    return pop.key if pop is not None and pop.default is None else None


def record_pop(state: Analysis, key: str, default: ast.expr | None) -> None:
    """``kwargs.pop(key[, default])`` / ``del kwargs[key]`` on the current path."""
    if default is None and key in state.present:
        default = OPTIONAL  # only removed when the caller passed it
    if default is not None:
        state.effect.popped[key] = default
        if state.arms and default is not OPTIONAL:
            state.effect.popped_in_arms.setdefault(key, []).append((state.arms, default))
    else:
        state.effect.popped.setdefault(key, REQUIRED)


def kwargs_key(state: Analysis, target: ast.AST) -> str | None:
    """``kwargs["k"]`` -> ``"k"``."""
    if isinstance(target, ast.Subscript) and state.is_kwargs(target.value):
        return const_str(target.slice)
    return None


# -- kwargs.<method>(...) ------------------------------------------------------


def read_method(state: Analysis, call: ast.Call) -> bool:
    """``kwargs.pop/setdefault/update/clear/popitem(...)``; ``True`` for any call
    of a method of ``**kwargs`` (it is an edit, never a forward)."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and state.is_kwargs(func.value)):
        return False
    effect = state.effect
    pop = pop_of(state, call)
    if pop is not None:
        if pop.key is None:
            effect.unproven.append(f"it pops a computed key from **{effect.varkw}")
        else:
            record_pop(state, pop.key, pop.default)
    elif func.attr == "setdefault":
        key = const_str(call.args[0]) if call.args else None
        if key is not None and len(call.args) >= 2:
            effect.defaults[key] = call.args[1]
    elif func.attr == "update":
        _read_update(state, call)
    elif func.attr in ("clear", "popitem"):
        effect.unproven.append(f"it calls {effect.varkw}.{func.attr}()")
    return True


def _read_update(state: Analysis, call: ast.Call) -> None:
    """``kwargs.update(k=v)`` / ``kwargs.update({"k": v})``: ``k`` supplied."""
    effect = state.effect
    for kw in call.keywords:
        if kw.arg is None:
            effect.unproven.append(f"it updates **{effect.varkw} from a mapping")
        else:
            effect.supplied.add(kw.arg)
    for arg in call.args:
        keys = const_keys(arg)
        if keys is not None:
            effect.supplied.update(keys)
        else:
            effect.unproven.append(f"it updates **{effect.varkw} from a mapping")


# -- statements and expressions that edit or test **kwargs ------------------------


def read_delete(state: Analysis, node: ast.Delete) -> None:
    """``del kwargs["k"]``: popped, without a default."""
    for target in node.targets:
        key = kwargs_key(state, target)
        if key is not None:
            record_pop(state, key, None)


def read_key_assignment(
    state: Analysis, node: ast.AST, target: ast.expr, value: ast.expr | None
) -> bool:
    """``kwargs["k"] = v`` or ``kwargs |= {"k": v}``; ``True`` when ``target``
    is ``**kwargs`` or one of its keys."""
    effect = state.effect
    key = kwargs_key(state, target)
    if key is not None:
        if key in state.absent and value is not None:
            effect.defaults[key] = value
        elif value is None or not _reads_key(state, value, key):
            effect.supplied.add(key)
        elif key not in state.absent:
            # ``kwargs["k"] = f(kwargs.get("k", d))``: rewritten from the
            # caller's own value, still the caller's to pass, but always in
            # **kwargs, so never by position too.
            effect.rewritten.add(key)
        return True
    if isinstance(target, ast.Subscript) and state.is_kwargs(target.value):
        effect.unproven.append(f"it sets a computed key of **{effect.varkw}")
        return True
    if (
        isinstance(node, ast.AugAssign)
        and isinstance(node.op, ast.BitOr)
        and state.is_kwargs(target)
    ):
        keys = const_keys(value)
        if keys is not None:
            effect.supplied.update(keys)  # kwargs |= {"timeout": 5}
            return True
    return False


def _reads_key(state: Analysis, value: ast.expr, key: str) -> bool:
    """Whether ``value`` reads ``kwargs["key"]`` (subscript, ``get`` or ``pop``)."""
    for sub in walk(value):
        if isinstance(sub, ast.Subscript) and kwargs_key(state, sub) == key:
            return True
        if _kwargs_get(state, sub) == key:
            return True
        pop = pop_of(state, sub)
        if pop is not None and pop.key == key:
            return True
    return False


def read_pop_fallback(state: Analysis, node: ast.Try) -> None:
    """``try: x = kwargs.pop("k") except KeyError: x = fallback``: optional ``k``.

    ``fallback`` is its default only when the handler does nothing else: one
    that also notes the key was missing (``do_fill = False``) behaves
    otherwise than when ``fallback`` is passed, so ``k`` is optional with no
    default of its own.
    """
    catches = [h for h in node.handlers if _catches_key_error(h)]
    for stmt in node.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            continue
        key = popped_without_default(state, stmt.value)
        target = stmt.targets[0]
        if key is None or not isinstance(target, ast.Name):
            continue
        for handler in catches:
            single = _single_assignment(handler.body)
            if single is not None and single[0] == target.id:
                state.effect.popped[key] = single[1]
            elif _assignments_to(target.id, handler.body):
                state.effect.popped[key] = OPTIONAL


def _assignments_to(name: str, body: list[ast.stmt]) -> list[ast.expr]:
    """The values ``body`` assigns to ``name`` (``name = value`` statements)."""
    return [
        stmt.value
        for stmt in body
        if isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
        and stmt.targets[0].id == name
    ]


def _catches_key_error(handler: ast.ExceptHandler) -> bool:
    caught = handler.type
    names = [caught] if caught is None or not isinstance(caught, ast.Tuple) else list(caught.elts)
    for name in names:
        if name is None:
            return True  # a bare except
        if isinstance(name, ast.Name) and name.id in ("KeyError", "LookupError", "Exception"):
            return True
    return False


def read_pop_if_present(state: Analysis, node: ast.IfExp) -> None:
    """``kwargs.pop("k") if "k" in kwargs else fallback``: optional ``k``."""
    guard = presence_test(state, node.test)
    key = popped_without_default(state, node.body)
    if guard is not None and guard == (key, True):
        state.effect.popped[guard[0]] = node.orelse


def read_pop_if_present_else(state: Analysis, node: ast.If) -> None:
    """The statement form of :func:`read_pop_if_present`::

        if "k" in kwargs:
            value = kwargs.pop("k")
        else:
            value = fallback

    (or with ``not in`` and the arms swapped): optional ``k``, default ``fallback``.
    """
    guard = presence_test(state, node.test)
    if guard is None:
        return
    popping, falling = (node.body, node.orelse) if guard[1] else (node.orelse, node.body)
    pop, fallback = _single_assignment(popping), _single_assignment(falling)
    if pop is None or fallback is None or pop[0] != fallback[0]:
        return
    if popped_without_default(state, pop[1]) == guard[0]:
        state.effect.popped[guard[0]] = fallback[1]


def _single_assignment(block: list[ast.stmt]) -> tuple[str, ast.expr] | None:
    """``name = value`` as a whole block -> (name, value)."""
    if len(block) != 1 or not isinstance(block[0], ast.Assign):
        return None
    targets = block[0].targets
    if len(targets) != 1 or not isinstance(targets[0], ast.Name):
        return None
    return targets[0].id, block[0].value


def presence_test(state: Analysis, test: ast.expr) -> tuple[str, bool] | None:
    """``"k" in kwargs`` -> ("k", True); ``"k" not in kwargs`` -> ("k", False)."""
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.In, ast.NotIn))
        and state.is_kwargs(test.comparators[0])
    ):
        key = const_str(test.left)
        if key is not None:
            return key, isinstance(test.ops[0], ast.In)
    return None


def leftover_test(state: Analysis, test: ast.expr) -> bool:
    """Whether ``test`` asks if anything is left in ``**kwargs``: ``if kwargs:``,
    ``if len(kwargs):``, ``if len(kwargs) > 0:``, ``if kwargs != {}:``."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(right, ast.Dict) and not right.keys and isinstance(op, ast.NotEq):
            return state.is_kwargs(test.left)
        if not (isinstance(right, ast.Constant) and right.value == 0):
            return False
        if not isinstance(op, (ast.Gt, ast.NotEq)):
            return False
        test = test.left
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "len"
        and len(test.args) == 1
        and not test.keywords
    ):
        test = test.args[0]
    return isinstance(test, ast.Name) and state.is_kwargs(test)


# -- defaults filled in when the caller gave none ---------------------------------


def read_default_when_missing(state: Analysis, node: ast.If) -> bool:
    """``kwargs["t"] = v`` under a test that the caller did not pass ``t``.

    ``if "t" not in kwargs:``, ``if kwargs.get("t") is None:`` and
    ``if not kwargs.get("t"):`` all make ``v`` the default of ``t``, as
    ``kwargs.setdefault("t", v)`` does. ``True`` when ``node`` is one.
    """
    if node.orelse or len(node.body) != 1:
        return False
    body = node.body[0]
    if not (isinstance(body, ast.Assign) and len(body.targets) == 1):
        return False
    looped = _looped_missing(state, node.test, body.targets[0])
    if looped is not None:
        state.effect.looped_defaults[looped] = body.value
        return True
    key = _tested_missing(state, node.test)
    if key is None or kwargs_key(state, body.targets[0]) != key:
        return False
    state.effect.defaults[key] = body.value
    return True


def names_loop(state: Analysis, node: ast.For) -> tuple[str, str] | None:
    """``for name in NAMES:`` over a variable of the closure or the module ->
    ``("name", "NAMES")``: its body is read knowing ``name`` is one of ``NAMES``."""
    target, names = node.target, node.iter
    if not (isinstance(target, ast.Name) and isinstance(names, ast.Name)):
        return None
    if names.id in state.shadowed or names.id in state.params or node.orelse:
        return None
    if names.id in state.locals and names.id not in state.freevars:
        return None
    return target.id, names.id


def _looped_missing(state: Analysis, test: ast.expr, target: ast.expr) -> str | None:
    """``if name not in kwargs: kwargs[name] = v`` in a loop over ``NAMES`` -> ``"NAMES"``."""
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.NotIn)
        and isinstance(test.left, ast.Name)
        and test.left.id in state.loop_names
        and state.is_kwargs(test.comparators[0])
        and isinstance(target, ast.Subscript)
        and state.is_kwargs(target.value)
        and isinstance(target.slice, ast.Name)
        and target.slice.id == test.left.id
    ):
        return None
    return state.loop_names[test.left.id]


def _tested_missing(state: Analysis, test: ast.expr) -> str | None:
    """The key a test checks to be absent from ``**kwargs`` (or ``None``)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _kwargs_get(state, test.operand)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    op, right = test.ops[0], test.comparators[0]
    if isinstance(op, ast.NotIn) and state.is_kwargs(right):
        return const_str(test.left)
    if isinstance(op, (ast.Is, ast.Eq)) and is_none(right):
        return _kwargs_get(state, test.left)
    return None


def _kwargs_get(state: Analysis, node: ast.AST) -> str | None:
    """``kwargs.get("t")`` -> ``"t"``."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and state.is_kwargs(node.func.value)
        and node.args
    ):
        return const_str(node.args[0])
    return None
