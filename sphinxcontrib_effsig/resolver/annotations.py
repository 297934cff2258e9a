"""Annotations and defaults read from a wrapper's source, turned into values.

``functools.wraps`` overwrites a wrapper's ``__annotations__`` with its
target's, so a wrapper's own annotations are recovered from its source and
evaluated in the module (and closure) its code runs in. Postponed (PEP 563)
string annotations are evaluated the same way; one that cannot be evaluated
(a name imported only under ``TYPE_CHECKING``) stays a string.

Defaults that exist only in the wrapper's code (``kwargs.pop("t", seconds)``)
are *read*, never evaluated: a constant, a closure variable, a global or an
attribute of one of those (looked up statically); anything else is shown as
its source text.
"""

from __future__ import annotations

import ast
import builtins
import types
from typing import Any, TypeVar

from .caches import current
from .model import EffectiveSignature
from .safe import MISSING, is_function, static_attr


class SourceDefault:
    """A default the resolver could not read without running code.

    Its ``repr`` is the source text, so it renders as written.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceDefault) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def _namespace(func: types.FunctionType) -> dict[str, Any]:
    """Closure variables of ``func`` as a mapping (empty cells skipped)."""
    names: dict[str, Any] = {}
    closure = func.__closure__ or ()
    for name, cell in zip(func.__code__.co_freevars, closure, strict=False):
        try:
            names[name] = cell.cell_contents
        except ValueError:
            continue
    return names


def type_parameters(func: types.FunctionType) -> dict[str, Any]:
    """The PEP 695 type parameters ``func``'s annotations can name.

    Those of the definitions enclosing its code (``def retry[**P, R](...)``
    around ``wrapper(*args: P.args, ...) -> R``; ``class Traced[**P, R]``
    around ``__call__``), found from the module through ``co_qualname`` up to
    the first ``<locals>``, and its own unless it is a wrapper
    (``functools.wraps`` copies the target's ``__type_params__``).
    Computed once per code object.
    """
    code = func.__code__
    memo = current().type_parameters
    hit = memo.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    found: dict[str, Any] = {}
    holder: Any = None
    namespace: Any = func.__globals__
    for segment in code.co_qualname.split(".")[:-1]:
        if segment == "<locals>" or not isinstance(namespace, dict):
            break
        holder = namespace.get(segment)
        if holder is None:
            break
        _add_type_parameters(found, holder)
        namespace = getattr(holder, "__dict__", None) if isinstance(holder, type) else None
    own = func.__dict__
    if "__wrapped__" not in own:
        _add_type_parameters(found, func)
    memo[id(code)] = (code, found)
    return found


def _add_type_parameters(found: dict[str, Any], holder: object) -> None:
    if isinstance(holder, (classmethod, staticmethod)):
        holder = holder.__func__
    if isinstance(holder, types.FunctionType):
        params: Any = getattr(holder, "__type_params__", ())  # a slot from Python 3.12 on
    elif isinstance(holder, type):
        params = holder.__dict__.get("__type_params__", ())
    else:
        return
    if isinstance(params, tuple):
        for param in params:
            name = getattr(param, "__name__", None)
            if isinstance(name, str):
                found[name] = param


def evaluate_annotation(node: ast.expr, func: types.FunctionType | None) -> Any:
    """The value of an annotation written in ``func``'s source.

    The value depends only on the module when the annotation names no
    closure variable and no type parameter, which is the common case: it is
    then computed once per (annotation, module) and shared by every function
    the wrapper decorates.
    """
    if func is None:
        return _annotation_text(node)[0]
    return _evaluated_node(node, func)[0]


def evaluate_annotations(nodes: dict[str, ast.expr], func: types.FunctionType) -> dict[str, Any]:
    """:func:`evaluate_annotation` of each of a wrapper's annotations (read-only).

    Where none reads a closure variable or a type parameter, the whole is
    computed once per (annotations, module) and shared by every function
    the wrapper decorates.
    """
    key = (id(nodes), id(func.__globals__), "__wrapped__" in func.__dict__)
    memo = current().evaluated_sets
    hit = memo.get(key)
    if hit is not None and hit[0] is nodes and hit[1] is func.__globals__:
        return hit[2]
    values = {}
    shared = True
    for name, node in nodes.items():
        values[name], in_module = _evaluated_node(node, func)
        shared = shared and in_module
    if shared:
        memo[key] = (nodes, func.__globals__, values)
    return values


def _evaluated_node(node: ast.expr, func: types.FunctionType) -> tuple[Any, bool]:
    """An annotation node's value in ``func``, and whether it depends on the module alone."""
    # A node is one definition's: the same code, so the same closure names
    # and enclosing type parameters (its own ones count where it is not a
    # wrapper, hence the flag). Looked up before anything is computed.
    key = (id(node), id(func.__globals__), "__wrapped__" in func.__dict__)
    evaluated = current().evaluated
    hit = evaluated.get(key)
    if hit is not None and hit[0] is node and hit[1] is func.__globals__:
        return hit[2], True
    text, names = _annotation_text(node)
    type_params = type_parameters(func)
    if type_params and not names.isdisjoint(type_params):
        scope = {**type_params, **_namespace(func)}
        return evaluate_string(text, func.__globals__, scope), False
    if names.isdisjoint(func.__code__.co_freevars):
        value = evaluate_string(text, func.__globals__)
        evaluated[key] = (node, func.__globals__, value)
        return value, True
    return evaluate_string(text, func.__globals__, _namespace(func)), False


def _annotation_text(node: ast.expr) -> tuple[str, frozenset[str]]:
    """An annotation's source text and the names it mentions, once per node."""
    texts = current().annotation_texts
    hit = texts.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1], hit[2]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        try:
            parsed: ast.AST = ast.parse(text, mode="eval")
        except SyntaxError:
            parsed = node
    else:
        text = ast.unparse(node)
        parsed = node
    names = frozenset(n.id for n in ast.walk(parsed) if isinstance(n, ast.Name))
    texts[id(node)] = (node, text, names)
    return text, names


def evaluate_string(
    text: str, module_globals: dict[str, Any], local: dict[str, Any] | None = None
) -> Any:
    """Evaluate a (postponed) annotation string; on failure keep the string."""
    code = _compiled(text)
    if code is None:
        return text
    try:
        value = eval(code, module_globals, local or {})
    except Exception:
        return text
    if isinstance(value, str):
        # A quoted forward reference inside a postponed annotation.
        return evaluate_string(value, module_globals, local) if value != text else value
    return value


def _compiled(text: str) -> types.CodeType | None:
    """Annotation texts repeat (``str``, ``int | None``): compile each once."""
    compiled = current().compiled
    try:
        return compiled[text]
    except KeyError:
        pass
    try:
        code: types.CodeType | None = compile(text, "<annotation>", "eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        code = None
    if len(compiled) < 50_000:
        compiled[text] = code
    return code


def evaluate_parameter_annotation(value: Any, func: types.FunctionType) -> Any:
    """An annotation taken from ``__annotations__``: evaluate it if it is a string."""
    if isinstance(value, str):
        return _evaluated_text(value, func, _local_scope(func))
    return value


def evaluated_annotations(func: types.FunctionType, annotations: dict[str, Any]) -> dict[str, Any]:
    """``func``'s ``__annotations__`` with the strings among them evaluated
    (as :func:`evaluate_parameter_annotation` evaluates each)."""
    for value in annotations.values():
        if isinstance(value, str):
            break
    else:
        return annotations
    scope = _local_scope(func)
    return {
        key: _evaluated_text(value, func, scope) if isinstance(value, str) else value
        for key, value in annotations.items()
    }


def _local_scope(func: types.FunctionType) -> dict[str, Any] | None:
    """The names besides its module's that ``func``'s string annotations can
    read (closure variables, type parameters), or ``None`` where there are none."""
    type_params = type_parameters(func)
    if not type_params and not func.__closure__:
        return None
    local = _namespace(func)
    return {**type_params, **local} if type_params else local


def _evaluated_text(text: str, func: types.FunctionType, scope: dict[str, Any] | None) -> Any:
    """A string annotation of ``func`` evaluated in its module and ``scope``
    (see :func:`_local_scope`): once per module where nothing is local."""
    if scope is None:
        return _evaluated_in_module(text, func.__globals__)
    return evaluate_string(text, func.__globals__, scope)


def _evaluated_in_module(text: str, module_globals: dict[str, Any]) -> Any:
    """A string annotation that reads only module names: evaluated once per module."""
    key = (text, id(module_globals))
    evaluated = current().evaluated_texts
    hit = evaluated.get(key)
    if hit is not None and hit[0] is module_globals:
        return hit[1]
    value = evaluate_string(text, module_globals)
    evaluated[key] = (module_globals, value)
    return value


def is_typevar(value: Any) -> bool:
    return isinstance(value, TypeVar)


def says_nothing(value: Any) -> bool:
    """A wrapper's return annotation that only passes the target's result on.

    ``-> R`` (a TypeVar bound by ``Callable[..., R]``) and ``-> Any`` say
    "whatever the target returns"; the target's own annotation is the truth.
    """
    return is_typevar(value) or value is Any or value in ("Any", "typing.Any")


def read_default(node: ast.expr, func: types.FunctionType | None) -> Any:
    """The value of a default written in the wrapper's code, read statically."""
    if isinstance(node, ast.Constant):
        return node.value
    # A name or an attribute is never a literal: not raised through literal_eval.
    literal = MISSING
    if not isinstance(node, (ast.Name, ast.Attribute)):
        try:
            literal = ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            literal = MISSING
    if literal is not MISSING:
        return literal
    if func is not None:
        value = _read_reference(node, func)
        if value is not MISSING:
            return value
    try:
        return SourceDefault(ast.unparse(node))
    except Exception:
        return SourceDefault("...")


def _read_reference(node: ast.expr, func: types.FunctionType) -> Any:
    if isinstance(node, ast.Name):
        if node.id in func.__code__.co_varnames or node.id in func.__code__.co_cellvars:
            return MISSING  # a local of the wrapper: only known at call time
        closure = _namespace(func)
        if node.id in closure:
            return closure[node.id]
        if node.id in func.__code__.co_freevars:
            return MISSING
        if node.id in func.__globals__:
            return func.__globals__[node.id]
        return getattr(builtins, node.id, MISSING)
    if isinstance(node, ast.Attribute):
        base = _read_reference(node.value, func)
        if base is MISSING:
            return MISSING
        value = static_attr(base, node.attr, MISSING)
        if isinstance(value, (property, types.MemberDescriptorType, types.GetSetDescriptorType)):
            return MISSING
        if isinstance(value, (staticmethod, classmethod)):
            return MISSING
        return value
    return MISSING


def evaluate_signature(sig: EffectiveSignature, target: object) -> EffectiveSignature:
    """Evaluate the postponed (string) annotations left in a target's signature.

    A plain function's signature is kept exactly as :mod:`inspect` gives it;
    once it becomes part of a composed signature, each string annotation is
    evaluated in its owner's module.
    """
    memo = current().evaluated_signatures
    hit = memo.get(id(sig))
    if hit is not None and hit[0] is sig and hit[1] is target:
        return hit[2]
    evaluated = _evaluated_signature(sig, target)
    memo[id(sig)] = (sig, target, evaluated)
    return evaluated


def _evaluated_signature(sig: EffectiveSignature, target: object) -> EffectiveSignature:
    changed = False
    params = []
    # Parameters come in runs of one owner: its scope is looked at once per run.
    owner: object = MISSING
    func: types.FunctionType | None = None
    scope: dict[str, Any] | None = None
    for param in sig.parameters.values():
        annotation = param.annotation
        if isinstance(annotation, str):
            if param.owner is not owner:
                owner = param.owner
                func = owner if is_function(owner) else None
                scope = None if func is None else _local_scope(func)
            if func is not None:
                value = _evaluated_text(annotation, func, scope)
                if value is not annotation:
                    param = param.replace(annotation=value)
                    changed = True
        params.append(param)
    return_annotation = sig.return_annotation
    if isinstance(return_annotation, str):
        func = _function_of(target)
        if func is not None:
            value = evaluate_parameter_annotation(return_annotation, func)
            if value is not return_annotation:
                return_annotation = value
                changed = True
    if not changed:
        return sig
    return sig.reannotated(params, return_annotation)


def _function_of(target: object) -> types.FunctionType | None:
    for _ in range(8):
        if is_function(target):
            return target
        if isinstance(target, (types.MethodType, staticmethod, classmethod)):
            target = target.__func__
            continue
        func = static_attr(target, "func", None)
        if func is None:
            return None
        target = func
    return None
