"""Decorators written with ``functools.wraps``/``update_wrapper`` (family 1).

Each one does one thing to its target's parameters, the way such decorators
are written in real code bases: add parameters, consume them, supply them,
change a default, only read them, or need positional arguments.
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from samples.models import Connection, User, new_session, open_connection

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "effsig-client/1.0"


class Config:
    """Settings a decorator reads its defaults from."""

    page_size = 25


config = Config()


def retry(func):
    """Retry on ``ConnectionError``; adds a keyword-only ``retries``."""

    @functools.wraps(func)
    def wrapper(*args, retries: int = 3, **kwargs):
        attempt = 0
        while True:
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                attempt += 1
                if attempt >= retries:
                    raise

    return wrapper


def require_user(func):
    """Check the caller is logged in; adds a leading positional ``user``."""

    @functools.wraps(func)
    def wrapper(user: User, *args, **kwargs):
        if user is None:
            raise PermissionError("login required")
        return func(*args, **kwargs)

    return wrapper


def with_connection(func):
    """Open a connection and pass it as the first positional argument."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        conn = open_connection()
        try:
            return func(conn, *args, **kwargs)
        finally:
            conn.close()

    return wrapper


def with_timeout(seconds: float):
    """Run with a fixed timeout: the wrapper supplies ``timeout=``."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, timeout=seconds, **kwargs)

        return wrapper

    return decorate


def enforce_timeout(func):
    """Always use a 30 second timeout, set through ``kwargs[...] =``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs["timeout"] = 30.0
        return func(*args, **kwargs)

    return wrapper


def with_user_agent(func):
    """Send our user agent, set through ``kwargs.update(name=...)``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.update(user_agent=DEFAULT_USER_AGENT)
        return func(*args, **kwargs)

    return wrapper


def traced(func):
    """Attach a trace id, set through ``kwargs.update({...})``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.update({"trace_id": f"trace-{time.monotonic_ns()}"})
        return func(*args, **kwargs)

    return wrapper


def skippable(func):
    """``dry_run=True`` skips the call: ``kwargs.pop`` with a default."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        dry_run = kwargs.pop("dry_run", False)
        if dry_run:
            logger.info("dry run: not calling %s", func.__name__)
            return None
        return func(*args, **kwargs)

    return wrapper


def deadline(func):
    """Replace the target's own ``timeout`` with the wrapper's (pop + default)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("timeout", 5.0)
        started = time.monotonic()
        result = func(*args, **kwargs)
        if time.monotonic() - started > timeout:
            logger.warning("%s overran its deadline", func.__name__)
        return result

    return wrapper


def require_token(func):
    """Demand an API token: ``kwargs.pop`` without a default."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        token = kwargs.pop("token")
        if not token:
            raise PermissionError("token required")
        return func(*args, **kwargs)

    return wrapper


def audited(func):
    """Log a reason for the call: read then ``del kwargs[...]``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        reason = kwargs["reason"]
        del kwargs["reason"]
        logger.info("%s called because %s", func.__name__, reason)
        return func(*args, **kwargs)

    return wrapper


def default_region(func):
    """Default to our home region: ``kwargs.setdefault``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.setdefault("region", "eu-west-1")
        return func(*args, **kwargs)

    return wrapper


def log_calls(func):
    """Log every call; only reads ``kwargs`` (``get`` and ``in``)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logger.debug("calling %s as %s", func.__name__, kwargs.get("user", "anonymous"))
        if "password" in kwargs:
            logger.debug("password given")
        return func(*args, **kwargs)

    return wrapper


def cache_by_key(func):
    """Cache by the first argument, read as ``args[0]``."""
    cache: dict[Any, Any] = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = args[0]
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    return wrapper


def dispatch_on_first(func):
    """Refuse a call without positional arguments, like ``singledispatch``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not args:
            raise TypeError(f"{func.__name__} requires at least 1 positional argument")
        logger.debug("dispatching on %s", type(args[0]).__name__)
        return func(*args, **kwargs)

    return wrapper


def timed(func):
    """Time the call; built with ``update_wrapper``, adds ``log_level``."""

    def wrapper(*args, log_level: int = logging.DEBUG, **kwargs):
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            logger.log(log_level, "%s took %.3fs", func.__name__, time.perf_counter() - started)

    return functools.update_wrapper(wrapper, func)


def memoize(func):
    """Cache by positional arguments; forwards ``*args`` only."""
    cache: dict[tuple[Any, ...], Any] = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)
        return cache[args]

    return wrapper


def from_json_fields(func):
    """Called with the fields of a JSON object; forwards ``**kwargs`` only."""

    @functools.wraps(func)
    def wrapper(**fields):
        return func(**fields)

    return wrapper


def as_text(func):
    """Render the result as text; the wrapper's own return annotation wins."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs) -> str:
        return str(func(*args, **kwargs))

    return wrapper


def paginated(func):
    """Turn ``offset``/``limit`` into ``page``/``per_page`` keyword-only parameters."""

    @functools.wraps(func)
    def wrapper(*args, page: int = 1, per_page: int = config.page_size, **kwargs):
        return func(*args, offset=(page - 1) * per_page, limit=per_page, **kwargs)

    return wrapper


def page_size_from_config(func):
    """Pop ``page_size`` with a default read from a global object's attribute."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        page_size = kwargs.pop("page_size", config.page_size)
        return func(*args, limit=page_size, **kwargs)

    return wrapper


def on_behalf_of(func):
    """Own named parameter and keyword-only one together."""

    @functools.wraps(func)
    def wrapper(acting_user: User, *args, notify: bool = True, **kwargs):
        logger.info("%s acts (notify=%s)", acting_user, notify)
        return func(*args, **kwargs)

    return wrapper


def checked_connection(func: Callable[..., Any]) -> Callable[..., Any]:
    """Supplies a connection positionally, then a keyword, in one call."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        conn: Connection = open_connection()
        return func(conn, *args, autocommit=False, **kwargs)

    return wrapper


def require_login(method):
    """Method decorator that passes ``self`` straight through."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if getattr(self, "token", None) is None:
            raise PermissionError("log in first")
        return method(self, *args, **kwargs)

    return wrapper


def accepts_legacy_timeout(init):
    """Accept the old ``timeout_ms`` keyword and ignore it."""

    @functools.wraps(init)
    def wrapper(*args, **kwargs):
        legacy = kwargs.pop("timeout_ms", None)
        if legacy is not None:
            logger.warning("timeout_ms is deprecated and ignored")
        return init(*args, **kwargs)

    return wrapper


def with_tenant(init):
    """``__init__`` decorator: takes a ``tenant`` right after ``self``."""

    @functools.wraps(init)
    def wrapper(self, tenant: str, *args, **kwargs):
        self.tenant = tenant
        return init(self, *args, **kwargs)

    return wrapper


def cached_instances(new):
    """``__new__`` decorator: one instance per distinct argument list."""
    instances: dict[Any, Any] = {}

    @functools.wraps(new)
    def wrapper(cls, *args, **kwargs):
        key = (cls, args, tuple(sorted(kwargs.items())))
        if key not in instances:
            instances[key] = new(cls, *args, **kwargs)
        return instances[key]

    return wrapper


def login_required(view):
    """Django-style: names ``request`` and passes it straight through."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "user", None) is None:
            raise PermissionError("login required")
        return view(request, *args, **kwargs)

    return wrapper


def single_path(func):
    """Names ``path`` and forwards only keywords after it (no ``*args``)."""

    @functools.wraps(func)
    def wrapper(path, **kwargs):
        return func(path, **kwargs)

    return wrapper


def normalized_path(func):
    """Takes its own ``path`` and passes a derived value in its place."""

    @functools.wraps(func)
    def wrapper(path: str, *args, **kwargs):
        return func(path.rstrip("/") or "/", *args, **kwargs)

    return wrapper


def deadline_forwarded(func):
    """Pops ``timeout`` with its own default and passes it on by keyword."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("timeout", 5.0)
        return func(*args, timeout=timeout, **kwargs)

    return wrapper


def fast_timeout(func):
    """Supplies ``timeout`` by unpacking a merged dict: ``**{**kwargs, ...}``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **{**kwargs, "timeout": 1.0})

    return wrapper


def audit_user(func):
    """Adds a required keyword-only ``user_id`` of its own."""

    @functools.wraps(func)
    def wrapper(*args, user_id: int, **kwargs):
        logger.info("user %s calls %s", user_id, func.__name__)
        return func(*args, **kwargs)

    return wrapper


def with_locale(func):
    """Adds a positional-only ``locale`` in front."""

    @functools.wraps(func)
    def wrapper(locale: str, /, *args, **kwargs):
        logger.debug("formatting for %s", locale)
        return func(*args, **kwargs)

    return wrapper


def register(cls):
    """Class decorator: wraps ``__init__`` to accept ``enabled``."""
    original_init = cls.__init__

    @functools.wraps(original_init)
    def __init__(self, *args, enabled: bool = True, **kwargs):
        self.enabled = enabled
        original_init(self, *args, **kwargs)

    cls.__init__ = __init__
    return cls


def synchronized(method):
    """Lock on the instance found in ``args[0]``: ``self`` becomes positional-only."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        lock = args[0]._lock
        with lock:
            return method(*args, **kwargs)

    return wrapper


def log_arguments(func):
    """Log the arguments themselves (passed as values to the logger), then forward."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logger.debug("calling %s with %r %r", func.__name__, args, kwargs)
        return func(*args, **kwargs)

    return wrapper


def _cache_key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """A hashable key for a call's arguments."""
    return (args, tuple(sorted(kwargs.items())))


def cached(func):
    """Cache results under a key built by a helper that only reads the arguments."""
    cache: dict[tuple[Any, ...], Any] = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = _cache_key(args, kwargs)
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    return wrapper


def reject_none(func):
    """Refuse ``None`` keyword values; only reads ``kwargs.items()`` and ``len(args)``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for name, value in kwargs.items():
            if value is None:
                raise ValueError(f"{name} must not be None")
        logger.debug("%d positional arguments", len(args))
        return func(*args, **kwargs)

    return wrapper


def short_timeout(func):
    """Supplies ``timeout`` with ``dict(kwargs, timeout=...)``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **dict(kwargs, timeout=2.0))

    return wrapper


def provide_connection(func):
    """Open a connection unless the caller passed one: a conditional ``kwargs[...] =``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if "conn" not in kwargs:
            kwargs["conn"] = open_connection()
        return func(*args, **kwargs)

    return wrapper


def strict_timeout(func):
    """Supplies ``timeout`` with the in-place dict merge ``kwargs |= {...}``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs |= {"timeout": 3.0}
        return func(*args, **kwargs)

    return wrapper


def identified(func):
    """Pops ``user_agent`` with a module-level constant as its default."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        user_agent = kwargs.pop("user_agent", DEFAULT_USER_AGENT)
        logger.debug("as %s", user_agent)
        return func(*args, **kwargs)

    return wrapper


def bounded(func):
    """Pops ``deadline`` whose default is computed per call (shown as its source)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        deadline = kwargs.pop("deadline", time.monotonic() + 30)
        if time.monotonic() > deadline:
            raise TimeoutError("deadline already passed")
        return func(*args, **kwargs)

    return wrapper


def explicit_timeout(func):
    """Names the one keyword it forwards; no ``**kwargs``."""

    @functools.wraps(func)
    def wrapper(*args, timeout=None):
        return func(*args, timeout=timeout)

    return wrapper


DEBUG = False


def production_timeout(func):
    """Supplies ``timeout`` except in debug mode: two call sites."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if DEBUG:
            return func(*args, **kwargs)
        return func(*args, timeout=5.0, **kwargs)

    return wrapper


def by_first_argument(func):
    """Passes on the first positional argument only; extra ones are ignored."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(args[0], **kwargs)

    return wrapper


def default_page_size(func):
    """Fills in ``page_size`` when the caller gave none (or ``None``)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if kwargs.get("page_size") is None:
            kwargs["page_size"] = 50
        return func(*args, **kwargs)

    return wrapper


def optional_connection(func):
    """The caller may bring a connection (keyword-only); it goes in first either way."""

    @functools.wraps(func)
    def wrapper(*args, conn: Connection | None = None, **kwargs):
        return func(conn or open_connection(), *args, **kwargs)

    return wrapper


def provide_session(func):
    """Pass a fresh session unless the caller gave one: the call differs per path."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if "session" in kwargs:
            return func(*args, **kwargs)
        return func(*args, session=new_session(), **kwargs)

    return wrapper


def attempts_from_kwargs(func):
    """Optional ``attempts`` read the old way: ``pop`` in ``try``/``except KeyError``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            attempts = kwargs.pop("attempts")
        except KeyError:
            attempts = 3
        for attempt in range(1, attempts + 1):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                if attempt == attempts:
                    raise
        return None

    return wrapper


def optional_priority(func):
    """Optional ``priority`` popped in a conditional expression."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        priority = kwargs.pop("priority") if "priority" in kwargs else 5
        logger.debug("priority %s", priority)
        return func(*args, **kwargs)

    return wrapper
