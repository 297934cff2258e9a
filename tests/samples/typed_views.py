"""Views decorated with the typed decorators of :mod:`samples.typed_http`.

The decorators are applied both by bare name and through a module
attribute, as an application would.
"""

from __future__ import annotations

import samples.typed_http as http
from samples.calls import remember_call
from samples.typed_http import (
    DbSession,
    Request,
    Response,
    User,
    login_required,
    require_request,
    retry_on,
    route,
    timed,
    traced,
    with_current_user,
    with_db_session,
)


@require_request
def show_item(item_id: int, *, verbose: bool = False) -> Response:
    """Show one item."""
    return remember_call()


@http.require_request
def delete_item(item_id: int, /, reason: str = "") -> Response:
    """Delete an item (decorator named through the module)."""
    return remember_call()


@route("/items/{item_id}/edit")
def edit_item(item_id: int, title: str, *, draft: bool = True) -> Response:
    """Edit an item (decorator factory)."""
    return remember_call()


@with_current_user
def update_profile(user: User, display_name: str, *, notify: bool = True) -> User:
    """Change the current user's display name."""
    return remember_call()


@login_required
def list_orders(page: int = 1, *, per_page: int = 20) -> list[int]:
    """A view behind the readable Concatenate decorator."""
    return remember_call()


@with_db_session
def count_orders(session: DbSession, customer_id: int, *, include_cancelled: bool = False) -> int:
    """Count a customer's orders with the session the decorator opens."""
    return remember_call()


@timed
def load_user(user_id: int, *, with_roles: bool = False) -> User:
    """Load one user; the wrapper's ``-> R`` is the TypeVar bound to ``User``."""
    return remember_call()


@retry_on(ConnectionError, TimeoutError)
def fetch_profile(user_id: int, request: Request | None = None) -> dict[str, str]:
    """Fetch a profile; ``retry_on`` keeps ``R`` as the return type."""
    return remember_call()


@require_request
@timed
def search_items(query: str, *, limit: int = 10) -> list[int]:
    """A generated wrapper (outer) around a readable one."""
    return remember_call()


@require_request
@traced
def find_items(query: str) -> list[int]:
    """A generated wrapper (outer) around a readable one that adds a keyword."""
    return remember_call()


@timed
@require_request
def archive_item(item_id: int, *, hard: bool = False) -> Response:
    """A readable wrapper (outer) around a generated one."""
    return remember_call()
