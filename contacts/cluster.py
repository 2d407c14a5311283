"""A local cluster: the name server plus N replicas as child processes.

``python -m contacts.cluster`` is the project's main job: it starts the name server
and 3 replicas (each with its own data dir under ``--data-dir``), shows which are
up, opens the GUI when a display exists, and stops everything on Ctrl-C.

:class:`LocalCluster` is also what the tests and benchmarks use to start, SIGKILL,
SIGSTOP and restart real processes.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from Pyro5.api import Proxy
from Pyro5.errors import PyroError

from .security import tls
from .naming import name_server_proxy, replica_name

ROOT = Path(__file__).resolve().parent.parent


def free_port(host="127.0.0.1"):
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout, interval=0.05, what="condition"):
    """Poll ``condition`` until it returns something truthy; TimeoutError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except (PyroError, OSError):
            result = None
        if result:
            return result
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


#: the name server's own files in a TLS directory (made by python -m contacts.security.certs)
NAME_SERVER_TLS_FILES = ("ca.crt", "nameserver.crt", "nameserver.key")


def name_server_command(host, port, data_dir, tls_dir=None, python=sys.executable):
    """(argv, extra environment) that run the Pyro5 name server as nameserver.sh does:
    ``python -m Pyro5.nameserver`` on host:port, registrations in ``data_dir``'s SQLite
    file, no broadcast responder, requests up to 1 MiB (PYRO_MAX_MESSAGE_SIZE, unless set),
    and with ``tls_dir`` TLS with mutual certificates (nameserver.crt, callers need one of
    the cluster CA).  Everything it needs comes with the installed package (Pyro5), so it
    works from a plain ``pip install``; nameserver.sh stays the script to run it by hand.
    Keep the two in step."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {"PYRO_MAX_MESSAGE_SIZE": os.environ.get("PYRO_MAX_MESSAGE_SIZE") or "1048576"}
    if tls_dir:
        tls_dir = Path(tls_dir).resolve()
        for name in NAME_SERVER_TLS_FILES:
            if not (tls_dir / name).is_file():
                raise RuntimeError(f"cannot start the name server: {tls_dir / name} is missing; make it "
                                   f"with python -m contacts.security.certs --dir {tls_dir}")
        env.update({"PYRO_SSL": "true", "PYRO_SSL_REQUIRECLIENTCERT": "true",
                    "PYRO_SSL_CACERTS": str(tls_dir / "ca.crt"),
                    "PYRO_SSL_SERVERCERT": str(tls_dir / "nameserver.crt"),
                    "PYRO_SSL_SERVERKEY": str(tls_dir / "nameserver.key"),
                    # Pyro5's context also trusts OpenSSL's default CA store: make that the cluster CA alone
                    "SSL_CERT_FILE": str(tls_dir / "ca.crt"), "SSL_CERT_DIR": str(tls_dir)})
    args = [python, "-m", "Pyro5.nameserver", "--host", host, "--port", str(port),
            "--storage", f"sql:{data_dir / 'nameserver.sqlite'}", "--nobc"]
    return args, env


class LocalCluster:
    """Name server + replicas on this machine, each a real process."""

    def __init__(self, base_dir, ns_port=None, host="127.0.0.1", replica_args=(), env=None,
                 die_with_parent=False):
        # absolute: the children run in the package's directory, not in the caller's
        self.base_dir = Path(os.path.abspath(os.path.expanduser(str(base_dir))))
        #: children get SIGTERM when this process dies, even by SIGKILL (the launcher sets it;
        #: Linux ties it to the spawning *thread*, so not for clusters driven from threads)
        self.die_with_parent = die_with_parent
        self.host = host
        self.ns_port = ns_port or free_port(host)
        self.replica_args = list(replica_args)
        self.env = dict(os.environ if env is None else env)
        self.env.update({"PYRO_NS_HOST": host, "PYRO_NS_PORT": str(self.ns_port),
                         "PYTHONUNBUFFERED": "1"})
        self.env.setdefault("CONTACTS_PING_INTERVAL", "0.5")
        self.ns_process = None
        self.gateways = []          # CardDAV gateways: (Popen, url)
        self.replicas = {}          # replica id -> Popen
        self.replica_extra = {}     # replica id -> extra args it was started with
        self.logs = []

    # -- processes --------------------------------------------------------------
    def _spawn(self, args, log_name, extra_env=None):
        self.base_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.base_dir / log_name, "ab")
        self.logs.append(log)
        env = dict(self.env, **(extra_env or {}))
        return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                start_new_session=True,
                                preexec_fn=_terminate_with_parent if self.die_with_parent else None)

    def start_name_server(self, timeout=15):
        # a name server already on this port would answer for ours, and the replicas
        # would register with someone else's (another cluster's) name server
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Pyro5 binds
            try:
                probe.bind((self.host, self.ns_port))
            except OSError as exc:
                raise RuntimeError(f"cannot start the name server: {self.host}:{self.ns_port} is in use "
                                   f"({exc.strerror}); is a cluster already running? Choose another "
                                   f"port with --ns-port or PYRO_NS_PORT") from None
        args, env = name_server_command(self.host, self.ns_port, self.base_dir / "nameserver",
                                        self.env.get(tls.ENV_DIR))
        self.ns_process = self._spawn(args, "nameserver.log", env)
        wait_until(self.name_server_up, timeout, what="the name server")

    def name_server_up(self):
        with name_server_proxy(self.host, self.ns_port, timeout=1) as ns:
            ns.ping()
            return True

    def data_dir(self, replica_id):
        return self.base_dir / f"replica-{replica_id}"

    def start_replica(self, replica_id, *extra, wait=True, timeout=20, env=None):
        extra = list(extra) or self.replica_extra.get(replica_id, [])
        self.replica_extra[replica_id] = extra
        args = [sys.executable, "-m", "contacts.replica", str(replica_id),
                "--data-dir", str(self.data_dir(replica_id)), "--host", self.host,
                *self.replica_args, *extra]
        process = self._spawn(args, f"replica-{replica_id}.log", env)
        self.replicas[replica_id] = process
        if wait:
            self.wait_replica(replica_id, timeout)
        return process

    def wait_replica(self, replica_id, timeout=20):
        """Wait until the name server's entry for the replica reaches this very process."""
        process = self.replicas[replica_id]

        def ready():
            if process.poll() is not None:
                raise RuntimeError(f"replica {replica_id} exited with {process.returncode}; "
                                   f"see {self.base_dir / f'replica-{replica_id}.log'}")
            with Proxy(self.uri(replica_id)) as proxy:
                proxy._pyroTimeout = 1
                return proxy.ping()["pid"] == process.pid
        wait_until(ready, timeout, what=f"replica {replica_id}")

    def start(self, replicas=3):
        self.start_name_server()
        for replica_id in range(1, replicas + 1):
            self.start_replica(replica_id, wait=False)
        for replica_id in range(1, replicas + 1):
            self.wait_replica(replica_id)
        return self

    def uri(self, replica_id):
        with name_server_proxy(self.host, self.ns_port, timeout=2) as ns:
            return str(ns.lookup(replica_name(replica_id)))

    def proxy(self, replica_id, timeout=10):
        proxy = Proxy(self.uri(replica_id))
        proxy._pyroTimeout = timeout
        return proxy

    def signal(self, replica_id, signum, timeout=10):
        """Send ``signum``; for SIGSTOP, return only once every thread is stopped.

        kill() returns before a stop takes effect: a replica thread not yet scheduled on a
        busy machine still answers a call made right after it (seen in CI, 1-7 ms later)."""
        pid = self.replicas[replica_id].pid
        os.kill(pid, signum)
        if signum == signal.SIGSTOP:
            deadline = time.monotonic() + timeout
            while not _all_threads_stopped(pid):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"replica {replica_id} (pid {pid}) did not stop within {timeout} s")
                time.sleep(0.001)

    def kill(self, replica_id):
        """SIGKILL: the replica dies on the spot, as in a crash or power loss."""
        process = self.replicas[replica_id]
        if process.poll() is None:
            process.kill()
        process.wait(10)

    def stop_replica(self, replica_id, timeout=10):
        process = self.replicas[replica_id]
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        return process.returncode

    def start_gateway(self, *extra, port=None, timeout=20, name=None, env=None, scheme="http"):
        """Start a CardDAV gateway (python -m contacts.carddav) on this cluster; returns
        (process, url) once it answers.  ``extra``: more arguments (``--replica URI`` ...)."""
        port = port or free_port(self.host)
        name = name or f"carddav-{len(self.gateways) + 1}"
        process = self._spawn([sys.executable, "-m", "contacts.carddav", "--host", self.host,
                               "--port", str(port), *extra], f"{name}.log", env)
        url = f"{scheme}://{self.host}:{port}/"
        self.gateways.append((process, url))

        log = self.base_dir / f"{name}.log"

        def answers():
            # its own "ready" line, not a connection: another program may hold the port
            text = log.read_text(errors="replace") if log.exists() else ""
            if process.poll() is not None:
                errors = [line for line in text.splitlines() if line.startswith("error:")]
                raise RuntimeError(f"the CardDAV gateway exited with {process.returncode}"
                                   f"{': ' + errors[-1][7:] if errors else ''} (log: {log})")
            return "carddav gateway ready at" in text
        wait_until(answers, timeout, what="the CardDAV gateway")
        return process, url

    def kill_name_server(self):
        if self.ns_process and self.ns_process.poll() is None:
            os.killpg(self.ns_process.pid, signal.SIGKILL)
            self.ns_process.wait(10)

    def stop(self):
        # every gateway and replica is asked at once, then waited for: each takes a while
        # to close (its Pyro5 daemon, a last checkpoint), and one after another a loaded
        # machine spent most of the launcher test's 30 s on it
        children = [process for process, _ in self.gateways] + list(self.replicas.values())
        for process in children:
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)   # a paused replica could not act on SIGTERM
                process.terminate()
        deadline = time.monotonic() + 10
        for process in children:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        self.gateways.clear()
        if self.ns_process and self.ns_process.poll() is None:
            os.killpg(self.ns_process.pid, signal.SIGTERM)
            try:
                self.ns_process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.ns_process.pid, signal.SIGKILL)
        for log in self.logs:
            log.close()
        self.logs.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _terminate_with_parent():
    """In the child, before exec: ask Linux for SIGTERM when the parent dies (PR_SET_PDEATHSIG)."""
    import ctypes
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: Ctrl-C and SIGTERM still stop everything


def has_display():
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _all_threads_stopped(pid):
    """True once every thread of ``pid`` is in the stopped state (or the process is gone)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return True
    except OSError:   # no /proc (not Linux): cannot tell, so trust the signal
        return True
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            continue   # that thread ended
        if state not in ("T", "t", "Z", "X"):
            return False
    return True


#: set by SIGTERM; the idle loop checks it, since the KeyboardInterrupt raised beside it can be
#: lost: a signal landing in code whose exceptions Python ignores (seen in CI: logging's
#: at-fork hook while the gateway was being spawned, "Exception ignored in: _releaseLock")
#: left the launcher running, and the test that sent SIGTERM waited 30 s for nothing
_stop_requested = threading.Event()


def _stop_on_sigterm(signum, frame):
    _stop_requested.set()
    raise KeyboardInterrupt


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m contacts.cluster",
        description="Run a local cluster: the Pyro5 name server and N replicas, each with its own "
                    "data dir; opens the GUI when a display exists. Ctrl-C (or SIGTERM) stops them all.")
    parser.add_argument("--replicas", type=int, default=3, help="how many replicas (default 3)")
    parser.add_argument("--data-dir", default=str(Path.home() / ".local/share/contacts/cluster"),
                        help="where the name server and replicas keep their data")
    parser.add_argument("--ns-port", type=int, default=int(os.environ.get("PYRO_NS_PORT", 9090)),
                        help="name server port (default: PYRO_NS_PORT or 9090)")
    parser.add_argument("--no-gui", action="store_true", help="do not open the GUI")
    parser.add_argument("--carddav-port", type=int, default=5232,
                        help="port of the CardDAV gateway it starts on 127.0.0.1 (default 5232)")
    parser.add_argument("--no-carddav", action="store_true", help="do not start the CardDAV gateway")
    args = parser.parse_args(argv)
    # `kill PID` stops everything like Ctrl-C does (the children run in their own sessions,
    # so they would outlive a launcher killed by the default SIGTERM action)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # a shell starts background jobs with SIGINT ignored, and Python then keeps it ignored:
    # ask for Ctrl-C explicitly so `kill -INT` stops a launcher started with `&` too
    signal.signal(signal.SIGINT, signal.default_int_handler)
    tls_dir = tls.tls_dir_from_env()
    if tls_dir:
        # the name server and replicas get CONTACTS_TLS_DIR from the environment; this
        # process watches them as a client, with the client certificate there
        tls.configure_client_tls(tls_dir)
    # children in their own sessions would outlive a launcher killed with SIGKILL
    cluster = LocalCluster(args.data_dir, ns_port=args.ns_port, die_with_parent=True)
    gui = None
    try:
        print(f"starting the name server on 127.0.0.1:{cluster.ns_port} ...", flush=True)
        cluster.start(args.replicas)
        for replica_id in range(1, args.replicas + 1):
            print(f"  replica {replica_id}: up at {cluster.uri(replica_id)}", flush=True)
        if not args.no_carddav:
            try:
                _, url = cluster.start_gateway(port=args.carddav_port, name="carddav")
                print(f"  CardDAV: {url} (address book {url}USER/contacts/, any user name; "
                      "docs/carddav.md)", flush=True)
            except (RuntimeError, TimeoutError) as exc:   # the port is taken, say: the cluster goes on
                print(f"  CardDAV gateway not started: {exc}", flush=True)
        print(f"data in {args.data_dir}; logs beside it", flush=True)
        if not args.no_gui and has_display():
            gui = subprocess.Popen([sys.executable, "-m", "contacts.gui"], env=cluster.env, cwd=ROOT)
            print("the contacts window is open", flush=True)
        else:
            print("\nno display: use the command line or a Python REPL, for example\n"
                  f"  PYRO_NS_PORT={cluster.ns_port} contacts add 'Ada Lovelace' --phone '+44 20 7946 0958'\n"
                  f"  PYRO_NS_PORT={cluster.ns_port} python -c \"import Pyro5.api; "
                  f"print(Pyro5.api.Proxy('PYRONAME:contacts.replica.1@127.0.0.1:{cluster.ns_port}')"
                  ".list_contacts())\"", flush=True)
        print("\nCtrl-C stops the cluster.", flush=True)
        reported = set()
        # the launcher's idle loop: nothing to wait for but Ctrl-C or SIGTERM
        while not _stop_requested.wait(1):
            for replica_id, process in cluster.replicas.items():
                if process.poll() is not None and replica_id not in reported:
                    reported.add(replica_id)
                    print(f"replica {replica_id} exited ({process.returncode}); the others go on. "
                          f"Restart it with: PYRO_NS_PORT={cluster.ns_port} python -m contacts.replica "
                          f"{replica_id} --data-dir {cluster.data_dir(replica_id)}", flush=True)
        raise KeyboardInterrupt   # a SIGTERM whose own exception was lost
    except KeyboardInterrupt:
        print("\nstopping ...", flush=True)
    except (RuntimeError, TimeoutError) as exc:   # could not start: say why, no traceback
        print(f"error: {exc}", file=sys.stderr, flush=True)
        for replica_id, process in sorted(cluster.replicas.items()):
            log = cluster.base_dir / f"replica-{replica_id}.log"
            if process.poll() is not None and log.exists():
                errors = [line for line in log.read_text(errors="replace").splitlines()
                          if line.startswith("error:")]
                if errors:
                    print(f"  replica {replica_id}: {errors[-1]}", file=sys.stderr, flush=True)
        return 1
    finally:
        if gui is not None and gui.poll() is None:
            gui.terminate()
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
