"""ContactBook: the remote object every replica serves over Pyro5.

Thin on purpose: it validates input (contacts.model), hands writes to the store
(contacts.replica.store, durable before this returns) and tells the replicator
(contacts.replication) so peers get them.  One instance per replica, called from
many Pyro5 worker threads at once; the store does the locking.
"""
import base64
import contextlib
import logging
import os
import re
import time

from Pyro5.api import behavior, expose

from .. import __version__
from ..security import tls
from ..errors import (ContactNotFound, ContactsError, NotReplicaError, StaleWriteError, UnavailableError,
                      ValidationError, WrongTypeError)
from ..fields import check_region
from ..merge import PURGED, contact_stamp, fields_of, is_complete, is_purged, is_visible, prepare_changes, to_contact
from ..model import check_contact_id, check_unicode, fold, new_contact_id, normalize_changes, normalize_new_contact
from ..protocol import (DEFAULT_PAGE, ID_PREFIX_LIMIT, MAX_ANSWER, MAX_BATCH, MAX_ID_PREFIX, MAX_ID_PREFIX_LIMIT,
                        MAX_KEY_NAME, MAX_PAGE, MAX_SQL_INT, READ_AFTER_TIMEOUT, SERVED_SERIALIZERS,
                        check_request_id)
from .store import PAGE_BYTES, SCHEMA_VERSION
from ..name_order import DEFAULT_ORDER, ORDERS
from ..versions import VersionVector

log = logging.getLogger(__name__)

_HEX_PREFIX = re.compile(f"[0-9a-f]{{1,{MAX_ID_PREFIX}}}")

def _same(stored, fields):
    """Does a stored contact already hold ``fields`` (a retried add)?"""
    for field, value in fields.items():
        if field == "photo" and isinstance(value, dict) and "data" in value:
            value = {k: v for k, v in value.items() if k != "data"}
        if stored.get(field) != value:
            return False
    return True


def _refusal(exc):
    """How add_contacts reports one refused contact (the others go on)."""
    return {"error": type(exc).__name__, "field": getattr(exc, "field", None), "message": str(exc)}


#: contacts empty_trash purges under one hold of the write lock (one commit)
TRASH_BATCH = 500

PAGE_HINT = f"page through it with offset= and limit= (at most {MAX_ANSWER:,})"


def _answer(rows, limit, what, hint=PAGE_HINT):
    """``rows`` (read with ``_fetch_limit(limit)``), refused when more than one answer carries."""
    if limit < 0 and len(rows) > MAX_ANSWER:
        raise ValidationError("limit", f"{what} more than {MAX_ANSWER:,} contacts, more than one answer "
                                       f"carries: {hint}")
    return rows


def _fetch_limit(limit):
    """How many rows to read for ``limit`` (-1: no limit): one past MAX_ANSWER tells "too many"."""
    return MAX_ANSWER + 1 if limit < 0 else limit


def _page_size(limit, maximum):
    """A replica-method page size: ``None`` is DEFAULT_PAGE, 0 is 1, else 1..``maximum``."""
    limit = _check_limit(limit, maximum=maximum)
    return DEFAULT_PAGE if limit < 0 else max(limit, 1)


def _check_limit(limit, field="limit", maximum=None):
    if limit is None:
        return -1
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise WrongTypeError(field, f"must be an integer or None, not {type(limit).__name__}")
    # SQLite integers are 64-bit: a larger one would escape as a bare OverflowError
    maximum = MAX_SQL_INT if maximum is None else maximum
    if limit < 0 or limit > maximum:
        raise ValidationError(field, f"must be between 0 and {maximum}, got {str(limit)[:40]}")
    return limit


def _check_stamp(if_stamp):
    """``if_stamp`` of a conditional write: None, or a contact's stamp (contacts.merge.contact_stamp)."""
    if if_stamp is None:
        return None
    if not isinstance(if_stamp, str):
        raise WrongTypeError("if_stamp", f"must be a string (a contact's stamp), not {type(if_stamp).__name__}")
    if not if_stamp or len(if_stamp) > 100:
        raise ValidationError("if_stamp", "must be 1-100 characters (a contact's stamp)")
    return check_unicode("if_stamp", if_stamp)


def _check_after_key(after_key):
    """``[name, id]`` of a listed contact (or None) -> the store's (sort_key, id) cursor."""
    if after_key is None:
        return None
    if not isinstance(after_key, (list, tuple)) or len(after_key) != 2:
        raise WrongTypeError("after_key", f"must be [name, id] of the previous page's last contact, "
                                          f"not {type(after_key).__name__}")
    name, contact_id = after_key
    if not isinstance(name, str):
        raise WrongTypeError("after_key", f"name must be a string, not {type(name).__name__}")
    if len(name) > MAX_KEY_NAME:
        raise ValidationError("after_key", f"name is longer than {MAX_KEY_NAME} characters")
    check_unicode("after_key", name)
    check_contact_id(contact_id, "after_key")
    return fold(name), contact_id


def _check_order(order):
    """``order`` of a listing: None (the display name), or one of contacts.name_order.ORDERS."""
    if order is None:
        return DEFAULT_ORDER
    if not isinstance(order, str):
        raise WrongTypeError("order", f"must be a string or None, not {type(order).__name__}")
    if order not in ORDERS:
        raise ValidationError("order", f"must be one of {', '.join(ORDERS)}, got {order[:40]!r}")
    return order


@expose
@behavior(instance_mode="single")
class ContactBook:
    """The replicated contact list as one replica serves it."""

    def __init__(self, store, settings, replicator=None):
        self.store = store
        self.settings = settings
        self.replicator = replicator
        self.uri = None
        self.started = time.time()
        #: with TLS on, replica-only methods answer only callers holding a replica certificate
        self.require_replica_certificate = False

    @property
    def replica_id(self):
        return self.store.replica_id

    # -- client methods ----------------------------------------------------------
    def _region(self, region):
        """The region phones typed without +country are read in: the call's, else the setting's."""
        return check_region(region) or self.settings.default_region or None

    def add_contact(self, contact, request_id=None, region=None):
        """Store a new contact; returns it with its id.  Supplying ``id`` (or
        ``request_id``) makes a retried add return the first result instead of adding twice.
        ``region`` (an ISO code, e.g. "BR") reads phones typed without +country there."""
        contact_id, fields = normalize_new_contact(contact, self._region(region))
        with self._write_once(request_id) as (request_id, done):
            if done:
                return done
            stored, written = self._add(contact_id, fields, request_id)
        return stored if written is None else self._acknowledge(*written)

    def add_contacts(self, contacts, region=None):
        """Add many contacts in one call and one commit (an import); at most 1000.

        Returns one result per contact, in order: the stored contact as ``add_contact``
        returns it, or ``{"error": class name, "field": ..., "message": ...}`` for one that
        was refused (the others are added all the same).  Contacts that carry their ``id``
        make a retried batch safe: one already stored as sent comes back without ``write``."""
        if not isinstance(contacts, (list, tuple)):
            raise WrongTypeError("contacts", f"must be a list, not {type(contacts).__name__}")
        if len(contacts) > MAX_BATCH:
            raise ValidationError("contacts", f"batch of {len(contacts)} exceeds {MAX_BATCH}")
        results, valid = [None] * len(contacts), []
        region = self._region(region)
        for index, contact in enumerate(contacts):
            try:
                valid.append((index, *normalize_new_contact(contact, region)))
            except ContactsError as exc:
                results[index] = _refusal(exc)
        self._wait_ready()
        written = []
        with self.store.write_lock:  # one group: committed (one fsync) when the section ends
            for index, contact_id, fields in valid:
                try:
                    results[index], write = self._add(contact_id, fields)
                except ValidationError as exc:  # its id is taken
                    results[index], write = _refusal(exc), None
                if write is not None:
                    written.append((index, *write))
        if written:
            held = self._replicate([update for _, update, _ in written])
            for index, update, state in written:
                results[index] = self._result(update["contact_id"], state, self._receipt(update, held))
        return results

    def _add(self, contact_id, fields, request_id=None):
        """Add one validated contact, inside the caller's write section.

        Returns (the contact as it already is, None) when it was already there exactly so
        (a retried add), else (None, (update, state)) to acknowledge; ValidationError when
        its id is used by another contact or a deleted one."""
        contact_id = contact_id or new_contact_id()
        state = self.store.state(contact_id)
        if state is not None and is_complete(state):
            if is_visible(state) and _same(fields_of(state), fields):
                return self._result(contact_id, state, None), None
            why = "a deleted contact (restore it instead)" if not is_visible(state) else "another contact"
            raise ValidationError("id", f"{contact_id!r} is already used by {why}")
        changes = prepare_changes(state, fields)
        return None, self.store.write_local(contact_id, {**changes, "deleted": False}, request_id)

    def update_contact(self, contact_id, changes, request_id=None, region=None, if_stamp=None):
        """Change some fields of a contact; fields not named in ``changes`` are kept.
        ``groups`` is the whole list wanted, or {"add": [...], "remove": [...]}.
        ``if_stamp`` (the contact's stamp as the caller read it, contacts.merge.contact_stamp)
        makes the write conditional: StaleWriteError, and nothing written, if the contact
        is no longer in that state (checked under the write lock)."""
        check_contact_id(contact_id, "contact_id")
        fields = normalize_changes(changes, self._region(region))
        if_stamp = _check_stamp(if_stamp)
        with self._write_once(request_id) as (request_id, done):
            if done:
                return done
            current = self._live_state(contact_id)
            self._check_unchanged(contact_id, current, if_stamp)
            update, state = self.store.write_local(
                contact_id, {**prepare_changes(current, fields), "deleted": False}, request_id)
        return self._acknowledge(update, state)

    def delete_contact(self, contact_id, request_id=None, if_stamp=None):
        """Delete a contact (a stamped tombstone: it can be restored).  Deleting an
        already deleted contact does nothing; an unknown id raises LookupError.
        ``if_stamp`` as in update_contact (a contact deleted meanwhile is stale too)."""
        check_contact_id(contact_id, "contact_id")
        if_stamp = _check_stamp(if_stamp)
        with self._write_once(request_id) as (request_id, done):
            if done:
                return None
            state = self.store.state(contact_id)
            if state is None or not is_complete(state):
                raise ContactNotFound(contact_id)
            self._check_unchanged(contact_id, state, if_stamp)
            if not is_visible(state):
                return None
            update, state = self.store.write_local(contact_id, {"deleted": True}, request_id)
        self._acknowledge(update, state)
        return None

    def restore_contact(self, contact_id, request_id=None):
        """Bring a deleted contact back (from the trash); returns it."""
        check_contact_id(contact_id, "contact_id")
        with self._write_once(request_id) as (request_id, done):
            if done:
                return done
            state = self.store.state(contact_id)
            if state is None or not is_complete(state):
                raise ContactNotFound(contact_id)
            if is_visible(state):
                return self._result(contact_id, state, None)
            update, state = self.store.write_local(contact_id, {"deleted": False}, request_id)
        return self._acknowledge(update, state)

    def purge_contact(self, contact_id, request_id=None):
        """Delete a contact from the trash forever: every field is dropped on every replica,
        and no update, however late or new, brings it back (contacts.merge, the purge rule).
        Only a deleted contact can be purged (delete it first: that one can be undone);
        purging one already purged does nothing; an unknown id raises LookupError."""
        check_contact_id(contact_id, "contact_id")
        with self._write_once(request_id) as (request_id, done):
            if done:
                return None
            state = self.store.state(contact_id)
            if state is not None and is_purged(state):
                return None
            if state is None or not is_complete(state):
                raise ContactNotFound(contact_id)
            if is_visible(state):
                raise ValidationError("contact_id", f"{contact_id} is not in the trash: delete it first")
            update, state = self.store.write_local(contact_id, {PURGED: True}, request_id)
        self._acknowledge(update, state)
        return None

    def empty_trash(self, request_id=None):
        """Purge every contact in the trash as it is when the call starts; returns how many.

        Restores may run meanwhile: each contact is purged under the write lock only if it is
        still in the trash then, so it is either purged before its restore (which then finds
        it gone) or restored first and left alone, never an error for the whole call.  A
        contact deleted after the call started stays in the trash."""
        if request_id is not None:
            check_request_id(request_id)
        self._wait_ready()
        in_trash = self._trash_ids()
        purged = 0
        for start in range(0, len(in_trash), TRASH_BATCH):
            written = []
            with self.store.write_lock:  # one batch, one commit; restores run between batches
                for contact_id in in_trash[start:start + TRASH_BATCH]:
                    state = self.store.state(contact_id)
                    if state is None or is_purged(state) or not is_complete(state) or is_visible(state):
                        continue  # restored (or purged) since the trash was read: leave it as it is
                    written.append(self.store.write_local(contact_id, {PURGED: True})[0])
            if written:
                self._replicate(written)
            purged += len(written)
        return purged

    def _trash_ids(self):
        """The ids in the trash now, read page by page (keyset, in name order)."""
        ids, cursor = [], None
        while True:
            page = self.store.list_states(visible=False, limit=TRASH_BATCH, after_key=cursor)
            if not page:
                return ids
            ids += [contact_id for contact_id, _ in page]
            cursor = self.store.order_cursor(DEFAULT_ORDER, ids[-1])

    def changes_since(self, vector, limit=None, after=None):
        """What changed past ``vector`` (a version vector, e.g. a CardDAV sync token), read
        from the update record: ``{"contacts": [...], "vector": {...}, "more": bool}``.

        ``contacts``: every contact an update past ``vector`` touched, as it is now, deleted
        ones too (``"deleted": True``), at most ``limit`` (1..1000, None: 500); ``vector``:
        what the answer covers, to pass back for the next page (``more``) or the next sync.
        The replica first waits (bounded, as ``after`` does) until it holds ``vector`` and
        ``after``, else UnavailableError: it never answers "nothing changed" while missing
        changes.  HistoryTruncated (a LookupError) when its record no longer reaches back
        to ``vector``: list every contact instead."""
        wanted = VersionVector.from_wire(vector)
        limit = _page_size(limit, MAX_BATCH)
        barrier = wanted.merged(VersionVector.from_wire(after))
        self._read_after(barrier.to_wire() if barrier else None)
        states, covered, more = self.store.changes_since(wanted, limit)
        return {"contacts": [to_contact(cid, state) for cid, state in states], "vector": covered.to_wire(),
                "more": more}

    def get_contact(self, contact_id, after=None):
        """The contact with this id; LookupError if there is none (or it was deleted).
        ``after`` (a version vector) makes the replica first catch up to it."""
        check_contact_id(contact_id, "contact_id")
        self._read_after(after)
        return to_contact(contact_id, self._live_state(contact_id))

    def list_contacts(self, offset=0, limit=None, after=None, after_key=None, order=None, starred=False,
                      group=None):
        """Live contacts sorted by name; ``offset``/``limit`` page through them.

        ``after_key`` = ``[name, id]`` of the last contact of the previous page: only the
        contacts after it in that order (keyset paging: a contact added or deleted before
        the page boundary meanwhile shifts nothing); ``offset`` then counts from there.
        ``order``: None or "name" (the display name), "first" or "last" (starred contacts
        first, then by first or last name: contacts.name_order). ``starred=True``: only the
        starred contacts; ``group``: only the members of that group (its exact name)."""
        offset = max(_check_limit(offset, "offset"), 0)
        limit = _check_limit(limit, maximum=MAX_ANSWER)
        order = _check_order(order)
        key = self._cursor(after_key, order)
        if not isinstance(starred, bool):
            raise WrongTypeError("starred", f"must be True or False, not {type(starred).__name__}")
        if group is not None:
            if not isinstance(group, str):
                raise WrongTypeError("group", f"must be a string or None, not {type(group).__name__}")
            if len(group) > MAX_KEY_NAME:
                raise ValidationError("group", f"is longer than {MAX_KEY_NAME} characters")
            check_unicode("group", group)
        self._read_after(after)
        rows = _answer(self.store.list_states(True, offset, _fetch_limit(limit), key, order, starred, group),
                       limit, "the list holds")
        return [to_contact(cid, state) for cid, state in rows]

    def list_deleted(self, offset=0, limit=None, after_key=None, order=None):
        """Deleted contacts (the trash), sorted by name; ``after_key`` and ``order`` as in list_contacts."""
        offset = max(_check_limit(offset, "offset"), 0)
        limit = _check_limit(limit, maximum=MAX_ANSWER)
        order = _check_order(order)
        key = self._cursor(after_key, order)
        rows = _answer(self.store.list_states(False, offset, _fetch_limit(limit), key, order), limit,
                       "the trash holds")
        return [to_contact(cid, state) for cid, state in rows]

    def _cursor(self, after_key, order):
        """The store's keyset cursor for ``after_key``: by its name in name order; in a first/last
        order by the keys this replica holds for its id (a name alone does not give them)."""
        key = _check_after_key(after_key)
        if key is None or order == DEFAULT_ORDER:
            return key
        cursor = self.store.order_cursor(order, key[1])
        if cursor is None:
            raise ValidationError("after_key", f"replica {self.replica_id} holds no contact {key[1]} to page on from")
        return cursor

    def count_contacts(self, breakdown=False):
        """How many live contacts; ``breakdown=True``: ``{"all": n, "starred": n, "deleted": n,
        "groups": {name: n}}`` (what the window's sidebar shows), from the store's indexes."""
        if not isinstance(breakdown, bool):
            raise WrongTypeError("breakdown", f"must be True or False, not {type(breakdown).__name__}")
        return self.store.scope_counts() if breakdown else self.store.count()

    def search(self, text, limit=None, after=None):
        """Live contacts whose searched text (name, nicknames, addresses, organization, units, title,
        role, groups, emails, notes: contacts.fields.SEARCHED) or phone digits contain ``text``
        (case and accents ignored; '98765 4321' finds '+55 11 98765-4321')."""
        if not isinstance(text, str):
            raise WrongTypeError("text", f"must be a string, not {type(text).__name__}")
        if len(text) > 200:
            raise ValidationError("text", "is longer than 200 characters")
        check_unicode("text", text)
        limit = _check_limit(limit, maximum=MAX_ANSWER)
        self._read_after(after)
        if not text.strip():
            return self.list_contacts(limit=None if limit < 0 else limit)
        rows = _answer(self.store.search_states(text, _fetch_limit(limit)), limit, f"{text.strip()[:40]!r} matches",
                       f"narrow the search, or pass limit= (at most {MAX_ANSWER:,})")
        return [to_contact(cid, state) for cid, state in rows]

    def find_by_id_prefix(self, prefix, limit=ID_PREFIX_LIMIT, after=None):
        """Live contacts whose id starts with ``prefix`` (lowercase hex, 1-64 characters), in
        id order, at most ``limit`` (1-100, default 10): how a client finds the contact a
        short id ("3a05") names without listing the book."""
        if not isinstance(prefix, str):
            raise WrongTypeError("prefix", f"must be a string, not {type(prefix).__name__}")
        if not _HEX_PREFIX.fullmatch(prefix):
            raise ValidationError("prefix", f"must be 1-{MAX_ID_PREFIX} lowercase hex digits, got {prefix[:80]!r}")
        if limit is None:   # like every other limit: None is the default, never "all"
            limit = ID_PREFIX_LIMIT
        limit = _check_limit(limit, maximum=MAX_ID_PREFIX_LIMIT)
        if limit < 1:
            raise ValidationError("limit", f"must be between 1 and {MAX_ID_PREFIX_LIMIT}, got {limit}")
        self._read_after(after)
        return [to_contact(cid, state) for cid, state in self.store.states_by_id_prefix(prefix, limit)]

    def get_photo(self, photo_hash):
        """The bytes (base64 str) of the photo a contact's ``photo`` register names by hash."""
        if not isinstance(photo_hash, str):
            raise WrongTypeError("photo_hash", f"must be a string, not {type(photo_hash).__name__}")
        if not re.fullmatch(r"[0-9a-f]{64}", photo_hash):
            raise ValidationError("photo_hash", f"must be a sha256 in lowercase hex, got {photo_hash[:80]!r}")
        photo = self.store.photo(photo_hash)
        if photo is None:
            raise ValidationError("photo_hash", f"no photo {photo_hash} on replica {self.replica_id}")
        return base64.b64encode(photo[1]).decode("ascii")

    def ping(self, sender=None):
        """Who this replica is and how far it is: replica id, Lamport clock, version vector, peers."""
        if sender is not None:
            self._require_replica("ping(sender=...)", sender)
            if self.replicator is not None:
                self.replicator.hear_from(sender)
        info = {"replica_id": self.replica_id, "uri": self.uri, "clock": self.store.committed_clock,
                "vector": self.store.vector.to_wire(), "contacts": self.store.count(),
                "ack_mode": self.settings.ack_mode, "version": __version__,
                "schema": SCHEMA_VERSION, "serializers": list(SERVED_SERIALIZERS),
                "unindexed": self.store.unindexed(),
                "uptime": round(time.time() - self.started, 3), "pid": os.getpid()}
        info["peers"] = self.replicator.known_peers(alive_only=True) if self.replicator else {}
        return info

    def cluster_status(self):
        """Every replica this one knows, itself first: id, uri, alive, last_seen, behind."""
        me = {"replica_id": self.replica_id, "uri": self.uri, "alive": True, "self": True,
              "last_seen": time.time(), "behind": 0, "clock": self.store.committed_clock}
        return [me] + (self.replicator.peer_status() if self.replicator else [])

    # -- replica methods ---------------------------------------------------------
    def apply_update(self, update):
        """Apply one update from a peer (idempotent), as a batch of one: returns
        ``{"applied": 1 if it was new else 0, "vector": this replica's version vector}``."""
        return self.apply_updates([update])

    def apply_updates(self, updates):
        """Apply a batch of updates from a peer (idempotent, any order); returns
        ``{"applied": new updates, "vector": this replica's version vector}``."""
        self._require_replica("apply_updates")
        if not isinstance(updates, (list, tuple)):
            raise WrongTypeError("updates", f"must be a list, not {type(updates).__name__}")
        if len(updates) > MAX_BATCH:
            raise ValidationError("updates", f"batch of {len(updates)} exceeds {MAX_BATCH}")
        applied = self.store.apply_remote(updates)
        return {"applied": applied, "vector": self.store.vector.to_wire()}

    def fetch_updates(self, vector, limit=500):
        """Updates this replica holds past ``vector`` (the asker's version vector): at most
        ``limit`` (1..MAX_BATCH; 0 counts as 1, None as DEFAULT_PAGE)."""
        self._require_replica("fetch_updates")
        vector = VersionVector.from_wire(vector)
        limit = _page_size(limit, MAX_BATCH)
        mine = self.store.vector.to_wire()
        updates, complete, cut = self.store.updates_since(vector, limit, PAGE_BYTES)
        return {"updates": updates, "complete": complete, "more": cut or len(updates) >= limit,
                "vector": mine}

    def fetch_snapshot(self, after_id="", limit=500):
        """A page of full contact states (tombstones included), for a peer whose gap
        is no longer in this replica's update record: at most ``limit`` (1..MAX_PAGE; 0
        counts as 1, None as DEFAULT_PAGE)."""
        self._require_replica("fetch_snapshot")
        if not isinstance(after_id, str):
            raise WrongTypeError("after_id", "must be a string")
        check_unicode("after_id", after_id)
        limit = _page_size(limit, MAX_PAGE)
        vector = self.store.vector.to_wire()
        states = self.store.snapshot_page(after_id, limit)
        return {"states": states, "more": len(states) >= limit, "vector": vector}

    def version_vector(self):
        return self.store.vector.to_wire()

    # -- internals ---------------------------------------------------------------
    def _require_replica(self, method, sender=None):
        """Refuse a replica-only call from a caller without a replica certificate (TLS on).

        A ping that names its sender must come from that very replica's certificate:
        otherwise any replica could redirect the cluster's links to another one."""
        if not self.require_replica_certificate:
            return
        claimed = sender.get("replica_id") if isinstance(sender, dict) else None
        if tls.caller_is_replica(claimed if isinstance(claimed, int) else None):
            return
        role, name = tls.caller_identity()
        raise NotReplicaError(f"{method} is for replicas only; this connection's certificate is "
                              f"{name or 'missing'} (role {role or 'none'})")

    @contextlib.contextmanager
    def _write_once(self, request_id):
        """The preamble of a single write: ``with self._write_once(request_id) as (request_id, done):``.

        Checks the request id, waits until this replica takes writes, then holds the
        store's write lock for the body (check, then write, atomically; durable when it
        ends) and gives the checked request id and, for a retried request, the answer it
        already got (else None): the body returns that instead of writing again."""
        request_id = check_request_id(request_id)
        self._wait_ready()
        with self.store.write_lock:
            yield request_id, self._already_done(request_id)

    def _wait_ready(self):
        if self.replicator is not None and not self.replicator.ready.wait(self.settings.startup_sync_timeout):
            if self.replicator.must_learn:
                raise UnavailableError(
                    f"replica {self.replica_id} lost its data and takes no writes until a peer has given "
                    f"back its earlier updates (no peer reachable yet); write to another replica")
            raise UnavailableError(f"replica {self.replica_id} is still starting; try again")

    def _live_state(self, contact_id):
        state = self.store.state(contact_id)
        if state is None or not is_visible(state):
            raise ContactNotFound(contact_id)
        return state

    @staticmethod
    def _check_unchanged(contact_id, state, if_stamp):
        """A conditional write: refuse it when the contact is not in the state the caller read."""
        if if_stamp is None:
            return
        current = contact_stamp(to_contact(contact_id, state)) if is_visible(state) else None
        if current != if_stamp:
            raise StaleWriteError(contact_id, if_stamp, current)

    def _already_done(self, request_id):
        """The answer to a request this cluster already carried out (a client's retry)."""
        if request_id is None:
            return None
        outcome = self.store.request_outcome(request_id)
        if outcome is None:
            return None
        origin, seq, contact_id = outcome
        state = self.store.state(contact_id)
        return self._result(contact_id, state, {"origin": origin, "seq": seq, "replicas": None,
                                                "duplicate": True})

    def _acknowledge(self, update, state):
        held = self._replicate([update])
        return self._result(update["contact_id"], state, self._receipt(update, held))

    def _replicate(self, updates):
        """Tell peers of these (durable) writes, and in "peer" mode wait (bounded) until one
        of them holds the last; how many replicas are known to hold them."""
        held = 1
        if self.replicator is not None:
            self.replicator.local_write(updates[-1])
            if self.settings.ack_mode == "peer":
                held = self.replicator.wait_held(max(u["seq"] for u in updates), self.settings.ack_timeout)
        return held

    def _receipt(self, update, held):
        return {"origin": update["origin"], "seq": update["seq"], "replicas": held,
                "ack": self.settings.ack_mode}

    def _result(self, contact_id, state, write):
        contact = to_contact(contact_id, state)
        if write is not None:
            contact["write"] = write
        return contact

    def _read_after(self, after):
        """Read-your-writes: wait (bounded) until this replica holds ``after``."""
        if after is None:
            return
        wanted = VersionVector.from_wire(after)
        if self.store.vector.covers(wanted):
            return
        if self.replicator is not None:
            self.replicator.catch_up_now()
        deadline = time.monotonic() + READ_AFTER_TIMEOUT
        with self.store.applied:
            while not self.store.vector.covers(wanted):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise UnavailableError(
                        f"replica {self.replica_id} has not caught up with writes this client "
                        f"already saw ({self.store.vector.missing_from(wanted)} missing); try another replica")
                self.store.applied.wait(left)
