"""Finding the object a command-line argument names, with errors a person can act on.

``pkg.mod.func`` imports the longest importable prefix and walks the rest as
attributes; ``pkg.mod:Class.method`` says explicitly where the module ends.
A name that does not exist is a :class:`NotFound` (one line, with a
suggestion when a close name exists); an exception raised while importing
the user's code is an :class:`ImportFailed` carrying that exception.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import inspect
import os
import pkgutil
import sys
import traceback
import types
from dataclasses import dataclass


class CliError(Exception):
    """A problem with the user's input or code: reported, exit status 2."""

    def render(self) -> str:
        """The text shown to the user (without the ``effsig:`` prefix)."""
        return str(self)


class NotFound(CliError):
    """A module or attribute that does not exist."""


class ImportFailed(CliError):
    """Importing (or reading an attribute of) the user's code raised."""

    def __init__(self, what: str, error: BaseException) -> None:
        super().__init__(f"{what} failed: {type(error).__name__}: {error}")
        self.what = what
        self.error = error

    def render(self) -> str:
        return f"{self.what} failed:\n{format_user_traceback(self.error)}"


def format_user_traceback(error: BaseException) -> str:
    """The exception's traceback without the import machinery's and our frames."""
    report = traceback.TracebackException.from_exception(error)
    frames = [
        frame
        for frame in report.stack
        if not frame.filename.startswith("<frozen ") and not _is_own_frame(frame.filename)
    ]
    report.stack = traceback.StackSummary.from_list(frames)
    return "".join(report.format()).rstrip("\n")


_IMPORT_MACHINERY = os.path.dirname(importlib.__file__) + os.sep


def _is_own_frame(filename: str) -> bool:
    return filename == __file__ or filename.startswith(_IMPORT_MACHINERY)


@dataclass(frozen=True)
class Target:
    """What a command-line argument named."""

    name: str
    """The dotted name to show, e.g. ``myapp.client.Client.get``."""
    obj: object
    module: types.ModuleType


def import_module(name: str) -> types.ModuleType:
    """Import ``name``; :class:`NotFound` if it does not exist."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if _names_missing(error, name):
            raise NotFound(_no_module_message(name, error)) from None
        raise ImportFailed(f"importing {name!r}", error) from error
    except Exception as error:
        raise ImportFailed(f"importing {name!r}", error) from error


def find_target(spec: str) -> Target:
    """The object ``spec`` (``pkg.mod.attr`` or ``pkg.mod:Attr.path``) names."""
    if ":" in spec:
        module_name, _, attribute_path = spec.partition(":")
        if not module_name or not attribute_path:
            raise NotFound(f"{spec!r} is not of the form 'package.module:Attribute.path'")
        module = import_module(module_name)
        parts = attribute_path.split(".")
    else:
        module, parts = _import_longest_prefix(spec)
        if not parts:
            shadowing = _attribute_shadowing(module)
            if shadowing is not None:
                return shadowing
    obj: object = module
    walked = module.__name__
    for part in parts:
        obj = _attribute(obj, walked, part)
        walked = f"{walked}.{part}"
    return Target(name=walked, obj=obj, module=module)


def _import_longest_prefix(spec: str) -> tuple[types.ModuleType, list[str]]:
    parts = spec.split(".")
    if not all(parts):
        raise NotFound(f"{spec!r} is not a dotted name")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        try:
            return importlib.import_module(name), parts[end:]
        except ModuleNotFoundError as error:
            if _names_missing(error, name):
                if end == 1:
                    raise NotFound(_no_module_message(name, error)) from None
                continue
            raise ImportFailed(f"importing {name!r}", error) from error
        except Exception as error:
            raise ImportFailed(f"importing {name!r}", error) from error
    raise NotFound(f"no module named {parts[0]!r}")  # pragma: no cover - loop always returns


def _attribute_shadowing(module: types.ModuleType) -> Target | None:
    """``pkg.name`` where ``pkg`` defines ``name`` over its own submodule ``pkg.name``.

    ``tenacity.retry`` is both a submodule and, in ``tenacity``'s namespace,
    the ``retry`` function; like autodoc's ``autofunction``, prefer the
    callable the parent exposes.
    """
    parent_name, _, leaf = module.__name__.rpartition(".")
    parent = sys.modules.get(parent_name) if parent_name else None
    if parent is None:
        return None
    try:
        exposed = inspect.getattr_static(parent, leaf)
    except AttributeError:
        return None
    if isinstance(exposed, types.ModuleType) or not callable(exposed):
        return None
    return Target(name=module.__name__, obj=exposed, module=parent)


def _names_missing(error: ModuleNotFoundError, name: str) -> bool:
    """Is ``error`` about ``name`` (or a parent of it) not existing?

    A module that exists but imports a missing dependency raises a
    ``ModuleNotFoundError`` too; that one is an import failure.
    """
    missing = error.name
    return missing is not None and (name == missing or name.startswith(missing + "."))


def _no_module_message(name: str, error: ModuleNotFoundError) -> str:
    missing = error.name or name
    message = f"no module named {missing!r}"
    parent, _, leaf = missing.rpartition(".")
    if parent:
        try:
            package = importlib.import_module(parent)
        except Exception:
            return message
        message += _suggestion(leaf, _names_in(package))
    return message


def _attribute(obj: object, owner_name: str, part: str) -> object:
    try:
        return getattr(obj, part)
    except AttributeError:
        pass
    except Exception as error:
        raise ImportFailed(f"reading {owner_name}.{part}", error) from error
    kind = "module" if isinstance(obj, types.ModuleType) else "object"
    what = "attribute or submodule" if hasattr(obj, "__path__") else "attribute"
    message = f"{kind} {owner_name!r} has no {what} {part!r}"
    raise NotFound(message + _suggestion(part, _names_in(obj)))


def _names_in(obj: object) -> list[str]:
    try:
        names = set(dir(obj))
    except Exception:
        names = set()
    path = getattr(obj, "__path__", None) if isinstance(obj, types.ModuleType) else None
    if path is not None:
        with contextlib.suppress(Exception):
            names.update(info.name for info in pkgutil.iter_modules(path))
    return sorted(name for name in names if not name.startswith("__"))


def _suggestion(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
