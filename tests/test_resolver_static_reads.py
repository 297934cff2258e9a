"""Static attribute reads on classes give what :func:`inspect.getattr_static` gives.

``static_attr`` reads a class whose metaclass is ``type`` along its MRO
itself (it is on the path of every class the resolver meets); these rows
hold it to the standard library's answer, descriptors and inherited
names included.
"""

from __future__ import annotations

import argparse
import collections
import collections.abc
import decimal
import inspect
import logging
import pathlib
import types
from typing import Any

import pytest

from sphinxcontrib_effsig.resolver.caches import scoped_caches
from sphinxcontrib_effsig.resolver.safe import instance_attr, static_attr
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


class Slotted:
    __slots__ = ("size",)

    def __init__(self) -> None:
        self.size = 3


class ShadowsItsDict:
    """A ``__dict__`` property: reading it would run its code."""

    @property
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        raise AssertionError("the property must not run")


def _with_attributes(obj: Any) -> Any:
    obj.__wrapped__ = len
    vars(obj)["area"] = "own, beside the class's property"
    return obj


INSTANCES = {
    "plain": Described(2),
    "own-attributes": _with_attributes(Described(2)),
    "inherited-bases": Inherited(1),
    "slots": Slotted(),
    "dict-shadowed": ShadowsItsDict(),
    "handler": logging.Handler(),
    "a-class": Described,
    "a-class-of-a-metaclass": collections.abc.Sized,
}


def _read_as_inspect(obj: object, name: str) -> Any:
    """What instance_attr promises: the object's own namespace, else getattr_static."""
    if not isinstance(obj, ShadowsItsDict):
        try:
            own = object.__getattribute__(obj, "__dict__")
        except AttributeError:  # __slots__
            own = {}
        if name in own:
            return own[name]
    value = inspect.getattr_static(obj, name, _ABSENT)
    if isinstance(value, (types.MemberDescriptorType, types.GetSetDescriptorType)):
        return value.__get__(obj, type(obj))
    return value


@pytest.mark.parametrize("obj", INSTANCES.values(), ids=INSTANCES)
# ``__dict__`` is left out: a class's comes back as a new mapping proxy each time.
@pytest.mark.parametrize("name", [*(n for n in NAMES if n != "__dict__"), "size"])
def test_an_objects_own_attribute_is_read_as_getattr_static_reads_it(
    obj: object, name: str
) -> None:
    try:
        expected = _read_as_inspect(obj, name)
    except Exception:
        expected = _ABSENT
    assert instance_attr(obj, name, _ABSENT) is expected


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
