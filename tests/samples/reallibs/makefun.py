"""makefun: ``partial``, ``with_partial`` and ``wraps(append_args=...)`` generate functions.

Only positional presets here: a keyword preset is written over whatever the
caller passes (``kwargs.update(preset_kwargs)``) although the generated
signature still offers it, so no signature tells that truth.
"""

from makefun import partial, with_partial, wraps

from samples.calls import remember_call


def send(recipient, subject, body="", *, urgent=False):
    return remember_call()


alert = partial(send, "ops@example.org")


@with_partial("eu")
def provision(region, name, size=1, *, tags=()):
    return remember_call()


def timed(func):
    @wraps(func, append_args="elapsed")
    def wrapper(*args, elapsed=None, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@timed
def compile_assets(source, *, minify=True):
    return remember_call()
