"""A small service layer whose functions are wrapped by common decorators."""
