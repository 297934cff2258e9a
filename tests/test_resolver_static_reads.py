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
from typing import Any

import pytest

from sphinxcontrib_effsig.resolver.safe import static_attr


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
