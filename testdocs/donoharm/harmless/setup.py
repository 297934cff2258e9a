"""A signature-preserving method decorator whose wrapper says ``-> Any``."""

import typing as t
from functools import update_wrapper

T_handler = t.TypeVar("T_handler", bound=t.Callable[..., t.Any])
F = t.TypeVar("F", bound=t.Callable[..., t.Any])


def setupmethod(f: F) -> F:
    """Refuse to run once the application has started."""
    name = f.__name__

    def wrapper(self: t.Any, *args: t.Any, **kwargs: t.Any) -> t.Any:
        self._check_not_started(name)
        return f(self, *args, **kwargs)

    return t.cast(F, update_wrapper(wrapper, f))


class App:
    """An application."""

    def _check_not_started(self, name: str) -> None:
        pass

    @setupmethod
    def after_request(self, handler: T_handler) -> T_handler:
        """Register a function to run after each request.

        :param handler: The function.
        """
        return handler

    @setupmethod
    def add_rule(self, rule: str, endpoint: str | None = None) -> int:
        """Add a URL rule.

        :param rule: The URL rule.
        :param endpoint: The endpoint name.
        """
        return 1
