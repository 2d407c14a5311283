"""CPU time per acknowledged write, per replica process: steadier than writes/s on a shared machine.

    python bench/cpu_per_write.py [--old REV] [--writes 400] [--rounds 2]

On a machine other jobs share, a rate measures the neighbours as much as the code
(bench/ab_writes.py's rounds spread 0.5-1.5x).  The CPU a replica process spends (user +
system, /proc/PID/stat) per write depends far less on them.  For this checkout (and, with
``--old``, a revision exported with ``git archive``, rounds interleaved) this starts a local
cluster of 3 replicas, has one bare-proxy client (serpent) add ``--writes`` typical contacts
(bench/typical_contact.py) to replica 1 with ``--ack local`` then ``--ack peer``, waits until
replicas 2 and 3 hold them all, and prints each replica's CPU microseconds per write.  The
resolution is one clock tick (10 ms) over the run: 25 us per write at 400 writes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

SCRIPT = """
import json, os, sys, tempfile
sys.path.insert(0, {bench!r})
from Pyro5.api import Proxy
import typical_contact
from contacts import pyro_settings
from contacts.cluster import LocalCluster, wait_until
pyro_settings.apply()
tick = os.sysconf("SC_CLK_TCK")

def cpu(pid):
    fields = open(f"/proc/{{pid}}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick

out = {{}}
with tempfile.TemporaryDirectory(prefix="bench-cpu-") as base, LocalCluster(base) as cluster:
    cluster.start(3)
    for mode in ("local", "peer"):
        cluster.stop_replica(1)
        cluster.start_replica(1, "--ack", mode)
        counter = iter(range(10 ** 6 * (mode == "peer"), 10 ** 8))
        with Proxy(cluster.uri(1)) as proxy:
            proxy._pyroTimeout = 30
            proxy.add_contact(typical_contact.typical(next(counter)))
            pids = {{r: cluster.replicas[r].pid for r in (1, 2, 3)}}
            before = {{r: cpu(pid) for r, pid in pids.items()}}
            for _ in range({writes}):
                proxy.add_contact(typical_contact.typical(next(counter)))
            target = proxy.version_vector()
        for r in (2, 3):
            with Proxy(cluster.uri(r)) as peer:
                wait_until(lambda: all(peer.version_vector().get(k, 0) >= v for k, v in target.items()), 60)
        out[mode] = {{r: (cpu(pid) - before[r]) / {writes} * 1e6 for r, pid in pids.items()}}
print(json.dumps(out))
"""


def one_round(code, writes):
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(bench=str(BENCH), writes=writes)], env=env,
                          capture_output=True, text=True, cwd=code)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", help="a revision to compare with (e.g. HEAD~1)")
    parser.add_argument("--writes", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cpu-code-") as old_code:
        versions = [("this checkout", ROOT)]
        if args.old:
            subprocess.run(f"git -C {ROOT} archive {args.old} | tar -x -C {old_code}", shell=True, check=True)
            versions.insert(0, (args.old, Path(old_code)))
        for round_number in range(args.rounds):
            for name, code in versions:
                cpu = one_round(code, args.writes)
                print(f"round {round_number + 1}, {name}: CPU us per write, replica 1 / 2 / 3: " + "; ".join(
                    f"ack={mode} " + " / ".join(f"{cpu[mode][r]:,.0f}" for r in ("1", "2", "3"))
                    for mode in ("local", "peer")) + f" (load {os.getloadavg()[0]:.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
