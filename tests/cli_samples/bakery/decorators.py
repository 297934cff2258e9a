"""Decorators the bakery's API is built with."""

import functools

HANDLERS = {}


def retry(func):
    """Try again when the oven is busy.

    :param retries: How many attempts in all.
    """

    @functools.wraps(func)
    def wrapper(*args, retries: int = 3, **kwargs):
        for attempt in range(retries):
            try:
                return func(*args, **kwargs)
            except RuntimeError:
                if attempt == retries - 1:
                    raise
        return None

    return wrapper


def with_timeout(func):
    """Give up after a deadline."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        kwargs.pop("timeout", 10.0)
        return func(*args, **kwargs)

    return wrapper


def dispatch_by_kind(func):
    """Route the call to the handler registered for ``kind``.

    Which callable receives ``*args``/``**kwargs`` is decided at run time, so
    no signature can be proven for the decorated function.
    """

    @functools.wraps(func)
    def wrapper(kind, *args, **kwargs):
        return HANDLERS[kind](*args, **kwargs)

    return wrapper


def _redact(value):
    return "****" if isinstance(value, str) and value.isdigit() else value


def redact_secrets(func):
    """Mask card numbers before the call reaches ``func``.

    The wrapper passes on a transformed copy of its positional arguments,
    which the resolver cannot follow without running code.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*[_redact(value) for value in args], **kwargs)

    return wrapper
