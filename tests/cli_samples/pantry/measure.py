"""Conversion constants."""

GRAMS_PER_CUP = 125
