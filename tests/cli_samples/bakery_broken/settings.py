"""Settings that cannot be computed."""

LOAVES_PER_TRAY = 0
OVEN_TEMPERATURE = 220 // LOAVES_PER_TRAY
