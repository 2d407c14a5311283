"""The search index: SQLite FTS5 with the trigram tokenizer, over each contact's folded text.

``search`` means a case- and accent-insensitive substring of the name, organization,
emails, notes or phone numbers, or the digits of a phone number (contacts.model).  A
substring cannot use an ordinary index, so without one every search read every row
(about 0.3 s at 100,000 contacts).  A trigram index finds the rows holding every
three-character piece of the search text; the store then checks the real condition on
just those rows, so the index narrows the search but never decides it: results are
exactly what the full scan returned.

Choices, measured at 100,000 contacts (docs/benchmarks.md):
- ``detail=none``: the index keeps only which rows hold a trigram, not where.  Phrase
  queries are then impossible, but the store re-checks each candidate anyway, and
  writing the index costs about half as much as with positions.
- contentless (``content=''``): the text already lives in the contacts table; triggers keep
  the index in step with every insert, update and delete there (a delete must hand the
  index the old text, which the trigger has).
- search text and phone digits go in one column: a candidate found through the wrong
  one is dropped by the re-check, and one column is one set of postings to write.
- Fewer than 3 characters cannot use a trigram index: such a search scans, in name
  order, stopping as soon as it has ``limit`` matches (short texts match densely).
"""

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS contacts_fts USING fts5(
    text, content='', tokenize='trigram case_sensitive 1', detail='none');
CREATE TRIGGER IF NOT EXISTS contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, text) VALUES (new.rowid, new.search_text || ' ' || new.phone_digits);
END;
CREATE TRIGGER IF NOT EXISTS contacts_fts_update AFTER UPDATE OF search_text, phone_digits ON contacts
WHEN old.search_text IS NOT new.search_text OR old.phone_digits IS NOT new.phone_digits BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, text)
        VALUES ('delete', old.rowid, old.search_text || ' ' || old.phone_digits);
    INSERT INTO contacts_fts (rowid, text) VALUES (new.rowid, new.search_text || ' ' || new.phone_digits);
END;
CREATE TRIGGER IF NOT EXISTS contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, text)
        VALUES ('delete', old.rowid, old.search_text || ' ' || old.phone_digits);
END;
"""

#: fills the index of a data dir made before it existed
BACKFILL = "INSERT INTO contacts_fts (rowid, text) SELECT rowid, search_text || ' ' || phone_digits FROM contacts"


def create(db):
    """Create the index (and its triggers) if missing; index existing rows when new."""
    existed = db.execute("SELECT 1 FROM sqlite_master WHERE name='contacts_fts'").fetchone()
    db.executescript(SCHEMA)
    if not existed:
        db.execute(BACKFILL)


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
