"""The ``effsig_*`` configuration values: registered with types, checked once.

Every other module of the Sphinx layer reads the configuration through
the build state (``build_state(app).settings``, made by :func:`validate`
when the configuration is read), a small frozen, typed view — never through
``app.config.effsig_*`` directly — so that the names, the defaults and the
meaning of each value live in one place.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from sphinx.config import ENUM
from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

Provenance = Literal["both", "signature", "fields", "none"]

PROVENANCE_CHOICES: Final[tuple[Provenance, ...]] = ("both", "signature", "fields", "none")


@dataclass(frozen=True)
class EffsigSettings:
    """The extension's configuration, validated.

    ``enabled``
        ``effsig_enabled``: when ``False`` the extension changes nothing.
    ``provenance``
        ``effsig_provenance``: where parameter owners are shown —
        ``"signature"`` (marked in the signature line), ``"fields"`` (a
        "from ..." note in the parameter list), ``"both"`` or ``"none"``.
    ``exclude``
        ``effsig_exclude``: :mod:`fnmatch` patterns of dotted names
        (``"myapp.legacy.*"``); matching objects are documented exactly as
        plain autodoc would.
    ``warn_unresolved``
        ``effsig_warn_unresolved``: warn (``effsig.unresolved``) for each
        object whose effective signature could not be fully established.
    """

    enabled: bool = True
    provenance: Provenance = "both"
    exclude: tuple[str, ...] = ()
    warn_unresolved: bool = False

    @property
    def provenance_in_signature(self) -> bool:
        """Mark parameters owned by a decorator in the signature line."""
        return self.provenance in ("both", "signature")

    @property
    def provenance_in_fields(self) -> bool:
        """Say "from <owner>" in the parameter list."""
        return self.provenance in ("both", "fields")

    def excludes(self, name: str) -> bool:
        """Whether the documented object ``name`` matches ``effsig_exclude``."""
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in self.exclude)


_DEFAULTS: Final = EffsigSettings()


def register(app: Sphinx) -> None:
    """Register the configuration values (checked by :func:`validate`)."""
    app.add_config_value("effsig_enabled", _DEFAULTS.enabled, "env", types=frozenset({bool}))
    app.add_config_value(
        "effsig_provenance", _DEFAULTS.provenance, "env", types=ENUM(*PROVENANCE_CHOICES)
    )
    app.add_config_value(
        "effsig_exclude", list(_DEFAULTS.exclude), "env", types=frozenset({list, tuple})
    )
    app.add_config_value(
        "effsig_warn_unresolved", _DEFAULTS.warn_unresolved, "env", types=frozenset({bool})
    )


def validate(config: Config | Any) -> EffsigSettings:
    """Check the ``effsig_*`` values; raise :class:`ConfigError` saying what is wrong."""
    enabled = _boolean(config, "effsig_enabled")
    warn_unresolved = _boolean(config, "effsig_warn_unresolved")

    provenance = getattr(config, "effsig_provenance", _DEFAULTS.provenance)
    if provenance not in PROVENANCE_CHOICES:
        choices = ", ".join(repr(choice) for choice in PROVENANCE_CHOICES)
        msg = f"effsig_provenance must be one of {choices}; got {provenance!r}"
        raise ConfigError(msg)

    exclude = getattr(config, "effsig_exclude", ())
    if isinstance(exclude, str) or not isinstance(exclude, Iterable):
        msg = (
            "effsig_exclude must be a list of fnmatch patterns of dotted names, "
            f"e.g. ['myapp.legacy.*']; got {exclude!r}"
        )
        raise ConfigError(msg)
    patterns = tuple(exclude)
    bad = [pattern for pattern in patterns if not isinstance(pattern, str)]
    if bad:
        msg = f"effsig_exclude must contain only strings (fnmatch patterns); got {bad[0]!r}"
        raise ConfigError(msg)

    return EffsigSettings(
        enabled=enabled,
        provenance=cast("Provenance", provenance),
        exclude=cast("tuple[str, ...]", patterns),
        warn_unresolved=warn_unresolved,
    )


def _boolean(config: Config | Any, name: str) -> bool:
    value = getattr(config, name, getattr(_DEFAULTS, name.removeprefix("effsig_")))
    if not isinstance(value, bool):
        msg = f"{name} must be True or False; got {value!r}"
        raise ConfigError(msg)
    return value
