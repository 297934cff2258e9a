"""typing_extensions (PEP 702): ``@deprecated`` on a function and on a class.

On a class it replaces ``__new__`` with a ``(cls, /, *args, **kwargs)``
wrapper (``functools.wraps(object.__new__)``) that warns and calls the
original ``__new__``; ``__init__`` still receives the arguments.
"""

from typing_extensions import deprecated

from samples.calls import remember_call


@deprecated("use connect()")
def open_connection(host, port=5432, *, ssl=False):
    return remember_call()


@deprecated("use NewClient")
class OldClient:
    def __init__(self, endpoint, *, retries=3):
        remember_call()
