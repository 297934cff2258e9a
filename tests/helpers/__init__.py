"""Shared test helpers: assertions on effective signatures and the runtime oracle."""
