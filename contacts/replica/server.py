"""``python -m contacts.replica N``: run replica number N.

Opens (or creates) the replica's SQLite store, serves its ContactBook over Pyro5,
registers it in the name server as ``contacts.replica.N`` and replicates with the
other replicas until SIGTERM / SIGINT, when it unregisters and stops cleanly.
"""
import argparse
import logging
import signal
import sys
import threading

from Pyro5.api import Daemon
from Pyro5.errors import PyroError

from .. import pyro_settings
from ..security import tls
from .book import ContactBook
from ..config import Settings, default_data_dir, name_server_address
from ..errors import StartupError
from .registration import Registration, live_incarnation, served_before
from ..naming import replica_name
from ..replication import Replicator
from .store import ContactStore
from ..protocol import send_errors_as_builtins

log = logging.getLogger("contacts.replica")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m contacts.replica",
        description="Run one replica of the contact list. The name server is found through "
                    "PYRO_NS_HOST / PYRO_NS_PORT (default 127.0.0.1:9090). Every setting can also "
                    "come from a CONTACTS_<SETTING> environment variable (see docs/operations.md).")
    parser.add_argument("replica_id", metavar="N", type=int,
                        help="this replica's number (1, 2, 3 ...); registered as contacts.replica.N")
    parser.add_argument("--data-dir", help="directory of this replica's SQLite file "
                                           "(default: ~/.local/share/contacts/replica-N)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default 127.0.0.1: loopback only; "
                             "use this machine's address to serve other machines)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: a free port)")
    parser.add_argument("--nat-host", help="address to advertise instead of --host (NAT, proxies)")
    parser.add_argument("--nat-port", type=int, help="port to advertise instead of --port")
    parser.add_argument("--ack", choices=("local", "peer"), dest="ack_mode",
                        help="when a write is acknowledged: 'local' once fsynced here (default), "
                             "'peer' once a peer also holds it (or --ack-timeout passed)")
    parser.add_argument("--ack-timeout", type=float, help="seconds a 'peer' ack waits (default 2)")
    parser.add_argument("--ping-interval", type=float, help="seconds between pings to each peer (default 1)")
    parser.add_argument("--anti-entropy-interval", type=float,
                        help="seconds between catch-up rounds with each peer (default 10)")
    parser.add_argument("--region", dest="default_region",
                        help="country (ISO code, e.g. BR) for phone numbers typed without +country (default US)")
    parser.add_argument("--tls-dir", default=tls.tls_dir_from_env(),
                        help="turn on TLS with mutual certificates, from this directory (made by "
                             "python -m contacts.security.certs; default: CONTACTS_TLS_DIR, unset = no TLS)")
    parser.add_argument("--log-level", default="INFO", type=str.upper,
                        choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
                        help="DEBUG, INFO, WARNING, ERROR or CRITICAL (default INFO)")
    args = parser.parse_args(argv)
    if args.replica_id < 1:
        parser.error("N must be a positive integer")
    return args


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level, stream=sys.stderr,
                        format=f"%(asctime)s replica-{args.replica_id} %(levelname)s %(name)s: %(message)s")
    try:
        run(args)
    except StartupError as exc:
        log.error("%s", exc)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def run(args):
    pyro_settings.apply()
    pyro_settings.harden_server_serializers()
    send_errors_as_builtins()
    if args.tls_dir:
        # before any socket: Pyro5's SSL config is global to the process
        tls.configure_replica_tls(args.tls_dir, args.replica_id)
    try:
        settings = Settings.from_env(
            ack_mode=args.ack_mode, ack_timeout=args.ack_timeout, ping_interval=args.ping_interval,
            anti_entropy_interval=args.anti_entropy_interval, default_region=args.default_region)
    except (ValueError, TypeError) as exc:
        raise StartupError(f"bad setting: {exc}") from exc
    data_dir = args.data_dir or default_data_dir(args.replica_id)
    store = ContactStore(data_dir, args.replica_id, settings.max_clock_lead)
    replicator = Replicator(store, settings)
    book = ContactBook(store, settings, replicator)
    book.require_replica_certificate = bool(args.tls_dir)
    try:
        daemon = Daemon(host=args.host, port=args.port, nathost=args.nat_host, natport=args.nat_port)
    except OSError as exc:
        raise StartupError(f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    uri = daemon.register(book, objectId=replica_name(args.replica_id))
    book.uri = str(uri)
    replicator.start(uri)
    registration = Registration(args.replica_id, uri, replicator,
                                settings.registration_interval, settings.peer_timeout)
    # handlers before registering: a SIGTERM from now on still unregisters on the way out
    stopping = threading.Event()

    def on_signal(signum, _frame):
        log.info("%s received: stopping", signal.Signals(signum).name)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    other = live_incarnation(args.replica_id, uri, settings.peer_timeout)
    if other:
        daemon.close()
        raise StartupError(f"replica {args.replica_id} is already running at {other}; stop it "
                           f"first, or give this one another number and its own --data-dir")
    replicator.begin(first_start=store.is_new, sync_timeout=settings.startup_sync_timeout,
                     served_before=store.is_new and served_before(args.replica_id, settings.peer_timeout))
    known = replicator.load_peers()
    try:
        registration.register_once()
    except (PyroError, OSError) as exc:
        host, port = name_server_address()
        if not known:  # nobody to replicate with, and no way for anyone to find this replica
            daemon.close()
            raise StartupError(f"cannot reach the Pyro5 name server at {host}:{port} ({exc}); start it "
                               f"with ./nameserver.sh or set PYRO_NS_HOST / PYRO_NS_PORT") from exc
        # peers learn this replica's address from its pings; the registration thread
        # registers it as soon as the name server answers
        log.warning("name server at %s:%s unreachable (%s): starting with the %d peers known from "
                    "the last run", host, port, exc, known)
        registration.reachable = False
    registration.start()
    replicator.discovered()
    log.info("replica %s serving %s (data in %s, ack=%s, %d contacts)", args.replica_id, uri,
             store.path, settings.ack_mode, store.count())

    print(f"replica {args.replica_id} ready at {uri}", flush=True)
    try:
        daemon.requestLoop(loopCondition=lambda: not stopping.is_set())
    finally:
        registration.stop(unregister=True)
        replicator.stop()
        daemon.close()
        store.close()
        log.info("replica %s stopped", args.replica_id)


if __name__ == "__main__":
    sys.exit(main())
