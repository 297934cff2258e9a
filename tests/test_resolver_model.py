"""The resolver's values: what ``EffectiveSignature.replace`` keeps and changes.

A presumed relay restates its target's signature with other flags and
notes, sharing the target's parameters instead of copying them; a caller
must not be able to tell the difference from a signature built anew.
"""

from __future__ import annotations

import inspect
import pickle
from typing import Any

import pytest

from sphinxcontrib_effsig.resolver.model import (
    KW,
    POK,
    VAR_KW,
    EffectiveParameter,
    EffectiveSignature,
)


def _connect() -> EffectiveSignature:
    owner = "shop.db.connect"
    return EffectiveSignature(
        [
            EffectiveParameter("dsn", POK, annotation=str, owner=None, owner_name=owner),
            EffectiveParameter("timeout", KW, default=5.0, owner=None, owner_name="shop.db.retry"),
        ],
        return_annotation=int,
        notes=["the first note"],
    )


EDITS: list[tuple[str, dict[str, Any], tuple[bool, bool, tuple[str, ...], Any]]] = [
    (
        "flags-and-notes",
        {"resolved": False, "presumed": True, "notes": ["n"]},
        (False, True, ("n",), int),
    ),
    ("presumed-only-when-unresolved", {"presumed": True}, (True, False, ("the first note",), int)),
    ("return-annotation", {"return_annotation": bytes}, (True, False, ("the first note",), bytes)),
    ("nothing", {}, (True, False, ("the first note",), int)),
]


@pytest.mark.parametrize(
    ("edit", "expected"), [(e[1], e[2]) for e in EDITS], ids=[e[0] for e in EDITS]
)
def test_replace_without_parameters_keeps_them_and_changes_the_rest(
    edit: dict[str, Any], expected: tuple[bool, bool, tuple[str, ...], Any]
) -> None:
    original = _connect()
    changed = original.replace(**edit)
    assert type(changed) is EffectiveSignature
    assert list(changed.parameters) == ["dsn", "timeout"]
    assert [p.owner_name for p in changed.parameters.values()] == [
        "shop.db.connect",
        "shop.db.retry",
    ]
    assert (
        changed.resolved,
        changed.presumed,
        changed.notes,
        changed.return_annotation,
    ) == expected
    # The original is untouched, and the copy behaves as one built anew.
    assert (original.resolved, original.notes, original.return_annotation) == (
        True,
        ("the first note",),
        int,
    )
    rebuilt = EffectiveSignature(
        list(changed.parameters.values()),
        return_annotation=changed.return_annotation,
        resolved=changed.resolved,
        notes=changed.notes,
        presumed=changed.presumed,
    )
    assert (
        str(changed)
        == str(rebuilt)
        == str(
            inspect.Signature(
                list(rebuilt.parameters.values()), return_annotation=changed.return_annotation
            )
        )
    )
    assert changed.bind("postgres://", timeout=1).arguments == {"dsn": "postgres://", "timeout": 1}
    restored = pickle.loads(pickle.dumps(changed))
    assert (restored.resolved, restored.presumed, restored.notes) == expected[:3]
    assert restored == changed


def test_a_parameter_reads_and_guards_its_fields_as_inspect_does() -> None:
    param = EffectiveParameter(
        "timeout", KW, default=5.0, annotation=float, owner=None, owner_name="shop.db.retry"
    )
    plain = inspect.Parameter("timeout", KW, default=5.0, annotation=float)
    assert (param.name, param.kind, param.default, param.annotation) == (
        plain.name,
        plain.kind,
        plain.default,
        plain.annotation,
    )
    assert param == plain and str(param) == str(plain) == "timeout: float = 5.0"
    for field in ("name", "kind", "default", "annotation"):
        with pytest.raises(AttributeError):
            setattr(param, field, None)
    moved = param.replace(kind=POK, default=inspect.Parameter.empty)
    assert (moved.kind, moved.default, moved.owner_name) == (
        POK,
        inspect.Parameter.empty,
        "shop.db.retry",
    )


def test_what_a_parameter_is_handed_on_to_survives_copies_and_pickling() -> None:
    # ``connect(**options)`` hands them to ``open_pool(**settings)``: its own,
    # described where they end up when its docstring says nothing of them.
    settings = EffectiveParameter("settings", VAR_KW, owner=None, owner_name="shop.db.open_pool")
    options = EffectiveParameter(
        "options", VAR_KW, owner=None, owner_name="shop.db.connect", passed_to=(settings,)
    )
    annotated = options.replace(annotation=Any)
    renamed = options.replace(name="extra")
    restored = pickle.loads(pickle.dumps(options))
    for copy in (annotated, renamed, restored):
        assert [(p.name, p.owner_name) for p in copy.passed_to] == [
            ("settings", "shop.db.open_pool")
        ]
    assert EffectiveParameter("dsn", POK).passed_to == ()
