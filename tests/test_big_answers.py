"""Answers bigger than one call carries (MAX_ANSWER contacts): a replica refuses them with a
clear error instead of spending seconds and hundreds of MB encoding them, and
ContactsClient pages past the limit by itself, so the CLI and scripts still get it all."""
import pytest
from Pyro5.api import Proxy

from contacts.replica.book import ContactBook
from contacts.client import ContactsClient
from contacts.config import Settings
from contacts.protocol import MAX_ANSWER
from contacts.errors import ValidationError
from contacts.replica.store import ContactStore

BOOK = MAX_ANSWER + 3


def people(count, start=0):
    return [{"id": f"p{n:06d}", "name": f"Person {n:06d}", "notes": "big book"} for n in range(start, start + count)]


def fill(add_many, count):
    for start in range(0, count, 1000):
        results = add_many(people(min(1000, count - start), start))
        assert all("error" not in r for r in results)


@pytest.fixture(scope="module")
def big_book(tmp_path_factory):
    store = ContactStore(tmp_path_factory.mktemp("big") / "r1", 1)
    book = ContactBook(store, Settings(), replicator=None)
    fill(book.add_contacts, BOOK)
    yield book
    store.close()


def test_a_list_longer_than_one_answer_is_refused_with_how_to_page(big_book):
    with pytest.raises(ValidationError, match=r"the list holds more than 10,000 contacts.*offset= and limit="):
        big_book.list_contacts()
    with pytest.raises(ValidationError, match="limit: must be between 0 and 10000"):
        big_book.list_contacts(0, MAX_ANSWER + 1)
    with pytest.raises(ValidationError, match="the list holds more than"):
        big_book.search("   ")   # a blank search lists everything


def test_pages_up_to_the_limit_cover_the_whole_book(big_book):
    first = big_book.list_contacts(0, MAX_ANSWER)
    rest = big_book.list_contacts(MAX_ANSWER, MAX_ANSWER)
    assert len(first) == MAX_ANSWER and len(rest) == BOOK - MAX_ANSWER
    assert [c["name"] for c in first + rest] == [f"Person {n:06d}" for n in range(BOOK)]
    # past the first MAX_ANSWER rows, an unbounded call from there is short enough to answer
    assert [c["id"] for c in big_book.list_contacts(BOOK - 5)] == [f"p{n:06d}" for n in range(BOOK - 5, BOOK)]


def test_a_search_matching_too_many_asks_to_narrow_it_and_a_limited_one_answers(big_book):
    with pytest.raises(ValidationError, match=r"'big book' matches more than 10,000 contacts.*narrow the search"):
        big_book.search("big book")
    assert [c["name"] for c in big_book.search("big book", limit=3)] == ["Person 000000", "Person 000001",
                                                                         "Person 000002"]
    assert [c["id"] for c in big_book.search("Person 010002")] == ["p010002"]


def test_a_trash_longer_than_one_answer_is_refused_too(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    book = ContactBook(store, Settings(), replicator=None)
    try:
        fill(book.add_contacts, BOOK)
        with store.write_lock:   # one commit for all the deletes
            for contact_id in (f"p{n:06d}" for n in range(BOOK)):
                store.write_local(contact_id, {"deleted": True})
        with pytest.raises(ValidationError, match="the trash holds more than 10,000"):
            book.list_deleted()
        assert len(book.list_deleted(MAX_ANSWER - 1)) == BOOK - MAX_ANSWER + 1
        assert book.list_contacts() == []
    finally:
        store.close()


def test_the_client_pages_past_the_limit_and_a_bare_proxy_gets_the_reason(cluster_factory):
    cluster = cluster_factory(1)
    with ContactsClient(ns_host="127.0.0.1", ns_port=cluster.ns_port) as client:
        fill(client.add_contacts, BOOK)
        everyone = client.list_contacts()
        assert [c["id"] for c in everyone] == [f"p{n:06d}" for n in range(BOOK)]
        assert [c["id"] for c in client.list_contacts(2, MAX_ANSWER + 1)] == [f"p{n:06d}" for n in range(2, BOOK)]
        assert len(client.list_contacts(0, MAX_ANSWER + 2)) == MAX_ANSWER + 2
    with Proxy(cluster.uri(1)) as proxy:
        proxy._pyroTimeout = 30
        with pytest.raises(ValueError, match="page through it with offset= and limit="):
            proxy.list_contacts()
        assert len(proxy.list_contacts(0, 3)) == 3
