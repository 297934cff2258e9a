"""asgiref: ``sync_to_async`` and ``async_to_sync`` (callable objects, as Django uses them).

``SyncToAsync.__call__`` builds ``functools.partial(self.func, *args,
**kwargs)`` and runs it in an executor thread; ``AsyncToSync.__call__`` makes
the coroutine with ``self.awaitable(*args, **kwargs)`` and runs it in a loop.
"""

from asgiref.sync import async_to_sync, sync_to_async

from samples.calls import remember_call


@sync_to_async
def load_user(user_id, *, fields=None):
    return remember_call()


@sync_to_async(thread_sensitive=False)
def render_report(report, /, fmt="html"):
    return remember_call()


@async_to_sync
async def fetch_feed(url, limit=10):
    return remember_call()
