"""``async`` wrappers, generator wrappers (``yield from``, loops),
forwarding through nested functions, lambdas and helpers that receive
``args``/``kwargs`` as values, and ``**kwargs`` forwarded to several callables.

Decorators are in ``samples.async_forwarding``, targets in ``samples.tasks``.
"""

from helpers.expect import Case, cases, check
from tables.async_forwarding import ASYNC, FORWARDING, GENERATORS


@cases(ASYNC)
def test_async_wrapper(case: Case) -> None:
    check(case)


@cases(GENERATORS)
def test_generator_wrapper(case: Case) -> None:
    check(case)


@cases(FORWARDING)
def test_forwarding_through_functions_and_helpers(case: Case) -> None:
    check(case)
