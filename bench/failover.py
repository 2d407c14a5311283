"""Client-visible failover time and write throughput of ContactsClient, beside raw Pyro5.

    python bench/failover.py [--trials 20] [--timeout 1.0] [--seconds 3]

Starts a local cluster (name server + 3 replica processes) and, in the same run, a tiny
Pyro5 echo daemon in its own process, then measures:

- failover after SIGKILL: the replica the client uses is killed; the time of the client's
  next call (an add_contact) is the time the user waits. The replica is restarted before
  the next trial;
- failover after SIGSTOP: the same with the replica frozen (detected only by the client's
  timeout, so expect about --timeout);
- rates over --seconds each: raw Pyro5 round trips (echo), then add_contact and
  get_contact through a bare proxy and through the client (the difference is the
  client's own cost: failover bookkeeping, read-your-writes vector, proxy pool).

Prints a table (milliseconds, calls/s and the ratio to the raw Pyro5 rate).
"""
import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from Pyro5.api import Proxy  # noqa: E402

from contacts import pyro_settings
from contacts.client import ContactsClient
from contacts.cluster import LocalCluster, wait_until
from measure import percentile, rate  # noqa: E402  bench/measure.py
from replication import start_echo_server  # noqa: E402  bench/replication.py's echo daemon


def paired_rates(first, second, seconds, rounds=6):
    """Rates of two calls measured in alternating short windows, so that load from
    elsewhere on the machine drifts over both alike."""
    counts, spent = [0, 0], [0.0, 0.0]
    for _ in range(rounds):
        for index, call in enumerate((first, second)):
            started = time.perf_counter()
            deadline = started + seconds / (2 * rounds)
            while time.perf_counter() < deadline:
                for _ in range(10):
                    call()
                counts[index] += 10
            spent[index] += time.perf_counter() - started
    return counts[0] / spent[0], counts[1] / spent[1]


def failover_trials(cluster, client, trials, how):
    """Seconds the client's next write takes after the replica in use is killed / frozen."""
    times = []
    for trial in range(trials):
        client.add_contact({"name": f"before {how} {trial}"})
        victim = client.current_replica[0]
        if how == "SIGKILL":
            cluster.kill(victim)
        else:
            cluster.signal(victim, signal.SIGSTOP)
        started = time.perf_counter()
        client.add_contact({"name": f"after {how} {trial}"})
        times.append(time.perf_counter() - started)
        assert client.current_replica[0] != victim
        if how == "SIGKILL":
            cluster.start_replica(victim)
        else:
            cluster.signal(victim, signal.SIGCONT)
        # let the replica rejoin (peers see it alive) before the next trial
        with cluster.proxy(victim) as proxy:
            wait_until(lambda: all(p["alive"] for p in proxy.cluster_status()), 30, what="rejoin")
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=1.0, help="client call timeout (s)")
    parser.add_argument("--seconds", type=float, default=3.0, help="duration of each rate measurement")
    parser.add_argument("--replicas", type=int, default=3)
    args = parser.parse_args()

    pyro_settings.apply()
    echo_process, echo_uri = start_echo_server()
    base = Path(tempfile.mkdtemp(prefix="bench-failover-"))
    cluster = LocalCluster(base)
    try:
        cluster.start(args.replicas)
        client = ContactsClient("127.0.0.1", cluster.ns_port, timeout=args.timeout)
        client.list_contacts(limit=1)

        with Proxy(echo_uri) as echo:
            raw = rate(lambda: echo.echo("x"), args.seconds)
        counter = iter(range(10 ** 9))
        with cluster.proxy(client.current_replica[0]) as bare:
            bare_add, client_add = paired_rates(
                lambda: bare.add_contact({"name": f"bare {next(counter)}"}),
                lambda: client.add_contact({"name": f"client {next(counter)}"}), 2 * args.seconds)
            some_id = client.add_contact({"name": "read me"})["id"]
            bare_get, client_get = paired_rates(lambda: bare.get_contact(some_id),
                                                lambda: client.get_contact(some_id), 2 * args.seconds)

        kill_times = failover_trials(cluster, client, args.trials, "SIGKILL")
        stop_times = failover_trials(cluster, client, args.trials, "SIGSTOP")
        client.close()
    finally:
        cluster.stop()
        echo_process.terminate()
        echo_process.wait(10)
        shutil.rmtree(base, ignore_errors=True)

    print(f"\nContactsClient failover and throughput ({args.replicas} replicas on one machine, "
          f"{os.cpu_count()} CPUs, client timeout {args.timeout:g} s, {args.trials} trials each)\n")
    print(f"{'client-visible failover':<34}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, times in (("after SIGKILL of the replica in use", kill_times),
                         ("after SIGSTOP of the replica in use", stop_times)):
        ms = [t * 1000 for t in times]
        print(f"{label:<34}{statistics.median(ms):>9.1f}{percentile(ms, 0.99):>9.1f}{max(ms):>9.1f}")
    print(f"\n{'rate':<34}{'calls/s':>9}{'vs raw':>9}")
    for label, value in (("raw Pyro5 round trip (echo)", raw),
                         ("add_contact, bare Pyro5 proxy", bare_add),
                         ("add_contact via ContactsClient", client_add),
                         ("get_contact, bare Pyro5 proxy", bare_get),
                         ("get_contact via ContactsClient", client_get)):
        print(f"{label:<34}{value:>9.0f}{value / raw:>9.2f}")
    print("\n(add_contact is acknowledged after an fsync'd SQLite commit on the replica: ack=local)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
