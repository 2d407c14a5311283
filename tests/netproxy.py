"""A small latency-and-cut TCP proxy for tests (test support code, not a test).

A replica started with ``--port P --nat-host 127.0.0.1 --nat-port Q`` listens on P
but advertises Q (Pyro5's ``Daemon(nathost=..., natport=...)``), so every peer and
client that finds it through the name server connects to Q.  A :class:`TcpProxy`
listening on Q and forwarding to P then sits on all of that replica's incoming
links, and a test can:

- ``proxy.delay = 0.2``: hold every chunk 200 ms in each direction (order kept,
  bytes pipelined: latency is added, bandwidth is not cut);
- ``proxy.cut()``: drop every open connection and leave new ones hanging (a
  partition: callers see timeouts, not a polite "connection refused");
- ``proxy.heal()``: forward again.

The test itself can still reach the replica directly on P, which is how a test
writes to two replicas that cannot see each other.
"""
import collections
import socket
import threading
import time

CHUNK = 65536


class TcpProxy:
    def __init__(self, target_port, listen_port=0, host="127.0.0.1", delay=0.0):
        self.target = (host, target_port)
        self.delay = delay
        self._cut = threading.Event()
        self._lock = threading.Lock()
        self._sockets = set()
        self._listener = socket.create_server((host, listen_port))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        self.connections = 0
        threading.Thread(target=self._accept_loop, name=f"netproxy-{self.port}", daemon=True).start()

    # -- control -------------------------------------------------------------------
    def cut(self):
        """Partition: close every open connection; new ones are accepted but never served."""
        self._cut.set()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _close(sock)

    def heal(self):
        self._cut.clear()

    def close(self):
        self._closed = True
        self.cut()
        _close(self._listener)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- forwarding ------------------------------------------------------------------
    def _track(self, *sockets):
        with self._lock:
            self._sockets.update(sockets)

    def _accept_loop(self):
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._track(client)
            if self._cut.is_set():
                continue  # hold it open, unanswered, until healed-and-closed or cut again
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._track(upstream)
            self.connections += 1
            self._pipe(client, upstream)
            self._pipe(upstream, client)

    def _pipe(self, source, sink):
        """Forward source -> sink, each chunk held ``delay`` seconds (a reader and a writer thread,
        so a delay adds latency without serializing round trips)."""
        queue = collections.deque()
        ready = threading.Condition()

        def read():
            try:
                while True:
                    data = source.recv(CHUNK)
                    if not data or self._cut.is_set():
                        break
                    with ready:
                        queue.append((time.monotonic() + self.delay, data))
                        ready.notify()
            except OSError:
                pass
            with ready:
                queue.append((0.0, None))
                ready.notify()

        def write():
            try:
                while True:
                    with ready:
                        while not queue:
                            ready.wait()
                        due, data = queue.popleft()
                    if data is None or self._cut.is_set():
                        break
                    wait = due - time.monotonic()
                    if wait > 0:
                        time.sleep(wait)  # the latency this proxy exists to add
                    sink.sendall(data)
            except OSError:
                pass
            _close(source)
            _close(sink)
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)

        threading.Thread(target=read, daemon=True).start()
        threading.Thread(target=write, daemon=True).start()


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
