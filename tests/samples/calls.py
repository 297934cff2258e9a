"""Record what the innermost function of a decorated callable received.

An innermost implementation ends with ``return remember_call()``: the call
stores the calling function's code object and its arguments (read from the
frame's parameter slots). The coherence oracle reads :data:`RECEIVED` after
calling the decorated object to check that every argument landed where the
effective signature says it would.
"""

from __future__ import annotations

import inspect
import sys
import types
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Received:
    """The arguments one call of an innermost function received."""

    code: types.CodeType
    module: str
    arguments: dict[str, Any] = field(default_factory=dict)

    def argument(self, name: str) -> Any:
        """The value of parameter ``name``, also looked up in a ``**kwargs`` dict."""
        if name in self.arguments:
            return self.arguments[name]
        if self.code.co_flags & inspect.CO_VARKEYWORDS:
            extra = self.arguments[parameter_names(self.code)[-1]]
            if name in extra:
                return extra[name]
        raise KeyError(f"{self.code.co_qualname} did not receive {name!r}")


RECEIVED: list[Received] = []


def parameter_names(code: types.CodeType) -> tuple[str, ...]:
    """The names of a code object's parameters, ``*args``/``**kwargs`` included."""
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & inspect.CO_VARARGS)
    count += bool(code.co_flags & inspect.CO_VARKEYWORDS)
    return code.co_varnames[:count]


def remember_call() -> Received:
    """Record the caller's arguments; return the record."""
    frame = sys._getframe(1)
    local = frame.f_locals
    names = parameter_names(frame.f_code)
    module = frame.f_globals.get("__name__", "")
    arguments = {name: local[name] for name in names if name in local}
    received = Received(frame.f_code, module, arguments)
    RECEIVED.append(received)
    return received


def forget_calls() -> None:
    """Start a fresh observation."""
    RECEIVED.clear()
