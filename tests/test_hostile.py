"""Hostile and odd objects: the resolver never crashes, never runs user code, never lies.

A documentation tool runs on other people's code, all of it. For every object
in ``tests/samples_hostile`` (one test each), ``effective_signature``:

- raises only the ``ValueError``/``TypeError`` that ``inspect.signature``
  itself raises for that object (same class), and nothing else;
- finishes quickly (well under a second; a hang fails after a few seconds
  instead of blocking the suite);
- otherwise returns an :class:`EffectiveSignature` that is either the SPEC
  §1.5 fallback (``resolved`` is ``False`` and a note says why) or a resolved
  signature that is true: the one written in the table below, or, where the
  table names none, exactly ``inspect.signature``'s answer;
- and never attributes a parameter to a function that never mentions it
  (:func:`helpers.robustness.strangers`).

Rows marked ``fallback_only`` have no provable answer (cycles, opaque C
targets): claiming ``resolved=True`` for them would be a lie.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers.robustness import (
    ResolutionHung,
    allowed_error,
    describe,
    hang_guard,
    inspect_answer,
    resolve_timed,
    same_signature,
    strangers,
    text,
)
from samples_hostile import (
    annotations_raise,
    builtins_c,
    cycles,
    dynamic,
    mocks,
    module_names,
    raising_attrs,
    sweep_shapes,
    tripwire,
)
from samples_hostile.generate import (
    BIG_OBJECTS,
    EDITS,
    INVENTORY_OBJECTS,
    apply_edit,
    write_big_module,
    write_inventory,
)

from sphinxcontrib_effsig import EffectiveSignature, effective_signature
from sphinxcontrib_effsig.resolver import clear_caches

#: A single resolution slower than this fails the test.
TIME_LIMIT = 0.5


def assert_survives(
    obj: object,
    expected: tuple[str, ...] = (),
    *,
    fallback_only: bool = False,
    time_limit: float = TIME_LIMIT,
) -> EffectiveSignature | None:
    """The contract of this module (see its docstring) for one object.

    ``expected`` lists the true effective signatures (as ``str``); empty
    means "exactly what ``inspect.signature`` says". Returns the signature,
    or ``None`` when the resolver raised inspect's own ``ValueError``/``TypeError``.
    """
    theirs, their_error = inspect_answer(obj)
    result, elapsed = resolve_timed(obj)
    name = f"effective_signature({obj!r:.80})"
    if isinstance(result, BaseException):
        if allowed_error(result, their_error):
            return None
        told = "answers" if their_error is None else f"raises {their_error!r}"
        pytest.fail(f"{name} raised (inspect.signature {told}):\n{describe(result)}", pytrace=False)
    assert elapsed < time_limit, f"{name} took {elapsed:.3f} s (limit {time_limit} s)"
    assert isinstance(result, EffectiveSignature), f"{name} returned {type(result)!r}"
    assert strangers(result) == [], f"{name}: owners that never mention their parameter"
    if not result.resolved:
        assert result.notes, f"{name} fell back without a note: {text(result)}"
        assert all(isinstance(n, str) and n.strip() for n in result.notes), result.notes
        return result
    assert not fallback_only, (
        f"{name} claims resolved=True with {text(result)}, but nothing can be proven here"
    )
    if expected:
        assert text(result) in expected, (
            f"{name} resolved to {text(result)}; true answers: {expected}"
        )
    else:
        assert theirs is not None, (
            f"{name} resolved to {text(result)} where inspect.signature raised "
            f"{their_error!r}; expected resolved=False with a note"
        )
        assert same_signature(result, theirs), (
            f"{name} resolved to {text(result)}; inspect.signature says {text(theirs)}"
        )
    return result


@dataclass(frozen=True)
class Hostile:
    """One hostile object and what is true about it."""

    id: str
    get: Callable[[], object]
    expected: tuple[str, ...] = ()
    fallback_only: bool = False


def table(*rows: Hostile) -> Any:
    return pytest.mark.parametrize("row", rows, ids=[row.id for row in rows])


def check(row: Hostile) -> EffectiveSignature | None:
    return assert_survives(row.get(), row.expected, fallback_only=row.fallback_only)


QUERY = "(sql: str, *params: object, timeout: float = 5.0) -> list[tuple[object, ...]]"
HANDLER = "(route, *, methods=('GET',))"


# --- attributes that raise --------------------------------------------------


@table(
    Hostile(
        "getattr-raises-ConnectionError",
        lambda: raising_attrs.remote,
        ("(method: str, *params: Any) -> Any",),
    ),
    Hostile(
        "__signature__-property-raises",
        lambda: raising_attrs.search,
        ("(query: str, limit: int = 10) -> list[str]",),
    ),
    Hostile(
        "__signature__-is-a-string",
        lambda: raising_attrs.lookup,
        ("(query: str, limit: int = 10) -> list[str]",),
    ),
    Hostile(
        "__wrapped__-property-raises",
        lambda: raising_attrs.fetch_user,
        ("(user_id: int, *, include_deleted: bool = False) -> dict[str, typing.Any]",),
    ),
    Hostile(
        "__code__-__globals__-__defaults__-raise",
        lambda: raising_attrs.open_file,
        ("(path: str, mode: str = 'r') -> Any",),
    ),
    Hostile(
        "__wrapped__-is-a-raising-proxy",
        lambda: raising_attrs.rename,
        ("(old: str, new: str) -> None", "(method: str, *params: Any) -> Any"),
    ),
    Hostile("__wrapped__-is-42", lambda: raising_attrs.enqueue, ("(item: str) -> None",)),
    Hostile(
        "metaclass-getattr-raises",
        lambda: raising_attrs.Model,
        ("(name: str, *, table: str = 'models')", "(name: str, *, table: str = 'models') -> None"),
    ),
    Hostile("descriptor-get-raises-raw", lambda: raising_attrs.Service.__dict__["stop"]),
    Hostile("class-beside-raising-descriptor", lambda: raising_attrs.Service),
    Hostile("method-beside-raising-descriptor", lambda: raising_attrs.Service.start),
    Hostile(
        "__class__-property-claims-FunctionType",
        lambda: raising_attrs.impersonator,
        ("(host: str, port: int = 443) -> None",),
    ),
    Hostile(
        "__hash__-and-__eq__-raise",
        lambda: raising_attrs.fingerprint,
        ("(data: bytes, *, algorithm: str = 'sha256') -> str",),
    ),
    Hostile(
        "wrapper-around-unhashable-callable",
        lambda: raising_attrs.wrapped_fingerprint,
        ("(data: bytes, *, algorithm: str = 'sha256') -> str",),
    ),
)
def test_attributes_that_raise(row: Hostile) -> None:
    check(row)


# --- cycles, deep stacks, self-forwarding -------------------------------------


@table(
    Hostile("__wrapped__-cycle-ping", lambda: cycles.ping, fallback_only=True),
    Hostile("__wrapped__-cycle-pong", lambda: cycles.pong, fallback_only=True),
    Hostile("__wrapped__-is-itself", lambda: cycles.ouroboros, fallback_only=True),
    Hostile(
        "forwards-to-itself-by-global-name",
        lambda: cycles.relay,
        ("(*args: Any, **kwargs: Any) -> Any",),
    ),
    Hostile(
        "forwards-to-itself-through-its-cell",
        lambda: cycles.echo,
        ("(*args: Any, **kwargs: Any) -> Any",),
    ),
    Hostile("mutual-recursion-even", lambda: cycles.even),
    Hostile("mutual-recursion-odd", lambda: cycles.odd),
    Hostile("visitor-methods-forwarding-through-self", lambda: cycles.TreeVisitor.visit),
    Hostile("visitor-generic_visit", lambda: cycles.TreeVisitor.generic_visit),
    Hostile("rewriter-generic_visit-loops-and-branches", lambda: cycles.TreeRewriter.generic_visit),
    Hostile("rewriter-visit_list", lambda: cycles.TreeRewriter.visit_list),
    Hostile("rewriter-bound-visit_list", lambda: cycles.TreeRewriter().visit_list),
    Hostile("200-wraps-decorators", lambda: cycles.deep_wraps, (QUERY,)),
    Hostile("200-closure-decorators", lambda: cycles.deep_closures, (QUERY,)),
    Hostile("100-wraps-and-partial-pairs", lambda: cycles.deep_partials, (QUERY,)),
    Hostile("200-mixed-decorators", lambda: cycles.deep_mixed, (QUERY,)),
    Hostile(
        "1200-wraps-beyond-the-recursion-limit", lambda: cycles.beyond_recursion_limit, (QUERY,)
    ),
    Hostile(
        "1200-closures-beyond-the-recursion-limit",
        lambda: cycles.beyond_recursion_limit_closures,
        (QUERY,),
    ),
)
def test_cycles_and_deep_stacks(row: Hostile) -> None:
    check(row)


def test_a_deep_stack_resolves_as_fast_as_a_shallow_one_twice() -> None:
    """The second resolution of a 200-deep stack reuses the per-code analysis."""
    clear_caches()
    first, cold = resolve_timed(cycles.deep_mixed)
    second, warm = resolve_timed(cycles.deep_mixed)
    assert not isinstance(first, BaseException), describe(first)
    assert not isinstance(second, BaseException), describe(second)
    assert text(first) == text(second)
    assert warm < TIME_LIMIT and cold < TIME_LIMIT, (cold, warm)


# --- functions without honest source ------------------------------------------


@table(
    Hostile("exec-made-function", lambda: dynamic.make_handler),
    Hostile(
        "exec-made-wrapper-of-exec-made-function", lambda: dynamic.forwarded_handler, (HANDLER,)
    ),
    Hostile("code-claims-line-1-of-a-real-file", lambda: dynamic.impostor),
    Hostile("code-claims-a-missing-file", lambda: dynamic.orphan),
    Hostile("first-of-three-lambdas-on-a-line", lambda: dynamic.add),
    Hostile("second-of-three-lambdas-on-a-line", lambda: dynamic.sub),
    Hostile("third-of-three-lambdas-forwards", lambda: dynamic.forward_all, ("(a, b)",)),
    Hostile("lambda-in-a-tuple-of-lambdas-forwards", lambda: dynamic.spread, ("(a, b)",)),
    Hostile("code-claims-a-line-past-the-end", lambda: dynamic.past_the_end, (HANDLER,)),
    Hostile("code-claims-the-docstring-line", lambda: dynamic.on_a_comment, (HANDLER,)),
    Hostile("code-name-matches-no-def", lambda: dynamic.renamed, (HANDLER,)),
)
def test_functions_without_honest_source(row: Hostile) -> None:
    check(row)


# --- builtins and C callables -------------------------------------------------


@table(
    Hostile("len", lambda: builtins_c.length),
    Hostile("print", lambda: builtins_c.builtin_print),
    Hostile("builtin-classmethod-dict.fromkeys", lambda: builtins_c.no_text_signature),
    Hostile("method-descriptor-str.join", lambda: builtins_c.join),
    Hostile("builtin-bound-method-list.append", lambda: builtins_c.bound_append),
    Hostile("math.sqrt", lambda: builtins_c.square_root),
    Hostile("C-class-itertools.chain", lambda: builtins_c.chain),
    Hostile("C-class-OrderedDict", lambda: builtins_c.ordered),
    Hostile("C-callable-instance-itemgetter", lambda: builtins_c.second),
    Hostile("builtin-getattr-no-text-signature", lambda: builtins_c.builtin_getattr),
    Hostile("partial-of-len", lambda: builtins_c.partial_len),
    Hostile("lru_cache-of-abs", lambda: builtins_c.cached_abs),
    Hostile("wraps-around-sorted", lambda: builtins_c.wrapped_sorted),
    Hostile(
        "wraps-around-max-no-text-signature", lambda: builtins_c.wrapped_max, fallback_only=True
    ),
    Hostile(
        "closure-around-getattr", lambda: builtins_c.closure_around_getattr, fallback_only=True
    ),
    Hostile("tuple-subclass", lambda: builtins_c.Point),
    Hostile("dict-subclass-with-decorated-init", lambda: builtins_c.Registry, fallback_only=True),
    Hostile("builtin-object", lambda: object),
    Hostile("builtin-type", lambda: type),
    Hostile("object.__init__", lambda: object.__init__),
    Hostile("slot-wrapper-int.__add__", lambda: int.__add__),
)
def test_builtins_and_c_callables(row: Hostile) -> None:
    check(row)


# --- mocks --------------------------------------------------------------------

TRANSFER = "(source: str, target: str, amount: int = 0) -> bool"

#: What calling an autodoc mock accepts: anything (it answers with another mock).
MOCK_CALL = "(*args: 'Any', **kwargs: 'Any') -> 'Any'"


@table(
    Hostile("unittest.mock.Mock", lambda: mocks.plain_mock),
    Hostile("unittest.mock.MagicMock", lambda: mocks.magic_mock),
    Hostile("unittest.mock.AsyncMock", lambda: mocks.async_mock),
    Hostile("create_autospec", lambda: mocks.autospec_transfer),
    Hostile("Mock-with-__wrapped__", lambda: mocks.mock_with_wrapped, (TRANSFER,)),
    Hostile(
        "mock.patch-decorated",
        lambda: mocks.cwd_report,
        ("(getcwd: Any, prefix: str = '') -> str", "(prefix: str = '') -> str"),
    ),
    Hostile("wraps-around-a-Mock", lambda: mocks.wrapped_mock),
    Hostile(
        "decorated-by-autodoc-mocked-decorator",
        lambda: mocks.upload,
        ("(bucket: str, key: str, data: bytes) -> None", MOCK_CALL),
    ),
    # The return annotation of a class's signature is not a truth either way
    # (inspect takes __new__'s, "Any"; __init__ says "None"); autodoc hides it.
    Hostile(
        "class-derived-from-autodoc-mock",
        lambda: mocks.Bucket,
        ("(*args: 'Any', **kwargs: 'Any') -> 'Any'", "(*args: 'Any', **kwargs: 'Any') -> 'None'"),
    ),
    Hostile("method-of-class-derived-from-autodoc-mock", lambda: mocks.Bucket.list_keys),
    Hostile(
        "wrapper-defined-under-autodoc-mock",
        lambda: mocks.download,
        ("(bucket: str, key: str) -> bytes",),
    ),
    Hostile("autodoc-mocked-class", lambda: mocks.client, (MOCK_CALL,)),
    Hostile("bare-autodoc-_MockObject", lambda: mocks.sphinx_mock_object, (MOCK_CALL,)),
)
def test_mocks(row: Hostile) -> None:
    check(row)


def test_mocks_are_not_mutated_by_resolution() -> None:
    """Resolving a mock neither calls it nor calls anything on it."""
    probe = mocks.mock.Mock()
    effective_signature(probe)
    assert probe.mock_calls == []
    assert probe.method_calls == []
    assert not probe.called


# --- objects that lie about where they come from ------------------------------


@table(
    Hostile("function-__module__-None", lambda: module_names.stateless),
    Hostile(
        "wrapper-__module__-names-missing-module",
        lambda: module_names.relocated,
        ("(key: str, *, ttl: int = 60) -> None",),
    ),
    Hostile("class-__module__-None", lambda: module_names.Anonymous),
    Hostile(
        "class-__module__-and-__qualname__-name-nothing",
        lambda: module_names.Displaced,
        ("(size: int = 0)", "(size: int = 0) -> None"),
    ),
    Hostile("function-with-empty-globals", lambda: module_names.globals_without_name),
    Hostile(
        "globals-__name__-is-an-int",
        lambda: module_names.odd_globals,
        ("(key: str, default: object = None) -> object",),
    ),
)
def test_objects_with_odd_modules(row: Hostile) -> None:
    sig = check(row)
    if sig is not None:
        for param in sig.parameters.values():
            assert isinstance(param.owner_name, str), param


# --- annotations and defaults that raise --------------------------------------


@table(
    Hostile(
        "annotation-names-TYPE_CHECKING-only-and-undefined",
        lambda: annotations_raise.price,
        ("(amount: 'Decimal', currency: 'UndefinedCurrency') -> 'Decimal'",),
    ),
    Hostile(
        "annotation-divides-by-zero",
        lambda: annotations_raise.ratio,
        ("(part: '1 / 0', whole: int) -> float", "(part: '1 / 0', whole: 'int') -> 'float'"),
    ),
    Hostile(
        "annotation-subscription-raises",
        lambda: annotations_raise.generic,
        ("(items: 'Exploding[int]') -> 'Exploding[str]'",),
    ),
    Hostile("annotation-is-invalid-syntax", lambda: annotations_raise.broken_syntax),
    Hostile(
        "wrapper-of-invalid-syntax-annotation",
        lambda: annotations_raise.wrapped_broken_syntax,
        ("(value: 'list[int') -> '->'",),
    ),
    Hostile(
        "__annotations__-property-raises",
        lambda: annotations_raise.process,
        ("(batch: list[int]) -> int", "(batch: 'list[int]') -> 'int'"),
    ),
)
def test_annotations_whose_evaluation_raises(row: Hostile) -> None:
    check(row)


def test_default_whose_repr_eq_hash_raise_is_kept_as_the_same_object() -> None:
    """``str()`` of such a signature raises (for inspect too); the default is passed on as is."""
    result, elapsed = resolve_timed(annotations_raise.sentinel_default)
    assert not isinstance(result, BaseException), describe(result)
    assert elapsed < TIME_LIMIT
    assert list(result.parameters) == ["key", "default"]
    assert result.parameters["default"].default is annotations_raise.SENTINEL


def test_decorator_added_default_whose_repr_eq_hash_raise() -> None:
    """``with_fallback`` adds ``fallback=SENTINEL``; the resolver reads it without comparing it."""
    result, elapsed = resolve_timed(annotations_raise.lookup)
    assert not isinstance(result, BaseException), describe(result)
    assert elapsed < TIME_LIMIT
    if result.resolved:
        assert list(result.parameters) == ["key", "fallback"]
        assert result.parameters["fallback"].default is annotations_raise.SENTINEL
        assert result.parameters["fallback"].kind is inspect.Parameter.KEYWORD_ONLY
    else:
        assert result.notes


# --- shapes the sweep found in real packages -----------------------------------


@pytest.mark.parametrize(
    ("func", "optional"),
    [
        pytest.param(sweep_shapes.system_message, "base_node", id="guarded-del-like-docutils"),
        pytest.param(sweep_shapes.using, "state", id="guarded-pop-like-pygments"),
    ],
)
def test_a_keyword_removed_only_if_present_stays_optional(func: Any, optional: str) -> None:
    """``if k in kwargs: del kwargs[k]`` — a call without ``k`` works, so it must bind."""
    sig, elapsed = resolve_timed(func)
    assert isinstance(sig, EffectiveSignature), describe(sig)
    assert elapsed < TIME_LIMIT
    sig.bind("disk full")
    sig.bind("disk full", **{optional: "root"})


def test_a_parameter_passed_on_under_another_name_stays_its_declarers() -> None:
    """``secho`` calls ``style(message)``, whose parameter is ``text``: ``message`` is secho's."""
    sig = assert_survives(
        sweep_shapes.secho, ("(message: str | None = None, **styles: Any) -> str",)
    )
    assert sig is not None
    assert sig.parameters["message"].owner_name == "samples_hostile.sweep_shapes.secho"


# --- the resolver never runs user code ----------------------------------------

TRIPWIRE_OBJECTS: list[Callable[[], object]] = [
    lambda: tripwire.send_email,
    lambda: tripwire.drop_database,
    lambda: tripwire.download,
    lambda: tripwire.charge,
    lambda: tripwire.Account,
    lambda: tripwire.Account.deposit,
    lambda: tripwire.Account.__init__,
    lambda: tripwire.notify,
    lambda: tripwire.vault,
    lambda: tripwire.inspector,
    lambda: tripwire.sign,
    lambda: tripwire.Ledger,
    lambda: vars(tripwire.Ledger)["post"],
]


@pytest.fixture
def tripwire_armed() -> Iterator[list[object]]:
    """The tripwire objects, fetched first; then both records are emptied."""
    objects = [get() for get in TRIPWIRE_OBJECTS]
    tripwire.CALLS.clear()
    tripwire.LOOKUPS.clear()
    yield objects
    tripwire.CALLS.clear()
    tripwire.LOOKUPS.clear()


@table(
    Hostile(
        "audited-wrapper",
        lambda: tripwire.send_email,
        ("(to: str, subject: str, body: str = '') -> bool",),
    ),
    Hostile(
        "wrapper-that-raises",
        lambda: tripwire.drop_database,
        ("(name: str, *, force: bool = False) -> None",),
    ),
    Hostile(
        "decorator-factory",
        lambda: tripwire.download,
        ("(url: str, chunk_size: int = 1024, *, timeout: float = 30.0) -> bytes",),
    ),
    Hostile(
        "class-based-decorator",
        lambda: tripwire.charge,
        ("(amount: int, currency: str = 'EUR') -> None",),
    ),
    Hostile(
        "class-with-recording-metaclass-new-init",
        lambda: tripwire.Account,
        ("(owner: str, balance: int = 0)", "(owner: str, balance: int = 0) -> None"),
    ),
    Hostile("decorated-method", lambda: tripwire.Account.deposit, ("(self, amount: int) -> int",)),
    Hostile(
        "callable-instance",
        lambda: tripwire.notify,
        ("(message: str, *, urgent: bool = False) -> None",),
    ),
    Hostile("__dict__-is-a-property", lambda: tripwire.vault, ("(key: str) -> bytes",)),
    Hostile(
        "__getattribute__-records",
        lambda: tripwire.inspector,
        ("(target: object, depth: int = 1) -> None",),
    ),
    Hostile(
        "__signature__-and-__wrapped__-properties",
        lambda: tripwire.sign,
        ("(payload: bytes, *, key_id: str = 'default') -> str",),
    ),
    Hostile(
        "__init__-is-a-class-based-decorator-with-__get__",
        lambda: tripwire.Ledger,
        ("(name: str, currency: str = 'EUR')", "(name: str, currency: str = 'EUR') -> None"),
    ),
    Hostile(
        "method-is-a-class-based-decorator-with-__get__",
        lambda: vars(tripwire.Ledger)["post"],
        ("(self, amount: int, *, memo: str = '') -> None",),
    ),
)
def test_tripwire_objects_survive(row: Hostile) -> None:
    check(row)


def test_resolving_never_runs_a_function_body(tripwire_armed: list[object]) -> None:
    """Wrapper bodies, ``__call__``, ``__new__``, ``__init__``, metaclass ``__call__``:
    none of them runs."""
    for obj in tripwire_armed:
        resolve_timed(obj)
    assert tripwire.CALLS == []


def test_resolving_never_triggers_attribute_hooks(
    tripwire_armed: list[object],
) -> None:
    """Unlike ``inspect.signature``, the resolver reads attributes statically.

    Neither ``__getattr__`` nor ``__getattribute__`` runs.
    """
    for obj in tripwire_armed:
        resolve_timed(obj)
    assert tripwire.LOOKUPS == []


def test_inspect_itself_does_trigger___getattr__(tripwire_armed: list[object]) -> None:
    """The tripwire works: ``inspect.signature`` asks a callable instance for ``__signature__``."""
    inspect.signature(tripwire.notify)
    assert "Notifier.__getattr__(__signature__)" in tripwire.LOOKUPS


def test_resolving_every_hostile_object_runs_no_user_code(tripwire_armed: list[object]) -> None:
    """Across every sample module: no body runs and no exception but inspect's escapes."""
    modules = [
        annotations_raise,
        builtins_c,
        cycles,
        dynamic,
        mocks,
        module_names,
        raising_attrs,
        sweep_shapes,
        tripwire,
    ]
    escaped = []
    for module in modules:
        for name, obj in vars(module).items():
            if name.startswith("_") or not callable(obj):
                continue
            result, _elapsed = resolve_timed(obj)
            if isinstance(result, BaseException) and not isinstance(
                result, (ValueError, TypeError)
            ):
                escaped.append(f"{module.__name__}.{name}: {describe(result)}")
    assert escaped == []
    assert tripwire.CALLS == []


# --- source files changed or deleted after import -----------------------------


def import_from(directory: Path, name: str) -> Any:
    sys.path.insert(0, str(directory))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(directory))


@pytest.fixture
def fresh_modules() -> Iterator[list[str]]:
    """Names of modules a test imports; removed from ``sys.modules`` afterwards."""
    names: list[str] = []
    yield names
    for name in names:
        sys.modules.pop(name, None)
    clear_caches()


def summary(sig: EffectiveSignature | BaseException) -> tuple[object, ...]:
    """What must not change when a source file changes: text, owners (sans module), resolved."""
    if isinstance(sig, BaseException):
        return (type(sig).__name__,)
    owners = tuple(p.owner_name.rsplit(".", 1)[-1] for p in sig.parameters.values())
    return text(sig), owners, sig.resolved


@pytest.mark.parametrize("when", ["before-first-resolution", "after-caching"])
@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("obj_name", INVENTORY_OBJECTS)
def test_source_changed_after_import(
    tmp_path: Path, fresh_modules: list[str], edit: str, obj_name: str, when: str
) -> None:
    """The answer is the imported code's, or a fallback; the edited file is never read as truth.

    A fallback may drop what it cannot prove but never invents a parameter
    that neither the imported code's effective signature nor
    ``inspect.signature`` has.
    """
    baseline_dir, edited_dir = tmp_path / "baseline", tmp_path / "edited"
    baseline_dir.mkdir()
    edited_dir.mkdir()
    tag = f"{edit}_{when.replace('-', '_')}_{obj_name}"
    fresh_modules.extend([f"inventory_baseline_{tag}", f"inventory_edited_{tag}"])
    write_inventory(baseline_dir, fresh_modules[0])
    write_inventory(edited_dir, fresh_modules[1])
    baseline = getattr(import_from(baseline_dir, fresh_modules[0]), obj_name)
    edited = getattr(import_from(edited_dir, fresh_modules[1]), obj_name)

    expected, _ = resolve_timed(baseline)
    assert not isinstance(expected, BaseException), describe(expected)
    if when == "after-caching":
        resolve_timed(edited)
    apply_edit(edited_dir / f"{fresh_modules[1]}.py", edit)
    if when == "after-caching":
        clear_caches()

    result, elapsed = resolve_timed(edited)
    assert not isinstance(result, BaseException), describe(result)
    assert elapsed < TIME_LIMIT
    if result.resolved:
        assert summary(result) == summary(expected)
    else:
        assert result.notes
        # The wrapper's own parameters (its *args/**kwargs included) are real
        # too: SPEC 1.5 keeps them when their destination is unknown.
        own = inspect.signature(edited, follow_wrapped=False).parameters
        known = set(expected.parameters) | set(inspect.signature(edited).parameters) | set(own)
        invented = set(result.parameters) - known
        assert not invented, f"fell back to {text(result)}, inventing {invented}"


# --- a 50,000-line source file ------------------------------------------------

BIG_TRUTH = {
    "first_handler": "(request, *, verbose=False, actor='system')",
    "last_handler": "(request, *, verbose=False, actor='system')",
    "audited_lambda": "(request, *, verbose=False, actor='system')",
    "relay_to_last": "(request, *, verbose=False, actor='system')",
}

#: Resolving a lambda may need a full parse of the 50,000-line file (~0.35 s
#: on an idle CI machine); allow headroom for a busy one.
BIG_FILE_LIMIT = 2.0


def test_50000_line_source_file(tmp_path: Path, fresh_modules: list[str]) -> None:
    path = write_big_module(tmp_path, "big_handlers")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 50_000
    fresh_modules.append("big_handlers")
    module = import_from(tmp_path, "big_handlers")
    clear_caches()
    timings = {}
    for name in BIG_OBJECTS:
        obj = getattr(module, name)
        truth = (BIG_TRUTH[name],) if name in BIG_TRUTH else ()
        start = time.perf_counter()
        assert_survives(obj, truth, time_limit=BIG_FILE_LIMIT)
        timings[name] = time.perf_counter() - start
    assert sum(timings.values()) < 2 * BIG_FILE_LIMIT, timings


def test_50000_line_source_file_second_pass_is_cached(
    tmp_path: Path, fresh_modules: list[str]
) -> None:
    write_big_module(tmp_path, "big_handlers_cached")
    fresh_modules.append("big_handlers_cached")
    module = import_from(tmp_path, "big_handlers_cached")
    clear_caches()
    for name in BIG_OBJECTS:
        resolve_timed(getattr(module, name))
    start = time.perf_counter()
    for name in BIG_OBJECTS:
        result, _ = resolve_timed(getattr(module, name))
        assert not isinstance(result, BaseException), describe(result)
    assert time.perf_counter() - start < TIME_LIMIT


# --- the helpers themselves ----------------------------------------------------


def test_hang_guard_interrupts_an_endless_loop() -> None:
    with pytest.raises(ResolutionHung):
        with hang_guard(0.2):
            while True:
                pass


def test_assert_survives_rejects_an_answer_that_is_not_true() -> None:
    """The contract check fails when a resolved answer is none of the stated truths."""

    def plain(a: int) -> None: ...

    with pytest.raises(AssertionError):
        assert_survives(plain, ("(b: str)",))
