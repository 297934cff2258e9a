"""pytest: marks (``parametrize``, ``skipif``) are stored on the function, which is returned."""

import pytest

from samples.calls import remember_call


@pytest.mark.parametrize("value", [1, 2])
def check_value(value, scale=1):
    return remember_call()


@pytest.mark.skipif(False, reason="runs everywhere")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def check_platform(name, /, *, strict=False):
    return remember_call()
