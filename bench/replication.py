"""Replication benchmark (not a test): how fast replication is next to raw Pyro5.

    python bench/replication.py [--catch-up 50000] [--writes 3000] [--rate 200] [--seconds 10]

Starts, in a temp dir, a tiny Pyro5 echo daemon (its own process) and a local
cluster (name server + 3 replicas, real processes), then measures in one run:

- raw Pyro5: round trips/s of a trivial call carrying one contact dict, and
  contacts/s carried by batched calls (500 update dicts per call), with Pyro5's
  default serializer (serpent) and with json (what peer links use);
- replicated writes/s: clients add contacts on all 3 replicas; the clock stops
  when every replica holds every write;
- replication lag p50/p99 at a steady write rate on replica 1: from the write's
  acknowledgement until replicas 2 and 3 both hold it (their version vectors,
  polled as fast as a round trip allows);
- catch-up: replica 3 is SIGKILLed, replica 1 takes --catch-up updates, replica 3
  restarts; the clock runs from its restart until its vector covers replica 1's.

Each figure is printed beside the raw rate it compares to, with the ratio.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from Pyro5.api import Daemon, Proxy, expose  # noqa: E402

from contacts import pyro_settings
from measure import rate  # noqa: E402  bench/measure.py
from contacts.protocol import MAX_BATCH
from contacts.cluster import LocalCluster, wait_until

BATCH = 500


def contact(n):
    return {"name": f"Person {n:06d}", "organization": f"Org {n % 50}", "notes": "met at a conference",
            "phones": [{"label": "mobile", "number": f"+1 212 555 {n % 10000:04d}"}],
            "emails": [{"label": "work", "address": f"person{n}@example.com"}]}


def update(origin, seq, counter, n):
    """A replication update as peers send it (phones carry their E.164 form)."""
    changes = contact(n)
    changes["phones"] = [dict(p, e164="+1212555" + p["number"][-4:]) for p in changes["phones"]]
    changes["deleted"] = False
    return {"origin": origin, "seq": seq, "counter": counter, "contact_id": f"bench-{n:06d}",
            "changes": changes}


# -- the raw Pyro5 baseline ------------------------------------------------------------
@expose
class Echo:
    def echo(self, item):
        return item

    def take(self, batch):
        return {"applied": len(batch)}


def serve_echo():
    pyro_settings.apply()
    with Daemon(host="127.0.0.1") as daemon:
        print(daemon.register(Echo, "bench.echo"), flush=True)
        daemon.requestLoop()


def start_echo_server():
    process = subprocess.Popen([sys.executable, __file__, "--echo-server"], stdout=subprocess.PIPE,
                               text=True, cwd=ROOT)
    return process, process.stdout.readline().strip()


def raw_rates(uri, seconds):
    results = {}
    one = contact(1)
    batch = [update(9, n, n, n) for n in range(1, BATCH + 1)]
    for serializer in ("serpent", "json"):
        with Proxy(uri) as proxy:
            proxy._pyroSerializer = serializer
            results[f"round trip ({serializer})"] = rate(lambda: proxy.echo(one), seconds)
            results[f"batched ({serializer})"] = rate(lambda: proxy.take(batch), seconds) * BATCH
    return results


# -- the cluster measurements ---------------------------------------------------------------
def vector_of(uri, origin=None):
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 10
        vector = proxy.version_vector()
    return vector if origin is None else vector.get(str(origin), 0)


def replicated_writes(cluster, uris, total, clients_per_replica=2):
    """Writes/s over all replicas, counted until every replica holds every write."""
    per_client = total // (len(uris) * clients_per_replica)
    errors = []

    def client(uri, first):
        try:
            with Proxy(uri) as proxy:
                proxy._pyroTimeout = 30
                for n in range(first, first + per_client):
                    proxy.add_contact(contact(n))
        except Exception as exc:  # reported below, the run goes on
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(uri, 1_000_000 + 10_000 * (i * 10 + j)))
               for i, uri in enumerate(uris) for j in range(clients_per_replica)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    acked = time.perf_counter() - started
    if errors:
        raise errors[0]
    target = [vector_of(uri) for uri in uris]
    everything = {k: max(v.get(k, 0) for v in target) for vector in target for k in vector}
    wait_until(lambda: all(all(vector_of(uri).get(k, 0) >= s for k, s in everything.items())
                           for uri in uris), 120, interval=0.01, what="every replica to hold every write")
    held = time.perf_counter() - started
    written = per_client * len(threads)
    return written / acked, written / held


def replication_lag(uris, write_rate, seconds, samples=None, writers=1, poll_interval=0.0):
    """Lag from acknowledgement on replica 1 until replicas 2 and 3 hold the write.

    ``samples``, a list, receives (seconds since the first ack, lag) per write (bench/run.py plots them).
    ``writers`` clients share the rate (each paced at write_rate / writers): one client alone
    cannot reach a rate above its own acknowledged-write rate.  ``poll_interval`` spaces the
    watchers' polls: polling back to back, they load replicas 2 and 3 with thousands of calls/s."""
    acked = {}     # seq -> ack time
    seen = [{}, {}]  # per watched replica: seq -> first time its vector covered it
    stop = threading.Event()

    def watch(uri, record):
        with Proxy(uri) as proxy:
            last = proxy.version_vector().get("1", 0)
            while not stop.is_set():
                now_held = proxy.version_vector().get("1", 0)
                now = time.perf_counter()
                for seq in range(last + 1, now_held + 1):
                    record[seq] = now
                last = max(last, now_held)
                if poll_interval:
                    time.sleep(poll_interval)  # bounds the measurement's own load

    watchers = [threading.Thread(target=watch, args=(uri, record)) for uri, record in zip(uris[1:], seen)]
    for watcher in watchers:
        watcher.start()
    def write(index, start):
        with Proxy(uris[0]) as proxy:
            interval = writers / write_rate
            next_write = start + index * interval / writers
            for n in range(index, int(write_rate * seconds), writers):
                delay = next_write - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)  # pacing the steady write rate
                result = proxy.add_contact(contact(2_000_000 + n))
                acked[result["write"]["seq"]] = time.perf_counter()
                next_write += interval

    start = time.perf_counter() + 0.2
    clients = [threading.Thread(target=write, args=(index, start)) for index in range(writers)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    wait_until(lambda: all(max(acked) in record for record in seen), 30, interval=0.01,
               what="the last write on replicas 2 and 3")
    stop.set()
    for watcher in watchers:
        watcher.join()
    if samples is not None:
        first = min(acked.values())
        samples += [(at - first, max(record[seq] for record in seen) - at) for seq, at in sorted(acked.items())]
    lags = sorted(max(record[seq] for record in seen) - at for seq, at in acked.items())
    # the watchers poll: a write they saw appear at `now` became visible at most one poll earlier
    return lags[len(lags) // 2], lags[min(len(lags) - 1, int(len(lags) * 0.99))], len(lags)


def catch_up(cluster, uris, count):
    """Updates/s a restarted replica takes in after missing ``count`` updates."""
    cluster.kill(3)
    with Proxy(uris[0]) as proxy:
        proxy._pyroTimeout = 60
        info = proxy.ping()
        seq, counter = info["vector"].get("1", 0), info["clock"]
        for start in range(0, count, MAX_BATCH):
            batch = [update(1, seq + n, counter + n, 3_000_000 + n)
                     for n in range(start + 1, min(start + MAX_BATCH, count) + 1)]
            proxy.apply_updates(batch)
    target = vector_of(uris[0])
    wait_until(lambda: vector_of(uris[1]) == target, 300, interval=0.05, what="replica 2 to hold the load")
    started = time.perf_counter()
    cluster.start_replica(3, wait=False)
    uri3 = wait_until(lambda: cluster.uri(3) != uris[2] and cluster.uri(3), 60, what="replica 3's new URI")
    answered = wait_until(lambda: vector_of(uri3) is not None and time.perf_counter(), 60, interval=0.01,
                          what="replica 3 to answer")
    wait_until(lambda: all(vector_of(uri3).get(k, 0) >= s for k, s in target.items()), 600, interval=0.02,
               what="replica 3 to catch up")
    elapsed = time.perf_counter() - started
    return count / elapsed, elapsed, answered - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catch-up", type=int, default=50_000, help="updates replica 3 misses (50000)")
    parser.add_argument("--writes", type=int, default=3000, help="writes for the write-rate run (3000)")
    parser.add_argument("--rate", type=int, default=200, help="steady write rate for the lag run (200/s)")
    parser.add_argument("--seconds", type=float, default=10, help="length of the lag run (10 s)")
    parser.add_argument("--raw-seconds", type=float, default=3, help="length of each raw measurement (3 s)")
    parser.add_argument("--echo-server", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.echo_server:
        return serve_echo()
    pyro_settings.apply()

    echo, echo_uri = start_echo_server()
    try:
        # raw rates before and after the cluster runs, averaged: on a shared machine the
        # load drifts, and both ends of each ratio should see the same conditions
        before = raw_rates(echo_uri, args.raw_seconds)
        with tempfile.TemporaryDirectory(prefix="bench-replication-") as base:
            cluster = LocalCluster(base)
            try:
                cluster.start(3)
                uris = [cluster.uri(n) for n in (1, 2, 3)]
                acked_rate, held_rate = replicated_writes(cluster, uris, args.writes)
                p50, p99, lag_count = replication_lag(uris, args.rate, args.seconds)
                catch_rate, catch_time, startup = catch_up(cluster, uris, args.catch_up)
            finally:
                cluster.stop()
        after = raw_rates(echo_uri, args.raw_seconds)
    finally:
        echo.terminate()
        echo.wait(10)
    raw = {name: (before[name] + after[name]) / 2 for name in before}

    rt = raw["round trip (serpent)"]
    rows = [
        ("raw Pyro5 round trip, 1 contact (serpent)", f"{rt:,.0f} calls/s", ""),
        ("raw Pyro5 round trip, 1 contact (json)", f"{raw['round trip (json)']:,.0f} calls/s", ""),
        (f"raw Pyro5 batched, {BATCH}/call (serpent)", f"{raw['batched (serpent)']:,.0f} contacts/s", ""),
        (f"raw Pyro5 batched, {BATCH}/call (json)", f"{raw['batched (json)']:,.0f} contacts/s", ""),
        ("writes acknowledged (6 clients, 3 replicas)", f"{acked_rate:,.0f} writes/s",
         f"{acked_rate / rt:.2f}x raw round trip"),
        ("replicated writes (all 3 replicas hold them)", f"{held_rate:,.0f} writes/s",
         f"{held_rate / rt:.2f}x raw round trip"),
        (f"replication lag p50 at {args.rate}/s ({lag_count} writes)", f"{p50 * 1000:.1f} ms",
         f"{p50 * rt:.1f} raw round trips"),
        (f"replication lag p99 at {args.rate}/s", f"{p99 * 1000:.1f} ms", f"{p99 * rt:.1f} raw round trips"),
        (f"catch-up of {args.catch_up:,} missed updates", f"{catch_rate:,.0f} updates/s",
         f"{catch_rate / raw['batched (serpent)']:.2f}x raw batched serpent, "
         f"{catch_rate / raw['batched (json)']:.2f}x json"),
        ("  catch-up time (from restart, incl. start-up)", f"{catch_time:.1f} s",
         f"first answer after {startup:.1f} s"),
    ]
    print_table(f"replication benchmark, {os.cpu_count()} cores, Python {sys.version.split()[0]}; raw rates are "
                f"the mean of a run before and after the cluster (batched serpent "
                f"{before['batched (serpent)']:,.0f} then {after['batched (serpent)']:,.0f} contacts/s)", rows)
    return 0


def print_table(title, rows, last_column="ratio", figure_column="figure"):
    """Rows of (measure, figure, remark) under ``title``, in aligned columns."""
    width = max(len("measure"), *(len(r[0]) for r in rows))
    figure_width = max(len(figure_column), *(len(r[1]) for r in rows))
    print(f"\n{title}")
    print(f"{'measure':<{width}}  {figure_column:>{figure_width}}  {last_column}")
    for name, figure, remark in rows:
        print(f"{name:<{width}}  {figure:>{figure_width}}  {remark}")


if __name__ == "__main__":
    sys.exit(main())
