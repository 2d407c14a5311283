"""Where an acknowledged write's time goes (not a test): CPU per write, per process.

    python bench/write_path.py [--seconds 4] [--writes 3000]

issue 7 asks for acknowledged writes at 0.5x the raw Pyro5 round trip; this shows what a
write costs beside one, measured in one run on this machine:

- raw Pyro5: round trips/s of the echo daemon (bench/replication.py) and the CPU one call
  costs the server and the caller, with serpent (Pyro5's default) and json;
- in process, no Pyro5: what ContactBook.add_contact costs (validation, SQLite, fsync) with
  the replicas' settings, and the same without the fsync (synchronous=OFF) and without
  validation, so each part's share is a difference of two rows;
- one client writing through a bare proxy to replica 1 of a lone replica and of a
  3-replica cluster: writes/s, and CPU time per write of the client, of replica 1 and of
  each peer (utime + stime from /proc, counted until the peers hold every write).

Every process here shares the machine's cores: with 3 replicas on 2 cores the peers'
CPU is taken from the writer's.
"""
import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from Pyro5.api import Proxy  # noqa: E402

import measure  # noqa: E402  bench/measure.py
import replication as replication_bench  # noqa: E402  bench/replication.py
from contacts import pyro_settings
from contacts.replica.book import ContactBook
from contacts.cluster import LocalCluster, wait_until
from contacts.config import Settings
from contacts.replica.store import ContactStore

contact = replication_bench.contact
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a process, from /proc (clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def raw(uri, serializer, seconds):
    """Echo round trips/s, and server and caller CPU per call."""
    with Proxy(uri) as proxy:
        proxy._pyroSerializer = serializer
        one = contact(1)
        proxy.echo(one)
        calls = [0]

        def call():
            proxy.echo(one)
            calls[0] += 1
        server, caller = cpu_seconds(ECHO.pid), own_cpu()
        rate = measure.rate(call, seconds)
        return rate, (cpu_seconds(ECHO.pid) - server) / calls[0], (own_cpu() - caller) / calls[0]


def in_process(writes, fsync=True, validate=True):
    """Wall and CPU seconds per add_contact on a ContactBook without Pyro5."""
    with tempfile.TemporaryDirectory(prefix="bench-write-path-") as directory:
        store = ContactStore(directory, 1)
        if not fsync:
            store._db.execute("PRAGMA synchronous=OFF")
        book = ContactBook(store, Settings())
        contacts = [contact(n) for n in range(writes)]
        if not validate:  # what validation leaves: the normalized fields, written directly
            from contacts.model import normalize_new_contact
            fields = [normalize_new_contact(c, "US")[1] for c in contacts]
        wall, cpu = time.perf_counter(), time.process_time()
        for n in range(writes):
            if validate:
                book.add_contact(contacts[n])
            else:
                with store.write_lock:
                    store.write_local(f"c{n}", {**fields[n], "deleted": False})
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        store.close()
    return wall / writes, cpu / writes


def through_cluster(replicas, serializer, seconds):
    """One bare-proxy client on replica 1: writes/s and CPU per write of every process."""
    with tempfile.TemporaryDirectory(prefix="bench-write-path-") as base:
        cluster = LocalCluster(base)
        try:
            cluster.start(replicas)
            uris = {n: cluster.uri(n) for n in range(1, replicas + 1)}
            pids = {n: process.pid for n, process in cluster.replicas.items()}
            with Proxy(uris[1]) as proxy:
                proxy._pyroSerializer = serializer
                proxy.add_contact(contact(0))
                counter = iter(range(1, 10 ** 8))
                writes = [0]

                def write():
                    proxy.add_contact(contact(next(counter)))
                    writes[0] += 1
                before = {n: cpu_seconds(pid) for n, pid in pids.items()}
                client = own_cpu()
                rate = measure.rate(write, seconds)
                client = own_cpu() - client
                held = replication_bench.vector_of(uris[1])
            for n in range(2, replicas + 1):
                wait_until(lambda: replication_bench.vector_of(uris[n]).get("1", 0) >= held.get("1", 0),
                           60, interval=0.02, what=f"replica {n} to hold every write")
            spent = {n: (cpu_seconds(pid) - before[n]) / writes[0] for n, pid in pids.items()}
        finally:
            cluster.stop()
    return rate, client / writes[0], spent


def us(seconds):
    return f"{seconds * 1e6:,.0f} us"


def main():
    global ECHO
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each rate measurement (4 s)")
    parser.add_argument("--writes", type=int, default=3000, help="writes per in-process measurement (3000)")
    args = parser.parse_args()
    pyro_settings.apply()
    rows = []
    ECHO, echo_uri = replication_bench.start_echo_server()
    try:
        raws = {s: raw(echo_uri, s, args.seconds) for s in ("serpent", "json")}
    finally:
        ECHO.terminate()
        ECHO.wait(10)
    for serializer, (rate, server, caller) in raws.items():
        rows.append((f"raw Pyro5 round trip ({serializer})", f"{rate:,.0f} calls/s",
                     f"server {us(server)}, caller {us(caller)} CPU per call"))
    full = in_process(args.writes)
    no_fsync = in_process(args.writes, fsync=False)
    bare = in_process(args.writes, validate=False)
    rows.append(("add_contact in process (validation, SQLite, fsync)", f"{us(full[0])} wall",
                 f"{us(full[1])} CPU"))
    rows.append(("  the same without fsync (synchronous=OFF)", f"{us(no_fsync[0])} wall",
                 f"{us(no_fsync[1])} CPU: the fsync costs {us(full[0] - no_fsync[0])} wall"))
    rows.append(("  the store alone (fields already validated, no ContactBook)", f"{us(bare[0])} wall",
                 f"{us(bare[1])} CPU: validation and ContactBook cost {us(full[1] - bare[1])} CPU"))
    raw_serpent = raws["serpent"][0]
    for replicas in (1, 3):
        for serializer in ("serpent", "json"):
            rate, client, spent = through_cluster(replicas, serializer, args.seconds)
            peers = ", ".join(f"replica {n} {us(spent[n])}" for n in sorted(spent) if n != 1)
            rows.append((f"1 client, {serializer}, {replicas} replica{'s' if replicas > 1 else ''}",
                         f"{rate:,.0f} writes/s",
                         f"{rate / raw_serpent:.2f}x raw serpent"
                         + (f", {rate / raws[serializer][0]:.2f}x raw {serializer}" if serializer != "serpent" else "")
                         + f"; CPU per write: client {us(client)}, replica 1 {us(spent[1])}"
                         + (f", {peers}" if peers else "")))
    replication_bench.print_table(f"where a write's time goes; {os.cpu_count()} cores, Python "
                                  f"{sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}", rows, "detail")
    return 0


if __name__ == "__main__":
    sys.exit(main())
