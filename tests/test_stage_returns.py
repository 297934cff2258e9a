"""Whether a return annotation, as written, names the instance a function builds.

``-> T`` with a parameter annotated ``type[T]`` is the function's own result;
any other bare type variable may be the target's result passed on.
"""

from __future__ import annotations

import ast

import pytest

from sphinxcontrib_effsig.resolver.analysis.returns import returns_instance_of_parameter

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
