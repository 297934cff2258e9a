"""The client."""

from __future__ import annotations

from typing import Any, Literal

from .decorators import authenticated, paginated, retry, with_timeout
from .responses import Response


class Credentials:
    """Where access tokens come from."""

    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def token(self) -> str:
        """A fresh access token."""
        return f"token-for-{self.api_key}"


class Client:
    """Talks to one HTTP API.

    >>> client = Client("https://api.example.com", api_key="secret")
    >>> client.get("/users/1", retries=5).json()["name"]  # doctest: +SKIP
    'Ada'
    """

    @with_timeout(30.0)
    def __init__(self, base_url: str, *, api_key: str, user_agent: str = "httpkit/1.0") -> None:
        """
        :param base_url: The API's root, e.g. ``https://api.example.com``.
        :param api_key: Your API key.
        :param user_agent: Sent as the ``User-Agent`` header.
        """
        self.base_url = base_url
        self.credentials = Credentials(api_key)
        self.user_agent = user_agent

    @retry()
    @with_timeout()
    @authenticated
    def get(self, path: str, *, token: str, params: dict[str, str] | None = None) -> Response:
        """Send a ``GET`` request.

        :param path: The resource, relative to the base URL.
        :param token: The access token (supplied by :func:`~httpkit.decorators.authenticated`).
        :param params: Query parameters.
        """
        return Response(200)

    @retry()
    @with_timeout()
    @authenticated
    def post(
        self,
        path: str,
        json: Any = None,
        *,
        token: str,
        content_type: Literal["application/json", "text/plain"] = "application/json",
    ) -> Response:
        """Send a ``POST`` request.

        :param path: The resource, relative to the base URL.
        :param json: The body, encoded as JSON.
        :param token: The access token (supplied by :func:`~httpkit.decorators.authenticated`).
        :param content_type: The body's media type.
        """
        return Response(201)

    @with_timeout(5.0)
    @authenticated
    def delete(self, path: str, *, token: str) -> Response:
        """Send a ``DELETE`` request; never retried.

        :param path: The resource, relative to the base URL.
        :param token: The access token (supplied by :func:`~httpkit.decorators.authenticated`).
        """
        return Response(204)

    @paginated
    @authenticated
    def list_items(self, collection: str, *, token: str, since: str | None = None) -> list[Response]:
        """Every item of ``collection``.

        :param collection: The collection's path.
        :param token: The access token (supplied by :func:`~httpkit.decorators.authenticated`).
        :param since: Only items changed after this ISO date.
        """
        return []
