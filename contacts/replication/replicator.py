"""Replicator: the peers of one replica and what the ContactBook asks of them."""
import json
import logging
import os
import threading
import time

from Pyro5.api import URI
from Pyro5.errors import PyroError

from ..errors import ValidationError, WrongTypeError
from .peer_link import PeerLink

log = logging.getLogger(__name__)

#: more peers than this is not a cluster but a flood of forged pings
MAX_PEERS = 64
#: the peers a replica knew, kept in its data dir so that it can start while the name server is down
PEERS_FILE = "peers.json"


class Replicator:
    def __init__(self, store, settings):
        self.store = store
        self.settings = settings
        self.uri = None
        self.links = {}
        self.peers_file = store.data_dir / PEERS_FILE
        self._peers_file_lock = threading.Lock()  # links and the registration thread all save it
        self._lock = threading.Lock()
        self._progress = threading.Condition()
        #: one catch-up at a time (see PeerLink._pull)
        self.pull_lock = threading.Lock()
        self._stopped = False
        # a replica with an empty data dir first learns its own past updates from peers
        # (its data dir may have been wiped) so its new updates never reuse a sequence number
        self.ready = threading.Event()
        self.ready.set()
        #: an empty data dir of a replica that served before: writes wait for a peer, however long
        self.must_learn = False

    def start(self, uri):
        self.uri = str(uri)

    def begin(self, first_start, sync_timeout, served_before=False):
        """Hold writes of a new replica until its first catch-up (or ``sync_timeout``).

        A replica that ``served_before`` (its data dir was wiped or replaced) waits for a
        catch-up however long it takes: numbering new updates before it has its old ones
        back would reuse their sequence numbers, and peers would drop the new updates
        as ones they already hold.

        Called before any peer is learnt: a catch-up that finishes at once (an empty
        cluster) must find the gate already closed, or it would open it too early and
        then the gate would close behind it for the whole timeout."""
        if not first_start:
            return
        self.ready.clear()
        if served_before:
            self.must_learn = True
            log.warning("the data dir is empty but replica %s served before: it takes writes once "
                        "a peer has given back its earlier updates", self.store.replica_id)
            return
        timer = threading.Timer(sync_timeout, self.ready.set)
        timer.daemon = True
        timer.start()

    def discovered(self):
        """The first look-up of peers is done: a replica alone has nobody to wait for."""
        with self._lock:
            alone = not self.links
        if alone and not self.must_learn:
            self.ready.set()

    def synced_with(self, link):
        """A PeerLink finished a catch-up round: open the gate, unless a peer that is up is
        known to hold more of this replica's own updates than it has got back (a wiped data
        dir caught up from a peer that lacks some of them): numbering new updates now would
        reuse the sequence numbers of those, so they are pulled first."""
        if self.ready.is_set():
            return
        own = self.store.replica_id
        held = self.store.vector.get(own, 0)
        richer = [peer for peer in self.alive_peers() if peer.vector.get(own, 0) > held]
        for peer in richer:
            peer.request_sync()
        if not richer:
            self.ready.set()

    def stop(self):
        self._stopped = True
        with self._lock:
            links = list(self.links.values())
        for link in links:
            link.stop()
        for link in links:
            link.join(timeout=self.settings.peer_timeout + 1)

    def me(self):
        return {"replica_id": self.store.replica_id, "uri": self.uri}

    def load_peers(self):
        """Learn the peers this replica knew when it last ran; how many."""
        try:
            known = json.loads(self.peers_file.read_text())
        except FileNotFoundError:
            return 0
        except (OSError, ValueError) as exc:
            log.warning("ignoring %s: %s", self.peers_file, exc)
            return 0
        for replica_id, uri in (known.items() if isinstance(known, dict) else ()):
            self.learn(replica_id, uri)
        with self._lock:
            return len(self.links)

    def _save_peers(self):
        """Write the known peers to the data dir (atomically: a crash leaves the old file)."""
        temporary = self.peers_file.with_suffix(".tmp")
        try:
            with self._peers_file_lock:
                temporary.write_text(json.dumps(self.known_peers(), sort_keys=True))
                os.replace(temporary, self.peers_file)
        except OSError as exc:  # a convenience for the next start: never fail replication over it
            log.warning("could not save the known peers to %s: %s", self.peers_file, exc)

    # -- membership ----------------------------------------------------------------
    def learn(self, replica_id, uri):
        """Take note of a peer (from the name server, a ping, or another peer's list)."""
        try:
            replica_id = int(replica_id)
            uri = str(URI(uri))
        except (TypeError, ValueError, PyroError):
            log.debug("ignoring malformed peer %r at %r", replica_id, uri)
            return
        if replica_id == self.store.replica_id or replica_id < 1 or self._stopped:
            return
        with self._lock:
            link = self.links.get(replica_id)
            if link is None:
                if len(self.links) >= MAX_PEERS:
                    return
                log.info("learnt of replica %s at %s", replica_id, uri)
                link = self.links[replica_id] = PeerLink(self, replica_id, uri)
                link.start()
            elif link.uri == uri:
                return
            else:
                link.set_uri(uri)
        self._save_peers()

    def forget_retired(self, registered):
        """Forget peers down for ``forget_after`` and absent from the name server's
        ``registered`` ids: retired replicas would otherwise be listed as down forever."""
        forgotten = []
        with self._lock:
            for replica_id, link in list(self.links.items()):
                down_since = link.down_since
                if (replica_id not in registered and down_since is not None
                        and time.monotonic() - down_since >= self.settings.forget_after):
                    forgotten.append(self.links.pop(replica_id))
        for link in forgotten:
            log.info("forgetting replica %s: down and unregistered for %.0f s", link.replica_id,
                     self.settings.forget_after)
            link.stop()
        if forgotten:
            self._save_peers()

    def hear_from(self, sender):
        """A peer pinged us: learn it (it may be new, or back at a new address)."""
        if not isinstance(sender, dict):
            raise WrongTypeError("sender", "must be a dict with replica_id and uri")
        if not isinstance(sender.get("replica_id"), int) or not isinstance(sender.get("uri"), str):
            raise ValidationError("sender", "needs an integer replica_id and a string uri")
        self.learn(sender["replica_id"], sender["uri"])

    def known_peers(self, alive_only=False):
        """{replica id: uri} of the peers; ``alive_only`` for what ping() tells others: a
        down peer passed around would keep coming back to replicas that forgot it."""
        with self._lock:
            return {str(rid): link.uri for rid, link in self.links.items() if link.alive or not alive_only}

    def peer_status(self):
        with self._lock:
            links = sorted(self.links.values(), key=lambda link: link.replica_id)
        return [link.status() for link in links]

    def alive_peers(self):
        with self._lock:
            return [link for link in self.links.values() if link.alive]

    # -- what writes and reads need ------------------------------------------------------
    def local_write(self, update):
        with self._lock:
            links = list(self.links.values())
        for link in links:
            link.wake(push=True)

    def wake_links(self):
        """Let every link look at once for work (a local write to push, a pull it may start)."""
        with self._lock:
            links = list(self.links.values())
        for link in links:
            link.wake()

    def catch_up_now(self):
        with self._lock:
            links = list(self.links.values())
        for link in links:
            link.request_sync()

    def peer_progress(self):
        with self._progress:
            self._progress.notify_all()

    def held_by(self, seq):
        """How many replicas (this one included) are known to hold own update ``seq``."""
        with self._lock:
            return 1 + sum(1 for link in self.links.values() if link.acked >= seq)

    def wait_held(self, seq, timeout, wanted=2):
        """Wait until ``wanted`` replicas hold own update ``seq`` or ``timeout`` passes.

        No wait at all while every peer is known to be down: a lone survivor keeps
        answering at local speed (and says ``replicas: 1``) instead of stalling each write."""
        with self._progress:
            self._progress.wait_for(
                lambda: self.held_by(seq) >= wanted or not self.alive_peers(), timeout)
        return self.held_by(seq)
