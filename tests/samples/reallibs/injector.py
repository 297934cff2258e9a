"""injector: ``@inject`` records the bindings of a constructor and returns the class."""

from dataclasses import dataclass

from injector import inject


class Transport:
    """A dependency the injector would provide."""


@inject
class Mailer:
    def __init__(self, transport: Transport, sender: str = "noreply"):
        self.transport = transport
        self.sender = sender


@inject
@dataclass
class Report:
    transport: Transport
    title: str = "report"


def attributes(obj):
    """What the constructor received: the instance's attributes."""
    return vars(obj)
