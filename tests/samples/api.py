"""An HTTP/storage client API decorated with the family-1 decorators.

Every function's body records what it received (``remember_call``), so the
coherence oracle can check that the documented signature is the real one.
"""

from samples.calls import remember_call
from samples.decorators import (
    as_text,
    attempts_from_kwargs,
    audit_user,
    audited,
    bounded,
    by_first_argument,
    cache_by_key,
    cached,
    checked_connection,
    deadline,
    deadline_forwarded,
    default_page_size,
    default_region,
    dispatch_on_first,
    enforce_timeout,
    explicit_timeout,
    fast_timeout,
    from_json_fields,
    identified,
    log_arguments,
    log_calls,
    login_required,
    memoize,
    normalized_path,
    on_behalf_of,
    optional_connection,
    optional_priority,
    page_size_from_config,
    paginated,
    production_timeout,
    provide_connection,
    provide_session,
    reject_none,
    require_token,
    require_user,
    retry,
    short_timeout,
    single_path,
    skippable,
    strict_timeout,
    timed,
    traced,
    with_connection,
    with_locale,
    with_timeout,
    with_user_agent,
)
from samples.models import Bucket, Connection, DbSession, Order, Request, Response, User


@retry
def fetch(url: str, timeout: float = 10.0) -> bytes:
    """Download ``url``."""
    return remember_call()


@require_user
def delete_post(post_id: int, *, hard: bool = False) -> None:
    """Delete a post (soft delete unless ``hard``)."""
    return remember_call()


@with_connection
def load_orders(conn: Connection, customer_id: int, limit: int = 50) -> list[Order]:
    """The customer's most recent orders."""
    return remember_call()


@with_timeout(5.0)
def fetch_page(url: str, timeout: float = 10.0, verify: bool = True) -> str:
    """Fetch an HTML page."""
    return remember_call()


@enforce_timeout
def upload(path: str, timeout: float = 10.0, chunk_size: int = 65536) -> int:
    """Upload a file; returns the bytes sent."""
    return remember_call()


@with_user_agent
@traced
def get_json(
    url: str,
    user_agent: str = "python",
    trace_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> dict:
    """GET ``url`` and decode the JSON body."""
    return remember_call()


@skippable
def send_newsletter(issue: int, audience: str = "subscribers") -> int:
    """Send a newsletter issue; returns the number of mails sent."""
    return remember_call()


@deadline
def resize_image(path: str, width: int, *, timeout: float = 60.0) -> bytes:
    """Resize an image."""
    return remember_call()


@require_token
def list_invoices(account_id: int, year: int | None = None) -> list[str]:
    """Invoice numbers of an account."""
    return remember_call()


@audited
def refund(order_id: int, amount: float, *, currency: str = "EUR") -> Response:
    """Refund (part of) an order."""
    return remember_call()


@default_region
def create_bucket(name: str, region: str = "us-east-1", *, public: bool = False) -> Bucket:
    """Create a storage bucket."""
    return remember_call()


@log_calls
def login(username: str, password: str, *, remember: bool = False) -> User:
    """Log a user in."""
    return remember_call()


@cache_by_key
def get_setting(key: str, default: str | None = None) -> str | None:
    """A configuration value."""
    return remember_call()


@dispatch_on_first
def render(value: object, *, indent: int = 0) -> str:
    """Render any value as text."""
    return remember_call()


@timed
def rebuild_index(name: str, *, full: bool = False) -> int:
    """Rebuild a search index; returns the number of documents."""
    return remember_call()


@memoize
def distance(x: float, y: float, *, unit: str = "m") -> float:
    """Distance from the origin."""
    return remember_call()


@from_json_fields
def create_user(name: str, email: str, admin: bool = False) -> User:
    """Create a user account."""
    return remember_call()


@as_text
def order_total(order_id: int, *, with_tax: bool = True) -> float:
    """The total of an order."""
    return remember_call()


@paginated
def search(query: str, offset: int = 0, limit: int = 10, *, sort: str = "relevance") -> list[str]:
    """Full-text search."""
    return remember_call()


@page_size_from_config
def list_customers(country: str, limit: int = 100) -> list[str]:
    """Customers in a country."""
    return remember_call()


@on_behalf_of
def transfer(source: str, target: str, amount: float) -> Response:
    """Move money between accounts."""
    return remember_call()


@checked_connection
def save_order(conn: Connection, order: Order, autocommit: bool = True) -> int:
    """Store an order; returns its id."""
    return remember_call()


@login_required
def dashboard(request: Request, section: str = "home") -> str:
    """The user's dashboard."""
    return remember_call()


@single_path
def read_file(path: str, mode: str = "r", *, encoding: str | None = None) -> str:
    """The content of a file."""
    return remember_call()


@normalized_path
def stat_file(path: str, follow_symlinks: bool = True) -> int:
    """The size of a file."""
    return remember_call()


@deadline_forwarded
def call_api(endpoint: str, timeout: float = 10.0, verify: bool = True) -> Response:
    """Call an API endpoint."""
    return remember_call()


@fast_timeout
def probe(host: str, timeout: float = 10.0, *, port: int = 443) -> bool:
    """Whether ``host`` accepts TLS connections."""
    return remember_call()


@audit_user
def close_account(account_id: int, *, immediately: bool = False) -> None:
    """Close an account."""
    return remember_call()


@with_locale
def format_price(amount: float, currency: str = "EUR") -> str:
    """A price for display."""
    return remember_call()


@log_arguments
def convert(amount: float, source: str, target: str = "EUR") -> float:
    """Convert an amount between currencies."""
    return remember_call()


@cached
def geolocate(ip: str, *, precise: bool = False) -> tuple[float, float]:
    """Coordinates of an IP address."""
    return remember_call()


@reject_none
def rename(old: str, new: str, *, overwrite: bool = False) -> None:
    """Rename a file."""
    return remember_call()


@short_timeout
def ping_host(host: str, timeout: float = 10.0, count: int = 1) -> bool:
    """Whether a host answers."""
    return remember_call()


@provide_connection
def count_orders(customer_id: int, *, conn: Connection | None = None) -> int:
    """How many orders a customer placed."""
    return remember_call()


@strict_timeout
def sync_mailbox(account: str, timeout: float = 60.0, folders: tuple[str, ...] = ()) -> int:
    """Synchronise a mailbox; returns the number of new messages."""
    return remember_call()


@identified
def crawl(start_url: str, depth: int = 2) -> list[str]:
    """URLs reachable from ``start_url``."""
    return remember_call()


@bounded
def solve(puzzle: str, *, hints: bool = False) -> str:
    """Solve a puzzle before the deadline."""
    return remember_call()


@explicit_timeout
def download_report(report_id: int, *, timeout: float = 10.0, verify: bool = True) -> bytes:
    """Download a generated report."""
    return remember_call()


@production_timeout
def render_page(path: str, timeout: float = 10.0, *, cache: bool = True) -> str:
    """Render a page."""
    return remember_call()


@by_first_argument
def lookup_user(user_id: int, include_deleted: bool = False) -> User:
    """A user by id."""
    return remember_call()


@default_page_size
def list_orders(
    customer_id: int, page_size: int | None = None, *, newest_first: bool = True
) -> list[Order]:
    """A customer's orders, a page at a time."""
    return remember_call()


@optional_connection
def run_query(conn: Connection, sql: str, *, limit: int = 100) -> list[tuple]:
    """Rows returned by ``sql``."""
    return remember_call()


@provide_session
def get_task(task_id: str, *, session: DbSession | None = None) -> dict:
    """A task by id."""
    return remember_call()


@attempts_from_kwargs
def push_update(device_id: str, payload: bytes) -> bool:
    """Push a firmware update to a device."""
    return remember_call()


@optional_priority
def enqueue(job: str, *, queue: str = "default") -> str:
    """Queue a job; returns its id."""
    return remember_call()
