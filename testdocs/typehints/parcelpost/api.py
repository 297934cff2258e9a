"""The parcelpost API: every function here is decorated."""

from decimal import Decimal

from carrierlib import rate_limited

from ._tracing import traced
from .decorators import (
    Connection,
    as_receipt,
    audited,
    localized,
    require_user,
    retry,
    routed,
    signed,
    with_carrier,
    with_connection,
    with_timeout,
)
from .models import Address, Label, Shipment, User


@retry
def track(tracking_number: str, *, detailed: bool = False) -> Shipment:
    """Look up where a parcel is.

    :param tracking_number: The number printed on the label.
    :param detailed: Include every scan event.
    """
    return Shipment(tracking_number, "in transit")


@require_user
def create_label(address: Address, weight_kg: float, *, user: User) -> Label:
    """Buy a shipping label.

    :param address: Where the parcel goes.
    :param weight_kg: Weight of the parcel in kilograms.
    :param user: The account that pays.
    """
    return Label(f"{user.name}-{address.postcode}-{weight_kg}")


@with_timeout(30.0)
def cancel(label_id: str) -> bool:
    """Cancel a label that has not shipped yet.

    :param label_id: The label's identifier.
    :param timeout: How long to wait for the carrier, in seconds.
    """
    return bool(label_id)


@as_receipt
def pay(label_id: str, amount: Decimal) -> Decimal:
    """Pay for a label.

    :param label_id: The label to pay for.
    :param amount: The price, in euros.
    :returns: Proof of the payment.
    """
    return amount


@traced
def quote(weight_kg: float, postcode: str) -> Decimal:
    """The price of a label.

    :param weight_kg: Weight of the parcel in kilograms.
    :param postcode: Destination postcode.
    """
    return Decimal("4.99") + Decimal(weight_kg)


@signed
@rate_limited
def schedule_pickup(address: Address, day: str) -> str:
    """Ask the carrier to collect parcels.

    :param address: Where to collect.
    :param day: An ISO date.
    """
    return f"{address.postcode}/{day}"


@with_connection
def list_depots(connection: Connection, city: str) -> list[str]:
    """The depots in a city.

    :param connection: The connection to ask through.
    :param city: The city's name.
    """
    return [f"{city}-1"]


@localized
def describe_status(status: str) -> str:
    """A shipment status in words.

    :param status: A status code such as ``"in_transit"``.
    """
    return status.replace("_", " ")


@with_carrier
@retry
def book_pickup(address: Address) -> str:
    """Book a pickup at an address.

    :param address: Where the parcel waits.
    """
    return address.postcode


@audited
def refund(label_id: str) -> Decimal:
    """Refund an unused label.

    :param label_id: The label to refund.
    """
    return Decimal("4.99")


@routed
def export_labels(day: str, fmt: str = "pdf") -> bytes:
    """All labels bought on a day, as one file.

    :param day: An ISO date.
    :param fmt: The file format.
    """
    return f"{day}.{fmt}".encode()


class Depot:
    """A drop-off point.

    :param code: The depot's code, such as ``"BER-3"``.
    """

    @retry
    def __init__(self, code: str) -> None:
        self.code = code

    @retry
    def opening_hours(self, day: str) -> str:
        """When the depot is open on ``day``.

        :param day: A weekday name.
        """
        return f"{self.code}: 8-18 on {day}"

    @classmethod
    @retry
    def nearest(cls, postcode: str) -> "Depot":
        """The depot closest to a postcode.

        :param postcode: Where the sender lives.
        """
        return cls(f"{postcode[:3]}-1")


class Courier:
    """A delivery company parcelpost can book."""

    @retry
    def __init__(self, name: str) -> None:
        """Connect to the courier's booking API.

        :param name: The courier's name.
        :param retries: How often to retry the connection.
        """
        self.name = name
