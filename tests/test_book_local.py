"""ContactBook in-process, on a real ContactStore in tmp_path and without replication.

What a caller sees: results, errors (precise class and built-in base) and that a
refused call changes nothing.
"""
import pytest

from contacts.replica import book as book_module
from contacts.replica.book import ContactBook
from contacts.config import Settings
from contacts.errors import ContactNotFound, StampError, UnavailableError, ValidationError, WrongTypeError
from contacts.replica.store import ContactStore

ADA = {"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
       "emails": [{"label": "work", "address": "ada@example.com"}]}


@pytest.fixture
def book(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    yield ContactBook(store, Settings(default_region="US"), replicator=None)
    store.close()


def everything(book):
    """All a replica holds, as clients and peers can see it."""
    return {"live": book.list_contacts(), "deleted": book.list_deleted(),
            "vector": book.version_vector(), "clock": book.store.clock.value}


def test_add_returns_the_stored_contact_with_id_and_write(book):
    ada = book.add_contact(ADA)
    assert ada["name"] == "Ada Lovelace"
    assert ada["phones"] == [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958",
                              "region": "", "pref": None}]
    assert ada["emails"] == [{"label": "work", "address": "ada@example.com", "pref": None}]
    assert ada["organization"] == "" and ada["notes"] == "" and ada["deleted"] is False
    assert ada["write"] == {"origin": 1, "seq": 1, "replicas": 1, "ack": "local"}
    assert ada["updated"] == [1, 1]
    assert len(ada["id"]) == 32
    assert book.get_contact(ada["id"]) == {k: v for k, v in ada.items() if k != "write"}


def test_update_changes_only_the_named_fields(book):
    ada = book.add_contact(ADA)
    changed = book.update_contact(ada["id"], {"organization": "Analytical Engines"})
    assert changed["organization"] == "Analytical Engines"
    assert changed["phones"] == ada["phones"] and changed["name"] == ada["name"]
    assert changed["write"]["seq"] == 2
    # a fetched contact can be edited and sent back as is: metadata is ignored
    fetched = book.get_contact(ada["id"])
    fetched["notes"] = "first programmer"
    assert book.update_contact(ada["id"], fetched)["notes"] == "first programmer"


def test_delete_get_and_restore(book):
    ada = book.add_contact(ADA)
    assert book.delete_contact(ada["id"]) is None
    with pytest.raises(ContactNotFound) as info:
        book.get_contact(ada["id"])
    assert isinstance(info.value, LookupError) and ada["id"] in str(info.value)
    assert book.list_contacts() == [] and book.count_contacts() == 0
    assert [c["id"] for c in book.list_deleted()] == [ada["id"]]
    assert book.list_deleted()[0]["deleted"] is True
    assert book.delete_contact(ada["id"]) is None, "deleting twice is harmless"
    with pytest.raises(ContactNotFound):
        book.update_contact(ada["id"], {"notes": "x"})
    with pytest.raises(ValidationError, match="restore it instead"):
        book.add_contact({**ADA, "id": ada["id"]})
    restored = book.restore_contact(ada["id"])
    assert restored["name"] == "Ada Lovelace" and restored["deleted"] is False
    assert book.get_contact(ada["id"])["phones"] == ada["phones"]


def test_unknown_ids_raise_lookup_error(book):
    for call in (book.get_contact, book.delete_contact, book.restore_contact):
        with pytest.raises(ContactNotFound, match="no contact with id 'nope'"):
            call("nope")
    with pytest.raises(ContactNotFound):
        book.update_contact("nope", {"name": "X"})


def test_add_with_an_id_is_idempotent(book):
    first = book.add_contact({**ADA, "id": "ada-1"})
    again = book.add_contact({**ADA, "id": "ada-1"})
    assert again["id"] == first["id"] == "ada-1"
    assert book.count_contacts() == 1 and book.version_vector() == {"1": 1}
    with pytest.raises(ValidationError, match="already used by another contact"):
        book.add_contact({"name": "Someone else", "id": "ada-1"})


def test_request_ids_make_retries_harmless(book):
    first = book.add_contact(ADA, request_id="req-1")
    retry = book.add_contact(ADA, request_id="req-1")
    assert retry["id"] == first["id"] and retry["write"]["duplicate"] is True
    assert book.count_contacts() == 1
    book.update_contact(first["id"], {"notes": "once"}, request_id="req-2")
    book.update_contact(first["id"], {"notes": "once"}, request_id="req-2")
    book.delete_contact(first["id"], request_id="req-3")
    book.delete_contact(first["id"], request_id="req-3")
    assert book.version_vector() == {"1": 3}


def test_list_is_sorted_by_name_and_pages(book):
    for name in ("carol", "Álvaro", "bob", "Dave"):
        book.add_contact({"name": name})
    assert [c["name"] for c in book.list_contacts()] == ["Álvaro", "bob", "carol", "Dave"]
    assert [c["name"] for c in book.list_contacts(offset=1, limit=2)] == ["bob", "carol"]
    assert book.list_contacts(limit=0) == []
    assert book.count_contacts() == 4


def test_search_fields_digits_accents_and_case(book):
    book.add_contact(ADA)
    book.add_contact({"name": "José Ñúñez", "organization": "Açaí Ltda",
                      "phones": [{"number": "+55 11 98765-4321"}],
                      "emails": [{"address": "jose@example.com.br"}]})
    book.add_contact({"name": "Grace Hopper", "organization": "US Navy",
                      "phones": [{"number": "(415) 555-2671"}]})

    def names(text, **kwargs):
        return [c["name"] for c in book.search(text, **kwargs)]
    assert names("jose") == ["José Ñúñez"]
    assert names("NUNEZ") == ["José Ñúñez"]
    assert names("98765 4321") == ["José Ñúñez"]
    assert names("+55 11 98765-4321") == ["José Ñúñez"]
    assert names("acai") == ["José Ñúñez"]
    assert names("@example.com") == ["Ada Lovelace", "José Ñúñez"]
    assert names("navy") == ["Grace Hopper"]
    assert names("4155552671") == ["Grace Hopper"], "digits as typed without formatting"
    assert names("+1 415") == ["Grace Hopper"], "digits of the E.164 form"
    assert names("lovelace") == ["Ada Lovelace"]
    assert names("nobody") == []
    assert len(book.search("")) == 3, "an empty search lists everything"
    assert names("a", limit=1) == ["Ada Lovelace"]


BAD_CALLS = [
    ("add_contact", ({"phones": []},), ValidationError, "name"),
    ("add_contact", ({"name": ""},), ValidationError, "name"),
    ("add_contact", ({"name": "x" * 201},), ValidationError, "name"),
    ("add_contact", ({"name": "A", "nick": "x"},), ValidationError, "nick"),
    ("add_contact", ({"name": "A", "phones": [{"number": "a\x00bc"}]},), ValidationError, "phones[0].number"),
    ("add_contact", ({"name": "A", "emails": [{"address": "a@b"}]},), ValidationError, "emails[0].address"),
    ("add_contact", ({"name": "A", "phones": [{"number": "+1 415 555 2671"}] * 21},), ValidationError, "phones"),
    ("add_contact", (["Ada"],), WrongTypeError, "contact"),
    ("add_contact", ({"name": 3},), WrongTypeError, "name"),
    ("add_contact", ({"name": "A", "id": "bad id"},), ValidationError, "id"),
    ("add_contact", ({"name": "A"}, 5), WrongTypeError, "request_id"),
    ("add_contact", ({"name": "A"}, "r" * 129), ValidationError, "request_id"),
    ("update_contact", ("KNOWN", {"name": ""}), ValidationError, "name"),
    ("update_contact", ("KNOWN", {}), ValidationError, "changes"),
    ("update_contact", ("KNOWN", {"color": "red"}), ValidationError, "color"),
    ("update_contact", ("KNOWN", "Ada"), WrongTypeError, "changes"),
    ("update_contact", (5, {"name": "B"}), WrongTypeError, "contact_id"),
    ("delete_contact", (None,), WrongTypeError, "contact_id"),
    ("delete_contact", ("../etc",), ValidationError, "contact_id"),
    ("get_contact", (["KNOWN"],), WrongTypeError, "contact_id"),
    ("get_contact", ("KNOWN", "not a vector"), WrongTypeError, "version vector"),
    ("get_contact", ("KNOWN", {"1": "many"}), ValidationError, "version vector"),
    ("list_contacts", (-1,), ValidationError, "offset"),
    ("list_contacts", (0, "10"), WrongTypeError, "limit"),
    ("list_contacts", (10 ** 30,), ValidationError, "offset"),
    ("list_deleted", (0, 2 ** 64), ValidationError, "limit"),
    ("get_contact", ("KNOWN", {"1": float("inf")}), ValidationError, "version vector"),
    ("get_contact", ("KNOWN", {"1": 1.5}), ValidationError, "version vector"),
    ("get_contact", ("KNOWN", {"0": 1}), ValidationError, "version vector"),
    ("search", (None,), WrongTypeError, "text"),
    ("search", ("x" * 201,), ValidationError, "text"),
    ("search", ("x", True), WrongTypeError, "limit"),
    ("apply_update", ("update",), WrongTypeError, "update"),
    ("apply_update", ({"origin": 2, "seq": 1, "counter": 10 ** 15, "contact_id": "c",
                       "changes": {"name": "Forged"}},), StampError, "update.counter"),
    ("apply_updates", ({"origin": 2},), WrongTypeError, "updates"),
    ("fetch_updates", ("everything",), WrongTypeError, "version vector"),
    ("fetch_updates", ({}, 10 ** 6), ValidationError, "limit"),
    ("fetch_snapshot", (5,), WrongTypeError, "after_id"),
]


@pytest.mark.parametrize("method, args, error, field", BAD_CALLS,
                         ids=[f"{m}-{i}" for i, (m, *_) in enumerate(BAD_CALLS)])
def test_bad_input_is_refused_with_a_message_and_changes_nothing(book, method, args, error, field):
    known = book.add_contact(ADA)["id"]
    args = tuple(known if a == "KNOWN" else a for a in args)
    before = everything(book)
    with pytest.raises(error) as info:
        getattr(book, method)(*args)
    # strictly the field first (not merely named somewhere in the message), as the docs promise
    assert str(info.value).startswith(field + ": "), str(info.value)
    assert info.value.field == field
    assert isinstance(info.value, (ValueError, TypeError))
    assert everything(book) == before


def test_read_after_a_vector_this_replica_lacks_is_unavailable(book, monkeypatch):
    monkeypatch.setattr(book_module, "READ_AFTER_TIMEOUT", 0.2)
    ada = book.add_contact(ADA)
    assert book.get_contact(ada["id"], after={"1": 1})["name"] == "Ada Lovelace"
    assert len(book.list_contacts(after=book.version_vector())) == 1
    with pytest.raises(UnavailableError, match="not caught up") as info:
        book.get_contact(ada["id"], after={"2": 1})
    assert isinstance(info.value, ConnectionError)


def test_apply_update_from_a_peer(book):
    update = {"origin": 2, "seq": 1, "counter": 7, "contact_id": "from-2",
              "changes": {"name": "Grace", "phones": [], "emails": [], "organization": "",
                          "notes": "", "deleted": False}}
    assert book.apply_update(update) == {"applied": 1, "vector": {"2": 1}}
    assert book.apply_update(update) == {"applied": 0, "vector": {"2": 1}}
    assert book.get_contact("from-2")["name"] == "Grace"
    assert book.store.clock.value == 7
    # the next local write is ordered after what the peer did
    assert book.add_contact(ADA)["updated"] == [8, 1]
    answer = book.fetch_updates({"2": 1})
    assert [(u["origin"], u["seq"]) for u in answer["updates"]] == [(1, 1)]
    assert answer["complete"] and not answer["more"] and answer["vector"] == {"1": 1, "2": 1}
    snapshot = book.fetch_snapshot("", 10)
    assert sorted(cid for cid, _ in snapshot["states"]) == sorted(["from-2", book.list_contacts()[0]["id"]])


def test_apply_update_docstring_names_what_it_returns(book):
    update = {"origin": 2, "seq": 1, "counter": 3, "contact_id": "doc-2", "changes": {"name": "Doc"}}
    answer = book.apply_update(update)
    assert set(answer) == {"applied", "vector"}
    doc = ContactBook.apply_update.__doc__
    assert all(f'"{key}"' in doc for key in answer), doc


def test_ping_and_cluster_status_describe_this_replica(book):
    book.add_contact(ADA)
    info = book.ping()
    assert info["replica_id"] == 1 and info["clock"] == 1 and info["vector"] == {"1": 1}
    assert info["contacts"] == 1 and info["ack_mode"] == "local" and info["peers"] == {}
    status = book.cluster_status()
    assert len(status) == 1
    assert status[0]["replica_id"] == 1 and status[0]["alive"] and status[0]["self"]


def test_an_edit_arriving_before_its_add_shows_nothing_until_the_add_is_here(book):
    """Replica 3 edited a contact that replica 2 added; replica 3's push came first."""
    edit = {"origin": 3, "seq": 1, "counter": 5, "contact_id": "early",
            "changes": {"organization": "Navy", "deleted": False}}
    add = {"origin": 2, "seq": 1, "counter": 4, "contact_id": "early",
           "changes": {"name": "Grace Hopper", "phones": [], "emails": [],
                       "organization": "", "notes": "", "deleted": False}}
    book.apply_update(edit)
    assert book.list_contacts() == [] and book.list_deleted() == []
    assert book.search("navy") == []
    with pytest.raises(ContactNotFound):
        book.get_contact("early")
    with pytest.raises(ContactNotFound):
        book.delete_contact("early")
    book.apply_update(add)
    [grace] = book.list_contacts()
    # the edit is newer than the add, so its organization wins
    assert (grace["name"], grace["organization"]) == ("Grace Hopper", "Navy")


def test_a_delete_arriving_before_its_add_never_shows_in_the_trash_empty(book):
    delete = {"origin": 3, "seq": 1, "counter": 9, "contact_id": "gone", "changes": {"deleted": True}}
    book.apply_update(delete)
    assert book.list_contacts() == [] and book.list_deleted() == []
    book.apply_update({"origin": 2, "seq": 1, "counter": 4, "contact_id": "gone",
                       "changes": {"name": "Old", "phones": [], "emails": [], "organization": "",
                                   "notes": "", "deleted": False}})
    assert book.list_contacts() == []
    assert [c["name"] for c in book.list_deleted()] == ["Old"]


def test_ping_says_how_many_contacts_wait_for_the_search_index(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)   # indexing only when asked
    book = ContactBook(store, Settings(), replicator=None)
    ada = book.add_contact(ADA)
    assert book.ping()["unindexed"] == 1
    assert [c["id"] for c in book.search("lovelace")] == [ada["id"]], "found before it is indexed"
    store.index_pending()
    assert book.ping()["unindexed"] == 0
    assert [c["id"] for c in book.search("lovelace")] == [ada["id"]]
    store.close()


def test_add_contacts_adds_a_batch_in_one_commit_and_reports_each_refusal(book):
    book.add_contact({**ADA, "id": "taken"})
    book.add_contact({"name": "Gone", "id": "in-trash"})
    book.delete_contact("in-trash")
    commits = book.store.commits
    batch = [
        {"name": "Grace Hopper", "id": "grace"},
        {"phones": []},                                             # no name
        {"name": "Bad Mail", "emails": [{"address": "not an email"}]},
        "not a dict",
        {"name": "Someone Else", "id": "taken"},                   # id of another contact
        {**ADA, "id": "taken"},                                     # already there, identical
        {"name": "Back?", "id": "in-trash"},                        # a deleted contact's id
        {"name": "Grace Twice", "id": "grace"},                     # the same batch used it
        {"name": "Barbara Liskov"},                                 # no id: the replica picks one
    ]
    results = book.add_contacts(batch)
    assert book.store.commits == commits + 1, "one commit for the whole batch"
    assert [r.get("error") for r in results] == [None, "ValidationError", "ValidationError", "WrongTypeError",
                                                 "ValidationError", None, "ValidationError", "ValidationError", None]
    assert results[0]["name"] == "Grace Hopper" and results[0]["write"]["seq"] == 4
    assert results[1]["field"] == "name" and "is required" in results[1]["message"]
    assert results[2]["field"] == "emails[0].address"
    assert "already used by another contact" in results[4]["message"]
    assert "write" not in results[5], "already there: nothing written"
    assert "deleted contact" in results[6]["message"] and "already used" in results[7]["message"]
    assert results[8]["write"]["seq"] == 5 and len(results[8]["id"]) == 32
    assert sorted(c["name"] for c in book.list_contacts()) == ["Ada Lovelace", "Barbara Liskov", "Grace Hopper"]

    again = book.add_contacts([{"name": "Grace Hopper", "id": "grace"}])   # a retried batch
    assert "write" not in again[0] and book.count_contacts() == 3


def test_add_contacts_refuses_a_bad_batch_whole(book):
    before = everything(book)
    with pytest.raises(WrongTypeError, match="contacts: must be a list"):
        book.add_contacts({"name": "Ada"})
    with pytest.raises(ValidationError, match="exceeds 1000"):
        book.add_contacts([{"name": f"P{n}"} for n in range(1001)])
    assert everything(book) == before


def test_ping_reports_the_clock_only_once_it_is_durable(book):
    """A write's tick is in the open group until its commit: a ping then still says the
    committed clock, so no peer or client is told a value a SIGKILL would take back."""
    before = book.ping()["clock"]
    with book.store.write_lock:
        book.store.write_local("c0ffee00000000000000000000000001", {"name": "Open Group", "deleted": False})
        during = book.ping()["clock"]
    assert during == before
    assert book.ping()["clock"] == before + 1
