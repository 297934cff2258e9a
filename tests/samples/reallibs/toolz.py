"""toolz: ``memoize``, ``excepts`` and ``compose``, as functional code uses them."""

import toolz

from samples.calls import remember_call


@toolz.memoize
def distance(a, b, *, metric="euclid"):
    return remember_call()


def parse_int(text, base=10):
    return remember_call()


safe_int = toolz.excepts(ValueError, parse_int, lambda exc: None)


def render_title(text, /, *, width=40):
    return remember_call()


shout = toolz.compose(repr, render_title)
