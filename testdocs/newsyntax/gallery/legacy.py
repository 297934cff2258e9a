"""``warnings.deprecated`` on functions and classes (Python 3.13+)."""

from warnings import deprecated


@deprecated("Use hang() instead")
def old_hang(picture: str, *, height: float = 1.5) -> bool:
    """Hang ``picture`` the old way.

    :param picture: The picture to hang.
    :param height: How high, in metres.
    """
    return True


@deprecated("Use an Easel2 instead")
class Easel:
    """Something to stand a picture on.

    :param height: How high, in metres.
    """

    def __init__(self, height: float = 1.2) -> None:
        self.height = height
