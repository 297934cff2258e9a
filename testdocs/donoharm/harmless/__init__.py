"""A small library whose documentation effsig must not make worse."""
