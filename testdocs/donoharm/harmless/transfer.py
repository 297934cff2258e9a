"""Transfers: the public names of private functions."""

from ._impl.transfer import copy_file as copy

__all__ = ["copy"]
