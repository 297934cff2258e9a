"""unittest.mock: ``@patch`` decorators on test functions.

A patch that creates a mock appends it to the positional arguments
(``args + (mock,)``), so the parameters before it can only be passed by
position; with ``new=`` or ``patch.dict`` nothing is appended.
"""

import os
from unittest import mock

from samples.calls import remember_call


@mock.patch("os.getcwd")
def check_cwd(expected, mock_getcwd):
    return remember_call()


@mock.patch("os.getcwd", return_value="/srv")
@mock.patch("os.listdir")
def check_listing(name, mock_listdir, mock_getcwd, *, recursive=False):
    return remember_call()


@mock.patch.object(os.path, "exists", return_value=True)
def check_exists(path, mock_exists, *, strict=False):
    return remember_call()


@mock.patch("os.getcwd", new=lambda: "/srv")
def check_fixed_cwd(expected, *, strict=True):
    return remember_call()


@mock.patch.dict(os.environ, {"APP_MODE": "test"})
def read_mode(default="prod"):
    return remember_call()


class ClientChecks:
    @mock.patch("os.getpid", return_value=1)
    def test_pid(self, mock_getpid):
        return remember_call()
