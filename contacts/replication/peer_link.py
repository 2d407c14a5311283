"""PeerLink: everything this replica does with one peer, in one thread.

A Pyro5 proxy belongs to one thread, and one thread per peer means a slow or dead
peer never delays the others or the clients.  The thread loops:

- push: this replica's own updates the peer lacks, read from the update record in
  batches (the record is the queue, so nothing is lost when a push fails or the
  replica restarts);
- ping every ``ping_interval``: marks the peer up/down and learns its version
  vector and the peers it knows;
- pull (anti-entropy): when the peer comes up, when its ping shows it holds much
  that this replica lacks, and every ``anti_entropy_interval``, ask it for everything
  past this replica's version vector.

A peer far behind (back from a crash, a partition, a wiped disk) is not pushed to:
it pulls, from one peer at a time, so the same updates do not reach it twice over.
"""
import logging
import threading
import time

from Pyro5.api import Proxy
from Pyro5.errors import CommunicationError, PyroError

from ..errors import ContactsError
from ..protocol import PEER_FIRST_SERIALIZER, PEER_SERIALIZER
from ..versions import VersionVector
from .refusals import RefusalLog, refused_by_peer

log = logging.getLogger(__name__)

NETWORK_ERRORS = (CommunicationError, OSError, TimeoutError)

#: peer links speak json (contacts.protocol).  Not marshal (a little faster still): Python's
#: docs warn it is not safe against malicious data, so replicas refuse it (docs/security.md)
#: a peer lacking more than this many updates is left to pull them itself
PUSH_WINDOW = 2000


class PeerLink(threading.Thread):
    def __init__(self, replicator, replica_id, uri):
        super().__init__(name=f"peer-{replica_id}", daemon=True)
        self.replicator = replicator
        self.store = replicator.store
        self.settings = replicator.settings
        self.replica_id = replica_id
        self.uri = uri
        self.alive = False
        self.ever_seen = False
        self.last_seen = None          # wall-clock time, for display only
        self.missed = 0
        self.down_since = time.monotonic()  # None while alive
        self.vector = VersionVector()  # the peer's, as last reported
        self.acked = 0                 # how many of this replica's own updates the peer holds
        self.clock = None
        self._uri_changed = False
        self._wake = threading.Event()
        self._local_write = False      # woken by a local write (see _linger)
        self._stopping = threading.Event()
        self._sync_due = 0.0
        self.pushed = self.pulled = 0
        #: what the link speaks to the peer (cluster_status shows it)
        self.serializer = PEER_FIRST_SERIALIZER
        #: a call failing again and again is logged once per reason (contacts.replication.refusals)
        self.refusals = RefusalLog(replica_id, self.settings.ping_interval)
        self._doing = ("ping", "a ping (ping)")   # the call under way, for the refusal log
        self._pushing = None                      # (first seq, its words) of the push under way

    # -- called from other threads -----------------------------------------------
    def wake(self, push=False):
        if push:
            self._local_write = True
        self._wake.set()

    def stop(self):
        self._stopping.set()
        self._wake.set()

    def set_uri(self, uri):
        if uri != self.uri:
            log.info("replica %s moved to %s", self.replica_id, uri)
            self.uri = uri
            self._uri_changed = True
            self._sync_due = 0.0
            self._wake.set()

    def request_sync(self):
        self._sync_due = 0.0
        self._wake.set()

    def status(self):
        mine = self.store.vector
        return {"replica_id": self.replica_id, "uri": self.uri, "alive": self.alive, "self": False,
                "last_seen": self.last_seen, "behind": self.vector.missing_from(mine) if self.ever_seen else None,
                "clock": self.clock, "serializer": self.serializer}

    # -- the thread ----------------------------------------------------------------
    def run(self):
        proxy = None
        next_ping = 0.0
        while not self._stopping.is_set():
            busy = False
            try:
                if proxy is None or self._uri_changed:
                    if proxy is not None:
                        proxy._pyroRelease()
                    self._uri_changed = False
                    proxy = Proxy(self.uri)
                    proxy._pyroTimeout = self.settings.peer_timeout
                    # until its ping says it takes the faster one (_ping)
                    self.serializer = proxy._pyroSerializer = PEER_FIRST_SERIALIZER
                now = time.monotonic()
                if now >= next_ping:
                    next_ping = now + self.settings.ping_interval
                    self._ping(proxy)
                if self.alive and self._should_push():
                    busy = self._push(proxy)
                if self.alive and time.monotonic() >= self._sync_due:
                    self._pull(proxy)
            except NETWORK_ERRORS as exc:
                self._failed(exc)
                if proxy is not None:
                    proxy._pyroRelease()
                busy = False
            except Exception as exc:  # noqa: BLE001 -- the link thread must go on
                # the peer refused what we sent (or we refused what it sent): not a liveness
                # problem, but retrying at once would spin, so wait for the next round
                expected = isinstance(exc, (ContactsError, PyroError)) or refused_by_peer(exc)
                self.refusals.failed(*self._doing, exc, expected)
                busy = False
            if not busy:
                timeout = max(next_ping - time.monotonic(), 0.01)
                self._wake.wait(timeout)
                self._wake.clear()
                if self._local_write:
                    self._local_write = False
                    self._linger()
        if proxy is not None:
            proxy._pyroRelease()

    def _linger(self):
        """After a local write, wait push_delay (ack mode "local" only) before pushing.

        Writes coming one after another (one client) would otherwise each make their own
        push, apply_updates call and fsync on every peer, and the pushes compete with the
        writes for this process: a short wait lets the writes of that moment share one
        (docs/benchmarks.md, "Batches").  In
        "peer" mode the writer waits for the push, so it goes at once."""
        delay = self.settings.push_delay
        if delay and self.settings.ack_mode == "local" and not self._stopping.is_set():
            self._stopping.wait(delay)

    def _seen(self, vector):
        self.vector = VersionVector.from_wire(vector)
        self.acked = self.vector.get(self.store.replica_id, 0)
        if self._pushing is not None and self.acked >= self._pushing[0]:
            # the peer holds what was being pushed: by this push, or from another replica
            self.refusals.cleared("push", f"it holds {self._pushing[1]} now")
            self._pushing = None
        if self.store.vector.missing_from(self.vector) > PUSH_WINDOW:
            self._sync_due = 0.0  # the peer holds much we lack: it won't push it, so pull
        self.last_seen = time.time()
        self.missed = 0
        if not self.alive:
            log.info("replica %s is up at %s", self.replica_id, self.uri)
            self.alive = True
            self.down_since = None
            self.ever_seen = True
            self._sync_due = 0.0
        self.replicator.peer_progress()

    def _failed(self, exc):
        self.missed += 1
        if self.alive and self.missed >= self.settings.missed_pings:
            log.warning("replica %s is down (%s)", self.replica_id, exc)
            self.alive = False
            self.down_since = time.monotonic()
            self.replicator.peer_progress()

    def _ping(self, proxy):
        self._doing = ("ping", "a ping (ping)")
        info = proxy.ping(self.replicator.me())
        if info.get("replica_id") != self.replica_id:
            raise ContactsError(f"{self.uri} answers as replica {info.get('replica_id')}, "
                                f"not {self.replica_id}")
        self.clock = info.get("clock")
        # the faster serializer once the peer says it takes it (each call names its own)
        served = info.get("serializers")
        self.serializer = proxy._pyroSerializer = (
            PEER_SERIALIZER if isinstance(served, list) and PEER_SERIALIZER in served else PEER_FIRST_SERIALIZER)
        self._seen(info.get("vector"))
        for peer_id, uri in (info.get("peers") or {}).items():
            self.replicator.learn(peer_id, uri)
        self.refusals.cleared("ping", "a ping (ping) went through")

    def _should_push(self):
        """Push own updates the peer lacks, unless it is so far behind that it pulls them
        (or, when this replica's record no longer reaches back that far, takes a full copy)."""
        held = self.store.vector.get(self.store.replica_id, 0)
        return (self.acked < held <= self.acked + PUSH_WINDOW
                and self.store.floor.get(self.store.replica_id, 0) <= self.acked)

    def _push(self, proxy):
        """Send the next batch of own updates; True if more may be waiting."""
        batch = self.store.own_updates_after(self.acked, self.settings.batch_size)
        if not batch:
            return False
        first, last = batch[0]["seq"], batch[-1]["seq"]
        seqs = f"update {self.store.replica_id}:{first}" if first == last else \
            f"updates {self.store.replica_id}:{first}..{last}"
        self._doing = ("push", f"{seqs} (apply_updates)")
        self._pushing = (first, seqs)
        answer = proxy.apply_updates(batch)
        self.pushed += len(batch)
        self._seen(answer["vector"])
        # a batch may stop short of batch_size at the store's byte bound (photos)
        return len(batch) >= self.settings.batch_size or batch[-1]["seq"] < self.store.vector.get(
            self.store.replica_id, 0)

    def _pull(self, proxy):
        """Ask the peer for everything past this replica's vector, batch after batch.

        One link pulls at a time: the next one then asks only for what is still missing.
        A link that finds another pulling stays due and is woken when that pull ends."""
        if not self.replicator.pull_lock.acquire(blocking=False):
            return
        started, fetching, applied = time.monotonic(), 0.0, 0
        try:
            while not self._stopping.is_set():
                asked = time.monotonic()
                self._doing = ("pull", "the updates it holds past this replica's (fetch_updates)")
                # batch_size, not more: it bounds the largest message (contacts.pyro_settings)
                answer = proxy.fetch_updates(self.store.vector.to_wire(), self.settings.batch_size)
                fetching += time.monotonic() - asked
                if answer["updates"]:
                    applied += self.store.apply_remote(answer["updates"])
                if not answer["complete"]:
                    self._pull_snapshot(proxy)
                    continue
                if not answer["more"]:
                    self.refusals.cleared("pull", "pulling from it went through")
                    self._sync_due = time.monotonic() + self.settings.anti_entropy_interval
                    self.replicator.synced_with(self)
                    return
        finally:
            self.replicator.pull_lock.release()
            self.replicator.wake_links()
            self.pulled += applied
            if applied:
                took = time.monotonic() - started
                log.info("caught up %d updates from replica %s in %.2f s (%.2f s waiting for it)",
                         applied, self.replica_id, took, fetching)

    def _fetch_photos(self, proxy, states):
        """A full copy carries photo registers, not bytes: fetch the ones this replica lacks."""
        for _, state in states:
            entry = state.get("photo") if isinstance(state, dict) else None
            register = entry[0] if isinstance(entry, (list, tuple)) and entry else None
            digest = register.get("hash") if isinstance(register, dict) else None
            if not isinstance(digest, str) or self.store.photo(digest) is not None:
                continue
            try:
                self.store.put_photo(digest, register.get("type"), proxy.get_photo(digest))
            except Exception as exc:  # noqa: BLE001 -- a photo the peer lacks or sent wrong: the contact still copies
                log.warning("photo %s from replica %s not copied: %s", digest[:12], self.replica_id, exc)

    def _pull_snapshot(self, proxy):
        """Full copy: the peer compacted updates this replica still lacks."""
        log.warning("replica %s no longer has updates this replica lacks: taking a full copy",
                    self.replica_id)
        after_id, vector = "", None
        self._doing = ("pull", "a full copy (fetch_snapshot)")
        while True:
            page = proxy.fetch_snapshot(after_id, self.settings.batch_size)
            vector = vector or VersionVector.from_wire(page["vector"])
            self.store.apply_snapshot(page["states"], VersionVector())
            self._fetch_photos(proxy, page["states"])
            if not page["more"] or not page["states"]:
                break
            after_id = page["states"][-1][0]
        self.store.apply_snapshot([], vector)
