"""Hostile and odd callables: what a documentation tool meets in other people's code.

Each module gathers one family. Everything here is documented by the Sphinx
project in ``testdocs/hostile`` and resolved one by one in
``tests/test_hostile.py``. Nothing in this package may ever be *called* by the
resolver: the bodies that would run record themselves in
:data:`samples_hostile.tripwire.CALLS` (or raise), and the tests assert that
list stays empty.
"""
