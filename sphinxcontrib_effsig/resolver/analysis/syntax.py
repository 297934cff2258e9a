"""Small questions about syntax trees, asked by every idiom module.

Nothing here knows about a wrapper's ``*args``/``**kwargs``; those questions
go through :class:`~.state.Analysis`, which knows which names hold them.
"""

from __future__ import annotations

import ast
import types
import typing

#: Per kind of node, the fields that can hold nodes, each with whether it
#: holds a list: all but ``ctx``, whose Load/Store/Del marker no question
#: here asks about by walking to it, and (where the node classes declare
#: their fields' types, Python 3.13+) all but those holding names, numbers
#: or constants.
_CHILD_FIELDS: dict[type[ast.AST], tuple[tuple[str, bool | None], ...]] = {}


def children(node: ast.AST) -> list[ast.AST]:
    """The nodes directly under ``node``, as :func:`ast.iter_child_nodes`
    yields them but without the ``ctx`` markers, in one call.

    Every wrapper's body is walked several times over; a list built in one
    call costs a fraction of the two generators ``iter_child_nodes`` runs.
    """
    kind = type(node)
    fields = _CHILD_FIELDS.get(kind)
    if fields is None:
        fields = _CHILD_FIELDS[kind] = _child_fields(kind)
    found: list[ast.AST] = []
    for name, holds_list in fields:
        value = getattr(node, name, None)
        if holds_list:
            # Declared a list of nodes; some hold None (``{**d}``'s key).
            if value:
                if None in value:
                    found.extend(item for item in value if item is not None)
                else:
                    found.extend(value)
        elif holds_list is not None:
            if value is not None:
                found.append(value)
        elif isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


def _child_fields(kind: type[ast.AST]) -> tuple[tuple[str, bool | None], ...]:
    """The fields of ``kind`` that can hold nodes: ``True`` for a list of nodes,
    ``False`` for one node (or ``None``), ``None`` where the type is not
    declared (checked value by value)."""
    declared: dict[str, object] = getattr(kind, "_field_types", None) or {}
    fields: list[tuple[str, bool | None]] = []
    for name in kind._fields:
        if name == "ctx":
            continue
        holds = _holds_nodes(declared[name]) if name in declared else "unknown"
        if holds != "leaf":
            fields.append((name, _HOLDS[holds]))
    return tuple(fields)


_HOLDS: dict[str, bool | None] = {"list": True, "node": False, "unknown": None}


def _holds_nodes(declared: object) -> str:
    """``"list"`` (of nodes), ``"node"`` (or ``None``), ``"leaf"`` (names,
    numbers, constants), or ``"unknown"`` (checked at each read)."""
    if isinstance(declared, type):
        if issubclass(declared, ast.AST):
            return "node"
        # ``object``: a constant's value (a parsed tree never holds a node there).
        return "leaf" if declared in (str, int, bool, bytes, object) else "unknown"
    origin = typing.get_origin(declared)
    members = typing.get_args(declared)
    if origin is list and len(members) == 1:
        member = members[0]
        if isinstance(member, type) and issubclass(member, ast.AST):
            return "list"
        return "leaf" if member in (str, int) else "unknown"
    if origin in (types.UnionType, typing.Union):
        others = [m for m in members if m is not type(None)]
        if all(isinstance(m, type) and issubclass(m, ast.AST) for m in others):
            return "node"
        if all(m in (str, int) for m in others):
            return "leaf"
    return "unknown"


def walk(node: ast.AST) -> list[ast.AST]:
    """Every node under ``node`` and itself, breadth first as :func:`ast.walk`
    gives them (without the ``ctx`` markers)."""
    found = [node]
    for current in found:  # the list grows behind the loop: breadth first
        found.extend(children(current))
    return found


def const_str(node: ast.expr | None) -> str | None:
    """``"timeout"`` -> ``"timeout"``; anything but a string literal -> ``None``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def const_keys(node: ast.expr | None) -> list[str] | None:
    """``{"a": 1, "b": 2}`` -> ``["a", "b"]``; ``None`` unless every key is a literal."""
    if not isinstance(node, ast.Dict):
        return None
    keys = [const_str(k) for k in node.keys]
    if any(k is None for k in keys):
        return None
    return [k for k in keys if k is not None]


def is_name(node: ast.AST | None, names: set[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def is_partial(node: ast.expr) -> bool:
    """``partial`` or ``functools.partial``, as written."""
    if isinstance(node, ast.Name):
        return node.id == "partial"
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "partial"
        and isinstance(node.value, ast.Name)
        and node.value.id == "functools"
    )


def always_raises(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Raise)


def always_exits(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise))


def parameter_names(args: ast.arguments) -> set[str]:
    """Every name a ``def``/``lambda`` binds as a parameter, ``*``/``**`` included."""
    names = {p.arg for p in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    for star in (args.vararg, args.kwarg):
        if star is not None:
            names.add(star.arg)
    return names


def outside_calls(node: ast.AST) -> list[ast.AST]:
    """Nodes of ``node`` not inside a call (calls are analysed on their own:
    ``*(func(url, **kwargs) for url in urls)`` and ``*func(*args, **kwargs)``
    forward through the inner call)."""
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        if isinstance(current, ast.Call):
            continue
        stack.extend(children(current))
    return found


def unparse(node: ast.AST) -> str:
    """The expression as :func:`ast.unparse` writes it; a name or a dotted
    name (most callees and arguments) without its generic writer."""
    parts: list[str] = []
    current = node
    while type(current) is ast.Attribute:
        parts.append(current.attr)
        current = current.value
    if type(current) is ast.Name:
        parts.append(current.id)
        return ".".join(reversed(parts))
    try:
        return ast.unparse(node)
    except Exception:
        return "<expression>"


def local_names(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """The names a nested function binds itself (its parameters and the names it
    assigns, unless declared ``nonlocal``/``global``): inside it they are not
    the wrapper's (``def inner(): args = (1,)`` leaves the wrapper's ``*args``)."""
    names = set(parameter_names(node.args))
    if isinstance(node, ast.Lambda):
        return names
    declared: set[str] = set()
    stack: list[ast.AST] = list(node.body)
    while stack:
        current = stack.pop()
        if isinstance(current, (ast.Nonlocal, ast.Global)):
            declared.update(current.names)
        elif isinstance(current, ast.Name) and isinstance(current.ctx, ast.Store):
            names.add(current.id)
        elif isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(current.name)
            continue  # its own scope
        elif isinstance(current, ast.Lambda):
            continue
        stack.extend(children(current))
    return names - declared
