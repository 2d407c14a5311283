"""Pyro5 proxies to the replicas, lent to one thread at a time.

A Pyro5 proxy belongs to one thread: Pyro5 refuses a call from any other. The
client could keep one proxy per thread per replica (``threading.local``), but every
short-lived worker thread would then leave a connection (and a server thread on the
replica) open until it dies. Instead the pool lends idle proxies: the borrowing
thread claims ownership (``_pyroClaimOwnership``), makes its call and gives the
proxy back. Connections per replica thus never exceed the calls in flight at once,
and a thread never waits for another thread's call.
"""
import select
import threading
from collections import defaultdict
from contextlib import contextmanager

from Pyro5.api import Proxy
from Pyro5.errors import CommunicationError, DaemonError, MessageTooLargeError, SerializeError

from ..protocol import CLIENT_SERIALIZER

#: idle connections kept per replica
MAX_IDLE = 8


def is_network_failure(exc):
    """True for errors that say "this replica cannot answer now" (and so justify another one).

    Serialization problems and oversized messages are the caller's doing: another
    replica would fail the same way. ``DaemonError`` means the address no longer serves
    this replica's object (another process took the port, or it is shutting down).
    """
    if isinstance(exc, (SerializeError, MessageTooLargeError)):
        return False
    if isinstance(exc, (CommunicationError, DaemonError)):
        return True
    from ..errors import ContactsError
    return isinstance(exc, OSError) and not isinstance(exc, ContactsError)


class ProxyPool:
    def __init__(self, max_idle=MAX_IDLE):
        self.max_idle = max_idle
        self._idle = defaultdict(list)
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def borrow(self, uri, timeout):
        """A proxy to ``uri`` owned by the calling thread for the ``with`` block."""
        while True:
            with self._lock:
                proxy = self._idle[uri].pop() if self._idle.get(uri) else None
            if proxy is None or _still_open(proxy):
                break
            # closed by the other end while idle (replica restarted, link reset): using it
            # would fail at once and make a live replica look dead
            _close(proxy)
        if proxy is None:
            proxy = Proxy(uri)
            proxy._pyroSerializer = CLIENT_SERIALIZER
        else:
            proxy._pyroClaimOwnership()
        proxy._pyroTimeout = timeout
        keep = False
        try:
            yield proxy
            keep = True
        except BaseException as exc:
            # an answer (ContactNotFound ...) leaves the connection fine; a network failure does not
            keep = not is_network_failure(exc) and not isinstance(exc, KeyboardInterrupt)
            raise
        finally:
            with self._lock:
                if keep and not self._closed and len(self._idle[uri]) < self.max_idle:
                    self._idle[uri].append(proxy)
                    proxy = None
            if proxy is not None:
                _close(proxy)

    def discard(self, uri):
        """Close the idle connections to ``uri`` (the replica failed; they are likely dead)."""
        with self._lock:
            proxies = self._idle.pop(uri, [])
        for proxy in proxies:
            _close(proxy)

    def close(self):
        with self._lock:
            self._closed = True
            proxies = [p for idle in self._idle.values() for p in idle]
            self._idle.clear()
        for proxy in proxies:
            _close(proxy)


def _still_open(proxy):
    """False if an idle proxy's connection has something to read: nothing is owed on an
    idle connection, so that is the other end closing it (EOF or reset)."""
    connection = getattr(proxy, "_pyroConnection", None)
    sock = getattr(connection, "sock", None)
    if sock is None:
        return True   # not connected: it connects on first use
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def _close(proxy):
    try:
        proxy._pyroClaimOwnership()
        proxy._pyroRelease()
    except Exception:  # closing a broken connection may fail in many ways; it is gone either way
        pass
