"""Conditional writes (``if_stamp``) and ``changes_since``: what the CardDAV gateway builds
on (If-Match -> 412, sync-collection tokens), on real ContactStores in tmp_path."""
import pytest

from contacts.config import Settings
from contacts.errors import (ContactNotFound, HistoryTruncated, StaleWriteError, UnavailableError,
                             ValidationError, WrongTypeError)
from contacts.merge import contact_stamp
from contacts.replica import book as book_module
from contacts.replica.book import ContactBook
from contacts.replica.store import ContactStore

ADA = {"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]}


@pytest.fixture
def books(tmp_path):
    made = []

    def make(replica_id):
        store = ContactStore(tmp_path / f"r{replica_id}", replica_id)
        made.append(store)
        return ContactBook(store, Settings(default_region="US"), replicator=None)
    yield make
    for store in made:
        store.close()


@pytest.fixture
def book(books):
    return books(1)


def copy_updates(source, target):
    """Hand ``target`` what ``source`` holds that it lacks (what a peer link does)."""
    answer = source.fetch_updates(target.version_vector(), 1000)
    target.apply_updates(answer["updates"])


def test_a_conditional_update_is_made_only_on_the_state_read(book):
    ada = book.add_contact(ADA)
    stamp = contact_stamp(ada)
    changed = book.update_contact(ada["id"], {"notes": "first programmer"}, None, None, stamp)
    assert changed["notes"] == "first programmer"
    # the same stamp again is stale now: refused, and nothing written
    vector = book.version_vector()
    with pytest.raises(StaleWriteError) as info:
        book.update_contact(ada["id"], {"notes": "overwritten"}, if_stamp=stamp)
    assert isinstance(info.value, ValueError)
    assert info.value.current == contact_stamp(changed) and "read it again" in str(info.value)
    assert book.get_contact(ada["id"])["notes"] == "first programmer"
    assert book.version_vector() == vector
    # the stamp of what it is now is accepted
    assert book.update_contact(ada["id"], {"notes": "x"}, if_stamp=contact_stamp(changed))["notes"] == "x"


def test_a_retried_conditional_update_returns_its_first_outcome_not_stale(book):
    ada = book.add_contact(ADA)
    first = book.update_contact(ada["id"], {"title": "Countess"}, "req-1", None, contact_stamp(ada))
    again = book.update_contact(ada["id"], {"title": "Countess"}, "req-1", None, contact_stamp(ada))
    assert again["write"]["duplicate"] is True and again["title"] == first["title"]


def test_a_conditional_delete(book):
    ada = book.add_contact(ADA)
    edited = book.update_contact(ada["id"], {"notes": "n"})
    with pytest.raises(StaleWriteError):
        book.delete_contact(ada["id"], if_stamp=contact_stamp(ada))
    assert book.get_contact(ada["id"])["notes"] == "n"
    assert book.delete_contact(ada["id"], None, contact_stamp(edited)) is None
    with pytest.raises(ContactNotFound):
        book.get_contact(ada["id"])
    # deleted meanwhile: the state read is gone, so a conditional delete is stale too
    with pytest.raises(StaleWriteError, match="deleted meanwhile"):
        book.delete_contact(ada["id"], if_stamp=contact_stamp(edited))
    assert book.delete_contact(ada["id"]) is None       # unconditional: nothing to do, as before


@pytest.mark.parametrize("stamp, error", [(5, WrongTypeError), ("", ValidationError), ("x" * 101, ValidationError)])
def test_a_malformed_stamp_is_refused_and_changes_nothing(book, stamp, error):
    ada = book.add_contact(ADA)
    with pytest.raises(error, match="if_stamp"):
        book.update_contact(ada["id"], {"notes": "n"}, if_stamp=stamp)
    assert book.get_contact(ada["id"])["notes"] == ""


def test_every_replica_computes_the_same_stamp_for_the_same_state_and_not_for_another(books):
    one, two = books(1), books(2)
    ada = one.add_contact(ADA)
    copy_updates(one, two)
    assert contact_stamp(two.get_contact(ada["id"])) == contact_stamp(one.get_contact(ada["id"]))
    # concurrent edits of two fields: replica 2 has only the newer one for a while; its newest
    # Lamport stamp is the same as replica 1's, its state is not, and neither is its stamp
    one.update_contact(ada["id"], {"notes": "older edit on 1"})
    two.store.clock.observe(10)
    two.update_contact(ada["id"], {"title": "newer edit on 2"})
    copy_updates(two, one)
    on_one, on_two = one.get_contact(ada["id"]), two.get_contact(ada["id"])
    assert on_one["updated"] == on_two["updated"]
    assert contact_stamp(on_one) != contact_stamp(on_two)
    # so a client that read replica 2 cannot overwrite replica 1's edit it never saw
    with pytest.raises(StaleWriteError):
        one.update_contact(ada["id"], {"notes": "from a stale read"}, if_stamp=contact_stamp(on_two))
    copy_updates(one, two)
    assert contact_stamp(one.get_contact(ada["id"])) == contact_stamp(two.get_contact(ada["id"]))


def test_changes_since_lists_what_changed_deleted_too_from_the_update_record(book):
    ids = [book.add_contact({"name": f"P{i}"})["id"] for i in range(5)]
    token = book.version_vector()
    assert book.changes_since(token) == {"contacts": [], "vector": token, "more": False}
    book.update_contact(ids[1], {"notes": "edited"})
    book.delete_contact(ids[3])
    book.update_contact(ids[1], {"notes": "edited twice"})
    answer = book.changes_since(token)
    assert [c["id"] for c in answer["contacts"]] == [ids[1], ids[3]]
    assert answer["contacts"][0]["notes"] == "edited twice" and answer["contacts"][0]["deleted"] is False
    assert answer["contacts"][1]["deleted"] is True
    assert answer["vector"] == book.version_vector() and answer["more"] is False
    # from the beginning: every contact, once
    assert sorted(c["id"] for c in book.changes_since({})["contacts"]) == sorted(ids)


def test_changes_since_pages_and_the_pages_add_up(book):
    ids = [book.add_contact({"name": f"P{i}"})["id"] for i in range(7)]
    seen, token = [], {}
    while True:
        answer = book.changes_since(token, 3)
        seen += [c["id"] for c in answer["contacts"]]
        token = answer["vector"]
        if not answer["more"]:
            break
    assert seen == ids and token == book.version_vector()
    with pytest.raises(ValidationError, match="limit"):
        book.changes_since({}, 1001)


def test_changes_since_covers_updates_from_every_origin(books):
    one, two = books(1), books(2)
    first = one.add_contact({"name": "From one"})
    copy_updates(one, two)
    token = two.version_vector()
    second = two.add_contact({"name": "From two"})
    one.update_contact(first["id"], {"notes": "on one"})
    copy_updates(one, two)
    answer = two.changes_since(token)
    assert sorted(c["id"] for c in answer["contacts"]) == sorted([first["id"], second["id"]])
    # a token made on replica 2 means the same on replica 1 once it holds as much
    copy_updates(two, one)
    assert sorted(c["id"] for c in one.changes_since(token)["contacts"]) == sorted([first["id"], second["id"]])
    assert one.changes_since(answer["vector"])["contacts"] == []


def test_changes_since_a_vector_this_replica_lacks_waits_then_is_unavailable(book, monkeypatch):
    monkeypatch.setattr(book_module, "READ_AFTER_TIMEOUT", 0.2)
    book.add_contact(ADA)
    with pytest.raises(UnavailableError, match="not caught up"):
        book.changes_since({"1": 1, "2": 4})


def test_changes_older_than_the_record_are_refused_as_too_old(book):
    ada = book.add_contact(ADA)
    token = book.version_vector()
    for i in range(4):
        book.update_contact(ada["id"], {"notes": str(i)})
    book.store.compact(2)
    with pytest.raises(HistoryTruncated, match="no longer known") as info:
        book.changes_since(token)
    assert isinstance(info.value, LookupError)
    # a token still inside the record works
    recent = {"1": book.version_vector()["1"] - 1}
    assert [c["id"] for c in book.changes_since(recent)["contacts"]] == [ada["id"]]


@pytest.mark.parametrize("vector, error", [([1], WrongTypeError), ({"1": -1}, ValidationError),
                                           ({"x": 1}, ValidationError)])
def test_a_malformed_vector_is_refused(book, vector, error):
    with pytest.raises(error):
        book.changes_since(vector)
