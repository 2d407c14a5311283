"""Each replica's resident memory, open file descriptors and threads during a run.

A sampler thread reads ``/proc/PID/status`` (VmRSS), ``/proc/PID/fd`` and
``/proc/PID/task`` of every replica process every few seconds.  A replica killed by the
nemesis comes back as a new process, so growth is judged per process: from its first
sample after ``warmup`` seconds of its life (imports done, caches and the Pyro5 pool
filled) to every later sample of the same process.  Bounds:

- ``rss_growth_mb``: anonymous RSS (``RssAnon``: the heap) may grow this much in one
  process's life after its warm-up.  Not VmRSS: with the data dirs on tmpfs (the
  disk-full fault) VmRSS also counts the database's pages that SQLite maps
  (``RssShmem``), which grow with the book, not with a leak; both are reported.
  The book itself grows during a run (every live contact is in SQLite's page cache and
  the search index), so the bound is a constant plus ``rss_per_contact_kb`` per contact
  the book gained meanwhile; a leak per operation (a few hundred thousand operations in a
  soak) exceeds it.
- ``max_fds`` / ``max_threads``: constants at every sample.  A replica holds a few files
  (SQLite's database, WAL and shm, its log), one socket per client or peer connection
  and one Pyro5 worker thread per connection, and connections are bounded by the
  clients and peers of the run: a leak of sockets or threads climbs without bound.
"""
import os
import threading
import time
from dataclasses import dataclass


@dataclass
class Sample:
    at: float            # seconds since the sampler started
    replica: int
    pid: int
    rss_kb: int
    anon_kb: int         # RssAnon: the heap (RSS also counts the tmpfs pages SQLite maps)
    fds: int
    threads: int
    contacts: int = None  # live contacts the replica held (when asked)


def read_process(pid):
    """(rss_kb, anon_kb, fds, threads) of a live process, or None when it is gone."""
    try:
        fields = {}
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "RssAnon"):
                    fields[key] = int(value.split()[0])
        return (fields.get("VmRSS", 0), fields.get("RssAnon", 0),
                len(os.listdir(f"/proc/{pid}/fd")), len(os.listdir(f"/proc/{pid}/task")))
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


@dataclass
class Bounds:
    warmup: float = 60.0
    rss_growth_mb: float = 48.0
    rss_per_contact_kb: float = 2.0
    max_fds: int = 128
    max_threads: int = 96

    def describe(self):
        return (f"RssAnon growth in one process after {self.warmup:g} s of its life <= {self.rss_growth_mb:g} MB "
                f"+ {self.rss_per_contact_kb:g} kB per contact gained; open fds <= {self.max_fds}; "
                f"threads <= {self.max_threads}")


class ResourceSampler(threading.Thread):
    def __init__(self, cluster, interval=5.0, count_contacts=None, bounds=None):
        super().__init__(name="resource-sampler", daemon=True)
        self.cluster = cluster
        self.bounds = bounds or Bounds()
        self.interval = interval
        #: count_contacts(replica) -> live contacts, or None (a call to a maybe-faulty replica)
        self.count_contacts = count_contacts
        self.samples = []
        self.started = time.monotonic()
        self.stopping = threading.Event()
        self._born = {}   # pid -> sampler time it was first seen
        self._contacts = {}

    def sample(self):
        now = time.monotonic() - self.started
        for replica, process in sorted(self.cluster.replicas.items()):
            if process is None or process.poll() is not None:
                continue
            figures = read_process(process.pid)
            if figures is None:
                continue
            self._born.setdefault(process.pid, now)
            contacts = self.count_contacts(replica) if self.count_contacts else None
            if contacts is None:   # a paused or cut replica: its last count stands
                contacts = self._contacts.get(replica)
            self._contacts[replica] = contacts
            self.samples.append(Sample(now, replica, process.pid, *figures, contacts=contacts))

    def run(self):
        while not self.stopping.wait(self.interval):
            self.sample()

    def stop(self):
        self.stopping.set()
        self.join(30)
        self.sample()   # the end: after the final heal and convergence

    # -- the verdict ---------------------------------------------------------------------
    def age(self, sample):
        return sample.at - self._born[sample.pid]

    def points(self, replica):
        """The replica's samples at the start (first after the warm-up), middle and end of the run."""
        mine = [s for s in self.samples if s.replica == replica]
        if not mine:
            return {}
        end = mine[-1]
        middle = min(mine, key=lambda s: abs(s.at - end.at / 2))
        warm = [s for s in mine if s.at >= self.bounds.warmup] or mine
        return {"start": warm[0], "middle": middle, "end": end}

    def violations(self):
        bounds = self.bounds
        problems = []
        by_pid = {}
        for sample in self.samples:
            by_pid.setdefault((sample.replica, sample.pid), []).append(sample)
            if sample.fds > bounds.max_fds:
                problems.append(f"replica {sample.replica} (pid {sample.pid}) had {sample.fds} open fds at "
                                f"{sample.at:.0f} s (bound {bounds.max_fds})")
            if sample.threads > bounds.max_threads:
                problems.append(f"replica {sample.replica} (pid {sample.pid}) had {sample.threads} threads at "
                                f"{sample.at:.0f} s (bound {bounds.max_threads})")
        for (replica, pid), life in by_pid.items():
            warm = [s for s in life if self.age(s) >= bounds.warmup]
            if len(warm) < 2:
                continue
            base = warm[0]
            for sample in warm[1:]:
                gained = max((sample.contacts or 0) - (base.contacts or 0), 0)
                allowed_kb = bounds.rss_growth_mb * 1024 + bounds.rss_per_contact_kb * gained
                if sample.anon_kb - base.anon_kb > allowed_kb:
                    problems.append(f"replica {replica} (pid {pid}) RssAnon grew {(sample.anon_kb - base.anon_kb) / 1024:.1f} MB "
                                    f"from {base.at:.0f} s to {sample.at:.0f} s ({gained} contacts gained; "
                                    f"bound {allowed_kb / 1024:.1f} MB)")
                    break
        return problems

    def lives(self, replica):
        """[(pid, seconds sampled, RSS growth after warm-up in MB or None)] of one replica."""
        out = {}
        for sample in self.samples:
            if sample.replica == replica:
                out.setdefault(sample.pid, []).append(sample)
        rows = []
        for pid, life in out.items():
            warm = [s for s in life if self.age(s) >= self.bounds.warmup]
            growth = (max(s.anon_kb for s in warm) - warm[0].anon_kb) / 1024 if len(warm) >= 2 else None
            rows.append((pid, life[-1].at - life[0].at, growth))
        return rows

    def report_lines(self):
        lines = [f"replica resources ({len(self.samples)} samples every {self.interval:g} s; "
                 f"start = first sample after {self.bounds.warmup:g} s; growth judged per process)",
                 f"  {'replica':<8}{'point':<8}{'at s':>7}{'pid':>9}{'RSS MB':>9}{'anon MB':>9}{'fds':>6}{'threads':>9}{'contacts':>10}"]
        for replica in sorted({s.replica for s in self.samples}):
            for name, sample in self.points(replica).items():
                lines.append(f"  {replica:<8}{name:<8}{sample.at:>7.0f}{sample.pid:>9}{sample.rss_kb / 1024:>9.1f}"
                             f"{sample.anon_kb / 1024:>9.1f}{sample.fds:>6}{sample.threads:>9}{sample.contacts if sample.contacts is not None else '-':>10}")
            mine = [s for s in self.samples if s.replica == replica]
            lives = self.lives(replica)
            growth = [g for _, _, g in lives if g is not None]
            lines.append(f"  {replica:<8}max     RSS {max(s.rss_kb for s in mine) / 1024:.1f} MB, "
                         f"fds {max(s.fds for s in mine)}, threads {max(s.threads for s in mine)}; "
                         f"{len(lives)} processes (restarts), longest sampled {max(t for _, t, _ in lives):.0f} s, "
                         f"largest RssAnon growth after warm-up "
                         + (f"{max(growth):.1f} MB" if growth else "-"))
        lines.append("  bounds: " + self.bounds.describe())
        return lines

    def figures(self):
        """key=value figures for the run's last line."""
        out = {}
        for replica in sorted({s.replica for s in self.samples}):
            for name, sample in self.points(replica).items():
                out[f"r{replica}_{name}"] = (f"{sample.rss_kb // 1024}MB/{sample.anon_kb // 1024}MBanon/"
                                             f"{sample.fds}fd/{sample.threads}t")
            growth = [g for _, _, g in self.lives(replica) if g is not None]
            out[f"r{replica}_anon_growth_max"] = f"{max(growth):.1f}MB" if growth else "-"
        return out
