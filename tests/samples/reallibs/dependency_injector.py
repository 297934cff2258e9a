"""dependency-injector: ``@inject`` with ``Provide[...]`` defaults, wired to a container.

The wrapper hands ``kwargs`` to a compiled ``DependencyResolver`` that fills in
the injected ones the caller did not pass.
"""

from dependency_injector import containers, providers
from dependency_injector.wiring import Provide, inject

from samples.calls import remember_call


class Mailer:
    """The injected service."""


class Container(containers.DeclarativeContainer):
    mailer = providers.Factory(Mailer)
    sender = providers.Object("noreply@example.org")


# In a dict: wiring replaces module attributes that are markers by their values.
MARKERS = {"mailer": Provide[Container.mailer], "sender": Provide[Container.sender]}


@inject
def send_invoice(invoice_id, *, mailer=MARKERS["mailer"], sender=MARKERS["sender"]):
    return remember_call()


@inject
async def send_reminder(customer, days=7, mailer=MARKERS["mailer"]):
    """The resolver injects ``mailer`` even when it was passed by position
    (``got multiple values``): the caller can only pass it by keyword."""
    return remember_call()


CONTAINER = Container()
CONTAINER.wire(modules=[__name__])
