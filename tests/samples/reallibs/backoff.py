"""backoff: ``on_exception`` and ``on_predicate`` on functions and coroutines."""

import backoff

from samples.calls import remember_call


@backoff.on_exception(backoff.constant, ConnectionError, interval=0, max_tries=2)
def get_quote(symbol, *, currency="USD"):
    return remember_call()


@backoff.on_exception(backoff.expo, ConnectionError, max_tries=2, factor=0)
async def send_event(name, payload=None):
    return remember_call()


@backoff.on_predicate(backoff.constant, interval=0, max_tries=2)
def poll_status(job_id, /, verbose=False):
    """Retried while the result is falsy (a record is truthy)."""
    return remember_call()
