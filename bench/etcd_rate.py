"""etcd's acknowledged write rate, 3 members on loopback: the reference issue 17 compares to.

    python bench/etcd_rate.py [--seconds 5] [--clients 8] [--dir DIR]

etcd is what one would run to keep a small replicated store: Raft, and a put is answered
once a majority of members has it fsynced in its write-ahead log (the promise of this
project's ``--ack peer``: two of three replicas have the write on disk).  Three ``etcd``
processes on loopback, data dirs in ``--dir`` (bench/run.py passes the directory the
replicas use, so both write to the same disk); clients speak its HTTP/JSON gateway, as a
Python program without a gRPC stack would: one keep-alive connection per client, each
``POST /v3/kv/put`` one contact (JSON, base64 as the gateway wants), on the leader.  8
clients are 8 processes, as for the replicas.

Needs the ``etcd`` binary (Debian/Ubuntu: ``apt-get install etcd-server``, etcd 3.4);
``available()`` says whether it is there.
"""
import argparse
import base64
import http.client
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

import measure  # noqa: E402  bench/measure.py
from contacts.cluster import free_port, wait_until  # noqa: E402

MEMBERS = 3


def available():
    return shutil.which("etcd") is not None


def version():
    out = subprocess.run(["etcd", "--version"], capture_output=True, text=True).stdout
    return out.split("\n")[0].replace("etcd Version: ", "").strip()


def _post(connection, path, body):
    connection.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    data = answer.read()
    if answer.status != 200:
        raise RuntimeError(f"etcd {path}: HTTP {answer.status} {data[:200]!r}")
    return json.loads(data)


def _b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


class EtcdCluster:
    """Three etcd members on loopback, each its own process and data dir under ``base``."""

    def __init__(self, base):
        self.base = Path(base)
        self.peer_ports = [free_port() for _ in range(MEMBERS)]
        self.client_ports = [free_port() for _ in range(MEMBERS)]
        self.processes = []

    def start(self, timeout=30):
        initial = ",".join(f"m{i}=http://127.0.0.1:{port}" for i, port in enumerate(self.peer_ports))
        for i in range(MEMBERS):
            data_dir = self.base / f"etcd-{i}"
            log = open(self.base / f"etcd-{i}.log", "w")
            self.processes.append(subprocess.Popen([
                "etcd", "--name", f"m{i}", "--data-dir", str(data_dir),
                "--listen-peer-urls", f"http://127.0.0.1:{self.peer_ports[i]}",
                "--initial-advertise-peer-urls", f"http://127.0.0.1:{self.peer_ports[i]}",
                "--listen-client-urls", f"http://127.0.0.1:{self.client_ports[i]}",
                "--advertise-client-urls", f"http://127.0.0.1:{self.client_ports[i]}",
                "--initial-cluster", initial, "--initial-cluster-state", "new",
                "--initial-cluster-token", "bench", "--logger", "zap", "--log-level", "warn"],
                stdout=log, stderr=subprocess.STDOUT))
            log.close()
        return wait_until(self.leader, timeout, interval=0.1, what="etcd to elect a leader")

    def leader(self):
        """(host, port) of the leader's client URL, once every member answers and one leads."""
        statuses = []
        for port in self.client_ports:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                statuses.append((port, _post(connection, "/v3/maintenance/status", {})))
                connection.close()
            except (OSError, RuntimeError, ValueError):
                return None
        for port, status in statuses:
            if status.get("leader") and status["leader"] == status["header"]["member_id"]:
                return "127.0.0.1", port
        return None

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def put_rate(address, seconds, value, first=0):
    """Acknowledged puts/s of one keep-alive HTTP client: key contact-N, the contact as JSON."""
    connection = http.client.HTTPConnection(*address, timeout=30)
    body = _b64(json.dumps(value))
    counter = iter(range(first, first + 10 ** 8))
    _post(connection, "/v3/kv/put", {"key": _b64("warm"), "value": body})  # connected outside the clock
    rate = measure.rate(lambda: _post(connection, "/v3/kv/put", {"key": _b64(f"contact-{next(counter)}"),
                                                                 "value": body}), seconds)
    connection.close()
    return rate


def client_worker(host, port, seconds, first, value):
    """One client process: connect, say ready, wait for 'go', put for ``seconds``."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    body = _b64(json.dumps(value))
    _post(connection, "/v3/kv/put", {"key": _b64(f"warm-{first}"), "value": body})
    print("ready", flush=True)
    sys.stdin.readline()
    done, started = 0, time.perf_counter()
    while True:
        _post(connection, "/v3/kv/put", {"key": _b64(f"contact-{first + done}"), "value": body})
        done += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    print(json.dumps({"writes": done, "seconds": elapsed}), flush=True)


def concurrent_put_rate(address, clients, seconds, value):
    """Aggregate acknowledged puts/s of ``clients`` client processes started together."""
    results = measure.run_together([[sys.executable, str(HERE), "--client-worker", address[0], str(address[1]),
                                     str(seconds), str(i * 10_000_000), json.dumps(value)] for i in range(clients)])
    return sum(r["writes"] for r in results) / max(r["seconds"] for r in results)


def measure_etcd(base, seconds, clients, value):
    """{"one": puts/s of 1 client, "many": of ``clients`` processes, "version": ...}."""
    cluster = EtcdCluster(base)
    try:
        address = cluster.start()
        return {"one": put_rate(address, seconds, value), "many": concurrent_put_rate(address, clients, seconds, value),
                "version": version()}
    finally:
        cluster.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--dir", help="where the data dirs go (default: a temp dir)")
    parser.add_argument("--client-worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_worker:
        host, port, seconds, first, value = args.client_worker
        return client_worker(host, int(port), float(seconds), int(first), json.loads(value))
    if not available():
        print("etcd is not installed (apt-get install etcd-server)")
        return 1
    from typical_contact import typical
    with tempfile.TemporaryDirectory(prefix="bench-etcd-", dir=args.dir) as base:
        result = measure_etcd(base, args.seconds, args.clients, typical(1))
    print(f"etcd {result['version']}, 3 members, HTTP/JSON gateway, the typical contact: 1 client "
          f"{result['one']:,.0f} puts/s, {args.clients} client processes {result['many']:,.0f} puts/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
