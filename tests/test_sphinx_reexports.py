"""One object documented under several names is documented the same under each.

Sphinx 9's autodoc formats the signature of every member it finds, imported
ones included, and projects re-export their API (``shop.place_order`` is
``shop.orders.place_order``). The extension decides what an object comes to
once and reuses it for every name; what belongs to a name stays per name:
the unresolved warning, which names the object as documented.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import BuiltDocs, run_sphinx

RETRYING = '''
import functools


def retrying(func):
    """Retry ``func``; callers may pass ``retries``."""

    @functools.wraps(func)
    def wrapper(*args, retries: int = 3, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def routed(func):
    """Hand the call to a handler looked up at run time."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return HANDLERS[func.__name__](*args, **kwargs)

    return wrapper


HANDLERS = {}
'''

ORDERS = '''
from .retrying import retrying, routed


@retrying
def place_order(sku: str, quantity: int = 1) -> None:
    """Place an order."""


@routed
def ship_order(order_id: int) -> None:
    """Ship an order."""
'''

INIT = """
from .orders import place_order, ship_order
"""

INDEX = """
Shop
====

.. autofunction:: shop.orders.place_order

.. autofunction:: shop.place_order

.. autofunction:: shop.orders.ship_order

.. autofunction:: shop.ship_order
"""

CONF = """
import os
import sys

sys.path.insert(0, os.path.abspath("."))
extensions = ["sphinx.ext.autodoc", "sphinxcontrib_effsig"]
effsig_warn_unresolved = True
"""


def _build(root: Path) -> BuiltDocs:
    srcdir = root / "reexports"
    package = srcdir / "shop"
    package.mkdir(parents=True)
    for path, text in {
        package / "__init__.py": INIT,
        package / "retrying.py": RETRYING,
        package / "orders.py": ORDERS,
        srcdir / "index.rst": INDEX,
        srcdir / "conf.py": CONF,
    }.items():
        path.write_text(textwrap.dedent(text), "utf-8")
    return run_sphinx(srcdir, "text")


def test_a_reexported_function_shows_the_effective_signature_under_each_name(
    tmp_path: Path,
) -> None:
    text = _build(tmp_path).text()
    for name in ("shop.orders.place_order", "shop.place_order"):
        assert f"{name}(sku: str, quantity: int = 1, *, retries: int = 3) -> None" in text, text


def test_an_unresolved_object_is_warned_about_under_each_name(tmp_path: Path) -> None:
    warnings = _build(tmp_path).warnings
    for name in ("shop.orders.ship_order", "shop.ship_order"):
        assert f"effective signature of {name} not fully resolved" in warnings, warnings
    assert warnings.count("not fully resolved") == 2, warnings
