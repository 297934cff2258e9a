"""Realistic modules for the resolver tests: decorators as people write them.

The resolver reads wrappers' *source*, so every decorator the tests exercise
lives in a real file here. Modules are imported as ``samples.<module>`` (the
``tests`` directory is on ``sys.path`` through ``tests/conftest.py``), so
owner names look like ``samples.decorators.retry``.

Naming: ``decorators``/``wrappers``/``closures``/``async_forwarding``/
``methods`` belong to the families 1-4 tests; modules prefixed ``typed_``,
``annot_``, ``libs_`` and ``uncertain_`` belong to families 5-8.

Innermost functions that the runtime oracle checks end with
``return remember_call()`` (see :mod:`samples.calls`), so a test can see
exactly which arguments reached the implementation.
"""
