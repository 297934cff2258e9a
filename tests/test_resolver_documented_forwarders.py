"""A function documented in its own right keeps its own parameters as written.

For a decorator, the documented function is the one it decorates: its
keywords come first, the decorators' after them from the inside out (SPEC
1.3), and the decorator's ``*args``/``**kwargs`` stand for its. A function,
method or constructor that hands its ``**kwargs`` to a callee it names is
itself the documented one: its keywords stay first, in the order its author
wrote them, the callee's follow where ``**kwargs`` stood, and its variadics
stay its own (its docstring describes them). Each row is also called for
real by the runtime oracle.
"""

from __future__ import annotations

from helpers.expect import Case, cases, check, owned
from helpers.oracle import check_coherence

K = "samples.documented_forwarders"

ROWS = [
    Case(
        "a-decorators-keyword-after-the-decorated-functions",
        f"{K}.send",
        "(message: str, *, urgent: bool = False, deadline: float = 5.0) -> None",
        {**owned(f"{K}.send", "message", "urgent"), **owned(f"{K}.with_deadline", "deadline")},
    ),
    Case(
        "a-keyword-the-decorator-restates-keeps-its-place",
        f"{K}.poll",
        "(queue: str, *, deadline: float = 5.0, verbose: bool = False) -> None",
        owned(f"{K}.poll", "queue", "deadline", "verbose"),
    ),
    Case(
        "a-class-based-decorators-keyword-after-the-decorated-functions",
        f"{K}.render",
        "(template: str, *, strict: bool = False, budget: float = 1.0) -> None",
        {**owned(f"{K}.render", "template", "strict"), **owned(f"{K}.timed", "budget")},
    ),
    Case(
        "a-functions-own-keyword-before-those-of-the-function-it-calls",
        f"{K}.open_logged",
        "(name: str, *, verbose: bool = False, encrypted: bool = True, buffer: int = 64) -> None",
        {
            **owned(f"{K}.open_logged", "name", "verbose"),
            **owned(f"{K}.open_channel", "encrypted", "buffer"),
        },
    ),
    Case(
        "a-keyword-the-function-pops-before-those-of-the-function-it-calls",
        f"{K}.open_retried",
        "(name: str, *, attempts=3, encrypted: bool = True, buffer: int = 64) -> None",
        {
            **owned(f"{K}.open_retried", "name", "attempts"),
            **owned(f"{K}.open_channel", "encrypted", "buffer"),
        },
    ),
    Case(
        "a-subclass-constructors-keyword-before-the-base-classs",
        f"{K}.PriorityChannel",
        "(name: str, *, priority: int = 0, encrypted: bool = True) -> None",
        {
            **owned(f"{K}.PriorityChannel.__init__", "name", "priority"),
            **owned(f"{K}.Channel.__init__", "encrypted"),
        },
    ),
    Case(
        "a-methods-keyword-before-those-of-the-method-it-calls",
        f"{K}.Mailbox.fetch",
        "(self, folder: str, *, unread: bool = False, sender: str = '', limit: int = 50) -> None",
        {
            **owned(f"{K}.Mailbox.fetch", "self", "folder", "unread"),
            **owned(f"{K}.Mailbox._query", "sender", "limit"),
        },
    ),
    Case(
        "a-metaclass-keyword-after-the-classs-own",
        f"{K}.Ledger",
        "(owner: str, *, currency: str = 'EUR', audit: bool = False) -> None",
        {**owned(f"{K}.Ledger.__init__", "owner", "currency"), **owned(f"{K}.Audited", "audit")},
    ),
]


VARIADICS = [
    Case(
        "a-functions-own-variadics-handed-to-a-function-it-calls",
        f"{K}.get_client",
        "(*args: str, **settings: Any) -> None",
        owned(f"{K}.get_client", "args", "settings"),
    ),
    Case(
        "an-unannotated-variadic-takes-the-callees-annotation",
        f"{K}.get_tagged",
        "(*tags: str, **settings: Any) -> None",
        owned(f"{K}.get_tagged", "tags", "settings"),
    ),
    Case(
        "a-decorators-variadics-stand-for-the-decorated-functions",
        f"{K}.configure",
        "(name: str, **overrides: Any) -> None",
        owned(f"{K}.configure", "name", "overrides"),
    ),
]


@cases(ROWS)
def test_keyword_only_parameters_are_in_the_readers_order(case: Case) -> None:
    check(case)


@cases(VARIADICS)
def test_variadics_are_the_documented_functions(case: Case) -> None:
    check(case)


#: A method taken from its class is called with an instance for ``self``.
METHODS = {"a-methods-keyword-before-those-of-the-method-it-calls"}


@cases(row for row in [*ROWS, *VARIADICS] if row.id not in METHODS)
def test_the_signature_is_what_the_object_accepts(case: Case) -> None:
    check_coherence(case.obj())


def test_the_method_accepts_what_its_signature_shows() -> None:
    from samples.documented_forwarders import Mailbox

    check_coherence(Mailbox.fetch, fixed={"self": Mailbox()})
