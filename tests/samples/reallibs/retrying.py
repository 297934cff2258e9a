"""retrying: ``@retry`` builds a ``Retrying`` per call and runs ``call(f, *args, **kw)``."""

from retrying import retry

from samples.calls import remember_call


@retry(stop_max_attempt_number=2, wait_fixed=0)
def read_sensor(channel, samples=1):
    return remember_call()


@retry(retry_on_exception=lambda exc: isinstance(exc, OSError), stop_max_attempt_number=2)
def write_register(address, value, *, verify=True):
    return remember_call()
