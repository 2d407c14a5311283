"""ContactStore: one replica's durable state in SQLite.

Tables
  contacts  one row per contact ever seen: its replicated state (registers with
            stamps, see contacts.merge) as JSON, plus columns for listing/search.
  updates   the update record: every update by (origin, seq), with its Lamport
            counter; peers catch up from it.
  versions  the version vector: per origin, the highest contiguous seq held.
  meta      this replica's id, Lamport clock and schema version (SCHEMA_VERSION).
  photos    contact photos by sha256: the registers hold {hash, type, size}; the bytes
            travel once, in the update that set the photo (changes["photo"]["data"]).

Every write is committed with ``synchronous=FULL`` in WAL mode (fsynced) before the
caller returns, so an acknowledged write survives SIGKILL and power loss.  Writes are
serialized by one lock; reads use per-thread connections and never wait for writers
(WAL).  Concurrent writes share one commit (contacts/replica/group_commit.py); this
module is the schema, the queries, and what a group holds besides its rows.  The one
exception to the fsync is the search index (contacts.replica.search_index): derived from
the rows, it is committed without one, and a power cut can only leave rows unindexed.
"""
import base64
import fcntl
import json
import logging
import os
import sqlite3
import threading
import weakref
from pathlib import Path

from . import search_index
from .group_commit import GroupCommit
from ..clock import LamportClock
from ..errors import HistoryTruncated, StartupError, StorageError
from ..fields import decode_photo
from ..merge import PURGED, fields_of, is_complete, listing, merge, merge_state, newest_stamp
from ..model import check_contact_id, fold, phone_digits, query_digits, search_text
from ..name_order import name_keys
from ..replication.checks import check_state, check_update
from ..versions import VersionVector

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    visible INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    phone_digits TEXT NOT NULL,
    indexed_text TEXT,
    first_key TEXT NOT NULL DEFAULT '',
    last_key TEXT NOT NULL DEFAULT '',
    unstarred INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS contacts_by_name ON contacts (visible, sort_key, id);
CREATE TABLE IF NOT EXISTS updates (
    origin INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    counter INTEGER NOT NULL,
    contact_id TEXT NOT NULL,
    changes TEXT NOT NULL,
    request_id TEXT,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS updates_by_request ON updates (request_id) WHERE request_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS versions (origin INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS log_floor (origin INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS photos (hash TEXT PRIMARY KEY, type TEXT NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contact_groups (contact_id TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (contact_id, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS contact_groups_by_name ON contact_groups (name);
"""
#: schema 3's indexes on the columns it adds (created once an older table has them)
ORDER_INDEXES = """
CREATE INDEX IF NOT EXISTS contacts_by_first ON contacts (visible, unstarred, first_key, id);
CREATE INDEX IF NOT EXISTS contacts_by_last ON contacts (visible, unstarred, last_key, id);
"""
#: the key column of each order of contacts.name_order (list_states' ``order``)
ORDER_COLUMNS = {"name": ("sort_key",), "first": ("unstarred", "first_key"), "last": ("unstarred", "last_key")}
#: the data dir's layout version, in meta "schema" and in ping(): 1 the five-field contact
#: (no "schema" row), 2 the rich contact (issue 14: the photos table, the fields of
#: contacts.fields), 3 the first/last-name order keys and the group counts (issue 16: columns
#: first_key, last_key, unstarred, table contact_groups).  Opening an older data dir upgrades
#: it in place, losing nothing (schema 3 fills the new columns from the stored states).
SCHEMA_VERSION = 3

log = logging.getLogger(__name__)

DB_NAME = "contacts.sqlite3"
#: most bytes of changes in one page of updates (a push, a fetch_updates answer): far below
#: PYRO_MAX_MESSAGE_SIZE (96 MiB) however many photos the updates carry
PAGE_BYTES = 16 * 1024 * 1024
#: most update-record rows one changes_since answer reads (a contact edited many times
#: takes one place in the answer, but each of its updates is a row to read)
CHANGES_SCAN = 20_000
#: rows a search with a small limit first looks at in name order before using the index
SCAN_WINDOW = 2000


def _photo_hash(state):
    """The sha256 of the photo a contact's state shows, or None."""
    entry = state.get("photo") if PURGED not in state else None   # a register: [value, counter, origin]
    photo = entry[0] if entry else None
    return photo.get("hash") if isinstance(photo, dict) else None


def _dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class ContactStore:
    """Durable replicated state of one replica (thread-safe)."""

    def __init__(self, data_dir, replica_id, max_clock_lead=1_000_000_000, index_delay=search_index.DELAY):
        self.replica_id = replica_id
        self.data_dir = Path(data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._lock_file = self._lock_data_dir()
            self.path = self.data_dir / DB_NAME
            self._db = self._connect_writer()
            self._db.executescript(SCHEMA)
            search_index.create(self._db)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise StartupError(f"data dir {str(data_dir)!r} is unusable: {exc}") from exc
        if not os.access(self.data_dir, os.W_OK):
            raise StartupError(f"data dir {str(data_dir)!r} is not writable")
        self._local = threading.local()     # per thread: its reader connection
        self._readers = weakref.WeakSet()   # every thread's _ReaderConnection
        self.group_commit = GroupCommit(lambda: self._db, begin=self._begin, checkpoint=self._checkpoint,
                                        prepare_commit=self._prepare_commit, rolled_back=self._rolled_back)
        self._upgrade(data_dir)
        stored_id = self._meta("replica_id")
        if stored_id is None:
            self._set_meta("replica_id", replica_id)
            self._db.commit()
        elif int(stored_id) != replica_id:
            self._db.close()
            self._lock_file.close()
            raise StartupError(f"data dir {str(data_dir)!r} belongs to replica {stored_id}, "
                               f"not {replica_id}; give each replica its own --data-dir")
        self.vector = VersionVector(self._db.execute("SELECT origin, seq FROM versions").fetchall())
        self.floor = dict(self._db.execute("SELECT origin, seq FROM log_floor").fetchall())
        # per origin, at least the highest seq in the record: while an in-order stream
        # stays above it, applying an update needs no look-up of what is already held
        self._top = dict(self._db.execute("SELECT origin, MAX(seq) FROM updates GROUP BY origin").fetchall())
        self._committed_top = dict(self._top)
        # live contacts, kept at each write: COUNT(*) walks an index, its cost growing with
        # the book, and every ping and every window's poll asks for it (docs/benchmarks.md)
        self.live = self._db.execute("SELECT COUNT(*) FROM contacts WHERE visible=1").fetchone()[0]
        self._begin()
        top = self._db.execute("SELECT MAX(counter) FROM updates").fetchone()[0] or 0
        self.clock = LamportClock(max(int(self._meta("clock") or 0), top), max_clock_lead)
        # the clock is stored only when it moved past every counter in the update record (which
        # start-up reads back): a snapshot's stamps, or compaction dropping the newest counters
        self._clock_unrecorded = False
        #: the clock as of the last commit: what pings report, so that nobody is told a value a
        #: SIGKILL then takes back (a tick of a write in the open group is not durable yet)
        self.committed_clock = self.clock.value
        self.is_new = not self.vector and self.count() == 0
        self.applied = threading.Condition(self.group_commit.lock)
        # search indexing happens after the ack (contacts.replica.search_index); None: only when asked
        self.indexer = None
        if index_delay is not None:
            self.indexer = search_index.SearchIndexer(self, index_delay)
            self.indexer.start()
            self.indexer.due.set()  # rows a crash left unindexed

    @property
    def write_lock(self):
        """Hold it to make check-then-write sequences atomic: ``with store.write_lock: ...``.

        Inside it, reads on this thread see the writes not yet committed (the open group),
        and leaving it waits until they are durable: whatever this thread wrote or read
        inside is committed before the caller can answer anyone."""
        return self.group_commit.section()

    @property
    def commits(self):
        """Transactions committed (fsyncs) since the store opened, for benchmarks."""
        return self.group_commit.commits

    # -- connections -------------------------------------------------------------
    def _connect(self):
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA busy_timeout=10000")
        db.isolation_level = "DEFERRED"
        return db

    def _connect_writer(self):
        db = self._connect()
        db.isolation_level = None  # transactions and savepoints are explicit (group commit)
        return db

    def _reader(self):
        if self.group_commit.in_section():
            return self._db  # inside a write section: see the open group's writes
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._local.reader = _ReaderConnection(self._connect())
            self._readers.add(reader)
        return reader.db

    def _lock_data_dir(self):
        """Hold an exclusive lock on the data dir for this store's lifetime.

        Two processes on one data dir (the same replica started twice) would both claim
        its identity and reuse its sequence numbers and stamps.  The kernel drops the
        lock when the process dies, even by SIGKILL, so a restart is never refused.
        """
        lock_file = open(self.data_dir / "lock", "a+")
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock_file.seek(0)
            holder = lock_file.read().strip() or "another process"
            lock_file.close()
            raise StartupError(f"data dir {str(self.data_dir)!r} is in use by {holder}; "
                               f"is this replica already running?") from None
        lock_file.truncate(0)
        lock_file.write(f"pid {os.getpid()}\n")
        lock_file.flush()
        return lock_file

    def close(self):
        if self.indexer is not None:
            self.indexer.stop()
        with self.group_commit.lock:
            self.group_commit.commit_open()  # writers may be waiting for the open group
            for reader in list(self._readers):
                reader.close()
            self._db.close()
            self._lock_file.close()

    def _upgrade(self, data_dir):
        """Bring an older data dir to SCHEMA_VERSION (the tables are created above); refuse a newer one."""
        stored = int(self._meta("schema") or 1)
        if stored > SCHEMA_VERSION:
            self._db.close()
            self._lock_file.close()
            raise StartupError(f"data dir {str(data_dir)!r} has schema {stored}, written by a newer version "
                               f"of this program (this one knows schema {SCHEMA_VERSION}); upgrade it")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(contacts)")}
        if "first_key" not in columns:
            self._add_order_columns(data_dir, stored)
        self._db.executescript(ORDER_INDEXES)
        if stored < SCHEMA_VERSION:
            if stored < 2 and self._meta("replica_id") is not None:
                log.info("data dir %s: schema %d -> %d (the rich contact; nothing rewritten)",
                         data_dir, stored, SCHEMA_VERSION)
            self._set_meta("schema", SCHEMA_VERSION)
            self._db.commit()

    def _add_order_columns(self, data_dir, stored):
        """Schema 3 on an older contacts table: add the order columns and fill them, and the
        group memberships, from every stored state (one transaction: all or nothing)."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("ALTER TABLE contacts ADD COLUMN first_key TEXT NOT NULL DEFAULT ''")
            db.execute("ALTER TABLE contacts ADD COLUMN last_key TEXT NOT NULL DEFAULT ''")
            db.execute("ALTER TABLE contacts ADD COLUMN unstarred INTEGER NOT NULL DEFAULT 1")
            rows = 0
            for contact_id, state, visible in db.execute("SELECT id, state, visible FROM contacts").fetchall():
                fields = fields_of(json.loads(state))
                first, last = name_keys(fields)
                db.execute("UPDATE contacts SET first_key=?, last_key=?, unstarred=? WHERE id=?",
                           (first, last, 0 if fields.get("starred") else 1, contact_id))
                self._save_groups(contact_id, fields, visible == 1, False)   # the table is new: no rows yet
                rows += 1
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        log.info("data dir %s: schema %d -> %d (name order keys of %d contacts)", data_dir, stored,
                 SCHEMA_VERSION, rows)

    def _meta(self, key):
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key, value):
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, str(value)))

    # -- reads -------------------------------------------------------------------
    def state(self, contact_id, db=None):
        row = (db or self._reader()).execute(
            "SELECT state FROM contacts WHERE id=?", (contact_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def count(self, visible=True):
        if visible:  # kept up to date by every write (committed, or this thread's open group)
            return self._live if self.group_commit.in_section() else self.live
        return self._reader().execute("SELECT COUNT(*) FROM contacts WHERE visible=0").fetchone()[0]

    def list_states(self, visible=True, offset=0, limit=-1, after_key=None, order="name", starred=False,
                    group=None):
        """Contacts in ``order`` (contacts.name_order: "name" by sort_key, "first"/"last" starred
        first, then by first_key/last_key; ties by id); ``after_key`` = the order's key values
        and the id (order_cursor): only those after it (keyset paging, a range of the order's
        index, not a scan). ``starred``: only starred ones; ``group``: only that group's."""
        key = ", ".join(ORDER_COLUMNS[order] + ("id",))
        where, args = ["visible=?"], [int(visible)]
        if after_key is not None:
            where.append(f"({key}) > ({', '.join('?' * len(after_key))})")
            args += after_key
        if starred:
            where.append("unstarred=0")
        if group is not None:
            where.append("id IN (SELECT contact_id FROM contact_groups WHERE name=?)")
            args.append(group)
        rows = self._reader().execute(
            f"SELECT id, state FROM contacts WHERE {' AND '.join(where)} ORDER BY {key} LIMIT ? OFFSET ?",
            (*args, limit, offset))
        return [(cid, json.loads(state)) for cid, state in rows]

    def order_cursor(self, order, contact_id):
        """The keyset cursor after ``contact_id`` in a first/last-name order: its stored key
        values and its id (a contact's row stays, as a tombstone, once it was ever seen), or
        None for an id this replica never saw."""
        columns = ORDER_COLUMNS[order]
        row = self._reader().execute(f"SELECT {', '.join(columns)} FROM contacts WHERE id=?",
                                     (contact_id,)).fetchone()
        return None if row is None else (*row, contact_id)

    def scope_counts(self):
        """{"all", "starred", "deleted": n, "groups": {name: n}} of the live contacts (the
        trash: "deleted"), read from the order and group indexes."""
        db = self._reader()
        starred = db.execute("SELECT COUNT(*) FROM contacts WHERE visible=1 AND unstarred=0").fetchone()[0]
        groups = dict(db.execute("SELECT name, COUNT(*) FROM contact_groups GROUP BY name").fetchall())
        return {"all": self.count(), "starred": starred, "deleted": self.count(visible=False), "groups": groups}

    def search_states(self, text, limit=-1):
        """Live contacts whose folded text holds ``text`` (or whose phones hold its digits),
        in name order.  The trigram index (contacts.replica.search_index) picks the candidates."""
        if limit == 0:
            return []
        needle = fold(text.strip())
        digits = query_digits(text)
        db = self._reader()
        match = ("(instr(search_text, ?) > 0 OR (? != '' AND instr(phone_digits, ?) > 0))", (needle, digits, digits))
        query = search_index.match_query(needle, digits)
        if query is None:  # too short for trigrams: scan in name order, stop at `limit`
            rows = db.execute(f"SELECT id, state FROM contacts WHERE visible=1 AND {match[0]}"
                              " ORDER BY sort_key, id LIMIT ?", (*match[1], limit)).fetchall()
        else:
            rows = None
            if 0 < limit <= SCAN_WINDOW // 10:
                # a text many contacts hold is found sooner among the first names in order
                # than through the index (which would fetch and sort every match)
                rows = db.execute(
                    f"SELECT id, state FROM (SELECT * FROM contacts WHERE visible=1 ORDER BY sort_key, id"
                    f" LIMIT ?) WHERE {match[0]} ORDER BY sort_key, id LIMIT ?",
                    (SCAN_WINDOW, *match[1], limit)).fetchall()
                if len(rows) < limit:
                    rows = None
            if rows is None:
                # "+visible": drive the query from the index's candidates, not the name index
                rows = db.execute(
                    f"SELECT id, state FROM contacts WHERE {search_index.candidates(query)}"
                    f" AND +visible=1 AND {match[0]} ORDER BY sort_key, id LIMIT ?",
                    (query, *match[1], limit)).fetchall()
        return [(cid, json.loads(state)) for cid, state in rows]

    def states_by_id_prefix(self, prefix, limit):
        """Live contacts whose id starts with ``prefix``, in id order, at most ``limit``: a
        range of the primary key's index (``id >= prefix AND id < prefix-with-its-last-character-
        incremented``), so it reads only the matches whatever the size of the book."""
        if not prefix or limit == 0:
            return []
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        # "+visible": use the id index, not the (visible, sort_key) one
        rows = self._reader().execute(
            "SELECT id, state FROM contacts WHERE id >= ? AND id < ? AND +visible=1 ORDER BY id LIMIT ?",
            (prefix, upper, limit)).fetchall()
        return [(cid, json.loads(state)) for cid, state in rows]

    def photo(self, digest):
        """(type, bytes) of the photo with this sha256, or None."""
        row = self._reader().execute("SELECT type, data FROM photos WHERE hash=?", (digest,)).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def put_photo(self, digest, kind, data):
        """Store a photo's bytes (``data``: base64) fetched from a peer, once checked against ``digest``."""
        raw, register = decode_photo("photo", data)
        if register["hash"] != digest or register["type"] != kind:
            raise StorageError(f"photo {digest[:12]}: the bytes do not match its hash and type")
        self._write(lambda: self._db.execute("INSERT OR IGNORE INTO photos (hash, type, data) VALUES (?, ?, ?)",
                                             (digest, kind, raw)))

    def request_outcome(self, request_id):
        """(origin, seq, contact_id) of the update made for this request id, if any."""
        return self._reader().execute(
            "SELECT origin, seq, contact_id FROM updates WHERE request_id=?", (request_id,)).fetchone()

    def updates_since(self, vector, limit, max_bytes=None):
        """Updates past ``vector``, at most ``limit``, and whether the record still has them all.

        Returns (updates, complete); complete is False when some origin's record was
        compacted past what the asker holds, so only a full copy can bring it up to date.
        With ``max_bytes``, returns (updates, complete, cut): the page also stops once its
        changes reach that many bytes (an update carrying a photo holds its bytes, base64),
        always holding at least one update; ``cut`` says it stopped early.
        """
        db = self._reader()
        updates = []
        complete = True
        size, cut = 0, False
        for origin, held in sorted(self.vector.items()):
            since = vector.get(origin, 0)
            if since >= held:
                continue
            if self.floor.get(origin, 0) > since:
                complete = False
                continue
            rows = db.execute("SELECT origin, seq, counter, contact_id, changes, request_id FROM updates"
                              " WHERE origin=? AND seq>? ORDER BY seq LIMIT ?",
                              (origin, since, limit - len(updates)))
            for row in rows:
                if max_bytes is not None and updates and size + len(row[4]) > max_bytes:
                    cut = True
                    break
                size += len(row[4])
                updates.append(self._update_dict(row))
            if cut or len(updates) >= limit:
                break
        return (updates, complete, cut) if max_bytes is not None else (updates, complete)

    def own_updates_after(self, seq, limit, max_bytes=PAGE_BYTES):
        """This replica's own updates after ``seq``: at most ``limit``, and at most
        ``max_bytes`` of changes (at least one update)."""
        rows = self._reader().execute(
            "SELECT origin, seq, counter, contact_id, changes, request_id FROM updates"
            " WHERE origin=? AND seq>? ORDER BY seq LIMIT ?", (self.replica_id, seq, limit))
        updates, size = [], 0
        for row in rows:
            if updates and size + len(row[4]) > max_bytes:
                break
            size += len(row[4])
            updates.append(self._update_dict(row))
        return updates

    def changes_since(self, vector, limit, max_rows=CHANGES_SCAN, max_bytes=PAGE_BYTES):
        """The contacts that updates past ``vector`` (a VersionVector) touched, read from the
        update record (a range of its (origin, seq) key per origin, not a scan of the contacts).

        Returns (states, covered, more): ``states`` [(id, state)] of at most ``limit`` contacts
        (tombstones too; a partial contact whose add has not arrived is left out: nobody has
        seen it), in the order of their first update past ``vector``; ``covered`` the vector
        this answer accounts for (every update up to it touched a contact listed here, or was
        listed before ``vector``); ``more`` True when the page was cut (by ``limit``,
        ``max_rows`` updates read or ``max_bytes`` of states): ask again from ``covered``.
        Only updates up to this replica's (contiguous) vector count: one that arrived above a
        gap is listed once the gap is filled.  HistoryTruncated when the record no longer
        reaches back to ``vector`` for some origin."""
        held, floor = self.vector, self.floor     # published together after each commit
        for origin, top in held.items():
            since = vector.get(origin, 0)
            if top > since and floor.get(origin, 0) > since:
                raise HistoryTruncated(
                    f"replica {self.replica_id}'s update record of origin {origin} starts after seq "
                    f"{floor[origin]}, past {since}: the changes since this vector are no longer known; "
                    f"list every contact instead")
        db = self._reader()
        covered = VersionVector(vector)
        states, seen, rows_read, size, more = [], set(), 0, 0, False
        for origin, top in sorted(held.items()):
            since = vector.get(origin, 0)
            if since >= top:
                continue
            rows = db.execute("SELECT seq, contact_id FROM updates WHERE origin=? AND seq>? AND seq<=?"
                              " ORDER BY seq LIMIT ?", (origin, since, top, max_rows - rows_read + 1)).fetchall()
            last = since
            for seq, contact_id in rows:
                if rows_read >= max_rows or (contact_id not in seen and len(seen) >= limit):
                    more = True
                    break
                if contact_id not in seen:
                    row = db.execute("SELECT state FROM contacts WHERE id=?", (contact_id,)).fetchone()
                    if row is not None and states and size + len(row[0]) > max_bytes:
                        more = True
                        break
                    seen.add(contact_id)
                    if row is not None:
                        size += len(row[0])
                        state = json.loads(row[0])
                        if is_complete(state):
                            states.append((contact_id, state))
                rows_read += 1
                last = seq
            covered[origin] = last
            if more:
                break
        return states, covered, more

    @staticmethod
    def _update_dict(row):
        origin, seq, counter, contact_id, changes, request_id = row
        return {"origin": origin, "seq": seq, "counter": counter, "contact_id": contact_id,
                "changes": json.loads(changes), "request_id": request_id}

    def snapshot_page(self, after_id, limit):
        """A page of every contact's replicated state (tombstones too), for a full copy."""
        rows = self._reader().execute("SELECT id, state FROM contacts WHERE id>? ORDER BY id LIMIT ?",
                                      (after_id, limit))
        return [[cid, json.loads(state)] for cid, state in rows]

    # -- writes ------------------------------------------------------------------
    def write_local(self, contact_id, changes, request_id=None):
        """Stamp and durably apply a write made on this replica; returns (update, state)."""
        def work():
            counter = self.clock.tick()
            seq = max(self._vector.get(self.replica_id, 0), self._top.get(self.replica_id, 0)) + 1
            update = {"origin": self.replica_id, "seq": seq, "counter": counter,
                      "contact_id": contact_id, "changes": changes, "request_id": request_id}
            state = self._apply(update)
            return update, state
        return self._write(work)

    def apply_remote(self, updates):
        """Durably apply updates from peers (validated first); returns how many were new.

        Every update and every stamp of the batch is checked before anything is applied,
        so a batch with one forged update changes nothing at all (not even the clock).
        """
        checked = [check_update(u) for u in updates]

        def work():
            for update in checked:
                self.clock.check(update["counter"], "update.counter")
            new = 0
            for update in checked:
                if update["seq"] <= self._vector.get(update["origin"], 0) or (
                        update["seq"] <= self._top.get(update["origin"], 0) and self._has(update)):
                    continue
                self._apply(update)
                new += 1
            if new:
                self.clock.observe(max(u["counter"] for u in checked))
            return new
        return self._write(work)

    def apply_snapshot(self, states, vector):
        """Merge a page of full states from a peer (the fallback when its record is compacted).

        ``vector`` is what the peer's states reflect; it is adopted only for origins whose
        record the peer no longer has, since the merged states now contain those updates.
        """
        def work():
            for contact_id, state in states:
                check_contact_id(contact_id, "contact_id")
                clean = check_state(state, self.clock)
                current = self.state(contact_id, self._db) or {}
                was, had_photo = listing(current), _photo_hash(current)
                if merge_state(current, clean):
                    self._save(contact_id, current, was)
                    if PURGED in current:
                        self._drop_photo(had_photo)
                self.clock.observe(newest_stamp(clean)[0])
                self._clock_unrecorded = True
            for origin, seq in vector.items():
                if seq > self._vector.get(origin, 0):
                    self._set_vector(origin, self._contiguous_from(origin, seq))
                    self._set_floor(origin, seq)
        self._write(work)

    # the search index is derived from the contact rows: its writes need no fsync of their own
    # (contacts.replica.group_commit); a row whose indexing a power cut takes back is simply
    # unindexed again, and the indexer does it again
    def index_pending(self, limit=search_index.CHUNK):
        """Index up to ``limit`` contacts written since they were last indexed; how many."""
        return self._write(lambda: search_index.index_rows(self._db, limit), durable=False)

    def merge_index(self):
        """A small step of the search index's segment merging (see contacts.replica.search_index)."""
        self._write(lambda: search_index.merge_step(self._db), durable=False)

    def unindexed(self):
        """How many contacts the search index does not hold as they are now."""
        return self._reader().execute(
            f"SELECT COUNT(*) FROM contacts WHERE {search_index.UNINDEXED}").fetchone()[0]

    def compact(self, keep_per_origin):
        """Drop all but the newest ``keep_per_origin`` held updates of each origin from the record."""
        def work():
            self._clock_unrecorded = True  # the newest counters may go with the record
            for origin, held in list(self._vector.items()):
                floor = held - keep_per_origin
                if floor > self._floor.get(origin, 0):
                    self._db.execute("DELETE FROM updates WHERE origin=? AND seq<=?", (origin, floor))
                    self._set_floor(origin, floor)
        self._write(work)

    # -- internals ---------------------------------------------------------------
    def _write(self, work, durable=True):
        """Run ``work()`` in the open group (contacts.replica.group_commit)."""
        return self.group_commit.run(work, durable)

    # What a group holds besides its rows (the callbacks of GroupCommit). A group works on
    # private copies of the vector and the floor, published only after COMMIT: readers
    # (fetch_snapshot, ping, acks) must never see a vector that claims updates not yet
    # durable, or that a rollback then takes back.
    def _begin(self):
        self._vector = VersionVector(self.vector)
        self._floor = dict(self.floor)
        self._changed_origins = set()
        self._live = self.live

    def _checkpoint(self):
        """Before one write of the group: how to take back its changes to the copies."""
        saved = (VersionVector(self._vector), dict(self._floor), set(self._changed_origins), dict(self._top),
                 self._live)

        def undo():
            self._vector, self._floor, self._changed_origins, self._top, self._live = saved
            self._clock_unrecorded = True  # its tick, if it made one, is in no update row
        return undo

    def _prepare_commit(self):
        """Just before COMMIT: what is written once per group; returns what publishes it."""
        # the versions table is written once per group, not once per update
        for origin in self._changed_origins:
            self._db.execute("INSERT OR REPLACE INTO versions (origin, seq) VALUES (?, ?)",
                             (origin, self._vector[origin]))
        clock_stored = self._clock_unrecorded
        clock = self.clock.value
        if clock_stored:
            self._set_meta("clock", clock)

        def published():
            if clock_stored:
                self._clock_unrecorded = False
            self.committed_clock = clock
            self._committed_top = dict(self._top)
            self.vector, self.floor, self.live = self._vector, self._floor, self._live
            self.applied.notify_all()
        return published

    def _rolled_back(self):
        self._top = dict(self._committed_top)  # or the next own seq would skip one
        # the clock stays where it is (it only moves forward), but its ticks of the lost
        # writes are in no update row now: the next commit records it, or a restart would
        # read back less than that commit's pings reported
        self._clock_unrecorded = True
        self._begin()

    def _has(self, update):
        return self._db.execute("SELECT 1 FROM updates WHERE origin=? AND seq=?",
                                (update["origin"], update["seq"])).fetchone() is not None

    def _apply(self, update):
        state = self.state(update["contact_id"], self._db) or {}
        was = listing(state)
        had_photo = _photo_hash(state)
        changes = update["changes"]
        photo = changes.get("photo")
        if isinstance(photo, dict) and "data" in photo:
            # the bytes go to the photos table; the register (and every listing) holds
            # only {hash, type, size}; the update record keeps them for peers catching up
            self._db.execute("INSERT OR IGNORE INTO photos (hash, type, data) VALUES (?, ?, ?)",
                             (photo["hash"], photo["type"], base64.b64decode(photo["data"])))
            changes = {**changes, "photo": {k: v for k, v in photo.items() if k != "data"}}
        merge(state, (update["counter"], update["origin"]), changes)
        self._save(update["contact_id"], state, was)
        recorded = update["changes"]
        if PURGED in changes:
            # delete forever means the values leave the update record too: the contact's
            # older updates become purges themselves (a peer catching up from them ends in
            # the same tombstone; merge takes the newest purge stamp)
            self._db.execute("UPDATE updates SET changes=? WHERE contact_id=?",
                             (_dumps({PURGED: True}), update["contact_id"]))
        if PURGED in state:
            recorded = {PURGED: True}   # a late update of a purged contact: kept as what it did
            self._drop_photo(had_photo)
        self._db.execute("INSERT INTO updates (origin, seq, counter, contact_id, changes, request_id)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         (update["origin"], update["seq"], update["counter"], update["contact_id"],
                          _dumps(recorded), update.get("request_id")))
        origin, seq = update["origin"], update["seq"]
        held, top = self._vector.get(origin, 0), self._top.get(origin, 0)
        if seq == held + 1:
            self._set_vector(origin, self._contiguous_from(origin, seq))
        self._top[origin] = max(top, seq)
        return state

    def _contiguous_from(self, origin, held):
        """``held`` extended over updates that arrived early (above a gap) and are now contiguous."""
        while self._top.get(origin, 0) > held and self._db.execute(
                "SELECT 1 FROM updates WHERE origin=? AND seq=?", (origin, held + 1)).fetchone():
            held += 1
        return held

    def _save(self, contact_id, state, was):
        """Write a contact's row; ``was``: its listing() before this write (-1 if new)."""
        fields = fields_of(state)
        now = listing(state)
        self._live += (now == 1) - (was == 1)
        # an upsert, not INSERT OR REPLACE: a REPLACE deletes the row without firing the
        # search index's delete trigger, and gives the contact a new rowid
        row_state = _dumps(state)   # first: what cannot be stored fails here (TypeError)
        first, last = name_keys(fields)
        self._db.execute(
            "INSERT INTO contacts (id, state, visible, sort_key, search_text, phone_digits, first_key, last_key,"
            " unstarred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state=excluded.state,"
            " visible=excluded.visible, sort_key=excluded.sort_key, search_text=excluded.search_text,"
            " phone_digits=excluded.phone_digits, first_key=excluded.first_key, last_key=excluded.last_key,"
            " unstarred=excluded.unstarred",
            (contact_id, row_state, now, fold(fields["name"]),
             search_text(fields), phone_digits(fields), first, last, 0 if fields.get("starred") else 1))
        self._save_groups(contact_id, fields, now == 1, was == 1)
        if self.indexer is not None:
            self.indexer.due.set()

    def _drop_photo(self, digest):
        """A purged contact's photo leaves the photos table, unless another contact still shows
        it (the same picture given to two contacts is stored once)."""
        if digest and self._db.execute("SELECT 1 FROM contacts WHERE instr(state, ?) > 0 LIMIT 1",
                                       (digest,)).fetchone() is None:
            self._db.execute("DELETE FROM photos WHERE hash=?", (digest,))

    def _save_groups(self, contact_id, fields, live, was_live):
        """The contact's rows in contact_groups (what the sidebar counts): its groups while it
        is live, none once deleted; in the write's own transaction, so a rollback undoes it.
        ``was_live``: it was listed before this write; only then can it hold rows (an add,
        the common write, reads none)."""
        groups = set(fields.get("groups") or ()) if live else set()
        held = ({row[0] for row in self._db.execute("SELECT name FROM contact_groups WHERE contact_id=?",
                                                     (contact_id,))} if was_live else set())
        if held - groups:
            self._db.executemany("DELETE FROM contact_groups WHERE contact_id=? AND name=?",
                                 [(contact_id, name) for name in held - groups])
        if groups - held:
            self._db.executemany("INSERT INTO contact_groups (contact_id, name) VALUES (?, ?)",
                                 [(contact_id, name) for name in groups - held])

    def _set_vector(self, origin, seq):
        self._vector[origin] = seq
        self._changed_origins.add(origin)

    def _set_floor(self, origin, seq):
        self._floor[origin] = seq
        self._db.execute("INSERT OR REPLACE INTO log_floor (origin, seq) VALUES (?, ?)", (origin, seq))


class _ReaderConnection:
    """One thread's read connection, closed when the thread ends.

    Pyro5 ends a worker thread when more than a few are idle, and starts new ones for the
    next burst of clients: connections kept for dead threads piled up (three file
    descriptors and up to 2 MB of page cache each) until the replica ran out of files."""

    def __init__(self, db):
        self.db = db
        # runs when the thread's locals are dropped (its end), or at store.close()
        self.close = weakref.finalize(self, db.close)

