"""Rows of wrappers without ``wraps``, lambdas, class-based decorators,
decorator factories, and stacks of 2 to 4 decorators mixing them.

Read by ``test_resolver_closures`` (one test per table) and by the oracle
(``test_resolver_oracle``), which calls every resolved row for real.
"""

from __future__ import annotations

from helpers.expect import Case, owned

SVC = "samples.services"


def row(name: str, expected: str, owners: dict[str, str], *, id: str) -> Case:
    return Case(id, f"{SVC}.{name}", expected, owners)


def target(name: str, *params: str) -> dict[str, str]:
    return owned(f"{SVC}.{name}", *params)


def closure(name: str, *params: str) -> dict[str, str]:
    return owned(f"samples.closures.{name}", *params)


def decorator(name: str, *params: str) -> dict[str, str]:
    return owned(f"samples.decorators.{name}", *params)


CLOSURES = [
    row(
        "ping",
        "(host: str, count: int = 4) -> float",
        target("ping", "host", "count"),
        id="closure forwarding everything",
    ),
    row(
        "download",
        "(url: str, *, chunk_size: int = 1024, attempts: int = 3) -> bytes",
        {**target("download", "url", "chunk_size"), **closure("with_attempts", "attempts")},
        id="closure adding a keyword-only parameter",
    ),
    row(
        "show_profile",
        "(request: samples.models.Request, verbose: bool = False) -> str",
        {**closure("authenticated", "request"), **target("show_profile", "verbose")},
        id="closure replacing the first parameter with its own",
    ),
    row(
        "resolve_alias",
        "(alias: str, *, domain: str = 'example.org') -> str",
        target("resolve_alias", "alias", "domain"),
        id="closure holding two callables forwards to the one it passes args to",
    ),
    row(
        "Worker",
        "(queue: str, *, concurrency: int = 4) -> None",
        owned(f"{SVC}.Worker.__init__", "queue", "concurrency"),
        id="closure whose target is a class: the constructor's parameters",
    ),
    row(
        "list_tables",
        "(schema: str = 'public', *, views: bool = False) -> list[str]",
        target("list_tables", "schema", "views"),
        id="decorator returning functools.partial(helper, func)",
    ),
]


LAMBDAS = [
    row(
        "resolve_host",
        "(name: str, family: int = 0) -> list[str]",
        target("resolve_host", "name", "family"),
        id="lambda forwarding everything",
    ),
    row(
        "notify",
        "(channel: str, message: str, *, skip=False) -> bool",
        {**target("notify", "channel", "message"), **closure("optional_call", "skip")},
        id="lambda with its own keyword-only parameter",
    ),
    row(
        "count_rows",
        "(table: str, *, where: str | None = None) -> int",
        target("count_rows", "table", "where"),
        id="lambda supplying the first positional argument",
    ),
]


CLASS_BASED = [
    row(
        "fetch_feed",
        "(url: str, *, since: float | None = None, attempts: int = 3) -> list[str]",
        {**target("fetch_feed", "url", "since"), **closure("Retry", "attempts")},
        id="target in an instance attribute, __call__ adds a keyword",
    ),
    row(
        "settings_page",
        "(request: samples.models.Request, section: str = 'general') -> str",
        {**closure("RequireRequest", "request"), **target("settings_page", "section")},
        id="update_wrapper on the instance, __call__ adds a leading parameter",
    ),
    row(
        "lookup",
        "(key: str, default: int = 0) -> int",
        target("lookup", "key", "default"),
        id="__call__ forwarding to self.__wrapped__",
    ),
    row(
        "geocode",
        "(address: str, *, country: str | None = None) -> tuple[float, float]",
        target("geocode", "address", "country"),
        id="class used as a decorator factory",
    ),
    row(
        "exchange_rate",
        "(source: str, target: str = 'EUR') -> float",
        target("exchange_rate", "source", "target"),
        id="target kept in a __slots__ attribute",
    ),
    row(
        "render_invoice",
        "(invoice_id: int, *, fmt: str = 'pdf') -> bytes",
        target("render_invoice", "invoice_id", "fmt"),
        id="__call__ forwarding through a method receiving the tuple and dict",
    ),
    row(
        "reindex",
        "(collection: str, *, batch_size: int = 500) -> int",
        target("reindex", "collection", "batch_size"),
        id="__call__ keeping the target in a local variable first",
    ),
    row(
        "send_sms",
        "(number: str, text: str, *, sender: str = 'ACME', max_wait: float = 1.0) -> bool",
        {**target("send_sms", "number", "text", "sender"), **closure("Throttled", "max_wait")},
        id="__call__ that is itself decorated",
    ),
    row(
        "resolve_dns",
        "(name: str, kind: str = 'A', *, priority: int = 0) -> list[str]",
        {**target("resolve_dns", "name", "kind"), **closure("RateLimiter.limit", "priority")},
        id="decorator method of a configured object (@limiter.limit)",
    ),
]


FACTORIES = [
    row(
        "drop_table",
        "(user: samples.models.User, name: str, *, cascade: bool = False) -> None",
        {**closure("require_role", "user"), **target("drop_table", "name", "cascade")},
        id="factory without wraps adding a leading parameter",
    ),
    row(
        "poll",
        "(queue: str, *, retries: int = 5, wait: float = 0.5) -> list[str]",
        target("poll", "queue", "retries", "wait"),
        # retries passed positionally would collide with the defaulted keyword.
        id="setdefault with the factory's argument: keyword-only",
    ),
    row(
        "health_check",
        "(service: str, *, timeout=1.5) -> bool",
        {**target("health_check", "service"), **closure("within", "timeout")},
        id="pop default is the factory's argument",
    ),
    row(
        "charge",
        "(customer_id: int, amount: float, *, idempotency_key: str | None = None)"
        " -> samples.models.Response",
        target("charge", "customer_id", "amount", "idempotency_key"),
        id="factory of lambdas supplying a keyword from its argument",
    ),
    row(
        "fetch_quote",
        "(symbol: str, exchange: str = 'NYSE', *, retry_delay: float = 0.0) -> float",
        {**target("fetch_quote", "symbol", "exchange"), **closure("retry_n", "retry_delay")},
        id="three-level factory, owner named by the outermost function",
    ),
]


STACKS = [
    row(
        "edit_profile",
        "(request: samples.models.Request, bio: str = '', *, attempts: int = 3) -> str",
        {
            **closure("authenticated", "request"),
            **target("edit_profile", "bio"),
            **closure("with_attempts", "attempts"),
        },
        id="2: closure over closure",
    ),
    row(
        "purge_cache",
        "(user: samples.models.User, region: str, *, force: bool = False) -> int",
        {**closure("require_role", "user"), **target("purge_cache", "region", "force")},
        id="3: factory over supplied keyword over reader",
    ),
    row(
        "sync_inventory",
        "(warehouse: str, *, full: bool = False, timeout=2.5, retries: int = 3, reason,"
        " attempts: int = 3) -> int",
        {
            **target("sync_inventory", "warehouse", "full"),
            **closure("within", "timeout"),
            **decorator("retry", "retries"),
            **decorator("audited", "reason"),
            **closure("Retry", "attempts"),
        },
        id="4: keyword-only parameters from the inside out",
    ),
    row(
        "drain",
        "(queue: str, *, retries: int = 5, batch: int = 10) -> int",
        target("drain", "queue", "retries", "batch"),
        id="2: lambda over setdefault factory",
    ),
    row(
        "import_rows",
        "(path: str, *, delimiter: str = ',') -> int",
        target("import_rows", "path", "delimiter"),
        id="2: class-based over supplying lambda",
    ),
    row(
        "dashboard",
        "(request: samples.models.Request, layout: str = 'grid', *, skip=False) -> str",
        {
            **closure("RequireRequest", "request"),
            **target("dashboard", "layout"),
            **closure("optional_call", "skip"),
        },
        id="2: class-based over lambda with its own keyword",
    ),
    row(
        "refund_charge",
        "(charge_id: str, amount: float, *, reason: str = 'requested') -> samples.models.Response",
        target("refund_charge", "charge_id", "amount", "reason"),
        id="2: class factory over lambda factory",
    ),
    row(
        "publish",
        "(user: samples.models.User, post_id: int, *, notify: bool = True) -> None",
        {**closure("require_role", "user"), **target("publish", "post_id", "notify")},
        id="2: added leading parameter over a supplied one",
    ),
    row(
        "archive",
        "(user: samples.models.User, project: str, *, keep_days: int = 30, attempts: int = 3,"
        " dry_run=False) -> int",
        {
            **decorator("require_user", "user"),
            **target("archive", "project", "keep_days"),
            **closure("Retry", "attempts"),
            **decorator("skippable", "dry_run"),
        },
        id="4: wraps over class-based over wraps over closure",
    ),
]


CASES = CLOSURES + LAMBDAS + CLASS_BASED + FACTORIES + STACKS
