"""The runtime coherence oracle: the documented signature is the real one.

Sources of cases:

- every resolved row of the tables in ``tables/``, so each expectation written
  by hand is also checked against what the decorated object really accepts
  (and resolving it warm, again and cold gives the same answer);
- random stacks of 1-4 wrapper templates (``samples.templates``) over random
  target signatures -- positional-only, keyword-only, ``*rest``/``**options``,
  annotations, sync/async/generator -- generated with ``exec`` (their source
  is registered with :mod:`linecache`, as a real module's would be), maybe
  under a ``functools.partial``;
- the same on methods taken bound, from the class, as classmethods, and on
  decorated constructors, including class-based method decorators with
  ``__get__``.

For random stacks a small model of each template's effect predicts the whole
signature and its owners; the oracle then calls the real stack (see
:mod:`helpers.oracle`). ``test_many_random_stacks`` (marked ``slow``) runs
ten times the examples.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import inspect
import itertools
import linecache
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from helpers.expect import Case, cases, load
from helpers.oracle import Sentinel, check_coherence
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import templates
from samples.calls import remember_call
from tables import async_forwarding, closures, methods_classes, wrappers

from sphinxcontrib_effsig import EffectiveParameter, EffectiveSignature, effective_signature
from sphinxcontrib_effsig.resolver import clear_caches

P = inspect.Parameter

FAMILIES = {
    "wrappers": wrappers.CASES,
    "closures": closures.CASES,
    "async": async_forwarding.CASES,
    "methods": methods_classes.CASES,
}
TABLE_ROWS = [
    dataclasses.replace(row, id=f"{family}: {row.id}")
    for family, rows in FAMILIES.items()
    for row in rows
    if row.resolved
]


def receiver_for(case: Case) -> dict[str, Any]:
    """A real instance as ``self`` for a method taken from its class.

    A sentinel ``self`` would answer ``self.request(...)`` itself; the sample
    modules keep an instance of each such class at module level.
    """
    if not isinstance(case.target, str):
        return {}
    owner_path, _, _ = case.target.rpartition(".")
    try:
        owner = load(owner_path)
    except (LookupError, AttributeError):
        return {}
    if not isinstance(owner, type):
        return {}
    module = importlib.import_module(owner.__module__)
    for value in vars(module).values():
        if type(value) is owner:
            return {"self": value}
    return {}


@cases(TABLE_ROWS)
def test_table_rows_are_true_at_runtime(case: Case) -> None:
    check_coherence(case.obj(), fixed=receiver_for(case))


def test_every_table_row_is_checked() -> None:
    assert len(TABLE_ROWS) >= 55


def _described(obj: Any) -> tuple[str, dict[str, str], bool]:
    sig = effective_signature(obj)
    return str(sig), {n: p.owner_name for n, p in sig.parameters.items()}, sig.resolved


def test_caches_do_not_change_answers() -> None:
    """Every row resolved after all the others (warm caches, shared wrapper code)
    gives the same answer as resolved alone from cold caches."""
    objects = [row.obj() for row in TABLE_ROWS]
    warm = [_described(obj) for obj in objects]
    warm_again = [_described(obj) for obj in objects]
    cold = []
    for obj in objects:
        clear_caches()
        cold.append(_described(obj))
    differ = [
        f"{row.id}: warm {w}, again {a}, cold {c}"
        for row, w, a, c in zip(TABLE_ROWS, warm, warm_again, cold, strict=True)
        if not w == a == c
    ]
    assert not differ, "\n".join(differ)


# --- a model of the templates ---------------------------------------------------

TARGET_MODULE = "samples.generated"
TARGET_OWNER = f"{TARGET_MODULE}.target"
_GENERATED = itertools.count()
#: Annotations generated targets use (none, builtins, a union, a generic).
ANNOTATIONS: list[Any] = [P.empty, P.empty, int, str, float | None, list[str]]
RETURNS: list[Any] = [P.empty, int, dict[str, int]]
NAME_POOL = ["path", "count", "depth", "mode", "name", "size", "flag"]


@dataclass
class Param:
    name: str
    kind: inspect._ParameterKind
    default: Any = P.empty
    owner: str = TARGET_OWNER
    layer: int = 0  # 0: the target; n: the n-th decorator from the inside
    order: int = 0  # declaration order within its layer
    annotation: Any = P.empty


@dataclass
class Model:
    """The effective signature a stack of templates should have."""

    positional: list[Param] = field(default_factory=list)
    keyword: list[Param] = field(default_factory=list)
    rest: Param | None = None
    options: Param | None = None
    flavor: str = "sync"  # "async": coroutine function, "generator"
    returns: Any = P.empty

    def keywordable(self, name: str) -> bool:
        return any(p.name == name for p in self.keyword) or any(
            p.name == name and p.kind is P.POSITIONAL_OR_KEYWORD for p in self.positional
        )

    def to_keyword_from(self, name: str) -> None:
        """``name`` and every positional parameter after it become keyword-only.

        They keep their calling order and come before the keyword-only
        parameters decorators added (whoever added them).
        """
        for index, param in enumerate(self.positional):
            if param.name == name:
                moved = self.positional[index:]
                del self.positional[index:]
                for p in moved:
                    p.kind = P.KEYWORD_ONLY
                    p.layer = 0
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
        return str(self.inspect_signature())

    def inspect_signature(self, *, first: Sequence[Param] = ()) -> inspect.Signature:
        return inspect.Signature(
            [
                P(p.name, p.kind, default=p.default, annotation=p.annotation)
                for p in [*first, *self.parameters()]
            ],
            return_annotation=self.returns,
        )

    def owners(self) -> dict[str, str]:
        return {p.name: p.owner for p in self.parameters()}


def owner(template: str) -> str:
    return f"samples.templates.{template}"


def _keyword(
    name: str, default: Any = P.empty, annotation: Any = P.empty
) -> Callable[[Model, str, int], None]:
    """A template that adds keyword-only ``name`` (``*, name=default`` or a pop)."""

    def apply(model: Model, template: str, layer: int) -> None:
        param = Param(name, P.KEYWORD_ONLY, default, owner(template), layer)
        param.annotation = annotation
        model.keyword.append(param)

    return apply


def _leading(name: str, annotation: Any = P.empty) -> Callable[[Model, str, int], None]:
    """A template that adds a leading positional parameter ``name``."""

    def apply(model: Model, template: str, layer: int) -> None:
        # Leading parameters added later come earlier: order by -layer.
        param = Param(
            name,
            P.POSITIONAL_OR_KEYWORD,
            owner=owner(template),
            layer=layer,
            order=-layer,
            annotation=annotation,
        )
        model.positional.insert(0, param)

    return apply


def _nothing(model: Model, template: str, layer: int) -> None:
    pass


def _supply_timeout(model: Model, template: str, layer: int) -> None:
    model.to_keyword_from("timeout")
    model.keyword.remove(model.find("timeout"))


def _default_region(model: Model, template: str, layer: int) -> None:
    model.to_keyword_from("region")
    model.find("region").default = "eu-west-1"


def _supply_region(model: Model, template: str, layer: int) -> None:
    model.to_keyword_from("region")
    model.keyword.remove(model.find("region"))


def _override_timeout(model: Model, template: str, layer: int) -> None:
    _supply_timeout(model, template, layer)
    model.keyword.append(Param("timeout", P.KEYWORD_ONLY, 5, owner(template), layer))


def _region_defaults_to(value: str) -> Callable[[Model, str, int], None]:
    def apply(model: Model, template: str, layer: int) -> None:
        model.to_keyword_from("region")
        model.find("region").default = value

    return apply


def _returns_text(model: Model, template: str, layer: int) -> None:
    model.returns = str


def _supply_first(model: Model, template: str, layer: int) -> None:
    model.positional.pop(0)


def _first_positional_only(model: Model, template: str, layer: int) -> None:
    model.positional[0].kind = P.POSITIONAL_ONLY


def _positional_only(model: Model, template: str, layer: int) -> None:
    for param in model.positional:
        param.kind = P.POSITIONAL_ONLY
    model.keyword.clear()
    model.options = None


def _keywords_only(model: Model, template: str, layer: int) -> None:
    model.positional = [p for p in model.positional if p.kind is not P.POSITIONAL_ONLY]
    if model.positional:
        model.to_keyword_from(model.positional[0].name)
    model.rest = None


def _always(model: Model) -> bool:
    return True


def _no_positional_only(model: Model) -> bool:
    return not any(p.kind is P.POSITIONAL_ONLY for p in model.positional)


def _has_first(model: Model) -> bool:
    return bool(model.positional)


def _flavor(flavor: str) -> Callable[[Model], bool]:
    return lambda model: model.flavor == flavor


@dataclass(frozen=True)
class Template:
    """A template's precondition on the signature below it, and its effect."""

    applies: Callable[[Model], bool]
    effect: Callable[[Model, str, int], None]


TEMPLATES: dict[str, Template] = {
    "passthrough": Template(_always, _nothing),
    "passthrough_closure": Template(_always, _nothing),
    "passthrough_lambda": Template(_always, _nothing),
    "PassThrough": Template(_always, _nothing),
    "via_helper": Template(_always, _nothing),
    "with_trace_id": Template(_no_positional_only, _leading("trace_id", str)),
    "with_request": Template(_no_positional_only, _leading("request")),
    "with_verbose": Template(_always, _keyword("verbose", False, bool)),
    "with_dry_run": Template(_always, _keyword("dry_run", False)),
    "with_token": Template(_always, _keyword("token")),
    "with_reason": Template(_always, _keyword("reason")),
    "Attempts": Template(_always, _keyword("attempts", 3, int)),
    "skippable_lambda": Template(_always, _keyword("skip", False)),
    "with_connection": Template(_has_first, _supply_first),
    "with_timeout": Template(lambda m: m.keywordable("timeout"), _supply_timeout),
    "timeout_by_item": Template(lambda m: m.keywordable("timeout"), _supply_timeout),
    "timeout_by_update": Template(lambda m: m.keywordable("timeout"), _supply_timeout),
    "with_region": Template(lambda m: m.keywordable("region"), _default_region),
    "with_region_apac": Template(
        lambda m: m.keywordable("region"), _region_defaults_to("ap-south-1")
    ),
    "region_via_helper": Template(lambda m: m.keywordable("region"), _supply_region),
    "timeout_override": Template(lambda m: m.keywordable("timeout"), _override_timeout),
    "timeout_lambda": Template(lambda m: m.keywordable("timeout"), _supply_timeout),
    "nested_forward": Template(_always, _nothing),
    "needs_first": Template(
        lambda m: bool(m.positional) and m.positional[0].default is P.empty,
        _first_positional_only,
    ),
    "needs_args": Template(
        lambda m: bool(m.positional) and m.positional[0].default is P.empty,
        _first_positional_only,
    ),
    "positional_forward": Template(
        lambda m: all(p.default is not P.empty for p in m.keyword), _positional_only
    ),
    "keyword_forward": Template(
        lambda m: all(
            p.default is not P.empty for p in m.positional if p.kind is P.POSITIONAL_ONLY
        ),
        _keywords_only,
    ),
    "async_retry": Template(_flavor("async"), _keyword("retries", 3, int)),
    "async_passthrough": Template(_flavor("async"), _nothing),
    "gen_passthrough": Template(_flavor("generator"), _nothing),
    "gen_limited": Template(_flavor("generator"), _keyword("limit", None, int | None)),
    "as_text": Template(_flavor("sync"), _returns_text),
}


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
        param.annotation = draw(st.sampled_from(ANNOTATIONS))
    return Model(
        positional=positional,
        keyword=keyword,
        rest=Param("rest", P.VAR_POSITIONAL) if has_rest else None,
        options=Param("options", P.VAR_KEYWORD) if has_options else None,
        flavor=draw(st.sampled_from(["sync", "async", "generator"])),
        returns=draw(st.sampled_from(RETURNS)),
    )


def make_target(model: Model) -> Callable[..., Any]:
    """``def target(...): return remember_call()`` compiled from the model."""
    sig = model.inspect_signature()
    namespace: dict[str, Any] = {"__name__": TARGET_MODULE, "remember_call": remember_call}
    source = {
        "sync": f"def target{sig}:\n    return remember_call()\n",
        "async": f"async def target{sig}:\n    return remember_call()\n",
        "generator": f"def target{sig}:\n    yield remember_call()\n",
    }[model.flavor]
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
    partial: str = ""

    def __repr__(self) -> str:
        decorators = "".join(f"@{name}\n" for name in reversed(self.layers))
        kind = {"sync": "def", "async": "async def", "generator": "def (generator)"}
        text = f"\n{decorators}{kind[self.model.flavor]} target{self.target_signature}: ..."
        return f"{text}\nthen {self.partial}" if self.partial else text


def apply_partial(
    draw: st.DrawFn, model: Model, obj: Callable[..., Any]
) -> tuple[Callable[..., Any], str]:
    """Maybe wrap ``obj`` in ``functools.partial``, updating the model as inspect does."""
    args: list[Any] = []
    keywords: dict[str, Any] = {}
    if model.positional and draw(st.booleans()):
        model.positional.pop(0)
        args.append(Sentinel("partial positional"))
    # Only the target's own parameters: a wrapper's flag (``skip=999``) would
    # change what the wrapper does.
    keywordable = [
        p.name
        for p in model.positional + model.keyword
        if model.keywordable(p.name) and p.owner == TARGET_OWNER
    ]
    if keywordable and draw(st.booleans()):
        name = draw(st.sampled_from(keywordable))
        if any(p.name == name for p in model.positional):
            model.to_keyword_from(name)
            model.rest = None
        model.find(name).default = 999
        keywords[name] = 999
    if not args and not keywords:
        return obj, ""
    shown = [*(repr(a) for a in args), *(f"{k}={v!r}" for k, v in keywords.items())]
    return functools.partial(obj, *args, **keywords), f"partial(..., {', '.join(shown)})"


@st.composite
def stacks(draw: st.DrawFn) -> Stack:
    model = draw(targets())
    obj = make_target(model)
    target_signature = model.signature()
    depth = draw(st.integers(1, 4))
    layers: list[str] = []
    for layer in range(1, depth + 1):
        choices = [n for n, t in TEMPLATES.items() if n not in layers and t.applies(model)]
        name = draw(st.sampled_from(choices))
        TEMPLATES[name].effect(model, name, layer)
        obj = getattr(templates, name)(obj)
        layers.append(name)
    obj, partial = apply_partial(draw, model, obj)
    return Stack(obj, model, layers, target_signature, partial)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(stacks())
def test_random_stacks_resolve_to_the_model_and_are_true(stack: Stack) -> None:
    check_stack(stack.obj, stack.model.signature(), stack.model.owners())


def check_stack(obj: Callable[..., Any], expected: str, owners: dict[str, str]) -> None:
    """The resolver agrees with the model, and the real object with both."""
    sig = effective_signature(obj)
    assert sig.resolved, sig.notes
    assert str(sig) == expected
    assert {n: p.owner_name for n, p in sig.parameters.items()} == owners
    check_coherence(obj, sig)


def fixed_target(path, timeout=10, region="us-east-1", *, mode=None, **options):
    return remember_call()


async def fixed_coroutine(path, timeout=10, region="us-east-1", *, mode=None, **options):
    return remember_call()


def fixed_generator(path, timeout=10, region="us-east-1", *, mode=None, **options):
    yield remember_call()


FIXED = {"sync": fixed_target, "async": fixed_coroutine, "generator": fixed_generator}


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_template_alone_is_true_at_runtime(template: str) -> None:
    """One fixed target of the template's flavor."""
    flavor = template.split("_")[0] if template.startswith(("async_", "gen_")) else "sync"
    target = FIXED[{"gen": "generator"}.get(flavor, flavor)]
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


# --- random stacks on methods ----------------------------------------------------------

#: Templates that cannot decorate a method: they would take or replace ``self``,
#: or are class-based without ``__get__`` (they would not bind).
NOT_FOR_METHODS = {
    "as_text",  # __init__ must return None; methods keep it out for simplicity
    "with_trace_id",
    "with_request",
    "with_connection",
    "keyword_forward",
    "PassThrough",
    "Attempts",
}


def make_method(
    model: Model, receiver: Param, name: str = "method"
) -> tuple[type, Callable[..., Any]]:
    """``class Target`` with ``def <name>(self, ...)`` compiled from the model."""
    sig = model.inspect_signature(first=[receiver])
    prefix = "async def" if model.flavor == "async" else "def"
    body = {"generator": "yield ", "async": "return ", "sync": "return "}[model.flavor]
    if name == "__init__":
        body = ""
    source = f"class Target:\n    {prefix} {name}{sig}:\n        {body}remember_call()\n"
    namespace: dict[str, Any] = {"__name__": TARGET_MODULE, "remember_call": remember_call}
    filename = f"<generated class {next(_GENERATED)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    cls = namespace["Target"]
    return cls, cls.__dict__[name]


def _receiver_named_obj(model: Model, template: str, layer: int) -> None:
    """``__call__(self, obj, *args, **kwargs)`` forwards ``obj`` first: the caller
    passes the receiver under that name; it stays the method's parameter."""
    model.positional[0].name = "obj"


def _receiver_is_plain(model: Model) -> bool:
    return bool(model.positional) and model.positional[0].kind is P.POSITIONAL_OR_KEYWORD


def _logged_method(model: Model, template: str, layer: int) -> None:
    _receiver_named_obj(model, template, layer)
    model.keyword.append(Param("log", P.KEYWORD_ONLY, True, owner(template), layer))


#: Class-based method decorators with ``__get__``: only for methods.
METHOD_TEMPLATES: dict[str, Template] = {
    "BoundByPartial": Template(_receiver_is_plain, _receiver_named_obj),
    "LoggedMethod": Template(
        lambda m: _receiver_is_plain(m) and not m.keywordable("log"), _logged_method
    ),
}


@dataclass
class MethodStack:
    obj: Callable[..., Any]
    expected: str
    owners: dict[str, str]
    description: str

    def __repr__(self) -> str:
        return self.description


@st.composite
def method_stacks(draw: st.DrawFn) -> MethodStack:
    model = draw(targets())
    access = draw(st.sampled_from(["bound", "on the class", "classmethod", "constructor"]))
    name = "cls" if access == "classmethod" else "self"
    function_name = "__init__" if access == "constructor" else "method"
    if access == "constructor":
        model.flavor = "sync"
        model.returns = P.empty
    kind = (
        P.POSITIONAL_ONLY
        if any(p.kind is P.POSITIONAL_ONLY for p in model.positional)
        else P.POSITIONAL_OR_KEYWORD
    )
    method_owner = f"{TARGET_MODULE}.Target.{function_name}"
    for param in model.parameters():
        param.owner = method_owner
    receiver = Param(name, kind, owner=method_owner, order=-1)
    cls, func = make_method(model, receiver, function_name)
    target_signature = model.signature()
    model.positional.insert(0, receiver)
    layers: list[str] = []
    for layer in range(1, draw(st.integers(1, 4)) + 1):
        choices = [
            n
            for n, t in {**TEMPLATES, **METHOD_TEMPLATES}.items()
            if n not in layers and n not in NOT_FOR_METHODS and t.applies(model)
        ]
        # Weight the method-only templates up: they are few among many.
        choices += [n for n in choices if n in METHOD_TEMPLATES] * 5
        template = draw(st.sampled_from(choices))
        {**TEMPLATES, **METHOD_TEMPLATES}[template].effect(model, template, layer)
        func = getattr(templates, template)(func)
        layers.append(template)
    if access == "classmethod":
        cls.method = classmethod(func)
        obj = cls.method
    elif access == "constructor":
        cls.__init__ = func
        obj = cls
    else:
        cls.method = func
        obj = cls().method if access == "bound" else cls.method
    if access != "on the class":
        model.positional.pop(0)
    decorators = "".join(f"@{name}\n" for name in reversed(layers))
    description = f"\n{access}:\n{decorators}def {function_name}({name}, {target_signature[1:]}"
    return MethodStack(obj, model.signature(), model.owners(), description)


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(method_stacks())
def test_random_stacks_on_methods_and_constructors_resolve_to_the_model_and_are_true(
    stack: MethodStack,
) -> None:
    check_stack(stack.obj, stack.expected, stack.owners)


@pytest.mark.slow
@settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.one_of(stacks(), method_stacks()))
def test_many_random_stacks(stack: Stack | MethodStack) -> None:
    """The sweep ``.ci/run`` adds: ten times the examples, functions and methods."""
    if isinstance(stack, Stack):
        check_stack(stack.obj, stack.model.signature(), stack.model.owners())
    else:
        check_stack(stack.obj, stack.expected, stack.owners)
