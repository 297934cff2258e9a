"""Code objects of inline source, compiled and never run, for stage tests."""

from __future__ import annotations

import types


def code_named(code: types.CodeType, name: str) -> types.CodeType:
    """The code object named ``name`` among ``code``'s constants, depth first."""
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            if const.co_name == name:
                return const
            try:
                return code_named(const, name)
            except LookupError:
                continue
    raise LookupError(name)
