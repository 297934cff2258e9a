"""The runtime coherence oracle: the documented signature is the real one.

Two sources of cases:

- every resolved row of the family 1-4 tables, so each expectation written
  by hand is also checked against what the decorated object really accepts;
- random stacks of 1-4 wrapper templates (``samples.templates``) over random
  target signatures (generated with ``exec``: only wrappers need source).
  For those, a small model of each template's effect also predicts the whole
  signature and its owners, and the oracle checks the resolver's answer by
  calling the real stack (see :mod:`helpers.oracle`).
"""

from __future__ import annotations

import dataclasses
import inspect
import itertools
import linecache
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import test_resolver_async_forwarding
import test_resolver_closures
import test_resolver_methods_classes
import test_resolver_wrappers
from helpers.expect import Case, cases
from helpers.oracle import check_coherence
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import templates
from samples.calls import remember_call

from sphinxcontrib_effsig import EffectiveParameter, EffectiveSignature, effective_signature

P = inspect.Parameter

FAMILIES = {
    "wrappers": test_resolver_wrappers.CASES,
    "closures": test_resolver_closures.CASES,
    "async": test_resolver_async_forwarding.CASES,
    "methods": test_resolver_methods_classes.CASES,
}
TABLE_ROWS = [
    dataclasses.replace(row, id=f"{family}: {row.id}")
    for family, rows in FAMILIES.items()
    for row in rows
    if row.resolved
]


@cases(TABLE_ROWS)
def test_table_rows_are_true_at_runtime(case: Case) -> None:
    check_coherence(case.obj())


def test_every_table_row_is_checked() -> None:
    assert len(TABLE_ROWS) >= 55


# --- a model of the templates ---------------------------------------------------

TARGET_MODULE = "samples.generated"
TARGET_OWNER = f"{TARGET_MODULE}.target"
_GENERATED = itertools.count()
NAME_POOL = ["path", "count", "limit", "mode", "name", "size", "flag"]


@dataclass
class Param:
    name: str
    kind: inspect._ParameterKind
    default: Any = P.empty
    owner: str = TARGET_OWNER
    layer: int = 0  # 0: the target; n: the n-th decorator from the inside
    order: int = 0  # declaration order within its layer


@dataclass
class Model:
    """The effective signature a stack of templates should have."""

    positional: list[Param] = field(default_factory=list)
    keyword: list[Param] = field(default_factory=list)
    rest: Param | None = None
    options: Param | None = None

    def keywordable(self, name: str) -> bool:
        return any(p.name == name for p in self.keyword) or any(
            p.name == name and p.kind is P.POSITIONAL_OR_KEYWORD for p in self.positional
        )

    def to_keyword_from(self, name: str) -> None:
        """``name`` and every positional parameter after it become keyword-only."""
        for index, param in enumerate(self.positional):
            if param.name == name:
                moved = self.positional[index:]
                del self.positional[index:]
                for p in moved:
                    p.kind = P.KEYWORD_ONLY
                self.keyword.extend(moved)
                return

    def find(self, name: str) -> Param:
        return next(p for p in self.positional + self.keyword if p.name == name)

    def parameters(self) -> list[Param]:
        keyword = sorted(self.keyword, key=lambda p: (p.layer, p.order))
        tail = [self.options] if self.options else []
        middle = [self.rest] if self.rest else []
        return self.positional + middle + keyword + tail

    def signature(self) -> str:
        sig = inspect.Signature([P(p.name, p.kind, default=p.default) for p in self.parameters()])
        return str(sig)

    def owners(self) -> dict[str, str]:
        return {p.name: p.owner for p in self.parameters()}


def owner(template: str) -> str:
    return f"samples.templates.{template}"


def _add_keyword(model: Model, layer: int, template: str, name: str, default: Any) -> None:
    model.keyword.append(Param(name, P.KEYWORD_ONLY, default, owner(template), layer))


def _applies(name: str, model: Model) -> bool:
    first = model.positional[0] if model.positional else None
    return {
        "with_trace_id": not any(p.kind is P.POSITIONAL_ONLY for p in model.positional),
        "with_connection": first is not None,
        "with_timeout": model.keywordable("timeout"),
        "with_region": model.keywordable("region"),
        "needs_first": first is not None and first.default is P.empty,
    }.get(name, True)


def _apply(name: str, model: Model, layer: int) -> None:
    if name == "with_trace_id":
        model.positional.insert(
            0, Param("trace_id", P.POSITIONAL_OR_KEYWORD, owner=owner(name), layer=layer)
        )
    elif name == "with_verbose":
        _add_keyword(model, layer, name, "verbose", False)
    elif name == "with_dry_run":
        _add_keyword(model, layer, name, "dry_run", False)
    elif name == "with_token":
        _add_keyword(model, layer, name, "token", P.empty)
    elif name == "with_connection":
        model.positional.pop(0)
    elif name == "with_timeout":
        model.to_keyword_from("timeout")
        model.keyword.remove(model.find("timeout"))
    elif name == "with_region":
        model.to_keyword_from("region")
        model.find("region").default = "eu-west-1"
    elif name == "needs_first":
        model.positional[0].kind = P.POSITIONAL_ONLY


TEMPLATES = [
    "passthrough",
    "passthrough_closure",
    "passthrough_lambda",
    "PassThrough",
    "via_helper",
    "with_trace_id",
    "with_verbose",
    "with_dry_run",
    "with_token",
    "with_connection",
    "with_timeout",
    "with_region",
    "needs_first",
]


# --- random targets ---------------------------------------------------------------


@st.composite
def targets(draw: st.DrawFn) -> Model:
    """A target signature: positional-only, positional-or-keyword, keyword-only
    parameters, maybe ``*rest``/``**options``, maybe ``timeout``/``region``."""
    names = draw(st.permutations(NAME_POOL))
    n_posonly = draw(st.integers(0, 2))
    n_pok = draw(st.integers(0, 3))
    n_kw = draw(st.integers(0, 2))
    has_rest = draw(st.booleans())
    has_options = draw(st.booleans())
    placements = ["absent", "keyword"] if has_rest else ["absent", "positional", "keyword"]
    timeout_at = draw(st.sampled_from(placements))
    region_at = draw(st.sampled_from(placements))

    positional = [Param(n, P.POSITIONAL_ONLY) for n in names[:n_posonly]]
    positional += [Param(n, P.POSITIONAL_OR_KEYWORD) for n in names[n_posonly : n_posonly + n_pok]]
    keyword = [Param(n, P.KEYWORD_ONLY) for n in names[n_posonly + n_pok :][:n_kw]]
    for special, where in (("timeout", timeout_at), ("region", region_at)):
        if where == "positional":
            positional.append(Param(special, P.POSITIONAL_OR_KEYWORD))
        elif where == "keyword":
            keyword.append(Param(special, P.KEYWORD_ONLY))

    first_default = draw(st.integers(0, len(positional)))
    for index, param in enumerate(positional[first_default:], start=first_default):
        param.default = 100 + index
    for index, param in enumerate(keyword):
        if draw(st.booleans()):
            param.default = 200 + index
    for order, param in enumerate(positional + keyword):
        param.order = order
    return Model(
        positional=positional,
        keyword=keyword,
        rest=Param("rest", P.VAR_POSITIONAL) if has_rest else None,
        options=Param("options", P.VAR_KEYWORD) if has_options else None,
    )


def make_target(model: Model) -> Callable[..., Any]:
    """``def target(...): return remember_call()`` compiled from the model."""
    sig = inspect.Signature([P(p.name, p.kind, default=p.default) for p in model.parameters()])
    namespace: dict[str, Any] = {"__name__": TARGET_MODULE, "remember_call": remember_call}
    source = f"def target{sig}:\n    return remember_call()\n"
    # Like a function from a real module, the target's source can be read
    # (proving that its own *rest/**options stop there).
    filename = f"<generated target {next(_GENERATED)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace["target"]


@dataclass
class Stack:
    obj: Callable[..., Any]
    model: Model
    layers: list[str]
    target_signature: str

    def __repr__(self) -> str:
        decorators = "".join(f"@{name}\n" for name in reversed(self.layers))
        return f"\n{decorators}def target{self.target_signature}: ..."


@st.composite
def stacks(draw: st.DrawFn) -> Stack:
    model = draw(targets())
    obj = make_target(model)
    target_signature = model.signature()
    depth = draw(st.integers(1, 4))
    layers: list[str] = []
    for layer in range(1, depth + 1):
        choices = [t for t in TEMPLATES if t not in layers and _applies(t, model)]
        name = draw(st.sampled_from(choices))
        _apply(name, model, layer)
        obj = getattr(templates, name)(obj)
        layers.append(name)
    return Stack(obj, model, layers, target_signature)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(stacks())
def test_random_stacks_resolve_to_the_model_and_are_true(stack: Stack) -> None:
    sig = effective_signature(stack.obj)
    assert sig.resolved, sig.notes
    assert str(sig) == stack.model.signature()
    assert {n: p.owner_name for n, p in sig.parameters.items()} == stack.model.owners()
    check_coherence(stack.obj, sig)


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_template_alone_is_true_at_runtime(template: str) -> None:
    """One fixed target every template applies to."""

    def target(path, timeout=10, region="us-east-1", *, mode=None, **options):
        return remember_call()

    check_coherence(getattr(templates, template)(target))


# --- the oracle itself can fail -----------------------------------------------------


def as_if_inspect(obj: Callable[..., Any], owner: str) -> EffectiveSignature:
    """``inspect.signature``'s answer dressed as a resolved effective signature."""
    sig = inspect.signature(obj)
    return EffectiveSignature(
        [EffectiveParameter.from_parameter(p, None, owner) for p in sig.parameters.values()],
        return_annotation=sig.return_annotation,
    )


@pytest.mark.parametrize(
    "name",
    [
        "fetch_page",  # timeout is supplied by the wrapper: passing it collides
        "load_orders",  # conn is supplied positionally: one argument too many
        "distance",  # *args only: the keyword-only unit never arrives
        "get_setting",  # key by keyword leaves args empty
        "list_invoices",  # token is required: the minimal call fails
    ],
)
def test_oracle_refuses_inspects_answer_where_it_is_wrong(name: str) -> None:
    from samples import api

    obj = getattr(api, name)
    with pytest.raises(AssertionError):
        check_coherence(obj, as_if_inspect(obj, f"samples.api.{name}"))
