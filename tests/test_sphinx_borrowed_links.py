"""Hyperlinks in a borrowed description stand on their own.

A decorator's docstring may link to targets it defines further down
(``.. _cookie: https://...``) or in its own project's pages. Copied into
another page, each such reference must become a link carrying its address,
or plain text: never a docutils "Unknown target name" error.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_effsig.sphinx_ext.borrowed_links import link_targets, standalone_links

DOCSTRING = """\
Create a Set-Cookie header.

:param max_size: Warn above this size.

.. _`cookie`: https://browsercookielimits.example.org/
.. _RFC: https://www.rfc-editor.org/rfc/rfc6265
.. _see-also: RFC_
.. _cookies-section:
""".splitlines()

TARGETS = link_targets(DOCSTRING)

REWRITES = [
    (
        "a-named-reference-to-a-target-defined-below",
        "safely `supported by most browsers <cookie_>`_",
        "safely `supported by most browsers <https://browsercookielimits.example.org/>`__",
    ),
    (
        "a-phrase-naming-its-target",
        "see `RFC`_",
        "see `RFC <https://www.rfc-editor.org/rfc/rfc6265>`__",
    ),
    ("a-word-reference", "see rfc_", "see `rfc <https://www.rfc-editor.org/rfc/rfc6265>`__"),
    ("a-target-defined-elsewhere-keeps-its-text", "see `Error Handlers`_", "see Error Handlers"),
    ("an-internal-target-keeps-its-text", "the `cookies-section`_", "the cookies-section"),
    ("an-indirect-target-keeps-its-text", "`see-also`_", "see-also"),
    (
        "an-embedded-address-becomes-anonymous",
        "`RFC 6265 <https://www.rfc-editor.org/rfc/rfc6265>`_",
        "`RFC 6265 <https://www.rfc-editor.org/rfc/rfc6265>`__",
    ),
    ("an-anonymous-reference-keeps-its-text", "`the spec`__", "the spec"),
    ("literals-are-left-alone", "``cookie_`` and ``name_``", "``cookie_`` and ``name_``"),
    (
        "roles-are-left-alone",
        ":func:`dump_cookie` and :ref:`cookie_`",
        ":func:`dump_cookie` and :ref:`cookie_`",
    ),
    ("identifiers-are-not-references", "max_size and set_cookie", "max_size and set_cookie"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [r[1:] for r in REWRITES], ids=[r[0] for r in REWRITES]
)
def test_a_borrowed_reference_is_rewritten(text: str, expected: str) -> None:
    assert standalone_links([text], TARGETS) == (expected,)


def test_only_external_targets_are_taken() -> None:
    assert TARGETS == {
        "cookie": "https://browsercookielimits.example.org/",
        "rfc": "https://www.rfc-editor.org/rfc/rfc6265",
    }


def test_a_reference_across_lines_keeps_the_line_count() -> None:
    lines = ["Warn when it is not `supported by", "most browsers <cookie_>`_."]
    assert standalone_links(lines, TARGETS) == (
        "Warn when it is not `supported by",
        "most browsers <https://browsercookielimits.example.org/>`__.",
    )


def test_a_target_inside_the_description_is_not_copied() -> None:
    lines = ["See cookie_.", "", ".. _cookie: https://browsercookielimits.example.org/"]
    assert standalone_links(lines, link_targets(lines)) == (
        "See `cookie <https://browsercookielimits.example.org/>`__.",
        "",
    )
