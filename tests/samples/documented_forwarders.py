"""Functions documented in their own right that hand ``**kwargs`` on.

A decorator's keywords come after the decorated function's (SPEC 1.3:
innermost first), and its ``*args``/``**kwargs`` stand for the decorated
function's. A function documented in its own right that hands its
``**kwargs`` to a callee it names keeps its own keywords first, as written
(the callee's stand where its ``**kwargs`` stood), and its variadics stay
its own, under its own names.
"""

import functools
from collections.abc import Callable
from typing import Any

from .calls import remember_call


def with_deadline(func: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the keyword-only ``deadline``."""

    @functools.wraps(func)
    def wrapper(*args: Any, deadline: float = 5.0, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@with_deadline
def send(message: str, *, urgent: bool = False) -> None:
    """Decorated: its own keyword first, the decorator's after."""
    return remember_call()


def with_own_deadline(func: Callable[..., Any]) -> Callable[..., Any]:
    """Declares ``deadline`` itself and passes it straight on."""

    @functools.wraps(func)
    def wrapper(*args: Any, deadline: float = 5.0, **kwargs: Any) -> Any:
        return func(*args, deadline=deadline, **kwargs)

    return wrapper


@with_own_deadline
def poll(queue: str, *, deadline: float = 1.0, verbose: bool = False) -> None:
    """Its ``deadline`` restated by the decorator: still in its place."""
    return remember_call()


def open_channel(name: str, *, encrypted: bool = True, buffer: int = 64) -> None:
    """What the forwarders below hand their keywords to."""
    return remember_call()


def open_logged(name: str, *, verbose: bool = False, **options: Any) -> None:
    """Forwards ``**options`` to a module-level function: its own keyword first."""
    return open_channel(name, **options)


def open_retried(name: str, **options: Any) -> None:
    """Pops a keyword of its own before forwarding: that one first."""
    attempts = options.pop("attempts", 3)
    del attempts
    return open_channel(name, **options)


class Channel:
    """A base class whose constructor the subclass extends."""

    def __init__(self, name: str, *, encrypted: bool = True) -> None:
        self.name = name
        self.encrypted = encrypted
        remember_call()


class PriorityChannel(Channel):
    """Adds ``priority`` and hands the rest to ``super().__init__``."""

    def __init__(self, name: str, *, priority: int = 0, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.priority = priority


class Mailbox:
    """A method extending another method of its class."""

    def fetch(self, folder: str, *, unread: bool = False, **filters: Any) -> None:
        """Its own ``unread`` first; ``_query``'s keywords stand for ``**filters``."""
        return self._query(folder, **filters)

    def _query(self, folder: str, *, sender: str = "", limit: int = 50) -> None:
        return remember_call()


class Audited(type):
    """A metaclass whose ``__call__`` adds a keyword before constructing."""

    def __call__(cls, *args: Any, audit: bool = False, **kwargs: Any) -> Any:
        return super().__call__(*args, **kwargs)


class Ledger(metaclass=Audited):
    """Documented as a class: its constructor's keywords first."""

    def __init__(self, owner: str, *, currency: str = "EUR") -> None:
        self.owner = owner
        self.currency = currency
        remember_call()


class timed:
    """A class-based decorator holding what it decorates on the instance."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func

    def __call__(self, *args: Any, budget: float = 1.0, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)


@timed
def render(template: str, *, strict: bool = False) -> None:
    """Decorated by an instance: the decorated function's keyword first."""
    return remember_call()


def make_client(endpoint: str | None, *extra: str, **config: Any) -> None:
    """What ``get_client`` hands its arguments to."""
    return remember_call()


def get_client(*args: str, **settings: Any) -> None:
    """Its own ``*args`` and ``**settings``, handed on and described here."""
    return make_client(None, *args, **settings)


def get_tagged(*tags, **settings: Any) -> None:
    """Its ``*tags`` say nothing of their type: ``make_client``'s annotation does."""
    return make_client(None, *tags, **settings)


def traced_call(func: Callable[..., Any]) -> Callable[..., Any]:
    """A decorator: its ``**kwargs`` stand for the decorated function's."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@traced_call
def configure(name: str, **overrides: Any) -> None:
    """Decorated: ``**overrides`` is its own, under its own name."""
    return remember_call()
