"""Wrapper templates the random-stack oracle test draws from.

Each is a small decorator with one well-defined effect on its target's
parameters; hypothesis stacks 1-4 of them on generated target functions.
The names they add (``trace_id``, ``request``, ``verbose``, ``dry_run``,
``token``, ``reason``, ``attempts``, ``skip``, ``retries``, ``limit``) and the
names they act on (``timeout``, ``region``) are reserved: generated targets use
other names, except that they may declare ``timeout``/``region``. ``async_*``
templates wrap coroutine functions, ``gen_*`` templates generators.
"""

import functools
import types

from samples.models import Connection

CONNECTION = Connection("sqlite://templates")


def passthrough(func):
    """``wraps`` wrapper forwarding everything."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def passthrough_closure(func):
    """Closure without ``wraps`` forwarding everything."""

    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def passthrough_lambda(func):
    """A lambda forwarding everything."""
    return lambda *args, **kwargs: func(*args, **kwargs)


class PassThrough:
    """Class-based decorator forwarding everything from ``__call__``."""

    def __init__(self, func):
        self.func = func

    def __call__(self, *args, **kwargs):
        return self.func(*args, **kwargs)


def _forward(target, args, kwargs):
    return target(*args, **kwargs)


def via_helper(func):
    """Forward through a helper that receives ``args``/``kwargs`` as values."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _forward(func, args, kwargs)

    return wrapper


def with_trace_id(func):
    """Adds a leading positional ``trace_id``."""

    @functools.wraps(func)
    def wrapper(trace_id: str, *args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def with_verbose(func):
    """Adds a keyword-only ``verbose=False``."""

    @functools.wraps(func)
    def wrapper(*args, verbose: bool = False, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def with_dry_run(func):
    """Pops ``dry_run`` with a default."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if kwargs.pop("dry_run", False):
            return None
        return func(*args, **kwargs)

    return wrapper


def with_token(func):
    """Pops a required ``token``."""

    def wrapper(*args, **kwargs):
        token = kwargs.pop("token")
        if token is None:
            raise PermissionError("token required")
        return func(*args, **kwargs)

    return wrapper


def with_connection(func):
    """Supplies the first positional argument."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(CONNECTION, *args, **kwargs)

    return wrapper


def with_timeout(func):
    """Supplies ``timeout=`` in the call."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, timeout=5, **kwargs)

    return wrapper


def with_region(func):
    """Gives ``region`` a default through ``setdefault``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.setdefault("region", "eu-west-1")
        return func(*args, **kwargs)

    return wrapper


def needs_first(func):
    """Reads ``args[0]``: the first positional parameter becomes positional-only."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if args[0] is None:
            raise ValueError("the first argument must not be None")
        return func(*args, **kwargs)

    return wrapper


def timeout_by_item(func):
    """Supplies ``timeout`` through ``kwargs[...] =``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs["timeout"] = 5
        return func(*args, **kwargs)

    return wrapper


def timeout_by_update(func):
    """Supplies ``timeout`` through ``kwargs.update({...})``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.update({"timeout": 5})
        return func(*args, **kwargs)

    return wrapper


def with_reason(func):
    """Reads then deletes a required ``reason``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        reason = kwargs["reason"]
        del kwargs["reason"]
        if reason is None:
            raise ValueError("a reason is required")
        return func(*args, **kwargs)

    return wrapper


class Attempts:
    """Class-based decorator whose ``__call__`` adds ``attempts=3``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __call__(self, *args, attempts: int = 3, **kwargs):
        return self.func(*args, **kwargs)


def skippable_lambda(func):
    """A lambda adding ``skip=False``."""
    return lambda *args, skip=False, **kwargs: None if skip else func(*args, **kwargs)


def with_request(func):
    """Closure without ``wraps`` adding a leading ``request``."""

    def wrapper(request, *args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def positional_forward(func):
    """Forwards ``*args`` only."""

    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)

    return wrapper


def keyword_forward(func):
    """Forwards ``**kwargs`` only."""

    @functools.wraps(func)
    def wrapper(**kwargs):
        return func(**kwargs)

    return wrapper


def async_retry(func):
    """``async`` wrapper adding ``retries=3``; the target is a coroutine function."""

    @functools.wraps(func)
    async def wrapper(*args, retries: int = 3, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def async_passthrough(func):
    """``async`` wrapper forwarding everything."""

    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    return wrapper


def gen_passthrough(func):
    """Generator wrapper: ``yield from``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        yield from func(*args, **kwargs)

    return wrapper


def gen_limited(func):
    """Generator wrapper looping over the target, adding ``limit=None``."""

    @functools.wraps(func)
    def wrapper(*args, limit: int | None = None, **kwargs):
        for index, item in enumerate(func(*args, **kwargs)):
            if limit is not None and index >= limit:
                return
            yield item

    return wrapper


def timeout_override(func):
    """Pops ``timeout`` with its own default and passes it on by keyword."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("timeout", 5)
        return func(*args, timeout=timeout, **kwargs)

    return wrapper


def timeout_lambda(func):
    """A lambda supplying ``timeout=``."""
    return lambda *args, **kwargs: func(*args, timeout=5, **kwargs)


def region_default(region):
    """Factory: ``region`` defaults to the factory's argument (``setdefault``)."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            kwargs.setdefault("region", region)
            return func(*args, **kwargs)

        return wrapper

    return decorate


with_region_apac = region_default("ap-south-1")


def _call_in_region(target, args, kwargs):
    kwargs["region"] = "eu-central-1"
    return target(*args, **kwargs)


def region_via_helper(func):
    """A helper receiving the kwargs dict supplies ``region``."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _call_in_region(func, args, kwargs)

    return wrapper


def needs_args(func):
    """Refuses an empty ``args``: the first positional parameter becomes positional-only."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not args:
            raise TypeError("at least one positional argument is required")
        return func(*args, **kwargs)

    return wrapper


def nested_forward(func):
    """Forwards through a nested function that closes over the arguments."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        def call():
            return func(*args, **kwargs)

        return call()

    return wrapper


class BoundByPartial:
    """Class-based method decorator binding through ``functools.partial``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return functools.partial(self, obj)

    def __call__(self, obj, *args, **kwargs):
        return self.func(obj, *args, **kwargs)


class LoggedMethod:
    """Class-based method decorator binding with ``MethodType``; adds ``log=True``."""

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __call__(self, obj, *args, log=True, **kwargs):
        return self.func(obj, *args, **kwargs)


def as_text(func):
    """Renders the result as text: the wrapper's own ``-> str`` (plain functions only)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs) -> str:
        return str(func(*args, **kwargs))

    return wrapper
