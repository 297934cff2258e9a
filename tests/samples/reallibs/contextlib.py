"""contextlib: ``contextmanager``, ``asynccontextmanager`` and ``ContextDecorator``."""

import contextlib

from samples.calls import remember_call


@contextlib.contextmanager
def temporary_setting(name, value, *, restore=True):
    yield remember_call()


@contextlib.asynccontextmanager
async def leased(resource, /, seconds=30):
    yield remember_call()


class timed(contextlib.ContextDecorator):
    """A context manager used as a decorator: ``inner(*args, **kwds)`` runs inside it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


@timed()
def compute(n, *, fast=False):
    return remember_call()
