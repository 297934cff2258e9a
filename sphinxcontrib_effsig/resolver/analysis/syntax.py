"""Small questions about syntax trees, asked by every idiom module.

Nothing here knows about a wrapper's ``*args``/``**kwargs``; those questions
go through :class:`~.state.Analysis`, which knows which names hold them.
"""

from __future__ import annotations

import ast

#: Per kind of node, the fields that can hold nodes: all but ``ctx``, whose
#: Load/Store/Del marker no question here asks about by walking to it.
_CHILD_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def children(node: ast.AST) -> list[ast.AST]:
    """The nodes directly under ``node``, as :func:`ast.iter_child_nodes`
    yields them but without the ``ctx`` markers, in one call.

    Every wrapper's body is walked several times over; a list built in one
    call costs a fraction of the two generators ``iter_child_nodes`` runs.
    """
    kind = type(node)
    fields = _CHILD_FIELDS.get(kind)
    if fields is None:
        fields = _CHILD_FIELDS[kind] = tuple(f for f in kind._fields if f != "ctx")
    found: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    found.append(item)
    return found


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
