"""Posting to the ledger."""

from decimal import Decimal

from ._fx import rounded
from .decorators import audited, in_currency, with_session
from .models import Entry, Session


@audited
@with_session
def post_entry(account: str, amount: Decimal, *, session: Session) -> Entry:
    """Post an entry to an account.

    Args:
        account: The account's number.
        amount: The amount; negative for a debit.
        session: The database session.

    Returns:
        The posted entry.
    """
    return Entry(account, amount)


@in_currency
def transfer(source: str, target: str, amount: Decimal) -> tuple[Entry, Entry]:
    """Move money between two accounts.

    Parameters
    ----------
    source : str
        Account to debit.
    target : str
        Account to credit.
    amount : Decimal
        How much to move.

    Returns
    -------
    tuple of Entry
        The debit and the credit entries.
    """
    return Entry(source, -amount), Entry(target, amount)


@audited
def close_account(account: str) -> None:
    """Close an account.

    Args:
        account: The account's number.
        reason: Shown to the account holder in the closing letter.
    """


@rounded
def balance(account: str) -> Decimal:
    """The balance of an account.

    Args:
        account: The account's number.
    """
    return Decimal("0.00")
