"""opentelemetry-api: ``tracer.start_as_current_span(name)`` used as a decorator.

The object is a context manager made by a generator function; as a
decorator it re-creates itself around each call (``_recreate_cm``), with an
``async`` wrapper for coroutine functions.
"""

from opentelemetry import trace

from samples.calls import remember_call

tracer = trace.get_tracer(__name__)


@tracer.start_as_current_span("checkout")
def checkout(cart_id, *, coupon=None):
    return remember_call()


@tracer.start_as_current_span("refund")
async def refund(order_id, amount=None, /):
    return remember_call()
