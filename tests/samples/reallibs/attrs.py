"""attrs: ``define``/``frozen`` classes, private attributes, aliases, factories."""

import attrs

NOTHING = attrs.NOTHING


@attrs.define
class Endpoint:
    url: str
    timeout: float = 10.0
    _token: str | None = None


@attrs.frozen(kw_only=True)
class Credentials:
    user: str
    password: str = attrs.field(default="", repr=False)


@attrs.define
class Page:
    number: int
    size: int = attrs.field(default=20, alias="per_page")
    tags: list = attrs.Factory(list)
    cursor: str = attrs.field(init=False, default="")


def fields_of(obj):
    """What the constructor received, by parameter name (aliases included)."""
    return {a.alias: getattr(obj, a.name) for a in attrs.fields(type(obj)) if a.init}
