"""Signature-changing wrappers from ``makefun`` and ``boltons`` (family 7).

Both generate the wrapper's code from a signature, so the generated function
has no readable source; the user's ``wrapper`` does the work.
"""

from inspect import Parameter
from typing import Any

from boltons.funcutils import wraps as boltons_wraps
from makefun import with_signature
from makefun import wraps as makefun_wraps

from samples.calls import remember_call

SESSION = object()
LOG: list[Any] = []


def with_request_id(func: Any) -> Any:
    """Callers pass a ``request_id`` first (makefun ``prepend_args``)."""

    @makefun_wraps(func, prepend_args="request_id")
    def wrapper(request_id: str, *args: Any, **kwargs: Any):
        LOG.append(request_id)
        return func(*args, **kwargs)

    return wrapper


def with_verbose(func: Any) -> Any:
    """Callers may pass ``verbose`` (makefun ``append_args``)."""

    @makefun_wraps(
        func,
        append_args=Parameter("verbose", Parameter.KEYWORD_ONLY, default=False, annotation=bool),
    )
    def wrapper(*args: Any, verbose: bool = False, **kwargs: Any):
        if verbose:
            LOG.append((args, kwargs))
        return func(*args, **kwargs)

    return wrapper


def with_session(func: Any) -> Any:
    """Supplies ``session`` (makefun ``remove_args``)."""

    @makefun_wraps(func, remove_args="session")
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, session=SESSION, **kwargs)

    return wrapper


def inject_session(func: Any) -> Any:
    """Supplies ``session`` (boltons ``injected``)."""

    @boltons_wraps(func, injected=["session"])
    def wrapper(*args: Any, **kwargs: Any):
        return func(*args, session=SESSION, **kwargs)

    return wrapper


def with_dry_run(func: Any) -> Any:
    """Callers may pass ``dry_run`` (boltons ``expected`` with a default)."""

    @boltons_wraps(func, expected=[("dry_run", False)])
    def wrapper(*args: Any, **kwargs: Any):
        if kwargs.pop("dry_run"):
            return None
        return func(*args, **kwargs)

    return wrapper


@with_request_id
def get_order(order_id: int, *, expand: bool = False) -> dict[str, Any]:
    """Fetch one order."""
    return remember_call()


@with_verbose
def sync_inventory(warehouse: str, *, full: bool = False) -> int:
    """Synchronise stock levels."""
    return remember_call()


@with_session
def save_order(order: dict[str, Any], session: object, *, notify: bool = True) -> None:
    """Store an order in the session makefun's wrapper supplies."""
    return remember_call()


@inject_session
def archive_order(order_id: int, session: object, *, reason: str = "") -> None:
    """Archive an order in the session boltons' wrapper supplies."""
    return remember_call()


@with_dry_run
def purge(older_than_days: int, *, table: str = "events") -> int:
    """Delete old rows unless ``dry_run``."""
    return remember_call()


@with_signature("find_orders(customer_id: int, status: str = 'open', *, limit: int = 50)")
def find_orders(*args: Any, **kwargs: Any) -> list[int]:
    """makefun gives a generic implementation a precise signature."""
    LOG.append((args, kwargs))
    return remember_call()
