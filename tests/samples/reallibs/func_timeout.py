"""func-timeout: ``func_set_timeout`` runs the function in a thread it hands the arguments to.

``func_timeout(timeout, func, args=args, kwargs=kwargs)`` starts
``StoppableThread(target=funcwrap, args=(args, kwargs))``, whose target calls
``func(*args2, **kwargs2)``. With ``allowOverride=True`` the wrapper also takes
a ``forceTimeout`` keyword (``kwargs.pop`` in one branch, the decorator's
timeout in the other).
"""

from func_timeout import func_set_timeout

from samples.calls import remember_call


@func_set_timeout(5)
def render(template, *, context=None):
    return remember_call()


@func_set_timeout(5, allowOverride=True)
def solve(puzzle, depth=3):
    return remember_call()
