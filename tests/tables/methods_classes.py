"""Rows of methods (plain, bound, class and static), decorated ``__init__`` and
``__new__`` (class signatures), ``partial``/``partialmethod`` of decorated
callables, and callable instances.

Read by ``test_resolver_methods_classes`` (one test per table) and by the oracle
(``test_resolver_oracle``), which calls every resolved row for real.
"""

from __future__ import annotations

import functools

from helpers.expect import Case, owned
from samples import api, methods

M = "samples.methods"


RESPONSE = "samples.models.Response"


def row(path: str, expected: str, owners: dict[str, str], *, id: str) -> Case:
    return Case(id, f"{M}.{path}", expected, owners)


def method(qualname: str, *params: str) -> dict[str, str]:
    return owned(f"{M}.{qualname}", *params)


def closure(name: str, *params: str) -> dict[str, str]:
    return owned(f"samples.closures.{name}", *params)


def decorator(name: str, *params: str) -> dict[str, str]:
    return owned(f"samples.decorators.{name}", *params)


def fetch_from_example() -> functools.partial:
    return functools.partial(api.fetch, "https://example.org")


def fetch_quickly() -> functools.partial:
    return functools.partial(api.fetch, timeout=3.0)


def redis_cache() -> functools.partial:
    return functools.partial(methods.Cache, "redis://localhost")


def search_page_two() -> functools.partial:
    return functools.partial(functools.partial(api.search, "effsig"), page=2)


def get_status() -> functools.partial:
    return functools.partial(methods.client.get, "/status")


METHODS = [
    row("Client.ping", "(self) -> bool", method("Client.ping", "self"), id="plain method"),
    row("client.ping", "() -> bool", {}, id="plain bound method drops self"),
    row(
        "Client.get",
        f"(self, path: str, params: dict[str, str] | None = None, *, retries: int = 3)"
        f" -> {RESPONSE}",
        {**method("Client.get", "self", "path", "params"), **decorator("retry", "retries")},
        id="decorated method on the class keeps self, owned by the method",
    ),
    row(
        "client.get",
        f"(path: str, params: dict[str, str] | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.get", "path", "params"), **decorator("retry", "retries")},
        id="decorated bound method",
    ),
    row(
        "Client.delete",
        f"(self, path: str, *, force: bool = False) -> {RESPONSE}",
        method("Client.delete", "self", "path", "force"),
        id="self passed straight through is the method's",
    ),
    row(
        "client.delete",
        f"(path: str, *, force: bool = False) -> {RESPONSE}",
        method("Client.delete", "path", "force"),
        id="bound method whose wrapper names self",
    ),
    row(
        "admin.get",
        f"(path: str, params: dict[str, str] | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.get", "path", "params"), **decorator("retry", "retries")},
        id="inherited decorated method keeps the defining class as owner",
    ),
    row(
        "client.head",
        f"(path: str, body: bytes | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.request", "path", "body"), **decorator("retry", "retries")},
        id="bound method delegating to another method through self",
    ),
    row(
        "Client.head",
        f"(self, path: str, body: bytes | None = None, *, retries: int = 3) -> {RESPONSE}",
        {
            **method("Client.head", "self"),
            **method("Client.request", "path", "body"),
            **decorator("retry", "retries"),
        },
        id="method delegating through self, on the class",
    ),
    row(
        "Client.sync_state",
        "(self, /, force: bool = False) -> int",
        method("Client.sync_state", "self", "force"),
        id="wrapper reading args[0] makes self positional-only on the class",
    ),
    row(
        "client.sync_state",
        "(force: bool = False) -> int",
        method("Client.sync_state", "force"),
        id="wrapper reading args[0], bound",
    ),
    row(
        "client.archive",
        "(path: str, *, keep: int = 5, log: bool = True) -> bool",
        {**method("Client.archive", "path", "keep"), **closure("logged_method", "log")},
        id="class-based method decorator binding with MethodType",
    ),
    row(
        "client.fetch_async",
        "(path: str, *, stream: bool = False, retries: int = 3) -> bytes",
        {
            **method("Client.fetch_async", "path", "stream"),
            **owned("samples.async_forwarding.async_retry", "retries"),
        },
        id="async method under an async wrapper, bound",
    ),
    row(
        "service.run",
        "(job: str, *, priority: int = 0, trace: bool = False) -> None",
        {**method("Service.run", "job", "priority"), **method("Service._traced", "trace")},
        id="decorator defined in the class body",
    ),
    row(
        "scheduler.schedule",
        "(job: str, at: float, *, retries: int = 3) -> int",
        {**method("Service.Scheduler.schedule", "job", "at"), **decorator("retry", "retries")},
        id="method of a nested class",
    ),
    row(
        "client.upload",
        "(path: str, *, chunk_size: int = 65536, progress: bool = False) -> int",
        {**method("Client.upload", "path", "chunk_size"), **closure("with_progress", "progress")},
        id="bound method under a closure without wraps",
    ),
    row(
        "Client.upload",
        "(self, path: str, *, chunk_size: int = 65536, progress: bool = False) -> int",
        {
            **method("Client.upload", "self", "path", "chunk_size"),
            **closure("with_progress", "progress"),
        },
        id="method under a closure without wraps, on the class",
    ),
    row(
        "client.describe",
        "(path: str, *, verbose: bool = False) -> str",
        method("Client.describe", "path", "verbose"),
        id="class-based method decorator binding through partial",
    ),
    row(
        "Client.describe",
        "(obj, path: str, *, verbose: bool = False) -> str",
        method("Client.describe", "obj", "path", "verbose"),
        # The caller passes the instance to __call__'s ``obj`` (by that name).
        id="class-based method decorator on the class: __call__'s name, method's parameter",
    ),
]


CLASS_AND_STATIC = [
    row(
        "Client.from_env",
        "(prefix: str = 'APP_', *, strict: bool = False)",
        method("Client.from_env", "prefix", "strict"),
        id="classmethod over a keyword-supplying factory",
    ),
    row(
        "client.from_env",
        "(prefix: str = 'APP_', *, strict: bool = False)",
        method("Client.from_env", "prefix", "strict"),
        id="classmethod reached through an instance",
    ),
    row(
        "Client.connect",
        "(url: str, *, retries: int = 3) -> bool",
        {**method("Client.connect", "url"), **decorator("retry", "retries")},
        id="classmethod over a wrapper adding a keyword",
    ),
    row(
        "Client.normalize",
        "(path: str, *, trailing_slash: bool = False) -> str",
        method("Client.normalize", "path", "trailing_slash"),
        id="staticmethod over a reader",
    ),
    row(
        "client.normalize",
        "(path: str, *, trailing_slash: bool = False) -> str",
        method("Client.normalize", "path", "trailing_slash"),
        id="staticmethod reached through an instance",
    ),
]


CONSTRUCTORS = [
    row(
        "Database",
        "(dsn: str, pool_size: int = 5) -> None",
        method("Database.__init__", "dsn", "pool_size"),
        id="decorated __init__ that changes nothing",
    ),
    row(
        "Cache",
        "(url: str, *, ttl: int = 300, timeout_ms=None) -> None",
        {
            **method("Cache.__init__", "url", "ttl"),
            **decorator("accepts_legacy_timeout", "timeout_ms"),
        },
        id="decorated __init__ accepting a popped keyword",
    ),
    row(
        "Workspace",
        "(tenant: str, name: str, *, plan: str = 'free') -> None",
        {**decorator("with_tenant", "tenant"), **method("Workspace.__init__", "name", "plan")},
        id="decorated __init__ whose wrapper takes a parameter after self",
    ),
    row(
        "Color",
        "(name: str, *, alpha: float = 1.0)",
        method("Color.__new__", "name", "alpha"),
        id="decorated __new__",
    ),
    row(
        "StrictCache",
        # Its own keyword first, as written; the parent's stand for **kwargs.
        "(url: str, *, strict: bool = False, ttl: int = 300, timeout_ms=None) -> None",
        {
            **method("Cache.__init__", "url", "ttl"),
            **decorator("accepts_legacy_timeout", "timeout_ms"),
            **method("StrictCache.__init__", "strict"),
        },
        id="subclass __init__ adding a keyword and forwarding to super().__init__",
    ),
    row(
        "LegacyCache",
        "(url: str, *, ttl: int = 300, timeout_ms=None) -> None",
        {
            **method("Cache.__init__", "url", "ttl"),
            **decorator("accepts_legacy_timeout", "timeout_ms"),
        },
        id="decorated subclass __init__ forwarding to super().__init__",
    ),
    row(
        "Plugin",
        "(name: str, *, priority: int = 0, enabled: bool = True) -> None",
        {**method("Plugin.__init__", "name", "priority"), **decorator("register", "enabled")},
        id="class decorator wrapping __init__",
    ),
    row(
        "ReadOnlyCache",
        "(url: str, *, ttl: int = 300, timeout_ms=None) -> None",
        {
            **method("Cache.__init__", "url", "ttl"),
            **decorator("accepts_legacy_timeout", "timeout_ms"),
        },
        id="inherited decorated __init__",
    ),
    row(
        "Registry",
        "(host: str, port: int = 6379) -> None",
        method("Registry.__init__", "host", "port"),
        id="metaclass __call__ forwarding to super().__call__",
    ),
    row(
        "Queue",
        "(name: str, *, durable: bool = True, trace: bool = False) -> None",
        {**method("Queue.__init__", "name", "durable"), **method("Traced", "trace")},
        id="metaclass __call__ adding a keyword (owner named by the metaclass)",
    ),
    row(
        "Pool",
        "(size: int = 10, *, block: bool = True) -> None",
        method("Pool.__init__", "size", "block"),
        id="__new__ taking *args/**kwargs it does not use: __init__'s parameters",
    ),
]


PARTIALS = [
    Case(
        "partial with a positional argument",
        fetch_from_example,
        "(timeout: float = 10.0, *, retries: int = 3) -> bytes",
        {**owned("samples.api.fetch", "timeout"), **decorator("retry", "retries")},
    ),
    Case(
        "partial with a keyword argument",
        fetch_quickly,
        "(url: str, *, timeout: float = 3.0, retries: int = 3) -> bytes",
        {**owned("samples.api.fetch", "url", "timeout"), **decorator("retry", "retries")},
    ),
    Case(
        "partial of a decorated bound method",
        get_status,
        f"(params: dict[str, str] | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.get", "params"), **decorator("retry", "retries")},
    ),
    Case(
        "partial of a class with a decorated __init__",
        redis_cache,
        "(*, ttl: int = 300, timeout_ms=None) -> None",
        {**method("Cache.__init__", "ttl"), **decorator("accepts_legacy_timeout", "timeout_ms")},
    ),
    Case(
        "partial of a partial of a decorated function",
        search_page_two,
        "(*, sort: str = 'relevance', page: int = 2, per_page: int = 25) -> list[str]",
        {**owned("samples.api.search", "sort"), **decorator("paginated", "page", "per_page")},
    ),
    row(
        "Client.post",
        f"(self, /, path: str, body: bytes | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.request", "self", "path", "body"), **decorator("retry", "retries")},
        # partialmethod's unbound function takes ``cls_or_self`` positionally
        # only: ``Client.post(self=c, path="/")`` fails (inspect says otherwise).
        id="partialmethod of a decorated method, on the class",
    ),
    row(
        "client.post",
        f"(path: str, body: bytes | None = None, *, retries: int = 3) -> {RESPONSE}",
        {**method("Client.request", "path", "body"), **decorator("retry", "retries")},
        id="partialmethod of a decorated method, bound",
    ),
    row(
        "Square",
        "(size: float = 1.0, *, color: str = 'black') -> None",
        method("Shape.__init__", "size", "color"),
        id="__init__ = partialmethod(Parent.__init__, ...)",
    ),
    row(
        "adder",
        "(left: int, right: int = 0) -> int",
        method("Adder.apply", "left", "right"),
        id="__call__ = partialmethod(method, ...): the method's parameters",
    ),
]


CALLABLE_INSTANCES = [
    row(
        "handler",
        "(event: dict, *, replay: bool = False) -> None",
        method("WebhookHandler", "event", "replay"),
        id="instance with a decorated __call__ (owner named by its class)",
    ),
    row(
        "job",
        "(payload: bytes, *, retries: int = 3) -> int",
        {**method("Job", "payload"), **decorator("retry", "retries")},
        id="instance whose __call__ gains a keyword",
    ),
]


CASES = METHODS + CLASS_AND_STATIC + CONSTRUCTORS + PARTIALS + CALLABLE_INSTANCES
