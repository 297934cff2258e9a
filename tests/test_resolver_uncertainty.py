"""Family 8: when the truth is unknown (SPEC 1.5), and when there is nothing to resolve.

A wrapper whose forwarding cannot be read from its code (dynamic dispatch
through ``getattr``, rebuilt ``args``/``kwargs``, ``exec``, a C function such
as ``map``) keeps its ``*args``/``**kwargs``, keeps what was proven (its own
named parameters, the parameters of provable layers around it), is marked
``resolved=False`` and gets a note naming the decorator to look at. The
wrapped function's parameters are never invented.

A plain callable gets exactly ``inspect.signature``'s answer.
"""

from __future__ import annotations

import inspect

import pytest
from helpers.expect import Case, cases, check, owned

from sphinxcontrib_effsig import effective_signature

U = "samples.uncertain_wrappers"
P = "samples.uncertain_plain"

UNPROVABLE = [
    Case(
        # The callee is ``getattr(BACKENDS, backend)``, chosen at call time.
        "dynamic-dispatch-through-getattr",
        f"{U}.render_report",
        "(*args, backend: str = 'local', **kwargs)",
        owned(f"{U}.dispatch_to_backend", "args", "backend", "kwargs"),
        resolved=False,
        note="dispatch_to_backend",
    ),
    Case(
        # ``args`` and ``kwargs`` are rebuilt before the call (keyword names
        # are even lower-cased): the function's parameters cannot be mapped.
        "reassigned-args-and-kwargs",
        f"{U}.scale",
        "(*args, **kwargs)",
        owned(f"{U}.coerce_numbers", "args", "kwargs"),
        resolved=False,
        note="coerce_numbers",
    ),
    Case(
        # The call happens inside ``exec``; ``retries`` is the wrapper's own
        # named parameter, so it is proven and kept.
        "forwarding-inside-exec",
        f"{U}.evaluate",
        "(*args, retries: int = 1, **kwargs)",
        owned(f"{U}.sandboxed", "args", "retries", "kwargs"),
        resolved=False,
        note="sandboxed",
    ),
    Case(
        # ``map(func, *columns)``: opaque C code decides what the function
        # receives (one element of each column), so ``a``/``b`` are not the
        # caller's parameters. The wrapper's own annotations are kept.
        "forwarding-through-c-code",
        f"{U}.add",
        "(*columns: Any) -> list[typing.Any]",
        owned(f"{U}.vectorized", "columns"),
        resolved=False,
        note="vectorized",
    ),
    Case(
        # ``implementation or func``: the callee may be anything the caller
        # passes, so the function's parameters are not proven either.
        "callee-chosen-by-the-caller",
        f"{U}.charge_card",
        "(*args, implementation=None, **kwargs)",
        owned(f"{U}.overridable", "args", "implementation", "kwargs"),
        resolved=False,
        note="overridable",
    ),
    Case(
        # A provable ``retry`` around the unprovable layer: ``retries`` is
        # proven, the inner layer's ``*args``/``**kwargs`` stay.
        "provable-layer-around-unprovable-one",
        f"{U}.export_report",
        "(*args, backend: str = 'local', retries: int = 3, **kwargs)",
        {
            **owned(f"{U}.dispatch_to_backend", "args", "backend", "kwargs"),
            **owned(f"{U}.retry", "retries"),
        },
        resolved=False,
        note="dispatch_to_backend",
    ),
]


@cases(UNPROVABLE)
def test_unprovable_forwarding_is_kept_and_reported(case: Case) -> None:
    check(case)


@pytest.mark.parametrize(
    ("path", "wrapped_parameters"),
    [
        (f"{U}.render_report", {"report_id", "fmt"}),
        (f"{U}.scale", {"width", "height", "factor"}),
        (f"{U}.evaluate", {"expression", "precision"}),
        (f"{U}.add", {"a", "b"}),
        (f"{U}.export_report", {"report_id", "fmt"}),
        (f"{U}.charge_card", {"card", "amount", "currency"}),
    ],
)
def test_never_invents_the_wrapped_functions_parameters(
    path: str, wrapped_parameters: set[str]
) -> None:
    from helpers.expect import load

    sig = effective_signature(load(path))
    assert not wrapped_parameters & set(sig.parameters)
    assert sig.notes, "an unresolved signature must say why"


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


@pytest.mark.parametrize(
    "obj",
    [42, "not callable", max, getattr],
    ids=["int", "str", "builtin-max", "builtin-getattr"],
)
def test_objects_inspect_cannot_handle_raise_the_same_error(obj: object) -> None:
    with pytest.raises((TypeError, ValueError)) as expected:
        inspect.signature(obj)  # type: ignore[arg-type]
    with pytest.raises(expected.type) as actual:
        effective_signature(obj)
    assert str(actual.value) == str(expected.value)
