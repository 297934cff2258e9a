"""A module whose functions other samples reach as ``backend.send``."""


def send(host: str, port: int = 80, *, timeout: float = 1.0) -> str:
    """Send to ``host``."""
    return f"{host}:{port}/{timeout}"
