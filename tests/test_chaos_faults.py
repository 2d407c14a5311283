"""The fault pieces the chaos harness is built on: the TCP proxy's latency and cuts,
and network-namespace hosts whose links can be taken down."""
import socket
import subprocess
import sys
import threading
import time

import pytest

from contacts.testing.faults import netns
from contacts.testing.tcpproxy import TcpProxy

AVAILABLE, WHY_NOT = netns.netns_available()
needs_netns = pytest.mark.skipif(not AVAILABLE, reason=f"network namespaces unavailable: {WHY_NOT}")


@pytest.fixture
def echo_server():
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn):
        with conn:
            while data := conn.recv(4096):
                conn.sendall(data)

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()
    stop.set()
    server.close()


def round_trip(address, timeout=2.0):
    started = time.monotonic()
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(b"ping")
        assert sock.recv(16) == b"ping"
    return time.monotonic() - started


def test_proxy_forwards_delays_cuts_silently_and_heals(echo_server):
    with TcpProxy(("127.0.0.1", 0), echo_server) as proxy:
        assert round_trip(proxy.address) < 0.5
        proxy.set_delay(0.3)
        assert round_trip(proxy.address) >= 0.6      # 0.3 s each way
        proxy.cut()
        with pytest.raises(socket.timeout):         # a partition: no refusal, just silence
            round_trip(proxy.address, timeout=0.5)
        proxy.heal()
        assert round_trip(proxy.address) < 0.5


def test_proxy_cut_drops_open_connections(echo_server):
    with TcpProxy(("127.0.0.1", 0), echo_server) as proxy:
        sock = socket.create_connection(proxy.address, timeout=2)
        sock.sendall(b"a")
        assert sock.recv(4) == b"a"
        proxy.cut()
        sock.settimeout(2)
        try:
            assert sock.recv(4) == b""                # closed by the proxy
        except ConnectionResetError:
            pass
        sock.close()


def test_proxy_program_obeys_stdin_and_exits_with_it(echo_server):
    listen = f"127.0.0.1:{netns_free_port()}"
    process = subprocess.Popen([sys.executable, "-m", "contacts.testing.tcpproxy", "--listen", listen,
                                "--target", f"{echo_server[0]}:{echo_server[1]}"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().startswith("listening")
        address = ("127.0.0.1", int(listen.rsplit(":", 1)[1]))
        assert round_trip(address) < 0.5
        for command, answer in (("cut", "ok"), ("bogus", "error unknown command 'bogus'"), ("heal", "ok")):
            process.stdin.write(command + "\n")
            process.stdin.flush()
            assert process.stdout.readline().strip() == answer
        assert round_trip(address) < 0.5
        process.stdin.close()
        assert process.wait(5) == 0
    finally:
        process.kill()


def netns_free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVER = ("import socket\n"
          "s = socket.create_server(('0.0.0.0', 7000))\n"
          "print('up', flush=True)\n"
          "while True:\n"
          "    c, a = s.accept(); c.sendall(a[0].encode()); c.close()\n")
PROBE = ("import socket, sys\n"
         "try:\n"
         "    c = socket.create_connection((sys.argv[1], 7000), timeout=0.7); print(c.recv(64).decode())\n"
         "except OSError as e:\n"
         "    print('unreachable', type(e).__name__)\n")


@needs_netns
def test_hosts_reach_each_other_until_links_are_taken_down():
    with netns.Network(["a", "b", "c"], pairs=True) as network:
        server = subprocess.Popen(network.command("b", [sys.executable, "-c", SERVER]),
                                  stdout=subprocess.PIPE, text=True)
        assert server.stdout.readline().strip() == "up"
        b = network.address("b")

        def reach(source):
            argv = [sys.executable, "-c", PROBE, b]
            argv = network.command(source, argv) if source else argv
            return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip()

        # each host is a host: b sees a's and c's own addresses, and the root's gateway address
        assert reach("a") == network.address("a")
        assert reach("c") == network.address("c")
        assert reach(None) == network.gateway
        network.cut("a", "b")
        assert reach("a").startswith("unreachable")
        assert reach("c") == network.address("c") and reach(None) == network.gateway
        network.heal()
        assert reach("a") == network.address("a")
        network.isolate("b")
        assert all(reach(h).startswith("unreachable") for h in ("a", "c", None))
        network.heal()
        assert reach(None) == network.gateway
        namespaces = {host.namespace for host in network.hosts.values()}
    # closing killed the server inside and removed every namespace and link of the run
    assert server.wait(5) is not None
    left = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert not any(ns in left for ns in namespaces)
    links = subprocess.run(["ip", "-o", "link", "show"], capture_output=True, text=True).stdout
    assert network.stem not in links


@needs_netns
def test_runs_left_behind_by_a_dead_owner_are_cleaned_up():
    network = netns.Network(["a"]).start()
    # pretend the owner was SIGKILLed: its record names a pid that no longer exists
    (netns.STATE_DIR / network.run_id).write_text("999999999\n")
    netns.cleanup_stale()
    assert network.hosts["a"].namespace not in subprocess.run(["ip", "netns", "list"], capture_output=True,
                                                              text=True).stdout
    network.close()


def test_pooled_connection_closed_by_the_other_end_is_not_a_dead_replica(tmp_path):
    """Found by the chaos run: after a link reset, the client's idle pooled connection to a
    live replica failed at once ('receiving: not enough data'), so failover skipped that
    replica and a call gave up while it was serving."""
    from contacts.testing.faults.cluster import HostsCluster
    from contacts.client.proxy_pool import ProxyPool
    with HostsCluster(tmp_path / "cluster", 1, hosts="loopback") as cluster:
        cluster.start()
        pool = ProxyPool()
        uri = cluster.replica_uri(1)
        with pool.borrow(uri, 2) as proxy:
            proxy.ping()
        cluster.proxy_command(1, "cut")      # drops every open connection, the idle one too
        cluster.proxy_command(1, "heal")
        with pool.borrow(uri, 2) as proxy:
            assert proxy.ping()["replica_id"] == 1
        pool.close()
