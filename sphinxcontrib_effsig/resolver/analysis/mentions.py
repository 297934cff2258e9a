"""Which statements can matter to the analysis, told from their source lines.

Every idiom the analysis records reads a name holding the wrapper's
``*args``, ``**kwargs`` or their bound arguments, so a statement whose
lines name none of them records nothing and need not be walked; a body
without ``:=`` binds names in statements only, so its aliases are found
without walking its expressions. The lines are the ones the nodes' line
numbers index (the file's, or the function's block's:
:class:`~..source.FunctionSource`); a test on text is conservative: a
name in a string or a comment only makes a statement read that need not be.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator


def statement_text(lines: list[str], stmt: ast.stmt) -> str | None:
    """The lines ``stmt`` spans, its decorators included; ``None`` where they
    are not in ``lines``."""
    first, last = stmt.lineno, stmt.end_lineno
    decorators: list[ast.expr] | None = getattr(stmt, "decorator_list", None)
    if decorators:
        first = min(first, *(each.lineno for each in decorators))
    if last is None or first < 1 or last > len(lines):
        return None
    return "".join(lines[first - 1 : last])


def mentions(lines: list[str] | None, stmt: ast.stmt, names: Iterable[str]) -> bool:
    """Whether the lines of ``stmt`` mention any of ``names``; ``True`` where
    the lines are unknown."""
    if lines is None:
        return True
    text = statement_text(lines, stmt)
    if text is None:
        return True
    return any(name in text for name in names)


def may_walrus(lines: list[str] | None, body: list[ast.stmt]) -> bool:
    """Whether ``body`` may hold an assignment expression (``:=``), the one way
    to bind a name inside an expression; ``True`` where the lines are unknown."""
    if lines is None or not body:
        return True
    for stmt in body:
        text = statement_text(lines, stmt)
        if text is None or ":=" in text:
            return True
    return False


def statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement of ``body``, at any depth (inside compound statements,
    handlers, match cases, inner functions and classes)."""
    pending = list(body)
    while pending:
        stmt = pending.pop()
        yield stmt
        for name in _BLOCKS:
            block = getattr(stmt, name, None)
            if block:
                pending.extend(block)
        for holder in (*getattr(stmt, "handlers", ()), *getattr(stmt, "cases", ())):
            pending.extend(holder.body)


#: The fields of a statement that hold statements.
_BLOCKS = ("body", "orelse", "finalbody")
