"""A subpackage: ``--check`` walks into it."""
