"""Library protocols the runtime walk recognises, one module per protocol.

wrapt proxies (:mod:`.wrapt`), generated functions (:mod:`.generated`:
makefun, decorator, boltons), registry dispatchers (:mod:`.registry`:
``functools.singledispatch`` and its kind) and runners that call their first
argument with the rest (:mod:`.runners`: ``asyncio.to_thread``,
``executor.submit``).
"""
