"""returns: ``safe``, ``maybe``, ``future_safe`` wrap results in containers."""

from returns.future import future_safe
from returns.io import impure_safe
from returns.maybe import maybe
from returns.result import safe

from samples.calls import remember_call


@safe((ValueError,))
def parse_port(text, *, default=80):
    return remember_call()


@maybe
def find_user(user_id, active=True):
    return remember_call()


@impure_safe((OSError,))
def read_config(path, /, encoding="utf-8"):
    return remember_call()


@future_safe((ValueError,))
async def download(url, *, chunk=1024):
    return remember_call()
