"""Mock objects: ``unittest.mock`` and Sphinx autodoc's import mocks.

Mocks answer every attribute, including ``__signature__`` and
``__wrapped__``, with another mock. Autodoc's mocks stand in for modules
listed in ``autodoc_mock_imports``; a function decorated by a mocked
decorator *becomes* a mock that remembers the function in
``__sphinx_decorator_args__``.
"""

import functools
from typing import Any
from unittest import mock

from sphinx.ext.autodoc.mock import _MockObject
from sphinx.ext.autodoc.mock import mock as autodoc_mock


def _documented(a_mock: Any, doc: str) -> Any:
    """Give a mock its own docstring (``Mock``'s own is not valid reStructuredText)."""
    a_mock.__doc__ = doc
    return a_mock


plain_mock = _documented(mock.Mock(), "A ``Mock``: every attribute is a new mock.")
magic_mock = _documented(mock.MagicMock(), "A ``MagicMock``.")
async_mock = _documented(mock.AsyncMock(), "An ``AsyncMock``.")


def transfer(source: str, target: str, amount: int = 0) -> bool:
    """Transfer an amount."""
    return True


autospec_transfer = mock.create_autospec(transfer)
"""An autospecced mock of :func:`transfer` (carries a ``__signature__``)."""

mock_with_wrapped = _documented(
    mock.Mock(__wrapped__=transfer), "A mock whose ``__wrapped__`` is a real function."
)


@mock.patch("os.getcwd", return_value="/srv")
def cwd_report(getcwd: Any, prefix: str = "") -> str:
    """A function under ``mock.patch``: the patch supplies the first argument."""
    return prefix + getcwd()


def _forwarding(func: Any) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, **kwargs)

    return wrapper


wrapped_mock = _forwarding(_documented(mock.Mock(), "A real wrapper around a mock."))

with autodoc_mock(["missing_cloud_sdk"]):
    import missing_cloud_sdk  # type: ignore[import-not-found]

    @missing_cloud_sdk.retry(attempts=3)
    def upload(bucket: str, key: str, data: bytes) -> None:
        """Upload an object; decorated with a decorator from a mocked module."""

    class Bucket(missing_cloud_sdk.Resource):  # type: ignore[misc]
        """A class derived from a mocked base class."""

        def list_keys(self, prefix: str = "") -> list[str]:
            """List keys."""
            return []

    @_forwarding
    def download(bucket: str, key: str) -> bytes:
        """A real wrapper; the module it lives with is mocked."""
        return b""

    client = missing_cloud_sdk.Client
    """A mocked class, as autodoc sees it."""


sphinx_mock_object = _MockObject()
"""A bare autodoc mock object."""
