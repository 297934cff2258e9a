"""functools: caches, ``singledispatch``, ``partialmethod`` and ``wraps``."""

import functools
import time

from samples.calls import remember_call


@functools.lru_cache(maxsize=256)
def tokenize(text, *, lower=True):
    return remember_call()


@functools.cache
def load_table(name, schema="public"):
    return remember_call()


@functools.singledispatch
def serialize(value, *, indent=None):
    return remember_call()


@serialize.register
def _(value: int, *, indent=None):
    return remember_call()


class Light:
    def set_state(self, state, *, fade=0):
        return remember_call()

    on = functools.partialmethod(set_state, True)


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            wrapper.elapsed = time.perf_counter() - start

    return wrapper


@timed
def checksum(data, /, algorithm="sha256"):
    return remember_call()
