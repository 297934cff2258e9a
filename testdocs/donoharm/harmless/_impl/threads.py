"""Where ``harmless.threads.run`` is defined, under another name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

RetT = TypeVar("RetT")


class _Message:
    def __init__(self, fn: object, args: tuple[Any, ...]) -> None:
        self.fn = fn
        self.args = args


def _send(token: object, message: _Message) -> Any:
    return message


def run_in_loop(
    fn: Callable[..., Awaitable[RetT]], *args: Any, token: object | None = None
) -> RetT:
    """Run ``fn`` in the event loop's thread and wait for its result.

    :param fn: The coroutine function to run.
    :param token: Which loop to run it in.
    """
    return _send(token, _Message(fn, args))
