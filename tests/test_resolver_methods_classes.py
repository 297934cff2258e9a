"""Methods (plain, bound, class and static), decorated ``__init__``
and ``__new__`` (class signatures), ``partial``/``partialmethod`` of decorated
callables, and callable instances.

Classes are in ``samples.methods``; ``client``, ``admin``, ``handler`` and
``job`` are module-level instances there.
"""

from helpers.expect import Case, cases, check
from tables.methods_classes import (
    CALLABLE_INSTANCES,
    CLASS_AND_STATIC,
    CONSTRUCTORS,
    METHODS,
    PARTIALS,
    method,
    row,
)


@cases(METHODS)
def test_methods_plain_and_bound(case: Case) -> None:
    check(case)


@cases(CLASS_AND_STATIC)
def test_classmethods_and_staticmethods(case: Case) -> None:
    check(case)


@cases(CONSTRUCTORS)
def test_class_signature_from_decorated_constructor(case: Case) -> None:
    check(case)


@cases(PARTIALS)
def test_partial_of_decorated_callables(case: Case) -> None:
    check(case)


@cases(CALLABLE_INSTANCES)
def test_callable_instances(case: Case) -> None:
    check(case)


def test_dataclass_constructor_is_owned_by_the_class_init() -> None:
    """The generated ``__init__`` runs in a helper (``__create_fn__``); a reader cites
    ``Point.__init__``. (Not in CASES: generated code cannot record its call.)"""
    check(
        row(
            "Point",
            "(x: float, y: float = 0.0) -> None",
            method("Point.__init__", "x", "y"),
            id="dataclass",
        )
    )
