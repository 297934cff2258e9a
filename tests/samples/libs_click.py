"""click callbacks: ``pass_context``/``pass_obj`` supply the first argument (family 7)."""

from dataclasses import dataclass

import click

from samples.calls import remember_call


@dataclass
class Settings:
    """The object a click group stores on its context."""

    api_url: str = "https://api.example.com"


@click.pass_context
def sync(ctx: click.Context, source: str, *, dry_run: bool = False) -> None:
    """click supplies the context; callers pass the rest."""
    return remember_call()


@click.pass_obj
def deploy(settings: Settings, environment: str, *, force: bool = False) -> None:
    """click supplies ``ctx.obj``; callers pass the rest."""
    return remember_call()


pass_settings = click.make_pass_decorator(Settings, ensure=True)


@pass_settings
def rollback(settings: Settings, release: str, *, keep_data: bool = True) -> None:
    """``make_pass_decorator`` finds the ``Settings`` on the context and passes it first."""
    return remember_call()


@click.command()
@click.argument("name")
@click.option("--shout", is_flag=True)
@click.pass_context
def greet(ctx: click.Context, name: str, shout: bool) -> None:
    """A complete command; its callback is what ``pass_context`` produced."""
    return remember_call()
