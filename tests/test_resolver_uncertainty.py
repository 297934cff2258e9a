"""When the truth is unknown (SPEC 1.5), and when there is nothing to resolve.

A wrapper whose forwarding cannot be read from its code (dynamic dispatch
through ``getattr``, rebuilt ``args``/``kwargs``, ``exec``, a C function such
as ``map``, a callee the caller chooses) but that declares what it wraps
(``functools.wraps`` sets ``__wrapped__``) is *presumed* to pass its arguments
on unchanged, as PEP 362, ``inspect`` and autodoc presume: the result is the
wrapped function's signature with every edit that was proven applied (the
wrapper's own named parameters, provable layers around it), marked
``resolved=False`` and ``presumed=True``, with a note naming the decorator
to look at. Without ``__wrapped__`` nothing is presumed: ``*args``/``**kwargs``
stay.

A plain callable gets exactly ``inspect.signature``'s answer.
"""

from __future__ import annotations

import inspect

import pytest
from helpers.expect import Case, cases, check, load, owned

from sphinxcontrib_effsig import effective_signature

U = "samples.uncertain_wrappers"
P = "samples.uncertain_plain"

PRESUMED = [
    Case(
        # The callee is ``getattr(BACKENDS, backend)``, chosen at call time.
        "dynamic-dispatch-through-getattr",
        f"{U}.render_report",
        "(report_id: int, *, fmt: str = 'pdf', backend: str = 'local')",
        {
            **owned(f"{U}.render_report", "report_id", "fmt"),
            **owned(f"{U}.dispatch_to_backend", "backend"),
        },
        resolved=False,
        note="dispatch_to_backend is presumed to pass its arguments on",
    ),
    Case(
        # ``args`` and ``kwargs`` are rebuilt before the call (keyword names
        # are even lower-cased): what autodoc shows, marked as presumed.
        "reassigned-args-and-kwargs",
        f"{U}.scale",
        "(width: int, height: int, *, factor: float = 1.0)",
        owned(f"{U}.scale", "width", "height", "factor"),
        resolved=False,
        note="coerce_numbers",
    ),
    Case(
        # The call happens inside ``exec``; ``retries`` is the wrapper's own
        # named parameter, so it is proven and kept.
        "forwarding-inside-exec",
        f"{U}.evaluate",
        "(expression: str, *, precision: int = 2, retries: int = 1)",
        {**owned(f"{U}.evaluate", "expression", "precision"), **owned(f"{U}.sandboxed", "retries")},
        resolved=False,
        note="sandboxed",
    ),
    Case(
        # ``map(func, *columns)``: opaque C code decides what the function
        # receives; presumed like everything that declares ``__wrapped__``.
        # The wrapper takes no keywords (``*columns`` only): positional-only.
        "forwarding-through-c-code",
        f"{U}.add",
        "(a: float, b: float, /) -> list[typing.Any]",
        owned(f"{U}.add", "a", "b"),
        resolved=False,
        note="vectorized",
    ),
    Case(
        # ``implementation or func``: the callee may be anything the caller
        # passes; the wrapper's own keyword is proven.
        "callee-chosen-by-the-caller",
        f"{U}.charge_card",
        "(card: str, amount: int, *, currency: str = 'EUR', implementation=None)",
        {
            **owned(f"{U}.charge_card", "card", "amount", "currency"),
            **owned(f"{U}.overridable", "implementation"),
        },
        resolved=False,
        note="overridable",
    ),
    Case(
        # A constructor presumed so: ``self`` is the instance being made,
        # bound in the presumed target as in the class's own signature.
        "constructor-behind-dynamic-dispatch",
        f"{U}.Renderer",
        "(template: str, *, strict: bool = False, backend: str = 'local') -> None",
        {
            **owned(f"{U}.Renderer.__init__", "template", "strict"),
            **owned(f"{U}.dispatch_to_backend", "backend"),
        },
        resolved=False,
        note="dispatch_to_backend is presumed to pass its arguments on",
    ),
    Case(
        # A provable ``retry`` around the unprovable layer: ``retries`` is
        # proven and kept, the inner layer is presumed.
        "provable-layer-around-unprovable-one",
        f"{U}.export_report",
        "(report_id: int, *, fmt: str = 'pdf', backend: str = 'local', retries: int = 3)",
        {
            **owned(f"{U}.export_report", "report_id", "fmt"),
            **owned(f"{U}.dispatch_to_backend", "backend"),
            **owned(f"{U}.retry", "retries"),
        },
        resolved=False,
        note="dispatch_to_backend",
    ),
]


@cases(PRESUMED)
def test_unprovable_forwarding_through_a_declared_wrapper_is_presumed(case: Case) -> None:
    sig = check(case)
    assert sig.presumed


@pytest.mark.parametrize(
    "path", [f"{U}.{name}" for name in ("render_report", "scale", "add", "Renderer")]
)
def test_a_presumed_signature_is_at_least_what_inspect_says(path: str) -> None:
    obj = load(path)
    presumed, shown = effective_signature(obj), inspect.signature(obj)
    assert set(shown.parameters) <= set(presumed.parameters)
    assert not presumed.resolved and presumed.notes


def _bound_distance() -> object:
    from samples.uncertain_plain import Point

    return Point(1.0).distance


PLAIN = [
    Case("annotated", f"{P}.add", "(a: int, b: int) -> int", owned(f"{P}.add", "a", "b")),
    Case(
        "all-parameter-kinds",
        f"{P}.connect",
        "(host: str, port: int = 5432, /, database: str = 'app', *, timeout: float = 5.0) -> None",
        owned(f"{P}.connect", "host", "port", "database", "timeout"),
    ),
    Case(
        "var-positional-and-var-keyword",
        f"{P}.log",
        "(message: str, *args: Any, level: int = 20, **extra: Any) -> None",
        owned(f"{P}.log", "message", "args", "level", "extra"),
    ),
    Case(
        # A plain ``(*args, **kwargs)`` function forwards nothing: it is exact.
        "only-star-args",
        f"{P}.forward",
        "(*args, **kwargs)",
        owned(f"{P}.forward", "args", "kwargs"),
    ),
    Case(
        "unannotated",
        f"{P}.untyped",
        "(a, b=None, *rest, flag=False)",
        owned(f"{P}.untyped", "a", "b", "rest", "flag"),
    ),
    Case(
        "coroutine-function",
        f"{P}.fetch",
        "(url: str, *, retries: int = 3) -> bytes",
        owned(f"{P}.fetch", "url", "retries"),
    ),
    Case(
        "generator-function",
        f"{P}.lines",
        "(path: str) -> collections.abc.Iterator[str]",
        owned(f"{P}.lines", "path"),
    ),
    Case("lambda", f"{P}.square", "(x)", owned(f"{P}.<lambda>", "x")),
    Case(
        "mutable-default",
        f"{P}.with_mutable_default",
        "(items: list[int] = [1, 2], *, sep: str = ',') -> str",
        owned(f"{P}.with_mutable_default", "items", "sep"),
    ),
    Case("no-parameters", f"{P}.nothing", "() -> None", {}),
    Case(
        "class",
        f"{P}.Point",
        "(x: float, y: float = 0.0) -> None",
        owned(f"{P}.Point.__init__", "x", "y"),
    ),
    Case(
        "function-in-class",
        f"{P}.Point.distance",
        "(self, other: 'Point', /) -> float",
        owned(f"{P}.Point.distance", "self", "other"),
    ),
    Case(
        "bound-method",
        _bound_distance,
        "(other: 'Point', /) -> float",
        owned(f"{P}.Point.distance", "other"),
    ),
    Case(
        "classmethod",
        f"{P}.Point.origin",
        "(*, dims: int = 2) -> 'Point'",
        owned(f"{P}.Point.origin", "dims"),
    ),
    Case(
        "staticmethod",
        f"{P}.Point.parse",
        "(text: str) -> 'Point'",
        owned(f"{P}.Point.parse", "text"),
    ),
    Case("builtin", lambda: len, "(obj, /)", owned("builtins.len", "obj")),
    Case(
        "builtin-keyword-only",
        lambda: sorted,
        "(iterable, /, *, key=None, reverse=False)",
        owned("builtins.sorted", "iterable", "key", "reverse"),
    ),
]


@cases(PLAIN)
def test_plain_callable_is_exactly_inspects_answer(case: Case) -> None:
    sig = check(case)
    obj = case.obj()
    assert sig == inspect.signature(obj)
    assert sig.notes == ()
    for name, param in sig.parameters.items():
        assert param.default is inspect.signature(obj).parameters[name].default


class ChannelClosedError(Exception):
    """An exception class without a constructor of its own (inspect raises for it)."""


class LookupFailedError(KeyError):
    """Two builtin bases, still nothing written in Python."""


@pytest.mark.parametrize(
    "obj",
    [42, "not callable", max, getattr, ChannelClosedError, LookupFailedError],
    ids=[
        "int",
        "str",
        "builtin-max",
        "builtin-getattr",
        "exception-class",
        "exception-class-two-bases",
    ],
)
def test_objects_inspect_cannot_handle_raise_the_same_error(obj: object) -> None:
    with pytest.raises((TypeError, ValueError)) as expected:
        inspect.signature(obj)  # type: ignore[arg-type]
    with pytest.raises(expected.type) as actual:
        effective_signature(obj)
    assert str(actual.value) == str(expected.value)
