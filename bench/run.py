"""The performance benchmark: one command, one table, every figure beside raw Pyro5.

    python bench/run.py            # full run (~10 min on 2 cores): writes docs/benchmarks.md + .png
    python bench/run.py --quick    # smaller sizes, a minute or two, writes nothing unless --write

Starts everything it measures, in a temp dir, in this one run:

- raw Pyro5: a trivial Pyro5 object in its own process (bench/replication.py's echo
  server): round trips/s carrying one contact dict, and contacts/s carried by batched calls;
- pysyncobj (when installed): a 3-node ReplDict, synchronous writes/s (bench/syncobj_rate.py);
- a local cluster (name server + 3 replica processes, contacts.cluster.LocalCluster), then:
  acknowledged writes/s from one client and from 8 client processes, with ack=local and
  with ack=peer (replica 1 restarted in that mode); replicated writes/s (held by all 3)
  and replication lag p50/p99 at a steady 500 writes/s (bench/replication.py);
  client-visible failover after SIGKILL (bench/failover.py); catch-up of a replica that
  missed 50,000 updates (bench/replication.py); the cluster filled to 100,000 contacts and
  a new empty replica joining it; list_contacts first page and search latency at 100,000;
  peak RSS (VmHWM) of every replica.

Prints the table, and (full run, or --write) puts it in docs/benchmarks.md between the
markers there, with a plot of lag and throughput in docs/benchmarks.png.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from Pyro5.api import Proxy  # noqa: E402

import measure  # noqa: E402  bench/measure.py
import failover as failover_bench  # noqa: E402  bench/failover.py
import replication as replication_bench  # noqa: E402  bench/replication.py
import syncobj_rate  # noqa: E402  bench/syncobj_rate.py
from contacts import pyro_settings
from contacts.client import ContactsClient
from contacts.cluster import LocalCluster, wait_until
from contacts.config import Settings
from contacts.protocol import MAX_ANSWER
from contacts.protocol import PEER_SERIALIZER

contact = replication_bench.contact
DOC = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "benchmarks.png"
START_MARK, END_MARK = "<!-- bench/run.py output: start -->", "<!-- bench/run.py output: end -->"

FULL = dict(seconds=5.0, raw_seconds=3.0, clients=8, replicated=6000, lag_rate=500, lag_seconds=10.0,
            trials=10, catch_up=50_000, contacts=100_000, latency_calls=200)
QUICK = dict(seconds=2.0, raw_seconds=1.5, clients=8, replicated=1500, lag_rate=500, lag_seconds=3.0,
             trials=3, catch_up=5_000, contacts=10_000, latency_calls=50)
LAG_WRITERS = 4  # clients sharing the steady rate of the lag figure (one alone may not reach it)
LAG_POLL_INTERVAL = 0.002  # s between the lag watchers' polls: back to back, they load replicas 2 and 3
LOAD_BATCH = Settings().batch_size  # updates per apply_updates call when filling the cluster


# -- writers ------------------------------------------------------------------------------
def sqlite_commit_rate(directory, seconds):
    """Commits/s of one small row into SQLite, WAL, synchronous=FULL (as replicas run it), in
    ``directory`` (the disk the replicas use): the most a lone writer can be acknowledged at."""
    import sqlite3
    db = sqlite3.connect(Path(directory) / "commit-rate.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (value TEXT)")
    row = json.dumps(contact(1))
    rate = measure.rate(lambda: db.execute("INSERT INTO t VALUES (?)", (row,)), seconds)
    db.close()
    return rate


def single_client_writes(uri, seconds, first, serializer="serpent"):
    """Acknowledged add_contact/s from one bare Pyro5 proxy; also how many replicas held each."""
    held = []
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy._pyroSerializer = serializer
        proxy.add_contact(contact(first))  # connect outside the clock
        counter = iter(range(first + 1, first + 10 ** 7))
        rate = measure.rate(lambda: held.append(
            proxy.add_contact(contact(next(counter)))["write"]["replicas"]), seconds)
    return rate, held


def batched_adds(uri, seconds, first, size=100):
    """Contacts/s acknowledged through add_contacts, ``size`` per call (one commit each), serpent."""
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy.add_contacts([contact(first)])
        starts = iter(range(first + 1, first + 10 ** 8, size))

        def add_batch():
            start = next(starts)
            proxy.add_contacts([contact(n) for n in range(start, start + size)])
        return size * measure.rate(add_batch, seconds)


def client_worker(uri, seconds, first, serializer):
    """One client process: connect, say ready, wait for 'go', write for ``seconds``."""
    pyro_settings.apply()
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy._pyroSerializer = serializer
        proxy.add_contact(contact(first))
        print("ready", flush=True)
        sys.stdin.readline()
        done, held, started = 0, 0, time.perf_counter()
        while True:
            result = proxy.add_contact(contact(first + 1 + done))
            done += 1
            held += result["write"]["replicas"] >= 2
            elapsed = time.perf_counter() - started
            if elapsed >= seconds:
                break
    print(json.dumps({"writes": done, "seconds": elapsed, "held_by_2": held}), flush=True)


def concurrent_writes(uri, clients, seconds, first, serializer="serpent"):
    """Aggregate acknowledged writes/s of ``clients`` client processes writing at once."""
    workers = [subprocess.Popen([sys.executable, __file__, "--client-worker", uri, str(seconds),
                                 str(first + i * 1_000_000), serializer], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True, cwd=ROOT) for i in range(clients)]
    try:
        for worker in workers:
            if worker.stdout.readline().strip() != "ready":
                raise RuntimeError("a client worker failed to start")
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [json.loads(worker.stdout.readline()) for worker in workers]
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(30)
    writes = sum(r["writes"] for r in results)
    return writes / max(r["seconds"] for r in results), sum(r["held_by_2"] for r in results) / writes


# -- filling the cluster and joining -----------------------------------------------------------
def fill(cluster, uris, total):
    """Bring the cluster to ``total`` live contacts (replication updates on replica 1, in the
    batches and serializer peer links use), then wait until every replica holds them."""
    with Proxy(uris[0]) as proxy:
        proxy._pyroTimeout = 120
        proxy._pyroSerializer = PEER_SERIALIZER
        info = proxy.ping()
        missing = total - info["contacts"]
        seq, counter = info["vector"].get("1", 0), info["clock"]
        for start in range(0, max(missing, 0), LOAD_BATCH):
            size = min(LOAD_BATCH, missing - start)
            proxy.apply_updates([replication_bench.update(1, seq + start + n, counter + start + n,
                                                          4_000_000 + start + n) for n in range(1, size + 1)])
    target = replication_bench.vector_of(uris[0])
    for uri in uris[1:]:
        wait_until(lambda: all(replication_bench.vector_of(uri).get(k, 0) >= s for k, s in target.items()),
                   600, interval=0.1, what="every replica to hold the filled list")
    return target


def join_new_replica(cluster, replica_id, target):
    """Seconds from the start of a new replica with an empty data dir until it holds ``target``,
    and until its search index holds it too (indexing runs after the writes, in the background)."""
    started = time.perf_counter()
    cluster.start_replica(replica_id, wait=False)
    uri = wait_until(lambda: cluster.uri(replica_id), 60, what=f"replica {replica_id} to register")
    wait_until(lambda: all(replication_bench.vector_of(uri).get(k, 0) >= s for k, s in target.items()),
               900, interval=0.05, what=f"replica {replica_id} to hold everything")
    held = time.perf_counter() - started
    wait_until_indexed(uri)
    return held, uri, time.perf_counter() - started


def wait_until_indexed(uri):
    """Wait until a replica's search index holds every contact as it is (ping's "unindexed")."""
    def indexed():
        with Proxy(uri) as proxy:
            proxy._pyroTimeout = 30
            return proxy.ping()["unindexed"] == 0
    wait_until(indexed, 900, interval=0.05, what="the search index to catch up")


# -- reads at scale ------------------------------------------------------------------------------
SEARCHES = [  # (label, text, limit): typical look-ups, each finding a few contacts
    ("name", "person 0{n:04d}", None),
    ("email", "person{n}@", None),
    ("phone digits", "555 {n:04d}", None),
    ("accented / case", "PERSON 0{n:04d}", None),
]


def latencies(call, count):
    times = []
    for n in range(count):
        started = time.perf_counter()
        call(n)
        times.append(time.perf_counter() - started)
    return times


def read_latencies(uri, count, total):
    results = {}
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 60
        assert proxy.count_contacts() >= total * 0.99
        proxy.list_contacts(0, 100)
        results["list_contacts first page (100)"] = latencies(lambda n: proxy.list_contacts(0, 100), count)
        with Proxy(uri) as json_proxy:
            json_proxy._pyroSerializer = "json"
            results["  the same over json (serpent is Pyro5's default)"] = latencies(
                lambda n: json_proxy.list_contacts(0, 100), count)
        results["list_contacts page at offset 50,000" if total >= 100_000 else "list_contacts middle page"] = \
            latencies(lambda n: proxy.list_contacts(total // 2, 100), max(count // 4, 10))
        mixed = []
        for label, text, limit in SEARCHES:
            times = latencies(lambda n: proxy.search(text.format(n=(n * 37) % 10000), limit), count // 4)
            mixed += times
        results["search, selective (name/email/phone/case mix)"] = mixed
        results["search 'org 7', first 100 of ~2% matches"] = latencies(
            lambda n: proxy.search("org 7", 100), max(count // 4, 10))
        results["search 2 characters ('zq', no match: scan)"] = latencies(
            lambda n: proxy.search("zq"), max(count // 8, 10))
        # what every window polls each second and every peer each ping_interval
        results["ping (with the live count)"] = latencies(lambda n: proxy.ping(), count)
    return results


def peak_rss_mb(pid):
    """VmHWM (peak resident set) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


# -- the table -------------------------------------------------------------------------------------
class Table:
    def __init__(self, raw, batched, syncobj):
        self.raw, self.batched, self.syncobj = raw, batched, syncobj
        self.rows = []

    def add(self, name, figure, text, ratio="", goal="", met=None):
        self.rows.append((name, figure, text, ratio, goal, met))

    def rate(self, name, value, unit="writes/s", goal_raw=None, goal_syncobj=None, versus=None):
        base = versus or self.raw
        ratio = f"{value / base:.2f}x raw" if base else ""
        if self.syncobj:
            ratio += f", {value / self.syncobj:.2f}x pysyncobj"
        goals, met = [], []
        if goal_raw is not None:
            goals.append(f">= {goal_raw}x raw")
            met.append(value >= goal_raw * base)
        if goal_syncobj is not None and self.syncobj:
            goals.append(f">= {goal_syncobj}x pysyncobj")
            met.append(value >= goal_syncobj * self.syncobj)
        self.add(name, value, f"{value:,.0f} {unit}", ratio, ", ".join(goals), all(met) if met else None)

    def markdown(self):
        lines = ["| measure | figure | ratio | goal | met |", "|---|---:|---|---|---|"]
        for name, _, text, ratio, goal, met in self.rows:
            mark = "" if met is None else ("yes" if met else "**no**")
            lines.append(f"| {name} | {text} | {ratio} | {goal} | {mark} |")
        return "\n".join(lines)

    def text(self):
        width = max(len(r[0]) for r in self.rows)
        out = [f"{'measure':<{width}}  {'figure':>20}  {'ratio':<34} goal"]
        for name, _, text, ratio, goal, met in self.rows:
            mark = "" if met is None else (" met" if met else " NOT MET")
            out.append(f"{name:<{width}}  {text:>20}  {ratio:<34} {goal}{mark}")
        return "\n".join(out)


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def pct(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def plot(path, throughput, lag_samples, lag_rate):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (bars, lag) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [1.25, 1]})
    names = [name for name, _ in throughput]
    values = [value for _, value in throughput]
    colors = ["#9e9e9e" if name.startswith(("raw", "pysyncobj", "fsynced")) else "#1f77b4" for name in names]
    bars.barh(names[::-1], values[::-1], color=colors[::-1])
    for y, value in enumerate(values[::-1]):
        bars.text(value, y, f" {value:,.0f}", va="center", fontsize=8)
    bars.set_xlabel("operations per second (grey: references measured in the same run)")
    bars.set_title("Throughput")
    bars.tick_params(axis="y", labelsize=8)
    bars.set_xlim(0, max(values) * 1.18)
    if lag_samples:
        at = [t for t, _ in lag_samples]
        lags = [v * 1000 for _, v in lag_samples]
        lag.plot(at, lags, ".", markersize=2, alpha=0.6, color="#1f77b4")
        lag.axhline(pct(lags, 0.5), color="green", lw=1, label=f"p50 {pct(lags, 0.5):.1f} ms")
        lag.axhline(pct(lags, 0.99), color="red", lw=1, label=f"p99 {pct(lags, 0.99):.1f} ms")
        lag.axhline(50, color="grey", lw=1, ls="--", label="goal: p99 < 50 ms")
        lag.set_yscale("log")
        lag.legend(fontsize=8)
    lag.set_xlabel("seconds into the run")
    lag.set_ylabel("ms from acknowledgement until replicas 2 and 3 hold it")
    lag.set_title(f"Replication lag at {lag_rate} writes/s")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_doc(table, header):
    block = f"{START_MARK}\n{header}\n\n{table.markdown()}\n\n![lag and throughput](benchmarks.png)\n{END_MARK}"
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n\n"
    if START_MARK in text and END_MARK in text:
        before, rest = text.split(START_MARK, 1)
        text = before + block + rest.split(END_MARK, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


# -- the run ------------------------------------------------------------------------------------
def step(what):
    print(f"[{time.strftime('%H:%M:%S')}] {what} (load {os.getloadavg()[0]:.1f})", flush=True)


def measure_cluster(sizes, base, m):
    """Every cluster figure, into ``m`` (a dict), so a failure part-way keeps what was measured."""
    cluster = LocalCluster(base)
    try:
        step("fsynced SQLite commits on the replicas' disk")
        m["sqlite commit"] = sqlite_commit_rate(base, sizes["raw_seconds"])
        step("cluster of 3")
        cluster.start(3)
        uris = [cluster.uri(n) for n in (1, 2, 3)]
        for mode in ("local", "peer"):
            if mode == "peer":
                cluster.stop_replica(1)
                cluster.start_replica(1, "--ack", "peer")
                uris[0] = cluster.uri(1)
            step(f"writes, ack={mode}")
            first = {"local": 10_000_000, "peer": 20_000_000}[mode]
            m[f"one {mode}"] = single_client_writes(uris[0], sizes["seconds"], first)
            m[f"many {mode}"] = concurrent_writes(uris[0], sizes["clients"], sizes["seconds"], first + 100_000)
            if mode == "local":  # as ContactsClient speaks: json
                m["one json"] = single_client_writes(uris[0], sizes["seconds"], 60_000_000, "json")
                m["batched adds"] = batched_adds(uris[0], sizes["seconds"], 80_000_000)
                m["many json"] = concurrent_writes(uris[0], sizes["clients"], sizes["seconds"], 70_000_000, "json")
        cluster.stop_replica(1)
        cluster.start_replica(1, "--ack", "local")
        uris[0] = cluster.uri(1)
        # the same single client with replicas 2 and 3 stopped: what replicating costs the writer
        step("writes, replica 1 alone")
        for replica_id in (2, 3):
            cluster.stop_replica(replica_id)
        m["one alone"] = single_client_writes(uris[0], sizes["seconds"], 50_000_000)
        for replica_id in (2, 3):
            cluster.start_replica(replica_id, wait=False)
        for replica_id in (2, 3):
            cluster.wait_replica(replica_id)
        uris = [cluster.uri(n) for n in (1, 2, 3)]
        with Proxy(uris[0]) as proxy:  # peers hold everything again before the next figure
            wait_until(lambda: all(p["alive"] for p in proxy.cluster_status()), 60, what="peers back")
        target = replication_bench.vector_of(uris[0])
        for uri in uris[1:]:
            wait_until(lambda: all(replication_bench.vector_of(uri).get(k, 0) >= v for k, v in target.items()),
                       120, interval=0.1, what="peers to catch up")

        step("replicated writes (6 clients over 3 replicas)")
        m["replicated"] = replication_bench.replicated_writes(cluster, uris, sizes["replicated"])[1]

        step(f"replication lag at {sizes['lag_rate']}/s")
        m["lag samples"] = []
        m["lag"] = replication_bench.replication_lag(uris, sizes["lag_rate"], sizes["lag_seconds"],
                                                     samples=m["lag samples"], writers=LAG_WRITERS,
                                                     poll_interval=LAG_POLL_INTERVAL)

        step("client failover after SIGKILL")
        client = ContactsClient("127.0.0.1", cluster.ns_port, timeout=1.0)
        client.list_contacts(limit=1)
        m["failover"] = failover_bench.failover_trials(cluster, client, sizes["trials"], "SIGKILL")
        client.close()
        uris = [cluster.uri(n) for n in (1, 2, 3)]

        step(f"catch-up of {sizes['catch_up']:,} missed updates")
        m["rss"] = {"replica 3 before its SIGKILL": peak_rss_mb(cluster.replicas[3].pid)}
        m["catch-up"] = replication_bench.catch_up(cluster, uris, sizes["catch_up"])
        uris[2] = cluster.uri(3)

        step(f"filling the cluster to {sizes['contacts']:,} contacts")
        target = fill(cluster, uris, sizes["contacts"])
        step("a new empty replica joins")
        held, _, indexed = join_new_replica(cluster, 4, target)
        m["join"] = held, sum(target.values()), indexed

        step(f"reads at {sizes['contacts']:,} contacts")
        wait_until_indexed(uris[0])  # the steady state: the figures below are not a catch-up's
        m["reads"] = read_latencies(uris[0], sizes["latency_calls"], sizes["contacts"])

        step(f"the largest answer a replica gives ({MAX_ANSWER:,} contacts), then the whole list by pages")
        with Proxy(uris[0]) as proxy:
            proxy._pyroTimeout = 300
            started = time.perf_counter()
            proxy.list_contacts(0, MAX_ANSWER)  # serpent: the costliest answer to encode
            m["largest answer"] = time.perf_counter() - started, peak_rss_mb(cluster.replicas[1].pid)
        with ContactsClient(uris=[uris[0]], timeout=60) as client:
            started = time.perf_counter()
            everything = len(client.list_contacts())  # pages of MAX_ANSWER, over json
            m["whole list"] = time.perf_counter() - started, everything, peak_rss_mb(cluster.replicas[1].pid)
        for replica_id, process in sorted(cluster.replicas.items()):  # the largest answer included
            m["rss"][f"replica {replica_id}"] = peak_rss_mb(process.pid)
    finally:
        cluster.stop()


def build_table(sizes, m):
    raw_rt, raw_batched, syncobj = m["raw"]["round trip (serpent)"], m["raw"]["batched (serpent)"], m.get("syncobj")
    table = Table(raw_rt, raw_batched, syncobj)
    table.add("raw Pyro5 round trip, 1 contact dict per call", raw_rt, f"{raw_rt:,.0f} calls/s", "1.00x raw")
    table.add(f"raw Pyro5 batched, {replication_bench.BATCH} updates per call", raw_batched,
              f"{raw_batched:,.0f} contacts/s", f"{raw_batched / raw_rt:.2f}x raw")
    throughput = [("raw Pyro5 round trips", raw_rt), ("raw Pyro5 batched (contacts/s)", raw_batched)]
    if syncobj:
        table.add("pysyncobj 3 nodes, sync writes (appendEntriesUseBatch=False, no fsync)", syncobj,
                  f"{syncobj:,.0f} writes/s", f"{syncobj / raw_rt:.2f}x raw")
        throughput.append(("pysyncobj sync writes", syncobj))
    if "sqlite commit" in m:
        commit = m["sqlite commit"]
        table.add("fsynced SQLite commit of one contact row, on the replicas' disk", commit,
                  f"{commit:,.0f} commits/s", f"{commit / raw_rt:.2f}x raw")
        throughput.append(("fsynced SQLite commits", commit))
    clients = sizes["clients"]
    for mode in ("local", "peer"):
        if f"one {mode}" in m:
            one, held = m[f"one {mode}"]
            note = "" if mode == "local" else f" ({sum(h >= 2 for h in held) / len(held):.0%} held by 2 at ack)"
            table.rate(f"acknowledged writes, 1 client, ack={mode}{note}", one,
                       goal_raw=0.5 if mode == "local" else 0.3, goal_syncobj=1.2)
            throughput.append((f"writes ack={mode}, 1 client", one))
        if f"many {mode}" in m:
            many, many_held = m[f"many {mode}"]
            note = "" if mode == "local" else f" ({many_held:.0%} held by 2 at ack)"
            table.rate(f"acknowledged writes, {clients} client processes, ack={mode}{note}", many, goal_raw=1.0)
            throughput.append((f"writes ack={mode}, {clients} clients", many))
    raw_json = m["raw"]["round trip (json)"]
    if "one json" in m:
        table.add("raw Pyro5 round trip, 1 contact dict per call, json", raw_json, f"{raw_json:,.0f} calls/s",
                  f"{raw_json / raw_rt:.2f}x raw")
        for key, who in (("one json", "1 client"), ("many json", f"{clients} client processes")):
            value = m[key][0]
            table.add(f"acknowledged writes, {who}, ack=local, json (as ContactsClient)", value,
                      f"{value:,.0f} writes/s", f"{value / raw_json:.2f}x raw json"
                      + (f", {value / syncobj:.2f}x pysyncobj" if syncobj else ""))
            throughput.append((f"writes ack=local, {who.replace(' processes', '')}, json", value))
    if "batched adds" in m:
        table.rate("acknowledged writes, 1 client, ack=local, add_contacts of 100 per call (an import)",
                   m["batched adds"], unit="contacts/s")
        throughput.append(("writes ack=local, 1 client, batches of 100", m["batched adds"]))
    if "one alone" in m:
        one = m["one alone"][0]
        table.rate("acknowledged writes, 1 client, ack=local, replicas 2 and 3 stopped", one)
        throughput.append(("writes ack=local, 1 client, no peers", one))
    if "replicated" in m:
        table.rate("replicated writes, 6 clients on 3 replicas, until all 3 hold them", m["replicated"])
        throughput.append(("replicated (held by all 3)", m["replicated"]))
    if "lag" in m:
        p50, p99, count = m["lag"]
        # one paced writer: when it cannot keep up, the rate it reached is what was measured
        reached = count / max(m["lag samples"][-1][0], 1e-9) if m.get("lag samples") else sizes["lag_rate"]
        table.add(f"replication lag p50, {LAG_WRITERS} writers paced at {sizes['lag_rate']}/s in all, reached {reached:,.0f}/s "
                  f"({count} writes)", p50, ms(p50), f"{p50 * raw_rt:.1f} raw round trips")
        table.add("replication lag p99", p99, ms(p99),
                  f"{p99 * raw_rt:.1f} raw round trips", "< 50 ms at 500/s",
                  p99 < 0.050 if reached >= 0.95 * sizes["lag_rate"] else None)
    if "failover" in m:
        times = m["failover"]
        table.add(f"client failover after SIGKILL, p50 ({len(times)} trials, client timeout 1 s)",
                  statistics.median(times), ms(statistics.median(times)), f"max {ms(max(times))}")
    if "catch-up" in m:
        rate, elapsed, first_answer = m["catch-up"]
        met = rate >= 0.5 * raw_batched
        table.add(f"catch-up of {sizes['catch_up']:,} missed updates (from restart, {elapsed:.1f} s)", rate,
                  f"{rate:,.0f} updates/s", f"{rate / raw_batched:.2f}x raw batched", ">= 0.5x raw batched", met)
        after = sizes["catch_up"] / max(elapsed - first_answer, 1e-9)
        table.add(f"  the same, from the replica's first answer ({first_answer:.1f} s after restart)", after,
                  f"{after:,.0f} updates/s", f"{after / raw_batched:.2f}x raw batched")
        throughput.append(("catch-up (updates/s)", rate))
    if "join" in m:
        seconds, updates, indexed = m["join"]
        table.add(f"new empty replica joining {sizes['contacts']:,} contacts ({updates:,} updates)", seconds,
                  f"{seconds:.1f} s", f"{updates / seconds:,.0f} updates/s = {updates / seconds / raw_batched:.2f}x raw batched")
        table.add("  its search index complete too (indexed after the writes; searches meanwhile scan "
                  "the unindexed rows)", indexed, f"{indexed:.1f} s", "from its start")
        throughput.append(("new replica joining (updates/s)", updates / seconds))
    for name, times in m.get("reads", {}).items():
        goal, met = "", None
        p50 = statistics.median(times)
        if name.startswith("list_contacts first"):
            goal, met = "p50 < 50 ms", p50 < 0.050
        elif name.startswith("search, selective"):
            goal, met = "p50 < 20 ms", p50 < 0.020
        table.add(f"{name} at {sizes['contacts']:,}, p50 / p99", p50, f"{ms(p50)} / {ms(pct(times, 0.99))}",
                  f"{p50 * raw_rt:.1f} raw round trips", goal, met)
    if "largest answer" in m:
        seconds, rss_after = m["largest answer"]
        table.add(f"list_contacts(0, {MAX_ANSWER:,}), the largest answer, bare proxy (serpent)", seconds,
                  f"{seconds:.1f} s", f"replica 1 peak RSS then {rss_after:.0f} MB")
    if "whole list" in m:
        seconds, count, rss_after = m["whole list"]
        table.add(f"ContactsClient.list_contacts() of all {count:,} (pages of {MAX_ANSWER:,}, json)", seconds,
                  f"{seconds:.1f} s", f"replica 1 peak RSS then {rss_after:.0f} MB")
    rss = {k: v for k, v in m.get("rss", {}).items() if v}
    if rss:
        worst = max(rss.values())
        table.add("peak RSS (VmHWM): " + ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items()), worst,
                  f"max {worst:.0f} MB", "", "< 200 MB", worst < 200)
    return table, throughput


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a minute or two)")
    parser.add_argument("--write", action="store_true", help="write docs/ even with --quick")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--client-worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_worker:
        uri, seconds, first, serializer = args.client_worker
        return client_worker(uri, float(seconds), int(first), serializer)
    sizes = QUICK if args.quick else FULL
    write = (args.write or not args.quick) and not args.no_write
    pyro_settings.apply()
    load_before = os.getloadavg()
    started = time.time()
    m = {}

    step("raw Pyro5 (echo server in its own process)")
    echo, echo_uri = replication_bench.start_echo_server()
    failure = None
    try:
        # raw rates before and after the rest, averaged: on a shared machine the load drifts,
        # and both ends of each ratio should see the same conditions (as bench/replication.py)
        before = replication_bench.raw_rates(echo_uri, sizes["raw_seconds"])
        if syncobj_rate.available():
            step("pysyncobj, 3 nodes")
            m["syncobj"] = syncobj_rate.measure(sizes["seconds"], contact(1))["rate"]
        with tempfile.TemporaryDirectory(prefix="bench-run-") as base:
            try:
                measure_cluster(sizes, base, m)
            except Exception as exc:  # keep and print what was measured
                failure = exc
                import traceback
                traceback.print_exc()
        step("raw Pyro5 again")
        after = replication_bench.raw_rates(echo_uri, sizes["raw_seconds"])
    finally:
        echo.terminate()
        echo.wait(10)
    m["raw"] = {name: (before[name] + after[name]) / 2 for name in before}
    table, throughput = build_table(sizes, m)

    load_after = os.getloadavg()
    header = (f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}, {'quick' if args.quick else 'full'} "
              f"sizes, {time.time() - started:.0f} s; {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"loopback; load average (1/5/15 min) {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f} "
              f"at the start, {load_after[0]:.1f}/{load_after[1]:.1f}/{load_after[2]:.1f} at the end. "
              f"Raw Pyro5 rates are the mean of a run before ({before['round trip (serpent)']:,.0f} calls/s) "
              f"and after ({after['round trip (serpent)']:,.0f} calls/s) the rest.")
    print("\n" + header + "\n")
    print(table.text())
    if failure is not None:
        print(f"\nthe run stopped early: {failure!r}")
        return 1
    if write:
        plot(PLOT, throughput, m.get("lag samples"), sizes["lag_rate"])
        write_doc(table, header)
        print(f"\nwrote {DOC.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
