"""``effsig --check``: every public callable of a package, linted.

Modules are found the way autodoc finds members: a module's ``__all__`` when
it has one, otherwise the public names whose ``__module__`` is that module;
private modules (``_name``) are skipped and subpackages are walked. Each
callable whose effective signature is not fully resolved is a finding.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import importlib
import inspect
import os
import pkgutil
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..resolver import EffectiveSignature, effective_signature
from ..resolver.safe import static_attr, wrapped_of
from ..resolver.walk.unwrap import inner_or_bound, layers
from .show import signature_text

PROGRESS_THRESHOLD = 300
"""Above this many callables, progress is shown on standard error."""


@dataclass(frozen=True)
class Documentable:
    """A callable autodoc would document, and the dotted name it would use."""

    name: str
    obj: object


@dataclass(frozen=True)
class Finding:
    """One line of the report."""

    path: str
    line: int
    name: str
    message: str
    notes: tuple[str, ...] = ()
    signature: str = ""

    def __str__(self) -> str:
        notes = f" ({'; '.join(self.notes)})" if self.notes else ""
        return f"{self.path}:{self.line}: {self.name}: {self.message}{notes}"


@dataclass
class Report:
    """What a check found."""

    modules: int = 0
    checked: int = 0
    without_signature: int = 0
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        unresolved = sum(1 for f in self.findings if not f.message.startswith("cannot import"))
        failed = len(self.findings) - unresolved
        counts = f"{self.checked} callable{'s' if self.checked != 1 else ''}"
        counts += f" in {self.modules} module{'s' if self.modules != 1 else ''}"
        if not self.findings:
            return f"checked {counts}: all resolved"
        problems = [f"{unresolved} unresolved"]
        if failed:
            problems.append(f"{failed} module{'s' if failed != 1 else ''} could not be imported")
        return f"checked {counts}: {', '.join(problems)}"

    def as_data(self) -> dict[str, Any]:
        return {
            "modules": self.modules,
            "checked": self.checked,
            "without_signature": self.without_signature,
            "findings": [
                {
                    "path": f.path,
                    "line": f.line,
                    "name": f.name,
                    "message": f.message,
                    "notes": list(f.notes),
                    "signature": f.signature,
                }
                for f in self.findings
            ],
        }


def check(
    root: types.ModuleType, progress: TextIO | None = None, exclude: Sequence[str] = ()
) -> Report:
    """Lint every public callable of ``root`` and its public submodules.

    ``exclude`` holds :mod:`fnmatch` patterns of dotted names (as
    ``effsig_exclude`` in ``conf.py``): a matching module is not imported,
    a matching callable is not checked.
    """

    def excluded(name: str) -> bool:
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in exclude)

    report = Report()
    callables: list[Documentable] = []
    seen: set[int] = set()
    classes: set[int] = set()
    for module in _walk_modules(root, report, excluded):
        report.modules += 1
        for item in module_callables(module, classes):
            if excluded(item.name):
                continue
            if id(item.obj) not in seen:
                seen.add(id(item.obj))
                callables.append(item)

    show = _progress_printer(len(callables), progress)
    for index, item in enumerate(callables, 1):
        finding = _check_one(item, report)
        if finding is not None:
            report.findings.append(finding)
        show(index)
    return report


def _check_one(item: Documentable, report: Report) -> Finding | None:
    try:
        sig = effective_signature(item.obj)
    except (ValueError, TypeError):
        # inspect.signature cannot handle it either: autodoc shows no signature.
        report.without_signature += 1
        return None
    except Exception as error:
        path, line = location(item.obj)
        return Finding(path, line, item.name, f"resolver error: {type(error).__name__}: {error}")
    finally:
        report.checked += 1
    if sig.resolved:
        return None
    path, line = location(item.obj)
    return Finding(
        path,
        line,
        item.name,
        _unresolved_message(sig),
        notes=sig.notes,
        signature=signature_text(sig),
    )


def _unresolved_message(sig: EffectiveSignature) -> str:
    if sig.presumed:
        return "presumed to pass its arguments on unchanged, as inspect.signature presumes"
    variadic = [
        ("*" if p.kind is inspect.Parameter.VAR_POSITIONAL else "**") + p.name
        for p in sig.parameters.values()
        if p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    if variadic:
        return f"unresolved {', '.join(variadic)}"
    return "fell back to a partial signature"


def _progress_printer(total: int, stream: TextIO | None) -> Callable[[int], None]:
    if stream is None or total <= PROGRESS_THRESHOLD:
        return lambda index: None
    interactive = _isatty(stream)
    step = 50 if interactive else max(total // 10, 1)
    print(f"effsig: checking {total} callables", file=stream, flush=True)

    def show(index: int) -> None:
        if index % step and index != total:
            return
        if interactive:
            end = "\n" if index == total else ""
            print(f"\r  {index}/{total}", end=end, file=stream, flush=True)
        else:
            print(f"  {index}/{total}", file=stream, flush=True)

    return show


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def _walk_modules(
    root: types.ModuleType, report: Report, excluded: Callable[[str], bool]
) -> Iterator[types.ModuleType]:
    """``root`` and its public submodules, depth first, in name order."""
    if excluded(root.__name__):
        return
    yield root
    path = static_attr(root, "__path__")
    if path is None:
        return
    try:
        infos = sorted(pkgutil.iter_modules(path, root.__name__ + "."), key=lambda i: i.name)
    except Exception:
        return
    for info in infos:
        if info.name.rpartition(".")[2].startswith("_") or excluded(info.name):
            continue
        try:
            module = importlib.import_module(info.name)
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            report.findings.append(_import_finding(info, error))
            continue
        yield from _walk_modules(module, report, excluded)


def _import_finding(info: pkgutil.ModuleInfo, error: BaseException) -> Finding:
    spec = None
    with contextlib.suppress(Exception):
        spec = info.module_finder.find_spec(info.name, None)
    origin = getattr(spec, "origin", None) or info.name
    return Finding(
        display_path(origin),
        1,
        info.name,
        f"cannot import: {type(error).__name__}: {error}",
    )


def module_callables(
    module: types.ModuleType, classes_seen: set[int] | None = None
) -> Iterator[Documentable]:
    """The callables autodoc's ``automodule :members:`` would document.

    A class already in ``classes_seen`` (re-exported by another module) is
    not walked again.
    """
    if classes_seen is None:
        classes_seen = set()
    prefix = module.__name__
    for name in _public_names(module):
        try:
            obj = getattr(module, name)
        except Exception:
            continue
        if isinstance(obj, type):
            yield from _class_callables(obj, f"{prefix}.{name}", classes_seen)
        elif is_documentable_callable(obj):
            yield Documentable(f"{prefix}.{name}", obj)


def _public_names(module: types.ModuleType) -> list[str]:
    declared = static_attr(module, "__all__")
    if isinstance(declared, (list, tuple)) and all(isinstance(n, str) for n in declared):
        return list(declared)
    names = []
    for name, obj in _namespace(module):
        if name.startswith("_"):
            continue
        if _defined_in(obj, module.__name__):
            names.append(name)
    return names


def _namespace(obj: object) -> list[tuple[str, object]]:
    """The names defined in a module's or class's own namespace."""
    try:
        return list(vars(obj).items())
    except Exception:
        return []


def _defined_in(obj: object, module_name: str) -> bool:
    try:
        return getattr(obj, "__module__", None) == module_name
    except Exception:
        return False


def _class_callables(cls: type, name: str, seen: set[int]) -> Iterator[Documentable]:
    if id(cls) in seen:
        return
    seen.add(id(cls))
    yield Documentable(name, cls)
    for member, raw in _namespace(cls):
        if member.startswith("_") or isinstance(raw, property):
            continue
        if isinstance(raw, type):
            nested_name = static_attr(raw, "__qualname__")
            if nested_name == f"{cls.__qualname__}.{member}":
                yield from _class_callables(raw, f"{name}.{member}", seen)
            continue
        try:
            value = getattr(cls, member)
        except Exception:
            continue
        if is_documentable_callable(value):
            yield Documentable(f"{name}.{member}", value)


def is_documentable_callable(obj: object) -> bool:
    """Functions, methods, partials and wrappers autodoc documents as functions."""
    if isinstance(obj, type):
        return False
    if inspect.isroutine(obj) or isinstance(obj, functools.partial):
        return True
    # Wrapper objects (functools.lru_cache, wrapt, class-based decorators
    # using update_wrapper): documented as functions when they wrap one.
    try:
        return callable(obj) and wrapped_of(obj) is not None
    except Exception:
        return False


def location(obj: object) -> tuple[str, int]:
    """Where the documented callable is defined: (path, line)."""
    if isinstance(obj, type):
        try:
            filename = inspect.getsourcefile(obj)
            _lines, start = inspect.findsource(obj)
        except Exception:
            pass
        else:
            if filename:
                return display_path(filename), start + 1
    else:
        code = _innermost_code(obj)
        if code is not None:
            return display_path(code.co_filename), code.co_firstlineno
    try:
        module_name = getattr(obj, "__module__", None)
    except Exception:
        module_name = None
    module = sys.modules.get(module_name) if isinstance(module_name, str) else None
    filename = static_attr(module, "__file__") if module is not None else None
    return (display_path(filename) if isinstance(filename, str) else "<unknown>"), 1


def _innermost_code(obj: object) -> types.CodeType | None:
    """The code of the function at the bottom of ``obj``'s layers, if it is one."""
    current = layers(obj, inner_or_bound)[-1]
    if isinstance(current, types.FunctionType):
        return current.__code__
    return None


def display_path(filename: str) -> str:
    """``filename`` relative to the current directory when it is inside it."""
    try:
        relative = os.path.relpath(filename)
    except ValueError:
        return filename
    return filename if relative.startswith(os.pardir) else relative
