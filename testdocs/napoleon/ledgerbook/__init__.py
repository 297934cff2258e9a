"""ledgerbook: double-entry bookkeeping (sample project, Google and NumPy docstrings)."""
