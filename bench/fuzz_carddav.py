"""Hostile requests against a real CardDAV gateway on a real 3-replica cluster (issue 18).

    PYTHONPATH=. python bench/fuzz_carddav.py --requests 10000 --seed 1

Draws the requests from the seed (contacts/testing/carddav_fuzz.py), sends them from
``--workers`` threads, and checks: every answer a 4xx (no 5xx, no dropped connection),
the gateway still serving, and every replica holding exactly what it held before
(version vector, contacts, trash).  Prints a table per kind of request and one line of
figures ending in result=PASS or result=FAIL (exit status 1).
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contacts.cluster import LocalCluster  # noqa: E402
from contacts.testing import carddav_fuzz  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--data-dir", help="keep the cluster's data and logs here")
    args = parser.parse_args(argv)
    base = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="fuzz-carddav-"))
    with LocalCluster(base / "cluster") as cluster:
        cluster.start(3)
        process, host, port = carddav_fuzz.start_gateway(cluster)
        existing = carddav_fuzz.seed_cards(cluster, host, port)
        before = carddav_fuzz.cluster_state(cluster, (1, 2, 3))
        started = time.monotonic()
        report = carddav_fuzz.run(host, port, args.requests, args.seed, existing, args.workers)
        seconds = time.monotonic() - started
        alive = process.poll() is None and carddav_fuzz.gateway_answers(host, port)
        after = carddav_fuzz.cluster_state(cluster, (1, 2, 3))
    changed = [replica for replica in before if before[replica] != after[replica]]
    print(f"{'kind':<12} {'sent':>6}  statuses")
    for kind, statuses in sorted(report.per_kind().items()):
        shown = ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items(), key=lambda s: str(s[0])))
        print(f"{kind:<12} {sum(statuses.values()):>6}  {shown}")
    for bad in report.bad[:20]:
        print("NOT 4xx:", bad)
    failed = report.bad or changed or not alive
    print(f"seed={args.seed} requests={report.sent} seconds={seconds:.1f} not_4xx={len(report.bad)} "
          f"gateway_up={alive} replicas_changed={len(changed)} result={'FAIL' if failed else 'PASS'}")
    if failed:
        print(f"data and logs kept in {base}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
