"""Family 5: explicit ``__signature__``, ParamSpec/Concatenate and TypeVar returns.

- An explicit ``__signature__`` is authoritative for the object carrying it;
  parameters the wrapped object lacks belong to the carrier (SPEC 1.2.1).
- ``Callable[P, R] -> Callable[Concatenate[Request, P], R]`` adds a
  positional-only ``request: Request`` owned by the decorator; the reverse
  removes the wrapped function's first parameter. This holds even when the
  wrapper was generated with ``compile``/``exec`` (no source, no
  ``__wrapped__``): the decorator is found at the function's definition site
  (SPEC 1.2.4).
- A bare ``TypeVar`` return (``-> R``) is the wrapped function's return
  annotation (SPEC 1.3).
"""

from __future__ import annotations

import inspect

from helpers.expect import Case, assert_effective, cases, check, owned

from sphinxcontrib_effsig import effective_signature

SIG = "samples.typed_signatures"
HTTP = "samples.typed_http"
VIEWS = "samples.typed_views"

EXPLICIT_SIGNATURES = [
    Case(
        "signature-adds-keyword-only",
        f"{SIG}.fetch",
        "(url: str, *, verify: bool = True, timeout: float = 10.0) -> bytes",
        {**owned(f"{SIG}.fetch", "url", "verify"), **owned(f"{SIG}.with_timeout", "timeout")},
    ),
    Case(
        # The wrapper supplies ``db`` and its __signature__ leaves it out.
        "signature-hides-injected-parameter",
        f"{SIG}.save_order",
        "(order_id: int, *, notify: bool = False) -> None",
        owned(f"{SIG}.save_order", "order_id", "notify"),
    ),
    Case(
        # ``username`` is not a parameter of ``grant``: the carrier owns it.
        "signature-renames-parameter",
        f"{SIG}.grant",
        "(username: str, role: str = 'reader') -> bool",
        {**owned(f"{SIG}.renamed", "username"), **owned(f"{SIG}.grant", "role")},
    ),
    Case(
        # No ``wraps``: the wrapped function is found in the closure and every
        # parameter of the copied signature is its own.
        "signature-copied-without-wraps",
        f"{SIG}.resize",
        "(image: bytes, width: int, height: int = 0) -> bytes",
        owned(f"{SIG}.resize", "image", "width", "height"),
    ),
    Case(
        # ``functools.wraps`` copies the inner wrapper's ``__dict__``, so the
        # outer ``retry`` wrapper carries the *same* ``__signature__`` object.
        # It states nothing about ``retry``: ``retries`` is still accepted
        # (``download(url, retries=5)`` works) and must be documented.
        "outer-wraps-copies-inner-signature",
        f"{SIG}.download",
        "(url: str, *, verify: bool = True, timeout: float = 10.0, retries: int = 3) -> bytes",
        {
            **owned(f"{SIG}.download", "url", "verify"),
            **owned(f"{SIG}.with_timeout", "timeout"),
            **owned(f"{SIG}.retry", "retries"),
        },
    ),
    Case(
        # Same name as the function's parameter: still the function's, with
        # the default the signature states (the wrapper binds against it).
        "signature-changes-a-default",
        f"{SIG}.create_bucket",
        "(name: str, region: str = 'eu-west-1', *, public: bool = False) -> str",
        owned(f"{SIG}.create_bucket", "name", "region", "public"),
    ),
    Case(
        # The carrier is a decorator *instance*: named by its class.
        "signature-on-class-based-decorator-instance",
        f"{SIG}.get_item",
        "(item_id: int, *, fields: str = '*', headers: dict[str, str] | None = None)"
        " -> dict[str, typing.Any]",
        {**owned(f"{SIG}.get_item", "item_id", "fields"), **owned(f"{SIG}.Endpoint", "headers")},
    ),
    Case(
        # A function whose own ``__signature__`` was written by hand.
        "signature-on-plain-function",
        f"{SIG}.call_api",
        "(endpoint: str, *, payload: dict[str, typing.Any] | None = None) -> dict[str, typing.Any]",
        owned(f"{SIG}.call_api", "endpoint", "payload"),
    ),
]


@cases(EXPLICIT_SIGNATURES)
def test_explicit_signature_is_authoritative(case: Case) -> None:
    check(case)


def test_handwritten_signature_matches_inspect() -> None:
    from samples.typed_signatures import call_api

    assert effective_signature(call_api) == inspect.signature(call_api)


PARAMSPEC = [
    Case(
        # Generated wrapper (compile/exec, no source, no __wrapped__): only
        # ``require_request``'s annotations, found from ``@require_request``
        # above ``def show_item``, say what it does.
        "concatenate-adds-request-generated-wrapper",
        f"{VIEWS}.show_item",
        f"(request: {HTTP}.Request, /, item_id: int, *, verbose: bool = False) -> {HTTP}.Response",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.show_item", "item_id", "verbose"),
        },
    ),
    Case(
        # Same decorator named through a module attribute (``@http.require_request``);
        # the view's own positional-only parameter stays positional-only.
        "concatenate-adds-request-decorator-by-attribute",
        f"{VIEWS}.delete_item",
        f"(request: {HTTP}.Request, item_id: int, /, reason: str = '') -> {HTTP}.Response",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.delete_item", "item_id", "reason"),
        },
    ),
    Case(
        # A decorator factory: ``@route(path)``; the transformation is in the
        # return annotation of ``route``.
        "concatenate-adds-request-decorator-factory",
        f"{VIEWS}.edit_item",
        f"(request: {HTTP}.Request, /, item_id: int, title: str, *, draft: bool = True)"
        f" -> {HTTP}.Response",
        {
            **owned(f"{HTTP}.route", "request"),
            **owned(f"{VIEWS}.edit_item", "item_id", "title", "draft"),
        },
    ),
    Case(
        # ``Callable[Concatenate[User, P], R] -> Callable[P, R]`` on a generated
        # wrapper: the caller no longer passes ``user``.
        "concatenate-removes-first-generated-wrapper",
        f"{VIEWS}.update_profile",
        f"(display_name: str, *, notify: bool = True) -> {HTTP}.User",
        owned(f"{VIEWS}.update_profile", "display_name", "notify"),
    ),
    Case(
        # A readable wrapper declaring ``request: Request, /`` before
        # ``*args: P.args``; its ``-> R`` is the view's return type.
        "concatenate-adds-request-readable-wrapper",
        f"{VIEWS}.list_orders",
        f"(request: {HTTP}.Request, /, page: int = 1, *, per_page: int = 20) -> list[int]",
        {
            **owned(f"{HTTP}.login_required", "request"),
            **owned(f"{VIEWS}.list_orders", "page", "per_page"),
        },
    ),
    Case(
        # Two decorators at the definition site: the generated one is the
        # outer ``@require_request``; ``timed`` below it has source.
        "generated-wrapper-over-readable-one",
        f"{VIEWS}.search_items",
        f"(request: {HTTP}.Request, /, query: str, *, limit: int = 10) -> list[int]",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.search_items", "query", "limit"),
        },
    ),
    Case(
        # Only the generated ``@require_request`` is described by its
        # annotations; the readable ``traced`` below it is read from its code,
        # which takes a ``trace`` keyword its ``Callable[P, R]`` does not show.
        "generated-wrapper-over-readable-one-adding-a-keyword",
        f"{VIEWS}.find_items",
        f"(request: {HTTP}.Request, /, query: str, *, trace: bool = False) -> list[int]",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.find_items", "query"),
            **owned(f"{HTTP}.traced", "trace"),
        },
    ),
    Case(
        # The readable ``timed`` forwards to a generated wrapper, described by
        # the second ``@`` line; ``-> R`` is bound through both.
        "readable-wrapper-over-generated-one",
        f"{VIEWS}.archive_item",
        f"(request: {HTTP}.Request, /, item_id: int, *, hard: bool = False) -> {HTTP}.Response",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.archive_item", "item_id", "hard"),
        },
    ),
    Case(
        # The wrapper passes the session before ``*args``.
        "concatenate-removes-first-readable-wrapper",
        f"{VIEWS}.count_orders",
        "(customer_id: int, *, include_cancelled: bool = False) -> int",
        owned(f"{VIEWS}.count_orders", "customer_id", "include_cancelled"),
    ),
]


@cases(PARAMSPEC)
def test_paramspec_and_concatenate(case: Case) -> None:
    check(case)


TYPEVAR_RETURNS = [
    Case(
        # No ``wraps``: the wrapper's own ``-> R`` is the only return
        # annotation at runtime; R is bound to ``load_user``'s ``User``.
        "typevar-return-without-wraps",
        f"{VIEWS}.load_user",
        f"(user_id: int, *, with_roles: bool = False) -> {HTTP}.User",
        owned(f"{VIEWS}.load_user", "user_id", "with_roles"),
    ),
    Case(
        # ``Callable[..., R]`` in a factory; the wrapper's source says ``-> R``.
        "typevar-return-in-decorator-factory",
        f"{VIEWS}.fetch_profile",
        f"(user_id: int, request: {HTTP}.Request | None = None) -> dict[str, str]",
        owned(f"{VIEWS}.fetch_profile", "user_id", "request"),
    ),
]


@cases(TYPEVAR_RETURNS)
def test_typevar_return_is_the_wrapped_functions(case: Case) -> None:
    sig = check(case)
    assert not isinstance(sig.return_annotation, str)


LOADERS = "samples.generic_loaders"
_PARSE_FLOAT = "parse_float: collections.abc.Callable[[str], typing.Any] = <class 'float'>"

OWN_TYPEVAR_RETURNS = [
    Case(
        # ``cl: type[T]`` binds T: ``-> T`` is the method's own result, not
        # the dict the parser it hands ``**kwargs`` to returns.
        "typevar-bound-by-own-parameter",
        f"{LOADERS}.TomlConverter.loads",
        f"(self, text: str, cl: type[~T], *, {_PARSE_FLOAT}) -> ~T",
        {
            **owned(f"{LOADERS}.TomlConverter.loads", "self", "text", "cl"),
            **owned(f"{LOADERS}.parse_toml", "parse_float"),
        },
    ),
    Case(
        "typevar-bound-by-string-annotation",
        f"{LOADERS}.load_as",
        f"(text: str, cl: type[~T], *, {_PARSE_FLOAT}) -> ~T",
        {
            **owned(f"{LOADERS}.load_as", "text", "cl"),
            **owned(f"{LOADERS}.parse_toml", "parse_float"),
        },
    ),
    Case(
        # Bound by nothing it takes: the target's result is what it passes on.
        "typevar-bound-by-nothing",
        f"{LOADERS}.parse_with",
        f"(text: str, *, {_PARSE_FLOAT}) -> dict[str, typing.Any]",
        {**owned(f"{LOADERS}.parse_with", "text"), **owned(f"{LOADERS}.parse_toml", "parse_float")},
    ),
]


@cases(OWN_TYPEVAR_RETURNS)
def test_a_typevar_the_functions_own_parameters_bind_is_its_return(case: Case) -> None:
    check(case)


def test_generated_wrapper_still_runs_as_documented() -> None:
    """The documented call shape is the one the generated wrapper accepts."""
    from samples.typed_http import Request
    from samples.typed_views import show_item

    received = show_item(Request(user="ada"), 7, verbose=True)
    sig = assert_effective(
        show_item,
        f"(request: {HTTP}.Request, /, item_id: int, *, verbose: bool = False) -> {HTTP}.Response",
        {
            **owned(f"{HTTP}.require_request", "request"),
            **owned(f"{VIEWS}.show_item", "item_id", "verbose"),
        },
    )
    assert received.arguments == {"item_id": 7, "verbose": True}
    sig.bind(Request(user="ada"), 7, verbose=True)


ORACLE_ROWS = [
    row
    for row in EXPLICIT_SIGNATURES + PARAMSPEC + TYPEVAR_RETURNS
    # ``call_api`` is a stand-in with no implementation that records its call.
    if row.id != "signature-on-plain-function"
]


@cases(ORACLE_ROWS)
def test_rows_are_true_at_runtime(case: Case) -> None:
    """The coherence oracle makes the calls each signature promises and refuses."""
    from helpers.oracle import check_coherence

    check_coherence(case.obj())
