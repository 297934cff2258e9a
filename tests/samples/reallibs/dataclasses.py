"""dataclasses: the generated ``__init__`` of ``@dataclass`` classes."""

from dataclasses import InitVar, dataclass, field


@dataclass
class Point:
    x: float
    y: float = 0.0
    label: str = field(default="", kw_only=True)


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    retries: int = 3


@dataclass
class Account:
    owner: str
    password: InitVar[str]
    digest: str = field(init=False, default="")

    def __post_init__(self, password):
        self.digest = password  # an application would store a hash


def fields_of(obj):
    """What the constructor received, read back from the instance."""
    values = dict(vars(obj))
    if isinstance(obj, Account):
        values["password"] = values.pop("digest")
    return values
