"""What the source says, as written: defaults, docstrings, the files read.

The documentation layer shows some things exactly as the author wrote them
(``autodoc_preserve_defaults``; a decorator's own docstring, which
``functools.wraps`` replaced at run time). Reading them needs the parsed
source the resolver already holds, so they are answered here, from the
same per-build caches.
"""

from __future__ import annotations

import ast
import inspect
import types

from .analysis import OPTIONAL, effect_of
from .model import EffectiveSignature
from .safe import is_function
from .source import function_node, function_source
from .walk.unwrap import wrapper_chain


def source_files(obj: object, sig: EffectiveSignature) -> set[str]:
    """The source files ``sig`` was read from: every wrapper's and every owner's.

    A documentation tool re-reads a page when one of them changes.
    """
    files: set[str] = set()
    holders = [*wrapper_chain(obj), *(param.owner for param in sig.parameters.values())]
    for holder in holders:
        if issubclass(type(holder), types.MethodType):
            holder = holder.__func__
        # Functions only, read without getattr: an owner may be any object
        # (a callable instance, a proxy) whose attribute access runs its code.
        if is_function(holder) and not holder.__code__.co_filename.startswith("<"):
            files.add(holder.__code__.co_filename)
    return files


def docstring_as_written(func: object) -> str | None:
    """The docstring in a function's ``def``, whatever its ``__doc__`` became."""
    code = getattr(func, "__code__", None)
    if not isinstance(code, types.CodeType):
        return None
    module_globals = getattr(func, "__globals__", None)
    node = function_node(code, module_globals if isinstance(module_globals, dict) else None)
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    return ast.get_docstring(node, clean=False)


def default_as_written(param: inspect.Parameter) -> str | None:
    """The default of ``param`` as written by its owner, if found: in its
    ``def`` line, or where its body pops the keyword
    (``kwargs.pop("context", DEFAULT_CONTEXT)``).

    Only for parameters whose owner is a Python function. The resolver gives
    a popped default as the value it reads there; this is its text, for a
    value with no spelling of its own (``<ssl.SSLContext object>``).
    """
    return _as_written(param, def_line=True)


def popped_default_as_written(param: inspect.Parameter) -> str | None:
    """:func:`default_as_written`, only for a default its owner's body pops:
    one that no ``def`` line, and so no plain autodoc page, shows."""
    return _as_written(param, def_line=False)


def _as_written(param: inspect.Parameter, *, def_line: bool) -> str | None:
    """The default's text: from the ``def`` line (where ``def_line``) or the body's pop."""
    owner = getattr(param, "owner", None)
    if isinstance(owner, types.MethodType):
        owner = owner.__func__
    if not isinstance(owner, types.FunctionType):
        return None
    found = function_source(owner.__code__, owner.__globals__)
    if found is None:
        return None
    expr = _default_expression(found.node.args, param.name)
    if expr is not None and not def_line:
        return None
    if expr is None:
        expr = _popped_default(owner, param.name)
    if expr is None:
        return None
    return _segment(found.lines, expr, found.node.lineno) or ast.unparse(expr)


def _popped_default(owner: types.FunctionType, name: str) -> ast.expr | None:
    """The default expression of ``kwargs.pop(name, default)`` in ``owner``'s
    body, where there is one (not one chosen between ``if`` arms)."""
    code = owner.__code__
    if not code.co_flags & inspect.CO_VARKEYWORDS:
        return None
    effect = effect_of(code, owner.__globals__)
    if name in effect.popped_in_arms:
        return None
    expr = effect.popped.get(name)
    return expr if isinstance(expr, ast.expr) and expr is not OPTIONAL else None


def _default_expression(args: ast.arguments, name: str) -> ast.expr | None:
    positional = [*args.posonlyargs, *args.args]
    offset = len(positional) - len(args.defaults)
    for index, arg in enumerate(positional):
        if arg.arg == name:
            return args.defaults[index - offset] if index >= offset else None
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=False):
        if arg.arg == name:
            return default
    return None


def _segment(lines: list[str], expr: ast.expr, first_line: int) -> str | None:
    """The single-line source text of ``expr``; checked against the parsed node.

    The node may come from a dedented block, so its columns are tried both
    as they are and shifted by the block's indentation.
    """
    end_line = getattr(expr, "end_lineno", None)
    end_col = getattr(expr, "end_col_offset", None)
    if expr.lineno != end_line or end_col is None or not 0 < expr.lineno <= len(lines):
        return None
    line = lines[expr.lineno - 1]
    head = lines[first_line - 1] if 0 < first_line <= len(lines) else ""
    indent = len(head) - len(head.lstrip())
    expected = ast.dump(expr, annotate_fields=False, include_attributes=False)
    for shift in {0, indent}:
        text = line[expr.col_offset + shift : end_col + shift]
        try:
            parsed = ast.parse(text, mode="eval").body
        except SyntaxError:
            continue
        if ast.dump(parsed, annotate_fields=False, include_attributes=False) == expected:
            return text
    return None
