"""``functools.wraps``/``update_wrapper`` wrappers.

A wrapper around a target can add parameters, consume them, supply them,
change a default, only read them, or need positional arguments. Each row is
a decorated function from ``samples.api`` (decorators in
``samples.decorators``) with the signature a caller really has to satisfy and
who owns every parameter.
"""

from helpers.expect import Case, cases, check
from tables.wrappers import (
    ADDING,
    CONSUMING,
    DEFAULTS_AND_READS,
    PASSING_THROUGH,
    POSITIONAL_NEEDS,
    SUPPLYING,
)


@cases(ADDING)
def test_wrapper_adds_parameters(case: Case) -> None:
    check(case)


@cases(CONSUMING)
def test_wrapper_consumes_keywords(case: Case) -> None:
    check(case)


@cases(SUPPLYING)
def test_wrapper_supplies_arguments(case: Case) -> None:
    check(case)


@cases(DEFAULTS_AND_READS)
def test_wrapper_changes_defaults_or_only_reads(case: Case) -> None:
    check(case)


@cases(POSITIONAL_NEEDS)
def test_wrapper_needs_positional_arguments(case: Case) -> None:
    check(case)


@cases(PASSING_THROUGH)
def test_wrapper_passes_named_parameters_on(case: Case) -> None:
    check(case)
