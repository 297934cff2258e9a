"""Functions decorated by a library that is not installed when the docs build.

``conf.py`` lists ``fastcache`` in ``autodoc_mock_imports``.
"""

from __future__ import annotations

import fastcache  # type: ignore[import-not-found]


@fastcache.memoize(ttl=60)
def lookup(key: str, default: str = "") -> str:
    """Look ``key`` up in the cache.

    :param key: What to look up.
    :param default: What to return when it is missing.
    """
    return default


class Cache:
    """A cache whose methods are decorated by the mocked library."""

    @fastcache.locked
    def put(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``.

        :param key: Where to store it.
        :param value: What to store.
        """
