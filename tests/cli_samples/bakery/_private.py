"""A private module: ``--check`` skips it, as autodoc's recursive walk does."""

raise RuntimeError("a private module must never be imported by --check")
