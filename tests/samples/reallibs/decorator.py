"""decorator: ``@decorator`` callers, plain and with parameters of their own."""

from decorator import decorator

from samples.calls import remember_call


@decorator
def traced(func, *args, **kwargs):
    return func(*args, **kwargs)


@decorator
def throttled(func, delay=0.0, *args, **kwargs):
    """A caller with a parameter of its own: used as ``@throttled(delay=...)``."""
    return func(*args, **kwargs)


@traced
def area(width, height=1, *, unit="m"):
    return remember_call()


@throttled(delay=0.0)
def notify(user, message, /, channel="mail"):
    return remember_call()


class Shape:
    @traced
    def scale(self, factor, *, around=None):
        return remember_call()
