"""timeout-decorator: ``@timeout(seconds)`` adds a ``timeout`` keyword it pops.

With signals the wrapper pops it itself; with ``use_signals=False`` a
``_Timeout`` object pops it and runs the function in a child process
(``Process(target=..., args=..., kwargs=...)``), whose result comes back
through a queue: that implementation returns its arguments instead of
recording them.
"""

from timeout_decorator import timeout

from samples.calls import remember_call


@timeout(5)
def crunch(numbers, *, precision=2):
    return remember_call()


@timeout(None)
def optimise(model, iterations=10):
    return remember_call()


@timeout(5, use_signals=False)
def crunch_in_process(numbers, *, precision=2):
    return {"numbers": numbers, "precision": precision}
