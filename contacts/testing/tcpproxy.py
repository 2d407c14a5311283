"""A TCP proxy that adds latency to a link or cuts it, controlled at run time: the one
fault proxy of the tests (in-process) and of the chaos harness (as a program, maybe
inside a network namespace).

Put one in front of a replica (the replica binds a private port and advertises the
proxy's with ``--nat-host`` / ``--nat-port``) and every client and peer reaches it
through the proxy.  Modes:

- ``delay S``: every chunk of data waits S seconds before it is forwarded (both ways);
- ``cut``: existing connections are dropped; new ones are accepted and then left
  silent, as packets are lost in a partition (callers see timeouts, not refusals);
- ``heal``: back to normal (silent connections are closed so callers reconnect).

As a program (``python -m contacts.testing.tcpproxy --listen H:P --target H:P``) it
reads those commands, one a line, from stdin, answers ``ok`` on stdout, and exits
when stdin closes: so it can run inside a network namespace and be driven from the
harness, and it never outlives the harness.
"""
import argparse
import select
import socket
import sys
import threading
import time

CHUNK = 65536


def _address(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


class TcpProxy:
    def __init__(self, listen, target):
        self.target = target
        self.delay = 0.0
        self.is_cut = False
        self.connections = 0        # connections forwarded so far (tests check a link was used)
        self._lock = threading.Lock()
        self._connections = set()   # (client socket, upstream socket or None)
        self._stopping = threading.Event()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(listen)
        self._server.listen(128)
        self.address = self._server.getsockname()
        self._thread = threading.Thread(target=self._accept_loop, name="tcpproxy", daemon=True)

    @property
    def port(self):
        return self.address[1]

    def start(self):
        self._thread.start()
        return self

    # -- control ---------------------------------------------------------------------
    def set_delay(self, seconds):
        self.delay = max(float(seconds), 0.0)

    def cut(self):
        with self._lock:
            self.is_cut = True
            connections = list(self._connections)
        for pair in connections:
            self._close(pair)

    def heal(self):
        with self._lock:
            self.is_cut = False
            self.delay = 0.0
            connections = list(self._connections)
        for pair in connections:
            if pair[1] is None:   # a connection held silent during the cut
                self._close(pair)

    def close(self):
        self._stopping.set()
        try:
            self._server.close()
        except OSError:
            pass
        with self._lock:
            connections = list(self._connections)
        for pair in connections:
            self._close(pair)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # -- forwarding ------------------------------------------------------------------
    def _accept_loop(self):
        while not self._stopping.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            silent = self.is_cut
        if silent:
            # a partition: the connection gets nowhere, and nothing tells the caller so
            pair = (client, None)
            with self._lock:
                self._connections.add(pair)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            client.close()
            return
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pair = (client, upstream)
        with self._lock:
            if self.is_cut:
                self._connections.add((client, None))
                upstream.close()
                return
            self._connections.add(pair)
            self.connections += 1
        threading.Thread(target=self._pump, args=(pair, upstream, client), daemon=True).start()
        self._pump(pair, client, upstream)

    def _pump(self, pair, source, destination):
        try:
            while True:
                readable, _, _ = select.select([source], [], [], 0.5)
                if pair not in self._connections:
                    return
                if not readable:
                    continue
                data = source.recv(CHUNK)
                if not data:
                    break
                if self.delay:
                    time.sleep(self.delay)  # the added latency itself
                if self.is_cut:
                    return
                destination.sendall(data)
        except (OSError, ValueError):
            pass
        self._close(pair)

    def _close(self, pair):
        with self._lock:
            self._connections.discard(pair)
        for sock in pair:
            if sock is None:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m contacts.testing.tcpproxy",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", required=True, type=_address, help="HOST:PORT to accept on")
    parser.add_argument("--target", required=True, type=_address, help="HOST:PORT to forward to")
    args = parser.parse_args(argv)
    proxy = TcpProxy(args.listen, args.target).start()
    print(f"listening {args.listen[0]}:{proxy.address[1]}", flush=True)
    for line in sys.stdin:
        command, *rest = line.split() or [""]
        if command == "delay" and rest:
            proxy.set_delay(float(rest[0]))
        elif command == "cut":
            proxy.cut()
        elif command == "heal":
            proxy.heal()
        elif command != "":
            print(f"error unknown command {line.strip()!r}", flush=True)
            continue
        print("ok", flush=True)
    proxy.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
