"""loguru: ``logger.catch`` wraps a function in its catcher (re-raising here).

Level TRACE is below the default sink's, so refused calls log nothing.
"""

from loguru import logger

from samples.calls import remember_call


@logger.catch(reraise=True, level="TRACE")
def import_rows(path, *, delimiter=","):
    return remember_call()


@logger.catch(reraise=True, level="TRACE")
async def sync_account(account_id, full=False):
    return remember_call()
