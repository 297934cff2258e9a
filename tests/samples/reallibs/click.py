"""click: decorators that pass context objects as the first argument.

The calls run inside a ``click.Context`` (see :func:`click_context`), as they
do when click invokes a command callback.
"""

import click

from samples.calls import remember_call


class Settings:
    """The object ``pass_obj``/``make_pass_decorator`` hand to the callback."""


pass_settings = click.make_pass_decorator(Settings, ensure=True)


@click.pass_context
def sync(ctx, source, *, dry_run=False):
    return remember_call()


@click.pass_obj
def deploy(settings, environment, force=False):
    return remember_call()


@pass_settings
def rollback(settings, release, /, keep_data=True):
    return remember_call()


@click.decorators.pass_meta_key("db")
def migrate(db, revision="head", *, sql=False):
    return remember_call()


def click_context():
    """A context like the one click pushes around a callback."""
    ctx = click.Context(click.Command("cli"), obj=Settings())
    ctx.meta["db"] = "sqlite://"
    return ctx
