"""Whether a return annotation, as written, names the instance a function builds,
and which calls a function returns the result of as it is.

``-> T`` with a parameter annotated ``type[T]`` is the function's own result;
any other bare type variable may be the target's result passed on. A wrapper
whose every ``return`` hands back a call's result unchanged returns what
that call returns.
"""

from __future__ import annotations

import ast

import pytest

from sphinxcontrib_effsig.resolver.analysis.returns import (
    returned_calls,
    returns_instance_of_parameter,
)

ROWS = [
    ("a-class-given-an-instance-returned", "def f(data, cl: type[T], **kw) -> T: ...", True),
    ("typing-Type", "def f(cl: typing.Type[T]) -> T: ...", True),
    ("an-optional-class", "def f(cl: type[T] | None = None) -> T: ...", True),
    ("written-as-strings", "def f(cl: 'type[T]') -> 'T': ...", True),
    ("a-callable-that-returns-it", "def f(func: Callable[..., R], *a) -> R: ...", False),
    ("bound-by-self", "def f(self: S, *a) -> S: ...", False),
    ("bound-by-nothing", "def wrapper(*args, **kwargs) -> R: ...", False),
    ("another-class", "def f(cl: type[U]) -> T: ...", False),
    ("not-a-bare-name", "def f(cl: type[T]) -> list[T]: ...", False),
]


@pytest.mark.parametrize(("source", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_return_names_an_instance_of_a_parameter(source: str, expected: bool) -> None:
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    args = node.args
    annotations = [
        a.annotation
        for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg)
        if a is not None and a.annotation is not None
    ]
    assert returns_instance_of_parameter(node.returns, annotations) is expected


RETURNED = [
    ("the-call-returned", "def w(*a, **k):\n    log()\n    return func(*a, **k)", 1),
    (
        "a-retry-loop-then-the-call",
        "def w(*a, **k):\n    for _ in range(3):\n        try:\n            return func(*a, **k)\n"
        "        except OSError:\n            pass\n    return func(*a, **k)",
        2,
    ),
    (
        "a-raise-at-the-end",
        "def w(*a, **k):\n    if ok():\n        return func(*a, **k)\n    raise E",
        1,
    ),
    ("the-result-changed", "def w(*a, **k):\n    return str(func(*a, **k)) + '!'", 0),
    # A call, but of another callable: whether it is a forward the analysis says.
    ("another-call-returned", "def w(*a, **k):\n    return str(func(*a, **k))", 1),
    (
        "a-value-returned-too",
        "def w(*a, **k):\n    if hit:\n        return cached\n    return f(*a)",
        0,
    ),
    ("the-result-kept-first", "def w(*a, **k):\n    result = func(*a, **k)\n    return result", 0),
    ("falling-off-the-end", "def w(*a, **k):\n    if ok():\n        return func(*a, **k)", 0),
    (
        "an-inner-functions-return",
        "def w(*a):\n    def inner():\n        return 1\n    return f(*a)",
        1,
    ),
]


@pytest.mark.parametrize(
    ("source", "count"), [r[1:] for r in RETURNED], ids=[r[0] for r in RETURNED]
)
def test_the_calls_a_function_returns_as_they_are(source: str, count: int) -> None:
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    assert len(returned_calls(node.body)) == count
