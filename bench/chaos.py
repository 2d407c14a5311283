"""Jepsen-style chaos run: clients write through ContactsClient while a nemesis
injects faults; a checker then reads every replica and judges the history.

    python bench/chaos.py --seconds 60 --seed 1 --replicas 3 --clients 4

Faults (one at a time, on a schedule drawn from --seed): SIGKILL + restart of a
replica, SIGSTOP/SIGCONT, the name server killed and restarted, latency and cut
links at a TCP proxy in front of a replica, network partitions between replicas,
clock jumps, slow fsyncs, and full disks (each data dir a tmpfs; root).  As root with ``ip netns`` each replica is a host of its own (a network
namespace) and a partition is a link taken down; elsewhere a partition is a
proxy-level cut (the first line says which).

After the run: every fault healed, a quiet period until the replicas converge, then
every replica is read with a bare Pyro5 proxy and checked for lost acknowledged
writes, unexpected contacts or values, resurrected deletes and divergent replicas.
Prints a summary table and, last, one line of figures; exits 1 on any violation
(and, with --resources, on a replica's heap, fds or threads growing past their bounds).
``--rich-clients N`` adds threads editing every field of a few shared contacts (checked
per merge rule), ``--carddav-clients N`` CardDAV clients through a gateway per replica.
See docs/reliability.md.
"""
import argparse
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contacts.client import ContactsClient
from measure import percentile  # noqa: E402  bench/measure.py
from contacts.testing.faults.checker import check, summarize
from contacts.testing.faults.cluster import HostsCluster
from contacts.testing.faults import disk_full
from contacts.testing.faults.history import History
from contacts.testing.faults.resources import Bounds, ResourceSampler
from contacts.testing.faults.nemesis import KINDS, SHIM_KINDS, Nemesis, wait_converged
from contacts.testing.faults.surfaces import Surfaces
from contacts.testing.faults.workload import ClientWorker, add_shared_contacts

SHOWN_VIOLATIONS = 20
PAGE = 5000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python bench/chaos.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long clients and nemesis run")
    parser.add_argument("--seed", type=int, default=1, help="seed of the fault schedule and workload")
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument("--clients", type=int, default=4, help="client threads (one ContactsClient each)")
    parser.add_argument("--hosts", choices=("auto", "netns", "loopback"), default="auto",
                        help="netns: a namespace per replica (root); loopback: all on 127.0.0.1")
    parser.add_argument("--faults", default=",".join(KINDS),
                        help=f"comma-separated fault kinds (default all: {','.join(KINDS)})")
    parser.add_argument("--fault-seconds", type=float, nargs=2, default=(1.0, 6.0), metavar=("MIN", "MAX"),
                        help="how long each fault lasts (default 1 6)")
    parser.add_argument("--gap-seconds", type=float, nargs=2, default=(0.5, 3.0), metavar=("MIN", "MAX"),
                        help="quiet time between faults (default 0.5 3)")
    parser.add_argument("--overlap", type=float, default=0.0, metavar="P",
                        help="chance (0-1) that a second fault, on another replica, joins each fault")
    parser.add_argument("--converge-timeout", type=float, default=60,
                        help="how long replicas may take to converge after the final heal")
    parser.add_argument("--timeout", type=float, default=2.0, help="client call timeout (s)")
    parser.add_argument("--shared", type=int, default=3,
                        help="contacts every client thread updates (concurrent writes meet in the merge)")
    parser.add_argument("--think", type=float, default=0.02, help="mean pause between a client's calls (s)")
    parser.add_argument("--ack", choices=("local", "peer"), help="replicas' --ack mode (default: theirs)")
    parser.add_argument("--data-dir", help="keep the cluster's data and logs here (default: a temp dir, "
                                           "kept only when the check fails)")
    parser.add_argument("--history", help="write the history here, one JSON operation a line")
    parser.add_argument("--rich-clients", type=int, default=0, metavar="N",
                        help="threads editing every field of a few shared rich contacts (default 0)")
    parser.add_argument("--rich-contacts", type=int, default=4, metavar="K",
                        help="how many rich contacts those threads share (default 4)")
    parser.add_argument("--carddav-clients", type=int, default=0, metavar="N",
                        help="CardDAV clients writing and syncing through a gateway per replica (default 0)")
    parser.add_argument("--resources", type=float, metavar="SECONDS", default=0,
                        help="sample each replica's RSS, fds and threads this often; fail on growth "
                             "beyond the bounds below (contacts/testing/faults/resources.py)")
    parser.add_argument("--warmup", type=float, default=Bounds.warmup,
                        help="seconds of a replica process's life before its RSS baseline")
    parser.add_argument("--max-rss-growth", type=float, default=Bounds.rss_growth_mb, metavar="MB")
    parser.add_argument("--max-fds", type=int, default=Bounds.max_fds)
    parser.add_argument("--max-threads", type=int, default=Bounds.max_threads)
    args = parser.parse_args(argv)
    args.faults = [k.strip() for k in args.faults.split(",") if k.strip()]
    unknown = set(args.faults) - set(KINDS)
    if unknown:
        parser.error(f"unknown fault kinds {sorted(unknown)}; choose from {', '.join(KINDS)}")
    if args.replicas < 1 or args.clients < 1 or args.seconds <= 0:
        parser.error("--replicas, --clients and --seconds must be positive")
    if min(args.rich_clients, args.carddav_clients) < 0 or args.rich_contacts < 1:
        parser.error("--rich-clients and --carddav-clients must be 0 or more, --rich-contacts positive")
    if "diskfull" in args.faults:
        why_not = disk_full.mount_error()
        if why_not:  # skipped with its reason, like the clock fault without libfaketime
            args.faults.remove("diskfull")
            print(f"chaos: diskfull skipped: {why_not}", flush=True)
            if not args.faults:
                parser.error("no fault kind left to run")
    return args


def read_replicas(cluster, replica_ids, timeout=10.0):
    """{replica: list_contacts() or the exception}, through bare Pyro5 proxies."""
    lists = {}
    for replica_id in replica_ids:
        try:
            with cluster.bare_proxy(replica_id, timeout) as proxy:
                # in pages: a replica refuses to send more than 10,000 contacts in one answer
                # (a 30-minute run holds ~20,000); the clients have stopped, nothing moves
                contacts = []
                while True:
                    page = proxy.list_contacts(len(contacts), PAGE)
                    contacts += page
                    if len(page) < PAGE:
                        break
                lists[replica_id] = contacts
        except Exception as exc:
            lists[replica_id] = exc
    return lists


def fmt(seconds):
    return "-" if seconds is None else f"{seconds:.2f}"


def run(args, base_dir):
    replica_args = ["--ack", args.ack] if args.ack else []
    cluster = HostsCluster(base_dir, args.replicas, hosts=args.hosts, replica_args=replica_args,
                           shims=[kind for kind in args.faults if kind in SHIM_KINDS],
                           small_disks="diskfull" in args.faults)
    print(f"chaos: seed {args.seed}, {args.seconds:g} s, {args.replicas} replicas, {args.clients} clients; "
          f"hosts: {cluster.describe()}", flush=True)
    workers, nemesis, sampler, stopping, surfaces = [], None, None, threading.Event(), None
    try:
        cluster.start()
        replica_ids = sorted(cluster.replicas)
        history = History()

        def client_for(index):
            # client i prefers replica i (mod N), so writes enter the cluster everywhere at once
            preferred = replica_ids[(index - 1) % len(replica_ids)]
            return lambda: ContactsClient(ns_host=cluster.host, ns_port=cluster.ns_port,
                                          uris=[cluster.replica_uri(preferred)], timeout=args.timeout)

        with client_for(1)() as client:
            add_shared_contacts(history, client, args.shared)
        workers = [ClientWorker(i, history, client_for(i), args.seed, stopping, args.think, args.shared)
                   for i in range(1, args.clients + 1)]
        surfaces = Surfaces(args, cluster, history, client_for, stopping)
        surfaces.start(replica_ids)
        for worker in workers:
            worker.start()
        if args.resources:
            sampler = ResourceSampler(cluster, args.resources, lambda r: count_contacts(cluster, r),
                                      Bounds(args.warmup, args.max_rss_growth, max_fds=args.max_fds,
                                             max_threads=args.max_threads))
            sampler.start()
        nemesis = Nemesis(cluster, args.seed, history.now, args.faults, tuple(args.fault_seconds),
                          tuple(args.gap_seconds), overlap=args.overlap, history=history)
        nemesis.start()
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline and nemesis.is_alive():
            time.sleep(0.2)  # the harness's own clock: the run lasts --seconds
        nemesis.stop()
        nemesis.join()
        stopping.set()
        for worker in workers:
            worker.join(60)
        surfaces.join()
        nemesis.heal_everything()
        healed = time.monotonic()
        converged = wait_converged(cluster, replica_ids, args.converge_timeout)
        final_convergence = time.monotonic() - healed if converged is not None else None
        if sampler is not None:
            sampler.stop()
        lists = read_replicas(cluster, replica_ids)
        operations = history.operations()
        violations = check(*surfaces.split(operations, lists)) + surfaces.check(cluster, operations, lists)
        if args.history:
            history.dump(args.history)
        return report(args, cluster, history, nemesis, workers, lists, violations, final_convergence, surfaces,
                      sampler)
    finally:
        stopping.set()
        if sampler is not None:
            sampler.stopping.set()
        if nemesis is not None:
            nemesis.stop()
        cluster.stop()


def count_contacts(cluster, replica_id):
    try:
        with cluster.bare_proxy(replica_id, 2.0) as proxy:
            return proxy.count_contacts()
    except Exception:
        return None


def report(args, cluster, history, nemesis, workers, lists, violations, final_convergence, surfaces, sampler=None):
    counts = history.counts()
    print("\noperations   " + "".join(f"{h:>10}" for h in ("ok", "failed", "unknown", "total")))
    for kind in ("add", "update", "delete", "all"):
        row = [counts[(kind, o)] for o in ("ok", "failed", "unknown")]
        print(f"  {kind:<10} " + "".join(f"{n:>10}" for n in row + [sum(row)]))
    faults = nemesis.faults
    print(f"\nfaults ({cluster.hosts_kind})      count  converged after heal: p50     max   (s)")
    by_kind = Counter(f.kind for f in faults)
    all_times = [f.converged_after for f in faults if f.converged_after is not None]
    for kind in KINDS:
        times = [f.converged_after for f in faults if f.kind == kind and f.converged_after is not None]
        if by_kind[kind]:
            print(f"  {kind:<18} {by_kind[kind]:>6} {fmt(percentile(times, 0.5)):>27} {fmt(max(times, default=None)):>7}")
    not_converged = sum(1 for f in faults if f.converged_after is None)
    print(f"  {'all':<18} {len(faults):>6} {fmt(percentile(all_times, 0.5)):>27} "
          f"{fmt(max(all_times, default=None)):>7}"
          + (f"   ({not_converged} not converged within the wait)" if not_converged else ""))
    print("\nfault log:")
    for fault in faults:
        print("  " + fault.describe())
    for worker in workers:
        if worker.error is not None:
            print(f"client {worker.index} stopped on {worker.error!r}")
    reads = Counter()
    for worker in workers:
        reads.update(worker.reads)
        for example in worker.stale_examples:
            print(f"client {worker.index} stale read: {example}")
    print(f"\nread-your-writes (own contacts read back): {reads['answered']} answered, {reads['unanswered']} "
          f"unanswered, {reads['stale_flagged']} without writes the client said no reachable replica "
          f"holds, {reads['stale']} stale")
    sizes = {r: (len(v) if isinstance(v, list) else repr(v)) for r, v in lists.items()}
    print(f"\nfinal read: contacts per replica {sizes}; converged {fmt(final_convergence)} s after the final heal")
    extra_figures = surfaces.report()
    summary = summarize(violations)
    print("checker: " + ", ".join(f"{k} {n}" for k, n in summary.items()))
    for violation in violations[:SHOWN_VIOLATIONS]:
        print(violation.report())
    if len(violations) > SHOWN_VIOLATIONS:
        print(f"... and {len(violations) - SHOWN_VIOLATIONS} more violations")
    failed_workers = [w for w in workers if w.error is not None] + surfaces.failed_threads()
    resource_problems = []
    if sampler is not None:
        print()
        print("\n".join(sampler.report_lines()))
        resource_problems = sampler.violations()
        for problem in resource_problems:
            print("RESOURCES: " + problem)
    ok = (not violations and final_convergence is not None and nemesis.error is None and not failed_workers
          and reads["stale"] == 0 and not resource_problems)
    figures = {
        "seed": args.seed, "seconds": f"{args.seconds:g}", "replicas": args.replicas, "clients": args.clients,
        "hosts": cluster.hosts_kind, "ops": counts[("all", "ok")] + counts[("all", "failed")] + counts[("all", "unknown")],
        "acked": counts[("all", "ok")], "failed": counts[("all", "failed")], "unknown": counts[("all", "unknown")],
        "faults": len(faults), **{f"faults_{k}": by_kind[k] for k in KINDS},
        "diskfull_refused": sum(1 for f in faults if f.refused),
        "lost": summary["lost"], "unexpected": summary["unexpected"], "resurrected": summary["resurrected"],
        "divergent": summary["divergent"], "unreadable": summary["unreadable"],
        "reads": reads["answered"], "reads_flagged": reads["stale_flagged"], "stale": reads["stale"],
        "converge_p50": fmt(percentile(all_times, 0.5)), "converge_max": fmt(max(all_times, default=None)),
        "final_converge": fmt(final_convergence), **extra_figures,
        **({**sampler.figures(), "resource_problems": len(resource_problems)} if sampler else {}),
        "result": "PASS" if ok else "FAIL"}
    print(" ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
    return 0 if ok else 1


def interrupt(signum, _frame):
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv=None):
    args = parse_args(argv)
    # Ctrl-C and SIGTERM unwind through run()'s finally: processes, proxies, namespaces go
    # (SIGINT explicitly too: a shell starts background jobs with it ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, interrupt)
    base_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="contacts-chaos-"))
    status = 1
    try:
        status = run(args, base_dir)
    except KeyboardInterrupt:
        print("interrupted: cluster stopped, namespaces removed", file=sys.stderr)
        status = 130
    finally:
        if not args.data_dir:
            if status == 0:
                shutil.rmtree(base_dir, ignore_errors=True)
            else:
                print(f"data and logs kept in {base_dir}", file=sys.stderr)
    return status


if __name__ == "__main__":
    os.environ.setdefault("CONTACTS_PING_INTERVAL", "0.5")
    sys.exit(main())
