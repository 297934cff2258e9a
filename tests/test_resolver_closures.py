"""Wrappers without ``wraps``, lambdas, class-based decorators,
decorator factories, and stacks of 2 to 4 decorators mixing them.

Decorators are in ``samples.closures`` (and ``samples.decorators``), the
decorated functions in ``samples.services``.
"""

from helpers.expect import Case, cases, check
from tables.closures import CLASS_BASED, CLOSURES, FACTORIES, LAMBDAS, STACKS, closure, row, target


def test_factory_arguments_are_read_per_decorated_function() -> None:
    """One wrapper code object, two closures: each function shows its own default."""
    from samples import services

    assert services.cache_get.__code__ is services.warehouse_query.__code__
    fast = row(
        "cache_get",
        "(key: str, *, timeout=0.5) -> bytes | None",
        {**target("cache_get", "key"), **closure("within", "timeout")},
        id="fast",
    )
    slow = row(
        "warehouse_query",
        "(sql: str, *, timeout=30.0) -> list[tuple]",
        {**target("warehouse_query", "sql"), **closure("within", "timeout")},
        id="slow",
    )
    check(fast)
    check(slow)
    check(fast)  # warm: the analysis of the shared wrapper is cached


@cases(CLOSURES)
def test_closure_without_wraps(case: Case) -> None:
    check(case)


@cases(LAMBDAS)
def test_lambda_wrapper(case: Case) -> None:
    check(case)


@cases(CLASS_BASED)
def test_class_based_decorator(case: Case) -> None:
    check(case)


@cases(FACTORIES)
def test_decorator_factory(case: Case) -> None:
    check(case)


@cases(STACKS)
def test_stack_of_decorators(case: Case) -> None:
    check(case)
