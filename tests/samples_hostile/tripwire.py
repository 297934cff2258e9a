"""Decorators and objects whose code must never run during resolution.

Every wrapper body, ``__call__``, ``__init__``, ``__new__`` and metaclass
``__call__`` in this module appends to :data:`CALLS` before doing anything
else; every ``__getattr__`` appends to :data:`LOOKUPS`. Resolving a signature
must read code, never execute it, so after any number of
``effective_signature`` calls both lists are still empty. (``inspect.signature``
itself does trigger ``__getattr__``: it asks for ``__signature__`` and
``__wrapped__`` with plain ``getattr``.)
"""

import functools
from typing import Any

CALLS: list[str] = []
"""Every function body that ran, by name, in the order it ran."""

LOOKUPS: list[str] = []
"""Every ``__getattr__`` that ran, with the attribute asked for."""


def record(what: str) -> None:
    CALLS.append(what)


def record_lookup(what: str) -> None:
    LOOKUPS.append(what)


def audited(func: Any) -> Any:
    """A logging decorator whose wrapper records each call."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        record("audited.wrapper")
        return func(*args, **kwargs)

    return wrapper


def forbidden(func: Any) -> Any:
    """A decorator whose wrapper explodes if it is ever run."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        record("forbidden.wrapper")
        raise RuntimeError("the resolver executed a wrapper body")

    return wrapper


def with_timeout(seconds: float) -> Any:
    """A decorator factory; the inner decorator already ran at import time."""

    def decorate(func: Any) -> Any:
        @functools.wraps(func)
        def wrapper(*args: Any, timeout: float = seconds, **kwargs: Any):
            record("with_timeout.wrapper")
            return func(*args, **kwargs)

        return wrapper

    return decorate


class CountCalls:
    """A class-based decorator whose ``__call__`` records and raises."""

    def __init__(self, func: Any) -> None:
        functools.update_wrapper(self, func)
        self.func = func
        self.count = 0

    def __call__(self, *args: Any, **kwargs: Any):
        record("CountCalls.__call__")
        raise RuntimeError("the resolver called a decorator instance")

    def __getattr__(self, name: str) -> Any:
        record_lookup(f"CountCalls.__getattr__({name})")
        raise AttributeError(name)


class RecordingMeta(type):
    """A metaclass whose ``__call__`` (instantiation) records."""

    def __call__(cls, *args: Any, **kwargs: Any):
        record(f"{cls.__name__} metaclass __call__")
        return super().__call__(*args, **kwargs)


@audited
def send_email(to: str, subject: str, body: str = "") -> bool:
    """Send an email (audited)."""
    record("send_email")
    return True


@forbidden
def drop_database(name: str, *, force: bool = False) -> None:
    """Drop a database (never to be run)."""
    record("drop_database")


@with_timeout(30.0)
def download(url: str, chunk_size: int = 1024) -> bytes:
    """Download a URL with a timeout."""
    record("download")
    return b""


@CountCalls
def charge(amount: int, currency: str = "EUR") -> None:
    """Charge a card (the decorator instance records every call)."""
    record("charge")


class Account(metaclass=RecordingMeta):
    """An account whose construction records; its methods record too."""

    def __new__(cls, *args: Any, **kwargs: Any) -> "Account":
        record("Account.__new__")
        return super().__new__(cls)

    def __init__(self, owner: str, balance: int = 0) -> None:
        record("Account.__init__")
        self.owner = owner
        self.balance = balance

    @audited
    def deposit(self, amount: int) -> int:
        """Deposit an amount."""
        record("Account.deposit")
        return self.balance + amount

    def __getattr__(self, name: str) -> Any:
        record_lookup(f"Account.__getattr__({name})")
        raise AttributeError(name)


class Notifier:
    """Callable instances: ``__call__`` and ``__getattr__`` record."""

    def __call__(self, message: str, *, urgent: bool = False) -> None:
        record("Notifier.__call__")

    def __getattr__(self, name: str) -> Any:
        record_lookup(f"Notifier.__getattr__({name})")
        raise AttributeError(name)


notify = Notifier()
"""A module-level callable instance."""


class Vault:
    """A callable whose instance ``__dict__`` is a property: reading it runs code."""

    @property  # type: ignore[misc]
    def __dict__(self) -> Any:  # type: ignore[override]
        record("Vault.__dict__")
        return {}

    def __call__(self, key: str) -> bytes:
        record("Vault.__call__")
        return b""


vault = Vault()
"""A callable instance with a ``__dict__`` property."""


class Inspector:
    """A callable whose ``__getattribute__`` records every attribute read.

    Except ``__class__``: ``isinstance()`` reads it, and asking what kind of
    object something is cannot be avoided.
    """

    def __getattribute__(self, name: str) -> Any:
        if name != "__class__":
            record_lookup(f"Inspector.__getattribute__({name})")
        return super().__getattribute__(name)

    def __call__(self, target: object, depth: int = 1) -> None:
        record("Inspector.__call__")


inspector = Inspector()
"""A callable instance that records every attribute read."""


class SignedRequest:
    """A callable whose ``__signature__`` and ``__wrapped__`` are computed by properties.

    Only ``__wrapped__`` records: a ``__signature__`` property exists to be
    read by signature tools (wrapt and pydantic compute theirs), so reading
    it, as ``inspect.signature`` does, is not running foreign code.
    """

    @property
    def __signature__(self) -> Any:
        raise AttributeError("__signature__")

    @property
    def __wrapped__(self) -> Any:
        record("SignedRequest.__wrapped__")
        raise AttributeError("__wrapped__")

    def __call__(self, payload: bytes, *, key_id: str = "default") -> str:
        record("SignedRequest.__call__")
        return ""


sign = SignedRequest()
"""A callable instance whose ``__signature__``/``__wrapped__`` properties record."""


class logged_method:
    """A class-based method decorator; binding it (``__get__``) records."""

    def __init__(self, func: Any) -> None:
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        record("logged_method.__get__")
        return functools.partial(self.__call__, instance)

    def __call__(self, *args: Any, **kwargs: Any):
        record("logged_method.__call__")
        return self.func(*args, **kwargs)


class Ledger:
    """A class whose ``__init__`` and a method are class-based decorator instances."""

    @logged_method
    def __init__(self, name: str, currency: str = "EUR") -> None:
        record("Ledger.__init__")

    @logged_method
    def post(self, amount: int, *, memo: str = "") -> None:
        """Post an entry."""
        record("Ledger.post")
