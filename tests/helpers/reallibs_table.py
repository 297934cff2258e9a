"""The real-library corpus (issue 14): what each decorated object really accepts.

Each :class:`LibCase` names an object in ``samples.reallibs.<module>`` and the
signature a caller has to satisfy, written as a parameter list (names, kinds,
defaults; no annotations) and evaluated in the sample module, so a default
can name a module-level object (``mailer=MAILER``). The expectation is read
from the library's source and checked by calling the object
(:func:`helpers.truth.check_truth`), not taken from ``inspect`` or from the
resolver.

A target is a dotted path inside the sample module; a segment ending in
``()`` is called, so ``"Client().get"`` is the method bound to a new
instance and ``"copied_handler()"`` what that builder returns.

:data:`KNOWN_WRONG` is the resolver's work list: the rows whose effective
signature is not the expected one yet, with the idiom it does not follow.
The tests mark those rows ``xfail(strict=True)``, so a fix makes them fail
until the entry is removed.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from helpers.truth import Setup

PACKAGE = "samples.reallibs"


@dataclass(frozen=True)
class LibCase:
    """One decorated object of a real library and its true signature."""

    library: str  # the distribution on PyPI (or the stdlib module)
    module: str  # samples.reallibs.<module>
    name: str  # short, unique within the library
    target: str
    expected: str
    setup: Setup = field(default_factory=Setup)

    @property
    def id(self) -> str:
        return f"{self.library}: {self.name}"

    def sample(self) -> ModuleType:
        return importlib.import_module(f"{PACKAGE}.{self.module}")

    def obj(self) -> Any:
        """The object under test (a fresh instance for ``Cls().method`` targets)."""
        obj: Any = self.sample()
        for segment in self.target.split("."):
            called = segment.endswith("()")
            obj = getattr(obj, segment.removesuffix("()"))
            if called:
                obj = obj()
        return obj

    def truth_setup(self) -> Setup:
        """The setup, with real argument values the sample module keeps for this target.

        A sample may hold ``ORACLE_VALUES = {target: {name: value}}`` for
        arguments only it can build (a graph for networkx).
        """
        extra = getattr(self.sample(), "ORACLE_VALUES", {}).get(self.target)
        if not extra:
            return self.setup
        return replace(self.setup, values={**self.setup.values, **extra})

    def expected_signature(self) -> inspect.Signature:
        """The expectation as an ``inspect.Signature`` (defaults evaluated in the sample)."""
        inner = self.expected.strip()
        assert inner.startswith("(") and inner.endswith(")"), self.expected
        namespace = dict(vars(self.sample()))
        probe = eval(f"lambda {inner[1:-1]}: None", namespace)
        return inspect.signature(probe)


def normalised(sig: inspect.Signature) -> str:
    """Names, kinds and defaults: the call contract.

    Left out: annotations (they do not change which calls bind, the runtime
    check cannot see them, and families 5 and 6 compare them; here they
    would only measure how each tool spells ``P.args`` or a postponed
    string), and the names of ``*args``/``**kwargs``, which no call can pass
    (shown as ``*args``/``**kwargs``).
    """
    P = inspect.Parameter
    params = []
    for param in sig.parameters.values():
        param = param.replace(annotation=P.empty)
        if param.kind is P.VAR_POSITIONAL:
            param = param.replace(name="args")
        elif param.kind is P.VAR_KEYWORD:
            param = param.replace(name="kwargs")
        params.append(param)
    return str(inspect.Signature(params))


def _library(library: str, module: str) -> Callable[..., LibCase]:
    def case(name: str, target: str, expected: str, **setup: Any) -> LibCase:
        return LibCase(library, module, name, target, expected, Setup(**setup))

    return case


def _context(module: str, factory: str) -> Callable[[], Any]:
    def make() -> Any:
        return getattr(importlib.import_module(f"{PACKAGE}.{module}"), factory)()

    return make


def _observer(module: str, reader: str) -> Callable[[Any], Any]:
    def observe(result: Any) -> Any:
        return getattr(importlib.import_module(f"{PACKAGE}.{module}"), reader)(result)

    return observe


def _result_dict(result: Any) -> Any:
    return result


def _pydantic_errors() -> tuple[type[BaseException], ...]:
    from pydantic import ValidationError

    return (ValidationError,)


def _beartype_errors() -> tuple[type[BaseException], ...]:
    from beartype.roar import BeartypeCallHintViolation

    return (TypeError, BeartypeCallHintViolation)


def _typeguard_errors() -> tuple[type[BaseException], ...]:
    from typeguard import TypeCheckError

    return (TypeError, TypeCheckError)


tenacity = _library("tenacity", "tenacity")
backoff = _library("backoff", "backoff")
retrying = _library("retrying", "retrying")
stamina = _library("stamina", "stamina")
cachetools = _library("cachetools", "cachetools")
async_lru = _library("async-lru", "async_lru")
aiocache = _library("aiocache", "aiocache")
methodtools = _library("methodtools", "methodtools")
boltons = _library("boltons", "boltons")
click = _library("click", "click")
typer = _library("typer", "typer")
wrapt = _library("wrapt", "wrapt")
decorator = _library("decorator", "decorator")
makefun = _library("makefun", "makefun")
typeguard = _library("typeguard", "typeguard")
beartype = _library("beartype", "beartype")
pydantic = _library("pydantic", "pydantic")
dramatiq = _library("dramatiq", "dramatiq")
rq = _library("rq", "rq")
flask = _library("flask", "flask")
flask_login = _library("flask-login", "flask_login")
mock = _library("unittest.mock", "unittest_mock")
pytest_ = _library("pytest", "pytest")
dependency_injector = _library("dependency-injector", "dependency_injector")
injector = _library("injector", "injector")
lagom = _library("lagom", "lagom")
timeout_decorator = _library("timeout-decorator", "timeout_decorator")
func_timeout = _library("func-timeout", "func_timeout")
toolz = _library("toolz", "toolz")
returns = _library("returns", "returns")
funcy = _library("funcy", "funcy")
deprecated = _library("Deprecated", "deprecated")
typing_extensions = _library("typing_extensions", "typing_extensions")
ratelimit = _library("ratelimit", "ratelimit")
contextlib = _library("contextlib", "contextlib")
functools = _library("functools", "functools")
dataclasses = _library("dataclasses", "dataclasses")
attrs = _library("attrs", "attrs")
asgiref = _library("asgiref", "asgiref")
loguru = _library("loguru", "loguru")
opentelemetry = _library("opentelemetry-api", "opentelemetry")
hypothesis = _library("hypothesis", "hypothesis")
networkx = _library("networkx", "networkx")
fastapi = _library("fastapi", "fastapi")

CLICK_CONTEXT = _context("click", "click_context")
FLASK_REQUEST = _context("flask", "request_context")
FLASK_LOGIN_REQUEST = _context("flask_login", "request_context")

CASES: list[LibCase] = [
    # --- retry ---------------------------------------------------------------
    tenacity("retry", "fetch_page", "(url, *, timeout=10.0)"),
    tenacity("retry-async", "fetch_json", "(url, /, *, headers=None)"),
    tenacity("retry-method-on-instance", "Client().get", "(path, params=None)"),
    tenacity("retry_with", "fetch_page_once()", "(url, *, timeout=10.0)"),
    backoff("on_exception", "get_quote", "(symbol, *, currency='USD')"),
    backoff("on_exception-async", "send_event", "(name, payload=None)"),
    backoff("on_predicate", "poll_status", "(job_id, /, verbose=False)"),
    retrying("retry", "read_sensor", "(channel, samples=1)"),
    retrying("retry-on-exception", "write_register", "(address, value, *, verify=True)"),
    stamina("retry", "fetch_profile", "(user_id, *, fields=('name',))"),
    stamina("retry-async", "fetch_avatar", "(user_id, size=64)"),
    stamina("retry-generator", "stream_rows", "(query, /, batch=100)"),
    # --- caches --------------------------------------------------------------
    cachetools("cached", "geocode", "(address, *, country=None)"),
    cachetools("cached-info", "tile", "(x, y, /, zoom=10)"),
    cachetools("func.ttl_cache", "exchange", "(base, quote='EUR')"),
    cachetools("cachedmethod-on-instance", "Inventory().stock", "(sku, *, warehouse='main')"),
    async_lru("alru_cache", "lookup_user", "(user_id, *, include_groups=False)"),
    async_lru("alru_cache-bare", "resolve", "(host, port=443)"),
    async_lru("alru_cache-method-on-instance", "Directory().member", "(name, *, active=True)"),
    aiocache(
        "cached",
        "fetch_price",
        "(sku, *, region='eu', cache_read=True, cache_write=True, aiocache_wait_for_write=True)",
        handled=frozenset({"cache_read", "cache_write", "aiocache_wait_for_write"}),
    ),
    aiocache(
        "cached-no-arguments",
        "render_page",
        "(slug, lang='en', *, cache_read=True, cache_write=True, aiocache_wait_for_write=True)",
        handled=frozenset({"cache_read", "cache_write", "aiocache_wait_for_write"}),
    ),
    aiocache(
        "cached-method-on-instance",
        "Catalog().product",
        "(sku, *, cache_read=True, cache_write=True, aiocache_wait_for_write=True)",
        handled=frozenset({"cache_read", "cache_write", "aiocache_wait_for_write"}),
    ),
    methodtools("lru_cache-method-on-instance", "Parser().parse", "(text, *, strict=False)"),
    methodtools("lru_cache-classmethod", "Parser.from_name", "(name, version=1)"),
    methodtools("lru_cache-function", "slugify", "(title, sep='-')"),
    boltons("cacheutils.cached", "resolve_path", "(path, *, follow=True)"),
    boltons("cacheutils.cachedmethod-on-instance", "Repository().blob", "(digest, size=None)"),
    # --- command lines ---------------------------------------------------------
    click("pass_context", "sync", "(source, *, dry_run=False)", context=CLICK_CONTEXT),
    click("pass_obj", "deploy", "(environment, force=False)", context=CLICK_CONTEXT),
    click("make_pass_decorator", "rollback", "(release, /, keep_data=True)", context=CLICK_CONTEXT),
    click("pass_meta_key", "migrate", "(revision='head', *, sql=False)", context=CLICK_CONTEXT),
    typer("command", "greet", "(name, formal=False, *, times=1)"),
    typer("callback", "main", "(verbose=False)"),
    # --- decorator toolkits ------------------------------------------------------
    wrapt("decorator", "upload", "(path, bucket='default', *, public=False)"),
    wrapt(
        "decorator-pops-keyword",
        "download",
        "(url, /, *, verify=True, deadline=None)",
        handled=frozenset({"deadline"}),
    ),
    wrapt("decorator-method-on-instance", "Store().put", "(key, value, *, ttl=None)"),
    wrapt("synchronized", "increment", "(counter, step=1)"),
    decorator("decorator", "area", "(width, height=1, *, unit='m')"),
    decorator("decorator-with-parameter", "notify", "(user, message, /, channel='mail')"),
    decorator("decorator-method-on-instance", "Shape().scale", "(factor, *, around=None)"),
    makefun("partial", "alert", "(subject, body='', *, urgent=False)"),
    makefun("with_partial", "provision", "(name, size=1, *, tags=())"),
    makefun(
        "wraps-append_args",
        "compile_assets",
        "(source, *, minify=True, elapsed)",
        handled=frozenset({"elapsed"}),
    ),
    # --- type checkers -----------------------------------------------------------
    typeguard(
        "typechecked",
        "transfer",
        "(amount, *, to, reference=None)",
        values={"amount": 5, "to": "savings", "reference": "rent"},
        rejects=_typeguard_errors(),
    ),
    typeguard(
        "typechecked-class-method-on-instance",
        "Account().deposit",
        "(amount, /, note='')",
        values={"amount": 5, "note": "cash"},
        rejects=_typeguard_errors(),
    ),
    beartype(
        "beartype",
        "resize",
        "(width, height, *, keep_ratio=True)",
        values={"width": 640, "height": 480, "keep_ratio": False},
        rejects=_beartype_errors(),
    ),
    beartype(
        "beartype-positional-only",
        "clamp",
        "(value, /, low=0.0, high=1.0)",
        values={"value": 0.5, "low": 0.1, "high": 0.9},
        rejects=_beartype_errors(),
    ),
    beartype(
        "beartype-class-method-on-instance",
        "Canvas().draw",
        "(shape, *, fill=False)",
        values={"shape": "circle", "fill": True},
        rejects=_beartype_errors(),
    ),
    pydantic(
        "validate_call",
        "register",
        "(email, age=18, *, newsletter=False)",
        values={"email": "a@example.org", "age": 30, "newsletter": True},
        rejects=_pydantic_errors(),
    ),
    pydantic(
        "validate_call-positional-only",
        "move",
        "(x, y, /, *, speed=1.0)",
        values={"x": 1, "y": 2, "speed": 2.5},
        rejects=_pydantic_errors(),
    ),
    pydantic(
        "validate_call-method-on-instance",
        "Cart().add",
        "(item, qty=1)",
        values={"item": "apple", "qty": 3},
        rejects=_pydantic_errors(),
    ),
    pydantic(
        "dataclass",
        "Invoice",
        "(number, customer='anonymous', paid=False)",
        values={"number": 7, "customer": "acme", "paid": True},
        rejects=(TypeError, *_pydantic_errors()),
        observe=_observer("pydantic", "fields_of"),
    ),
    # --- task queues -----------------------------------------------------------
    dramatiq("actor", "send_welcome", "(user_id, *, template='welcome')"),
    dramatiq("actor-with-options", "build_report", "(month, year, /, fmt='pdf')"),
    rq("job", "resize_image", "(path, width, *, quality=85)"),
    asgiref("sync_to_async", "load_user", "(user_id, *, fields=None)"),
    asgiref("sync_to_async-thread_sensitive=False", "render_report", "(report, /, fmt='html')"),
    asgiref("async_to_sync", "fetch_feed", "(url, limit=10)"),
    # --- web frameworks ----------------------------------------------------------
    fastapi("get", "read_item", "(item_id, q=None)"),
    fastapi("post", "create_item", "(name, price=0.0, *, draft=False)"),
    flask("route", "show_user", "(user_id, *, tab='profile')"),
    flask("copy_current_request_context", "copied_handler()", "(recipient, subject='', *, cc=())"),
    flask("stream_with_context", "export_rows", "(table, /, fmt='csv')", context=FLASK_REQUEST),
    flask_login(
        "login_required",
        "dashboard",
        "(section='home', *, compact=False)",
        context=FLASK_LOGIN_REQUEST,
    ),
    flask_login(
        "fresh_login_required",
        "change_password",
        "(user_id, /, *, confirm=False)",
        context=FLASK_LOGIN_REQUEST,
    ),
    # --- test patching -----------------------------------------------------------
    mock("patch-appends-mock", "check_cwd", "(expected, /)"),
    mock("patch-stacked", "check_listing", "(name, /, *, recursive=False)"),
    mock("patch.object", "check_exists", "(path, /, *, strict=False)"),
    mock("patch-new", "check_fixed_cwd", "(expected, *, strict=True)"),
    mock("patch.dict", "read_mode", "(default='prod')"),
    mock("patch-method-on-instance", "ClientChecks().test_pid", "()"),
    hypothesis("given-keyword", "check_batch", "(size)"),
    hypothesis("given-positional", "check_roundtrip", "(codec)"),
    pytest_("mark.parametrize", "check_value", "(value, scale=1)"),
    pytest_("mark-stacked", "check_platform", "(name, /, *, strict=False)"),
    # --- dependency injection ----------------------------------------------------
    dependency_injector(
        "inject",
        "send_invoice",
        "(invoice_id, *, mailer=MARKERS['mailer'], sender=MARKERS['sender'])",
        handled=frozenset({"mailer", "sender"}),
    ),
    dependency_injector(
        "inject-async",
        "send_reminder",
        "(customer, days=7, *, mailer=MARKERS['mailer'])",
        handled=frozenset({"mailer"}),
    ),
    injector(
        "inject-class",
        "Mailer",
        "(transport, sender='noreply')",
        observe=_observer("injector", "attributes"),
    ),
    injector(
        "inject-dataclass",
        "Report",
        "(transport, title='report')",
        observe=_observer("injector", "attributes"),
    ),
    lagom(
        "bind_to_container",
        "archive_order",
        "(order_id, reason='', repo=injectable)",
        handled=frozenset({"repo"}),
    ),
    lagom(
        "container.partial",
        "close_bound",
        "(order_id, *, repo=injectable)",
        handled=frozenset({"repo"}),
    ),
    # --- timeouts ----------------------------------------------------------------
    timeout_decorator(
        "timeout", "crunch", "(numbers, *, precision=2, timeout=5)", handled=frozenset({"timeout"})
    ),
    timeout_decorator(
        "timeout-none",
        "optimise",
        "(model, iterations=10, *, timeout=None)",
        handled=frozenset({"timeout"}),
    ),
    timeout_decorator(
        "timeout-in-process",
        "crunch_in_process",
        "(numbers, *, precision=2, timeout=5)",
        handled=frozenset({"timeout"}),
        observe=_result_dict,
    ),
    func_timeout("func_set_timeout", "render", "(template, *, context=None)"),
    func_timeout(
        "func_set_timeout-allowOverride",
        "solve",
        "(puzzle, depth=3, *, forceTimeout=5)",
        handled=frozenset({"forceTimeout"}),
    ),
    # --- functional toolkits -------------------------------------------------------
    toolz("memoize", "distance", "(a, b, *, metric='euclid')"),
    toolz("excepts", "safe_int", "(text, base=10)"),
    toolz("compose", "shout", "(text, /, *, width=40)"),
    returns("safe", "parse_port", "(text, *, default=80)"),
    returns("maybe", "find_user", "(user_id, active=True)"),
    returns("impure_safe", "read_config", "(path, /, encoding='utf-8')"),
    returns("future_safe", "download", "(url, *, chunk=1024)"),
    funcy("retry", "ping", "(host, *, port=80)"),
    funcy("memoize", "factorize", "(n, method='trial')"),
    funcy(
        "decorator-reads-call",
        "transfer",
        "(amount, /, to='savings', *, memo='')",
        # Reading ``call.amount`` turns the binding error into AttributeError.
        rejects=(TypeError, AttributeError),
    ),
    funcy("decorator-with-parameter", "charge", "(customer, amount=0)"),
    funcy("ignore", "parse_date", "(text, *, fmt='%Y-%m-%d')"),
    # --- deprecation -----------------------------------------------------------------
    deprecated("deprecated-reason", "fetch_v1", "(url, *, timeout=5)"),
    deprecated("deprecated-bare", "legacy_sum", "(*values, start=0)"),
    deprecated("deprecated-method-on-instance", "Gateway().post", "(payload, /, retries=1)"),
    typing_extensions("deprecated-function", "open_connection", "(host, port=5432, *, ssl=False)"),
    typing_extensions("deprecated-class", "OldClient", "(endpoint, *, retries=3)"),
    loguru("catch", "import_rows", "(path, *, delimiter=',')"),
    loguru("catch-async", "sync_account", "(account_id, full=False)"),
    opentelemetry("start_as_current_span", "checkout", "(cart_id, *, coupon=None)"),
    opentelemetry("start_as_current_span-async", "refund", "(order_id, amount=None, /)"),
    networkx("not_implemented_for", "fresh_degree_sum()", "(G, weight='weight')"),
    networkx(
        "py_random_state",
        "fresh_sample_nodes()",
        "(G, k=1, *, seed=None)",
        handled=frozenset({"seed"}),
    ),
    # --- rate limits -------------------------------------------------------------------
    ratelimit("sleep_and_retry-over-limits", "call_api", "(endpoint, *, params=None)"),
    ratelimit("limits", "quota", "(user, /, scope='read')"),
    # --- standard library ----------------------------------------------------------------
    contextlib("contextmanager", "temporary_setting", "(name, value, *, restore=True)", enter=True),
    contextlib("asynccontextmanager", "leased", "(resource, /, seconds=30)", enter=True),
    contextlib("ContextDecorator", "compute", "(n, *, fast=False)"),
    functools("lru_cache", "tokenize", "(text, *, lower=True)"),
    functools("cache", "load_table", "(name, schema='public')"),
    functools("singledispatch", "serialize", "(value, /, *, indent=None)"),
    functools("partialmethod-on-instance", "Light().on", "(*, fade=0)"),
    functools("wraps", "checksum", "(data, /, algorithm='sha256')"),
    dataclasses(
        "dataclass",
        "Point",
        "(x, y=0.0, *, label='')",
        observe=_observer("dataclasses", "fields_of"),
    ),
    dataclasses(
        "dataclass-kw_only",
        "Options",
        "(*, verbose=False, retries=3)",
        observe=_observer("dataclasses", "fields_of"),
    ),
    dataclasses(
        "dataclass-InitVar-and-init=False",
        "Account",
        "(owner, password)",
        observe=_observer("dataclasses", "fields_of"),
    ),
    attrs(
        "define-private-attribute",
        "Endpoint",
        "(url, timeout=10.0, token=None)",
        observe=_observer("attrs", "fields_of"),
    ),
    attrs(
        "frozen-kw_only",
        "Credentials",
        "(*, user, password='')",
        observe=_observer("attrs", "fields_of"),
    ),
    attrs(
        "alias-Factory-init=False",
        "Page",
        "(number, per_page=20, tags=NOTHING)",
        handled=frozenset({"tags"}),
        observe=_observer("attrs", "fields_of"),
    ),
]


@dataclass(frozen=True)
class Todo:
    """A row the resolver gets wrong today, and how.

    ``worse``: ``inspect.signature`` is right there (SPEC 1.5's "never worse"
    is broken); ``resolved``: the wrong answer is marked ``resolved=True``.
    """

    idiom: str
    worse: bool = False
    resolved: bool = False


_MOCK_APPENDS = (
    "appended positional arguments: _patch.decorate_callable calls func(*newargs, **newkeywargs)"
    " with newargs = args + (mock,) per patching whose new is DEFAULT (from the decoration_helper"
    " context manager): the trailing mock parameters are consumed and everything before them"
    " becomes positional-only"
)

#: The resolver's work list, measured on Python 3.11 and 3.13 (same answers on both).
KNOWN_WRONG: dict[str, Todo] = {
    "boltons: cacheutils.cachedmethod-on-instance": Todo(
        "__call__ that branches on the object's configured state: __get__ returns a copy with"
        " bound_to=obj, and __call__ does 'if self.bound_to is not None: args = (self.bound_to,)"
        " + args' before self.func(*args, **kwargs); read as 'reassigns *args'"
    ),
    "unittest.mock: patch-appends-mock": Todo(_MOCK_APPENDS),
    "unittest.mock: patch-stacked": Todo(_MOCK_APPENDS),
    "unittest.mock: patch.object": Todo(_MOCK_APPENDS),
    "unittest.mock: patch-method-on-instance": Todo(_MOCK_APPENDS),
    "dependency-injector: inject-async": Todo(
        "the same async _patched wrapper; the truth (mailer keyword-only: the compiled resolver"
        " injects it by name even when it came by position) is out of reach, but the presumption"
        " with resolved=False is what it gets",
    ),
    "timeout-decorator: timeout-in-process": Todo(
        "callable instance built per call (timeout_wrapper = _Timeout(function, ..., seconds);"
        " timeout_wrapper(*args, **kwargs)) whose __call__ pops 'timeout' with the default"
        " self.__limit (name-mangled, set from seconds) and hands the arguments to a runner:"
        " Process(target=_target, args=(queue, self.__function) + args, kwargs=kwargs)"
    ),
}
