"""Decorators without ``functools.wraps`` (family 2): closures, lambdas,
class-based decorators and decorator factories.

Without ``__wrapped__`` the resolver has to find the wrapped function in the
wrapper's closure cells or in the decorator instance's attributes.
"""

import functools
import logging
import time
import types

from samples.decorators import log_calls
from samples.models import Request, User, open_connection

logger = logging.getLogger(__name__)


def count_calls(func):
    """Count calls; forwards everything unchanged (no ``wraps``)."""
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        return func(*args, **kwargs)

    return wrapper


def with_attempts(func):
    """Retry a few times; adds a keyword-only ``attempts`` (no ``wraps``)."""

    def wrapper(*args, attempts: int = 3, **kwargs):
        for attempt in range(1, attempts + 1):
            try:
                return func(*args, **kwargs)
            except ConnectionError:
                if attempt == attempts:
                    raise
        return None

    return wrapper


def authenticated(func):
    """Take the request, hand its user to the view (no ``wraps``)."""

    def wrapper(request: Request, *args, **kwargs):
        return func(request.user, *args, **kwargs)

    return wrapper


def instrument(func):
    """A lambda that forwards everything."""
    return lambda *args, **kwargs: func(*args, **kwargs)


def optional_call(func):
    """A lambda with its own keyword-only ``skip``."""
    return lambda *args, skip=False, **kwargs: None if skip else func(*args, **kwargs)


def with_db(func):
    """A lambda that supplies a connection as the first argument."""
    return lambda *args, **kwargs: func(open_connection(), *args, **kwargs)


class Retry:
    """Class-based retry: the target lives in ``self.func``; ``__call__`` adds ``attempts``."""

    def __init__(self, func):
        self.func = func

    def __call__(self, *args, attempts: int = 3, **kwargs):
        for attempt in range(1, attempts + 1):
            try:
                return self.func(*args, **kwargs)
            except ConnectionError:
                if attempt == attempts:
                    raise
        return None


class RequireRequest:
    """Class-based view decorator with ``update_wrapper``; adds a leading ``request``."""

    def __init__(self, view):
        functools.update_wrapper(self, view)
        self._view = view

    def __call__(self, request: Request, *args, **kwargs):
        logger.debug("request for %s", request.path)
        return self._view(*args, **kwargs)


class CountCalls:
    """Class-based counter that calls its target through ``self.__wrapped__``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.__wrapped__(*args, **kwargs)


class rate_limited:
    """A class used as a decorator factory: ``@rate_limited(10)``."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second
        self.last = 0.0

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            wait = self.last + self.interval - time.monotonic()
            if wait > 0:
                logger.debug("rate limited for %.3fs", wait)
            self.last = time.monotonic()
            return func(*args, **kwargs)

        return wrapper


def require_role(role: str):
    """Factory, no ``wraps``: adds a leading ``user`` and checks its role."""

    def decorate(func):
        def wrapper(user: User, *args, **kwargs):
            if role not in user.roles:
                raise PermissionError(f"{role} role required")
            return func(*args, **kwargs)

        return wrapper

    return decorate


def default_retries(n: int):
    """Factory: the target's ``retries`` defaults to ``n`` (closure variable)."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            kwargs.setdefault("retries", n)
            return func(*args, **kwargs)

        return wrapper

    return decorate


def within(seconds: float):
    """Factory: a keyword-only ``timeout`` whose default is the factory argument."""

    def decorate(func):
        def wrapper(*args, **kwargs):
            timeout = kwargs.pop("timeout", seconds)
            started = time.monotonic()
            try:
                return func(*args, **kwargs)
            finally:
                if time.monotonic() - started > timeout:
                    logger.warning("%s overran %ss", func, timeout)

        return wrapper

    return decorate


def tagged(tag: str):
    """Factory of lambdas: the wrapper supplies ``tag=``."""
    return lambda func: functools.wraps(func)(
        lambda *args, **kwargs: func(*args, tag=tag, **kwargs)
    )


def count_into(counter):
    """Factory whose wrapper's closure holds two callables: the counter and the target."""

    def decorate(func):
        def wrapper(*args, **kwargs):
            counter()
            return func(*args, **kwargs)

        return wrapper

    return decorate


def retry_n(times: int):
    """Three levels: ``@retry_n(3)(on=(TimeoutError,))``; adds ``retry_delay``."""

    def configure(*, on: tuple[type[BaseException], ...] = (ConnectionError,)):
        def decorate(func):
            @functools.wraps(func)
            def wrapper(*args, retry_delay: float = 0.0, **kwargs):
                for attempt in range(1, times + 1):
                    try:
                        return func(*args, **kwargs)
                    except on:
                        if attempt == times:
                            raise
                        time.sleep(retry_delay)
                return None

            return wrapper

        return decorate

    return configure


def with_progress(method):
    """Method decorator without ``wraps``: names ``self``, adds ``progress``."""

    def wrapper(self, *args, progress: bool = False, **kwargs):
        if progress:
            logger.info("%s started", method.__name__)
        return method(self, *args, **kwargs)

    return wrapper


class traced_method:
    """Class-based method decorator: a descriptor binding through ``partial``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return functools.partial(self, obj)

    def __call__(self, obj, *args, **kwargs):
        logger.debug("%s.%s called", type(obj).__name__, self.func.__name__)
        return self.func(obj, *args, **kwargs)


class Memo:
    """Class-based memoizer with ``__slots__``: the target is in a slot."""

    __slots__ = ("_cache", "_function")

    def __init__(self, function):
        self._function = function
        self._cache = {}

    def __call__(self, *args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in self._cache:
            self._cache[key] = self._function(*args, **kwargs)
        return self._cache[key]


class Instrumented:
    """Class-based decorator forwarding through a method that receives the tuple and dict."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        return self._invoke(args, kwargs)

    def _invoke(self, args, kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)


class logged_method:
    """Class-based method decorator binding with ``types.MethodType``; adds ``log``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __call__(self, obj, *args, log: bool = True, **kwargs):
        if log:
            logger.info("%s.%s", type(obj).__name__, self.func.__name__)
        return self.func(obj, *args, **kwargs)


class Timed:
    """Class-based timer whose ``__call__`` keeps the target in a local variable."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.total = 0.0

    def __call__(self, *args, **kwargs):
        func = self.func
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            self.total += time.perf_counter() - started


REGISTRY: list[object] = []


def tracked(cls):
    """Replace a class by a factory function that records every instance."""

    @functools.wraps(cls)
    def create(*args, **kwargs):
        instance = cls(*args, **kwargs)
        REGISTRY.append(instance)
        return instance

    return create


class Throttled:
    """Class-based decorator whose own ``__call__`` is decorated too (logged)."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    @log_calls
    def __call__(self, *args, max_wait: float = 1.0, **kwargs):
        return self.func(*args, **kwargs)


class RateLimiter:
    """Decorators from a configured object: ``@limiter.limit``."""

    def __init__(self, per_second: float) -> None:
        self.per_second = per_second
        self.waiting = 0

    def limit(self, func):
        @functools.wraps(func)
        def wrapper(*args, priority: int = 0, **kwargs):
            self.waiting += 1
            try:
                return func(*args, **kwargs)
            finally:
                self.waiting -= 1

        return wrapper


limiter = RateLimiter(5.0)


def _call_with_connection(func, *args, **kwargs):
    """Call ``func`` with a fresh connection first."""
    return func(open_connection(), *args, **kwargs)


def connected(func):
    """A decorator that returns ``functools.partial(helper, func)``."""
    return functools.wraps(func)(functools.partial(_call_with_connection, func))
