"""Static attribute reads on classes give what :func:`inspect.getattr_static` gives.

``static_attr`` reads a class whose metaclass is ``type`` along its MRO
itself (it is on the path of every class the resolver meets); these rows
hold it to the standard library's answer, descriptors and inherited
names included.
"""

from __future__ import annotations

import argparse
import collections
import decimal
import inspect
import logging
import pathlib
import types
from typing import Any

import pytest

from sphinxcontrib_effsig.resolver.caches import scoped_caches
from sphinxcontrib_effsig.resolver.safe import static_attr
from sphinxcontrib_effsig.resolver.walk.constructors import user_methods


class Described:
    """A class whose own ``__doc__`` shadows ``type``'s data descriptor."""

    def __init__(self, size: int) -> None:
        self.size = size

    @property
    def area(self) -> int:
        return self.size * self.size

    @staticmethod
    def build() -> Described:
        return Described(1)

    @classmethod
    def default(cls) -> Described:
        return cls(0)


class Inherited(Described, collections.OrderedDict):  # type: ignore[type-arg]
    __signature__ = inspect.Signature()


CLASSES = [
    Described,
    Inherited,
    argparse.ArgumentParser,
    collections.OrderedDict,
    decimal.Decimal,
    logging.Handler,
    pathlib.PurePosixPath,
    type,
    object,
]
NAMES = [
    "__init__",
    "__new__",
    "__call__",
    "__signature__",
    "__doc__",
    "__name__",
    "__qualname__",
    "__module__",
    "__dict__",
    "__mro__",
    "__wrapped__",
    "area",
    "build",
    "default",
    "mro",
]
_ABSENT: Any = object()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
@pytest.mark.parametrize("name", NAMES)
def test_a_class_attribute_is_read_as_getattr_static_reads_it(cls: type, name: str) -> None:
    assert static_attr(cls, name, _ABSENT) is inspect.getattr_static(cls, name, _ABSENT)


class Pooled:
    """A ``__new__`` far from the classes that are documented."""

    def __new__(cls, *args: object, **kwargs: object) -> Pooled:
        return super().__new__(cls)


class Left(Described):
    pass


class Right(Pooled):
    def __init__(self, name: str) -> None:
        self.name = name


class Diamond(Left, Right):
    """``__init__`` from ``Described`` (first in the MRO), ``__new__`` from ``Pooled``."""


class Registry(type):
    def __call__(cls, *args: object, **kwargs: object) -> Any:
        return super().__call__(*args, **kwargs)


class Registered(Diamond, metaclass=Registry):
    pass


CONSTRUCTED = [
    Described,
    Inherited,
    Pooled,
    Left,
    Right,
    Diamond,
    Registry,
    Registered,
    argparse.ArgumentParser,
    collections.OrderedDict,
    logging.Handler,
    pathlib.PurePosixPath,
    type,
    object,
]
CONSTRUCTOR_NAMES = ("__new__", "__init__", "__call__")


def _first_definer(cls: type, name: str) -> tuple[Any, int]:
    """The plain walk along the MRO that user_methods answers without."""
    mro = cls.__mro__
    for index, base in enumerate(mro):
        if base not in (object, type) and name in vars(base):
            value = vars(base)[name]
            written_in_python = isinstance(value, (types.FunctionType, staticmethod, classmethod))
            return (value if written_in_python else None, index)
    return (None, len(mro))


@pytest.mark.parametrize("bases_first", [True, False], ids=["bases-first", "derived-first"])
def test_constructors_are_found_where_a_walk_along_the_mro_finds_them(bases_first: bool) -> None:
    """The same methods and MRO positions whichever classes were looked at before."""
    order = CONSTRUCTED if bases_first else CONSTRUCTED[::-1]
    with scoped_caches():
        for cls in order:
            found = user_methods(cls, CONSTRUCTOR_NAMES)
            expected = [_first_definer(cls, name) for name in CONSTRUCTOR_NAMES]
            assert [(value, index) for value, index in found] == expected, cls
