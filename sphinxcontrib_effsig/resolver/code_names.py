"""Parameter names as a code object lays them out.

``co_varnames`` begins with the positional parameters, then the keyword-only
ones, then ``*args`` and ``**kwargs`` when the flags say they exist; the
resolver reads that layout in many places, always through these.
"""

from __future__ import annotations

import inspect
import types


def named_parameters(code: types.CodeType) -> tuple[str, ...]:
    """The positional and keyword-only parameter names, in order (no variadics)."""
    return code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]


def star_names(code: types.CodeType) -> tuple[str | None, str | None]:
    """The names of the ``*args`` and ``**kwargs`` parameters of ``code``."""
    index = code.co_argcount + code.co_kwonlyargcount
    varargs = varkw = None
    if code.co_flags & inspect.CO_VARARGS:
        varargs = code.co_varnames[index]
        index += 1
    if code.co_flags & inspect.CO_VARKEYWORDS:
        varkw = code.co_varnames[index]
    return varargs, varkw


def parameter_names(code: types.CodeType) -> tuple[str, ...]:
    """Every parameter name, variadics included, as ``co_varnames`` begins."""
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & inspect.CO_VARARGS)
    count += bool(code.co_flags & inspect.CO_VARKEYWORDS)
    return code.co_varnames[:count]


def code_kinds(code: types.CodeType) -> dict[str, inspect._ParameterKind]:
    """Each parameter name and its kind, as ``inspect.signature`` would give them."""
    positional, posonly = code.co_argcount, code.co_posonlyargcount
    names = code.co_varnames
    kinds: dict[str, inspect._ParameterKind] = {
        names[index]: (
            inspect.Parameter.POSITIONAL_ONLY
            if index < posonly
            else inspect.Parameter.POSITIONAL_OR_KEYWORD
        )
        for index in range(positional)
    }
    end = positional + code.co_kwonlyargcount
    kinds.update(dict.fromkeys(names[positional:end], inspect.Parameter.KEYWORD_ONLY))
    varargs, varkw = star_names(code)
    if varargs is not None:
        kinds[varargs] = inspect.Parameter.VAR_POSITIONAL
    if varkw is not None:
        kinds[varkw] = inspect.Parameter.VAR_KEYWORD
    return kinds
