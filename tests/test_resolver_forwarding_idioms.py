"""Forwarding idioms of real decorator libraries, each checked against real calls.

- An explicit ``__signature__`` on ``__init__`` describes the constructor:
  ``self`` is dropped as for any constructor (``inspect`` does the same).
- Positional arguments a wrapper appends after ``*args``
  (``func(*(args + (mock,)))``, ``func(*args, mock)``, as test-patching
  decorators do) fill the target's last places: every place before them is
  the caller's, by position only, and none may be left out.
- ``partial(func, *args)(**kwargs)`` forwards like ``func(*args, **kwargs)``.
- A function of another module reached as a module attribute
  (``backend.send(*args, **kwargs)``) is followed.
- Keywords filled in from a list held in the closure (``for name in names:
  if name not in kwargs: kwargs[name] = ...``) become optional.
"""

from __future__ import annotations

import pytest
from helpers.expect import Case, cases, check, load, owned

F = "samples.forwarding_idioms"

ROWS = [
    Case(
        "explicit-signature-on-init",
        f"{F}.Record",
        "(name, *, size=1)",
        owned(f"{F}.Record.__init__", "name", "size"),
    ),
    Case(
        "positional-appended-to-args",
        f"{F}.check_upload",
        "(path: str, retries: int, /) -> tuple[str, int, typing.Any]",
        owned(f"{F}.check_upload", "path", "retries"),
    ),
    Case(
        "positionals-written-after-args",
        f"{F}.check_download",
        "(url: str, /) -> tuple[str, typing.Any, typing.Any]",
        owned(f"{F}.check_download", "url"),
    ),
    Case(
        "partial-then-keywords",
        f"{F}.resize",
        "(width: int, height: int = 0, *, keep_ratio: bool = True) -> tuple[int, int, bool]",
        owned(f"{F}.resize", "width", "height", "keep_ratio"),
    ),
    Case(
        "keywords-filled-in-from-a-closure-list",
        f"{F}.handle",
        "(request: str, *, db: str = f'<{name}>', cache: str = f'<{name}>')"
        " -> tuple[str, str, str]",
        owned(f"{F}.handle", "request", "db", "cache"),
    ),
    Case(
        # Presumed through the routing table: ``key`` goes on to get, unchanged;
        # the bound ``self`` is dropped once.
        "presumed-method-on-an-instance",
        lambda: load(f"{F}.Store")().get,
        "(key: str, default: Any = None, *, fresh: bool = False) -> Any",
        owned(f"{F}.Store.get", "key", "default", "fresh"),
        resolved=False,
        note="presumed",
    ),
    Case(
        "function-of-another-module",
        f"{F}.send_via_backend",
        "(host: str, port: int = 80, *, timeout: float = 1.0) -> str",
        owned("samples.backend.send", "host", "port", "timeout"),
    ),
]


@cases(ROWS)
def test_the_idiom_is_followed(case: Case) -> None:
    check(case)


def test_appended_positionals_make_the_earlier_ones_positional_and_required() -> None:
    check_upload = load(f"{F}.check_upload")
    path, retries, mock = check_upload("a.txt", 3)
    assert (path, retries, type(mock).__name__) == ("a.txt", 3, "_Mock")
    # left out, the mock lands in ``retries``: the place is not optional
    assert type(check_upload("a.txt")[1]).__name__ == "_Mock"
    # by keyword, it collides with the appended mock
    with pytest.raises(TypeError):
        check_upload("a.txt", retries=3)


def test_provided_keywords_may_be_left_out_or_passed() -> None:
    handle = load(f"{F}.handle")
    assert handle("r") == ("r", "<db>", "<cache>")
    assert handle("r", db="mine") == ("r", "mine", "<cache>")


def test_the_forwarded_calls_reach_their_targets() -> None:
    assert load(f"{F}.resize")(4, keep_ratio=False) == (4, 0, False)
    assert load(f"{F}.send_via_backend")("example.org", timeout=2.0) == "example.org:80/2.0"
    record = load(f"{F}.Record")("x", size=2)
    assert record.values == (("x",), {"size": 2})
