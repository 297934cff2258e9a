"""Deprecated: ``@deprecated`` (wrapt-based) on functions, methods and with a reason."""

from deprecated import deprecated

from samples.calls import remember_call


@deprecated(reason="use fetch_v2", version="1.2")
def fetch_v1(url, *, timeout=5):
    return remember_call()


@deprecated
def legacy_sum(*values, start=0):
    return remember_call()


class Gateway:
    @deprecated(reason="use send()")
    def post(self, payload, /, retries=1):
        return remember_call()
