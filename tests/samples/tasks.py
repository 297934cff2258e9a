"""Coroutines, generators and jobs decorated with the family-3 decorators."""

from collections.abc import AsyncIterator, Iterator

from samples.async_forwarding import (
    Session,
    async_batched,
    async_retry,
    async_timeout,
    enforce_types,
    for_each_url,
    guarded,
    in_thread,
    limited,
    log_progress,
    logged,
    measured,
    monitored,
    notify_after,
    offloaded,
    shielded,
    tenant_scoped,
    threaded,
    validated,
    validated_row,
    with_backoff,
    with_fixed_timeout,
    with_pool_connection,
    with_session,
)
from samples.calls import remember_call
from samples.closures import Instrumented, Retry
from samples.models import Connection


@async_retry
async def fetch_async(url: str, *, timeout: float = 10.0) -> bytes:
    """Download ``url`` without blocking."""
    return remember_call()


@async_timeout(2.0)
async def query(sql: str, *params: object) -> list[tuple]:
    """Run a query with positional parameters."""
    return remember_call()


@with_session
async def get_profile(session: Session, user_id: int) -> dict[str, str]:
    """A user's public profile."""
    return remember_call()


@with_pool_connection
async def store_event(
    kind: str, payload: dict, conn: Connection | None = None, *, ttl: int = 3600
) -> int:
    """Store an event; returns its id."""
    return remember_call()


@in_thread
def compress(data: bytes, level: int = 6) -> bytes:
    """Compress ``data`` (blocking)."""
    return remember_call()


@shielded
async def commit(transaction_id: str, *, durable: bool = True) -> bool:
    """Commit a transaction."""
    return remember_call()


@async_retry
@with_session
async def update_profile(session: Session, user_id: int, *, bio: str = "") -> None:
    """Update a user's profile."""
    return remember_call()


@log_progress
def read_lines(path: str, encoding: str = "utf-8") -> Iterator[str]:
    """The lines of a text file."""
    yield remember_call()


@limited
def scan(prefix: str, *, recursive: bool = True) -> Iterator[str]:
    """Keys under ``prefix``."""
    yield remember_call()


@monitored
def tail(path: str, lines: int = 10) -> Iterator[str]:
    """The last lines of a log file."""
    yield remember_call()


@limited
@log_progress
def walk(root: str, follow_links: bool = False) -> Iterator[str]:
    """Every path under ``root``."""
    yield remember_call()


@async_batched
async def stream_events(topic: str, since: int = 0) -> AsyncIterator[dict]:
    """Events published on ``topic``."""
    yield remember_call()


@with_backoff
def connect(host: str, port: int = 5432) -> Connection:
    """Connect to a database server."""
    return remember_call()


@with_fixed_timeout
def call_service(name: str, timeout: float = 30.0, *, payload: bytes = b"") -> bytes:
    """Call an internal service."""
    return remember_call()


@logged
def compute_report(year: int, quarter: int | None = None) -> dict:
    """The financial report of a year or quarter."""
    return remember_call()


@tenant_scoped
def list_projects(owner: str, tenant: str = "default", archived: bool = False) -> list[str]:
    """Projects of ``owner`` in the current tenant."""
    return remember_call()


@validated
def render_table(
    rows: list[list[str]], *, color: str = "auto", width: int = 80, border: bool = True
) -> str:
    """Render rows as a text table."""
    return remember_call()


@measured
def export_csv(table: str, path: str, *, header: bool = True) -> int:
    """Export a table to CSV."""
    return remember_call()


@guarded
def migrate(target_version: int | None = None, *, fake: bool = False) -> None:
    """Apply database migrations."""
    return remember_call()


@offloaded
def checksum(path: str, algorithm: str = "sha256") -> str:
    """The checksum of a file (blocking)."""
    return remember_call()


@threaded
def thumbnail(path: str, *, size: int = 128) -> bytes:
    """A thumbnail of an image (blocking)."""
    return remember_call()


@notify_after
def rotate_keys(service: str, *, keep_old: bool = True) -> int:
    """Rotate a service's API keys."""
    return remember_call()


@validated_row
def insert_row(name: str, email: str, *, strict: bool = False, returning: bool = True) -> int:
    """Insert a row; returns its id."""
    return remember_call()


@for_each_url
async def fetch_all(url: str, *, timeout: float = 10.0) -> bytes:
    """Download every URL concurrently."""
    return remember_call()


@Instrumented
@async_retry
@with_pool_connection
async def store_metric(
    name: str, value: float, conn: Connection | None = None, *, tags: tuple[str, ...] = ()
) -> None:
    """Store one metric sample."""
    return remember_call()


@Retry
@shielded
@with_session
async def delete_account(session: Session, account_id: int, *, purge: bool = False) -> bool:
    """Delete an account."""
    return remember_call()


@enforce_types
def schedule_job(name: str, delay: float = 0.0, *, repeat: int = 1) -> str:
    """Schedule a job; returns its id."""
    return remember_call()
