"""fastapi-cache2's ``cache`` and pydantic's ``validate_call`` (family 7)."""

from typing import Any

from fastapi_cache.decorator import cache
from pydantic import validate_call
from starlette.requests import Request

from samples.calls import remember_call


@cache(expire=60)
async def get_item(item_id: int, q: str | None = None) -> dict[str, Any]:
    """An endpoint cached by fastapi-cache2, which rewrites ``__signature__``."""
    return remember_call()


@cache(expire=30)
async def list_items(request: Request, page: int = 1) -> list[int]:
    """Takes the request itself: fastapi-cache2 injects only a response."""
    return remember_call()


@validate_call
def create_user(name: str, age: int = 0, *, admin: bool = False) -> dict[str, Any]:
    """Arguments are validated (and coerced) against this signature."""
    return remember_call()


@validate_call(validate_return=True)
def rename_user(user_id: int, /, name: str) -> str:
    """The factory form."""
    remember_call()
    return name
