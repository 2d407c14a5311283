"""What listing by first or last name costs a replica (issue 16), beside the name order and raw Pyro5.

    python bench/name_order.py [--contacts 100000] [--seconds 2]

In one run, on one replica process (a temp dir) holding ``--contacts`` contacts with structured
names (every 50th starred, every 10th in one of 5 groups), through a bare Pyro5 proxy (serpent):

- calls/s of ``list_contacts(offset, 500, order=...)`` for the orders "name", "first" and "last",
  at the top, the middle and the end of the book (offset paging, as the window's big-book mode
  reads), and of a group's first 500 (``group=``) and ``count_contacts(breakdown=True)``;
- the raw baseline: calls/s of a bare Pyro5 daemon (its own process) answering a small call
  with the same 500-contact page, read from memory; the ratio is to it;
- the start-up of a replica on a schema-2 data dir of that size (the migration fills the order
  columns and the group table), beside a plain restart;
- the store's own query for each page (ContactStore.list_states in this process, the replica
  stopped: no serialization), median ms of 5: what the order's index costs by itself.
"""
import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import json  # noqa: E402
import subprocess  # noqa: E402

from Pyro5.api import Daemon, Proxy, expose  # noqa: E402

from contacts import pyro_settings  # noqa: E402
from contacts.cluster import LocalCluster  # noqa: E402
from contacts.replica.store import ContactStore  # noqa: E402
from measure import rate  # noqa: E402


@expose
class PageServer:
    """The raw baseline: the page, from memory, as fast as Pyro5 answers it."""
    page = []

    def list_contacts(self, *_):
        return self.page


def serve_page(path):
    pyro_settings.apply()
    PageServer.page = json.loads(Path(path).read_text())
    with Daemon(host="127.0.0.1") as daemon:
        print(daemon.register(PageServer, "bench.page"), flush=True)
        daemon.requestLoop()


def start_page_server(page, directory):
    path = Path(directory) / "page.json"
    path.write_text(json.dumps(page))
    process = subprocess.Popen([sys.executable, __file__, "--page-server", str(path)], stdout=subprocess.PIPE,
                               text=True)
    return process, process.stdout.readline().strip()

PAGE = 500
GIVEN = ["Ana", "João", "Álvaro", "Maria", "bruno", "Zélia", "Carla", "Otávio", "Lúcia", "Pedro"]
FAMILY = ["Souza", "Silva", "Amaral", "Costa", "Barros", "Zanetti", "Oliveira", "Pereira", "Lima", "Gomes"]


def fill(cluster, count, batch=1000):
    with cluster.proxy(1, timeout=60) as proxy:
        info = proxy.ping()
        seq, counter = info["vector"].get("1", 0), info["clock"]
        for start in range(1, count + 1, batch):
            updates = []
            for n in range(start, min(start + batch, count + 1)):
                given, family = GIVEN[n % 10], FAMILY[(n // 10) % 10]
                changes = {"name": f"{given} {family} {n}", "n": {"given": [given], "family": [f"{family} {n}"]},
                           "starred": n % 50 == 0, "deleted": False}
                if n % 10 == 0:
                    changes["groups"] = {"add": [f"Group {n % 5}"], "remove": {}}
                updates.append({"origin": 1, "seq": seq + n, "counter": counter + n,
                                "contact_id": f"bulk-{n:06d}", "changes": changes})
            proxy.apply_updates(updates)


def as_schema_2(path):
    """Take schema 3's additions out of a data dir: what the previous release left."""
    db = sqlite3.connect(path)
    for index in ("contacts_by_first", "contacts_by_last"):
        db.execute(f"DROP INDEX {index}")
    for column in ("first_key", "last_key", "unstarred"):
        db.execute(f"ALTER TABLE contacts DROP COLUMN {column}")
    db.execute("DROP TABLE contact_groups")
    db.execute("UPDATE meta SET value='2' WHERE key='schema'")
    db.commit()
    db.close()


def median_ms(call, times=5):
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        spent.append((time.perf_counter() - started) * 1000)
    return sorted(spent)[times // 2]


def timed_start(cluster):
    started = time.perf_counter()
    cluster.start_replica(1, timeout=600)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--page-server", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.page_server:
        return serve_page(args.page_server)
    echo = None
    with tempfile.TemporaryDirectory() as tmp:
        cluster = LocalCluster(Path(tmp) / "cluster")
        try:
            cluster.start(1)
            fill(cluster, args.contacts)
            rows = []
            with Proxy(cluster.uri(1)) as proxy:
                proxy._pyroTimeout = 60
                echo, echo_uri = start_page_server(proxy.list_contacts(0, PAGE), tmp)
                with Proxy(echo_uri) as raw:
                    baseline = rate(lambda: raw.list_contacts(0, PAGE), args.seconds)
                for order in ("name", "first", "last"):
                    for where, offset in (("top", 0), ("middle", args.contacts // 2),
                                          ("end", args.contacts - PAGE)):
                        rows.append((f"list_contacts({where}, {PAGE}, order={order!r})",
                                     rate(lambda: proxy.list_contacts(offset, PAGE, None, None, order), args.seconds)))
                rows.append((f"list_contacts(0, {PAGE}, order='last', group=...)",
                             rate(lambda: proxy.list_contacts(0, PAGE, None, None, "last", False, "Group 0"),
                                  args.seconds)))
                rows.append(("count_contacts(breakdown=True)",
                             rate(lambda: proxy.count_contacts(True), args.seconds)))
            cluster.stop_replica(1)
            restart = timed_start(cluster)
            cluster.stop_replica(1)
            as_schema_2(cluster.data_dir(1) / "contacts.sqlite3")
            migrated = timed_start(cluster)
            with cluster.proxy(1, timeout=60) as proxy:
                assert proxy.ping()["schema"] == 3
                first = proxy.list_contacts(0, 1, None, None, "last")[0]
                assert first["starred"], first   # the order keys were filled: starred first
            cluster.stop_replica(1)
            store = ContactStore(cluster.data_dir(1), 1, index_delay=None)
            queries = []
            for order in ("name", "first", "last"):
                for where, offset in (("top", 0), ("middle", args.contacts // 2), ("end", args.contacts - PAGE)):
                    queries.append((f"list_states({where}, {PAGE}, order={order!r})",
                                    median_ms(lambda: store.list_states(True, offset, PAGE, None, order))))
            queries.append(("scope_counts()", median_ms(store.scope_counts)))
            store.close()
        finally:
            cluster.stop()
            if echo is not None:
                echo.kill()
    print(f"\n{args.contacts:,} contacts, {os.cpu_count()} cores; raw Pyro5 answer of the same {PAGE}-contact page:"
          f" {baseline:.1f}/s\n")
    print(f"| call | calls/s | ratio to raw |\n|---|---:|---:|")
    for what, value in rows:
        print(f"| {what} | {value:.1f} | {value / baseline:.2f} |")
    print(f"\nstart-up: plain restart {restart:.2f} s; on a schema-2 data dir (migration) {migrated:.2f} s")
    print("\n| store query (no Pyro5, no serialization) | median ms |\n|---|---:|")
    for what, value in queries:
        print(f"| {what} | {value:.1f} |")


if __name__ == "__main__":
    main()
