"""Syntax and typing features of newer Pythons, each on the Pythons that have it.

- ``**kwargs: Unpack[SomeTypedDict]`` (PEP 692, every supported Python): the
  keys are keyword-only parameters owned by the function that declares
  them; a key the caller may leave out defaults to ``...`` (no value of its
  own), required as the TypedDict says — under postponed annotations too.
- PEP 695 type parameters (Python 3.12+): a wrapper's ``-> R`` and
  ``*args: P.args`` name the enclosing decorator's or generic class's type
  parameters, and still resolve to the target's return annotation;
  ``type`` aliases in annotations stay aliases.
- ``warnings.deprecated`` (Python 3.13+) on functions, methods and classes
  changes nothing a caller passes.

Modules with new syntax are imported only by tests that run on a Python
that parses them.
"""

from __future__ import annotations

import inspect
import sys

import pytest
from helpers.expect import Case, cases, check, load, owned

from sphinxcontrib_effsig.resolver.typed_kwargs import OMITTED

KW = "samples.typed_kwargs"
GEN = "samples.py312_generics"
DEP = "samples.py313_deprecated"

needs_312 = pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695 syntax: Python 3.12+")
needs_313 = pytest.mark.skipif(
    sys.version_info < (3, 13), reason="warnings.deprecated: Python 3.13+"
)

UNPACKED_KWARGS = [
    Case(
        # total=False: every key optional except the one marked Required.
        "unpack-total-false-with-required-key",
        f"{KW}.draw",
        "(shape: 'str', *, colour: str = ..., width: int) -> 'None'",
        owned(f"{KW}.draw", "shape", "colour", "width"),
    ),
    Case(
        "unpack-not-required-key",
        f"{KW}.plot",
        "(*, x: int, y: int, label: str = ...) -> 'None'",
        owned(f"{KW}.plot", "x", "y", "label"),
    ),
    Case(
        # A TypedDict subclass: the base's keys first, then its own.
        "unpack-inherited-keys",
        f"{KW}.annotate",
        "(*, x: int, y: int, label: str = ..., font: str = ...) -> 'None'",
        owned(f"{KW}.annotate", "x", "y", "label", "font"),
    ),
    Case(
        # The keys are the decorated function's; the decorator's keyword follows them.
        "unpack-under-a-decorator",
        f"{KW}.plot_traced",
        "(*, x: int, y: int, label: str = ..., trace: bool = False) -> None",
        {**owned(f"{KW}.plot_traced", "x", "y", "label"), **owned(f"{KW}.traced", "trace")},
    ),
    Case(
        "kwargs-of-a-plain-type-stay",
        f"{KW}.tally",
        "(**kwargs: 'int') -> 'None'",
        owned(f"{KW}.tally", "kwargs"),
    ),
]


@cases(UNPACKED_KWARGS)
def test_unpacked_typed_dict_keys_are_keyword_parameters(case: Case) -> None:
    check(case)


def test_a_key_the_caller_may_leave_out_is_optional_and_shows_no_value() -> None:
    sig = check(UNPACKED_KWARGS[1])
    assert sig.parameters["label"].default is OMITTED
    assert sig.bind(x=1, y=2).arguments == {"x": 1, "y": 2}
    with pytest.raises(TypeError):
        sig.bind(x=1)  # y is required
    with pytest.raises(TypeError):
        sig.bind(1, 2)  # keys are keywords only


PEP_695 = [
    Case(
        # ``-> R`` of the wrapper names the decorator's type parameter: the target's return.
        "pep695-decorator-adds-keyword",
        f"{GEN}.fetch",
        "(url: str, *, timeout: Seconds = 1.0, retries: int = 3) -> bytes",
        {**owned(f"{GEN}.fetch", "url", "timeout"), **owned(f"{GEN}.retry", "retries")},
    ),
    Case(
        "pep695-generic-class-as-decorator",
        f"{GEN}.store",
        "(key: str, value: bytes, *, trace_id: str | None = None) -> None",
        {**owned(f"{GEN}.store", "key", "value"), **owned(f"{GEN}.Traced", "trace_id")},
    ),
    Case(
        # Generated wrapper, no ``__wrapped__``: the decorator's PEP 695 annotations decide.
        "pep695-concatenate-from-the-definition-site",
        f"{GEN}.profile",
        f"(request: {GEN}.Request, /, user_id: int) -> dict[str, int]",
        {**owned(f"{GEN}.with_request", "request"), **owned(f"{GEN}.profile", "user_id")},
    ),
    Case(
        "pep695-generic-function-undecorated",
        f"{GEN}.first",
        "(items: list[T], *, default: Optional[T] = None) -> Optional[T]"
        if sys.version_info < (3, 14)
        else "(items: list[T], *, default: T | None = None) -> T | None",
        owned(f"{GEN}.first", "items", "default"),
    ),
    Case(
        "type-alias-in-annotations",
        f"{GEN}.send",
        "(headers: list[Header], *, timeout: Seconds = 5.0, retries: int = 3) -> int",
        {**owned(f"{GEN}.send", "headers", "timeout"), **owned(f"{GEN}.retry", "retries")},
    ),
]


@needs_312
@cases(PEP_695)
def test_pep695_type_parameters(case: Case) -> None:
    check(case)


@needs_312
def test_a_type_alias_stays_the_alias_object() -> None:
    sig = check(PEP_695[-1])
    seconds = sig.parameters["timeout"].annotation
    assert type(seconds).__name__ == "TypeAliasType"
    assert seconds is load(f"{GEN}.Seconds")


DEPRECATED = [
    Case(
        "deprecated-function",
        f"{DEP}.old_fetch",
        "(url: str, *, timeout: float = 1.0) -> bytes",
        owned(f"{DEP}.old_fetch", "url", "timeout"),
    ),
    Case(
        "deprecated-method-on-an-instance",
        lambda: load(f"{DEP}.Client")().old_get,
        "(path: str, *, cached: bool = True) -> str",
        owned(f"{DEP}.Client.old_get", "path", "cached"),
    ),
    Case(
        # inspect says (*args, **kwargs): the deprecated __new__ passes nothing
        # on when the class has an __init__, which takes the arguments.
        "deprecated-class-with-init",
        f"{DEP}.OldClient",
        "(host: str, port: int = 80) -> None",
        owned(f"{DEP}.OldClient.__init__", "host", "port"),
    ),
]


@needs_313
@cases(DEPRECATED)
def test_deprecated_changes_nothing_a_caller_passes(case: Case) -> None:
    check(case)


@needs_313
def test_the_deprecated_class_really_takes_its_constructors_arguments() -> None:
    old_client = load(f"{DEP}.OldClient")
    with pytest.warns(DeprecationWarning):
        assert old_client("example.org", port=8080).host == "example.org"
    with pytest.warns(DeprecationWarning), pytest.raises(TypeError):
        old_client()
    assert str(inspect.signature(old_client)) == "(*args, **kwargs)"
