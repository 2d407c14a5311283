"""The search index: SQLite FTS5 with the trigram tokenizer, over each contact's folded text.

``search`` means a case- and accent-insensitive substring of the name, organization,
emails, notes or phone numbers, or the digits of a phone number (contacts.model).  A
substring cannot use an ordinary index, so without one every search read every row
(slow in a big book: docs/benchmarks.md).  A trigram index finds the rows holding every
three-character piece of the search text; the store then checks the real condition on
just those rows, so the index narrows the search but never decides it: results are
exactly what the full scan returned.

Choices (their measurements are in docs/benchmarks.md, "A trigram index for search"):
- ``detail=none``: the index keeps only which rows hold a trigram, not where.  Phrase
  queries are then impossible, but the store re-checks each candidate anyway, and
  writing the index costs much less than with positions.
- contentless (``content=''``): the text already lives in the contacts table.  A delete
  must hand the index the old text, so each row keeps ``indexed_text``: what the index
  holds for it (NULL: nothing).
- search text and phone digits go in one column: a candidate found through the wrong
  one is dropped by the re-check, and one column is one set of postings to write.
- Fewer than 3 characters cannot use a trigram index: such a search scans, in name
  order, stopping as soon as it has ``limit`` matches (short texts match densely).
- The index is brought up to date *after* the write is acknowledged, by a background
  thread (``SearchIndexer``), in batches.  FTS5 writes a new index segment at the end of
  every transaction that touched it: kept on the write path, that was a large part of
  each write's cost.  A row whose text differs from its ``indexed_text`` is
  *unindexed*; a partial index lists exactly those rows, and every search takes them as
  candidates besides the index's, so a search still finds a contact written a moment
  ago.  Being a column, "unindexed" is committed with the write itself and survives a
  crash: after a restart the indexer simply carries on.  For the same reason the
  indexer's transactions need no fsync (contacts.replica.group_commit, ``durable=False``):
  a power cut that takes some of them back leaves those rows unindexed, to be done again.
- FTS5's own segment merging (``automerge``) is off: it ran inside whichever transaction
  added a segment, and merging big segments held the store's lock for a long stall once
  the index had grown (a burst of replication lag on every replica at once, since they all
  hold the same contacts).  The indexer merges instead, ``MERGE_PAGES`` at a time after
  each indexing transaction; ``crisismerge`` (64 segments on one level) remains the
  backstop.  Search times did not change.
"""
import logging
import threading

log = logging.getLogger(__name__)

#: the text the index holds for a row when it is up to date
TEXT = "search_text || ' ' || phone_digits"
#: rows the index does not (yet) hold as they are; the partial index below is on this very
#: expression, which SQLite only uses for queries that spell it the same way
UNINDEXED = f"indexed_text IS NOT {TEXT}"

SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS contacts_fts USING fts5(
    text, content='', tokenize='trigram case_sensitive 1', detail='none');
CREATE INDEX IF NOT EXISTS contacts_unindexed ON contacts (id) WHERE {UNINDEXED};
"""
#: the triggers that kept the index in step inside each write, before indexing moved after the ack
OLD_TRIGGERS = ("contacts_fts_insert", "contacts_fts_update", "contacts_fts_delete")

#: rows indexed per transaction: the write lock is held meanwhile, so a chunk stays short
#: for the writers waiting on it (docs/benchmarks.md)
CHUNK = 200
#: pages of index merging done after each indexing transaction, in its own small one
MERGE_PAGES = 30
#: seconds the indexer lets writes gather before indexing them in one transaction
DELAY = 0.05


def create(db):
    """Create the index if missing; bring data dirs of earlier versions along."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(contacts)")}
    had_index = db.execute("SELECT 1 FROM sqlite_master WHERE name='contacts_fts'").fetchone()
    had_triggers = db.execute("SELECT 1 FROM sqlite_master WHERE type='trigger' AND name=?",
                              (OLD_TRIGGERS[0],)).fetchone()
    if "indexed_text" not in columns:
        db.execute("ALTER TABLE contacts ADD COLUMN indexed_text TEXT")
        if had_index and had_triggers:  # the triggers kept every row indexed as it is
            db.execute(f"UPDATE contacts SET indexed_text = {TEXT}")
    for trigger in OLD_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    if not had_index:  # a new (or lost) index holds nothing: every row is to be indexed
        db.execute("UPDATE contacts SET indexed_text = NULL WHERE indexed_text IS NOT NULL")
    db.executescript(SCHEMA)
    # FTS5 merges its segments by itself inside whichever write adds one, and a merge of big
    # segments held the store's lock for a long while (a stall for every writer); the indexer
    # merges in small steps instead (merge_step), and only a pile-up forces a full merge
    db.execute("INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('automerge', 0)")
    db.execute("INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('crisismerge', 64)")


def index_rows(db, limit):
    """Index up to ``limit`` unindexed rows (inside the caller's transaction); how many."""
    rows = db.execute(f"SELECT rowid, indexed_text, {TEXT} FROM contacts WHERE {UNINDEXED} LIMIT ?",
                      (limit,)).fetchall()
    for rowid, old, new in rows:
        if old is not None:
            db.execute("INSERT INTO contacts_fts (contacts_fts, rowid, text) VALUES ('delete', ?, ?)", (rowid, old))
        db.execute("INSERT INTO contacts_fts (rowid, text) VALUES (?, ?)", (rowid, new))
        db.execute("UPDATE contacts SET indexed_text = ? WHERE rowid = ?", (new, rowid))
    return len(rows)


def merge_step(db, pages=MERGE_PAGES):
    """Do at most ``pages`` pages of segment merging (inside the caller's transaction)."""
    db.execute("INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('merge', ?)", (pages,))


def candidates(query):
    """SQL for the rowids a search must check: the index's matches and the unindexed rows."""
    return (f"(rowid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)"
            f" OR rowid IN (SELECT rowid FROM contacts WHERE {UNINDEXED}))")


def _all_trigrams(text):
    grams = sorted({text[i:i + 3] for i in range(len(text) - 2)})
    return "(" + " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams) + ")"


def match_query(needle, digits):
    """The FTS5 query for rows that may hold ``needle`` (folded text) or ``digits``; None
    when the index cannot help (shorter than 3 characters, or a NUL SQLite would cut at)."""
    if len(needle) < 3 or "\x00" in needle:
        return None
    terms = [_all_trigrams(needle)]
    if len(digits) >= 3:
        terms.append(_all_trigrams(digits))
    return " OR ".join(terms)


class SearchIndexer(threading.Thread):
    """Indexes what writes left unindexed, a little after they were acknowledged."""

    def __init__(self, store, delay=DELAY):
        super().__init__(name="search-indexer", daemon=True)
        self.store = store
        self.delay = delay
        self.due = threading.Event()
        self._stopping = threading.Event()
        self.indexed = 0

    def stop(self):
        self._stopping.set()
        self.due.set()
        self.join(timeout=10)

    def run(self):
        while not self._stopping.is_set():
            self.due.wait()
            if self._stopping.wait(self.delay):
                return
            self.due.clear()
            try:
                while not self._stopping.is_set():
                    done = self.store.index_pending(CHUNK)
                    self.indexed += done
                    if done:  # a new segment: merge a little of what piled up (its own commit)
                        self.store.merge_index()
                    if done < CHUNK:
                        break
            except Exception:  # a full disk, say: searches still find the rows, unindexed
                log.exception("indexing for search failed; retrying after the next write")
