"""Functions without honest source: ``exec``, ``compile``, lambdas, rewritten code.

The resolver reads wrapper bodies from source. Here the source is missing,
shared by several functions on one line, or belongs to something else.
"""

import functools
import types
from typing import Any

_namespace: dict[str, Any] = {"functools": functools}
exec(
    compile(
        "def make_handler(route, *, methods=('GET',)):\n"
        "    return route\n"
        "def forward(func):\n"
        "    @functools.wraps(func)\n"
        "    def wrapper(*args, **kwargs):\n"
        "        return func(*args, **kwargs)\n"
        "    return wrapper\n",
        "<generated>",
        "exec",
    ),
    _namespace,
)

make_handler = _namespace["make_handler"]
"""A function made by ``exec`` of a string (filename ``<generated>``)."""

forwarded_handler = _namespace["forward"](make_handler)
"""An exec-made wrapper (no source anywhere) around an exec-made function."""

_lying: dict[str, Any] = {"functools": functools}
exec(
    compile(
        "def impostor(alpha, beta=2, *args, **kwargs):\n    return alpha\n",
        __file__,  # claims to come from this very file, line 1
        "exec",
    ),
    _lying,
)
impostor = _lying["impostor"]
"""An exec-made function whose code claims to live on line 1 of this file."""

_missing: dict[str, Any] = {}
exec(
    compile(
        "def orphan(*args, **kwargs):\n    return args\n",
        "/nonexistent/path/orphan_module.py",
        "exec",
    ),
    _missing,
)
orphan = _missing["orphan"]
"""An exec-made function whose file does not exist."""

# Several lambdas on one line: the resolver must pick the right one (or give up).
add, sub, forward_all = lambda a, b: a + b, lambda a, b=1: a - b, lambda *a, **k: add(*a, **k)

spread = (lambda *args, **kwargs: add(*args, **kwargs), lambda x, *, y=0: x + y)[0]
"""The first of two lambdas in one tuple; it forwards to :data:`add`."""


def _relocated(func: Any, line: int) -> Any:
    return types.FunctionType(
        func.__code__.replace(co_firstlineno=line),
        func.__globals__,
        func.__name__,
        func.__defaults__,
        func.__closure__,
    )


def _template(*args: Any, **kwargs: Any) -> Any:
    return make_handler(*args, **kwargs)


past_the_end = _relocated(_template, 99999)
"""A wrapper whose code claims a line far past the end of this file."""

on_a_comment = _relocated(_template, 1)
"""A wrapper whose code claims the module docstring's first line."""

renamed = types.FunctionType(
    _template.__code__.replace(co_name="renamed_in_code", co_qualname="renamed_in_code"),
    _template.__globals__,
)
"""A function whose code object's name matches no ``def`` in the source."""
