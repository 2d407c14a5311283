"""A replica's entry in the Pyro5 name server.

Replicas register as ``contacts.replica.N`` with the metadata tag ``contacts.replica``
so that everyone can list them.  The name server forgets nothing by itself and may
be down or restarted: replicas re-register on an interval, and everyone also keeps
the peers they learnt from each other.
"""
import logging
import threading

from Pyro5.api import Proxy
from Pyro5.errors import NamingError, PyroError

from ..naming import MEMBER_TAG, TAG, list_replicas, member_name, name_server_proxy, replica_name

log = logging.getLogger(__name__)


def served_before(replica_id, timeout):
    """Whether the name server remembers replica ``replica_id`` serving (None: unreachable)."""
    try:
        with name_server_proxy(timeout=timeout) as ns:
            ns.lookup(member_name(replica_id))
            return True
    except NamingError:
        return False
    except (PyroError, OSError):
        return None


def live_incarnation(replica_id, own_uri, timeout):
    """The URI of another live process serving replica ``replica_id``, or None.

    Two processes with one replica id would both stamp updates as that origin and reuse
    its sequence numbers, and the replicas would silently diverge.  The name server's
    entry is asked directly: a dead or different replica there (a restart after a crash,
    a reused port) is no obstacle.
    """
    try:
        with name_server_proxy(timeout=timeout) as ns:
            uri = str(ns.lookup(replica_name(replica_id)))
    except (PyroError, OSError):
        return None          # not registered, or no name server: register_once will say
    if uri == str(own_uri):
        return None          # our own address (a fixed --port or --nat-port): a restart
    try:
        with Proxy(uri) as other:
            other._pyroTimeout = timeout
            info = other.ping()
    except Exception:        # noqa: BLE001 - anything but a clean answer means "not running"
        return None
    return uri if isinstance(info, dict) and info.get("replica_id") == replica_id else None


class Registration(threading.Thread):
    """Keeps this replica registered, and feeds the replicator the replicas the name server knows."""

    def __init__(self, replica_id, uri, replicator, interval, timeout):
        super().__init__(name="ns-registration", daemon=True)
        self.name_ = replica_name(replica_id)
        self.member = member_name(replica_id)
        self.uri = str(uri)
        self.replicator = replicator
        self.interval = interval
        self.timeout = timeout
        self._stopping = threading.Event()
        self.reachable = True

    def register_once(self):
        """Register and learn peers; raises if the name server cannot be reached."""
        with name_server_proxy(timeout=self.timeout) as ns:
            ns.register(self.name_, self.uri, metadata={TAG})
            ns.register(self.member, self.uri, metadata={MEMBER_TAG})
            registered = list_replicas(ns)
        for replica_id, uri in registered.items():
            self.replicator.learn(replica_id, uri)
        self.replicator.forget_retired(set(registered))

    def run(self):
        while not self._stopping.wait(self.interval):
            try:
                self.register_once()
                if not self.reachable:
                    log.info("name server is back; registered %s again", self.name_)
                self.reachable = True
            except (PyroError, OSError) as exc:
                if self.reachable:
                    log.warning("name server unreachable (%s); replicating with known peers", exc)
                self.reachable = False

    def stop(self, unregister=True):
        self._stopping.set()
        if self.is_alive() and self is not threading.current_thread():
            # a re-registration in flight would otherwise put the entry back after removal
            self.join(self.timeout + 1)
        if not unregister:
            return
        try:
            with name_server_proxy(timeout=self.timeout) as ns:
                # only remove our own entry: a newer incarnation may have replaced it
                if str(ns.lookup(self.name_)) == self.uri:
                    ns.remove(self.name_)
        except (PyroError, NamingError, OSError) as exc:
            log.warning("could not unregister from the name server: %s", exc)
