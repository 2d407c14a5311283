"""pysyncobj's synchronous write rate on 3 loopback nodes: references bench/run.py compares to.

    python bench/syncobj_rate.py [--seconds 5] [--served]

pysyncobj is the Python library people use to replicate a dict over Raft.  Each of the 3
nodes is its own process holding a ``ReplDict``; the leader's process writes one contact
dict per ``set(..., sync=True)`` (the call returns once a majority holds the entry and the
leader applied it) for ``--seconds``, from one thread.  Tuned as its docs suggest for
latency: ``appendEntriesUseBatch=False`` (with the default, each entry waits for the next
append period: about 5 writes/s).  pysyncobj keeps its log in memory and does not fsync,
so this is a rate without durability; the contact list's acknowledged writes are fsynced.

``--served`` (issue 17): what a user would build instead of this project, measured the way
its clients write: the leader's process also serves a Pyro5 object whose ``set`` does
``ReplDict.set(key, value, sync=True)``, and a remote client (a bare Pyro5 proxy, serpent,
in the calling process) calls it in a loop.
"""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def available():
    try:
        import pysyncobj  # noqa: F401
    except ImportError:
        return False
    return True


class ReplDictService:
    """The Pyro5 object a served pysyncobj leader exposes: one replicated, synchronous set."""

    def __init__(self, replicated):
        self.replicated = replicated

    def set(self, key, value):
        self.replicated.set(key, value, sync=True, timeout=10)


def serve(replicated):
    """A Pyro5 daemon in this (the leader's) process, serving ReplDictService; its URI."""
    import threading

    from Pyro5.api import Daemon, behavior, expose
    sys.path.insert(0, str(HERE.parent.parent))
    from contacts import pyro_settings
    pyro_settings.apply()  # the replicas' Pyro5 settings (no Nagle, threads)
    service = behavior(instance_mode="single")(expose(ReplDictService))(replicated)
    daemon = Daemon(host="127.0.0.1")
    uri = daemon.register(service, "bench.repldict")
    threading.Thread(target=daemon.requestLoop, daemon=True).start()
    return str(uri)


def run_node(index, ports, seconds, value, served=False):
    """One Raft node; the leader measures and prints its rate as one JSON line (``served``:
    serves ReplDictService over Pyro5 instead and prints its URI)."""
    from pysyncobj import SyncObj, SyncObjConf
    from pysyncobj.batteries import ReplDict

    addresses = [f"127.0.0.1:{port}" for port in ports]
    conf = SyncObjConf(appendEntriesUseBatch=False, dynamicMembershipChange=False)
    replicated = ReplDict()
    node = SyncObj(addresses[index], [a for i, a in enumerate(addresses) if i != index],
                   consumers=[replicated], conf=conf)
    deadline = time.monotonic() + 30
    while node._getLeader() is None or not node.isReady():
        if time.monotonic() > deadline:
            print(json.dumps({"error": "no leader after 30 s"}), flush=True)
            return 1
        time.sleep(0.05)  # waiting for an election, outside any measurement
    if not node._isLeader():
        print(json.dumps({"role": "follower"}), flush=True)
        sys.stdin.read()  # the orchestrator closes stdin when the leader is done
        node.destroy()
        return 0
    for n in range(200):  # warm-up: connections up, followers' logs caught up
        replicated.set(f"warm-{n}", value, sync=True, timeout=10)
    if served:
        print(json.dumps({"role": "leader", "uri": serve(replicated)}), flush=True)
        sys.stdin.read()
        node.destroy()
        return 0
    done, started = 0, time.perf_counter()
    while True:
        replicated.set(f"contact-{done}", value, sync=True, timeout=10)
        done += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    print(json.dumps({"role": "leader", "writes": done, "seconds": elapsed, "rate": done / elapsed}),
          flush=True)
    sys.stdin.read()
    node.destroy()
    return 0


def measure(seconds=5.0, value=None, free_port=None, served=False, serializers=("serpent",)):
    """Synchronous writes/s of a 3-node pysyncobj cluster: one writer on the leader, or with
    ``served`` one remote Pyro5 client of the leader's ReplDictService, once per serializer
    (its rates under "rates": {serializer: writes/s}; "rate" is the first's)."""
    if free_port is None:
        from contacts.cluster import free_port
    ports = [free_port() for _ in range(3)]
    value = value or {"name": "Person 000001", "phones": [{"label": "mobile", "number": "+1 212 555 0001"}]}
    nodes = [subprocess.Popen([sys.executable, str(HERE), "--node", str(i), "--ports", ",".join(map(str, ports)),
                               "--seconds", str(seconds), "--value", json.dumps(value)] + (["--served"] * served),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
             for i in range(3)]
    try:
        answers = [json.loads(node.stdout.readline() or '{"error": "node exited"}') for node in nodes]
        leaders = [a for a in answers if a.get("role") == "leader"]
        if served and len(leaders) == 1:
            rates = {s: remote_client(leaders[0]["uri"], seconds, value, s) for s in serializers}
            leaders[0].update(rates={s: r["rate"] for s, r in rates.items()}, **rates[serializers[0]])
    finally:
        for node in nodes:
            try:
                node.stdin.close()
            except OSError:
                pass
        for node in nodes:
            try:
                node.wait(10)
            except subprocess.TimeoutExpired:
                node.kill()
                node.wait(5)
    if len(leaders) != 1:
        raise RuntimeError(f"pysyncobj run failed: {answers}")
    return leaders[0]


def remote_client(uri, seconds, value, serializer="serpent"):
    """A bare Pyro5 proxy (serpent, as a REPL user's, or json, as ContactsClient speaks)
    setting one contact per call."""
    from Pyro5.api import Proxy
    import measure as bench_measure  # bench/measure.py
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy._pyroSerializer = serializer
        proxy.set("warm-remote", value)  # connected outside the clock
        counter = iter(range(10 ** 8))
        rate = bench_measure.rate(lambda: proxy.set(f"contact-{next(counter)}", value), seconds)
    return {"rate": rate, "writes": next(counter), "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--node", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ports", help=argparse.SUPPRESS)
    parser.add_argument("--value", help=argparse.SUPPRESS)
    parser.add_argument("--served", action="store_true", help="a remote Pyro5 client writes through the leader")
    args = parser.parse_args()
    if args.node is not None:
        return run_node(args.node, [int(p) for p in args.ports.split(",")], args.seconds, json.loads(args.value),
                        args.served)
    sys.path.insert(0, str(HERE.parent.parent))
    sys.path.insert(0, str(HERE.parent))
    from typical_contact import typical
    result = measure(args.seconds, typical(1), served=args.served)
    how = "served over Pyro5, one remote client" if args.served else "one thread on the leader"
    print(f"pysyncobj 3 nodes, sync=True, appendEntriesUseBatch=False, {how}, the typical contact: "
          f"{result['rate']:,.0f} writes/s ({result['writes']} in {result['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
