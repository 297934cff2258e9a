"""Classes with decorated methods, constructors and ``__call__`` (family 4)."""

import functools
import threading
from dataclasses import dataclass
from functools import partialmethod

from samples.async_forwarding import async_retry
from samples.calls import remember_call
from samples.closures import logged_method, traced_method, with_progress
from samples.decorators import (
    accepts_legacy_timeout,
    cached_instances,
    log_calls,
    register,
    require_login,
    retry,
    synchronized,
    with_tenant,
    with_timeout,
)
from samples.models import Response


class Client:
    """An API client."""

    def __init__(self, base_url: str, *, token: str | None = "secret") -> None:
        remember_call()
        self._lock = threading.Lock()
        self.base_url = base_url
        self.token = token

    def ping(self) -> bool:
        """Whether the server answers."""
        return remember_call()

    @retry
    def get(self, path: str, params: dict[str, str] | None = None) -> Response:
        """GET a resource."""
        return remember_call()

    @require_login
    def delete(self, path: str, *, force: bool = False) -> Response:
        """DELETE a resource."""
        return remember_call()

    @retry
    def request(self, method: str, path: str, body: bytes | None = None) -> Response:
        """Send any request."""
        return remember_call()

    post = partialmethod(request, "POST")

    def head(self, *args, **kwargs) -> Response:
        """Send a HEAD request: delegates to ``self.request``."""
        return self.request("HEAD", *args, **kwargs)

    @classmethod
    @with_timeout(5.0)
    def from_env(cls, prefix: str = "APP_", timeout: float = 1.0, strict: bool = False):
        """A client configured from environment variables."""
        return remember_call()

    @classmethod
    @retry
    def connect(cls, url: str) -> bool:
        """Check that ``url`` accepts connections."""
        return remember_call()

    @with_progress
    def upload(self, path: str, *, chunk_size: int = 65536) -> int:
        """Upload a file; returns the bytes sent."""
        return remember_call()

    @traced_method
    def describe(self, path: str, *, verbose: bool = False) -> str:
        """Describe a resource."""
        return remember_call()

    @synchronized
    def sync_state(self, force: bool = False) -> int:
        """Synchronise local state with the server."""
        return remember_call()

    @logged_method
    def archive(self, path: str, *, keep: int = 5) -> bool:
        """Archive a resource."""
        return remember_call()

    @async_retry
    async def fetch_async(self, path: str, *, stream: bool = False) -> bytes:
        """GET a resource without blocking."""
        return remember_call()

    @staticmethod
    @log_calls
    def normalize(path: str, *, trailing_slash: bool = False) -> str:
        """Normalise a resource path."""
        return remember_call()


class AdminClient(Client):
    """A client with administrator rights; inherits the decorated methods."""


class Database:
    """A database handle with a logged constructor."""

    @log_calls
    def __init__(self, dsn: str, pool_size: int = 5) -> None:
        remember_call()


class Cache:
    """A cache client whose constructor accepts a legacy keyword."""

    @accepts_legacy_timeout
    def __init__(self, url: str, *, ttl: int = 300) -> None:
        remember_call()


class ReadOnlyCache(Cache):
    """Inherits the decorated constructor."""


class StrictCache(Cache):
    """Adds a keyword and forwards the rest to the decorated parent constructor."""

    def __init__(self, *args, strict: bool = False, **kwargs) -> None:
        self.strict = strict
        super().__init__(*args, **kwargs)


class LegacyCache(Cache):
    """A deprecated alias: its decorated constructor forwards everything to the parent's."""

    @log_calls
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)


@register
class Plugin:
    """A plugin; the class decorator wraps the constructor."""

    def __init__(self, name: str, *, priority: int = 0) -> None:
        remember_call()


class Service:
    """A service whose decorator is a plain function in its own class body."""

    def _traced(func):
        @functools.wraps(func)
        def wrapper(self, *args, trace: bool = False, **kwargs):
            if trace:
                print(f"-> {func.__name__}")
            return func(self, *args, **kwargs)

        return wrapper

    @_traced
    def run(self, job: str, *, priority: int = 0) -> None:
        """Run a job."""
        return remember_call()

    class Scheduler:
        """A nested class with a decorated method."""

        @retry
        def schedule(self, job: str, at: float) -> int:
            """Schedule a job."""
            return remember_call()


service = Service()
scheduler = Service.Scheduler()


@dataclass
class Point:
    """A dataclass: its ``__init__`` is generated code."""

    x: float
    y: float = 0.0

    @retry
    def distance_to(self, other: "Point") -> float:
        """Euclidean distance to ``other``."""
        return remember_call()


class Shape:
    """A shape of any kind."""

    def __init__(self, kind: str, size: float = 1.0, *, color: str = "black") -> None:
        remember_call()


class Square(Shape):
    """A square: the parent's constructor with ``kind`` fixed by ``partialmethod``."""

    __init__ = partialmethod(Shape.__init__, "square")


class Adder:
    """A callable whose ``__call__`` is a ``partialmethod`` of a general method."""

    def apply(self, operation: str, left: int, right: int = 0) -> int:
        """Apply ``operation`` to two numbers."""
        return remember_call()

    __call__ = partialmethod(apply, "add")


adder = Adder()


class Registered(type):
    """A metaclass that keeps every instance its classes create."""

    instances: list[object] = []

    def __call__(cls, *args, **kwargs):
        instance = super().__call__(*args, **kwargs)
        Registered.instances.append(instance)
        return instance


class Registry(metaclass=Registered):
    """A service registry; instances are tracked by the metaclass."""

    def __init__(self, host: str, port: int = 6379) -> None:
        remember_call()


class Traced(type):
    """A metaclass whose ``__call__`` accepts a ``trace`` flag for every class."""

    def __call__(cls, *args, trace: bool = False, **kwargs):
        instance = super().__call__(*args, **kwargs)
        if trace:
            print(f"created {instance!r}")
        return instance


class Queue(metaclass=Traced):
    """A message queue client, created through the tracing metaclass."""

    def __init__(self, name: str, *, durable: bool = True) -> None:
        remember_call()


class Pool:
    """A process-wide pool: ``__new__`` swallows the arguments, ``__init__`` takes them."""

    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, size: int = 10, *, block: bool = True) -> None:
        remember_call()


class Workspace:
    """A workspace created inside a tenant."""

    @with_tenant
    def __init__(self, name: str, *, plan: str = "free") -> None:
        remember_call()


class Color:
    """Interned colours: a decorated ``__new__``."""

    @cached_instances
    def __new__(cls, name: str, *, alpha: float = 1.0):
        remember_call()
        return super().__new__(cls)


class WebhookHandler:
    """A callable instance handling webhook events."""

    @log_calls
    def __call__(self, event: dict, *, replay: bool = False) -> None:
        return remember_call()


class Job:
    """A callable job retried on connection errors."""

    @retry
    def __call__(self, payload: bytes) -> int:
        return remember_call()


client = Client("https://api.example.org")
admin = AdminClient("https://admin.example.org")
handler = WebhookHandler()
job = Job()
