"""A LocalCluster whose replicas are separate hosts, each behind a fault proxy.

Every replica binds a private port and advertises the port of a
:class:`~contacts.testing.tcpproxy.TcpProxy` in front of it (``--nat-host`` /
``--nat-port``), so every client and every peer reaches it through the proxy, where
latency and cut links are injected.

- ``netns`` hosts (root and ``ip netns``): replica N and its proxy run in namespace
  ``rN`` with its own address; the name server and the clients stay in the root
  namespace and reach the replicas over the bridge; replicas reach each other over
  links of their own, so partitions between replicas are links taken down.
- ``loopback`` hosts (anywhere): everything on 127.0.0.1; a partition is then a proxy
  that cuts every link of one replica (clients' and peers' alike).
"""
import subprocess
import sys

from Pyro5.api import Proxy

from ...cluster import ROOT, LocalCluster, free_port
from . import disk_full
from .netns import Network, netns_available

#: inside a namespace each replica has the whole port space to itself
NETNS_PROXY_PORT = 7000
NETNS_REPLICA_PORT = 7100


class ProxyProcess:
    """A tcpproxy subprocess (maybe inside a namespace) driven through its stdin."""

    def __init__(self, argv, log):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=log, text=True, cwd=ROOT, start_new_session=True)
        line = self.process.stdout.readline()
        if not line.startswith("listening"):
            raise RuntimeError(f"tcp proxy did not start: {line!r}")

    def send(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if answer != "ok":
            raise RuntimeError(f"tcp proxy refused {command!r}: {answer!r}")

    def close(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(5)


class HostsCluster(LocalCluster):
    """Name server + replicas, each replica a host of its own behind a fault proxy."""

    def __init__(self, base_dir, replicas=3, hosts="auto", replica_args=(), env=None, shims=(),
                 small_disks=False):
        #: fault kinds whose LD_PRELOAD shims every replica runs under (clock, slowdisk)
        self.shims = tuple(shims)
        #: every replica's data dir a tmpfs of its own, for the disk-full fault (disk_full.py)
        self.small_disks = small_disks
        if hosts == "auto":
            hosts = "netns" if netns_available()[0] else "loopback"
        if hosts not in ("netns", "loopback"):
            raise ValueError(f"hosts must be 'netns', 'loopback' or 'auto', not {hosts!r}")
        self.hosts_kind = hosts
        self.replica_count = replicas
        self.network = None
        if hosts == "netns":
            self.network = Network([f"r{i}" for i in range(1, replicas + 1)], pairs=True).start()
            host = self.network.gateway
        else:
            host = "127.0.0.1"
        try:
            super().__init__(base_dir, host=host, replica_args=replica_args, env=env)
        except BaseException:
            self.close_network()
            raise
        self.proxies = {}
        self.ports = {}   # replica id -> (advertised host, proxy port, replica's own port)

    # -- where each replica lives ---------------------------------------------------------
    def _wrap(self, replica_id, argv):
        return self.network.command(f"r{replica_id}", argv) if self.network else argv

    def _ports(self, replica_id):
        if replica_id not in self.ports:
            if self.network:
                self.ports[replica_id] = (self.network.address(f"r{replica_id}"),
                                          NETNS_PROXY_PORT, NETNS_REPLICA_PORT)
            else:
                self.ports[replica_id] = ("127.0.0.1", free_port(), free_port())
        return self.ports[replica_id]

    def start_proxy(self, replica_id):
        address, proxy_port, replica_port = self._ports(replica_id)
        self.base_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.base_dir / f"proxy-{replica_id}.log", "ab")
        self.logs.append(log)
        argv = [sys.executable, "-m", "contacts.testing.tcpproxy", "--listen",
                f"{address}:{proxy_port}", "--target", f"127.0.0.1:{replica_port}"]
        self.proxies[replica_id] = ProxyProcess(self._wrap(replica_id, argv), log)

    def start_replica(self, replica_id, *extra, wait=True, timeout=20, env=None):
        if replica_id not in self.proxies:
            self.start_proxy(replica_id)
        address, proxy_port, replica_port = self._ports(replica_id)
        if self.small_disks:
            disk_full.mount(self.data_dir(replica_id))
        args = [sys.executable, "-m", "contacts.replica", str(replica_id),
                "--data-dir", str(self.data_dir(replica_id)),
                *self.replica_args, *(extra or self.replica_extra.get(replica_id, [])),
                "--host", "127.0.0.1", "--port", str(replica_port),
                "--nat-host", address, "--nat-port", str(proxy_port)]
        self.replica_extra[replica_id] = list(extra or self.replica_extra.get(replica_id, []))
        if self.shims:
            from .slow_disk import preload_environment
            env = {**preload_environment(self, replica_id, self.shims), **(env or {})}
        process = self._spawn(self._wrap(replica_id, args), f"replica-{replica_id}.log", env)
        self.replicas[replica_id] = process
        if wait:
            self.wait_replica(replica_id, timeout)
        return process

    def start(self, replicas=None):
        return super().start(replicas or self.replica_count)

    def replica_uri(self, replica_id):
        """The replica's advertised URI (fixed for the cluster's life: no name server needed)."""
        address, proxy_port, _ = self._ports(replica_id)
        return f"PYRO:contacts.replica.{replica_id}@{address}:{proxy_port}"

    def bare_proxy(self, replica_id, timeout=3.0):
        """A bare Pyro5 proxy to the replica (through its fault proxy), as a REPL user has."""
        proxy = Proxy(self.replica_uri(replica_id))
        proxy._pyroTimeout = timeout
        return proxy

    def proxy_command(self, replica_id, command):
        """'delay S', 'cut' or 'heal' for the proxy in front of replica_id."""
        self.proxies[replica_id].send(command)

    def describe(self):
        if self.network:
            return (f"netns: each replica in its own network namespace ({self.network.subnet}.0/24, "
                    f"name server and clients at {self.network.gateway}); partitions are links taken down")
        return "loopback: replicas on 127.0.0.1; partitions are proxy-level cuts of a replica's links"

    def close_network(self):
        if self.network is not None:
            self.network.close()

    def stop(self):
        try:
            super().stop()
        finally:
            for proxy in self.proxies.values():
                proxy.close()
            self.close_network()
            if self.small_disks:
                for replica_id in self.replicas:
                    disk_full.unmount(self.data_dir(replica_id))
