"""Functions decorated with :mod:`samples.annot_decorators`, in another module.

Postponed annotations again: ``Config`` here is this module's own class, and
``AuditTrail`` is imported only under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from samples.annot_decorators import as_text, audited, deprecated, with_backoff, with_config
from samples.annot_eager import with_deadline
from samples.calls import remember_call

if TYPE_CHECKING:
    from decimal import Decimal as Money


@dataclass
class Invoice:
    """An invoice."""

    number: str = "INV-1"


@dataclass
class Receipt:
    """Proof of delivery."""


@dataclass
class Ledger:
    """Invoices of one customer; its method's annotations name this module's classes."""

    customer: str = "ACME"

    @with_backoff
    def post(self, invoice: Invoice, *, memo: str = "") -> Receipt:
        """Post an invoice to the ledger."""
        return remember_call()


@dataclass(frozen=True)
class Config:
    """Mail settings (not to be confused with ``annot_decorators.Config``)."""

    sender: str = "billing@example.com"


@with_config
def send_invoice(invoice: Invoice, *, settings: Config | None = None) -> Receipt:
    """Mail an invoice: ``settings`` and ``config`` name two different ``Config``."""
    return remember_call()


@with_backoff
def fetch_invoice(number: str, *, include_lines: bool = False) -> Invoice:
    """Load an invoice, waiting ``backoff`` between attempts."""
    return remember_call()


@audited
def refund(invoice: Invoice, amount: Money, *, reason: str = "") -> Receipt:
    """``Money`` exists only for type checkers: it stays a string."""
    return remember_call()


@as_text
def render(invoice: Invoice, *, template: str = "default") -> bytes:
    """Render as bytes; the decorator makes the result text."""
    remember_call()
    return f"{invoice.number} ({template})".encode()


@deprecated
def export(invoice: Invoice) -> bytes:
    """Export as bytes; deprecated."""
    remember_call()
    return invoice.number.encode()


def summary(invoice: Invoice, *lines: str) -> Receipt:
    """Its own ``-> Receipt``, over the looser ``-> object`` of what it calls."""
    return _summarise(invoice, *lines)  # type: ignore[return-value]


def _summarise(invoice: Invoice, *lines: str) -> object:
    return remember_call()


@audited
@with_backoff
@with_config
def settle(invoice: Invoice, *, settings: Config | None = None) -> Receipt:
    """Three decorators from another module, each annotation in its own module."""
    return remember_call()


@with_deadline
def fetch_receipt(invoice: Invoice, *, copy: bool = False) -> Receipt:
    """A wrapper from a module with eager annotations around a postponed one."""
    return remember_call()
