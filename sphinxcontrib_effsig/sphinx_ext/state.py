"""What the Sphinx layer remembers during a build: one object, one place to read it.

Each application gets one :class:`BuildState`, made when its configuration
is read (``config-inited``) and dropped when its build ends
(``build-finished``, failed builds included), so two applications in one
process — Sphinx's test fixtures, ``sphinx-autobuild`` — never share
anything, and a finished build leaves nothing on the application. Every
handler reaches it through :func:`build_state`.

It has two lifetimes:

``settings``, ``typehints_api``
    the whole build: the validated ``effsig_*`` configuration and the
    sphinx-autodoc-typehints layout in use.
``reading`` (a :class:`ReadMemory`)
    one read phase, in this process only: emptied when reading starts (so an
    incremental build reads edited sources again) and when it ends (writing
    never resolves, and the garbage collector would otherwise walk it again
    and again while pages are written). With ``-j N`` each reader has its
    own, forked from the main process; nothing in it is needed elsewhere.
    The resolver's caches (:func:`~sphinxcontrib_effsig.resolver.clear_caches`)
    are emptied at the same moments.

What the write phase needs from every reader lives on the environment
instead — pickled with it, purged per document, merged from parallel readers
(``env-merge-info``): the documents whose signatures carry provenance
marks, reached through :func:`marked_documents`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from ..resolver import clear_caches
from .config import EffsigSettings, validate
from .render import AnnotationTexts, SignatureStyle

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from ..resolver import EffectiveSignature
    from .owner_docs import ParameterDoc
    from .resolve import Outcome
    from .typehints_api import TypehintsApi

#: The one attribute the extension sets on an application (while it builds).
_ATTRIBUTE: Final = "_effsig_build_state"
#: The one attribute it sets on an environment (pickled with it).
_MARKED: Final = "effsig_marked_documents"

#: Before Sphinx's own type check of the configuration (priority 800), so a
#: bad ``effsig_*`` value stops the build with our message, not a generic one.
_CONFIG_PRIORITY: Final = 400
#: After every other ``build-finished`` handler, which may still read the state.
_DROP_PRIORITY: Final = 900

#: An object autodoc documents: (object type, full dotted name, id of the object).
ObjectKey = tuple[str, str, int]


@dataclass
class ReadMemory:
    """What one read phase remembers, in memory and in this process only."""

    #: The resolver's answer per documented object; the object is kept so its id stays its own.
    answers: dict[ObjectKey, tuple[object, EffectiveSignature | None]] = field(default_factory=dict)
    #: id of a documented object -> the object and what documenting it comes
    #: to, whatever name and object type it is documented under.
    outcomes: dict[int, tuple[object, Outcome]] = field(default_factory=dict)
    #: The object being documented now, when autodoc did not introspect its
    #: signature (written in the directive or the docstring): left to autodoc.
    declined: set[ObjectKey] = field(default_factory=set)
    #: Objects autodoc announced it is introspecting (before-process-signature).
    introspected: list[object] = field(default_factory=list)
    #: Documented full name -> {parameter name: owner name}, for the description transform.
    owners: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The signature line given for a documented object, with the signature it shows.
    lines: dict[ObjectKey, tuple[EffectiveSignature, tuple[str, str]]] = field(default_factory=dict)
    #: id of a shown signature -> it, and the source files it depends on.
    dependency_files: dict[int, tuple[EffectiveSignature, list[str]]] = field(default_factory=dict)
    #: (object type, name, id of the object, first part, names described in
    #: later parts, docstring lines) -> the signature and the lines rewritten.
    rewritten: dict[tuple[object, ...], tuple[EffectiveSignature, tuple[str, ...]]] = field(
        default_factory=dict
    )
    #: (document, file) dependencies already noted.
    noted: set[tuple[str, str]] = field(default_factory=set)
    #: The signature-line options, read from the configuration at the first signature.
    style: SignatureStyle | None = None
    #: Parameter annotations as signature-line text.
    annotation_texts: AnnotationTexts = field(default_factory=AnnotationTexts)
    #: Owner's cited name -> {parameter: what its docstrings say about it}.
    owner_docs: dict[str, dict[str, ParameterDoc]] = field(default_factory=dict)
    #: (annotation, id of the owner's globals, module prefix, kind) -> the
    #: type as sphinx-autodoc-typehints formats it.
    formatted_types: dict[tuple[Any, int, str, str], str] = field(default_factory=dict)
    #: Documented full name -> the options object of its last docstring part
    #: (a class with ``autoclass_content = "both"`` comes in two parts).
    docstring_parts: dict[str, object] = field(default_factory=dict)


@dataclass
class BuildState:
    """Everything the extension remembers about one application's build."""

    #: The ``effsig_*`` configuration, validated once.
    settings: EffsigSettings
    #: sphinx-autodoc-typehints' formatting functions, looked up at first use.
    typehints_api: TypehintsApi | None = None
    #: The current read phase's memory.
    reading: ReadMemory = field(default_factory=ReadMemory)


def build_state(app: Sphinx) -> BuildState:
    """The build state of ``app``.

    Made at ``config-inited``; made now when there is none — an application
    driven by hand, or a second ``build()`` of one whose first build ended.
    """
    found = getattr(app, _ATTRIBUTE, None)
    if isinstance(found, BuildState):
        return found
    return _attach(app, app.config)


def marked_documents(env: BuildEnvironment) -> set[str]:
    """Documents with a signature whose parameters are marked with their owner."""
    marked = getattr(env, _MARKED, None)
    if not isinstance(marked, set):
        marked = set()
        setattr(env, _MARKED, marked)
    return marked


def connect(app: Sphinx) -> None:
    """Make, refresh and drop the build state at the right events."""
    app.connect("config-inited", _create, priority=_CONFIG_PRIORITY)
    app.connect("env-before-read-docs", _forget_reading)
    app.connect("env-updated", _forget_reading)
    app.connect("env-purge-doc", _purge_marks)
    app.connect("env-merge-info", _merge_marks)
    app.connect("build-finished", _drop, priority=_DROP_PRIORITY)


def _attach(app: Sphinx, config: Config) -> BuildState:
    state = BuildState(settings=validate(config))
    setattr(app, _ATTRIBUTE, state)
    return state


def _create(app: Sphinx, config: Config) -> None:
    """``config-inited``: a new build state (a bad configuration raises here)."""
    _attach(app, config)


def _forget_reading(app: Sphinx, *_args: object) -> None:
    """A read phase starts or ends: nothing read before is remembered."""
    build_state(app).reading = ReadMemory()
    clear_caches()


def _drop(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the application keeps nothing of the build."""
    if hasattr(app, _ATTRIBUTE):
        delattr(app, _ATTRIBUTE)
    clear_caches()


def _purge_marks(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    marked_documents(env).discard(docname)


def _merge_marks(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    marked_documents(env).update(marked_documents(other) & set(docnames))
