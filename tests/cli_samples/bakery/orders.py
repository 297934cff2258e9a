"""Orders: decorated functions whose signatures the resolver can prove."""

from .decorators import retry, with_timeout


@retry
@with_timeout
def bake(bread: str, *, loaves: int = 1) -> list[str]:
    """Bake some loaves."""
    return [bread] * loaves


def price(bread: str, loaves: int = 1) -> float:
    """A plain function: nothing to resolve."""
    return 2.5 * loaves


def _secret_recipe(bread: str) -> str:
    """Private: not documented, not checked."""
    return bread
