"""Rows of ``functools.wraps``/``update_wrapper`` wrappers.

Read by ``test_resolver_wrappers`` (one test per table) and by the oracle
(``test_resolver_oracle``), which calls every resolved row for real.
"""

from __future__ import annotations

from helpers.expect import Case, owned

API = "samples.api"


DEC = "samples.decorators"


def row(name: str, expected: str, owners: dict[str, str], *, id: str) -> Case:
    return Case(id, f"{API}.{name}", expected, owners)


def target(name: str, *params: str) -> dict[str, str]:
    """Parameters owned by the decorated function itself."""
    return owned(f"{API}.{name}", *params)


def decorator(name: str, *params: str) -> dict[str, str]:
    """Parameters owned by a decorator from ``samples.decorators``."""
    return owned(f"{DEC}.{name}", *params)


ADDING = [
    row(
        "fetch",
        "(url: str, timeout: float = 10.0, *, retries: int = 3) -> bytes",
        {**target("fetch", "url", "timeout"), **decorator("retry", "retries")},
        id="keyword-only parameter added after the target's",
    ),
    row(
        "delete_post",
        "(user: samples.models.User, post_id: int, *, hard: bool = False) -> None",
        {**decorator("require_user", "user"), **target("delete_post", "post_id", "hard")},
        id="named parameter before *args comes first",
    ),
    row(
        "transfer",
        "(acting_user: samples.models.User, source: str, target: str, amount: float,"
        " *, notify: bool = True) -> samples.models.Response",
        {
            **decorator("on_behalf_of", "acting_user", "notify"),
            **target("transfer", "source", "target", "amount"),
        },
        id="leading positional and keyword-only added together",
    ),
    row(
        "rebuild_index",
        "(name: str, *, full: bool = False, log_level: int = 10) -> int",
        {**target("rebuild_index", "name", "full"), **decorator("timed", "log_level")},
        id="update_wrapper instead of wraps, target keyword-only first",
    ),
    row(
        "close_account",
        "(account_id: int, *, immediately: bool = False, user_id: int) -> None",
        {
            **target("close_account", "account_id", "immediately"),
            **decorator("audit_user", "user_id"),
        },
        id="required keyword-only parameter of the wrapper's own",
    ),
    row(
        "format_price",
        "(locale: str, /, amount: float, currency: str = 'EUR') -> str",
        {**decorator("with_locale", "locale"), **target("format_price", "amount", "currency")},
        id="positional-only parameter of the wrapper's own",
    ),
]


CONSUMING = [
    row(
        "send_newsletter",
        "(issue: int, audience: str = 'subscribers', *, dry_run=False) -> int",
        {**target("send_newsletter", "issue", "audience"), **decorator("skippable", "dry_run")},
        id="kwargs.pop with a default",
    ),
    row(
        "resize_image",
        "(path: str, width: int, *, timeout=5.0) -> bytes",
        {**target("resize_image", "path", "width"), **decorator("deadline", "timeout")},
        id="kwargs.pop replaces the target's own keyword",
    ),
    row(
        "list_invoices",
        "(account_id: int, year: int | None = None, *, token) -> list[str]",
        {**target("list_invoices", "account_id", "year"), **decorator("require_token", "token")},
        id="kwargs.pop without a default is required",
    ),
    row(
        "refund",
        "(order_id: int, amount: float, *, currency: str = 'EUR', reason)"
        " -> samples.models.Response",
        {**target("refund", "order_id", "amount", "currency"), **decorator("audited", "reason")},
        id="del kwargs[...] is a required keyword after the target's",
    ),
    row(
        "list_customers",
        "(country: str, *, page_size=25) -> list[str]",
        {**target("list_customers", "country"), **decorator("page_size_from_config", "page_size")},
        id="pop default read from a global's attribute, limit supplied",
    ),
    row(
        "crawl",
        "(start_url: str, depth: int = 2, *, user_agent='effsig-client/1.0') -> list[str]",
        {**target("crawl", "start_url", "depth"), **decorator("identified", "user_agent")},
        id="pop default is a module constant: its value",
    ),
    row(
        "solve",
        "(puzzle: str, *, hints: bool = False, deadline=time.monotonic() + 30) -> str",
        {**target("solve", "puzzle", "hints"), **decorator("bounded", "deadline")},
        id="pop default computed per call: its source text",
    ),
    row(
        "push_update",
        "(device_id: str, payload: bytes, *, attempts=3) -> bool",
        {
            **target("push_update", "device_id", "payload"),
            **decorator("attempts_from_kwargs", "attempts"),
        },
        # pop() without a default, but KeyError is caught: optional, default 3.
        id="kwargs.pop in try/except KeyError is optional",
    ),
    row(
        "enqueue",
        "(job: str, *, queue: str = 'default', priority=5) -> str",
        {**target("enqueue", "job", "queue"), **decorator("optional_priority", "priority")},
        id="kwargs.pop(name) if name in kwargs else default",
    ),
]


SUPPLYING = [
    row(
        "load_orders",
        "(customer_id: int, limit: int = 50) -> list[samples.models.Order]",
        target("load_orders", "customer_id", "limit"),
        id="positional argument before *args removes the first parameter",
    ),
    row(
        "fetch_page",
        "(url: str, *, verify: bool = True) -> str",
        target("fetch_page", "url", "verify"),
        id="keyword in the call; later parameters become keyword-only",
    ),
    row(
        "upload",
        "(path: str, *, chunk_size: int = 65536) -> int",
        target("upload", "path", "chunk_size"),
        id="kwargs[name] = value",
    ),
    row(
        "get_json",
        "(url: str, *, headers: dict[str, str] | None = None) -> dict",
        target("get_json", "url", "headers"),
        id="kwargs.update(name=...) over kwargs.update({...})",
    ),
    row(
        "search",
        "(query: str, *, sort: str = 'relevance', page: int = 1, per_page: int = 25) -> list[str]",
        {**target("search", "query", "sort"), **decorator("paginated", "page", "per_page")},
        id="supplied keywords replaced by the wrapper's own keyword-only ones",
    ),
    row(
        "save_order",
        "(order: samples.models.Order) -> int",
        target("save_order", "order"),
        # The wrapper's own ``-> Any`` says nothing about the result: the
        # function's return annotation stays (order_total shows a real one winning).
        id="positional and keyword supplied in one call; the wrapper's -> Any says nothing",
    ),
    row(
        "ping_host",
        "(host: str, *, count: int = 1) -> bool",
        target("ping_host", "host", "count"),
        id="keyword supplied with dict(kwargs, name=...)",
    ),
    row(
        "sync_mailbox",
        "(account: str, *, folders: tuple[str, ...] = ()) -> int",
        target("sync_mailbox", "account", "folders"),
        id="keyword supplied with kwargs |= {...}",
    ),
    row(
        "probe",
        "(host: str, *, port: int = 443) -> bool",
        target("probe", "host", "port"),
        id="keyword supplied by unpacking a merged dict",
    ),
    row(
        "render_page",
        "(path: str, *, cache: bool = True) -> str",
        target("render_page", "path", "cache"),
        # timeout= works in debug mode only: a signature must hold on every path.
        id="keyword supplied on one of two call sites",
    ),
    row(
        "run_query",
        "(sql: str, *, limit: int = 100, conn: samples.models.Connection | None = None)"
        " -> list[tuple]",
        {**target("run_query", "sql", "limit"), **decorator("optional_connection", "conn")},
        id="own keyword-only parameter feeds the target's first positional one",
    ),
]


DEFAULTS_AND_READS = [
    row(
        "create_bucket",
        "(name: str, *, region: str = 'eu-west-1', public: bool = False) -> samples.models.Bucket",
        target("create_bucket", "name", "region", "public"),
        # Passed positionally, region would collide with the keyword the
        # wrapper sets by default: it can only be passed by keyword.
        id="kwargs.setdefault changes the default, the target keeps it",
    ),
    row(
        "login",
        "(username: str, password: str, *, remember: bool = False) -> samples.models.User",
        target("login", "username", "password", "remember"),
        id="kwargs.get and 'in kwargs' change nothing",
    ),
    row(
        "order_total",
        "(order_id: int, *, with_tax: bool = True) -> str",
        target("order_total", "order_id", "with_tax"),
        id="wrapper's own return annotation wins over the target's",
    ),
    row(
        "count_orders",
        "(customer_id: int, *, conn: samples.models.Connection | None = open_connection()) -> int",
        target("count_orders", "customer_id", "conn"),
        # The caller may still pass conn; the default is the wrapper's code.
        id="kwargs[name] = value only when the caller did not pass it is a default",
    ),
    row(
        "geolocate",
        "(ip: str, *, precise: bool = False) -> tuple[float, float]",
        target("geolocate", "ip", "precise"),
        id="helper that only reads args and kwargs to build a cache key",
    ),
    row(
        "rename",
        "(old: str, new: str, *, overwrite: bool = False) -> None",
        target("rename", "old", "new", "overwrite"),
        id="kwargs.items() and len(args) only read",
    ),
    row(
        "convert",
        "(amount: float, source: str, target: str = 'EUR') -> float",
        target("convert", "amount", "source", "target"),
        id="args and kwargs passed as values to a logger change nothing",
    ),
    row(
        "list_orders",
        "(customer_id: int, *, page_size: int | None = 50, newest_first: bool = True)"
        " -> list[samples.models.Order]",
        target("list_orders", "customer_id", "page_size", "newest_first"),
        # The caller's page_size wins unless it is None: a default, like setdefault.
        id="kwargs[name] = value when kwargs.get(name) is None is a default",
    ),
    row(
        "get_task",
        "(task_id: str, *, session: samples.models.DbSession | None = new_session()) -> dict",
        target("get_task", "task_id", "session"),
        # Supplied only on the path where the caller gave none: a default.
        id="keyword supplied only when absent, on a second call site",
    ),
]


POSITIONAL_NEEDS = [
    row(
        "get_setting",
        "(key: str, /, default: str | None = None) -> str | None",
        target("get_setting", "key", "default"),
        id="args[0] read unconditionally makes the first parameter positional-only",
    ),
    row(
        "render",
        "(value: object, /, *, indent: int = 0) -> str",
        target("render", "value", "indent"),
        id="refusing an empty args makes the first parameter positional-only",
    ),
    row(
        "distance",
        "(x: float, y: float, /) -> float",
        target("distance", "x", "y"),
        id="forwarding *args only: positional-only, keyword-only ones disappear",
    ),
    row(
        "create_user",
        "(*, name: str, email: str, admin: bool = False) -> samples.models.User",
        target("create_user", "name", "email", "admin"),
        id="forwarding **kwargs only: everything keyword-only",
    ),
    row(
        "lookup_user",
        "(user_id: int, /, *args, include_deleted: bool = False) -> samples.models.User",
        {
            **target("lookup_user", "user_id", "include_deleted"),
            **decorator("by_first_argument", "args"),
        },
        # args[0] is passed on alone: further positional arguments are accepted
        # and ignored, so include_deleted can only arrive by keyword.
        id="only args[0] passed on",
    ),
]


PASSING_THROUGH = [
    row(
        "dashboard",
        "(request: samples.models.Request, section: str = 'home') -> str",
        target("dashboard", "request", "section"),
        id="named parameter passed straight through stays the target's",
    ),
    row(
        "read_file",
        "(path: str, *, mode: str = 'r', encoding: str | None = None) -> str",
        target("read_file", "path", "mode", "encoding"),
        id="named parameter passed through, no *args: the rest keyword-only",
    ),
    row(
        "stat_file",
        "(path: str, follow_symlinks: bool = True) -> int",
        {**decorator("normalized_path", "path"), **target("stat_file", "follow_symlinks")},
        id="named parameter transformed before passing is the wrapper's",
    ),
    row(
        "call_api",
        "(endpoint: str, *, verify: bool = True, timeout=5.0) -> samples.models.Response",
        {**target("call_api", "endpoint", "verify"), **decorator("deadline_forwarded", "timeout")},
        id="popped keyword passed on by keyword is the wrapper's",
    ),
    row(
        "download_report",
        "(report_id: int, /, *, timeout: float = None) -> bytes",
        target("download_report", "report_id", "timeout"),
        # Passed on under its own name, timeout is the target's (with the
        # wrapper's default); without **kwargs, report_id= and verify= are refused.
        id="one keyword passed through by name, no **kwargs",
    ),
]


CASES = ADDING + CONSUMING + SUPPLYING + DEFAULTS_AND_READS + POSITIONAL_NEEDS + PASSING_THROUGH
