"""Owner names: what a reader sees cited as a parameter's owner ("from ...").

A function is named by its code (``functools.wraps`` overwrites
``__qualname__``, not ``co_qualname``), a class and a compiled routine by
themselves, and any other callable object by its class: every instance of
one class is cited alike.
"""

from __future__ import annotations

import collections
import decimal
import functools
import math
from collections.abc import Callable
from typing import Any

import pytest

from sphinxcontrib_effsig.resolver import scoped_caches
from sphinxcontrib_effsig.resolver.naming import owner_name

M = __name__


class Retrying:
    """A class-based decorator; its instances wrap functions."""

    def __init__(self, attempts: int = 3) -> None:
        self.attempts = attempts

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return None

    def reset(self) -> None:
        return None


def fetch(url: str) -> bytes:
    return b""


def make_local() -> Callable[..., Any]:
    def helper(x: int) -> int:
        return x

    return helper


@functools.wraps(fetch)
def fetch_wrapper(*args: Any, **kwargs: Any) -> Any:
    return fetch(*args, **kwargs)


CASES: list[tuple[str, object, str]] = [
    ("a-function", fetch, f"{M}.fetch"),
    ("a-wrapper-named-by-its-code-not-wraps", fetch_wrapper, f"{M}.fetch_wrapper"),
    ("a-local-function-cut-before-locals", make_local(), f"{M}.make_local"),
    ("a-class", Retrying, f"{M}.Retrying"),
    ("an-instance-by-its-class", Retrying(5), f"{M}.Retrying"),
    ("a-bound-method-by-its-function", Retrying().reset, f"{M}.Retrying.reset"),
    ("a-builtin-by-its-module", math.sqrt, "math.sqrt"),
    ("a-method-descriptor", str.join, "str.join"),
    # Routines compiled from C (or Cython): each names itself, not its type
    # ("wrapper_descriptor" would cite nothing a reader can find).
    ("a-slot-wrapper", dict.__init__, "dict.__init__"),
    (
        "a-slot-wrapper-of-a-stdlib-class",
        collections.OrderedDict.__init__,
        "collections.OrderedDict.__init__",
    ),
    ("a-bound-slot", (1).__add__, "int.__add__"),
    ("a-c-method-of-a-stdlib-class", decimal.Decimal.quantize, "decimal.Decimal.quantize"),
]


@pytest.mark.parametrize(("obj", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_owner_is_cited_by(obj: object, expected: str) -> None:
    with scoped_caches():
        assert owner_name(obj) == expected


def test_every_instance_of_a_class_is_cited_alike() -> None:
    with scoped_caches() as caches:
        names = {owner_name(Retrying(n)) for n in range(50)}
        assert names == {f"{M}.Retrying"}
        # One name kept for the class, none per instance.
        assert [entry[0] for entry in caches.owner_names.values()] == [Retrying]
