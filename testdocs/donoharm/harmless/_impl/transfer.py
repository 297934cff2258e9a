"""Where ``harmless.transfer.copy`` is defined, under another name."""

from ..changed import retry


@retry
def copy_file(source: str, target: str) -> int:
    """Copy ``source`` to ``target``.

    :param source: The file to copy.
    :param target: Where to put the copy.
    """
    return 0
