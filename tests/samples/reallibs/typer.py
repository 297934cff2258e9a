"""typer: ``app.command()`` and ``app.callback()`` register the function and return it."""

import typer

from samples.calls import remember_call

app = typer.Typer()


@app.command()
def greet(name: str, formal: bool = False, *, times: int = 1):
    return remember_call()


@app.callback()
def main(verbose: bool = False):
    return remember_call()
