"""A picture gallery's API."""
