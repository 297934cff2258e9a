"""rq: ``@job(queue, connection=...)`` attaches ``delay``/``enqueue`` and returns the function."""

from redis import Redis
from rq.decorators import job

from samples.calls import remember_call


@job("default", connection=Redis())
def resize_image(path, width, *, quality=85):
    """A Redis client connects lazily: nothing is contacted here."""
    return remember_call()
