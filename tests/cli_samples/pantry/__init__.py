"""A package with one submodule that cannot be imported."""
