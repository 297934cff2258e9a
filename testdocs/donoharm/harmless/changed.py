"""Objects effsig does change: what did not need to change must stay autodoc's."""

from __future__ import annotations

import functools
import typing
import typing as t
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


def retry(func: Callable[..., R]) -> Callable[..., R]:
    """Try again when the call fails.

    :param retries: How many attempts in all.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, retries: int = 3, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@retry
def fetch(url: str, file: t.IO[bytes] | None = None) -> t.Iterator[bytes]:
    """Download ``url``.

    :param url: Where to go.
    :param file: Where to write the body.
    """
    raise NotImplementedError


@retry
def first(items: t.Sequence[R]) -> R:
    """The first item, retried.

    :param items: Where to look.
    """
    return items[0]


class Parameter:
    """A command parameter."""

    def __init__(self, decls: list[str], required: bool = False, nargs: int | None = None):
        self.required = required


class Argument(Parameter):
    """A positional argument: required unless ``nargs`` says otherwise.

    :param decls: The names.
    :param required: Whether it must be given; None decides from ``nargs``.
    """

    def __init__(self, decls: list[str], required: bool | None = None, **attrs: Any):
        if required is None:
            required = (attrs.get("nargs") or 1) > 0
        super().__init__(decls, required=required, **attrs)


def build(target: Any = None, *, frozen: bool = False, slots: bool = True) -> Any:
    """Build a class.

    :param target: The class, when used without arguments.
    :param frozen: Make instances immutable.
    :param slots: Use ``__slots__``.
    """
    return target


def make_class(name: str, bases: tuple[type, ...] = (), **options: Any) -> type:
    """Make a class quickly.

    :param name: The name of the class.
    :param bases: Its bases.
    :param options: Passed unmodified to :func:`build`.
    """
    cls = type(name, bases, {})
    return build(cls, **options)


def new_logger(name: str | None, *, level: str = "INFO", **context: Any) -> Any:
    """Make a logger.

    :param name: The logger's name.
    :param level: The lowest level it logs.
    :param context: Values bound to every entry.
    """
    return name


def get_logger(**initial_values: Any) -> Any:
    """Get the application's logger.

    :param initial_values: Values that pre-populate its context.
    """
    return new_logger(None, **initial_values)


def get_default_logger(**initial_values: Any) -> Any:
    """Get the logger everything shares."""
    return new_logger("default", **initial_values)


def styled(func: Callable[..., R]) -> Callable[..., R]:
    """Style what ``func`` prints.

    :param fg: The foreground colour, a name from :class:`colours.Palette`.
    :param bg: The background colour.
    :param bold: Print in bold.
    """

    @functools.wraps(func)
    def wrapper(
        *args: Any, fg: str | None = None, bg: str | None = None, bold: bool = False, **kwargs: Any
    ) -> Any:
        return func(*args, **kwargs)

    return wrapper


def traced(func: Callable[..., R]) -> Callable[..., R]:
    """Log each call (its keyword is described nowhere)."""

    @functools.wraps(func)
    def wrapper(*args: Any, trace_id: str | None = None, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


@styled
@traced
def secho(message: str) -> None:
    """Print ``message`` in style.

    :param message: What to print.
    """


@typing.overload
def parse(text: str) -> int: ...
@typing.overload
def parse(text: bytes, *, encoding: str = "utf-8") -> int: ...
@retry
def parse(text: Any, **options: Any) -> int:
    """Parse ``text``.

    :param text: What to parse.
    :param options: How to decode bytes.
    """
    return 0


Processor = Callable[[Any, str], t.Mapping[str, Any] | str]

# ``Logger`` below is named but never imported (as a name imported only for
# type checkers is at run time): the annotations cannot all be evaluated.


@retry
def configure(processors: t.Sequence[Processor], logger: Logger | None = None) -> None:
    """Configure the pipeline.

    :param processors: What runs on each event.
    :param logger: Where to log.
    """


class BaseFormatter:
    """Formats records."""

    def __init__(self, fmt: str | None = None, datefmt: str | None = None) -> None:
        self.fmt = fmt


class EventFormatter(BaseFormatter):
    """Formats events.

    :param processors: What runs on each event.
    """

    def __init__(self, processors: t.Sequence[Processor] = (), *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.processors = processors
