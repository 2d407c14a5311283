"""The trigram search index finds exactly what a scan of every contact finds.

The index only narrows which rows are checked (contacts.replica.search_index); these tests hold
search_states to the plain meaning of search -- a case/accent-insensitive substring of
the folded text, or the digits of a phone -- over edits, deletes, restores, short and
odd texts, limits, and a data dir made before the index existed.
"""
import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from contacts.merge import fields_of, is_visible
from contacts.model import fold, phone_digits, query_digits, search_text
from contacts.cluster import wait_until
from contacts.replica.store import DB_NAME, SCAN_WINDOW, ContactStore

NAMES = ["José Ñúñez", "Ada Lovelace", "GRACE hopper", "Zoë Straße", "Émile Zola", "Li Wei", "O'Brien \"Bob\"",
         "Ann", "Anna-Maria", "Ωmega Δelta", "x", "İstanbul Ltd"]


def contact(rng, n):
    digits = "".join(rng.choice("0123456789") for _ in range(7))
    return {"name": f"{rng.choice(NAMES)} {n}", "organization": rng.choice(["Açaí Ltda", "ACME", "", "Navy"]),
            "notes": rng.choice(["", "met at a conference", "likes \"quotes\" and AND/OR", "café ☕"]),
            "phones": [{"label": "", "number": f"+1 212 {digits[:3]}-{digits[3:]}",
                        "e164": f"+1212{digits}"}] if n % 3 else [],
            "emails": [{"label": "", "address": f"person{n}@example.com"}] if n % 2 else [],
            "deleted": False}


def scan(store, text, limit=-1):
    """What search means, computed the slow way over every stored contact."""
    needle, digits = fold(text.strip()), query_digits(text)
    found = []
    for cid, state in store.list_states(True):
        fields = fields_of(state)
        if needle in search_text(fields) or (digits and digits in phone_digits(fields)):
            found.append(cid)
    return found if limit < 0 else found[:limit]


def found(store, text, limit=-1):
    return [cid for cid, _ in store.search_states(text, limit)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rng = random.Random(7)
    store = ContactStore(tmp_path_factory.mktemp("search") / "r1", 1)
    for n in range(300):
        store.write_local(f"c{n:03d}", contact(rng, n))
    for n in range(0, 300, 7):   # edits change the indexed text
        store.write_local(f"c{n:03d}", {"name": f"Renamed {n}", "notes": "moved to Lisboa", "deleted": False})
    for n in range(0, 300, 11):  # deleted contacts are not found ...
        store.write_local(f"c{n:03d}", {"deleted": True})
    for n in range(0, 300, 33):  # ... until restored
        store.write_local(f"c{n:03d}", {"deleted": False})
    store.apply_remote([{"origin": 2, "seq": 1, "counter": 10_000, "contact_id": "c005",
                         "changes": {"name": "Remote Rename", "phones": [], "deleted": False}}])
    yield store
    store.close()


QUERIES = ["jose", "ÑUÑEZ", "nunez", "ada", "an", "a", "x", "", "  zoe  ", "strasse", "emile", "acai ltda", "navy",
           "renamed 14", "lisboa", "remote", "@example.com", "person1", "212", "+1 212", "(212)", "conference",
           "\"quotes\"", "and/or", "caf", "☕", "ωmega", "no such text", "1", "12", "123", "o'brien", "\"bob\"",
           "istanbul", "İstanbul", "e 1", "4 ", "ta\ncafé"]


@pytest.mark.parametrize("text", QUERIES)
def test_search_finds_exactly_what_a_scan_finds(store, text):
    assert found(store, text) == scan(store, text)
    for limit in (0, 1, 5, 100):
        assert found(store, text, limit) == scan(store, text, limit)


def test_phone_digits_found_through_the_index(store):
    state = next(s for cid, s in store.list_states(True) if fields_of(s)["phones"])
    e164 = fields_of(state)["phones"][0]["e164"]
    for text in (e164[-7:], f"{e164[-7:-4]} {e164[-4:]}", e164, e164[2:9]):
        assert found(store, text) == scan(store, text) != []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_substring_of_a_stored_text_or_any_text(store, data):
    texts = [search_text(fields_of(s)) for _, s in store.list_states(True)]
    text = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, max(len(text) - 1, 0)))
    piece = text[start:start + data.draw(st.integers(0, 12))]
    other = data.draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8))
    for query in (piece, piece.upper(), other):
        limit = data.draw(st.sampled_from([-1, 1, 3, 50]))
        assert found(store, query, limit) == scan(store, query, limit)


def test_dense_matches_past_the_scan_window_are_found_in_name_order(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    base = {"phones": [], "emails": [], "organization": "", "notes": "", "deleted": False}
    with store.write_lock:  # one commit for all of them
        for n in range(SCAN_WINDOW + 50):
            store.write_local(f"a{n:05d}", {**base, "name": f"aaa {n:05d}"})
        store.write_local("z", {**base, "name": "zzz needle"})
    assert found(store, "needle", 10) == ["z"], "a match after the window is found through the index"
    assert found(store, "aaa", 3) == ["a00000", "a00001", "a00002"]
    store.close()


def test_a_data_dir_from_before_the_index_is_indexed_when_opened(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    store.write_local("c1", {"name": "José Ñúñez", "phones": [{"label": "", "number": "+55 11 98765-4321",
                                                              "e164": "+5511987654321"}],
                             "emails": [], "organization": "", "notes": "", "deleted": False})
    store.close()
    db = sqlite3.connect(tmp_path / "r1" / DB_NAME)
    db.executescript("DROP TABLE contacts_fts; DROP TRIGGER IF EXISTS contacts_fts_insert;"
                     " DROP TRIGGER IF EXISTS contacts_fts_update; DROP TRIGGER IF EXISTS contacts_fts_delete;")
    db.close()
    reopened = ContactStore(tmp_path / "r1", 1)
    assert found(reopened, "nunez") == ["c1"] and found(reopened, "98765-4321") == ["c1"]
    reopened.close()


def test_visible_flag_and_index_agree_after_deletes(store):
    live = {cid for cid, s in store.list_states(True)}
    assert all(is_visible(s) for _, s in store.list_states(True))
    assert set(found(store, "e")) <= live


# -- indexing after the acknowledgement --------------------------------------------------
def test_rows_written_since_the_last_indexing_are_found_too(tmp_path):
    """Writes leave rows unindexed (the indexer runs later); a search must find them
    anyway, whether never indexed, indexed with an older text, or indexed as they are."""
    rng = random.Random(3)
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)   # no background indexer
    for n in range(120):
        store.write_local(f"c{n:03d}", contact(rng, n))
    assert store.unindexed() == 120
    assert all(found(store, text) == scan(store, text) for text in QUERIES), "nothing indexed yet"
    assert store.index_pending(70) == 70 and store.unindexed() == 50
    for n in range(0, 120, 5):   # renames: some indexed rows now hold an outdated text in the index
        store.write_local(f"c{n:03d}", {"name": f"Renamed {n}", "deleted": False})
    assert all(found(store, text) == scan(store, text) for text in QUERIES + ["renamed 5", "renamed"])
    while store.index_pending(30):
        pass
    assert store.unindexed() == 0
    assert all(found(store, text) == scan(store, text) for text in QUERIES + ["renamed 5", "renamed"])
    assert found(store, "renamed 35") == ["c035"]
    store.close()


def test_the_background_indexer_catches_up_and_a_reopened_store_finishes_the_job(tmp_path):
    rng = random.Random(5)
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    for n in range(50):
        store.write_local(f"c{n:03d}", contact(rng, n))
    store.close()   # "unindexed" is committed with each write: what a crash leaves behind too
    reopened = ContactStore(tmp_path / "r1", 1, index_delay=0.01)
    wait_until(lambda: reopened.unindexed() == 0, 10, what="the indexer")
    reopened.write_local("c007", {"name": "Moved Away", "deleted": False})
    wait_until(lambda: reopened.unindexed() == 0, 10, what="the indexer after an edit")
    assert found(reopened, "moved away") == ["c007"]
    assert all(found(reopened, text) == scan(reopened, text) for text in QUERIES)
    reopened.close()


def test_a_data_dir_indexed_by_the_old_triggers_is_taken_as_indexed(tmp_path):
    """Earlier versions indexed inside each write, with triggers: opening such a data dir
    drops the triggers and trusts the index they kept, instead of re-indexing every row."""
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    store.write_local("c1", {"name": "Ada Lovelace", "deleted": False})
    while store.index_pending():
        pass
    store.close()
    db = sqlite3.connect(tmp_path / "r1" / DB_NAME)
    db.executescript("""
        CREATE TABLE old AS SELECT id, state, visible, sort_key, search_text, phone_digits FROM contacts;
        DROP TABLE contacts; ALTER TABLE old RENAME TO contacts;
        CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO contacts_fts (rowid, text) VALUES (new.rowid, new.search_text || ' ' || new.phone_digits);
        END;""")
    db.close()
    reopened = ContactStore(tmp_path / "r1", 1, index_delay=None)
    assert reopened.unindexed() == 0
    assert not reopened._db.execute("SELECT 1 FROM sqlite_master WHERE type='trigger'").fetchone()
    assert found(reopened, "lovelace") == ["c1"]
    reopened.close()
