"""ContactStore on a real SQLite file: durability across restarts, ownership, bad input."""
import sqlite3

import pytest

from contacts.errors import StampError, StartupError, ValidationError, WrongTypeError
from contacts.merge import is_visible
from contacts.replica.store import DB_NAME, ContactStore
from contacts.versions import VersionVector

ADA = {"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958",
                                           "e164": "+442079460958"}],
       "emails": [], "organization": "", "notes": "", "deleted": False}


@pytest.fixture
def store(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    yield store
    store.close()


def remote(origin, seq, counter, contact_id="c-remote", **changes):
    return {"origin": origin, "seq": seq, "counter": counter, "contact_id": contact_id,
            "changes": changes or {"name": f"From {origin}", "deleted": False}}


def snapshot(store):
    """Everything a restart must bring back."""
    return {"live": store.list_states(True), "deleted": store.list_states(False),
            "vector": dict(store.vector), "clock": store.clock.value,
            "own": store.own_updates_after(0, 1000)}


def test_a_new_store_is_empty_and_new(store):
    assert store.is_new
    assert store.count() == 0 and store.clock.value == 0 and dict(store.vector) == {}
    assert (store.data_dir / DB_NAME).is_file()


def test_local_writes_are_stamped_with_the_clock_and_numbered(store):
    first, state = store.write_local("c1", dict(ADA))
    second, _ = store.write_local("c1", {"organization": "Analytical Engines", "deleted": False})
    assert (first["origin"], first["seq"], first["counter"]) == (1, 1, 1)
    assert (second["seq"], second["counter"]) == (2, 2)
    assert state["name"] == ["Ada Lovelace", 1, 1]
    assert store.state("c1")["organization"] == ["Analytical Engines", 2, 1]
    assert dict(store.vector) == {1: 2}


def test_restart_restores_contacts_tombstones_vector_and_clock(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    store.write_local("c1", dict(ADA))
    store.write_local("c2", {**ADA, "name": "Grace Hopper"})
    store.write_local("c2", {"deleted": True})
    store.apply_remote([remote(2, 1, 50), remote(2, 2, 51, "c3")])
    store.write_local("c1", {"notes": "after the remote updates", "deleted": False})
    before = snapshot(store)
    assert before["clock"] == 52
    assert [cid for cid, _ in before["live"]] == ["c1", "c-remote", "c3"]
    assert [cid for cid, _ in before["deleted"]] == ["c2"]
    store.close()

    reopened = ContactStore(tmp_path / "r1", 1)
    try:
        assert snapshot(reopened) == before
        assert not reopened.is_new
        assert not is_visible(reopened.state("c2")), "the tombstone survives"
        # the clock and the sequence numbers go on where they stopped
        update, _ = reopened.write_local("c1", {"organization": "X", "deleted": False})
        assert (update["seq"], update["counter"]) == (5, 53)
    finally:
        reopened.close()


def test_restart_restores_the_clock_even_if_only_updates_carry_it(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    store.write_local("c1", dict(ADA))
    store.close()
    # an older data dir, or a crash between writes: the update record alone is enough
    with sqlite3.connect(tmp_path / "r1" / DB_NAME) as db:
        db.execute("UPDATE updates SET counter=77")
        db.execute("DELETE FROM meta WHERE key='clock'")
    reopened = ContactStore(tmp_path / "r1", 1)
    try:
        assert reopened.clock.value == 77
    finally:
        reopened.close()


def test_restart_after_compaction_keeps_the_clock_and_sequence(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    store.write_local("c1", dict(ADA))
    store.apply_remote([remote(2, 1, 90)])
    store.write_local("c1", {"notes": "n", "deleted": False})
    store.compact(keep_per_origin=0)           # the update record is now empty
    assert store.updates_since({}, 100) == ([], False)
    store.close()
    reopened = ContactStore(tmp_path / "r1", 1)
    try:
        assert reopened.clock.value == 91, "the clock comes back from meta, not only from updates"
        assert dict(reopened.vector) == {1: 2, 2: 1}
        update, _ = reopened.write_local("c1", {"notes": "after", "deleted": False})
        assert (update["seq"], update["counter"]) == (3, 92)
    finally:
        reopened.close()


def test_data_dir_of_another_replica_is_refused(tmp_path):
    ContactStore(tmp_path / "r1", 1).close()
    with pytest.raises(StartupError, match="belongs to replica 1, not 2"):
        ContactStore(tmp_path / "r1", 2)
    # and the refusal did not take it over
    again = ContactStore(tmp_path / "r1", 1)
    again.close()


def test_a_data_dir_serves_one_store_at_a_time(tmp_path):
    first = ContactStore(tmp_path / "r1", 1)
    with pytest.raises(StartupError, match=r"in use by pid \d+; is this replica already running"):
        ContactStore(tmp_path / "r1", 1)
    first.write_local("c1", dict(ADA))
    first.close()
    second = ContactStore(tmp_path / "r1", 1)
    try:
        assert second.count() == 1
    finally:
        second.close()


def test_unusable_data_dir_is_a_startup_error(tmp_path):
    regular_file = tmp_path / "a-file"
    regular_file.write_text("not a directory")
    with pytest.raises(StartupError, match="unusable"):
        ContactStore(regular_file / "r1", 1)
    with pytest.raises(StartupError, match="unusable"):
        ContactStore(regular_file, 1)


def test_a_corrupt_database_is_a_startup_error(tmp_path):
    (tmp_path / "r1").mkdir()
    (tmp_path / "r1" / DB_NAME).write_bytes(b"this is not an SQLite database" * 100)
    with pytest.raises(StartupError, match="unusable"):
        ContactStore(tmp_path / "r1", 1)


def test_remote_updates_are_idempotent_and_order_free(store):
    updates = [remote(2, 1, 5, "c1", name="A", deleted=False), remote(2, 2, 6, "c1", name="B"),
               remote(3, 1, 6, "c1", notes="from 3")]
    assert store.apply_remote(list(reversed(updates))) == 3
    assert store.apply_remote(updates) == 0
    state = store.state("c1")
    assert state["name"] == ["B", 6, 2] and state["notes"] == ["from 3", 6, 3]
    assert dict(store.vector) == {2: 2, 3: 1}
    assert store.clock.value == 6


def test_vector_counts_only_contiguous_updates(store):
    store.apply_remote([remote(2, 2, 5)])
    assert store.vector.get(2, 0) == 0, "update 1 of replica 2 is still missing"
    store.apply_remote([remote(2, 1, 4)])
    assert dict(store.vector) == {2: 2}


def test_updates_since_a_vector(store):
    store.write_local("c1", dict(ADA))
    store.write_local("c1", {"notes": "n", "deleted": False})
    store.apply_remote([remote(2, 1, 9)])
    updates, complete = store.updates_since({1: 1}, 100)
    assert complete
    assert sorted((u["origin"], u["seq"]) for u in updates) == [(1, 2), (2, 1)]
    assert store.updates_since({1: 2, 2: 1}, 100) == ([], True)


@pytest.mark.parametrize("bad, error", [
    ("not a dict", WrongTypeError),
    ({**remote(2, 1, 5), "extra": 1}, ValidationError),
    ({k: v for k, v in remote(2, 1, 5).items() if k != "counter"}, ValidationError),
    (remote(2, 1, "5"), WrongTypeError),
    (remote(2, 1, True), WrongTypeError),
    (remote(2, 1, 0), ValidationError),
    (remote(2, 1, -3), ValidationError),
    (remote(2, 1, 10 ** 12), StampError),        # absurdly far ahead of the clock
    (remote(2, 1, 2 ** 70), StampError),
    (remote(0, 1, 5), ValidationError),
    (remote(2 ** 40, 1, 5), StampError),
    (remote(2, 0, 5), ValidationError),
    (remote(2, 2 ** 60, 5), StampError),
    (remote(2, 1, 5, "bad id!"), ValidationError),
    (remote(2, 1, 5, **{"Not A Register!": "x"}), ValidationError),   # unknown ones are kept only if named so
    (remote(2, 1, 5, future_field="x" * 70_000), ValidationError),     # and bounded
    (remote(2, 1, 5, name=""), ValidationError),
    (remote(2, 1, 5, deleted="yes"), WrongTypeError),
    (remote(2, 1, 5, phones=[{"number": "+44 20 7946 0958"}]), ValidationError),   # no e164
    ({**remote(2, 1, 5), "changes": {}}, ValidationError),
    ({**remote(2, 1, 5), "request_id": 7}, WrongTypeError),
])
def test_bad_remote_updates_change_nothing(store, bad, error):
    store.write_local("c1", dict(ADA))
    before = snapshot(store)
    # one bad update spoils its whole batch: the good one before it is not applied either
    with pytest.raises(error) as info:
        store.apply_remote([remote(2, 1, 3, "c9"), bad])
    field, _, what = str(info.value).partition(": ")
    assert field and what, f"the message names the field and the problem: {info.value}"
    assert snapshot(store) == before
    assert store.state("c9") is None


def test_a_failed_write_leaves_no_trace(store):
    store.write_local("c1", dict(ADA))
    before = snapshot(store)
    with pytest.raises(TypeError):
        # a value the store cannot serialize fails inside the transaction, after the stamp was taken
        store.write_local("c2", {"name": object()})
    after = snapshot(store)
    assert after["live"] == before["live"] and after["vector"] == before["vector"]
    assert store.state("c2") is None
    update, _ = store.write_local("c2", {**ADA, "name": "Grace"})
    assert update["seq"] == 2, "no sequence number was burnt by the failed write"


def test_search_by_text_accents_and_phone_digits(store):
    store.write_local("c1", dict(ADA))
    store.write_local("c2", {**ADA, "name": "José Ñúñez", "organization": "Açaí Ltda",
                             "phones": [{"label": "", "number": "+55 11 98765-4321",
                                         "e164": "+5511987654321"}],
                             "emails": [{"label": "", "address": "jose@example.com.br"}]})
    store.write_local("c3", {**ADA, "name": "Gone", "deleted": False})
    store.write_local("c3", {"deleted": True})

    def ids(text):
        return [cid for cid, _ in store.search_states(text)]
    assert ids("jose") == ["c2"]
    assert ids("ÑUÑEZ") == ["c2"]
    assert ids("acai") == ["c2"]
    assert ids("98765 4321") == ["c2"]
    assert ids("(11) 98765-4321") == ["c2"]
    assert ids("7946") == ["c1"]
    assert ids("example.com.br") == ["c2"]
    assert ids("gone") == [], "deleted contacts are not found"
    assert ids("nobody") == []


def test_restart_keeps_the_clock_a_full_copy_moved(tmp_path):
    """A full copy's stamps move the clock without any update record: the clock alone says so."""
    store = ContactStore(tmp_path / "r1", 1)
    store.apply_snapshot([["c9", {"name": ["Ada", 500, 2], "deleted": [False, 500, 2]}]], VersionVector({2: 7}))
    assert store.clock.value == 500
    store.close()
    reopened = ContactStore(tmp_path / "r1", 1)
    try:
        update, _ = reopened.write_local("c1", dict(ADA))
        assert update["counter"] == 501, "a stamp after the copy's, never one it already used"
    finally:
        reopened.close()
