"""dramatiq: ``@actor`` turns a function into an ``Actor``, whose ``__call__`` runs it."""

import dramatiq
from dramatiq.brokers.stub import StubBroker

from samples.calls import remember_call

BROKER = StubBroker()


@dramatiq.actor(broker=BROKER)
def send_welcome(user_id, *, template="welcome"):
    return remember_call()


@dramatiq.actor(broker=BROKER, queue_name="reports", max_retries=0)
def build_report(month, year, /, fmt="pdf"):
    return remember_call()
