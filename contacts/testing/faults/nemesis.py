"""The nemesis: faults on a random schedule drawn from a seed, each healed in turn,
and the time the replicas take to converge after each heal.

One fault at a time (or, with ``overlap``, sometimes two at once on different
replicas): inject, hold it for a while, heal, then wait (bounded) until
every replica holds every update any replica held at the heal (their version
vectors cover the union): that wait is the *convergence time after heal*.  Then a
quiet gap, and the next fault.  Kinds:

- ``kill``: SIGKILL a replica (a crash, a power cut), restart it on the same data dir;
- ``pause``: SIGSTOP a replica (a hung host: connections stay open, nothing answers), SIGCONT;
- ``nameserver``: SIGKILL the name server, restart it empty (replicas re-register);
- ``latency``: the replica's proxy delays every chunk of data 50-500 ms;
- ``cut``: the replica's proxy drops its connections and leaves new ones silent;
- ``partition``: with netns hosts, a link taken down: one replica isolated from
  everyone, two replicas cut from each other, or one replica cut from the other
  replicas while all still reach the clients and the name server; with loopback
  hosts, every link of one replica cut at its proxy;
- ``clock``: the replica's wall clock jumps (libfaketime);
- ``slowdisk``: every fsync of the replica sleeps first (an LD_PRELOAD shim);
- ``diskfull``: the replica's data dir (a tmpfs of its own) filled up by a filler file,
  which healing deletes.  With a history, the nemesis probes the replica through a bare
  proxy while it is full (writes until one is refused, and a read) and once space is
  back (one write), and records those writes like a client's (thread -1), so the
  checker judges them too.
"""
import random
import signal
import threading
import time
from dataclasses import dataclass

from ...versions import VersionVector
from . import clock, disk_full, slow_disk
from .checker import REGISTERS

KINDS = ("kill", "pause", "nameserver", "latency", "cut", "partition", "clock", "slowdisk", "diskfull")
#: kinds that need their shim preloaded in every replica from its start (HostsCluster(shims=))
SHIM_KINDS = ("clock", "slowdisk")
#: the nemesis's thread number in the history (its disk-full probes)
PROBE_THREAD = -1
#: how long a disk-full probe keeps writing until a write is refused (the WAL may have room)
PROBE_SECONDS = 3.0


@dataclass
class Fault:
    kind: str
    target: str
    started: float
    healed: float = None
    converged_after: float = None     # seconds from heal until replicas held the union
    note: str = ""
    refused: bool = None              # diskfull: a probe write was refused while full

    def describe(self):
        healed = f"{self.healed:.1f}" if self.healed is not None else "-"
        converged = (f"converged in {self.converged_after:.2f} s" if self.converged_after is not None
                     else "did not converge in the wait")
        return f"{self.started:7.1f}-{healed:>7} {self.kind:<10} {self.target:<24} {converged} {self.note}"


def read_vectors(cluster, replica_ids, timeout=2.0):
    """{replica: VersionVector} of every replica that answers (bare proxies, no name server)."""
    vectors = {}
    for replica_id in replica_ids:
        try:
            with cluster.bare_proxy(replica_id, timeout) as proxy:
                vectors[replica_id] = VersionVector.from_wire(proxy.version_vector())
        except Exception:
            continue
    return vectors


def wait_converged(cluster, replica_ids, timeout, target=None):
    """Seconds until every replica's vector covers ``target`` (default: the union now), or None."""
    started = time.monotonic()
    if target is None:
        target = VersionVector()
        for vector in read_vectors(cluster, replica_ids).values():
            target = target.merged(vector)
    while time.monotonic() - started < timeout:
        vectors = read_vectors(cluster, replica_ids)
        if len(vectors) == len(replica_ids) and all(v.covers(target) for v in vectors.values()):
            return time.monotonic() - started
        time.sleep(0.1)
    return None


class Nemesis(threading.Thread):
    def __init__(self, cluster, seed, clock, kinds=KINDS, fault_seconds=(1.0, 6.0),
                 gap_seconds=(0.5, 3.0), converge_timeout=30.0, overlap=0.0, history=None):
        super().__init__(name="nemesis", daemon=True)
        self.cluster = cluster
        self.rng = random.Random(f"{seed}/nemesis")
        self.clock = clock                      # seconds since the run began (History.now)
        self.kinds = list(kinds)
        self.fault_seconds = fault_seconds
        self.gap_seconds = gap_seconds
        self.converge_timeout = converge_timeout
        self.replica_ids = sorted(cluster.replicas)
        self.faults = []
        self.stopping = threading.Event()
        self.error = None
        self.overlap = overlap                  # chance that a second fault joins the first
        self._in_force = []                     # how to undo each fault in force
        self.history = history                  # where disk-full probes are recorded (optional)
        self._probes = 0

    # -- the schedule ------------------------------------------------------------------
    def run(self):
        try:
            while not self.stopping.wait(self.rng.uniform(*self.gap_seconds)):
                replicas = list(self.replica_ids)
                self.rng.shuffle(replicas)
                faults = [self.inject(self.rng.choice(self.kinds), replicas.pop())]
                if self.overlap and replicas and self.rng.random() < self.overlap:
                    # a second fault at once, on another replica (a partition and a crash ...)
                    faults.append(self.inject(self.rng.choice(self.kinds), replicas.pop()))
                    faults[1].note = (faults[1].note + f" (with the {faults[0].kind} above)").strip()
                self.stopping.wait(self.rng.uniform(*self.fault_seconds))
                self.heal(faults)
        except Exception as exc:
            self.error = exc
            self.heal_everything()
            raise

    def stop(self):
        """Stop injecting; the faults in force (if any) are healed before run() returns."""
        self.stopping.set()

    def inject(self, kind, replica):
        rng = self.rng
        cluster = self.cluster
        target, note = f"replica {replica}", ""
        if kind == "kill":
            cluster.kill(replica)
            heal = lambda: cluster.start_replica(replica, timeout=60)  # noqa: E731
        elif kind == "pause":
            cluster.signal(replica, signal.SIGSTOP)
            heal = lambda: cluster.signal(replica, signal.SIGCONT)  # noqa: E731
        elif kind == "nameserver":
            target = "name server"
            cluster.kill_name_server()
            heal = lambda: cluster.start_name_server(timeout=30)  # noqa: E731
        elif kind == "latency":
            delay = round(rng.uniform(0.05, 0.5), 3)
            note = f"+{int(delay * 1000)} ms per chunk"
            cluster.proxy_command(replica, f"delay {delay}")
            heal = lambda: cluster.proxy_command(replica, "heal")  # noqa: E731
        elif kind == "cut":
            cluster.proxy_command(replica, "cut")
            heal = lambda: cluster.proxy_command(replica, "heal")  # noqa: E731
        elif kind == "partition":
            target, heal = self._partition(replica)
        elif kind == "clock":
            # hours to a year, either way: an NTP step, a dead RTC battery, a wrong time zone
            seconds = rng.choice((-1, 1)) * int(rng.uniform(3600, 365 * 86400))
            note = f"wall clock {seconds / 86400:+.1f} days"
            clock.jump(cluster, replica, seconds)
            heal = lambda: clock.jump(cluster, replica, 0)  # noqa: E731
        elif kind == "slowdisk":
            delay = round(rng.uniform(0.5, 3.0), 2)
            note = f"fsync +{delay} s"
            slow_disk.set_delay(cluster, replica, delay)
            heal = lambda: slow_disk.set_delay(cluster, replica, 0)  # noqa: E731
        elif kind == "diskfull":
            fault = Fault(kind, target, self.clock())
            self.faults.append(fault)
            self._in_force.append(lambda: self._space_back(replica, fault))
            filler = disk_full.fill(cluster.data_dir(replica))
            fault.note = f"filler {filler / 1e6:.1f} MB; " + self._probe_full(replica, fault)
            return fault
        else:
            raise ValueError(f"unknown fault kind {kind!r}")
        fault = Fault(kind, target, self.clock(), note=note)
        if kind == "nameserver":
            # healed first: a replica restarted while the name server is down refuses to start
            # (it cannot register, and it keeps no peer list on disk to start from)
            self._in_force.insert(0, heal)
        else:
            self._in_force.append(heal)
        self.faults.append(fault)
        return fault

    # -- disk full: probes through a bare proxy, recorded in the history -------------------
    def _probe_write(self, replica, notes_size=4096):
        """One add through a bare proxy: 'ok', 'failed' (refused: disk full) or 'unknown'."""
        self._probes += 1
        contact_id = f"diskprobe-{self._probes}"
        writes = {register: f"{contact_id} v-1.{register}" for register in REGISTERS}
        if notes_size:   # pages the WAL must find room for
            writes["notes"] += " " + "x" * notes_size
        op = self.history.invoke(PROBE_THREAD, "add", contact_id, {**writes, "deleted": False})
        try:
            with self.cluster.bare_proxy(replica, timeout=10) as proxy:
                result = proxy.add_contact({"id": contact_id, **writes})
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}"[:300]
            # a failed commit, or a group SQLite rolled back, keeps nothing (group_commit.py):
            # a definite refusal
            refused = "disk is full" in str(exc) or "rolled the open group back" in str(exc)
            outcome = "failed" if refused else "unknown"
            self.history.complete(op, outcome, error=message)
            return outcome, message
        self.history.complete(op, "ok", result=result)
        return "ok", ""

    def _probe_full(self, replica, fault):
        if self.history is None:
            return "not probed"
        accepted, started = 0, time.monotonic()
        outcome, message = "ok", ""
        while time.monotonic() - started < PROBE_SECONDS and not self.stopping.is_set():
            outcome, message = self._probe_write(replica)
            if outcome != "ok":
                break
            accepted += 1
        try:
            with self.cluster.bare_proxy(replica, timeout=10) as proxy:
                proxy.version_vector()
                proxy.list_contacts(0, 100)
            read = "reads answered"
        except Exception as exc:
            read = f"read FAILED: {type(exc).__name__}: {exc}"[:200]
        fault.refused = outcome == "failed"
        if outcome == "ok":
            return f"{accepted} writes taken, none refused (the WAL had room, or the run ended); {read}"
        return f"{accepted} writes taken, then {outcome}: {message}; {read}"

    def _space_back(self, replica, fault):
        disk_full.free(self.cluster.data_dir(replica))
        if self.history is not None:
            outcome, message = self._probe_write(replica, notes_size=0)
            fault.note += "; after: write " + ("taken" if outcome == "ok" else f"{outcome}: {message}")

    def _partition(self, replica):
        cluster = self.cluster
        network = cluster.network
        if network is None:
            cluster.proxy_command(replica, "cut")
            return f"replica {replica} (proxy)", lambda: cluster.proxy_command(replica, "heal")
        others = [r for r in self.replica_ids if r != replica]
        shape = self.rng.choice(("isolate", "pair", "from-replicas"))
        if shape == "isolate" or not others:
            network.isolate(f"r{replica}")
            target = f"{{{replica}}} | rest (isolated)"
        elif shape == "pair":
            other = self.rng.choice(others)
            network.cut(f"r{replica}", f"r{other}")
            target = f"{replica} -x- {other}"
        else:
            for other in others:
                network.cut(f"r{replica}", f"r{other}")
            target = f"{{{replica}}} | {{{','.join(map(str, others))}}} (replicas)"
        return target, network.heal

    def heal(self, faults):
        heals, self._in_force = self._in_force, []
        for heal in heals:
            heal()
        healed = self.clock()
        converged = wait_converged(self.cluster, self.replica_ids, self.converge_timeout)
        for fault in faults:
            fault.healed, fault.converged_after = healed, converged

    def heal_everything(self):
        """Undo whatever may be in force (used on errors and at the end)."""
        heals, self._in_force = self._in_force, []
        for heal in heals:
            try:
                heal()
            except Exception:
                pass
        cluster = self.cluster
        for replica_id in self.replica_ids:
            if "clock" in self.kinds:
                clock.jump(cluster, replica_id, 0)
            if "slowdisk" in self.kinds:
                slow_disk.set_delay(cluster, replica_id, 0)
            if "diskfull" in self.kinds:
                try:
                    disk_full.free(cluster.data_dir(replica_id))
                except RuntimeError:
                    pass
        if cluster.ns_process is None or cluster.ns_process.poll() is not None:
            cluster.start_name_server(timeout=30)
        if cluster.network is not None:
            cluster.network.heal()
        for replica_id in self.replica_ids:
            process = cluster.replicas.get(replica_id)
            try:
                cluster.proxy_command(replica_id, "heal")
            except Exception:
                pass
            if process is not None and process.poll() is None:
                cluster.signal(replica_id, signal.SIGCONT)
            elif process is not None:
                cluster.start_replica(replica_id, timeout=60)
