"""Responses returned by :class:`httpkit.Client`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Response:
    """An HTTP response."""

    #: The HTTP status code.
    status: int
    #: The raw body.
    body: bytes = b""
    #: Response headers.
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.body or b"null")

    @property
    def ok(self) -> bool:
        """Whether the status is below 400."""
        return self.status < 400
