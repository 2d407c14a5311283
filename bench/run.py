"""The performance benchmark: one command, one table, every figure beside raw Pyro5.

    python bench/run.py            # full run (~10 min on 2 cores): writes docs/benchmarks.md + .png
    python bench/run.py --quick    # smaller sizes, a minute or two, writes nothing unless --write

Starts everything it measures, in a temp dir, in this one run:

- raw Pyro5: a trivial Pyro5 object in its own process (bench/replication.py's echo
  server): round trips/s carrying one contact dict, and contacts/s carried by batched calls;
- pysyncobj (when installed): a 3-node ReplDict, synchronous writes/s from a thread on the
  leader, and served over Pyro5 to one remote client (bench/syncobj_rate.py);
- etcd (when installed): 3 members on loopback, data dirs on the replicas' disk, puts/s from
  one keep-alive HTTP/JSON client and from 8 client processes (bench/etcd_rate.py); these
  anchors of issue 17 are measured before and after the replicas' write figures, averaged;
- a local cluster (name server + 3 replica processes, contacts.cluster.LocalCluster), then:
  acknowledged writes/s from one client and from 8 client processes, with ack=local and
  with ack=peer (replica 1 restarted in that mode), each writing bench/typical_contact.py's
  typical phone-export contact, as the anchors do; replicated writes/s (held by all 3)
  and replication lag p50/p99 at a steady 500 writes/s (bench/replication.py);
  client-visible failover after SIGKILL (bench/failover.py); catch-up of a replica that
  missed 50,000 updates (bench/replication.py); the cluster filled to 100,000 contacts and
  a new empty replica joining it; list_contacts first page and search latency at 100,000;
  peak RSS (VmHWM) of every replica.

Prints the table and the goals of issue 17 (met or not), and (full run, or --write) puts it in docs/benchmarks.md between the
markers there, with a plot of lag and throughput in docs/benchmarks.png.
"""
import argparse
import json
import os
import platform
import statistics
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
import etcd_rate  # noqa: E402  bench/etcd_rate.py
import syncobj_rate  # noqa: E402  bench/syncobj_rate.py
import typical_contact  # noqa: E402  bench/typical_contact.py
from contacts import pyro_settings
from contacts.client import ContactsClient
from contacts.cluster import LocalCluster, wait_until
from contacts.config import Settings
from contacts.protocol import MAX_ANSWER
from contacts.protocol import PEER_SERIALIZER

contact = replication_bench.contact   # the plain five-field contact: fill, lag, catch-up, reads


def typical(n):
    """A phone export's contact (bench/typical_contact.py): every write-rate row and anchor.
    Named "Zélia ...", after the plain "Person ..." in name order, so that the reads at
    100,000 contacts page through plain contacts as the figures before issue 17 did."""
    return typical_contact.typical(n, given="Zélia")


WRITERS = {"plain": replication_bench.contact, "typical": typical}
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
#: issue 17: these stay no worse than in docs/benchmarks.md when it was filed (run of 2026-11-28), as
#: ratios to the same references: lag and reads in raw round trips, catch-up in raw batched rates
TODAY = {"lag p99": 71.0, "catch-up": 1.12, "first page": 22.7, "search": 1.6, "rss": 96}


# -- writers ------------------------------------------------------------------------------
def sqlite_commit_rate(directory, seconds):
    """Commits/s of one small row into SQLite, WAL, synchronous=FULL (as replicas run it), in
    ``directory`` (the disk the replicas use): the most a lone writer can be acknowledged at."""
    import sqlite3
    db = sqlite3.connect(Path(directory) / "commit-rate.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (value TEXT)")
    row = json.dumps(typical(1))
    rate = measure.rate(lambda: db.execute("INSERT INTO t VALUES (?)", (row,)), seconds)
    db.close()
    return rate


def single_client_writes(uri, seconds, first, serializer="serpent", make=typical):
    """Acknowledged add_contact/s from one bare Pyro5 proxy; also how many replicas held each."""
    held = []
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy._pyroSerializer = serializer
        proxy.add_contact(make(first))  # connect outside the clock
        counter = iter(range(first + 1, first + 10 ** 7))
        rate = measure.rate(lambda: held.append(
            proxy.add_contact(make(next(counter)))["write"]["replicas"]), seconds)
    return rate, held


def batched_adds(uri, seconds, first, size=100, make=typical):
    """Contacts/s acknowledged through add_contacts, ``size`` per call (one commit each), serpent."""
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy.add_contacts([make(first)])
        starts = iter(range(first + 1, first + 10 ** 8, size))

        def add_batch():
            start = next(starts)
            proxy.add_contacts([make(n) for n in range(start, start + size)])
        return size * measure.rate(add_batch, seconds)


def client_worker(uri, seconds, first, serializer, kind="typical"):
    """One client process: connect, say ready, wait for 'go', write for ``seconds``."""
    pyro_settings.apply()
    make = WRITERS[kind]
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = 30
        proxy._pyroSerializer = serializer
        proxy.add_contact(make(first))
        print("ready", flush=True)
        sys.stdin.readline()
        done, held, started = 0, 0, time.perf_counter()
        while True:
            result = proxy.add_contact(make(first + 1 + done))
            done += 1
            held += result["write"]["replicas"] >= 2
            elapsed = time.perf_counter() - started
            if elapsed >= seconds:
                break
    print(json.dumps({"writes": done, "seconds": elapsed, "held_by_2": held}), flush=True)


def concurrent_writes(uri, clients, seconds, first, serializer="serpent", kind="typical"):
    """Aggregate acknowledged writes/s of ``clients`` client processes writing at once."""
    results = measure.run_together([[sys.executable, __file__, "--client-worker", uri, str(seconds),
                                     str(first + i * 1_000_000), serializer, kind] for i in range(clients)], cwd=ROOT)
    writes = sum(r["writes"] for r in results)
    return writes / max(r["seconds"] for r in results), sum(r["held_by_2"] for r in results) / writes


def typical_round_trips(uri, seconds):
    """Raw echo round trips/s carrying the typical contact: the write rows' raw reference."""
    rates, one = {}, typical(1)
    for serializer in ("serpent", "json"):
        with Proxy(uri) as proxy:
            proxy._pyroSerializer = serializer
            proxy.echo(one)
            rates[f"typical round trip ({serializer})"] = measure.rate(lambda: proxy.echo(one), seconds)
    return rates


# -- what a user would run instead (issue 17) -----------------------------------------------------
def anchors(sizes, base, m, when):
    """pysyncobj served over Pyro5 and etcd with 3 members, into ``m["anchors"][when]``."""
    got = m.setdefault("anchors", {}).setdefault(when, {})
    if syncobj_rate.available():
        step(f"pysyncobj served over Pyro5, one remote client ({when})")
        got["syncobj served"] = syncobj_rate.measure(sizes["seconds"], typical(1), served=True,
                                                     serializers=("serpent", "json"))["rates"]
    if etcd_rate.available():
        step(f"etcd, 3 members, 1 and {sizes['clients']} clients ({when})")
        with tempfile.TemporaryDirectory(prefix="etcd-", dir=base) as directory:  # the replicas' disk
            got["etcd"] = etcd_rate.measure_etcd(directory, sizes["seconds"], sizes["clients"], typical(1))


def anchor(m, *path):
    """The mean of an anchor's before and after figures, and the two; None when not measured."""
    values = []
    for when in ("before", "after"):
        value = m.get("anchors", {}).get(when, {})
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            values.append(value)
    return (statistics.mean(values), values) if values else (None, [])


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
        self.goals = []   # (what, ratio, goal factor, met): issue 17's goals, printed apart

    def add(self, name, figure, text, ratio="", goal="", met=None):
        self.rows.append((name, figure, text, ratio, goal, met))

    def rate(self, name, value, unit="writes/s", refs=(), goals=()):
        """A rate row: its ratio to each of ``refs`` [(label, rate)], and ``goals``
        [(label, rate, factor)] (met when value >= factor * rate; None rate: not measured)."""
        ratios = [f"{value / ref:.2f}x {label}" for label, ref in refs if ref]
        texts, met = [], []
        for label, ref, factor in goals:
            if not ref:
                continue
            ratios.append(f"{value / ref:.2f}x {label}")
            texts.append(f">= {factor}x {label}")
            met.append(value >= factor * ref)
            self.goals.append((f"{name}: {value:,.0f} {unit} / {label} {ref:,.0f}", value / ref, factor,
                               value >= factor * ref))
        self.add(name, value, f"{value:,.0f} {unit}", ", ".join(ratios), ", ".join(texts),
                 all(met) if met else None)

    def no_worse(self, name, ratio, today, higher_is_better=False):
        """A goal of issue 17: this ratio no worse than the one in today's docs/benchmarks.md."""
        met = ratio >= today if higher_is_better else ratio <= today
        self.goals.append((f"{name} (today's docs: {today})", ratio, today, met))
        return f"{'>=' if higher_is_better else '<='} {today} (today's docs)", met

    def markdown(self):
        lines = ["| measure | figure | ratio | goal | met |", "|---|---:|---|---|---|"]
        for name, _, text, ratio, goal, met in self.rows:
            mark = "" if met is None else ("yes" if met else "**no**")
            lines.append(f"| {name} | {text} | {ratio} | {goal} | {mark} |")
        return "\n".join(lines)

    def goals_markdown(self):
        lines = ["| goal of issue 17 | ratio | goal | met |", "|---|---:|---:|---|"]
        for what, ratio, goal, met in self.goals:
            lines.append(f"| {what} | {ratio:.2f} | {goal} | {'yes' if met else '**no**'} |")
        return "\n".join(lines)

    def text(self):
        width = max(len(r[0]) for r in self.rows)
        out = [f"{'measure':<{width}}  {'figure':>20}  {'ratio':<34} goal"]
        for name, _, text, ratio, goal, met in self.rows:
            mark = "" if met is None else (" met" if met else " NOT MET")
            out.append(f"{name:<{width}}  {text:>20}  {ratio:<34} {goal}{mark}")
        return "\n".join(out)

    def goals_text(self):
        out = ["goals of issue 17 (ratios within this run):"]
        for what, ratio, goal, met in self.goals:
            out.append(f"  {what}: {ratio:.2f}, goal {goal}: {'met' if met else 'NOT MET'}")
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
    block = (f"{START_MARK}\n{header}\n\n{table.markdown()}\n\n{table.goals_markdown()}\n\n"
             f"![lag and throughput](benchmarks.png)\n{END_MARK}")
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
        anchors(sizes, base, m, "before")
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
        anchors(sizes, base, m, "after")  # the cluster idles meanwhile
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


def spread(values):
    return "/".join(f"{v:,.0f}" for v in values)


def build_table(sizes, m):
    raw_rt, raw_batched, syncobj = m["raw"]["round trip (serpent)"], m["raw"]["batched (serpent)"], m.get("syncobj")
    raw_typical = m["raw"].get("typical round trip (serpent)")
    raw_typical_json = m["raw"].get("typical round trip (json)")
    table = Table(raw_rt, raw_batched, syncobj)
    table.add("raw Pyro5 round trip, 1 plain contact dict per call", raw_rt, f"{raw_rt:,.0f} calls/s", "1.00x raw")
    table.add(f"raw Pyro5 batched, {replication_bench.BATCH} updates per call", raw_batched,
              f"{raw_batched:,.0f} contacts/s", f"{raw_batched / raw_rt:.2f}x raw")
    throughput = [("raw Pyro5 round trips", raw_rt), ("raw Pyro5 batched (contacts/s)", raw_batched)]
    if raw_typical:
        table.add("raw Pyro5 round trip, 1 typical contact dict per call (the write rows' raw)", raw_typical,
                  f"{raw_typical:,.0f} calls/s", f"{raw_typical / raw_rt:.2f}x raw")
        throughput.append(("raw Pyro5 round trips, typical contact", raw_typical))
    typical_raw = [("raw", raw_typical)]
    if syncobj:
        table.add("pysyncobj 3 nodes, sync writes from a thread on the leader (appendEntriesUseBatch=False, "
                  "no fsync)", syncobj, f"{syncobj:,.0f} writes/s", f"{syncobj / raw_typical:.2f}x raw")
        throughput.append(("pysyncobj sync writes", syncobj))
    served, served_runs = anchor(m, "syncobj served", "serpent")
    served_json, served_json_runs = anchor(m, "syncobj served", "json")
    if served:
        table.add("pysyncobj 3 nodes served over Pyro5: 1 remote client (serpent) calls the leader's set(sync=True)",
                  served, f"{served:,.0f} writes/s", f"{served / raw_typical:.2f}x raw; before/after {spread(served_runs)}")
        table.add("  the same, the client speaking json", served_json, f"{served_json:,.0f} writes/s",
                  f"{served_json / raw_typical_json:.2f}x raw json; before/after {spread(served_json_runs)}")
        throughput.append(("pysyncobj over Pyro5, 1 client", served))
    etcd_one, etcd_one_runs = anchor(m, "etcd", "one")
    etcd_many, etcd_many_runs = anchor(m, "etcd", "many")
    clients = sizes["clients"]
    if etcd_one:
        release = m["anchors"]["before"]["etcd"]["version"]
        table.add(f"etcd {release}, 3 members, 1 keep-alive HTTP/JSON client, /v3/kv/put (majority fsynced)",
                  etcd_one, f"{etcd_one:,.0f} puts/s", f"{etcd_one / raw_typical:.2f}x raw; before/after "
                  f"{spread(etcd_one_runs)}")
        table.add(f"etcd, {clients} client processes", etcd_many, f"{etcd_many:,.0f} puts/s",
                  f"{etcd_many / raw_typical:.2f}x raw; before/after {spread(etcd_many_runs)}")
        throughput += [("etcd, 1 client", etcd_one), (f"etcd, {clients} clients", etcd_many)]
    elif etcd_rate.available() is False:
        table.add("etcd: not installed, not measured (apt-get install etcd-server)", 0, "-")
    if "sqlite commit" in m:
        commit = m["sqlite commit"]
        table.add("fsynced SQLite commit of one contact row, on the replicas' disk", commit,
                  f"{commit:,.0f} commits/s", f"{commit / raw_typical:.2f}x raw")
        throughput.append(("fsynced SQLite commits", commit))
    anchors_local = {"one": [("pysyncobj/Pyro5", served, 1.5)], "many": []}
    anchors_peer = {"one": [("etcd", etcd_one, 1.0), ("pysyncobj/Pyro5", served, 1.0)],
                    "many": [(f"etcd {clients} clients", etcd_many, 1.0)]}
    for mode, goals in (("local", anchors_local), ("peer", anchors_peer)):
        if f"one {mode}" in m:
            one, held = m[f"one {mode}"]
            note = "" if mode == "local" else f" ({sum(h >= 2 for h in held) / len(held):.0%} held by 2 at ack)"
            table.rate(f"acknowledged writes, 1 client, ack={mode}{note}", one,
                       refs=typical_raw + ([("etcd", etcd_one)] if mode == "local" else []), goals=goals["one"])
            throughput.append((f"writes ack={mode}, 1 client", one))
        if f"many {mode}" in m:
            many, many_held = m[f"many {mode}"]
            note = "" if mode == "local" else f" ({many_held:.0%} held by 2 at ack)"
            table.rate(f"acknowledged writes, {clients} client processes, ack={mode}{note}", many,
                       refs=typical_raw + ([(f"etcd {clients} clients", etcd_many)] if mode == "local" else []),
                       goals=goals["many"])
            throughput.append((f"writes ack={mode}, {clients} clients", many))
    if "one json" in m:
        table.add("raw Pyro5 round trip, 1 typical contact dict per call, json", raw_typical_json,
                  f"{raw_typical_json:,.0f} calls/s", f"{raw_typical_json / raw_typical:.2f}x raw")
        for key, who in (("one json", "1 client"), ("many json", f"{clients} client processes")):
            value = m[key][0]
            table.rate(f"acknowledged writes, {who}, ack=local, json (as ContactsClient)", value,
                       refs=[("raw json", raw_typical_json), ("pysyncobj/Pyro5 json", served_json)])
            throughput.append((f"writes ack=local, {who.replace(' processes', '')}, json", value))
    if "batched adds" in m:
        table.rate("acknowledged writes, 1 client, ack=local, add_contacts of 100 per call (an import)",
                   m["batched adds"], unit="contacts/s", refs=typical_raw)
        throughput.append(("writes ack=local, 1 client, batches of 100", m["batched adds"]))
    if "one alone" in m:
        one = m["one alone"][0]
        table.rate("acknowledged writes, 1 client, ack=local, replicas 2 and 3 stopped", one,
                   refs=typical_raw + [("pysyncobj/Pyro5", served)])
        throughput.append(("writes ack=local, 1 client, no peers", one))
    if "replicated" in m:
        table.rate("replicated writes (plain contacts), 6 clients on 3 replicas, until all 3 hold them",
                   m["replicated"], refs=[("raw", raw_rt)])
        throughput.append(("replicated (held by all 3)", m["replicated"]))
    if "lag" in m:
        p50, p99, count = m["lag"]
        # one paced writer: when it cannot keep up, the rate it reached is what was measured
        reached = count / max(m["lag samples"][-1][0], 1e-9) if m.get("lag samples") else sizes["lag_rate"]
        table.add(f"replication lag p50, {LAG_WRITERS} writers paced at {sizes['lag_rate']}/s in all, reached {reached:,.0f}/s "
                  f"({count} writes)", p50, ms(p50), f"{p50 * raw_rt:.1f} raw round trips")
        today, today_met = table.no_worse("replication lag p99, in raw round trips", p99 * raw_rt, TODAY["lag p99"])
        table.add("replication lag p99", p99, ms(p99),
                  f"{p99 * raw_rt:.1f} raw round trips", f"< 50 ms at 500/s; {today}",
                  (p99 < 0.050 and today_met) if reached >= 0.95 * sizes["lag_rate"] else None)
    if "failover" in m:
        times = m["failover"]
        table.add(f"client failover after SIGKILL, p50 ({len(times)} trials, client timeout 1 s)",
                  statistics.median(times), ms(statistics.median(times)), f"max {ms(max(times))}")
    if "catch-up" in m:
        rate, elapsed, first_answer = m["catch-up"]
        today, today_met = table.no_worse("catch-up, x raw batched", rate / raw_batched, TODAY["catch-up"], True)
        met = rate >= 0.5 * raw_batched and today_met
        table.add(f"catch-up of {sizes['catch_up']:,} missed updates (from restart, {elapsed:.1f} s)", rate,
                  f"{rate:,.0f} updates/s", f"{rate / raw_batched:.2f}x raw batched",
                  f">= 0.5x raw batched; {today}", met)
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
            today, today_met = table.no_worse("list_contacts first page p50, in raw round trips", p50 * raw_rt,
                                              TODAY["first page"])
            goal, met = f"p50 < 50 ms; {today}", p50 < 0.050 and today_met
        elif name.startswith("search, selective"):
            today, today_met = table.no_worse("selective search p50, in raw round trips", p50 * raw_rt,
                                              TODAY["search"])
            goal, met = f"p50 < 20 ms; {today}", p50 < 0.020 and today_met
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
        today, today_met = table.no_worse("peak RSS of a replica, MB", worst, TODAY["rss"])
        table.add("peak RSS (VmHWM): " + ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items()), worst,
                  f"max {worst:.0f} MB", "", f"< 200 MB; {today}", worst < 200 and today_met)
    return table, throughput


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a minute or two)")
    parser.add_argument("--write", action="store_true", help="write docs/ even with --quick")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--client-worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_worker:
        uri, seconds, first, serializer, kind = args.client_worker
        return client_worker(uri, float(seconds), int(first), serializer, kind)
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
        before.update(typical_round_trips(echo_uri, sizes["raw_seconds"]))
        if syncobj_rate.available():
            step("pysyncobj, 3 nodes")
            m["syncobj"] = syncobj_rate.measure(sizes["seconds"], typical(1))["rate"]
        with tempfile.TemporaryDirectory(prefix="bench-run-") as base:
            try:
                measure_cluster(sizes, base, m)
            except Exception as exc:  # keep and print what was measured
                failure = exc
                import traceback
                traceback.print_exc()
        step("raw Pyro5 again")
        after = replication_bench.raw_rates(echo_uri, sizes["raw_seconds"])
        after.update(typical_round_trips(echo_uri, sizes["raw_seconds"]))
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
    print("\n" + table.goals_text())
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
