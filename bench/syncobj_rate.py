"""pysyncobj's synchronous write rate on 3 loopback nodes: the reference bench/run.py compares to.

    python bench/syncobj_rate.py [--seconds 5]

pysyncobj is the Python library people use to replicate a dict over Raft.  Each of the 3
nodes is its own process holding a ``ReplDict``; the leader's process writes one contact
dict per ``set(..., sync=True)`` (the call returns once a majority holds the entry and the
leader applied it) for ``--seconds``, from one thread.  Tuned as its docs suggest for
latency: ``appendEntriesUseBatch=False`` (with the default, each entry waits for the next
append period: about 5 writes/s).  pysyncobj keeps its log in memory and does not fsync,
so this is a rate without durability; the contact list's acknowledged writes are fsynced.
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


def run_node(index, ports, seconds, value):
    """One Raft node; the leader measures and prints its rate as one JSON line."""
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


def measure(seconds=5.0, value=None, free_port=None):
    """Synchronous writes/s of a 3-node pysyncobj cluster (one writer on the leader)."""
    if free_port is None:
        from contacts.cluster import free_port
    ports = [free_port() for _ in range(3)]
    value = value or {"name": "Person 000001", "phones": [{"label": "mobile", "number": "+1 212 555 0001"}]}
    nodes = [subprocess.Popen([sys.executable, str(HERE), "--node", str(i), "--ports", ",".join(map(str, ports)),
                               "--seconds", str(seconds), "--value", json.dumps(value)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
             for i in range(3)]
    try:
        answers = [json.loads(node.stdout.readline() or '{"error": "node exited"}') for node in nodes]
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
    leaders = [a for a in answers if a.get("role") == "leader"]
    if len(leaders) != 1:
        raise RuntimeError(f"pysyncobj run failed: {answers}")
    return leaders[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--node", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ports", help=argparse.SUPPRESS)
    parser.add_argument("--value", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.node is not None:
        return run_node(args.node, [int(p) for p in args.ports.split(",")], args.seconds, json.loads(args.value))
    sys.path.insert(0, str(HERE.parent.parent))
    result = measure(args.seconds)
    print(f"pysyncobj 3 nodes, sync=True, appendEntriesUseBatch=False: {result['rate']:,.0f} writes/s "
          f"({result['writes']} in {result['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
