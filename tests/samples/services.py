"""Service functions decorated with family-2 decorators, alone and stacked."""

from samples import decorators
from samples.calls import remember_call
from samples.closures import (
    CountCalls,
    Instrumented,
    Memo,
    RequireRequest,
    Retry,
    Throttled,
    Timed,
    authenticated,
    connected,
    count_calls,
    count_into,
    default_retries,
    instrument,
    limiter,
    optional_call,
    rate_limited,
    require_role,
    retry_n,
    tagged,
    tracked,
    with_attempts,
    with_db,
    within,
)
from samples.models import Connection, Response, User

# --- one decorator ----------------------------------------------------------


@count_calls
def ping(host: str, count: int = 4) -> float:
    """Round-trip time to ``host``."""
    return remember_call()


@with_attempts
def download(url: str, *, chunk_size: int = 1024) -> bytes:
    """Download ``url`` in chunks."""
    return remember_call()


@authenticated
def show_profile(user: User, verbose: bool = False) -> str:
    """The profile page of the logged-in user."""
    return remember_call()


@instrument
def resolve_host(name: str, family: int = 0) -> list[str]:
    """Addresses of ``name``."""
    return remember_call()


@optional_call
def notify(channel: str, message: str) -> bool:
    """Post ``message`` to ``channel``."""
    return remember_call()


@with_db
def count_rows(conn: Connection, table: str, *, where: str | None = None) -> int:
    """Number of rows in ``table``."""
    return remember_call()


@Retry
def fetch_feed(url: str, *, since: float | None = None) -> list[str]:
    """Entries of an RSS feed."""
    return remember_call()


@RequireRequest
def settings_page(section: str = "general") -> str:
    """The settings page."""
    return remember_call()


@CountCalls
def lookup(key: str, default: int = 0) -> int:
    """A counter value."""
    return remember_call()


@rate_limited(10)
def geocode(address: str, *, country: str | None = None) -> tuple[float, float]:
    """Coordinates of an address."""
    return remember_call()


@require_role("admin")
def drop_table(name: str, *, cascade: bool = False) -> None:
    """Drop a table."""
    return remember_call()


@default_retries(5)
def poll(queue: str, retries: int = 1, *, wait: float = 0.5) -> list[str]:
    """Messages waiting in ``queue``."""
    return remember_call()


@within(1.5)
def health_check(service: str) -> bool:
    """Whether ``service`` answers."""
    return remember_call()


@tagged("billing")
def charge(
    customer_id: int, amount: float, tag: str | None = None, *, idempotency_key: str | None = None
) -> Response:
    """Charge a customer."""
    return remember_call()


# --- stacks of 2 to 4 ---------------------------------------------------------


@with_attempts
@authenticated
def edit_profile(user: User, bio: str = "") -> str:
    """Edit the logged-in user's profile."""
    return remember_call()


@require_role("admin")
@decorators.with_timeout(5.0)
@decorators.log_calls
def purge_cache(region: str, timeout: float = 10.0, force: bool = False) -> int:
    """Purge the CDN cache of a region."""
    return remember_call()


@Retry
@decorators.audited
@decorators.retry
@within(2.5)
def sync_inventory(warehouse: str, *, full: bool = False) -> int:
    """Synchronise a warehouse's stock."""
    return remember_call()


@instrument
@default_retries(5)
def drain(queue: str, retries: int = 1, *, batch: int = 10) -> int:
    """Empty a queue."""
    return remember_call()


@CountCalls
@with_db
def import_rows(conn: Connection, path: str, *, delimiter: str = ",") -> int:
    """Import a CSV file."""
    return remember_call()


@RequireRequest
@optional_call
def dashboard(layout: str = "grid") -> str:
    """The dashboard page."""
    return remember_call()


@rate_limited(10)
@tagged("billing")
def refund_charge(
    charge_id: str, amount: float, tag: str | None = None, *, reason: str = "requested"
) -> Response:
    """Refund a charge."""
    return remember_call()


@require_role("editor")
@decorators.with_connection
def publish(conn: Connection, post_id: int, *, notify: bool = True) -> None:
    """Publish a draft."""
    return remember_call()


@decorators.skippable
@Retry
@decorators.require_user
@count_calls
def archive(project: str, *, keep_days: int = 30) -> int:
    """Archive a project."""
    return remember_call()


# --- more closures ------------------------------------------------------------


def _count_lookup() -> None:
    """Stand-in metrics counter."""


@count_into(_count_lookup)
def resolve_alias(alias: str, *, domain: str = "example.org") -> str:
    """The address an alias points to."""
    return remember_call()


@retry_n(3)(on=(TimeoutError,))
def fetch_quote(symbol: str, exchange: str = "NYSE") -> float:
    """The latest quote of a stock."""
    return remember_call()


@Memo
def exchange_rate(source: str, target: str = "EUR") -> float:
    """The exchange rate between two currencies."""
    return remember_call()


@Instrumented
def render_invoice(invoice_id: int, *, fmt: str = "pdf") -> bytes:
    """Render an invoice."""
    return remember_call()


@within(0.5)
def cache_get(key: str) -> bytes | None:
    """A value from the cache, or None (fails fast)."""
    return remember_call()


@within(30.0)
def warehouse_query(sql: str) -> list[tuple]:
    """Run an analytical query (may be slow)."""
    return remember_call()


@Timed
def reindex(collection: str, *, batch_size: int = 500) -> int:
    """Rebuild a search collection."""
    return remember_call()


@tracked
class Worker:
    """A background worker; the class is replaced by a tracking factory."""

    def __init__(self, queue: str, *, concurrency: int = 4) -> None:
        remember_call()


@Throttled
def send_sms(number: str, text: str, *, sender: str = "ACME") -> bool:
    """Send a text message."""
    return remember_call()


@limiter.limit
def resolve_dns(name: str, kind: str = "A") -> list[str]:
    """DNS records of ``name``."""
    return remember_call()


@connected
def list_tables(conn: Connection, schema: str = "public", *, views: bool = False) -> list[str]:
    """Tables of a schema."""
    return remember_call()
