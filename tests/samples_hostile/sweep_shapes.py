"""Shapes the robustness sweep met in real packages and the resolver got wrong once.

Each is a small model of library code (named after where it was found):
guarded ``del``/``pop`` of an optional keyword (docutils'
``Reporter.system_message``, pygments' ``using``) and a parameter passed on
positionally under another name (click's ``secho`` calling ``style``).
"""

from typing import Any


def make_node(message: str, **attributes: Any) -> dict[str, Any]:
    """The target: builds a node from a message and attributes."""
    return {"message": message, **attributes}


def system_message(message: str, **kwargs: Any) -> dict[str, Any]:
    """Like docutils: an optional ``base_node`` is removed when given."""
    kwargs.pop("base_node", None)
    return make_node(message, **kwargs)


def using(message: str, **kwargs: Any) -> dict[str, Any]:
    """Like pygments: an optional ``state`` is popped when given."""
    if "state" in kwargs:
        state = kwargs.pop("state")
        kwargs["stack"] = ("root", state)
    return make_node(message, **kwargs)


def style(text: str, **styles: Any) -> str:
    """Style some text."""
    return text


def secho(message: str | None = None, **styles: Any) -> str:
    """Like click: ``message`` is passed on positionally, as ``style``'s ``text``."""
    return style(message or "", **styles)
