"""sigtools' own signature fixtures, read from its installed test modules.

sigtools (a peer: it also works out where ``*args``/``**kwargs`` go) ships
its tests. Four of its fixture classes pair a function with the signature
sigtools expects for it: ``AutoforwardsTests`` (in ``test_autoforwards`` and
in ``test_autoforwards_pep563``, the same source compiled with postponed
annotations), ``WrapperTests`` (``test_decorator``) and
``WrapperDecoratorTests`` (``test_wrapper_decorator``). They are
``repeated_test.Fixtures`` classes: each class attribute that does not start
with ``_`` or ``test_`` is a tuple ``(func, expected, ...)`` (``@tup(...)``
on a function makes the function the first item), and the metaclass keeps
their names in ``_repeated_test__lines``. The fixtures are enumerated from
there and the modules imported, not copied: 52 in sigtools 4.0.1.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: (module, fixture class) pairs whose fixtures state an expected signature.
SOURCES = [
    ("sigtools.tests.test_autoforwards", "AutoforwardsTests"),
    ("sigtools.tests.test_autoforwards_pep563", "AutoforwardsTests"),
    ("sigtools.tests.test_decorator", "WrapperTests"),
    ("sigtools.tests.test_wrapper_decorator", "WrapperDecoratorTests"),
]


@dataclass(frozen=True)
class Fixture:
    """One sigtools fixture: the callable and the signature sigtools expects."""

    id: str  # "<module without test_>.<fixture name>", e.g. "autoforwards.kwo"
    func: Any
    expected: str  # sigtools' parameter list, e.g. "a, b, *, z"

    def expected_signature(self) -> inspect.Signature:
        from sigtools import support

        sig: inspect.Signature = support.s(self.expected)
        return sig


@contextlib.contextmanager
def _plain_imports() -> Iterator[None]:
    """Import without pytest's assertion-rewriting finder.

    It claims every ``test_*.py``, sigtools' too, and its loader has no
    ``get_source``, which ``test_autoforwards_pep563`` calls to recompile
    ``test_autoforwards`` with postponed annotations.
    """
    saved = list(sys.meta_path)
    sys.meta_path[:] = [f for f in saved if type(f).__name__ != "AssertionRewritingHook"]
    try:
        with warnings.catch_warnings():
            # test_autoforwards calls ``None(*p, **k)`` on purpose.
            warnings.simplefilter("ignore", SyntaxWarning)
            yield
    finally:
        sys.meta_path[:] = saved


def fixtures() -> list[Fixture]:
    """Every fixture of :data:`SOURCES`, in definition order."""
    found = []
    for module_name, class_name in SOURCES:
        with _plain_imports():
            module = importlib.import_module(module_name)
        cls = getattr(module, class_name)
        short = module_name.rsplit(".", 1)[1].removeprefix("test_")
        for key in cls._repeated_test__lines:
            if key.startswith(("_", "test_")):
                continue
            value = cls.__dict__[key]
            found.append(Fixture(f"{short}.{key}", value[0], value[1]))
    return found
