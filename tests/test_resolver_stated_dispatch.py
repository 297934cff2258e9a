"""A stack that states its signature over a plain function (networkx's
``argmap`` over ``_dispatchable``), and the two shortcuts it takes.

A dispatcher object with ``__signature__`` over a plain function owns what
it adds (``backend``) and what it restates with another kind; the function
owns the rest. A wrapper outside it that cannot be followed is presumed to
pass everything on. The resolver reads the owners off the function's code
and composes a presumed pure relay directly; these tests pin that both
shortcuts give exactly what the general path gives.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from helpers.expect import Case, cases, check, everything, load, owned

from sphinxcontrib_effsig import effective_signature
from sphinxcontrib_effsig.resolver import scoped_caches
from sphinxcontrib_effsig.resolver.code_names import code_kinds
from sphinxcontrib_effsig.resolver.walk import explicit, presumption, wrappers

S = "samples.stated_dispatch"
U = "samples.uncertain_wrappers"

STACKS = [
    Case(
        "dispatcher-over-a-plain-function",
        f"{S}.degree",
        "(graph: 'object', nbunch: 'object' = None, weight: 'str | None' = None, *, "
        "backend=None, **backend_kwargs) -> 'dict[object, int]'",
        {
            **owned(f"{S}.degree", "graph", "nbunch", "weight"),
            **owned(f"{S}.Dispatcher", "backend", "backend_kwargs"),
        },
    ),
    Case(
        "a-restated-kind-is-the-dispatchers",
        f"{S}.volume",
        "(graph: 'object', nodes: 'object', *, weight: 'str | None' = None, backend=None, "
        "**backend_kwargs) -> 'float'",
        {
            **owned(f"{S}.volume", "graph", "nodes"),
            **owned(f"{S}.RestatingDispatcher", "weight", "backend", "backend_kwargs"),
        },
    ),
    Case(
        "lazily-compiled-wrapper-over-a-dispatcher",
        f"{S}.shortest_path",
        "(graph: object, source: object = None, /, target: object = None, *, "
        "method: str = 'dijkstra', backend=None, **backend_kwargs) -> 'list[object]'",
        {
            **owned(f"{S}.shortest_path", "graph", "source", "target", "method"),
            **owned(f"{S}.Dispatcher", "backend", "backend_kwargs"),
        },
        resolved=False,
        note="lazily_compiled is presumed to pass its arguments on",
    ),
]


@cases(STACKS)
def test_a_stated_signature_is_owned_by_what_declares_each_parameter(case: Case) -> None:
    check(case)


def _resolved_afresh(obj: object) -> tuple[object, ...]:
    with scoped_caches():
        return everything(effective_signature(obj))


PATHS = (
    [case.target for case in STACKS]
    + [
        f"{U}.{name}"
        for name in ("render_report", "scale", "evaluate", "add", "charge_card", "export_report")
    ]
    + ["samples.forwarding_idioms.Record"]
)


@pytest.mark.parametrize("path", PATHS)
def test_the_shortcuts_give_what_the_general_path_gives(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    obj = load(path)
    with_shortcuts = _resolved_afresh(obj)
    monkeypatch.setattr(explicit, "is_plain_function", lambda obj: False)
    monkeypatch.setattr(presumption, "relay_parts", lambda layer, target, **_: None)
    monkeypatch.setattr(wrappers, "relay_plan", lambda code, effect: None)
    assert with_shortcuts == _resolved_afresh(obj)


def test_the_presumed_relay_shortcut_is_taken_for_a_wrapper_that_passes_everything_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wrappers, "relay_plan", lambda code, effect: None)
    taken: list[object] = []
    real = presumption.relay_parts

    def spy(layer: Any, target: Any, *, declared: bool) -> Any:
        result = real(layer, target, declared=declared)
        taken.append(result)
        return result

    monkeypatch.setattr(presumption, "relay_parts", spy)
    with scoped_caches():
        effective_signature(load(f"{S}.shortest_path"))
    assert taken and all(result is not None for result in taken)


def _positional_only(a: int, b: int = 2, /) -> None: ...
def _every_kind(a: int, /, b: int, *args: int, c: int, d: int = 4, **kwargs: int) -> None: ...
def _keywords_only(*, key: str, reverse: bool = False) -> None: ...
def _variadics_only(*items: object, **options: object) -> None: ...
def _nothing() -> None: ...
def _locals_are_not_parameters(x: int) -> None:
    y = x + 1
    del y


@pytest.mark.parametrize(
    "func",
    [
        _positional_only,
        _every_kind,
        _keywords_only,
        _variadics_only,
        _nothing,
        _locals_are_not_parameters,
        lambda first, *rest, flag=False: None,
    ],
)
def test_code_kinds_are_the_kinds_inspect_gives(func: Callable[..., Any]) -> None:
    expected = {name: p.kind for name, p in inspect.signature(func).parameters.items()}
    assert code_kinds(func.__code__) == expected
