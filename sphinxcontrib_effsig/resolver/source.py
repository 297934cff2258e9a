"""Source text and syntax trees of code objects, read once and cached.

Only the function's own block is parsed (from ``co_firstlineno`` to past the
last line its instructions cover, then by indentation); a whole module is
parsed only when the block cannot be cut out on its own (lambdas, odd
formatting) — and then once per file. A block's node is the one the whole
file's parse gives, with its columns, but numbered from the block's first
line: padding the text to the file's numbering made the parser read a blank
line for every line above the function, many times the block's own length.
So a node comes with the lines its numbers index (:class:`FunctionSource`).
A node is checked against the code object (name and parameters) so that a
source file edited after import is detected instead of misread.
"""

from __future__ import annotations

import ast
import itertools
import linecache
import operator
import tokenize
import types
from collections.abc import Callable, Iterable
from typing import NamedTuple

from .caches import current
from .code_names import parameter_names

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


class FunctionSource(NamedTuple):
    """A function's node and the lines its line numbers index (line ``n`` is
    ``lines[n - 1]``): the file's, or its block's."""

    node: FunctionNode
    lines: list[str]


def clear_caches() -> None:
    """Forget every parsed file (call between builds so edits are seen)."""
    current().clear_sources()


def source_lines(filename: str, module_globals: dict[str, object] | None = None) -> list[str]:
    """The current lines of a source file ('' lines for unknown files)."""
    memo = current().source_lines
    lines = memo.get(filename)
    if lines is None:
        try:
            linecache.checkcache(filename)
            lines = linecache.getlines(filename, module_globals)
        except Exception:
            lines = []
        memo[filename] = lines
    return lines


def module_tree(
    filename: str, module_globals: dict[str, object] | None = None
) -> ast.Module | None:
    """The whole file's syntax tree, parsed at most once."""
    memo = current().source_modules
    if filename in memo:
        return memo[filename]
    lines = source_lines(filename, module_globals)
    tree: ast.Module | None = None
    if lines:
        try:
            tree = ast.parse("".join(lines), filename)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            tree = None
    memo[filename] = tree
    return tree


def function_node(
    code: types.CodeType, module_globals: dict[str, object] | None = None
) -> FunctionNode | None:
    """The ``def``/``lambda`` node that compiled to ``code``, or ``None``.

    Its line numbers may be its block's (see :func:`function_source`)."""
    found = function_source(code, module_globals)
    return None if found is None else found.node


def function_source(
    code: types.CodeType, module_globals: dict[str, object] | None = None
) -> FunctionSource | None:
    """The node that compiled to ``code`` with the lines it indexes, or ``None``."""
    memo = current().source_nodes
    hit = memo.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    found = _twin_block(code, module_globals)
    if found is None:
        try:
            found = _find_node(code, module_globals)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            found = None
        if found is not None:
            _remember_block(code, found, module_globals)
    memo[id(code)] = (code, found)
    return found


def _twin_block(
    code: types.CodeType, module_globals: dict[str, object] | None
) -> FunctionSource | None:
    """The block already parsed for an equal code object, where this one's file
    has the very same text there.

    Equal code objects (the same body at the same lines: a module copied
    into another package) say nothing about the text around the body, the
    parameters' annotations and defaults, so a block is shared only where
    the text is the same, line for line.
    """
    twin = current().source_twins.get(code)
    if twin is None:
        return None
    found, text = twin
    start = code.co_firstlineno - 1
    lines = source_lines(code.co_filename, module_globals)
    return found if lines[start : start + len(text)] == text else None


def _remember_block(
    code: types.CodeType, found: FunctionSource, module_globals: dict[str, object] | None
) -> None:
    """Offer a block cut out of its file to equal code objects (see :func:`_twin_block`)."""
    lines = source_lines(code.co_filename, module_globals)
    if found.lines is lines:
        return  # found in the whole file's parse: not a block
    start = code.co_firstlineno - 1
    text = found.lines[1:] if lines[start][:1].isspace() else found.lines  # (without "if 1:")
    current().source_twins.setdefault(code, (found, text))


def _find_node(
    code: types.CodeType, module_globals: dict[str, object] | None
) -> FunctionSource | None:
    filename = code.co_filename
    synthetic = not filename or (filename.startswith("<") and filename.endswith(">"))
    # exec/compile'd code: linecache may still know it (IPython, doctest).
    if synthetic and not linecache.getlines(filename):
        return None
    lines = source_lines(filename, module_globals)
    first = code.co_firstlineno
    if not lines or first < 1 or first > len(lines):
        return None
    if code.co_name != "<lambda>":
        block = _block_node(lines, first, code)
        if block is not None:
            return block
    else:
        lam = _lambda_node(lines, first, code)
        if lam is not None:
            return FunctionSource(lam, lines)
    tree = module_tree(filename, module_globals)
    if tree is None:
        return None
    node = _node_in_tree(filename, tree, code)
    return None if node is None else FunctionSource(node, lines)


def _block_node(lines: list[str], first: int, code: types.CodeType) -> FunctionSource | None:
    """Parse just the decorated ``def`` block that starts at line ``first``.

    The block is bounded first by the lines its instructions start on (cheap
    to read); only where that cut does not parse — a last statement whose
    continuation lines sit left of the body — by the lines they end on.
    """
    start = first - 1
    head = lines[start]
    indent = len(head) - len(head.lstrip())
    tried: set[int] = set()
    for bound in (_last_start_line, _last_line):
        last: int | None = bound(code)
        if last is not None and last <= first:
            # Instructions only on the first line (a body that is only a
            # docstring, or ``...``): the header's own end is the bound.
            last = _header_end(lines, start)
        end = _block_end(lines, start, indent, last)
        if end in tried:
            continue
        tried.add(end)
        node = _parse_block(lines, start, end, indent, code)
        if node is not None:
            return node
    return None


def _parse_block(
    lines: list[str], start: int, end: int, indent: int, code: types.CodeType
) -> FunctionSource | None:
    """The ``def`` compiled to ``code`` among ``lines[start:end]``, parsed.

    An indented block is parsed in place under an ``if``, so that its
    columns and string contents are the file's own.
    """
    block = lines[start:end]
    if indent:
        block.insert(0, "if 1:\n")
    try:
        tree = ast.parse("".join(block))
    except SyntaxError:
        return None
    body = tree.body
    if indent:
        first_stmt = body[0] if body else None
        body = first_stmt.body if isinstance(first_stmt, ast.If) else []
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and _matches(stmt, code):
            return FunctionSource(stmt, block)
    return None


def _block_end(lines: list[str], start: int, indent: int, last: int | None) -> int:
    """Where the block starting at index ``start`` ends (an exclusive index).

    The block runs at least to line ``last`` (the last line the code's
    instructions cover, or its header's end: so a multi-line header or
    decorator that closes at the block's own indentation is inside), and on
    to the next statement indented no deeper than its first line. Without
    ``last``, the header is the lines up to the first one indented deeper.
    """
    in_header = last is None
    # Every line up to ``last`` is inside: no need to look at them.
    end = start + 1 if last is None else max(start + 1, last)
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        if in_header:
            # Decorators and a multi-line def header: keep going until the
            # body starts (the first line indented deeper than the header).
            if stripped and len(text) - len(text.lstrip()) > indent:
                in_header = False
            end += 1
            continue
        if stripped and not stripped.startswith("#") and len(text) - len(text.lstrip()) <= indent:
            break
        end += 1
    return end


def _header_end(lines: list[str], start: int) -> int | None:
    """The line of the colon that ends the ``def`` header starting at index ``start``
    (``None`` where the tokens cannot say)."""
    depth = 0
    seen_def = False
    try:
        for token in tokenize.generate_tokens(iter(lines[start:]).__next__):
            if token.type == tokenize.OP:
                if token.string in "([{":
                    depth += 1
                elif token.string in ")]}":
                    depth -= 1
                elif token.string == ":" and depth == 0 and seen_def:
                    return start + token.start[0]
            elif token.type == tokenize.NAME and token.string == "def" and depth == 0:
                seen_def = True
    except (tokenize.TokenError, SyntaxError):
        return None
    return None


def _last_line(code: types.CodeType) -> int:
    """The last line any instruction of ``code`` (or of code nested in it) covers."""
    return _max_over_code(code, operator.itemgetter(1), types.CodeType.co_positions)


def _last_start_line(code: types.CodeType) -> int:
    """The last line any instruction of ``code`` (or of code nested in it)
    starts on: a lower bound of :func:`_last_line`, read from the line table
    (an entry per line, not per instruction: several times cheaper)."""
    return _max_over_code(code, operator.itemgetter(2), types.CodeType.co_lines)


def _max_over_code(
    code: types.CodeType,
    field: Callable[[tuple[int | None, ...]], int | None],
    entries: Callable[[types.CodeType], Iterable[tuple[int | None, ...]]],
) -> int:
    last = 0
    pending = [code]
    while pending:
        current = pending.pop()
        # C-level iteration: a big function has thousands of instructions.
        last = max(last, max(filter(None, map(field, entries(current))), default=0))
        pending.extend(c for c in current.co_consts if isinstance(c, types.CodeType))
    return last


def _lambda_node(lines: list[str], first: int, code: types.CodeType) -> FunctionNode | None:
    """Parse the few lines a lambda sits on (as a statement, or as an argument)."""
    head = lines[first - 1]
    indent = len(head) - len(head.lstrip())
    for count in range(1, 6):
        text = "".join(lines[first - 1 : first - 1 + count])[indent:].rstrip()
        for prefix, suffix in (("", ""), ("_(", ")"), ("_(", "\n)")):
            try:
                tree = ast.parse(prefix + text.rstrip(",") + suffix)
            except SyntaxError:
                continue
            shift = indent - len(prefix)
            candidates = [
                node
                for node in ast.walk(tree)
                if isinstance(node, ast.Lambda) and node.lineno == 1 and _matches(node, code)
            ]
            found = _pick_lambda(candidates, code, shift)
            if found is not None:
                ast.increment_lineno(found, first - 1)
                return found
    return None


def _pick_lambda(
    candidates: list[ast.Lambda], code: types.CodeType, shift: int
) -> ast.Lambda | None:
    if len(candidates) == 1:
        return candidates[0]
    columns = {
        col
        for (line, _end, col, _endcol) in code.co_positions()
        if line == code.co_firstlineno and col is not None
    }
    for node in candidates:
        body = node.body
        start, end = body.col_offset + shift, (body.end_col_offset or body.col_offset) + shift
        if any(start <= col < end for col in columns):
            return node
    return None


def _node_in_tree(filename: str, tree: ast.Module, code: types.CodeType) -> FunctionNode | None:
    index = current().source_by_line.get(filename)
    if index is None:
        # One walk per file, however many of its functions are looked up.
        index = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                index.setdefault(start, []).append(node)
            elif isinstance(node, ast.Lambda):
                index.setdefault(node.lineno, []).append(node)
        current().source_by_line[filename] = index
    candidates = [n for n in index.get(code.co_firstlineno, ()) if _matches(n, code)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Several lambdas on one line: use the columns the code's instructions
    # point at.
    return _pick_lambda([c for c in candidates if isinstance(c, ast.Lambda)], code, 0)


def _matches(node: FunctionNode, code: types.CodeType) -> bool:
    """Does ``node`` have the name and parameter names ``code`` has?"""
    if isinstance(node, ast.Lambda):
        if code.co_name != "<lambda>":
            return False
    elif node.name != code.co_name:
        return False
    args = node.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    if args.vararg is not None:
        names.append(args.vararg.arg)
    if args.kwarg is not None:
        names.append(args.kwarg.arg)
    return list(parameter_names(code)) == _mangled(names, code)


def _mangled(names: list[str], code: types.CodeType) -> list[str]:
    """Parameter names as the compiler stores them (private names mangled)."""
    return [mangle(name, code) for name in names]


def mangle(name: str, code: types.CodeType) -> str:
    """A private name as the compiler stores it in ``code``: ``__tag`` in
    ``class tagged`` is ``_tagged__tag`` (in its methods and their closures)."""
    if not name.startswith("__") or name.endswith("__"):
        return name
    klass = _enclosing_class(code.co_qualname).lstrip("_")
    return f"_{klass}{name}" if klass else name


def private_name(name: str, code: types.CodeType) -> bool:
    """A class-private name (``__name``) as ``code`` stores it, mangled or not."""
    if name.startswith("__"):
        return not name.endswith("__")
    head, mark, rest = name.partition("__")
    return bool(head and mark and rest) and mangle("__" + rest, code) == name


def _enclosing_class(qualname: str) -> str:
    """The innermost class a qualified name is defined in (it mangles private names).

    A class is a segment followed by a member, not by ``<locals>``:
    ``argmap.__call__.<locals>.func`` is in ``argmap``; ``A.B.method`` in ``B``.
    """
    segments = qualname.split(".")
    found = ""
    for segment, following in itertools.pairwise(segments):
        if segment != "<locals>" and following != "<locals>":
            found = segment
    return found
