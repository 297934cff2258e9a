"""lagom: ``bind_to_container`` injects parameters whose default is ``injectable``.

The wrapper hands ``(args, kwargs)`` to an argument updater (compiled code)
that resolves the missing injectable keywords from the container.
"""

from lagom import Container, bind_to_container, injectable

from samples.calls import remember_call


class Repository:
    """A dependency the container builds."""


container = Container()


@bind_to_container(container)
def archive_order(order_id, reason="", repo: Repository = injectable):
    return remember_call()


def close_order(order_id, *, repo: Repository = injectable):
    return remember_call()


close_bound = container.partial(close_order)
