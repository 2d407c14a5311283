"""Where a replica's time goes under the write benchmark: py-spy on replica 1 (not a test).

    python bench/profile_replica.py [--seconds 8] [--clients 1] [--out DIR]

Starts a local cluster (name server + 3 replica processes), and for ``--ack local`` then
``--ack peer`` (replica 1 restarted in that mode) has ``--clients`` bare-proxy clients
(serpent, as bench/run.py's write rows) add bench/typical_contact.py's typical contact to
replica 1 while ``py-spy record --pid`` samples it (``--nonblocking``, so the replica is not
paused; once counting every thread that is not idle, once only the thread holding the GIL).
Prints, per mode, the share of samples in each step of a write (a frame anywhere in the
stack: inclusive) and the functions with the most samples of their own, and leaves the raw
collapsed stacks and a flame graph (SVG) in ``--out``.  Needs ``pip install py-spy``.

``--fsyncs``: instead, count the fsync/fdatasync calls of replica 1 and of replica 2 (a
peer) per acknowledged write, with ``strace -f -c`` (which slows the traced processes: the
count per write is the figure, not the rate).
"""
import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from Pyro5.api import Proxy  # noqa: E402

import typical_contact  # noqa: E402  bench/typical_contact.py
from contacts import pyro_settings
from contacts.cluster import LocalCluster

#: the steps of a write: (label, test of one stack, joined with ";", frames as py-spy names them)
def _in_request(stack):
    return "Worker.run (Pyro5/svr_threads.py" in stack


def _in_link(stack):
    return "PeerLink.run (" in stack


STEPS = [
    ("serving client requests (Pyro5 worker threads), all", _in_request),
    ("  request decode (serializer loadsCall)", lambda s: _in_request(s) and "loadsCall (" in s),
    ("  validation (normalize_new_contact)", lambda s: "normalize_new_contact (" in s),
    ("  ContactBook._add: state read, merge, store", lambda s: "_add (contacts/replica/book.py" in s),
    ("    store: apply (_apply)", lambda s: _in_request(s) and "_apply (contacts/replica/store.py" in s),
    ("    store: JSON of state and update (_dumps)", lambda s: _in_request(s) and "_dumps (contacts/replica/store.py" in s),
    ("    store: contact row upsert (_save)", lambda s: _in_request(s) and "_save (contacts/replica/store.py" in s),
    ("  store: commit incl. fsync (GroupCommit.commit_open)", lambda s: _in_request(s) and "commit_open (" in s),
    ("  waiting for another's commit (wait_durable, not committing)",
     lambda s: _in_request(s) and "wait_durable (" in s and "commit_open (" not in s),
    ("  ack=peer: waiting for a peer (wait_held)", lambda s: "wait_held (" in s),
    ("  answer building (to_contact)", lambda s: _in_request(s) and "to_contact (" in s),
    ("  answer encode (serializer dumps)", lambda s: _in_request(s) and "dumps (Pyro5/serializers.py" in s),
    ("  socket receive/send", lambda s: _in_request(s) and "socketutil.py" in s),
    ("peer links (one thread per peer), all", _in_link),
    ("  push: reading own updates back (own_updates_after)", lambda s: _in_link(s) and "own_updates_after (" in s),
    ("  push: encoding the batch (serializer dumpsCall: msgpack, json before the ping)", lambda s: _in_link(s) and "dumpsCall (" in s),
    ("  push: waiting for the peer's answer (socket)", lambda s: _in_link(s) and "_push (" in s and "socketutil.py" in s),
    ("  ping", lambda s: _in_link(s) and "_ping (" in s),
    ("search indexer thread", lambda s: "SearchIndexer" in s or "search_index.py" in s),
]


def stacks(path):
    """[(frames, count)] from py-spy's raw (collapsed) output."""
    out = []
    for line in Path(path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack:
            out.append((stack.split(";"), int(count)))
    return out


def summary(path, top=12):
    samples = stacks(path)
    total = sum(count for _, count in samples) or 1
    inclusive = collections.Counter()
    own = collections.Counter()
    for frames, count in samples:
        joined = ";".join(frames)
        for label, test in STEPS:
            if test(joined):
                inclusive[label] += count
        own[frames[-1].split(" (")[0] + " (" + frames[-1].split(" (")[-1].split(":")[0] + ")"] += count
    lines = [f"  {total:,} samples"]
    lines += [f"  {inclusive[label] / total:6.1%}  {label}" for label, _ in STEPS if inclusive[label]]
    lines.append("  own samples (the innermost frame):")
    lines += [f"  {count / total:6.1%}  {name}" for name, count in own.most_common(top)]
    return "\n".join(lines)


def clients_writing(uri, clients, stop, first, done=None):
    def write(index):
        make = typical_contact.typical
        with Proxy(uri) as proxy:
            proxy._pyroTimeout = 30
            n = first + index * 1_000_000
            while not stop.is_set():
                proxy.add_contact(make(n))
                n += 1
                if done is not None:
                    done[index] += 1
    threads = [threading.Thread(target=write, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    return threads


def record(pid, seconds, out, gil):
    command = ["py-spy", "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "200",
               "--nonblocking", "--format", "raw", "-o", str(out)] + (["--gil"] if gil else [])
    subprocess.run(command, check=True, capture_output=True)
    subprocess.run(["py-spy", "record", "--pid", str(pid), "--duration", "2", "--rate", "100", "--nonblocking",
                    "-o", str(out.with_suffix(".svg"))] + (["--gil"] if gil else []),
                   check=False, capture_output=True)


def fsyncs(pid, seconds):
    """strace's count of fsync + fdatasync calls of ``pid`` (all its threads) over ``seconds``."""
    trace = subprocess.Popen(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "-p", str(pid)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    trace.send_signal(2)  # SIGINT: strace prints its summary and detaches
    report = trace.communicate(timeout=30)[1]
    calls = 0
    for line in report.splitlines():
        fields = line.split()
        if fields and fields[-1] in ("fsync", "fdatasync"):
            calls += int(fields[3])
    return calls


def count_fsyncs(cluster, mode, clients, seconds, first):
    uri, pids = cluster.uri(1), {n: cluster.replicas[n].pid for n in (1, 2)}
    stop, done = threading.Event(), [0] * clients
    threads = clients_writing(uri, clients, stop, first, done)
    try:
        time.sleep(1.0)
        counts, before = {}, sum(done)
        tracers = [threading.Thread(target=lambda n=n: counts.__setitem__(n, fsyncs(pids[n], seconds)))
                   for n in pids]
        for tracer in tracers:
            tracer.start()
        for tracer in tracers:
            tracer.join()
        writes = sum(done) - before
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    print(f"ack={mode}, {clients} client(s): {writes} writes in {seconds:.0f} s under strace; fsync+fdatasync "
          f"per write: replica 1 {counts[1] / max(writes, 1):.2f}, replica 2 (a peer) {counts[2] / max(writes, 1):.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--clients", type=int, default=1, help="client threads writing (1)")
    parser.add_argument("--out", default=str(ROOT / "profiles"), help="where the recordings go (./profiles)")
    parser.add_argument("--modes", default="local,peer")
    parser.add_argument("--fsyncs", action="store_true", help="count fsyncs per write (strace) instead")
    args = parser.parse_args()
    if shutil.which("py-spy") is None:
        print("py-spy is not installed: pip install py-spy")
        return 1
    pyro_settings.apply()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as base, LocalCluster(base) as cluster:
        cluster.start(3)
        for index, mode in enumerate(args.modes.split(",")):
            cluster.stop_replica(1)
            cluster.start_replica(1, "--ack", mode)
            if args.fsyncs:
                count_fsyncs(cluster, mode, args.clients, args.seconds, 10_000_000 * (index + 1))
                continue
            uri, pid = cluster.uri(1), cluster.replicas[1].pid
            stop = threading.Event()
            threads = clients_writing(uri, args.clients, stop, 10_000_000 * (index + 1))
            try:
                time.sleep(1.0)  # connected and writing before the recording starts
                for gil in (False, True):
                    name = f"replica1-ack-{mode}-{args.clients}client{'-gil' if gil else ''}"
                    record(pid, args.seconds, out / f"{name}.txt", gil)
                    print(f"\nack={mode}, {args.clients} client(s), "
                          f"{'the thread holding the GIL' if gil else 'every thread not idle'} "
                          f"({out / name}.txt):")
                    print(summary(out / f"{name}.txt"))
            finally:
                stop.set()
                for thread in threads:
                    thread.join(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
