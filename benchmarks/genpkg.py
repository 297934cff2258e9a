"""Generate a realistic decorated Python package (and its Sphinx project) for the benchmarks.

Usage::

    python benchmarks/genpkg.py --objects 500 --out benchmarks/_generated/pkg-500
    python benchmarks/genpkg.py --objects 2500 --out /tmp/pkg --seed 7 --no-docs

The result is deterministic for a given ``--objects``/``--seed``::

    OUT/src/benchpkg/            the package (import it with OUT/src on sys.path)
        __init__.py
        models.py                plain domain classes used in annotations
        decorators_NN.py         one full set of decorators per 10 service modules
        services_NNN.py          functions and classes that use them
    OUT/docs/                    a Sphinx project documenting every module
        conf.py                  extensions picked by $EFFSIG_BENCH_MODE
        index.rst, api/*.rst     ``automodule :members:`` + an ``autosummary`` table
    OUT/manifest.json            counts (documented objects, decorated share, ...)

``--objects`` counts what autodoc documents: module-level functions, classes
and methods (instances of the class-based decorator ``traced`` are not routines,
so ``automodule`` skips them; they are generated but not counted).

What the package contains (about 60% of the functions and methods decorated):

* plain functions and methods, ``async def`` functions, classes whose
  ``__init__`` is decorated, ``classmethod``/``staticmethod`` members;
* every decorator pattern of SPEC section 1.3: a wrapper that adds keyword-only
  parameters (``with_timeout``), consumes them with ``kwargs.pop``
  (``retry``, ``retry_n(...)``), supplies a keyword (``with_connection``),
  injects a positional argument (``require_user``, typed ``with_request`` with
  ``ParamSpec``/``Concatenate``, ``with_session`` for methods), sets a default
  (``with_encoding`` via ``setdefault``), only reads (``audited``), ``async``
  wrappers (``async_retry``), a wrapper without ``functools.wraps``
  (``log_calls``), decorator factories, class-based decorators (``traced``: the
  instance wraps the function; ``RateLimiter(...)``: an instance that decorates),
  ``functools.lru_cache`` / ``cache`` and ``contextlib.contextmanager``;
* stacks of 2-3 decorators;
* half of the modules use ``from __future__ import annotations``;
* docstrings with ``:param:`` / ``:returns:`` fields.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "benchpkg"
SERVICES_PER_DECORATOR_MODULE = 10
FUNCTIONS_PER_MODULE = 12
CLASSES_PER_MODULE = 2
METHODS_PER_CLASS = 3
DECORATED_SHARE = 0.6

# --------------------------------------------------------------------------- models

MODELS = '''\
"""Domain objects that the services pass around."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass
class User:
    """Someone who is logged in."""

    name: str
    roles: tuple[str, ...] = ()


@dataclass
class Request:
    """An incoming HTTP request."""

    path: str
    user: User | None = None


class Connection:
    """A database connection borrowed from a pool."""

    def execute(self, statement: str, *params: object) -> list[tuple[object, ...]]:
        """Run ``statement`` and return its rows."""
        return [(statement, *params)]


class Pool:
    """Hands out connections."""

    def acquire(self) -> Connection:
        """Borrow a connection."""
        return Connection()


class Session:
    """A unit of work."""

    def commit(self) -> None:
        """Make the changes permanent."""


@dataclass
class Invoice:
    """A bill sent to a customer."""

    number: str
    amount: Decimal = Decimal(0)
    issued: datetime | None = None


@dataclass
class Customer:
    """Someone who pays."""

    customer_id: int
    name: str = ""
    invoices: list[Invoice] = field(default_factory=list)


@dataclass
class Report:
    """A rendered report."""

    title: str
    rows: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Shipment:
    """Goods on their way."""

    tracking: str
    weight: float = 0.0


POOL = Pool()


def current_user() -> User:
    """The user of the current request."""
    return User("alice", ("admin",))


def current_request() -> Request:
    """The request being served."""
    return Request("/", current_user())
'''

# ------------------------------------------------------------------- decorator module

DECORATORS = '''\
"""Decorators shared by the services {first} to {last}."""
{future}
import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Concatenate, ParamSpec, TypeVar

from .models import POOL, Request, Session, current_request, current_user

P = ParamSpec("P")
R = TypeVar("R")
log = logging.getLogger(__name__)


def with_timeout(func: Callable[..., R]) -> Callable[..., R]:
    """Give the call a deadline (adds the keyword-only ``timeout``).

    :param func: the function to limit.
    :param timeout: seconds after which a slow call is logged.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, timeout: float = 30.0, **kwargs: Any) -> R:
        started = time.monotonic()
        result = func(*args, **kwargs)
        if time.monotonic() - started > timeout:
            log.warning("%s took longer than %ss", func.__name__, timeout)
        return result

    return wrapper


def retry(func: Callable[..., R]) -> Callable[..., R]:
    """Try again on connection errors (consumes ``retries``).

    :param retries: how many attempts before giving up.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        retries = kwargs.pop("retries", 3)
        for _attempt in range(retries):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                log.info("retrying %s", func.__name__)
        return func(*args, **kwargs)

    return wrapper


def retry_n(
    times: int = 3, *, delay: float = 0.0
) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Decorator factory: retry ``times`` times, waiting ``backoff`` seconds.

    :param times: how many attempts.
    :param delay: the default pause between attempts.
    :param backoff: the pause between attempts for this call.
    """

    def decorate(func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> R:
            backoff = kwargs.pop("backoff", delay)
            for _attempt in range(times - 1):
                try:
                    return func(*args, **kwargs)
                except ConnectionError:
                    time.sleep(backoff)
            return func(*args, **kwargs)

        return wrapper

    return decorate


def with_connection(func: Callable[..., R]) -> Callable[..., R]:
    """Pass a pooled connection as ``conn`` (the caller cannot)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        return func(*args, conn=POOL.acquire(), **kwargs)

    return wrapper


def require_user(func: Callable[..., R]) -> Callable[..., R]:
    """Pass the logged-in user as the first argument."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        user = current_user()
        if "admin" not in user.roles:
            raise PermissionError(user.name)
        return func(user, *args, **kwargs)

    return wrapper


def with_request(func: Callable[Concatenate[Request, P], R]) -> Callable[P, R]:
    """Pass the current request as the first argument (typed)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return func(current_request(), *args, **kwargs)

    return wrapper


def with_encoding(func: Callable[..., R]) -> Callable[..., R]:
    """Default ``encoding`` to UTF-8."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        kwargs.setdefault("encoding", "utf-8")
        return func(*args, **kwargs)

    return wrapper


def audited(func: Callable[..., R]) -> Callable[..., R]:
    """Log every call with its ``reason`` (does not change the signature)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        log.info("%s called (reason=%s)", func.__qualname__, kwargs.get("reason"))
        return func(*args, **kwargs)

    return wrapper


def log_calls(func: Callable[..., R]) -> Callable[..., R]:
    """Log calls; copies the metadata by hand instead of ``functools.wraps``."""

    def wrapper(*args: Any, **kwargs: Any) -> R:
        log.debug("calling %s", func)
        return func(*args, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__module__ = func.__module__
    wrapper.__doc__ = func.__doc__
    return wrapper


def async_retry(func: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    """Retry a coroutine function (consumes ``retries``, adds ``pause``).

    :param retries: how many attempts.
    :param pause: seconds to wait between attempts.
    """

    @functools.wraps(func)
    async def wrapper(*args: Any, pause: float = 0.1, **kwargs: Any) -> R:
        retries = kwargs.pop("retries", 2)
        for _attempt in range(retries):
            try:
                return await func(*args, **kwargs)
            except ConnectionError:
                await asyncio.sleep(pause)
        return await func(*args, **kwargs)

    return wrapper


def with_session(method: Callable[..., R]) -> Callable[..., R]:
    """Method decorator: open a session and pass it after ``self``."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> R:
        session = Session()
        result = method(self, session, *args, **kwargs)
        session.commit()
        return result

    return wrapper


def validate_kwargs(init: Callable[..., None]) -> Callable[..., None]:
    """For ``__init__``: accept a keyword-only ``strict`` flag.

    :param strict: reject unknown settings later on.
    """

    @functools.wraps(init)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        strict = kwargs.pop("strict", False)
        init(self, *args, **kwargs)
        self.strict = strict

    return wrapper


class traced:
    """Class-based decorator: the instance wraps the function.

    :param func: the function to trace.
    :param trace_id: identifies the call in the logs.
    """

    def __init__(self, func: Callable[..., Any]) -> None:
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args: Any, trace_id: str | None = None, **kwargs: Any) -> Any:
        self.calls += 1
        log.debug("trace %s: %s", trace_id, self.func.__name__)
        return self.func(*args, **kwargs)


class RateLimiter:
    """Class-based decorator factory: ``@RateLimiter(per_second=5)``.

    :param per_second: calls allowed per second.
    :param priority: calls with priority 5 or more are never delayed.
    """

    def __init__(self, per_second: float = 10.0) -> None:
        self.per_second = per_second
        self.last = 0.0

    def __call__(self, func: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> R:
            priority = kwargs.pop("priority", 0)
            wait = 1.0 / self.per_second - (time.monotonic() - self.last)
            if wait > 0 and priority < 5:
                time.sleep(wait)
            self.last = time.monotonic()
            return func(*args, **kwargs)

        return wrapper


@contextlib.contextmanager
def borrowed_connection() -> Iterator[object]:
    """Borrow a connection for a ``with`` block."""
    yield POOL.acquire()
'''

FUNCTION_DECORATORS = [  # (decorator expression, needs)
    ("with_timeout", ""),
    ("retry", ""),
    ("retry_n({n})", ""),
    ("retry_n({n}, delay=0.5)", ""),
    ("with_connection", "conn"),
    ("require_user", "user"),
    ("with_request", "request"),
    ("with_encoding", "encoding"),
    ("audited", ""),
    ("log_calls", ""),
    ("RATE", ""),
]
METHOD_DECORATORS = [
    ("with_timeout", ""),
    ("retry", ""),
    ("retry_n({n})", ""),
    ("with_connection", "conn"),
    ("with_session", "session"),
    ("with_encoding", "encoding"),
    ("audited", ""),
]
ASYNC_DECORATORS = ["async_retry"]

VERBS = [
    "fetch", "load", "sync", "compute", "export", "render", "resolve", "publish",
    "archive", "refresh", "validate", "merge", "schedule", "cancel", "notify", "list",
    "count", "import", "summarize", "reconcile",
]  # fmt: skip
NOUNS = [
    "invoice", "order", "customer", "report", "ledger", "shipment", "token", "profile",
    "payment", "refund", "account", "catalog", "inventory", "quote", "contract", "receipt",
]  # fmt: skip
CLASS_NOUNS = [
    "Client", "Repository", "Service", "Gateway", "Exporter", "Importer", "Scheduler",
    "Registry", "Cache", "Notifier", "Tracker", "Resolver",
]  # fmt: skip
PARAMS = [  # name, annotation, default (None: required)
    ("customer_id", "int", None),
    ("order_id", "int", None),
    ("name", "str", None),
    ("path", "Path", None),
    ("amount", "Decimal", None),
    ("limit", "int", "100"),
    ("offset", "int", "0"),
    ("verbose", "bool", "False"),
    ("tags", "list[str] | None", "None"),
    ("since", "datetime | None", "None"),
    ("currency", "str", '"EUR"'),
    ("options", "Mapping[str, Any] | None", "None"),
    ("invoice", "Invoice", None),
    ("customer", "Customer", None),
    ("dry_run", "bool", "False"),
    ("batch_size", "int", "500"),
    ("callback", "Callable[[int], None] | None", "None"),
    ("fmt", 'Literal["csv", "json"]', '"json"'),
]
RETURNS = [
    "None", "bool", "int", "str", "list[Invoice]", "dict[str, int]", "Report",
    "Customer | None", "Iterator[Shipment]", "tuple[int, str]",
]  # fmt: skip
ASYNC_RETURNS = ["None", "bool", "Report", "list[Invoice]"]

SERVICE_HEADER = '''\
"""Services: {title}."""
{future}
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
import contextlib
import functools

from .{deco} import (
    RateLimiter,
    async_retry,
    audited,
    log_calls,
    require_user,
    retry,
    retry_n,
    traced,
    validate_kwargs,
    with_connection,
    with_encoding,
    with_request,
    with_session,
    with_timeout,
)
from .models import Connection, Customer, Invoice, Report, Request, Session, Shipment, User

RATE = RateLimiter(per_second={rate})
'''


@dataclass
class Stats:
    """What was generated (written to ``manifest.json``)."""

    documented: int = 0
    functions: int = 0
    methods: int = 0
    classes: int = 0
    decorated: int = 0
    stacked: int = 0
    decorator_modules: int = 0
    service_modules: int = 0
    patterns: dict[str, int] = field(default_factory=dict)

    def count(self, pattern: str) -> None:
        self.patterns[pattern] = self.patterns.get(pattern, 0) + 1


Param = tuple[str, str, str | None, str]  # name, annotation, default source, "pos"/"kw"
Expected = list[list[str | None]]  # [name, kind, repr(default) or None, owner_name]

# What each decorator does to the signature below it (SPEC section 1.3):
# parameters it adds (name, repr(default)), parameters it supplies, defaults it sets.
ADDS: dict[str, list[tuple[str, str]]] = {
    "with_timeout": [("timeout", "30.0")],
    "retry": [("retries", "3")],
    "async_retry": [("pause", "0.1"), ("retries", "2")],
    "RATE": [("priority", "0")],
    "validate_kwargs": [("strict", "False")],
    "traced": [("trace_id", "None")],
}
SUPPLIES = {"with_connection": "conn", "require_user": "user", "with_request": "request"}
SUPPLIES["with_session"] = "session"
OWNERS = {"RATE": "RateLimiter.__call__"}


class _Writer:
    def __init__(
        self,
        rng: random.Random,
        stats: Stats,
        module: str,
        deco_module: str,
        expected: dict[str, Expected],
    ) -> None:
        self.rng = rng
        self.stats = stats
        self.used: set[str] = set()
        self.module = f"{PACKAGE}.{module}"
        self.deco_module = f"{PACKAGE}.{deco_module}"
        self.expected = expected

    def expect(self, path: str, owner: str, params: list[Param], decos: list[str]) -> None:
        """Record the effective parameters of ``path`` (without ``self``/``cls``)."""
        result: Expected = [
            [
                name,
                "KEYWORD_ONLY" if kind == "kw" else "POSITIONAL_OR_KEYWORD",
                None if default is None else repr(ast.literal_eval(default)),
                owner,
            ]
            for name, _ann, default, kind in params
        ]
        for expr in reversed(decos):  # innermost first
            base = expr.split("(")[0]
            deco_owner = f"{self.deco_module}.{OWNERS.get(base, base)}"
            adds = list(ADDS.get(base, []))
            if base == "retry_n":
                adds = [("backoff", "0.5" if "delay=" in expr else "0.0")]
            for name, default in adds:
                result = [p for p in result if p[0] != name]  # the outer layer consumes it first
                result.append([name, "KEYWORD_ONLY", default, deco_owner])
            if base in SUPPLIES:
                result = [p for p in result if p[0] != SUPPLIES[base]]
            if base == "with_encoding":
                for p in result:
                    if p[0] == "encoding":
                        p[2] = repr("utf-8")
        self.expected[path] = result

    def fresh_name(self, candidates: list[str]) -> str:
        for _ in range(20):
            name = self.rng.choice(candidates)
            if name not in self.used:
                self.used.add(name)
                return name
        base = self.rng.choice(candidates)
        n = 2
        while f"{base}_{n}" in self.used:
            n += 1
        self.used.add(f"{base}_{n}")
        return f"{base}_{n}"

    def func_name(self) -> str:
        return self.fresh_name(
            [f"{v}_{n}s" if v == "list" else f"{v}_{n}" for v in VERBS for n in NOUNS]
        )

    def params(
        self, needs: set[str], lo: int = 0, hi: int = 5
    ) -> list[tuple[str, str, str | None, str]]:
        """(name, annotation, default, kind) with kind in pos/kw."""
        count = self.rng.randint(lo, hi)
        chosen = self.rng.sample(PARAMS, count)
        chosen.sort(key=lambda p: p[2] is not None)  # required first
        out: list[tuple[str, str, str | None, str]] = []
        kwonly_from = len(chosen) if self.rng.random() < 0.6 else self.rng.randint(0, len(chosen))
        for i, (name, ann, default) in enumerate(chosen):
            kind = "kw" if i >= kwonly_from and default is not None else "pos"
            out.append((name, ann, default, kind))
        # Parameters the decorators supply.
        lead: list[tuple[str, str, str | None, str]] = []
        if "user" in needs:
            lead.append(("user", "User", None, "pos"))
        if "request" in needs:
            lead.append(("request", "Request", None, "pos"))
        if "session" in needs:
            lead.append(("session", "Session", None, "pos"))
        tail: list[tuple[str, str, str | None, str]] = []
        if "conn" in needs:
            tail.append(("conn", "Connection", None, "kw"))
        if "encoding" in needs:
            tail.append(("encoding", "str", None, "kw"))
        return lead + out + tail

    @staticmethod
    def signature(params: list[tuple[str, str, str | None, str]], self_: str | None) -> str:
        parts = [self_] if self_ else []
        star = False
        for name, ann, default, kind in params:
            if kind == "kw" and not star:
                parts.append("*")
                star = True
            parts.append(f"{name}: {ann}" + (f" = {default}" if default is not None else ""))
        return ", ".join(parts)

    @staticmethod
    def docstring(summary: str, params: list[tuple[str, str, str | None, str]], indent: str) -> str:
        lines = [f'"""{summary}', ""]
        for name, _ann, _default, _kind in params:
            lines.append(f":param {name}: the {name.replace('_', ' ')} to use.")
        lines.append(":returns: the outcome.")
        lines.append('"""')
        return textwrap.indent("\n".join(lines), indent)

    def decorators(self, table: list[tuple[str, str]]) -> tuple[list[str], set[str]]:
        """A stack of 0-3 decorators (outermost first) and the parameters they need."""
        if self.rng.random() >= DECORATED_SHARE:
            return [], set()
        depth = 1 + (self.rng.random() < 0.35) + (self.rng.random() < 0.1)
        picked: list[str] = []
        needs: set[str] = set()
        positional_injected = False
        for expr, need in self.rng.sample(table, depth):
            if need in {"user", "request", "session"}:
                if positional_injected:
                    continue
                positional_injected = True
            picked.append(expr.format(n=self.rng.randint(2, 5)))
            if need:
                needs.add(need)
            self.stats.count(expr.split("(")[0])
        self.stats.decorated += 1
        if len(picked) > 1:
            self.stats.stacked += 1
        return picked, needs

    def function(self) -> str:
        self.stats.functions += 1
        self.stats.documented += 1
        roll = self.rng.random()
        name = self.func_name()
        summary = f"{name.replace('_', ' ').capitalize()}."
        if roll < 0.08:  # coroutine function
            decos: list[str] = []
            if self.rng.random() < DECORATED_SHARE:
                decos = [self.rng.choice(ASYNC_DECORATORS)]
                self.stats.decorated += 1
                self.stats.count(decos[0])
            params = self.params(set())
            ret = self.rng.choice(ASYNC_RETURNS)
            head = "".join(f"@{d}\n" for d in decos)
            body = self.docstring(summary, params, "    ")
            sig = self.signature(params, None)
            self.expect(f"{self.module}.{name}", f"{self.module}.{name}", params, decos)
            return f"{head}async def {name}({sig}) -> {ret}:\n{body}\n    return {_value(ret)}\n"
        if roll < 0.13:  # functools caches (hashable parameters only)
            self.stats.decorated += 1
            deco = self.rng.choice(["functools.lru_cache(maxsize=256)", "functools.cache"])
            self.stats.count(deco.split("(")[0])
            params = [
                p
                for p in self.params(set(), 1, 3)
                if p[0]
                in {"customer_id", "order_id", "name", "limit", "offset", "verbose", "currency"}
            ]
            ret = self.rng.choice(["int", "str", "bool"])
            body = self.docstring(summary, params, "    ")
            sig = self.signature(params, None)
            self.expect(f"{self.module}.{name}", f"{self.module}.{name}", params, [])
            return f"@{deco}\ndef {name}({sig}) -> {ret}:\n{body}\n    return {_value(ret)}\n"
        if roll < 0.16:  # context manager
            self.stats.decorated += 1
            self.stats.count("contextlib.contextmanager")
            params = self.params(set(), 0, 3)
            body = self.docstring(summary, params, "    ")
            sig = self.signature(params, None)
            head = f"@contextlib.contextmanager\ndef {name}({sig}) -> Iterator[Connection]:"
            self.expect(f"{self.module}.{name}", f"{self.module}.{name}", params, [])
            return f"{head}\n{body}\n    yield Connection()\n"
        if roll < 0.19:
            # A class-based decorator instance: not a routine, so automodule
            # skips it (it still counts for the resolver benchmark).
            self.stats.documented -= 1
            self.stats.decorated += 1
            self.stats.count("traced")
            params = self.params(set())
            body = self.docstring(summary, params, "    ")
            self.expect(f"{self.module}.{name}", f"{self.module}.{name}", params, ["traced"])
            return f"@traced\ndef {name}({self.signature(params, None)}) -> None:\n{body}\n"
        decos, needs = self.decorators(FUNCTION_DECORATORS)
        params = self.params(needs)
        ret = self.rng.choice(RETURNS)
        if ret.startswith("Iterator"):
            tail = "    yield from ()\n"
        else:
            tail = f"    return {_value(ret)}\n"
        head = "".join(f"@{d}\n" for d in decos)
        body = self.docstring(summary, params, "    ")
        self.expect(f"{self.module}.{name}", f"{self.module}.{name}", params, decos)
        return f"{head}def {name}({self.signature(params, None)}) -> {ret}:\n{body}\n{tail}"

    def klass(self, methods: int) -> str:
        self.stats.classes += 1
        self.stats.documented += 1
        cname = self.fresh_name([f"{n.capitalize()}{c}" for n in NOUNS for c in CLASS_NOUNS])
        init_params = self.params(set(), 0, 4)
        init_decos: list[str] = []
        if self.rng.random() < 0.5:
            init_decos = ["validate_kwargs"]
            self.stats.count("validate_kwargs")
        lines = [
            f"class {cname}:",
            self.docstring(f"{cname} for the services.", init_params, "    "),
            "",
        ]
        lines += [f"    @{d}" for d in init_decos]
        cpath = f"{self.module}.{cname}"
        self.expect(cpath, f"{cpath}.__init__", init_params, init_decos)
        lines.append(f"    def __init__({self.signature(init_params, 'self')}) -> None:")
        for p in init_params:
            lines.append(f"        self.{p[0]} = {p[0]}")
        if not init_params:
            lines.append("        self.ready = True")
        lines.append("")
        for _ in range(methods):
            self.stats.methods += 1
            self.stats.documented += 1
            mname = self.func_name()
            flavour = self.rng.random()
            if flavour < 0.1:
                params = self.params(set(), 0, 3)
                sig = self.signature(params, "cls")
                self.expect(f"{cpath}.{mname}", f"{cpath}.{mname}", params, [])
                lines += ["    @classmethod", f'    def {mname}({sig}) -> "{cname}":']
                lines.append(self.docstring(f"Build a {cname} by {mname}.", params, "        "))
                lines.append("        return cls()")
            elif flavour < 0.17:
                params = self.params(set(), 1, 3)
                sig = self.signature(params, None)
                self.expect(f"{cpath}.{mname}", f"{cpath}.{mname}", params, [])
                lines += ["    @staticmethod", f"    def {mname}({sig}) -> bool:"]
                lines.append(self.docstring(f"Check {mname}.", params, "        "))
                lines.append("        return True")
            else:
                decos, needs = self.decorators(METHOD_DECORATORS)
                params = self.params(needs, 0, 4)
                ret = self.rng.choice([r for r in RETURNS if not r.startswith("Iterator")])
                lines += [f"    @{d}" for d in decos]
                self.expect(f"{cpath}.{mname}", f"{cpath}.{mname}", params, decos)
                lines.append(f"    def {mname}({self.signature(params, 'self')}) -> {ret}:")
                lines.append(
                    self.docstring(f"{mname.replace('_', ' ').capitalize()}.", params, "        ")
                )
                lines.append(f"        return {_value(ret)}")
            lines.append("")
        return "\n".join(lines)


def _value(ret: str) -> str:
    return {
        "None": "None",
        "bool": "True",
        "int": "0",
        "str": '""',
        "list[Invoice]": "[]",
        "dict[str, int]": "{}",
        "Report": 'Report("r")',
        "Customer | None": "None",
        "tuple[int, str]": '(0, "")',
    }[ret]


DECORATOR_MODULE_OBJECTS = 15  # documented callables in one decorators module


def generate(out: Path, objects: int, seed: int = 1, docs: bool = True) -> Stats:
    """Write the package (and the Sphinx project) for ``objects`` documented objects."""
    rng = random.Random(seed)
    stats = Stats()
    if out.exists():
        shutil.rmtree(out)
    pkg = out / "src" / PACKAGE
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""A generated package for the effsig benchmarks."""\n')
    (pkg / "models.py").write_text(MODELS)
    modules: list[tuple[str, list[str]]] = []  # (module, autosummary names)
    expected: dict[str, Expected] = {}

    per_module = FUNCTIONS_PER_MODULE + CLASSES_PER_MODULE * (1 + METHODS_PER_CLASS)
    index = 0
    deco_name = ""
    while stats.documented < objects:
        if index % SERVICES_PER_DECORATOR_MODULE == 0:
            d = index // SERVICES_PER_DECORATOR_MODULE
            deco_name = f"decorators_{d:02d}"
            future = "from __future__ import annotations\n" if d % 2 else ""
            text = DECORATORS.format(
                first=index, last=index + SERVICES_PER_DECORATOR_MODULE - 1, future=future
            )
            (pkg / f"{deco_name}.py").write_text(text)
            stats.decorator_modules += 1
            stats.documented += DECORATOR_MODULE_OBJECTS
            modules.append((deco_name, []))
        left = objects - stats.documented
        name = f"services_{index:03d}"
        writer = _Writer(rng, stats, name, deco_name, expected)
        future = "from __future__ import annotations\n" if index % 2 else ""
        title = f"{rng.choice(NOUNS)} {rng.choice(['handling', 'workflows', 'tools', 'queries'])}"
        parts = [
            SERVICE_HEADER.format(
                title=title, future=future, deco=deco_name, rate=rng.randint(2, 20)
            )
        ]
        names: list[str] = []
        budget = min(left, per_module)
        n_classes = CLASSES_PER_MODULE if budget >= per_module else 0
        n_functions = budget - n_classes * (1 + METHODS_PER_CLASS)
        for _ in range(n_functions):
            code = writer.function()
            parts.append(code)
            if not code.startswith("@traced"):  # automodule skips those
                names.append(_defined_name(code))
        for _ in range(n_classes):
            code = writer.klass(METHODS_PER_CLASS)
            parts.append(code)
            names.append(_defined_name(code))
        (pkg / f"{name}.py").write_text("\n\n".join(parts))
        stats.service_modules += 1
        modules.append((name, names))
        index += 1

    if docs:
        _write_docs(out / "docs", modules)
    (out / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    (out / "manifest.json").write_text(json.dumps(stats.__dict__, indent=2, sort_keys=True) + "\n")
    return stats


def _defined_name(code: str) -> str:
    for line in code.splitlines():
        for prefix in ("async def ", "def ", "class "):
            if line.startswith(prefix):
                return line[len(prefix) :].split("(")[0].split(":")[0]
    raise ValueError(code)


CONF = '''\
"""Sphinx configuration of the generated benchmark project.

The extensions depend on $EFFSIG_BENCH_MODE: plain, effsig, plain+typehints,
effsig+typehints.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

project = "benchpkg"
mode = os.environ.get("EFFSIG_BENCH_MODE", "plain")
extensions = ["sphinx.ext.autodoc", "sphinx.ext.autosummary"]
if mode.endswith("+typehints"):
    extensions.append("sphinx_autodoc_typehints")
if mode.startswith("effsig"):
    extensions.append("sphinxcontrib_effsig")
autodoc_default_options = {"members": True, "member-order": "bysource"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
'''


def _write_docs(docs: Path, modules: list[tuple[str, list[str]]]) -> None:
    api = docs / "api"
    api.mkdir(parents=True)
    (docs / "conf.py").write_text(CONF)
    toc = "\n".join(f"   api/{name}" for name, _ in modules)
    (docs / "index.rst").write_text(
        "benchpkg\n========\n\nThe generated benchmark package.\n\n"
        f".. toctree::\n   :maxdepth: 1\n\n{toc}\n"
    )
    for name, names in modules:
        full = f"{PACKAGE}.{name}"
        text = f"{full}\n{'=' * len(full)}\n\n"
        if names:
            rows = "\n".join(f"   {n}" for n in names)
            text += f".. currentmodule:: {full}\n\n.. autosummary::\n\n{rows}\n\n"
        text += f".. automodule:: {full}\n   :members:\n"
        (api / f"{name}.rst").write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=500, help="documented objects (default 500)")
    parser.add_argument("--out", type=Path, required=True, help="output directory (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-docs", action="store_true", help="only the package")
    args = parser.parse_args()
    stats = generate(args.out, args.objects, args.seed, docs=not args.no_docs)
    print(json.dumps(stats.__dict__, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
