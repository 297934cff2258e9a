"""Threads: the public names of private functions."""

from ._impl.threads import run_in_loop as run

__all__ = ["run"]
