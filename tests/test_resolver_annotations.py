"""Family 6: annotations of effective parameters (SPEC 1.3, "Annotations").

- ``functools.wraps`` overwrites the wrapper's ``__annotations__`` with the
  wrapped function's; the wrapper's own annotations come back from its source.
- Postponed annotations (PEP 563) are evaluated in the module of the code that
  declares them: ``annot_decorators.Config`` and ``annot_services.Config`` are
  different classes with the same name, so evaluating in the wrong module
  shows up as the wrong class.
- A name imported only under ``TYPE_CHECKING`` cannot be evaluated: the
  annotation stays the string written in the source.
"""

from __future__ import annotations

from helpers.expect import Case, cases, check, owned

DEC = "samples.annot_decorators"
SVC = "samples.annot_services"
EAGER = "samples.annot_eager"

BACKOFF_DEFAULT = "Backoff(base=0.5, factor=2.0)"


def _bound_post() -> object:
    from samples.annot_services import Ledger

    return Ledger().post


ANNOTATIONS = [
    Case(
        # Eager module: ``deadline: float | None`` exists only in the wrapper's source.
        "wraps-overwrote-keyword-only-annotation",
        f"{EAGER}.download",
        "(url: str, *, chunk_size: int = 65536, deadline: float | None = None) -> bytes",
        {
            **owned(f"{EAGER}.download", "url", "chunk_size"),
            **owned(f"{EAGER}.with_deadline", "deadline"),
        },
    ),
    Case(
        # A named parameter before ``*args``, annotated only in the wrapper's source.
        "wraps-overwrote-leading-parameter-annotation",
        f"{EAGER}.search",
        "(tenant: str, query: str, *, exact: bool = False) -> list[str]",
        {**owned(f"{EAGER}.for_tenant", "tenant"), **owned(f"{EAGER}.search", "query", "exact")},
    ),
    Case(
        # Defaults that exist only in the wrapper's code: a global is read as
        # its runtime value; an expression that would have to run
        # (``time.monotonic() + 30.0``) is shown as its source text.
        "defaults-read-from-wrapper-code",
        f"{EAGER}.query",
        "(sql: str, *, params: tuple[typing.Any, ...] = (), pool=Pool(name='primary'),"
        " deadline_at=time.monotonic() + 30.0) -> list[tuple[typing.Any, ...]]",
        {
            **owned(f"{EAGER}.query", "sql", "params"),
            **owned(f"{EAGER}.with_pool", "pool", "deadline_at"),
        },
    ),
    Case(
        # Two classes called ``Config``: ``settings`` is the services' one,
        # ``config`` the decorators' one; each string evaluated in its own module.
        "postponed-same-name-different-modules",
        f"{SVC}.send_invoice",
        f"(invoice: {SVC}.Invoice, *, settings: {SVC}.Config | None = None,"
        f" config: {DEC}.Config | None = None) -> {SVC}.Receipt",
        {
            **owned(f"{SVC}.send_invoice", "invoice", "settings"),
            **owned(f"{DEC}.with_config", "config"),
        },
    ),
    Case(
        # ``Backoff`` exists only in the decorators' module.
        "postponed-wrapper-annotation-only-its-module-knows",
        f"{SVC}.fetch_invoice",
        f"(number: str, *, include_lines: bool = False, backoff: {DEC}.Backoff = {BACKOFF_DEFAULT})"
        f" -> {SVC}.Invoice",
        {
            **owned(f"{SVC}.fetch_invoice", "number", "include_lines"),
            **owned(f"{DEC}.with_backoff", "backoff"),
        },
    ),
    Case(
        # ``Money`` (services) and ``AuditLog`` (decorators) are TYPE_CHECKING
        # imports: both stay strings, everything else is evaluated.
        "type-checking-only-names-stay-strings",
        f"{SVC}.refund",
        f"(invoice: {SVC}.Invoice, amount: 'Money', *, reason: str = '',"
        f" audit_log: 'AuditLog | None' = None) -> {SVC}.Receipt",
        {
            **owned(f"{SVC}.refund", "invoice", "amount", "reason"),
            **owned(f"{DEC}.audited", "audit_log"),
        },
    ),
    Case(
        # The wrapper's own ``-> str`` (from its source) replaces ``-> bytes``.
        "wrapper-return-annotation-from-source",
        f"{SVC}.render",
        f"(invoice: {SVC}.Invoice, *, template: str = 'default', encoding: str = 'utf-8') -> str",
        {
            **owned(f"{SVC}.render", "invoice", "template"),
            **owned(f"{DEC}.as_text", "encoding"),
        },
    ),
    Case(
        # The wrapper hands back what the decorated function returns, as it is:
        # the function's ``-> bytes``, not the decorator's ``-> Callable[..., Any]``.
        "wrapper-returning-the-call-it-wraps",
        f"{SVC}.export",
        f"(invoice: {SVC}.Invoice) -> bytes",
        owned(f"{SVC}.export", "invoice"),
    ),
    Case(
        # A function's own annotation is the one documented, whatever its
        # callee says: no decorator stands between them.
        "own-return-annotation-over-a-looser-callee",
        f"{SVC}.summary",
        f"(invoice: {SVC}.Invoice, *lines: str) -> {SVC}.Receipt",
        owned(f"{SVC}.summary", "invoice", "lines"),
    ),
    Case(
        # Eager wrapper (``annot_eager``) around a postponed target: the
        # wrapper's annotation from its source, the target's evaluated in its module.
        "eager-wrapper-around-postponed-target",
        f"{SVC}.fetch_receipt",
        f"(invoice: {SVC}.Invoice, *, copy: bool = False, deadline: float | None = None)"
        f" -> {SVC}.Receipt",
        {
            **owned(f"{SVC}.fetch_receipt", "invoice", "copy"),
            **owned(f"{EAGER}.with_deadline", "deadline"),
        },
    ),
    Case(
        # A decorated method, bound: ``self`` is gone, the method's postponed
        # annotations are evaluated in its module.
        "postponed-bound-method",
        _bound_post,
        f"(invoice: {SVC}.Invoice, *, memo: str = '', backoff: {DEC}.Backoff = {BACKOFF_DEFAULT})"
        f" -> {SVC}.Receipt",
        {
            **owned(f"{SVC}.Ledger.post", "invoice", "memo"),
            **owned(f"{DEC}.with_backoff", "backoff"),
        },
    ),
    Case(
        # Three wrappers from the decorators' module around a services function:
        # keyword-only parameters innermost first, each annotation in its module.
        "postponed-stack-of-three",
        f"{SVC}.settle",
        f"(invoice: {SVC}.Invoice, *, settings: {SVC}.Config | None = None,"
        f" config: {DEC}.Config | None = None, backoff: {DEC}.Backoff = {BACKOFF_DEFAULT},"
        f" audit_log: 'AuditLog | None' = None) -> {SVC}.Receipt",
        {
            **owned(f"{SVC}.settle", "invoice", "settings"),
            **owned(f"{DEC}.with_config", "config"),
            **owned(f"{DEC}.with_backoff", "backoff"),
            **owned(f"{DEC}.audited", "audit_log"),
        },
    ),
]


def _row(case_id: str) -> Case:
    return next(row for row in ANNOTATIONS if row.id == case_id)


@cases(ANNOTATIONS)
def test_annotations(case: Case) -> None:
    check(case)


def test_same_name_resolves_to_each_modules_class() -> None:
    """Not just the text: the annotation objects are the two distinct classes."""
    from samples import annot_decorators, annot_services

    sig = check(_row("postponed-same-name-different-modules"))
    assert sig.parameters["settings"].annotation == annot_services.Config | None
    assert sig.parameters["config"].annotation == annot_decorators.Config | None
    assert sig.parameters["invoice"].annotation is annot_services.Invoice


def test_default_read_from_wrapper_signature_is_the_runtime_object() -> None:
    from samples import annot_decorators

    sig = check(_row("postponed-wrapper-annotation-only-its-module-knows"))
    assert sig.parameters["backoff"].default == annot_decorators.Backoff()
    assert sig.parameters["backoff"].annotation is annot_decorators.Backoff


@cases(ANNOTATIONS)
def test_rows_are_true_at_runtime(case: Case) -> None:
    """The coherence oracle makes the calls each signature promises and refuses."""
    from helpers.oracle import check_coherence

    check_coherence(case.obj())


def test_default_from_a_global_is_the_object_itself() -> None:
    from samples import annot_eager

    sig = check(_row("defaults-read-from-wrapper-code"))
    assert sig.parameters["pool"].default is annot_eager.DEFAULT_POOL
