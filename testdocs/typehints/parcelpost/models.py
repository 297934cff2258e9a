"""The values the parcelpost API passes around."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Address:
    """A postal address."""

    street: str
    city: str
    postcode: str


@dataclass
class User:
    """The signed-in account."""

    name: str


@dataclass
class Label:
    """A paid shipping label."""

    label_id: str


@dataclass
class Shipment:
    """Where a parcel is."""

    tracking_number: str
    status: str


@dataclass
class Receipt:
    """Proof of a payment."""

    label_id: str
    amount: Decimal
