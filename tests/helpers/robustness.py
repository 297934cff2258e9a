"""Running the resolver on objects that may hang it, crash it or crash ``str()``.

Shared by the robustness tests (``test_hostile.py``, ``test_robustness_sweep.py``):

- :func:`resolve_timed` runs ``effective_signature`` under :func:`hang_guard`
  and returns the signature *or* the exception, with the elapsed time;
- :func:`inspect_answer` is the same for ``inspect.signature``;
- :func:`text` and :func:`same_signature` compare signatures whose defaults
  may have a ``repr``/``==`` that raises;
- :func:`describe` turns an escaped exception into a short traceback;
- :func:`strangers` lists parameters attributed to a function that never
  mentions them (a misattributed owner).
"""

from __future__ import annotations

import inspect
import signal
import time
import traceback
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sphinxcontrib_effsig import EffectiveSignature, effective_signature

#: After this long a resolution is considered hung and interrupted.
HANG_LIMIT = 10.0


class ResolutionHung(BaseException):
    """Raised into a hung resolution (a BaseException: no ``except Exception`` swallows it)."""


@contextmanager
def hang_guard(seconds: float = HANG_LIMIT) -> Iterator[None]:
    """Interrupt the block with :class:`ResolutionHung` after ``seconds`` (main thread only)."""

    def interrupt(signum: int, frame: Any) -> None:
        raise ResolutionHung(f"still resolving after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def resolve_timed(obj: object) -> tuple[EffectiveSignature | BaseException, float]:
    """``effective_signature(obj)`` or the exception it raised, and the seconds it took."""
    start = time.perf_counter()
    try:
        with hang_guard():
            result: EffectiveSignature | BaseException = effective_signature(obj)
    except ResolutionHung as hung:
        result = hung
    except Exception as exc:
        result = exc
    return result, time.perf_counter() - start


def inspect_answer(obj: object) -> tuple[inspect.Signature | None, BaseException | None]:
    """What ``inspect.signature`` says: a signature, or the exception it raises."""
    try:
        with hang_guard():
            return inspect.signature(obj), None  # type: ignore[arg-type]
    except (Exception, ResolutionHung) as exc:
        return None, exc


def allowed_error(ours: BaseException, theirs: BaseException | None) -> bool:
    """SPEC 1.1: only the ``ValueError``/``TypeError`` inspect raises too (same class)."""
    return (
        isinstance(ours, (ValueError, TypeError))
        and theirs is not None
        and type(ours) is type(theirs)
    )


def text(sig: inspect.Signature) -> str:
    """``str(sig)``, or a description when a default's or annotation's ``repr`` raises."""
    try:
        return str(sig)
    except Exception as exc:
        return f"<str() raised {type(exc).__name__}>"


def same_signature(ours: inspect.Signature, theirs: inspect.Signature) -> bool:
    """``ours == theirs``, tolerating defaults whose ``==`` raises (compared by identity)."""
    try:
        return bool(ours == theirs)
    except Exception:
        pass
    mine, other = list(ours.parameters.values()), list(theirs.parameters.values())
    return len(mine) == len(other) and all(
        (a.name, a.kind) == (b.name, b.kind)
        and a.default is b.default
        and a.annotation is b.annotation
        for a, b in zip(mine, other)
    )


def describe(exc: BaseException) -> str:
    """The exception and the innermost frames, for a readable failure."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    where = "".join(traceback.format_list(frames))
    return f"{type(exc).__name__}: {exc}\n{where}"


_CODE_NAMES: dict[types.CodeType, frozenset[str]] = {}


def names_in_code(code: types.CodeType) -> frozenset[str]:
    """Every identifier and string constant in ``code`` and the code nested in it."""
    if code not in _CODE_NAMES:
        names = set(code.co_varnames) | set(code.co_names) | set(code.co_freevars)
        for const in code.co_consts:
            if isinstance(const, str):
                names.add(const)
            elif isinstance(const, tuple):
                names.update(item for item in const if isinstance(item, str))
            elif isinstance(const, types.CodeType):
                names |= names_in_code(const)
        _CODE_NAMES[code] = frozenset(names)
    return _CODE_NAMES[code]


def signature_names(func: types.FunctionType) -> set[str]:
    """Names in the explicit signatures a function carries or closes over.

    ``func.__signature__``, and ``inspect.Signature`` objects in its closure
    cells (``unittest.mock``'s autospec checks calls with ``sig.bind``).
    """
    found: list[object] = [func.__dict__.get("__signature__")]
    for cell in func.__closure__ or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    return {name for sig in found if isinstance(sig, inspect.Signature) for name in sig.parameters}


def strangers(sig: EffectiveSignature) -> list[str]:
    """Parameters attributed to a Python function that has never heard of them.

    A parameter's owner must declare it, mention its name in its code (a
    popped or supplied keyword) or annotations (a ``Concatenate`` type), or
    carry or close over an explicit signature that has it. Owners that are
    not Python functions (classes, C callables) are not checked.
    """
    found = []
    for param in sig.parameters.values():
        owner = param.owner
        if isinstance(owner, types.MethodType):
            owner = owner.__func__
        if not isinstance(owner, types.FunctionType):
            continue
        if param.name in names_in_code(owner.__code__):
            continue
        if param.name in signature_names(owner):
            continue
        try:
            annotations = str(inspect.get_annotations(owner)).lower()
        except Exception:
            annotations = ""
        if param.name.replace("_", "") in annotations.replace("_", ""):
            continue
        found.append(f"{param.name} (owner {param.owner_name})")
    return found
