"""Where the replicas are: the client's directory of known replicas and their health.

Three sources feed it: the URIs a user gives, the Pyro5 name server
(:func:`contacts.replica.registration.list_replicas`) and the replicas themselves (``ping()``
answers with the peers each replica knows). A client that reached one replica thus
keeps finding the others when the name server is down, and a stale name-server entry
of a dead replica only costs one failed probe.

Health is simple on purpose: a replica that failed a call is *avoided* until a ping
answers again, and not probed again before a hold time that doubles with each failure
in a row (2 s, 4 s ... 30 s), so a dead replica costs little and a recovered one is
used again without a restart.
"""
import threading
import time
from dataclasses import dataclass, field

from Pyro5.api import URI
from Pyro5.errors import PyroError

from ..errors import ValidationError
from ..versions import VersionVector

AVOID_MIN = 2.0
AVOID_MAX = 30.0
#: explicit URIs rank first, in the order given; other replicas by replica id
LEARNT_RANK = 1000


def check_uri(uri):
    """A replica URI as a string, or ValidationError naming what is wrong with it."""
    try:
        return str(URI(str(uri)))
    except (PyroError, ValueError, TypeError) as exc:
        raise ValidationError("uri", f"{uri!r} is not a Pyro5 URI ({exc})") from None


@dataclass(eq=False)
class KnownReplica:
    """One replica as this client knows it."""

    uri: str
    replica_id: object = None        # int once known (explicit URIs: after their first ping)
    rank: int = LEARNT_RANK          # lower is preferred
    source: str = "peer"             # "explicit", "name server" or "peer"
    avoid_until: float = 0.0         # time.monotonic() before which calls skip this replica
    failures: int = 0                # failures in a row
    last_error: str = None
    last_answer: float = None        # wall clock of the last answer (for display)
    vector: VersionVector = field(default_factory=VersionVector)  # what it is known to hold

    @property
    def avoided(self):
        return self.failures > 0

    def label(self):
        return f"replica {self.replica_id}" if self.replica_id is not None else self.uri

    def as_dict(self, current=False):
        return {"replica_id": self.replica_id, "uri": self.uri, "source": self.source,
                "in_use": current, "avoided": self.avoided, "failures": self.failures,
                "last_error": self.last_error, "last_answer": self.last_answer}


class ReplicaDirectory:
    """The replicas a client knows, thread-safe. Does no network I/O itself."""

    def __init__(self, uris=(), learn_peers=True):
        self._lock = threading.Lock()
        self.learn_peers = learn_peers
        self._entries = []
        for rank, uri in enumerate(uris):
            uri = check_uri(uri)
            if not any(e.uri == uri for e in self._entries):
                self._entries.append(KnownReplica(uri, rank=rank, source="explicit"))

    # -- what is known -----------------------------------------------------------------
    def entries(self):
        with self._lock:
            return sorted(self._entries, key=lambda e: (e.rank, e.replica_id or 0))

    def by_id(self, replica_id):
        with self._lock:
            return next((e for e in self._entries if e.replica_id == replica_id), None)

    def usable(self, exclude=()):
        """Replicas calls may go to (not avoided), most preferred first."""
        return [e for e in self.entries() if not e.avoided and e not in exclude]

    def due_for_probe(self, now=None):
        """Avoided replicas whose hold time is over: a ping may show they are back."""
        now = time.monotonic() if now is None else now
        return [e for e in self.entries() if e.avoided and now >= e.avoid_until]

    def most_preferred(self):
        usable = self.usable()
        return usable[0] if usable else None

    # -- learning ------------------------------------------------------------------------
    def learn(self, replica_id, uri, source):
        """Take note of replica ``replica_id`` at ``uri`` (from the name server or a peer)."""
        try:
            replica_id = int(replica_id)
            uri = check_uri(uri)
        except (TypeError, ValueError):
            return None
        with self._lock:
            entry = next((e for e in self._entries if e.replica_id == replica_id), None)
            if entry is None:
                entry = next((e for e in self._entries if e.uri == uri and e.replica_id is None), None)
                if entry is None:
                    entry = KnownReplica(uri, replica_id, LEARNT_RANK + replica_id, source)
                    self._entries.append(entry)
                entry.replica_id = replica_id
            elif entry.uri != uri and entry.avoided:
                # it restarted at a new address (or the address we had is stale): try the new one
                entry.uri = uri
                entry.avoid_until = 0.0
            return entry

    def answered(self, entry, info=None):
        """``entry`` answered a call (``info``: its ping answer). Returns the entry to keep,
        which differs from ``entry`` when the ping revealed a replica known under another URI."""
        peers = {}
        with self._lock:
            if info is not None:
                replica_id = info.get("replica_id")
                if isinstance(replica_id, int) and entry.replica_id != replica_id:
                    twin = next((e for e in self._entries
                                 if e.replica_id == replica_id and e is not entry), None)
                    if twin is not None:
                        # the same replica under two URIs: keep the preferred rank, this address
                        twin.uri, twin.rank = entry.uri, min(twin.rank, entry.rank)
                        if twin.source != "explicit":
                            twin.source = entry.source
                        if entry in self._entries:
                            self._entries.remove(entry)
                        entry = twin
                    entry.replica_id = replica_id
                try:
                    entry.vector = entry.vector.merged(VersionVector.from_wire(info.get("vector")))
                except (TypeError, ValueError):
                    pass
                if self.learn_peers and isinstance(info.get("peers"), dict):
                    peers = info["peers"]
            entry.failures = 0
            entry.avoid_until = 0.0
            entry.last_error = None
            entry.last_answer = time.time()
        for peer_id, uri in peers.items():
            self.learn(peer_id, uri, "peer")
        return entry

    def failed(self, entry, error, hold=None):
        """A call to ``entry`` failed on the network (or it was too far behind): avoid it."""
        with self._lock:
            entry.failures += 1
            if hold is None:
                hold = min(AVOID_MIN * 2 ** (entry.failures - 1), AVOID_MAX)
            entry.avoid_until = time.monotonic() + hold
            entry.last_error = str(error) or type(error).__name__

    def prefer(self, entry):
        """Rank ``entry`` before every other replica (a user's choice of replica)."""
        with self._lock:
            entry.rank = min((e.rank for e in self._entries), default=0) - 1

    def holds(self, entry, vector):
        """Note that ``entry`` holds ``vector`` (it served a read that waited for it)."""
        with self._lock:
            entry.vector = entry.vector.merged(vector)
