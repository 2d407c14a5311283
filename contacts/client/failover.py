"""ContactsClient: the failover client the GUI, the command line and scripts use.

It offers the ContactBook's contact methods and hides the cluster behind them:

- **finding replicas** (:mod:`contacts.client.discovery`): the name server, explicit URIs, and
  the peers each replica reports in ``ping()``, so it keeps working without the name server;
- **failover**: every remote call has a timeout; on a connection failure, a timeout
  (a frozen replica) or an address that no longer serves the replica, the call moves
  to another live replica and is retried there. The failed replica is avoided until a
  ping shows it back, and the client returns to its preferred replica once it is;
- **no duplicates**: writes carry a request id (and adds a client-made contact id) that
  stays the same across retries, so a write retried on another replica is applied once;
- **read-your-writes**: the client keeps the version vector of its own acknowledged
  writes and sends it as ``after`` with reads; a replica that lacks them waits to catch
  up or says it cannot, and the client tries another;
- **any thread**: proxies come from a :class:`~contacts.client.proxy_pool.ProxyPool` that
  lends each to one thread at a time.

Errors a replica *answers* with (ContactNotFound, ValidationError ...) reach the caller
as the precise class and never cause a failover. UnavailableError means no replica
could serve.
"""
import dataclasses
import logging
import os
import queue
import threading
import time
import uuid

from Pyro5.errors import PyroError

from .. import pyro_settings
from ..config import name_server_address
from ..protocol import MAX_ANSWER, READ_AFTER_TIMEOUT
from .discovery import ReplicaDirectory
from ..errors import ContactsError, StorageError, UnavailableError, ValidationError, WrongTypeError
from .proxy_pool import ProxyPool, is_network_failure
from ..naming import list_replicas, name_server_proxy
from ..versions import VersionVector
from ..protocol import receive_precise_errors

log = logging.getLogger(__name__)

#: how long to wait, after the first replica answered a probe, for a more preferred one
PROBE_GRACE = 0.15
#: seconds between name-server look-ups while every replica is fine / while some are not
NS_REFRESH_HEALTHY = 30.0
NS_REFRESH_DEGRADED = 3.0
#: seconds between pings of the replica in use (to learn peers) while all is fine
CURRENT_PING_INTERVAL = 15.0

#: how long a replica waits to catch up with a read's ``after`` (the wire contract's figure)
REPLICA_CATCH_UP_WAIT = READ_AFTER_TIMEOUT


@dataclasses.dataclass(frozen=True)
class CallKind:
    """What one kind of call needs of the replica it runs on (read-your-writes)."""

    #: the replica must hold this client's writes (else another is asked, or it catches up)
    needs_writes: bool = False
    #: the replica catches up with them before the call (a barrier), so a contact written
    #: elsewhere is found and a later write wins over an earlier one
    catch_up_first: bool = False
    #: the call itself sends ``after=`` (the replica waits inside the read)
    sends_after: bool = False
    #: every write of this client, even those waived because no reachable replica holds them
    every_write: bool = False
    #: may go on without writes that no reachable replica holds (see _waive_lost_writes)
    waivable: bool = False


READ = CallKind(needs_writes=True, sends_after=True, waivable=True)
READ_BARRIER = CallKind(needs_writes=True, catch_up_first=True, waivable=True)
WRITE_EXISTING = CallKind(needs_writes=True, catch_up_first=True, every_write=True)
WRITE = CallKind()      # a new contact: nothing to catch up with
PLAIN = CallKind()      # status calls


def new_request_id():
    return uuid.uuid4().hex


def _with_region(kwargs, region):
    """Pass ``region`` only when given, so replicas older than issue 14 still take the call."""
    if region is not None:
        kwargs["region"] = region
    return kwargs


class ContactsClient:
    """A contact list client that survives replica failures.

    ``ContactsClient()`` finds the name server through ``PYRO_NS_HOST`` / ``PYRO_NS_PORT``;
    ``ns_host``/``ns_port`` name another; ``uris`` lists replica URIs to use without a
    name server (with ``discover=False``, *only* those). ``timeout`` bounds each remote
    call; a whole client call, failovers included, asks each replica at most once and
    starts no attempt that could end past ``call_budget`` (default ``3 * timeout``, plus one
    replica's catch-up wait once one has waited).
    With ``tls_dir`` (default: ``CONTACTS_TLS_DIR``) it calls over TLS with the client
    certificate ``tls_client`` (default: ``CONTACTS_TLS_CLIENT``, or the only one there).
    """

    def __init__(self, ns_host=None, ns_port=None, uris=None, timeout=3.0, *,
                 discover=True, probe_interval=1.0, call_budget=None, read_your_writes=True,
                 tls_dir=None, tls_client=None):
        if isinstance(uris, str):
            uris = [uris]
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ValidationError("timeout", f"must be a positive number of seconds, got {timeout!r}")
        pyro_settings.apply()
        receive_precise_errors()
        self.tls_dir = tls_dir or os.environ.get("CONTACTS_TLS_DIR") or None
        if self.tls_dir:
            # Pyro5's SSL settings are per process: every proxy of this process uses them
            from ..security.tls import configure_client_tls
            configure_client_tls(self.tls_dir, tls_client)
        self.timeout = float(timeout)
        self.call_budget = float(call_budget) if call_budget else 3 * self.timeout
        self.probe_interval = probe_interval
        self.read_your_writes = read_your_writes
        use_name_server = not uris or ns_host is not None or ns_port is not None
        if use_name_server:
            default_host, default_port = name_server_address()
            self.name_server = (ns_host or default_host, int(ns_port or default_port))
        else:
            self.name_server = None
        self.directory = ReplicaDirectory(uris or (), learn_peers=discover)
        self._pool = ProxyPool()
        self._lock = threading.Lock()
        self._failover_lock = threading.Lock()
        self._current = None
        self._last_used = None       # the replica of the last "replica" event
        self._seen = VersionVector()
        # per origin, the last of this client's writes reads still wait for, when every replica
        # that answers lacks the later ones (their replica is down): see _waive_lost_writes
        self._waived = VersionVector()
        self._listeners = []
        self._ns_checked = None      # time.monotonic() of the last name-server look-up
        self.name_server_error = None
        self._watcher = None
        self._closing = threading.Event()

    # -- contact methods (same names as ContactBook) ----------------------------------
    def add_contact(self, contact, region=None):
        """Add a contact; returns it as stored, with its ``id`` and ``write`` receipt.

        The client picks the id (unless ``contact`` has one) and a request id, so a retry
        after a failover returns the first result instead of adding a second contact.
        ``region`` ("BR") reads phones typed without +country there (else the replica's setting)."""
        if not isinstance(contact, dict):
            raise WrongTypeError("contact", f"must be a dict, not {type(contact).__name__}")
        contact = dict(contact)
        if contact.get("id") is None:
            contact["id"] = uuid.uuid4().hex
        return self._call("add_contact", (contact,), _with_region({"request_id": new_request_id()}, region),
                          WRITE)

    def add_contacts(self, contacts, region=None):
        """Add many contacts (at most 1000) in one call and one commit on the replica.

        Returns one result per contact, in order: the contact as stored, or
        ``{"error": class name, "field": ..., "message": ...}`` for one the replica refused.
        Contacts without an id get one here, so a retry after a failover adds nothing twice."""
        if not isinstance(contacts, (list, tuple)):
            raise WrongTypeError("contacts", f"must be a list, not {type(contacts).__name__}")
        batch = []
        for contact in contacts:
            if isinstance(contact, dict) and contact.get("id") is None:
                contact = dict(contact, id=uuid.uuid4().hex)
            batch.append(contact)
        return self._call("add_contacts", (batch,), _with_region({}, region), WRITE)

    def update_contact(self, contact_id, changes, region=None, if_stamp=None):
        """Change some fields of a contact; returns the contact.  ``groups`` is the whole
        list wanted, or {"add": [...], "remove": [...]} (docs/remote-api.md).  With
        ``if_stamp`` (``contacts.merge.contact_stamp`` of the contact as last read) the change
        is made only if the contact is still so: else StaleWriteError, nothing written."""
        kwargs = _with_region({"request_id": new_request_id()}, region)
        if if_stamp is not None:
            kwargs["if_stamp"] = if_stamp
        return self._call("update_contact", (contact_id, changes), kwargs, WRITE_EXISTING)

    def get_photo(self, photo_hash):
        """The bytes (base64 str) of a contact's photo, by the hash its ``photo`` holds."""
        return self._call("get_photo", (photo_hash,), {}, READ_BARRIER)

    def delete_contact(self, contact_id, if_stamp=None):
        """Move a contact to the trash (it can be restored); ``if_stamp`` as in update_contact."""
        kwargs = {"request_id": new_request_id()}
        if if_stamp is not None:
            kwargs["if_stamp"] = if_stamp
        self._call("delete_contact", (contact_id,), kwargs, WRITE_EXISTING)

    def changes_since(self, vector, limit=None):
        """The contacts changed past ``vector`` (deleted ones too), from the update record of
        a replica that holds ``vector`` and this client's writes: ``{"contacts", "vector",
        "more"}`` (docs/remote-api.md).  HistoryTruncated when that record no longer reaches
        back to ``vector``; UnavailableError when no replica reachable holds ``vector``."""
        wanted = VersionVector.from_wire(vector)
        return self._call("changes_since", (wanted.to_wire(), limit), {"after": wanted.to_wire()}, READ)

    def restore_contact(self, contact_id):
        """Bring a deleted contact back; returns it."""
        return self._call("restore_contact", (contact_id,), {"request_id": new_request_id()},
                          WRITE_EXISTING)

    def purge_contact(self, contact_id):
        """Delete a contact from the trash forever, on every replica (no undo)."""
        self._call("purge_contact", (contact_id,), {"request_id": new_request_id()}, WRITE_EXISTING)

    def empty_trash(self):
        """Purge every contact in the trash; returns how many."""
        return self._call("empty_trash", (), {"request_id": new_request_id()}, WRITE_EXISTING)

    def get_contact(self, contact_id):
        return self._call("get_contact", (contact_id,), {}, READ)

    def list_contacts(self, offset=0, limit=None, after=None, order=None, starred=False, group=None):
        """Live contacts sorted by name; ``offset``/``limit`` page through them.  More than a
        replica answers at once (MAX_ANSWER) comes in several calls.  ``after`` (a version
        vector) is read from a replica that holds it, besides this client's own writes.
        ``order``: None/"name", "first" or "last" (starred first, then by first or last name);
        ``starred=True``: only starred contacts; ``group``: only that group's members."""
        scope = {"starred": True} if starred else {}
        if group is not None:
            scope["group"] = group
        return self._paged("list_contacts", offset, limit, READ, after, order, scope)

    def iter_contacts(self, page_size=1000, after=None):
        """Every live contact sorted by name, read ``page_size`` (1..MAX_ANSWER) at a time and
        yielded one by one: the caller holds one page of decoded contacts, not the whole book
        (a listing of 10,000 is ~40 MB of dicts at once).  Pages are asked by key, as in
        list_contacts; ``after``: as there.  Pages are read at different moments: a contact
        renamed meanwhile across a page boundary may be yielded twice or not at all (the
        update record since ``after`` says which ones changed)."""
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= MAX_ANSWER:
            raise WrongTypeError("page_size", f"must be an integer from 1 to {MAX_ANSWER}, not {page_size!r}")
        extra = {} if after is None else {"after": VersionVector.from_wire(after).to_wire()}
        for page in self._pages("list_contacts", 0, None, page_size, READ, extra):
            yield from page

    def list_deleted(self, offset=0, limit=None, order=None):
        """Deleted contacts (the trash); ``order`` as in list_contacts."""
        return self._paged("list_deleted", offset, limit, READ_BARRIER, order=order)

    def _paged(self, method, offset, limit, kind, after=None, order=None, scope=None):
        """One call, or pages of MAX_ANSWER while the answer is longer than a replica sends.

        Pages after the first are asked by key (``after_key``: the name and id of the last
        contact so far), not by offset: a contact added or deleted meanwhile before the page
        boundary shifts nothing, so no contact is skipped or repeated."""
        extra = {} if after is None else {"after": VersionVector.from_wire(after).to_wire()}
        if order is not None:   # only when asked: a replica of an older release knows no order
            extra["order"] = order
        extra.update(scope or {})
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit <= MAX_ANSWER):
            return self._call(method, (offset, limit), dict(extra), kind)
        if isinstance(offset, bool) or not isinstance(offset, int):
            return self._call(method, (offset, limit), dict(extra), kind)  # the replica's own error
        return [contact for page in self._pages(method, offset, limit, MAX_ANSWER, kind, extra) for contact in page]

    def _pages(self, method, offset, limit, page_size, kind, extra):
        """The pages of a listing, ``page_size`` at most each, until ``limit`` (None: the end):
        the first from ``offset``, the next ones by key (``after_key``: the name and id of the
        last contact so far)."""
        got, key = 0, None
        while True:
            size = page_size if limit is None else min(page_size, limit - got)
            if key is None:
                page = self._call(method, (offset, size), dict(extra), kind)
            else:
                page = self._call(method, (0, size), {"after_key": key, **extra}, kind)
            got += len(page)
            yield page
            if len(page) < size or (limit is not None and got >= limit):
                return
            key = [page[-1]["name"], page[-1]["id"]]

    def find_by_id_prefix(self, prefix, limit=10):
        """Live contacts whose id starts with ``prefix`` (lowercase hex), in id order, at most
        ``limit`` (1-100): one bounded call, whatever the size of the book."""
        return self._call("find_by_id_prefix", (prefix, limit), {}, READ)

    def count_contacts(self, breakdown=False):
        """How many live contacts; ``breakdown=True``: {"all", "starred", "deleted", "groups"}."""
        return self._call("count_contacts", (), {"breakdown": True} if breakdown else {}, READ_BARRIER)

    def search(self, text, limit=None):
        """Live contacts matching ``text`` in name, organization, emails, notes or phone digits."""
        return self._call("search", (text, limit), {}, READ)

    def cluster_status(self):
        """Every replica as the replica in use sees it (itself first, with ``self: True``)."""
        return self._call("cluster_status", (), {}, PLAIN)

    def ping(self):
        """The ping answer of the replica in use (id, clock, version vector, peers ...)."""
        return self._call("ping", (), {}, PLAIN)

    # -- what the client itself knows -----------------------------------------------------
    @property
    def current_replica(self):
        """(replica_id, uri) of the replica in use, or None before the first call."""
        with self._lock:
            entry = self._current
        return (entry.replica_id, entry.uri) if entry is not None else None

    def use_replica(self, replica_id):
        """Use replica ``replica_id`` from now on (the nearest one, say): it becomes the most
        preferred, so the client moves back to it after a failover.  LookupError if the
        client does not know that replica.  Reads and edits still wait for this client's
        own writes there (read-your-writes)."""
        entry = self.directory.by_id(replica_id)
        if entry is None and self.name_server:
            self._refresh_from_name_server()
            entry = self.directory.by_id(replica_id)
        if entry is None:
            raise LookupError(f"replica {replica_id} is not known to this client")
        self.directory.prefer(entry)
        with self._failover_lock:
            event = self._use(entry)
        self._emit(event)

    def known_replicas(self):
        """The replicas this client knows and how they fared (list of dicts, preferred first)."""
        with self._lock:
            current = self._current
        return [e.as_dict(current=e is current) for e in self.directory.entries()]

    @property
    def seen(self):
        """Version vector of this client's acknowledged writes (what its reads wait for)."""
        with self._lock:
            return VersionVector(self._seen)

    @property
    def unreplicated(self):
        """{origin replica id: how many updates} of this client's acknowledged writes that no
        replica it can reach holds (their replica went down before passing them on); reads
        answer without them, and wait for them again once a replica that answers has them."""
        with self._lock:
            return {origin: self._seen[origin] - held for origin, held in self._waived.items()
                    if self._seen.get(origin, 0) > held}

    def _barrier(self):
        """What reads wait for: this client's writes, but for the waived ones (lock held)."""
        if not self.read_your_writes:
            return VersionVector()
        return VersionVector({origin: min(seq, self._waived.get(origin, seq)) for origin, seq in self._seen.items()})

    def add_listener(self, callback):
        """Call ``callback(event)`` (from any thread) when the client moves to another replica
        (``{"type": "replica", "replica_id", "uri", "previous"}``), none can serve
        (``{"type": "unavailable", "error"}``), reads go on without writes of this client
        that no reachable replica holds (``{"type": "unreplicated", "missing": {origin: n}}``),
        or a replica holding them answers again (``{"type": "unreplicated", "missing": {}}``)."""
        with self._lock:
            self._listeners.append(callback)

    def remove_listener(self, callback):
        with self._lock:
            if callback in self._listeners:
                self._listeners.remove(callback)

    def close(self):
        """Stop the background watcher and close every connection."""
        self._closing.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            # briefly: it may be waiting on a frozen replica; it is a daemon and stops by itself
            self._watcher.join(0.5)
        self._pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        current = self.current_replica
        where = f"replica {current[0]} at {current[1]}" if current else "not connected yet"
        return f"<ContactsClient {where}>"

    # -- one call, with failover ------------------------------------------------------------
    def _call(self, method, args, kwargs, kind):
        """Run ``method`` on a live replica, moving to another on network failure.

        ``kind`` (a :class:`CallKind`: READ, READ_BARRIER, WRITE, WRITE_EXISTING, PLAIN)
        says what the call needs of the replica it runs on.

        Each replica is asked at most once per call, and no attempt starts that would end
        past ``call_budget`` (plus one replica's catch-up wait, once one has waited)."""
        if self._closing.is_set():
            raise UnavailableError("this client is closed")
        self._start_watcher()
        started = time.monotonic()
        tried = []       # replicas this call is done with: asked, or refused without asking
        asked = set()    # replicas this call was sent to (or that failed it): never asked twice
        problems = []
        refused = []   # replicas that answered, but lacked this client's writes (or were starting)
        may_wait = True
        waived = False
        while True:
            # the budget is checked before each attempt (and bounds the probes that choose a
            # replica), never only after one: no attempt starts that would end past it
            deadline = started + self.call_budget + (0 if may_wait else REPLICA_CATCH_UP_WAIT)
            if tried and time.monotonic() + self.timeout > deadline:
                problems.append(f"gave up after {time.monotonic() - started:.1f} s (call budget "
                                f"{deadline - started:.1f} s)")
                break
            entry = self._choose(tried, deadline)
            if entry is None:
                if (not waived and kind.waivable and refused
                        and self._waive_lost_writes(refused)):
                    # reads go on without writes no reachable replica holds: the replicas that
                    # refused without being asked (known to lack them) may serve now; the ones
                    # already asked are not asked again (each replica at most once per call)
                    waived = True
                    tried = [e for e in tried if e in asked]
                    continue
                break
            try:
                result = self._attempt(entry, method, args, kwargs, kind, may_wait)
            except UnavailableError as exc:
                if not isinstance(exc, _NotAsked):
                    asked.add(entry)
                    # one replica already waited in vain for this client's writes: the others
                    # are tried only if they are known to hold them (no second long wait)
                    may_wait = False
                # the replica answered that it cannot serve (still starting, or behind this
                # client's writes): not a failure of the replica, but use another for a while
                problems.append(f"{entry.label()}: {exc}")
                self.directory.failed(entry, exc, hold=1.0)
                self._drop_current(entry)
                tried.append(entry)
                refused.append(entry)
            except StorageError as exc:
                # its disk refused the commit (full, say): nothing of the write was kept, so
                # another replica may take it; this one is avoided for a while
                asked.add(entry)
                problems.append(f"{entry.label()}: {exc}")
                log.warning("%s could not save a write (%s); trying another replica", entry.label(), exc)
                self.directory.failed(entry, exc, hold=5.0)
                self._drop_current(entry)
                tried.append(entry)
            except ContactsError:
                raise
            except Exception as exc:
                if not is_network_failure(exc):
                    raise
                asked.add(entry)
                problems.append(f"{entry.label()}: {_describe(exc, self.timeout)}")
                log.info("%s failed (%s); trying another replica", entry.label(), _describe(exc, self.timeout))
                self.directory.failed(entry, exc)
                self._pool.discard(entry.uri)
                self._drop_current(entry)
                tried.append(entry)
            else:
                return result
        error = UnavailableError(self._unavailable_message(problems))
        self._emit({"type": "unavailable", "error": str(error)})
        raise error

    def _waive_lost_writes(self, refused):
        """Every reachable replica lacks some of this client's writes (the replica that took
        them went down before passing them on): stop waiting for what none of them holds, so
        that reads answer (without those writes) instead of failing until it returns.  True
        if something was waived; the "unreplicated" event and a warning say what."""
        reachable = VersionVector()
        for entry in refused:
            reachable = reachable.merged(entry.vector)
        with self._lock:
            barrier = self._barrier()
            lost = {origin: reachable.get(origin, 0) for origin, seq in barrier.items()
                    if seq > reachable.get(origin, 0)}
            if not lost:
                return False
            self._waived = VersionVector({**self._waived, **lost})
        missing = self.unreplicated
        log.warning("no reachable replica holds %s of this client's writes (made on replica %s, now "
                    "unreachable): reading without them until a replica that answers has them",
                    sum(missing.values()), ", ".join(map(str, sorted(missing))))
        self._emit({"type": "unreplicated", "missing": missing})
        return True

    def _writes_back(self, entry):
        """``entry`` answered holding every write of this client: reads wait for all again."""
        with self._lock:
            if not self._waived or not entry.vector.covers(self._seen):
                return
            self._waived = VersionVector()
        log.info("%s holds every write of this client again", entry.label())
        self._emit({"type": "unreplicated", "missing": {}})

    def _attempt(self, entry, method, args, kwargs, kind, may_wait=True):
        if self._waived:
            self._writes_back(entry)
        with self._lock:
            # a write to an existing contact waits for them all, waived or not: written over
            # a replica lacking the earlier write, it could lose to it by stamp later
            seen = self._barrier() if not kind.every_write else (
                VersionVector(self._seen) if self.read_your_writes else VersionVector())
        behind = bool(seen) and not entry.vector.covers(seen)
        if behind and not may_wait and kind.needs_writes:
            raise _NotAsked(f"lacks {entry.vector.missing_from(seen)} of this client's writes")
        catch_up = self.timeout + REPLICA_CATCH_UP_WAIT
        kwargs = dict(kwargs)
        # a caller's own ``after`` (a vector it must read past, e.g. a sync token) joins this
        # client's writes; the replica may wait for it too, so the timeout allows for that
        wanted = VersionVector.from_wire(kwargs.pop("after", None))
        if kind.sends_after and wanted:
            seen = seen.merged(wanted)
            behind = behind or not entry.vector.covers(wanted)
        with self._pool.borrow(entry.uri, self.timeout) as proxy:
            if behind and kind.catch_up_first:
                proxy._pyroTimeout = catch_up
                proxy.list_contacts(0, 0, seen.to_wire())   # returns [] once caught up
                proxy._pyroTimeout = self.timeout
                self.directory.holds(entry, seen)
            if kind.sends_after and seen:
                kwargs["after"] = seen.to_wire()
                if behind:
                    proxy._pyroTimeout = catch_up
            result = getattr(proxy, method)(*args, **kwargs)
            receipt = None
            if isinstance(result, dict) and isinstance(result.get("write"), dict):
                receipt = result["write"]
            elif method == "add_contacts":  # the newest write of the batch covers the others
                receipts = [r["write"] for r in result if isinstance(r, dict) and isinstance(r.get("write"), dict)]
                receipt = max(receipts, key=lambda w: w["seq"]) if receipts else None
            elif method == "delete_contact":
                # delete answers None: the replica's own sequence number now covers the delete
                vector = VersionVector.from_wire(proxy.version_vector())
                if entry.replica_id in vector:
                    receipt = {"origin": entry.replica_id, "seq": vector[entry.replica_id]}
        if kind.sends_after and seen:
            self.directory.holds(entry, seen)
        if receipt is not None:
            self._record_write(entry, receipt)
        if method == "ping":
            self.directory.answered(entry, result)
        return result

    def _record_write(self, entry, receipt):
        try:
            origin, seq = int(receipt["origin"]), int(receipt["seq"])
        except (KeyError, TypeError, ValueError):
            return
        mine = VersionVector({origin: seq})
        with self._lock:
            self._seen = self._seen.merged(mine)
            # a new write on a replica whose earlier ones were waived: it holds them all again
            # (vectors are contiguous), so reads wait for every write of that origin again
            rewaived = self._waived.pop(origin, None) is not None
        self.directory.holds(entry, mine)
        if rewaived:
            self._emit({"type": "unreplicated", "missing": self.unreplicated})

    # -- choosing a replica -----------------------------------------------------------------
    def _choose(self, tried, deadline=None):
        """The replica for the next attempt: the one in use, or the best other live one
        (probes give up at ``deadline``, time.monotonic(), when given)."""
        with self._lock:
            current = self._current
        if current is not None and current not in tried and not current.avoided:
            return current
        with self._failover_lock:
            with self._lock:
                current = self._current
            if current is not None and current not in tried and not current.avoided:
                return current          # another thread failed over meanwhile
            entry = self._find_replica(tried, deadline)
            event = self._use(entry) if entry is not None else None
        self._emit(event)
        return entry

    def _find_replica(self, tried, deadline=None):
        now = time.monotonic()
        refreshed = False
        if self.name_server and (not self.directory.usable(tried) or self._ns_checked is None):
            self._refresh_from_name_server()
            refreshed = True
        candidates = self.directory.usable(tried)
        if not candidates:
            # last resort: a replica that failed earlier may be back already
            candidates = [e for e in self.directory.entries() if e not in tried]
        best = self._probe(candidates, deadline)
        if best is None:
            # replicas learnt meanwhile (from the name server, or from the peers a probed
            # replica listed before failing us) get their chance too
            if self.name_server and not refreshed and now - (self._ns_checked or 0) > 0.5:
                self._refresh_from_name_server()
            best = self._probe([e for e in self.directory.entries() if e not in tried and e not in candidates],
                               deadline)
        return best

    def _probe(self, candidates, deadline=None):
        """Ping ``candidates`` at once; the most preferred that answered and holds this
        client's writes (else the one missing least), or None."""
        if not candidates:
            return None
        with self._lock:
            seen = self._barrier()
        # one daemon thread per ping: a ping stuck on a frozen replica neither delays the
        # others nor keeps a finished program waiting at exit (executor threads would)
        results = queue.Queue()
        for entry in candidates:
            threading.Thread(target=self._probe_one, args=(entry, results),
                             name="contacts-probe", daemon=True).start()
        answered = {}     # entry -> how many of this client's writes it lacks
        deadline = min(time.monotonic() + self.timeout + 0.5, deadline or float("inf"))
        first_good = None  # when the first replica holding all this client's writes answered
        pending = set(candidates)
        while pending:
            now = time.monotonic()
            wait_for = deadline - now
            if first_good is not None:
                best_rank = min(e.rank for e, missing in answered.items() if missing == 0)
                if not any(e.rank < best_rank for e in pending):
                    break
                wait_for = min(wait_for, first_good + PROBE_GRACE - now)
            if wait_for <= 0:
                break
            try:
                probed, entry = results.get(timeout=wait_for)
            except queue.Empty:
                continue
            pending.discard(probed)
            if entry is not None:
                answered[entry] = entry.vector.missing_from(seen)
                if answered[entry] == 0 and first_good is None:
                    first_good = time.monotonic()
        if not answered:
            return None
        return min(answered, key=lambda e: (answered[e], e.rank))

    def _probe_one(self, entry, results):
        try:
            answered = self._ping_entry(entry)
        except Exception:
            log.exception("probing %s failed", entry.label())
            answered = None
        results.put((entry, answered))

    def _ping_entry(self, entry):
        """Ping one replica (in a probe thread); the entry on success, None on failure."""
        try:
            with self._pool.borrow(entry.uri, self.timeout) as proxy:
                info = proxy.ping()
        except Exception as exc:
            if is_network_failure(exc) or isinstance(exc, (ContactsError, PyroError)):
                self.directory.failed(entry, exc)
                self._pool.discard(entry.uri)
                return None
            raise
        entry = self.directory.answered(entry, info)
        if self._waived:
            self._writes_back(entry)
        return entry

    def _refresh_from_name_server(self):
        host, port = self.name_server
        self._ns_checked = time.monotonic()
        try:
            with name_server_proxy(host, port, timeout=min(self.timeout, 2.0)) as ns:
                found = list_replicas(ns)
        except Exception as exc:
            if not (is_network_failure(exc) or isinstance(exc, PyroError)):
                raise
            if self.name_server_error is None:
                log.info("name server %s:%s unreachable (%s); using the replicas already known",
                         host, port, exc)
            self.name_server_error = f"name server {host}:{port} unreachable ({_describe(exc, 2.0)})"
            return False
        self.name_server_error = None
        for replica_id, uri in found.items():
            self.directory.learn(replica_id, uri, "name server")
        return True

    def _use(self, entry):
        """Make ``entry`` the replica in use; returns the event to emit (outside any lock)."""
        with self._lock:
            self._current = entry
            previous = self._last_used
            if previous is entry:
                return None
            self._last_used = entry
        log.info("using %s at %s", entry.label(), entry.uri)
        return {"type": "replica", "replica_id": entry.replica_id, "uri": entry.uri,
                "previous": previous.replica_id if previous is not None else None}

    def _drop_current(self, entry):
        with self._lock:
            if self._current is entry:
                self._current = None

    def _emit(self, event):
        if event is None:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("contacts client listener %r failed", listener)

    def _unavailable_message(self, problems):
        known = self.directory.entries()
        if not known:
            where = self.name_server_error or (
                f"the name server at {self.name_server[0]}:{self.name_server[1]} lists no replica"
                if self.name_server else "no replica URI was given")
            return f"no replica is known: {where}"
        details = "; ".join(problems) or "every known replica failed recently"
        if self.name_server_error:
            details += f"; {self.name_server_error}"
        return f"no replica can serve ({len(known)} known): {details}"

    # -- the background watcher ---------------------------------------------------------------
    def _start_watcher(self):
        if self._watcher is not None:
            return
        with self._lock:
            if self._watcher is not None:
                return
            self._watcher = threading.Thread(target=self._watch, name="contacts-client-watch", daemon=True)
        self._watcher.start()

    def _watch(self):
        """Probe avoided replicas, go back to the preferred one once it is back, keep learning
        peers and name-server entries. Runs only while the client is in use (daemon thread)."""
        last_current_ping = time.monotonic()
        while not self._closing.wait(self.probe_interval):
            try:
                last_current_ping = self._watch_once(last_current_ping)
            except Exception:
                log.exception("contacts client watcher failed; going on")

    def _watch_once(self, last_current_ping):
        now = time.monotonic()
        with self._lock:
            current = self._current
        preferred = self.directory.most_preferred()
        degraded = (current is None or current is not preferred
                    or any(e.avoided for e in self.directory.entries()))
        if self.name_server and now - (self._ns_checked or 0) > (
                NS_REFRESH_DEGRADED if degraded else NS_REFRESH_HEALTHY):
            self._refresh_from_name_server()
        if current is not None and (degraded or now - last_current_ping > CURRENT_PING_INTERVAL):
            self._ping_entry(current)       # learns the peers it knows, and their new addresses
            last_current_ping = now
        for entry in self.directory.due_for_probe():
            if self._closing.is_set():
                break
            self._ping_entry(entry)
        with self._lock:
            current = self._current
            seen = self._barrier()
        if current is None:
            return last_current_ping
        better = [e for e in self.directory.usable() if e.rank < current.rank]
        for entry in better:
            entry = self._ping_entry(entry)
            if entry is not None and entry.vector.covers(seen):
                with self._failover_lock:
                    # a call may have failed on it, or moved elsewhere, since the ping answered
                    with self._lock:
                        unchanged = self._current is current
                    event = self._use(entry) if unchanged and not entry.avoided else None
                self._emit(event)
                break
        return last_current_ping


class _NotAsked(UnavailableError):
    """A replica refused without being asked: it is known to lack this client's writes."""


def _describe(exc, timeout):
    text = str(exc) or type(exc).__name__
    if type(exc).__name__ == "TimeoutError":
        return f"no answer within {timeout:g} s (frozen or overloaded?)"
    return text
