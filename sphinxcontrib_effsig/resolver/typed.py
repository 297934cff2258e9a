"""Typed decorators: ``ParamSpec``/``Concatenate`` annotations as the transformation.

When a wrapper has neither source nor ``__wrapped__``, the decorator's own
annotations may still say what it does::

    def require_request(func: Callable[P, R]) -> Callable[Concatenate[Request, P], R]

The decorated function is found at its definition site (its module's source,
by ``__module__``/``__qualname__``), its signature is read from the ``def``
there, and each decorator in its ``@`` list is applied from the bottom up.
Nothing is called: decorators are looked up by name in the module globals and
only their annotations are evaluated.
"""

from __future__ import annotations

import ast
import collections.abc
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

from .annotations import evaluate_annotation, read_default
from .compose import normalise
from .model import EMPTY, KW, PO, POK, VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature
from .naming import owner_name
from .safe import instance_attr, is_function, namespace_of, static_attr
from .source import function_node, module_tree

Definition = ast.FunctionDef | ast.AsyncFunctionDef


def from_definition_site(
    func: types.FunctionType,
    below: list[object],
    resolve: Callable[[object], EffectiveSignature | None],
) -> EffectiveSignature | None:
    """The signature implied by typed decorators at the decorated ``def``, if any.

    ``below`` lists what ``func`` wraps, layer by layer, as far down as the
    resolver could follow. When it reaches the function the ``def`` itself
    created, the ``@`` line that made ``func`` is known by counting, and only
    that decorator's annotations are applied to the layer below (resolved
    from its own code). Otherwise every decorator at the definition site is
    applied, from the bottom up, to the signature written in the ``def``.
    """
    site = _definition_site(func, below)
    if site is None:
        return None
    node, namespace, where, created = site
    if created:
        index = len(node.decorator_list) - len(below)
        inner = resolve(below[0])
        if index < 0 or inner is None:
            return None
        hints = _decorator_hints(node.decorator_list[index], namespace)
        outer = _transform(inner, *hints) if hints is not None else None
        if outer is None:
            return None
        note = (
            f"a decorator of {where} has no readable wrapper; its ParamSpec/Concatenate "
            "annotations describe it"
        )
        return outer.replace(notes=[*inner.notes, note], resolved=inner.resolved)
    sig = _signature_from_def(node, namespace, where)
    for decorator_node in reversed(node.decorator_list):
        hints = _decorator_hints(decorator_node, namespace)
        if hints is None:
            return None
        transformed = _transform(sig, *hints)
        if transformed is None:
            return None
        sig = transformed
    note = (
        f"{where} has no readable wrapper; its signature follows the "
        "ParamSpec/Concatenate annotations of its decorators"
    )
    return EffectiveSignature(
        normalise(list(sig.parameters.values())),
        return_annotation=sig.return_annotation,
        notes=[note],
    )


def _definition_site(
    func: types.FunctionType, below: list[object]
) -> tuple[Definition, dict[str, Any], str, bool] | None:
    """The decorated ``def``: found from the innermost function's own code, or
    else by the ``__module__``/``__qualname__`` the wrapper carries; and
    whether the innermost of ``below`` is the function the ``def`` created."""
    if below and is_function(below[-1]):
        original = below[-1]
        node = function_node(original.__code__, original.__globals__)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.decorator_list:
            module = original.__globals__.get("__name__")
            where = f"{module}.{node.name}" if isinstance(module, str) else node.name
            # Found from its own code: the def that created it.
            return node, original.__globals__, where, True
    module_name = instance_attr(func, "__module__", None)
    qualname = instance_attr(func, "__qualname__", None)
    if not isinstance(module_name, str) or not isinstance(qualname, str):
        return None
    module = sys.modules.get(module_name)
    filename = static_attr(module, "__file__", None) if module is not None else None
    namespace = namespace_of(module) if module is not None else None
    if not isinstance(filename, str) or namespace is None:
        return None
    tree = module_tree(filename, namespace)
    found = None if tree is None else _find_def(tree, qualname)
    if found is None or not found.decorator_list:
        return None
    created = bool(below) and is_original(below[-1], found)
    return found, namespace, f"{module_name}.{qualname}", created


def is_original(obj: object, node: Definition) -> bool:
    """Is ``obj`` the function the ``def`` itself created (below every decorator)?"""
    if not is_function(obj):
        return False
    code = obj.__code__
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return code.co_name == node.name and code.co_firstlineno == first


def _find_def(tree: ast.Module, qualname: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    body: list[ast.stmt] = tree.body
    parts = qualname.split(".")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        found: ast.stmt | None = None
        for stmt in body:
            if last and isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if stmt.name == part:
                    found = stmt
            elif not last and isinstance(stmt, ast.ClassDef) and stmt.name == part:
                found = stmt
        if found is None:
            return None
        if last:
            assert isinstance(found, (ast.FunctionDef, ast.AsyncFunctionDef))
            return found
        assert isinstance(found, ast.ClassDef)
        body = found.body
    return None


class _Definition:
    """Stands in for the decorated function as an owner: it no longer exists."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<definition of {self.name}>"


def _signature_from_def(
    node: Definition, namespace: dict[str, Any], where: str
) -> EffectiveSignature:
    owner = _Definition(where)
    name = owner.name
    args = node.args

    def annotation(arg: ast.arg) -> Any:
        if arg.annotation is None:
            return EMPTY
        return _evaluate(arg.annotation, namespace)

    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    params: list[EffectiveParameter] = []
    for index, arg in enumerate(positional):
        default = (
            read_default(args.defaults[index - first_default], None)
            if index >= first_default
            else EMPTY
        )
        params.append(
            EffectiveParameter(
                arg.arg,
                PO if index < len(args.posonlyargs) else POK,
                default=default,
                annotation=annotation(arg),
                owner=owner,
                owner_name=name,
            )
        )
    if args.vararg:
        params.append(
            EffectiveParameter(
                args.vararg.arg,
                VAR_POS,
                annotation=annotation(args.vararg),
                owner=owner,
                owner_name=name,
            )
        )
    for arg, default_node in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(
            EffectiveParameter(
                arg.arg,
                KW,
                default=EMPTY if default_node is None else read_default(default_node, None),
                annotation=annotation(arg),
                owner=owner,
                owner_name=name,
            )
        )
    if args.kwarg:
        params.append(
            EffectiveParameter(
                args.kwarg.arg,
                VAR_KW,
                annotation=annotation(args.kwarg),
                owner=owner,
                owner_name=name,
            )
        )
    returns = _evaluate(node.returns, namespace) if node.returns is not None else EMPTY
    return EffectiveSignature(params, return_annotation=returns, __validate_parameters__=False)


def _evaluate(node: ast.expr, namespace: dict[str, Any]) -> Any:
    fake = types.FunctionType(compile("None", "<annotation>", "eval"), namespace)
    return evaluate_annotation(node, fake)


def _lookup(node: ast.expr, namespace: dict[str, Any]) -> Any:
    """The decorator object named by ``@name`` or ``@module.name`` (no calls)."""
    if isinstance(node, ast.Name):
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _lookup(node.value, namespace)
        return None if base is None else static_attr(base, node.attr, None)
    return None


def _decorator_hints(
    node: ast.expr, namespace: dict[str, Any]
) -> tuple[types.FunctionType, Any, Any] | None:
    """(owner, type of the decorated callable, type of the result) for one ``@`` line.

    ``@decorator`` reads the decorator's first parameter and return
    annotations; ``@factory(...)`` reads the factory's return annotation,
    ``Callable[[Callable[P, R]], Callable[Concatenate[Request, P], R]]``.
    """
    is_call = isinstance(node, ast.Call)
    target = _lookup(node.func if isinstance(node, ast.Call) else node, namespace)
    if not is_function(target):
        return None
    try:
        hints = typing.get_type_hints(target)
    except Exception:
        return None
    if is_call:
        args = typing.get_args(hints.get("return"))
        if len(args) != 2 or not isinstance(args[0], list) or len(args[0]) != 1:
            return None
        return target, args[0][0], args[1]
    code = target.__code__
    if code.co_argcount < 1:
        return None
    return target, hints.get(code.co_varnames[0]), hints.get("return")


def _transform(
    sig: EffectiveSignature, decorator: types.FunctionType, incoming: Any, outgoing: Any
) -> EffectiveSignature | None:
    arg_in = _callable_args(incoming)
    arg_out = _callable_args(outgoing)
    if arg_in is None or arg_out is None:
        return None
    prefix_in, spec_in = arg_in
    prefix_out, spec_out = arg_out
    if spec_in is None or spec_in is not spec_out:
        return None
    params = list(sig.parameters.values())
    positional = [p for p in params if p.kind in (PO, POK)]
    if len(positional) < len(prefix_in):
        return None
    drop = {p.name for p in positional[: len(prefix_in)]}
    kept = [p for p in params if p.name not in drop]
    owner = decorator
    name = owner_name(decorator)
    taken = {p.name for p in kept}
    added = []
    for annotation in prefix_out:
        pname = _unique_name(_snake(annotation), taken)
        taken.add(pname)
        added.append(
            EffectiveParameter(pname, PO, annotation=annotation, owner=owner, owner_name=name)
        )
    return_annotation = _return_of(outgoing, incoming, sig.return_annotation)
    return EffectiveSignature(
        normalise([*added, *kept]),
        return_annotation=return_annotation,
        __validate_parameters__=False,
    )


def _callable_args(hint: Any) -> tuple[tuple[Any, ...], Any] | None:
    """``Callable[Concatenate[A, B, P], R]`` -> ((A, B), P)."""
    if typing.get_origin(hint) is not collections.abc.Callable:
        return None
    args = typing.get_args(hint)
    if not args:
        return None
    first = args[0]
    if isinstance(first, typing.ParamSpec):
        return (), first
    if typing.get_origin(first) is typing.Concatenate:
        inner = typing.get_args(first)
        spec = inner[-1] if inner and isinstance(inner[-1], typing.ParamSpec) else None
        return tuple(inner[:-1]), spec
    return None


def _return_of(outgoing: Any, incoming: Any, inner_return: Any) -> Any:
    out_args = typing.get_args(outgoing)
    in_args = typing.get_args(incoming)
    if not out_args:
        return inner_return
    result = out_args[-1]
    if in_args and result is in_args[-1] and isinstance(result, typing.TypeVar):
        return inner_return
    if isinstance(result, typing.TypeVar):
        return inner_return
    return result


def _snake(annotation: Any) -> str:
    name = getattr(annotation, "__name__", None) if isinstance(annotation, type) else None
    if not isinstance(name, str):
        name = str(annotation).rsplit(".", 1)[-1]
    name = re.sub(r"[^0-9A-Za-z_]", "", name) or "arg"
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    return snake if snake.isidentifier() else "arg"


def _unique_name(name: str, taken: set[str]) -> str:
    candidate, index = name, 2
    while candidate in taken:
        candidate = f"{name}{index}"
        index += 1
    return candidate
