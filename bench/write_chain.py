"""One client's write, step by step (not a test): where the single-client latency goes.

    python bench/write_chain.py [--seconds 3] [--typical]

issue 7 asks one client's acknowledged writes to reach 0.5x the raw Pyro5 round-trip rate:
a write may take two raw round trips.  Each row here adds one step to the one before, all
timed in this run as p50 latency of one client calling one server process over loopback:

1. the raw round trip: echo one contact dict (what bench/run.py calls "raw");
2. the same call answering with a stored contact (what add_contact returns is bigger);
3. plus validation (contacts.model.normalize_new_contact);
4. plus ContactBook.add_contact on a store without fsync (synchronous=OFF), no peers;
5. plus the fsync: add_contact as a lone replica's store does it (synchronous=FULL);
6. a real 3-replica cluster (LocalCluster), ack=local: plus pushing to the peers, whose
   CPU shares the machine's 2 cores;
7. the same cluster with ack=peer: plus a peer's round trip, apply and fsync.

``--typical`` writes bench/typical_contact.py's typical phone-export contact (issue 17)
instead of the plain five-field one.

bench/write_path.py gives the same costs as CPU per process; docs/benchmarks.md reads both.
"""
import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from Pyro5.api import Daemon, Proxy, behavior, expose  # noqa: E402

import replication as replication_bench  # noqa: E402  bench/replication.py
import typical_contact  # noqa: E402  bench/typical_contact.py
from contacts import pyro_settings
from contacts.replica.book import ContactBook
from contacts.cluster import LocalCluster
from contacts.config import Settings
from contacts.model import normalize_new_contact
from contacts.replica.store import ContactStore

contact = replication_bench.contact
SERIALIZERS = ("serpent", "json")


def serve(fsync):
    """The step server: one Pyro5 object whose methods stop at each step (a subprocess)."""
    pyro_settings.apply()
    pyro_settings.harden_server_serializers()
    store = ContactStore(tempfile.mkdtemp(prefix="bench-write-chain-"), 1)
    if not fsync:
        store._db.execute("PRAGMA synchronous=OFF")
    book = ContactBook(store, Settings())
    stored = book.add_contact(contact(10 ** 9))

    @expose
    @behavior(instance_mode="single")
    class Steps:
        def echo(self, item):
            return item

        def answer(self, item):
            return stored

        def validate(self, item):
            normalize_new_contact(item, book.settings.default_region)
            return stored

        def add_contact(self, item):
            return book.add_contact(item)

    daemon = Daemon(host="127.0.0.1")
    print(daemon.register(Steps(), "steps"), flush=True)
    daemon.requestLoop()


def p50(uri, method, serializer, seconds, numbers):
    """Median latency of ``method`` (one new contact per call) over about ``seconds``."""
    with Proxy(uri) as proxy:
        proxy._pyroSerializer = serializer
        proxy._pyroTimeout = 30
        call = getattr(proxy, method)
        for _ in range(50):  # connection, caches, the WAL's first growth
            call(contact(next(numbers)))
        times, started = [], time.perf_counter()
        while time.perf_counter() - started < seconds:
            begun = time.perf_counter()
            call(contact(next(numbers)))
            times.append(time.perf_counter() - begun)
    return statistics.median(times)


def step_server(fsync):
    process = subprocess.Popen([sys.executable, __file__, "--serve", "fsync" if fsync else "no-fsync"]
                               + (["--typical"] if contact is typical_contact.typical else []),
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return process, process.stdout.readline().strip()


def measure(seconds):
    numbers = itertools.count(1)
    steps = {s: {} for s in SERIALIZERS}
    for fsync in (False, True):
        process, uri = step_server(fsync)
        try:
            methods = ("echo", "answer", "validate", "add_contact") if not fsync else ("add_contact",)
            for serializer in SERIALIZERS:
                for method in methods:
                    steps[serializer][method if not fsync else "fsync"] = p50(uri, method, serializer, seconds, numbers)
        finally:
            process.kill()
            process.wait(10)
    for ack in ("local", "peer"):
        with tempfile.TemporaryDirectory(prefix="bench-write-chain-") as base:
            cluster = LocalCluster(base, replica_args=("--ack", ack))
            try:
                cluster.start(3)
                for serializer in SERIALIZERS:
                    steps[serializer][f"cluster {ack}"] = p50(cluster.uri(1), "add_contact", serializer, seconds,
                                                              numbers)
            finally:
                cluster.stop()
    return steps


ROWS = (("echo", "raw round trip: echo one contact dict"),
        ("answer", "  answering with a stored contact (add_contact's answer)"),
        ("validate", "  + validation"),
        ("add_contact", "  + ContactBook.add_contact, store without fsync"),
        ("fsync", "  + the fsync: a lone replica's add_contact"),
        ("cluster local", "3-replica cluster, ack=local"),
        ("cluster peer", "3-replica cluster, ack=peer"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each measurement (3 s)")
    parser.add_argument("--serve", choices=("fsync", "no-fsync"), help=argparse.SUPPRESS)
    parser.add_argument("--typical", action="store_true", help="write the typical phone-export contact")
    args = parser.parse_args()
    if args.typical:
        global contact
        contact = typical_contact.typical
    if args.serve:
        return serve(args.serve == "fsync")
    pyro_settings.apply()
    steps = measure(args.seconds)
    rows = []
    for key, label in ROWS:
        cells = []
        for serializer in SERIALIZERS:
            got = steps[serializer]
            previous = ROWS[[k for k, _ in ROWS].index(key) - 1][0] if key not in ("echo", "cluster local") else None
            added = f" (+{(got[key] - got[previous]) * 1e6:,.0f})" if previous else ""
            cells.append(f"{got[key] * 1e6:,.0f} us{added} = {got['echo'] / got[key]:.2f}x raw")
        rows.append((label, *cells))
    replication_bench.print_table(
        f"one client's write, step by step: p50 latency, and the rate it allows as a ratio to the raw round "
        f"trip of the same serializer; the {'typical' if args.typical else 'plain'} contact; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
        rows, last_column="json", figure_column="serpent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
