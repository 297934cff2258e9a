"""Rows of ``async`` wrappers, generator wrappers (``yield from``, loops),
forwarding through nested functions, lambdas and helpers that receive
``args``/``kwargs`` as values, and ``**kwargs`` forwarded to several callables.

Read by ``test_resolver_async_forwarding`` (one test per table) and by the oracle
(``test_resolver_oracle``), which calls every resolved row for real.
"""

from __future__ import annotations

from helpers.expect import Case, owned

TASKS = "samples.tasks"


def row(name: str, expected: str, owners: dict[str, str], *, id: str) -> Case:
    return Case(id, f"{TASKS}.{name}", expected, owners)


def target(name: str, *params: str) -> dict[str, str]:
    return owned(f"{TASKS}.{name}", *params)


def decorator(name: str, *params: str) -> dict[str, str]:
    return owned(f"samples.async_forwarding.{name}", *params)


ASYNC = [
    row(
        "fetch_async",
        "(url: str, *, timeout: float = 10.0, retries: int = 3) -> bytes",
        {**target("fetch_async", "url", "timeout"), **decorator("async_retry", "retries")},
        id="async wrapper adding a keyword-only parameter",
    ),
    row(
        "query",
        "(sql: str, *params: object) -> list[tuple]",
        target("query", "sql", "params"),
        id="call inside asyncio.wait_for, target has *params",
    ),
    row(
        "get_profile",
        "(user_id: int) -> dict[str, str]",
        target("get_profile", "user_id"),
        id="positional supplied inside async with",
    ),
    row(
        "store_event",
        "(kind: str, payload: dict, *, ttl: int = 3600) -> int",
        target("store_event", "kind", "payload", "ttl"),
        id="keyword supplied inside async with",
    ),
    row(
        "compress",
        "(data: bytes, level: int = 6) -> bytes",
        target("compress", "data", "level"),
        id="async wrapper forwarding through a lambda to run_in_executor",
    ),
    row(
        "commit",
        "(transaction_id: str, *, durable: bool = True) -> bool",
        target("commit", "transaction_id", "durable"),
        id="forwarding through a nested async def",
    ),
    row(
        "update_profile",
        "(user_id: int, *, bio: str = '', retries: int = 3) -> None",
        {**target("update_profile", "user_id", "bio"), **decorator("async_retry", "retries")},
        id="stack of two async wrappers",
    ),
    row(
        "fetch_all",
        "(urls: list[str], *, timeout: float = 10.0) -> bytes",
        {**decorator("for_each_url", "urls"), **target("fetch_all", "timeout")},
        id="fan-out: gather over a generator expression calling the target",
    ),
    row(
        "checksum",
        "(path: str, algorithm: str = 'sha256') -> str",
        target("checksum", "path", "algorithm"),
        id="run_in_executor with functools.partial(func, *args, **kwargs)",
    ),
    row(
        "thumbnail",
        "(path: str, *, size: int = 128) -> bytes",
        target("thumbnail", "path", "size"),
        id="asyncio.to_thread(func, *args, **kwargs)",
    ),
    row(
        "store_metric",
        "(name: str, value: float, *, tags: tuple[str, ...] = (), retries: int = 3) -> None",
        {**target("store_metric", "name", "value", "tags"), **decorator("async_retry", "retries")},
        id="3: class-based over async wrapper over async keyword supplier",
    ),
    row(
        "delete_account",
        "(account_id: int, *, purge: bool = False, attempts: int = 3) -> bool",
        {
            **target("delete_account", "account_id", "purge"),
            **owned("samples.closures.Retry", "attempts"),
        },
        id="3: sync class-based over nested async def over async with",
    ),
]


GENERATORS = [
    row(
        "read_lines",
        "(path: str, encoding: str = 'utf-8') -> collections.abc.Iterator[str]",
        target("read_lines", "path", "encoding"),
        id="yield from",
    ),
    row(
        "scan",
        "(prefix: str, *, recursive: bool = True, limit: int | None = None)"
        " -> collections.abc.Iterator[str]",
        {**target("scan", "prefix", "recursive"), **decorator("limited", "limit")},
        id="for loop over the call, own keyword-only parameter",
    ),
    row(
        "tail",
        "(path: str, lines: int = 10) -> collections.abc.Iterator[str]",
        target("tail", "path", "lines"),
        id="generator stored in a variable, then looped over",
    ),
    row(
        "walk",
        "(root: str, follow_links: bool = False, *, limit: int | None = None)"
        " -> collections.abc.Iterator[str]",
        {**target("walk", "root", "follow_links"), **decorator("limited", "limit")},
        id="loop over yield from",
    ),
    row(
        "stream_events",
        "(topic: str, since: int = 0) -> collections.abc.AsyncIterator[dict]",
        target("stream_events", "topic", "since"),
        id="async for in an async generator",
    ),
]


FORWARDING = [
    row(
        "connect",
        "(host: str, port: int = 5432) -> samples.models.Connection",
        target("connect", "host", "port"),
        id="nested function handed to a helper",
    ),
    row(
        "call_service",
        "(name: str, *, payload: bytes = b'') -> bytes",
        target("call_service", "name", "payload"),
        id="nested function supplying a keyword",
    ),
    row(
        "compute_report",
        "(year: int, quarter: int | None = None) -> dict",
        target("compute_report", "year", "quarter"),
        id="helper receiving args and kwargs as a tuple and a dict",
    ),
    row(
        "list_projects",
        "(owner: str, *, archived: bool = False) -> list[str]",
        target("list_projects", "owner", "archived"),
        id="helper supplying a keyword into the kwargs dict it received",
    ),
    row(
        "render_table",
        "(rows: list[list[str]], /, *, color: str = 'auto', width: int = 80) -> str",
        target("render_table", "rows", "color", "width"),
        # ``rows=`` would reach the validator too and be refused there.
        id="kwargs forwarded to a validator too: only keywords both accept",
    ),
    Case(
        "convenience function: named parameter and **kwargs to a global function",
        "samples.http.get",
        "(url: str, *, timeout: float = 10.0, verify: bool = True) -> bytes",
        # ``get`` declares ``url`` itself: it stays get's, although it goes on
        # to request under the same name (SPEC 1.3); only what travels through
        # ``**kwargs`` is request's.
        {**owned("samples.http.get", "url"), **owned("samples.http.request", "timeout", "verify")},
    ),
    Case(
        "convenience function: *args after a supplied positional",
        "samples.http.head",
        "(url: str, *, timeout: float = 10.0, verify: bool = True) -> bytes",
        owned("samples.http.request", "url", "timeout", "verify"),
    ),
    row(
        "rotate_keys",
        "(service: str, *, keep_old: bool = True) -> int",
        target("rotate_keys", "service", "keep_old"),
        id="kwargs also forwarded to a callable accepting every keyword",
    ),
    row(
        "insert_row",
        "(name: str, email: str, *, strict: bool = False) -> int",
        target("insert_row", "name", "email", "strict"),
        id="args and kwargs forwarded to a validator: only what both accept",
    ),
    row(
        "export_csv",
        "(table: str, path: str, *, header: bool = True) -> int",
        target("export_csv", "table", "path", "header"),
        id="helper receiving the arguments starred",
    ),
    row(
        "migrate",
        "(target_version: int | None = None, *, fake: bool = False) -> None",
        target("migrate", "target_version", "fake"),
        id="nested function with its own *args/**kwargs called with the arguments",
    ),
    row(
        "schedule_job",
        "(name: str, delay: float = 0.0, *, repeat: int = 1) -> str",
        target("schedule_job", "name", "delay", "repeat"),
        id="bound to the target's signature, then forwarded as bound.args/bound.kwargs",
    ),
]


CASES = ASYNC + GENERATORS + FORWARDING
