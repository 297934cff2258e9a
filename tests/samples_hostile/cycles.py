"""``__wrapped__`` cycles, deep decorator stacks and self-forwarding wrappers.

``inspect.unwrap`` raises ``ValueError`` on a cycle; a resolver that walks the
chain itself has to notice cycles too, and must not recurse 200 frames deep
per layer.
"""

import functools
from typing import Any


def tick(func: Any) -> Any:
    """A forwarding decorator (``functools.wraps``)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


def tock(func: Any) -> Any:
    """A forwarding decorator without ``functools.wraps``: only the closure knows ``func``."""

    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


def ping(*args: Any, **kwargs: Any) -> Any:
    """Forwards to :func:`pong`, whose ``__wrapped__`` points back here."""
    return pong(*args, **kwargs)


def pong(*args: Any, **kwargs: Any) -> Any:
    """Forwards to :func:`ping`."""
    return ping(*args, **kwargs)


ping.__wrapped__ = pong  # type: ignore[attr-defined]
pong.__wrapped__ = ping  # type: ignore[attr-defined]


def ouroboros(*args: Any, **kwargs: Any) -> Any:
    """Its ``__wrapped__`` is itself."""
    return ouroboros(*args, **kwargs)


ouroboros.__wrapped__ = ouroboros  # type: ignore[attr-defined]


def relay(*args: Any, **kwargs: Any) -> Any:
    """Forwards every argument to itself (a global name lookup, no ``__wrapped__``)."""
    return relay(*args, **kwargs)


def make_echo() -> Any:
    """A closure that forwards to itself through its own cell."""

    def echo(*args: Any, **kwargs: Any) -> Any:
        return echo(*args, **kwargs)

    return echo


echo = make_echo()
"""A closure whose only cell holds the closure itself."""


def even(n: int, *args: Any, **kwargs: Any) -> bool:
    """Mutually recursive with :func:`odd`, forwarding ``*args``/``**kwargs``."""
    return True if n == 0 else odd(n - 1, *args, **kwargs)


def odd(n: int, *args: Any, **kwargs: Any) -> bool:
    """Mutually recursive with :func:`even`."""
    return False if n == 0 else even(n - 1, *args, **kwargs)


def _stack(layer: Any, func: Any, depth: int) -> Any:
    for _ in range(depth):
        func = layer(func)
    return func


def query(sql: str, *params: object, timeout: float = 5.0) -> list[tuple[object, ...]]:
    """Run a query; the innermost function of the deep stacks below."""
    return []


deep_wraps = _stack(tick, query, 200)
"""``query`` under 200 ``functools.wraps`` decorators."""

deep_closures = _stack(tock, query, 200)
"""``query`` under 200 decorators that only keep it in a closure cell."""

deep_partials = _stack(lambda f: tick(functools.partial(f)), query, 100)
"""``query`` under 100 pairs of ``functools.wraps`` decorator and argument-less ``partial``."""


def _mixed(func: Any) -> Any:
    for depth in range(200):
        func = tick(func) if depth % 2 else tock(func)
    return func


deep_mixed = _mixed(query)
"""``query`` under 200 alternating ``wraps``/closure decorators."""


class TreeVisitor:
    """A visitor whose methods forward ``*args``/``**kwargs`` to each other through ``self``.

    The shape of ``jinja2.visitor``: ``visit`` dispatches dynamically or
    falls back to ``generic_visit``, which calls ``visit`` again.
    """

    def get_visitor(self, node: Any) -> Any:
        return getattr(self, f"visit_{type(node).__name__}", None)

    def visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        """Visit a node."""
        handler = self.get_visitor(node)
        if handler is not None:
            return handler(node, *args, **kwargs)
        return self.generic_visit(node, *args, **kwargs)

    def generic_visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        """Visit every child."""
        for child in node.children:
            self.visit(child, *args, **kwargs)


class TreeRewriter(TreeVisitor):
    """A visitor that rebuilds the tree: more mutual recursion, through loops and branches."""

    def generic_visit(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        """Rewrite every child."""
        for name, value in node.fields():
            if isinstance(value, list):
                for item in value:
                    item = self.visit(item, *args, **kwargs)
            else:
                value = self.visit(value, *args, **kwargs)
        return node

    def visit_list(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        """Visit a node that must become a list."""
        result = self.visit(node, *args, **kwargs)
        return result if isinstance(result, list) else [result]


beyond_recursion_limit = _stack(tick, query, 1200)
"""``query`` under 1,200 ``wraps`` decorators: deeper than ``inspect.unwrap`` goes."""

beyond_recursion_limit_closures = _stack(tock, query, 1200)
"""``query`` under 1,200 closure decorators."""
