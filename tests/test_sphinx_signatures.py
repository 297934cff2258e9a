"""The signature line autodoc writes, with sphinxcontrib-effsig loaded.

Each test builds a real sample project from ``testdocs/`` (see the
``build_docs`` fixture in ``conftest.py``) and reads the output the way a
reader would: the HTML parsed with BeautifulSoup, the text builder's pages
as text. Every build must be free of warnings, as ``sphinx-build -W``
demands.

On Sphinx 9 each behaviour is checked with the new autodoc and with
``autodoc_use_legacy_class_based = True``; on Sphinx 8.2 with its autodoc.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from typing import Any

import pytest
import sphinx
from bs4 import BeautifulSoup
from conftest import TESTDOCS, BuiltDocs, run_sphinx
from sphinx.errors import ConfigError

SPHINX_9 = sphinx.version_info >= (9,)

AUTODOC_MODES = (
    [
        pytest.param({}, id="autodoc"),
        pytest.param({"autodoc_use_legacy_class_based": True}, id="legacy-autodoc"),
    ]
    if SPHINX_9
    else [pytest.param({}, id="autodoc-8")]
)

TYPEHINT_MODES = ["signature", "both", "description", "none"]


# -- reading the output ---------------------------------------------------


def signature(page: BeautifulSoup, object_id: str) -> Any:
    node = page.find("dt", id=object_id)
    assert node is not None, f"{object_id} is not documented"
    return node


def parameters(page: BeautifulSoup, object_id: str) -> list[str]:
    """Each parameter as shown (``"retries: int = 3"``; ``"*"`` for the separator)."""
    return [
        " ".join(param.get_text().split())
        for param in signature(page, object_id).select("em.sig-param")
    ]


def parameter_names(page: BeautifulSoup, object_id: str) -> list[str]:
    """The names in the signature, without annotations or defaults."""
    return [re.split(r"[:=]", shown)[0].strip() for shown in parameters(page, object_id)]


def return_annotation(page: BeautifulSoup, object_id: str) -> str | None:
    node = signature(page, object_id).select_one("span.sig-return-typehint")
    return None if node is None else " ".join(node.get_text().split())


def marked_owners(page: BeautifulSoup, object_id: str) -> dict[str, str]:
    """Parameter name → the owner named by its provenance tooltip."""
    marks = {}
    for param in signature(page, object_id).select("em.sig-param"):
        mark = param.select_one("abbr.effsig-param")
        if mark is not None:
            name = re.split(r"[:=]", " ".join(param.get_text().split()))[0].strip()
            marks[name] = mark["title"].removeprefix("from ")
    return marks


def text_signature(text: str, name: str) -> str:
    """The signature line of ``name`` in text-builder output."""
    for line in text.splitlines():
        if line.strip().startswith(f"{name}("):
            return line.strip()
    raise AssertionError(f"no signature line for {name} in:\n{text}")


def assert_clean_build(docs: BuiltDocs) -> None:
    """What ``sphinx-build -W`` requires: no warning at all."""
    assert docs.warnings == "", docs.warnings


# -- the effective signatures of the common decorator patterns -----------

EFFECTIVE_PARAMETERS = [
    # (documented object, parameter names on the signature line)
    ("basicpkg.api.fetch", ["url", "*", "verify", "retries"]),  # retry adds retries
    ("basicpkg.api.ping", ["host", "count", "mode", "*", "timeout"]),  # kwargs.pop("timeout", 10.0)
    ("basicpkg.api.delete_post", ["post_id"]),  # require_user supplies user=
    ("basicpkg.api.load_orders", ["customer", "limit"]),  # with_session passes session first
    ("basicpkg.api.add", ["left", "right"]),  # log_calls changes nothing
    ("basicpkg.api.upload", ["path", "data", "*", "timeout", "retries"]),  # retry over with_timeout
    ("basicpkg.api.close_account", ["account_id", "*", "reason"]),  # closure without wraps
    (
        "basicpkg.api.Repository",
        ["dsn", "pool_size", "session", "*", "timeout"],
    ),  # decorated __init__
    ("basicpkg.api.Repository.get", ["key", "*", "retries"]),  # method: no self
    ("basicpkg.api.Repository.connect", ["dsn", "*", "retries"]),  # classmethod: no cls
    ("basicpkg.api.Repository.probe", ["dsn", "*", "timeout"]),  # staticmethod
    ("basicpkg.decorators.retry", ["func"]),  # the decorator itself is a plain function
]


@pytest.mark.parametrize("typehints", TYPEHINT_MODES)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_signature_lines_show_what_a_caller_can_pass(build_docs, autodoc_mode, typehints):
    docs = build_docs("basic", autodoc_typehints=typehints, **autodoc_mode)

    assert_clean_build(docs)
    page = docs.html()
    shown = {object_id: parameter_names(page, object_id) for object_id, _ in EFFECTIVE_PARAMETERS}
    assert shown == dict(EFFECTIVE_PARAMETERS)


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_a_separated_class_signature_documents_the_effective_constructor(build_docs, autodoc_mode):
    page = build_docs("basic", autodoc_class_signature="separated", **autodoc_mode).html()

    assert parameter_names(page, "basicpkg.api.Repository") == []
    assert parameter_names(page, "basicpkg.api.Repository.__init__") == [
        "dsn",
        "pool_size",
        "session",
        "*",
        "timeout",
    ]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_signatures_written_in_the_directive_or_the_docstring_stay_as_written(
    build_docs, autodoc_mode
):
    page = build_docs("basic", **autodoc_mode).html()

    assert parameters(page, "basicpkg.api.fetch_written") == [
        "url",
        "*",
        "retries=3",
        "verify=True",
    ]
    assert parameters(page, "basicpkg.api.fetch_docstring") == ["url", "retries=3"]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_annotations_and_defaults_of_added_parameters_are_shown(build_docs, autodoc_mode):
    page = build_docs("basic", autodoc_typehints="signature", **autodoc_mode).html()

    assert parameters(page, "basicpkg.api.fetch") == [
        "url: str",
        "*",
        "verify: bool = True",
        "retries: int = 3",
    ]
    assert parameters(page, "basicpkg.api.Repository.get") == ["key: str", "*", "retries: int = 3"]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_the_return_annotation_is_the_decorated_functions(build_docs, autodoc_mode):
    page = build_docs("basic", autodoc_typehints="signature", **autodoc_mode).html()

    assert return_annotation(page, "basicpkg.api.fetch") == "bytes"
    assert return_annotation(page, "basicpkg.api.ping") == "float"
    assert return_annotation(page, "basicpkg.api.delete_post") == "None"
    # A class's signature is its constructor's, shown without "-> None".
    assert return_annotation(page, "basicpkg.api.Repository") is None


@pytest.mark.parametrize(
    ("typehints", "annotated", "with_return"),
    [
        ("signature", True, True),
        ("both", True, True),
        ("description", False, False),
        ("none", False, False),
    ],
)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_autodoc_typehints_decides_whether_types_are_on_the_signature_line(
    build_docs, autodoc_mode, typehints, annotated, with_return
):
    page = build_docs("showcase", autodoc_typehints=typehints, **autodoc_mode).html("client")

    expected = (
        [
            "path: str",
            "*",
            "params: dict[str, str] | None = None",
            "timeout=10.0",
            "retries: int = 3",
            "backoff: float = 0.5",
        ]
        if annotated
        else ["path", "*", "params=None", "timeout=10.0", "retries=3", "backoff=0.5"]
    )
    assert parameters(page, "httpkit.Client.get") == expected
    assert (return_annotation(page, "httpkit.Client.get") == "Response") is with_return


@pytest.mark.parametrize(
    ("sat_options", "expected", "returns"),
    [
        (
            {},
            ["path", "*", "params=None", "timeout=10.0", "retries=3", "backoff=0.5"],
            None,
        ),
        (
            {"typehints_use_signature": True, "typehints_use_signature_return": True},
            [
                "path: str",
                "*",
                "params: dict[str, str] | None = None",
                "timeout=10.0",
                "retries: int = 3",
                "backoff: float = 0.5",
            ],
            "Response",
        ),
    ],
)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_with_sphinx_autodoc_typehints_its_signature_options_apply(
    build_docs, autodoc_mode, sat_options, expected, returns
):
    docs = build_docs(
        "showcase",
        extensions=["sphinxcontrib_effsig", "sphinx.ext.autosummary", "sphinx_autodoc_typehints"],
        **sat_options,
        **autodoc_mode,
    )

    assert_clean_build(docs)
    page = docs.html("client")
    assert parameters(page, "httpkit.Client.get") == expected
    assert return_annotation(page, "httpkit.Client.get") == returns


@pytest.mark.parametrize(
    ("typehints_format", "shown"),
    [
        ("short", "session: Session | None = None"),
        ("fully-qualified", "session: basicpkg.decorators.Session | None = None"),
    ],
)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_autodoc_typehints_format_qualifies_annotations(
    build_docs, autodoc_mode, typehints_format, shown
):
    page = build_docs("basic", autodoc_typehints_format=typehints_format, **autodoc_mode).html()

    assert shown in parameters(page, "basicpkg.api.Repository")


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_autodoc_type_aliases_name_the_alias_as_plain_autodoc_does(build_docs, autodoc_mode):
    aliases = {"Payload": "basicpkg.api.Payload"}
    with_effsig = build_docs("basic", autodoc_type_aliases=aliases, **autodoc_mode).html()
    plain = build_docs(
        "basic", autodoc_type_aliases=aliases, effsig_enabled=False, **autodoc_mode
    ).html()

    assert "payload: basicpkg.api.Payload" in parameters(with_effsig, "basicpkg.api.submit")
    assert parameters(with_effsig, "basicpkg.api.submit") == [
        *parameters(plain, "basicpkg.api.submit"),
        "*",
        "retries: int = 3",
    ]


@pytest.mark.parametrize(
    ("short_literals", "shown"),
    [
        (False, "mode: Literal['icmp', 'tcp'] = 'icmp'"),
        (True, "mode: 'icmp' | 'tcp' = 'icmp'"),
    ],
)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_python_display_short_literal_types_is_honoured(
    build_docs, autodoc_mode, short_literals, shown
):
    page = build_docs(
        "basic", python_display_short_literal_types=short_literals, **autodoc_mode
    ).html()

    assert shown in parameters(page, "basicpkg.api.ping")


@pytest.mark.parametrize(
    ("preserve", "count", "retries"),
    [
        (False, "count: int = 1", "retries: int = 3"),
        (True, "count: int = DEFAULT_COUNT", "retries: int = MAX_RETRIES"),
    ],
)
@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_autodoc_preserve_defaults_shows_defaults_as_written_by_their_owner(
    build_docs, autodoc_mode, preserve, count, retries
):
    docs = build_docs("basic", autodoc_preserve_defaults=preserve, **autodoc_mode)

    assert_clean_build(docs)
    page = docs.html()
    assert count in parameters(page, "basicpkg.api.ping")
    # retries is declared by the decorator's wrapper, and still shown:
    # Sphinx's own preserve-defaults pass must not hide it.
    assert retries in parameters(page, "basicpkg.api.fetch")


#: Defaults whose description is not Python, each shown as its owner wrote
#: it: ``parse_float=float`` would be ``<class 'float'>`` (which Sphinx cannot
#: parse: the whole line would lose its parameters and marks), the popped
#: ``DEFAULT_TLS`` ``<basicpkg.api.TLSContext object>``, which says nothing.
UNSPELLED_DEFAULTS = [
    pytest.param(
        "basicpkg.api.load_settings",
        ["text: str", "strict: bool = False", "*", "parse_float: type[float] = float"],
        {"parse_float": "basicpkg.api.decode_settings"},
        id="a-parameter-handed-on",
    ),
    pytest.param(
        "basicpkg.api.open_channel",
        ["host: str", "*", "context=DEFAULT_TLS"],
        {"context": "basicpkg.api.with_tls"},
        id="popped-by-a-decorator",
    ),
    pytest.param(
        # The class's own, but no plain autodoc line showed it either.
        "basicpkg.api.Channel",
        ["host: str", "*", "context=DEFAULT_TLS", "**options: object"],
        {},
        id="popped-by-the-class-itself",
    ),
]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
@pytest.mark.parametrize(("documented", "shown", "owners"), UNSPELLED_DEFAULTS)
def test_a_default_with_no_python_spelling_is_shown_as_written(
    build_docs, autodoc_mode, documented, shown, owners
):
    docs = build_docs("basic", **autodoc_mode)
    assert_clean_build(docs)
    page = docs.html()
    assert parameters(page, documented) == shown
    assert marked_owners(page, documented) == owners


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_autosummary_rows_show_the_effective_signature(build_docs, autodoc_mode):
    page = build_docs("basic", **autodoc_mode).html()

    rows = {}
    for row in page.select("table.autosummary tr"):
        name, _, signature_text = row.select_one("td").get_text().partition("(")
        rows[name] = " ".join(signature_text.split())
    assert "retries" in rows["fetch"]
    assert "user" not in rows["delete_post"]
    assert "session" not in rows["load_orders"]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_mocked_imports_and_enums_are_documented_as_plain_autodoc_does(build_docs, autodoc_mode):
    with_effsig = build_docs("basic", **autodoc_mode)
    plain = build_docs("basic", effsig_enabled=False, **autodoc_mode)

    assert_clean_build(with_effsig)
    for object_id in (
        "basicpkg.plugins.lookup",  # decorated by a mocked import
        "basicpkg.plugins.Cache.put",
        "basicpkg.api.Priority",  # autodoc hides EnumType.__call__'s functional API
    ):
        assert parameters(with_effsig.html(), object_id) == parameters(plain.html(), object_id)


# -- provenance in the signature -----------------------------------------

SIGNATURE_PROVENANCE = [
    ("basicpkg.api.fetch", {"retries": "basicpkg.decorators.retry"}),
    ("basicpkg.api.ping", {"timeout": "basicpkg.decorators.with_timeout"}),
    (
        "basicpkg.api.upload",
        {"timeout": "basicpkg.decorators.with_timeout", "retries": "basicpkg.decorators.retry"},
    ),
    ("basicpkg.api.close_account", {"reason": "basicpkg.decorators.audited"}),
    ("basicpkg.api.Repository", {"timeout": "basicpkg.decorators.with_timeout"}),
    ("basicpkg.api.Repository.get", {"retries": "basicpkg.decorators.retry"}),
    ("basicpkg.api.add", {}),
    ("basicpkg.api.delete_post", {}),
    ("basicpkg.api.load_orders", {}),
]


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_parameters_from_decorators_are_marked_with_their_owner_in_html(build_docs, autodoc_mode):
    page = build_docs("basic", **autodoc_mode).html()

    marks = {object_id: marked_owners(page, object_id) for object_id, _ in SIGNATURE_PROVENANCE}
    assert marks == dict(SIGNATURE_PROVENANCE)


def test_the_stylesheet_for_provenance_marks_ships_with_html_builds(build_docs):
    docs = build_docs("basic")

    stylesheets = [link["href"] for link in docs.html().select("link[rel=stylesheet]")]
    assert any(href.startswith("_static/effsig.css") for href in stylesheets)
    assert "abbr.effsig-param" in docs.output("_static/effsig.css")


def test_the_stylesheet_ships_where_sphinx_takes_only_string_paths(build_docs, monkeypatch):
    # Sphinx 7's copy_asset_file calls ``source.lower()``: a project pinning
    # it (injector 0.24 pins 7.1) must still build.
    import sphinxcontrib_effsig.sphinx_ext as ext

    real = ext.copy_asset_file

    def copy_asset_file_taking_strings(source, destination, *args, **kwargs):
        source.lower()
        destination.lower()
        return real(source, destination, *args, **kwargs)

    monkeypatch.setattr(ext, "copy_asset_file", copy_asset_file_taking_strings)
    docs = build_docs("basic")

    assert "abbr.effsig-param" in docs.output("_static/effsig.css")


def test_text_output_carries_no_provenance_markup(build_docs):
    text = build_docs("basic", "text").text()

    assert text_signature(text, "basicpkg.api.fetch").startswith(
        "basicpkg.api.fetch(url: str, *, verify: bool = True, retries: int = 3)"
    )
    assert "effsig" not in text


def test_latex_output_carries_no_provenance_markup(build_docs):
    docs = build_docs("basic", "latex")

    lines = next(docs.outdir.glob("*.tex")).read_text("utf-8").splitlines()
    name_line = lines.index(
        r"{\sphinxcode{\sphinxupquote{basicpkg.api.}}\sphinxbfcode{\sphinxupquote{fetch}}}"
    )
    fetch_parameters = lines[name_line + 1].split(r"\sphinxparamcomma")
    retries = fetch_parameters[-1]
    assert r"\DUrole{n}{retries}" in retries
    assert "abbreviation" not in retries
    assert not any("effsig" in line or "from basicpkg" in line for line in lines)


def test_man_output_carries_no_provenance_markup(build_docs):
    docs = build_docs("basic", "man")

    manpage = next(docs.outdir.glob("*.1")).read_text("utf-8")
    assert "retries" in manpage
    assert "effsig" not in manpage
    assert "from basicpkg.decorators.retry)" not in manpage


# -- configuration ---------------------------------------------------------


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_effsig_enabled_false_leaves_every_signature_to_autodoc(build_docs, autodoc_mode):
    page = build_docs("basic", effsig_enabled=False, **autodoc_mode).html()

    # Plain autodoc follows __wrapped__ and shows the inner function.
    assert parameter_names(page, "basicpkg.api.fetch") == ["url", "*", "verify"]
    assert parameter_names(page, "basicpkg.api.delete_post") == ["post_id", "user"]
    assert page.select("abbr.effsig-param") == []


def test_effsig_exclude_leaves_matching_objects_to_autodoc(build_docs):
    page = build_docs("basic", effsig_exclude=["basicpkg.api.f*", "*.Repository.get"]).html()

    assert parameter_names(page, "basicpkg.api.fetch") == ["url", "*", "verify"]
    assert parameter_names(page, "basicpkg.api.Repository.get") == ["key"]
    assert parameter_names(page, "basicpkg.api.upload") == [
        "path",
        "data",
        "*",
        "timeout",
        "retries",
    ]


@pytest.mark.parametrize(
    ("provenance", "marked"),
    [("both", True), ("signature", True), ("fields", False), ("none", False)],
)
def test_effsig_provenance_decides_whether_the_signature_is_marked(build_docs, provenance, marked):
    page = build_docs("basic", effsig_provenance=provenance).html()

    assert bool(page.select("abbr.effsig-param")) is marked
    # The signature itself is the effective one either way.
    assert "retries" in parameter_names(page, "basicpkg.api.fetch")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"effsig_provenance": "everywhere"}, "effsig_provenance must be one of"),
        ({"effsig_enabled": 2}, "effsig_enabled must be True or False"),
        ({"effsig_warn_unresolved": None}, "effsig_warn_unresolved must be True or False"),
        ({"effsig_exclude": [3]}, "effsig_exclude must contain only strings"),
    ],
)
def test_a_bad_configuration_value_stops_the_build_with_a_clear_message(
    build_docs, setting, message
):
    with pytest.raises(ConfigError, match=message):
        build_docs("basic", **setting)


def test_presumed_signatures_show_what_was_proven_and_warn_only_when_asked(build_docs):
    """``dispatch_by_name`` routes through a dict: its target is presumed (SPEC 1.5)."""
    quiet = build_docs("basic")
    warned = build_docs("basic", effsig_warn_unresolved=True)
    suppressed = build_docs(
        "basic", effsig_warn_unresolved=True, suppress_warnings=["effsig.unresolved"]
    )

    assert_clean_build(quiet)
    route_warnings = [line for line in warned.warnings.splitlines() if "basicpkg.api.route" in line]
    assert len(route_warnings) == 1
    assert "[effsig.unresolved]" in route_warnings[0]
    assert "is presumed to pass its arguments on to basicpkg.api.route" in route_warnings[0]
    assert "basicpkg.api.route" not in suppressed.warnings
    # What autodoc shows (the wrapped function's parameters), plus the keyword
    # the wrapper was proven to pop, marked as the decorator's.
    plain = build_docs("basic", effsig_enabled=False)
    assert parameters(warned.html(), "basicpkg.api.route") == [
        *parameters(plain.html(), "basicpkg.api.route"),
        "*",
        "handler=func.__name__",
    ]
    assert marked_owners(warned.html(), "basicpkg.api.route") == {
        "handler": "basicpkg.decorators.dispatch_by_name"
    }


# -- the showcase, parallel builds, incremental builds ---------------------


@pytest.mark.parametrize("autodoc_mode", AUTODOC_MODES)
def test_the_showcase_documents_the_clients_real_calling_convention(build_docs, autodoc_mode):
    docs = build_docs("showcase", **autodoc_mode)

    assert_clean_build(docs)
    page = docs.html("client")
    assert parameter_names(page, "httpkit.Client") == [
        "base_url",
        "*",
        "api_key",
        "user_agent",
        "timeout",
    ]
    assert parameter_names(page, "httpkit.Client.get") == [
        "path",
        "*",
        "params",
        "timeout",
        "retries",
        "backoff",
    ]
    assert parameter_names(page, "httpkit.Client.delete") == ["path", "*", "timeout"]
    assert parameter_names(page, "httpkit.Client.list_items") == [
        "collection",
        "*",
        "since",
        "page_size",
    ]
    assert marked_owners(page, "httpkit.Client.get") == {
        "timeout": "httpkit.decorators.with_timeout",
        "retries": "httpkit.decorators.retry",
        "backoff": "httpkit.decorators.retry",
    }
    # The autosummary table on the front page lists methods the same way.
    rows = [" ".join(row.get_text().split()) for row in docs.html().select("table.autosummary tr")]
    assert "Client.delete(path, *[, timeout]) Send a DELETE request; never retried." in rows


def test_parallel_builds_write_the_same_html(build_docs):
    serial = build_docs("showcase")
    parallel = build_docs("showcase", parallel=2)

    assert_clean_build(parallel)
    for page in ("client", "index", "decorators"):
        assert str(parallel.html(page).select_one("div.body")) == str(
            serial.html(page).select_one("div.body")
        )


def test_an_edited_decorator_shows_on_the_next_incremental_build(tmp_path):
    srcdir = tmp_path / "showcase"
    shutil.copytree(TESTDOCS / "showcase", srcdir, ignore=shutil.ignore_patterns("_build"))
    builddir = tmp_path / "_build"
    first = run_sphinx(srcdir, builddir=builddir)
    assert "retries" in parameter_names(first.html("client"), "httpkit.Client.get")

    decorators = srcdir / "httpkit" / "decorators.py"
    decorators.write_text(decorators.read_text("utf-8").replace("retries", "attempts"), "utf-8")
    later = time.time() + 5
    os.utime(decorators, (later, later))
    second = run_sphinx(srcdir, builddir=builddir)

    assert_clean_build(second)
    names = parameter_names(second.html("client"), "httpkit.Client.get")
    assert "attempts" in names
    assert "retries" not in names


def test_every_sample_builds_without_warnings(build_docs):
    for name in sorted(path.name for path in TESTDOCS.iterdir() if (path / "conf.py").exists()):
        assert_clean_build(build_docs(name))


@pytest.mark.parametrize("warn_unresolved", [False, True])
def test_an_object_the_resolver_cannot_handle_is_left_to_autodoc(build_docs, warn_unresolved):
    from sphinxcontrib_effsig.sphinx_ext.autodoc import _process_signature
    from sphinxcontrib_effsig.sphinx_ext.resolve import effective_for

    app = build_docs("basic", effsig_warn_unresolved=warn_unresolved).apps[0]
    app.warning.seek(0)
    app.warning.truncate(0)
    # A C function without a text signature: inspect.signature raises ValueError.
    builtin = max

    assert effective_for(app, "function", "builtins.max", builtin) is None
    app.emit("autodoc-before-process-signature", builtin, False)
    assert _process_signature(app, "function", "builtins.max", builtin, {}, None, "") is None
    assert ("builtins.max" in app.warning.getvalue()) is warn_unresolved
