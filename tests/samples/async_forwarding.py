"""Family 3: ``async`` and generator wrappers, forwarding through nested
functions, through helpers that receive ``args``/``kwargs`` as a tuple/dict,
and ``**kwargs`` forwarded to several callables."""

import asyncio
import contextlib
import functools
import inspect
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from samples.models import Connection

logger = logging.getLogger(__name__)


class Session:
    """A stand-in HTTP session."""

    closed = False


@contextlib.asynccontextmanager
async def open_session() -> AsyncIterator[Session]:
    session = Session()
    try:
        yield session
    finally:
        session.closed = True


class Pool:
    """A stand-in connection pool."""

    @contextlib.asynccontextmanager
    async def acquire(self) -> AsyncIterator[Connection]:
        yield Connection("postgres://pool")


pool = Pool()
current_tenant = "acme"


# --- async ---------------------------------------------------------------------


def async_retry(func):
    """Retry a coroutine function; adds a keyword-only ``retries``."""

    @functools.wraps(func)
    async def wrapper(*args, retries: int = 3, **kwargs):
        for attempt in range(1, retries + 1):
            try:
                return await func(*args, **kwargs)
            except ConnectionError:
                if attempt == retries:
                    raise
        return None

    return wrapper


def async_timeout(seconds: float):
    """Cancel the coroutine after ``seconds``: the call sits inside ``wait_for``."""

    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            return await asyncio.wait_for(func(*args, **kwargs), timeout=seconds)

        return wrapper

    return decorate


def with_session(func):
    """Open a session in ``async with`` and pass it first."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        async with open_session() as session:
            return await func(session, *args, **kwargs)

    return wrapper


def with_pool_connection(func):
    """Borrow a pooled connection and pass it as ``conn=``."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        async with pool.acquire() as conn:
            return await func(*args, conn=conn, **kwargs)

    return wrapper


def in_thread(func):
    """Make a blocking function awaitable; forwards through a lambda."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, lambda: func(*args, **kwargs))

    return wrapper


def shielded(func):
    """Protect a coroutine from cancellation; forwards through a nested ``async def``."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        async def attempt():
            return await func(*args, **kwargs)

        return await asyncio.shield(attempt())

    return wrapper


# --- generators ---------------------------------------------------------------------


def log_progress(func):
    """Log while a generator runs: ``yield from``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logger.debug("starting %s", func.__name__)
        yield from func(*args, **kwargs)
        logger.debug("finished %s", func.__name__)

    return wrapper


def limited(func):
    """Stop a generator early; adds a keyword-only ``limit``."""

    @functools.wraps(func)
    def wrapper(*args, limit: int | None = None, **kwargs):
        for index, item in enumerate(func(*args, **kwargs)):
            if limit is not None and index >= limit:
                return
            yield item

    return wrapper


def monitored(func):
    """Count items; the generator is stored in a variable before the loop."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        produced = 0
        items = func(*args, **kwargs)
        for item in items:
            produced += 1
            yield item
        logger.debug("%s produced %d items", func.__name__, produced)

    return wrapper


def async_batched(func):
    """Re-yield an async generator's items: ``async for``."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        async for item in func(*args, **kwargs):
            yield item

    return wrapper


# --- nested functions and helpers -------------------------------------------------------


def _run_with_backoff(operation: Callable[[], Any], tries: int = 3) -> Any:
    for attempt in range(1, tries + 1):
        try:
            return operation()
        except ConnectionError:
            if attempt == tries:
                raise
    return None


def with_backoff(func):
    """Forward through a nested function handed to a helper."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        def attempt():
            return func(*args, **kwargs)

        return _run_with_backoff(attempt)

    return wrapper


def with_fixed_timeout(func):
    """A nested function supplies ``timeout=`` from its own parameter."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        def call(timeout):
            return func(*args, timeout=timeout, **kwargs)

        return call(5.0)

    return wrapper


def _invoke(target: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    logger.debug("invoking %s", target)
    return target(*args, **kwargs)


def logged(func):
    """Forward through a helper that takes ``args`` and ``kwargs`` as values."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _invoke(func, args, kwargs)

    return wrapper


def _call_for_tenant(
    target: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    kwargs["tenant"] = current_tenant
    return target(*args, **kwargs)


def tenant_scoped(func):
    """A helper that receives the kwargs dict supplies ``tenant``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _call_for_tenant(func, args, kwargs)

    return wrapper


def check_display_options(*, color: str = "auto", width: int = 80) -> None:
    """Check display options before rendering (rejects unknown keywords)."""
    logger.debug("display options: color=%s width=%s", color, width)


def validated(func):
    """Forward ``**kwargs`` to a validator and to the target."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        check_display_options(**kwargs)
        return func(*args, **kwargs)

    return wrapper


def _timed_call(target: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``target`` with the arguments it was given, logging how long it took."""
    started = time.perf_counter()
    try:
        return target(*args, **kwargs)
    finally:
        logger.debug("%s took %.3fs", target, time.perf_counter() - started)


def measured(func):
    """Forward through a helper that takes the arguments starred."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _timed_call(func, *args, **kwargs)

    return wrapper


def guarded(func):
    """Forward through a nested function called with the arguments."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        def call(*inner_args, **inner_kwargs):
            return func(*inner_args, **inner_kwargs)

        try:
            return call(*args, **kwargs)
        except KeyboardInterrupt:
            logger.warning("%s interrupted", func.__name__)
            raise

    return wrapper


def offloaded(func):
    """Run a blocking function in the default executor through ``functools.partial``."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))

    return wrapper


def threaded(func):
    """Run a blocking function with ``asyncio.to_thread``."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await asyncio.to_thread(func, *args, **kwargs)

    return wrapper


def send_notification(*, channel: str = "email", **details: Any) -> None:
    """Tell subscribers about a call; accepts any keyword."""
    logger.debug("notify via %s: %s", channel, details)


def notify_after(func):
    """Forward ``**kwargs`` to a notifier that accepts every keyword."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        send_notification(**kwargs)
        return result

    return wrapper


def validate_row(name: str, email: str, *, strict: bool = False) -> None:
    """Check a row before it is written."""
    logger.debug("validating %s <%s> (strict=%s)", name, email, strict)


def validated_row(func):
    """Forward every argument to the validator and to the target."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        validate_row(*args, **kwargs)
        return func(*args, **kwargs)

    return wrapper


def for_each_url(func):
    """Fan a coroutine function out over a list: ``gather`` over a generator expression."""

    @functools.wraps(func)
    async def wrapper(urls: list[str], **kwargs):
        return await asyncio.gather(*(func(url, **kwargs) for url in urls))

    return wrapper


def enforce_types(func):
    """Check argument types after binding them to the target's signature."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        for name, value in bound.arguments.items():
            expected = signature.parameters[name].annotation
            if isinstance(expected, type) and not isinstance(value, expected):
                logger.debug("%s: expected %s, got %r", name, expected.__name__, value)
        return func(*bound.args, **bound.kwargs)

    return wrapper
