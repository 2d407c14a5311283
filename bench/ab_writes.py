"""A/B of acknowledged writes: an older revision against this checkout, rounds interleaved.

    python bench/ab_writes.py --old REV [--rounds 3] [--seconds 5]

On a shared machine the speed drifts within minutes, so one run of each version says
little.  This exports ``REV`` (``git archive``) to a temp dir and, ``--rounds`` times, for
the old code then this checkout: starts a fresh local cluster of 3 replicas running that
code (the replicas import it through PYTHONPATH), and measures one bare-proxy client (serpent)
writing bench/typical_contact.py's typical contact to replica 1 with ``--ack local`` and
then ``--ack peer`` for ``--seconds`` each.  Prints every round and, per mode, new / old of
each round (pairs measured within a minute of each other).
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def export(rev, into):
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def one_round(code, seconds):
    """Writes/s per ack mode on a fresh cluster running the code in ``code`` (a subprocess)."""
    env = dict(os.environ, PYTHONPATH=str(code))
    script = f"""
import sys, json, tempfile
sys.path.insert(0, {str(BENCH)!r})
from Pyro5.api import Proxy
import measure, typical_contact
from contacts import pyro_settings
from contacts.cluster import LocalCluster
pyro_settings.apply()
rates = {{}}
with tempfile.TemporaryDirectory(prefix="bench-ab-") as base, LocalCluster(base) as cluster:
    cluster.start(3)
    for mode in ("local", "peer"):
        cluster.stop_replica(1)
        cluster.start_replica(1, "--ack", mode)
        counter = iter(range(10 ** 6 * (mode == "peer"), 10 ** 8))
        with Proxy(cluster.uri(1)) as proxy:
            proxy._pyroTimeout = 30
            proxy.add_contact(typical_contact.typical(next(counter)))
            rates[mode] = measure.rate(lambda: proxy.add_contact(typical_contact.typical(next(counter))), {seconds})
print(json.dumps(rates))
"""
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=code)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    import json
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", required=True, help="the revision to compare with (e.g. HEAD~1)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    results = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="bench-ab-code-") as old_code:
        export(args.old, old_code)
        for round_number in range(args.rounds):
            for version, code in (("old", old_code), ("new", ROOT)):
                rates = one_round(code, args.seconds)
                results[version].append(rates)
                print(f"round {round_number + 1}, {version} ({args.old if version == 'old' else 'this checkout'}): "
                      f"ack=local {rates['local']:,.0f} writes/s, ack=peer {rates['peer']:,.0f} writes/s "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
    for mode in ("local", "peer"):
        ratios = [new[mode] / old[mode] for old, new in zip(results["old"], results["new"])]
        print(f"ack={mode}: new / old per round " + ", ".join(f"{r:.2f}" for r in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
