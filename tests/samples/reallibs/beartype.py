"""beartype: ``@beartype`` generates a ``(*args, **kwargs)`` checking wrapper at run time."""

from beartype import beartype

from samples.calls import remember_call


@beartype
def resize(width: int, height: int, *, keep_ratio: bool = True) -> object:
    return remember_call()


@beartype
def clamp(value: float, /, low: float = 0.0, high: float = 1.0) -> object:
    return remember_call()


@beartype
class Canvas:
    """Decorating the class decorates each method."""

    def draw(self, shape: str, *, fill: bool = False) -> object:
        return remember_call()
