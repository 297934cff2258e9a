"""What the code really accepts: refused keywords, rewritten keywords, run-time choices,
parameters a function passes on under their own name, restated ``__signature__``,
keywords left over after the pops refused."""

from __future__ import annotations

import inspect
from typing import Any

# -- a keyword refused before the rest is forwarded ------------------------------


class Option:
    """A command-line option."""

    def __init__(self, flags: list[str], repeat: bool = False, metavar: str | None = None):
        self.flags = flags
        self.repeat = repeat
        self.metavar = metavar


class Positional(Option):
    """A positional argument: it cannot repeat."""

    def __init__(self, flags: list[str], **attrs: Any):
        if "repeat" in attrs:
            raise TypeError("a positional argument cannot repeat")
        super().__init__(flags, **attrs)


def render_option(flags: list[str], repeat: bool = False, width: int = 80) -> str:
    """Render one option."""
    return " ".join(flags)


def render_positional(flags: list[str], **kwargs: Any) -> str:
    """Render a positional argument; ``repeat`` is refused."""
    if "repeat" in kwargs:
        raise TypeError("unexpected keyword argument 'repeat'")
    return render_option(flags, **kwargs)


# -- a keyword rewritten from the caller's own value ----------------------------------


class RequestBuilder:
    """Builds a request."""

    def __init__(self, path: str = "/", method: str = "GET", headers=None, timeout=None):
        self.headers = headers


def _with_agent(headers: dict[str, str]) -> dict[str, str]:
    return {"User-Agent": "test", **headers}


def build_request(*args: Any, **kwargs: Any) -> RequestBuilder:
    """Build a request with a user agent added to the caller's headers."""
    kwargs["headers"] = _with_agent(kwargs.get("headers", {}))
    return RequestBuilder(*args, **kwargs)


# -- a run-time choice between two targets --------------------------------------------


class SyncRunner:
    def __init__(self, attempts: int = 3, delay: float = 0.0):
        self.attempts = attempts


class AsyncRunner:
    def __init__(self, attempts: int = 3, delay: float = 0.0, loop: object = None):
        self.attempts = attempts


def runner_for(func: Any, *args: Any, **kwargs: Any) -> object:
    """A runner for ``func``: asynchronous for coroutine functions."""
    if inspect.iscoroutinefunction(func):
        runner: object = AsyncRunner(*args, **kwargs)
    else:
        runner = SyncRunner(*args, **kwargs)
    return runner


# -- parameters a function declares and passes on under their own name ----------


class Command:
    """A command."""

    def __init__(self, name: str, strict: bool = False, hidden: bool = False):
        self.name = name
        self.strict = strict


class Group(Command):
    """A group of commands: ``strict`` is decided from the members when None."""

    def __init__(self, name: str, strict: bool | None = None, **attrs: Any):
        super().__init__(name, strict=bool(strict), **attrs)


class Serializer:
    """Serializes values."""

    def dumps(self, value: Any, **options: Any) -> str:
        """Serialize ``value``."""
        return repr(value)

    def dump(self, value: Any, stream: Any, **options: Any) -> None:
        """Serialize ``value`` to ``stream``."""
        stream.write(self.dumps(value, **options))


# -- a __signature__ that restates the function's own parameters -------------------


def _connect(host: str, port: int = 5432, **options: Any) -> str:
    return host


def connect_via(host: str, port: int = 80, **options: Any) -> str:
    """Forwards everything to ``_connect``; carries a restating ``__signature__``."""
    return _connect(host, port, **options)


connect_via.__signature__ = inspect.signature(connect_via)  # type: ignore[attr-defined]


# -- a wrapper nested in a method, with a private (name-mangled) keyword ----------


class tagged:
    """A class-based decorator whose wrapper has a private keyword."""

    def __call__(self, func: Any) -> Any:
        def wrapper(*args: Any, __tag: str = "", **kwargs: Any) -> Any:
            return func(*args, **kwargs)

        wrapper.__wrapped__ = func  # type: ignore[attr-defined]
        return wrapper


@tagged()
def label(text: str, *, width: int = 10) -> str:
    """Label ``text``."""
    return text


# -- a decorator factory whose result the wrapper applies itself ------------------


def model(maybe_cls: Any = None, *, frozen: bool = False, slots: bool = True) -> Any:
    """Decorate a class, with or without arguments."""

    def wrap(cls: type) -> type:
        cls.frozen = frozen  # type: ignore[attr-defined]
        return cls

    return wrap if maybe_cls is None else wrap(maybe_cls)


def make_model(name: str, **options: Any) -> type:
    """Make a model class; ``options`` go to :func:`model`."""
    return model(**options)(type(name, (), {}))


# -- every keyword not popped is refused (keyword-only arguments, written by hand) -----


def connect(*hosts: str, **options: Any) -> list[str]:
    """Pops its keywords, then refuses anything left."""
    timeout = options.pop("timeout", 10)
    retries = options.pop("retries", 0)
    if options:
        raise TypeError(f"unexpected keyword arguments: {sorted(options)}")
    return [f"{host}:{timeout}:{retries}" for host in hosts]


class Job:
    """Constructed through a method that validates what it is given."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        self._modify(name=name, **kwargs)

    def _modify(self, **changes: Any) -> None:
        if "name" in changes:
            self.name = changes.pop("name")
        self.priority = changes.pop("priority") if "priority" in changes else 0
        if len(changes) > 0:
            raise AttributeError(f"not modifiable: {', '.join(changes)}")


def connect_strictly(*hosts: str, strict: bool = False, **options: Any) -> list[str]:
    """Refuses what is left only when ``strict``: the rest may still be passed."""
    timeout = options.pop("timeout", 10)
    if strict:
        if options:
            raise TypeError("unexpected keyword arguments")
    return [f"{host}:{timeout}" for host in hosts]


def connect_then_pop(*hosts: str, **options: Any) -> list[str]:
    """Pops after refusing: that key is refused too, so nothing is claimed."""
    if options:
        raise TypeError("unexpected keyword arguments")
    timeout = options.pop("timeout", 10)
    return [f"{host}:{timeout}" for host in hosts]


def connect_each(*hosts: str, **options: Any) -> list[str]:
    """Refuses what is left inside a loop, which may not run at all."""
    timeout = options.pop("timeout", 10)
    for _host in hosts:
        if options:
            raise TypeError("unexpected keyword arguments")
    return [f"{host}:{timeout}" for host in hosts]
