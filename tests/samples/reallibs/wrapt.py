"""wrapt: ``@wrapt.decorator`` wrappers (``wrapped, instance, args, kwargs``) and helpers."""

import wrapt

from samples.calls import remember_call


@wrapt.decorator
def logged(wrapped, instance, args, kwargs):
    return wrapped(*args, **kwargs)


@wrapt.decorator
def with_deadline(wrapped, instance, args, kwargs):
    """Consumes a keyword of its own before calling the function."""
    kwargs.pop("deadline", None)
    return wrapped(*args, **kwargs)


@logged
def upload(path, bucket="default", *, public=False):
    return remember_call()


@with_deadline
def download(url, /, *, verify=True):
    return remember_call()


class Store:
    @logged
    def put(self, key, value, *, ttl=None):
        return remember_call()


@wrapt.synchronized
def increment(counter, step=1):
    return remember_call()
