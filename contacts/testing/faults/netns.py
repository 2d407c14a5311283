"""Hosts made of Linux network namespaces, so a partition is a link taken down.

Each host is a namespace with one address in a private /24 (``10.213.N.0/24``, N
chosen free per run) and a veth link to a bridge in the root namespace, which holds
the subnet's ``.1`` (the *gateway*: processes of the root namespace, such as the
harness's clients or a name server, reach the hosts through it).

With ``pairs=True`` every two hosts also get a link of their own (a veth from each
namespace to a small bridge in the root namespace) and a /32 route over it, so
traffic between two replicas never crosses the main bridge.  That makes three kinds
of cut possible, each a link whose root-side end is set down (the namespaces see the
carrier drop, and packets are silently lost, as in a real partition):

- ``cut(a, b)``: a and b no longer reach each other; both still reach everyone else;
- ``isolate(a)``: a reaches no one and no one reaches it;
- ``heal()``: every link up again.

Only namespaces, links and addresses this module created are touched, all named
``ct<run id>...`` so parallel runs never collide, and ``close()`` (also run at exit)
kills what runs inside them and removes them.  Needs root and ``ip netns``;
:func:`netns_available` says whether this machine has them.
"""
import atexit
import fcntl
import itertools
import os
import random
import shutil
import signal
import subprocess
from pathlib import Path

PREFIX = "ct"
STATE_DIR = Path("/tmp/contacts-faults-netns")   # one file per run: its owner's pid
SUBNET_BASE = "10.213"


class NetnsError(RuntimeError):
    pass


def _ip(*args, namespace=None, check=True):
    argv = ["ip", *(("netns", "exec", namespace, "ip") if namespace else ()), *args]
    result = subprocess.run(argv, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise NetnsError(f"{' '.join(argv)}: {result.stderr.strip()}")
    return result.stdout


def netns_available():
    """(True, "") if namespaces can be made here, else (False, why not)."""
    if os.geteuid() != 0:
        return False, "not root"
    if shutil.which("ip") is None:
        return False, "no ip command (iproute2)"
    probe = f"{PREFIX}probe{os.getpid()}"
    try:
        _ip("netns", "add", probe)
        _ip("link", "set", "lo", "up", namespace=probe)
    except NetnsError as exc:
        return False, f"ip netns does not work here: {exc}"
    finally:
        _ip("netns", "del", probe, check=False)
    return True, ""


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup_stale():
    """Remove what runs whose owner died (SIGKILLed harness) left behind."""
    if not STATE_DIR.is_dir():
        return
    for record in STATE_DIR.iterdir():
        try:
            pid = int(record.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pid = 0
        if not _pid_alive(pid):
            _remove_run(record.name)
            record.unlink(missing_ok=True)


def _namespaces():
    return [line.split()[0] for line in _ip("netns", "list", check=False).splitlines() if line.strip()]


def _remove_run(run_id):
    stem = f"{PREFIX}{run_id}"
    for namespace in _namespaces():
        if namespace.startswith(stem + "-"):
            for pid in _ip("netns", "pids", namespace, check=False).split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
            _ip("netns", "del", namespace, check=False)
    for line in _ip("-o", "link", "show", check=False).splitlines():
        name = line.split(":")[1].strip().split("@")[0] if ":" in line else ""
        if name.startswith(stem):
            _ip("link", "del", name, check=False)


class Host:
    def __init__(self, index, name, namespace, address):
        self.index = index
        self.name = name
        self.namespace = namespace
        self.address = address
        self.bridge_port = None       # root-side end of its link to the main bridge
        self.pair_ports = {}          # peer name -> root-side end of their private link

    def __repr__(self):
        return f"Host({self.name} {self.address} in {self.namespace})"


class Network:
    """Hosts in namespaces; use as a context manager (or call close())."""

    kind = "netns"

    def __init__(self, names, pairs=False, numbers=None):
        """``numbers`` maps a host name to the last byte of its address (default 10 + position)."""
        self.numbers = dict(numbers or {})
        self.run_id = f"{random.SystemRandom().getrandbits(16):04x}"
        self.stem = f"{PREFIX}{self.run_id}"
        self.names = list(names)
        self.pairs = pairs
        self.hosts = {}
        self.bridge = f"{self.stem}br"
        self.subnet = None
        self.gateway = None
        self._closed = False

    # -- building ------------------------------------------------------------------------
    def start(self):
        STATE_DIR.mkdir(exist_ok=True)
        cleanup_stale()
        with open(STATE_DIR / ".lock", "w") as lock:
            # choosing a free subnet and taking it must not interleave with another run
            fcntl.flock(lock, fcntl.LOCK_EX)
            (STATE_DIR / self.run_id).write_text(f"{os.getpid()}\n")
            atexit.register(self.close)
            try:
                self.subnet = self._free_subnet()
                self.gateway = f"{self.subnet}.1"
                _ip("link", "add", self.bridge, "type", "bridge")
                _ip("addr", "add", f"{self.gateway}/24", "dev", self.bridge)
                _ip("link", "set", self.bridge, "up")
                for index, name in enumerate(self.names, start=1):
                    self._add_host(index, name)
            except BaseException:
                self.close()
                raise
        try:
            if self.pairs:
                for a, b in itertools.combinations(self.hosts.values(), 2):
                    self._add_pair(a, b)
            for host in self.hosts.values():
                self._add_routes(host)
        except BaseException:
            self.close()
            raise
        return self

    def _free_subnet(self):
        used = _ip("-4", "-o", "addr", "show", check=False)
        free = [n for n in range(1, 255) if f" {SUBNET_BASE}.{n}." not in used]
        if not free:
            raise NetnsError(f"no free {SUBNET_BASE}.N.0/24 subnet")
        return f"{SUBNET_BASE}.{random.SystemRandom().choice(free)}"

    def _add_host(self, index, name):
        number = self.numbers.get(name, 10 + index)
        if not 2 <= number <= 254:
            raise NetnsError(f"address number {number} of {name} is outside 2-254")
        host = Host(index, name, f"{self.stem}-{name}", f"{self.subnet}.{number}")
        self.hosts[name] = host
        _ip("netns", "add", host.namespace)
        host.bridge_port = f"{self.stem}b{index}"
        _ip("link", "add", host.bridge_port, "type", "veth", "peer", "name", "eth0",
            "netns", host.namespace)
        _ip("link", "set", host.bridge_port, "master", self.bridge, "up")
        _ip("link", "set", "lo", "up", namespace=host.namespace)
        _ip("link", "set", "eth0", "up", namespace=host.namespace)
        _ip("addr", "add", f"{host.address}/32", "dev", "eth0", namespace=host.namespace)

    def _add_pair(self, a, b):
        bridge = f"{self.stem}x{a.index}{b.index}"
        _ip("link", "add", bridge, "type", "bridge")
        _ip("link", "set", bridge, "up")
        for near, far in ((a, b), (b, a)):
            port = f"{self.stem}a{near.index}{far.index}"
            _ip("link", "add", port, "type", "veth", "peer", "name", f"p{far.index}",
                "netns", near.namespace)
            _ip("link", "set", port, "master", bridge, "up")
            _ip("link", "set", f"p{far.index}", "up", namespace=near.namespace)
            near.pair_ports[far.name] = port

    def _add_routes(self, host):
        ns = host.namespace
        if not self.pairs:
            _ip("route", "add", f"{self.subnet}.0/24", "dev", "eth0", "src", host.address, namespace=ns)
            return
        # only the gateway over the main bridge: peers are reached over their own links,
        # so taking such a link down cannot be bypassed through the bridge
        _ip("route", "add", f"{self.gateway}/32", "dev", "eth0", "src", host.address, namespace=ns)
        for other in self.hosts.values():
            if other is not host:
                _ip("route", "add", f"{other.address}/32", "dev", f"p{other.index}",
                    "src", host.address, namespace=ns)

    # -- using -----------------------------------------------------------------------------
    def address(self, name):
        return self.hosts[name].address

    def command(self, name, argv):
        """argv run inside host ``name`` (``ip netns exec`` execs it: the pid is argv's)."""
        return ["ip", "netns", "exec", self.hosts[name].namespace, *argv]

    def _set(self, port, state):
        _ip("link", "set", port, state)

    def cut(self, a, b):
        """a and b stop reaching each other (both still reach the gateway and the rest)."""
        if not self.pairs:
            raise NetnsError("pairwise cuts need Network(pairs=True)")
        self._set(self.hosts[a].pair_ports[b], "down")
        self._set(self.hosts[b].pair_ports[a], "down")

    def isolate(self, name):
        """``name`` reaches no one, and no one reaches it."""
        host = self.hosts[name]
        self._set(host.bridge_port, "down")
        for port in host.pair_ports.values():
            self._set(port, "down")
        for peer in host.pair_ports:
            self._set(self.hosts[peer].pair_ports[name], "down")

    def heal(self):
        """Every link up again; neighbour caches flushed so traffic resumes at once."""
        for host in self.hosts.values():
            self._set(host.bridge_port, "up")
            for port in host.pair_ports.values():
                self._set(port, "up")
        for host in self.hosts.values():
            _ip("neigh", "flush", "all", namespace=host.namespace, check=False)
        _ip("neigh", "flush", "dev", self.bridge, check=False)

    def close(self):
        if self._closed:
            return
        self._closed = True
        _remove_run(self.run_id)
        (STATE_DIR / self.run_id).unlink(missing_ok=True)
        try:
            atexit.unregister(self.close)
        except Exception:
            pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

