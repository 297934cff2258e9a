"""tenacity: ``@retry`` with a stop and a filter, on functions, methods and coroutines."""

from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_none

from samples.calls import remember_call

RETRY_NETWORK = {
    "stop": stop_after_attempt(2),
    "wait": wait_none(),
    "retry": retry_if_exception_type(ConnectionError),
    "reraise": True,
}


@retry(**RETRY_NETWORK)
def fetch_page(url, *, timeout=10.0):
    """Retried on connection errors only."""
    return remember_call()


@retry(**RETRY_NETWORK)
async def fetch_json(url, /, *, headers=None):
    """A coroutine function: tenacity wraps it with its async retrying wrapper."""
    return remember_call()


class Client:
    """A method retried per call."""

    @retry(**RETRY_NETWORK)
    def get(self, path, params=None):
        return remember_call()


def fetch_page_once():
    """``retry_with`` builds a new wrapper with changed settings."""
    return fetch_page.retry_with(stop=stop_after_attempt(1))
