"""The rich contact (issue 14) on a real ContactStore, in-process: every field of
docs/contact-model.md, dates, phones kept as typed, groups, photos, unknown registers,
and a data dir written by the five-field code opened by this one."""
import base64
import json
import shutil
from pathlib import Path

import pytest

from contacts import fields as fields_module
from contacts.config import Settings, locale_region
from contacts.errors import ValidationError, WrongTypeError
from contacts.merge import REGISTERS
from contacts.model import FIELDS
from contacts.replica.book import ContactBook
from contacts.replica.store import SCHEMA_VERSION, ContactStore

FIXTURES = Path(__file__).parent / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 100

RICH = {
    "name": "Maria Clara da Silva",
    "n": {"family": ["da Silva"], "given": ["Maria"], "additional": ["Clara"]},
    "nicknames": ["Clarinha"],
    "birthday": "1985-04-15", "anniversary": "--06-12",
    "addresses": [{"label": "home", "street": "Rua A, 12", "locality": "Natal", "region": "RN",
                   "postcode": "59000-000", "country": "Brasil", "pref": 1}],
    "phones": [{"label": "mobile", "number": "(84) 98888-7777"}],
    "emails": [{"label": "work", "address": "clara@example.com"}],
    "urls": [{"label": "home", "url": "https://example.com"}],
    "impps": [{"uri": "xmpp:clara@example.com"}],
    "organization": "Analytical Engines", "org_units": ["Research", "Engines"],
    "title": "Countess", "role": "Programmer",
    "groups": ["Work", "Family"],
    "related": [{"label": "spouse", "value": "William King"}],
    "gender": "F", "languages": ["pt-BR", "en"], "timezone": "America/Fortaleza",
    "geo": "geo:-5.79,-35.21", "keys": [{"value": "https://example.com/key.asc"}],
    "starred": True, "notes": "two\nlines",
    "extra": [{"group": "item1", "name": "X-ABLabel", "params": {"type": ["pref"]}, "value": "_$!<Other>!$_"}],
}


@pytest.fixture
def book(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    yield ContactBook(store, Settings(default_region="US"), replicator=None)
    store.close()


def everything(book):
    return {"live": book.list_contacts(), "deleted": book.list_deleted(),
            "vector": book.version_vector(), "clock": book.store.clock.value}


def refused(call, field, *args, error=ValidationError, **kwargs):
    with pytest.raises(error) as info:
        call(*args, **kwargs)
    assert str(info.value).startswith(field), str(info.value)
    return str(info.value)


def test_the_table_generates_fields_and_registers():
    assert FIELDS == tuple(f.name for f in fields_module.TABLE)
    assert set(REGISTERS) == set(FIELDS) | {"deleted"}
    assert fields_module.BY_NAME["groups"].merge == "add_wins_set"
    assert all(f.merge == "lww" for f in fields_module.TABLE if f.name != "groups")


def test_every_field_round_trips(book):
    added = book.add_contact(RICH, region="BR")
    got = book.get_contact(added["id"])
    assert set(got) == set(FIELDS) | {"id", "deleted", "updated"}
    assert got["n"] == {"family": ["da Silva"], "given": ["Maria"], "additional": ["Clara"],
                        "prefixes": [], "suffixes": []}
    assert got["phones"] == [{"label": "mobile", "number": "(84) 98888-7777", "e164": "+5584988887777",
                              "region": "BR", "pref": None}]
    assert got["addresses"][0]["street"] == "Rua A, 12" and got["addresses"][0]["pobox"] == ""
    assert got["groups"] == ["Family", "Work"]
    assert got["extra"] == [{"group": "item1", "name": "X-ABLABEL", "params": {"TYPE": ["pref"]},
                             "value": "_$!<Other>!$_"}]
    assert got["starred"] is True and got["birthday"] == "1985-04-15" and got["anniversary"] == "--06-12"
    # sending the fetched contact back as is changes nothing it holds
    again = book.update_contact(got["id"], {k: v for k, v in got.items() if k != "id"})
    assert {k: v for k, v in again.items() if k not in ("write", "updated")} == \
        {k: v for k, v in got.items() if k != "updated"}
    # a plain contact shows every key, empty
    plain = book.add_contact({"name": "Plain"})
    assert plain["groups"] == [] and plain["photo"] == {} and plain["n"] == {} and plain["starred"] is False


def test_search_finds_the_new_text_fields(book):
    book.add_contact(RICH, region="BR")
    book.add_contact({"name": "Other"})
    for text in ("clarinha", "natal", "59000", "countess", "research", "family", "programmer"):
        assert [c["name"] for c in book.search(text)] == ["Maria Clara da Silva"], text


@pytest.mark.parametrize("typed, clean", [("1985-04-15", "1985-04-15"), ("19850415", "1985-04-15"),
                                          ("--04-15", "--04-15"), ("--0229", "--02-29"), ("1985", "1985"),
                                          ("1985-04", "1985-04"), ("1985-04-15T10:30:00Z", "1985-04-15T10:30:00Z"),
                                          ("", "")])
def test_dates_in_vcard_forms(book, typed, clean):
    assert book.add_contact({"name": "D", "birthday": typed})["birthday"] == clean


@pytest.mark.parametrize("bad", ["2023-02-30", "1985-13-01", "--02-30", "15/04/1985", "yesterday",
                                 "1985-04-15T25:00", "1985-04T10:00"])
def test_impossible_dates_are_refused_clearly(book, bad):
    before = everything(book)
    message = refused(book.add_contact, "birthday", {"name": "D", "birthday": bad})
    assert bad in message
    assert everything(book) == before


def test_phones_are_kept_as_typed_and_e164_only_when_certain(tmp_path):
    store = ContactStore(tmp_path / "r", 1, index_delay=None)
    try:
        book = ContactBook(store, Settings(default_region="GB"), replicator=None)
        br = book.add_contact({"name": "A", "phones": [{"number": "(84) 98888-7777"}]}, region="BR")
        assert br["phones"][0]["e164"] == "+5584988887777"
        unsure = book.add_contact({"name": "B", "phones": [{"number": "(84) 98888-7777"}]})
        assert unsure["phones"][0]["number"] == "(84) 98888-7777" and unsure["phones"][0]["e164"] == ""
        ng = book.add_contact({"name": "C", "phones": [{"number": "+234 1 234 5678"}, {"number": "call me"}]})
        assert [p["number"] for p in ng["phones"]] == ["+234 1 234 5678", "call me"]
        assert ng["phones"][1]["e164"] == ""
        changed = book.update_contact(unsure["id"], {"phones": [{"number": "(84) 98888-7777"}]}, region="BR")
        assert changed["phones"][0]["e164"] == "+5584988887777"
        refused(book.add_contact, "region", {"name": "D"}, region="XX")
        refused(book.add_contact, "phones[0].number", {"name": "D", "phones": [{"number": "1\x00"}]})
        refused(book.add_contact, "phones[0].number", {"name": "D", "phones": [{"number": "1" * 41}]})
        refused(book.add_contact, "phones[0].number", {"name": "D", "phones": [{"number": 5}]},
                error=WrongTypeError)
    finally:
        store.close()


def test_region_default_comes_from_the_locale_else_none():
    assert locale_region({"LANG": "pt_BR.UTF-8"}) == "BR"
    assert locale_region({"LC_ALL": "C.UTF-8", "LANG": "pt_BR.UTF-8"}) == ""
    assert locale_region({}) == ""
    assert Settings.from_env({"LANG": "en_GB.UTF-8"}).default_region == "GB"
    assert Settings.from_env({"LANG": "C"}).default_region == ""
    assert Settings.from_env({"LANG": "C", "CONTACTS_DEFAULT_REGION": "br"}).default_region == "BR"


def test_groups_list_and_add_remove(book):
    c = book.add_contact({"name": "G", "groups": ["Work", "Chess"]})
    assert c["groups"] == ["Chess", "Work"]
    assert book.update_contact(c["id"], {"groups": ["Work", "Family"]})["groups"] == ["Family", "Work"]
    assert book.update_contact(c["id"], {"groups": {"add": ["Chess"], "remove": ["Work"]}})["groups"] == \
        ["Chess", "Family"]
    # what travels is a delta: adds (tagged by the update's stamp) and observed tags removed
    update = book.store.updates_since({}, 100)[0][-1]
    assert update["changes"]["groups"]["add"] == ["Chess"]
    assert list(update["changes"]["groups"]["remove"]) == ["Work"]
    assert all(len(t) == 2 for t in update["changes"]["groups"]["remove"]["Work"])
    assert book.list_contacts()[0]["groups"] == ["Chess", "Family"]


def test_too_many_groups_or_entries_are_refused_naming_the_field(book):
    before = everything(book)
    message = refused(book.add_contact, "groups", {"name": "G", "groups": [f"g{i}" for i in range(10_000)]})
    assert "10000 entries, the limit is 100" in message
    refused(book.add_contact, "groups[0]", {"name": "G", "groups": ["bad\x07group"]})
    refused(book.add_contact, "nicknames", {"name": "G", "nicknames": ["x"] * 21})
    refused(book.add_contact, "title", {"name": "G", "title": "x" * 201})
    refused(book.add_contact, "notes", {"name": "G", "notes": "x\x00"})
    refused(book.add_contact, "addresses[0]", {"name": "G", "addresses": [{"label": "home"}]})
    refused(book.add_contact, "addresses[0].street", {"name": "G", "addresses": [{"street": 5}]},
            error=WrongTypeError)
    refused(book.add_contact, "starred", {"name": "G", "starred": "yes"}, error=WrongTypeError)
    refused(book.add_contact, "gender", {"name": "G", "gender": "X"})
    refused(book.add_contact, "extra[0].name", {"name": "G", "extra": [{"name": "a b", "value": ""}]})
    refused(book.add_contact, "n", {"name": "G", "n": {"first": ["x"]}})
    refused(book.add_contact, "emails[0].pref", {"name": "G", "emails": [{"address": "a@example.com", "pref": 0}]})
    assert everything(book) == before


def test_photo_round_trip_type_and_size_limit(book):
    c = book.add_contact({"name": "P", "photo": {"data": base64.b64encode(PNG).decode()}})
    assert set(c["photo"]) == {"hash", "type", "size"}
    assert c["photo"]["type"] == "image/png" and c["photo"]["size"] == len(PNG)
    assert base64.b64decode(book.get_photo(c["photo"]["hash"])) == PNG
    # listings carry the register only, never the bytes
    assert "data" not in json.dumps(book.list_contacts()) and "data" not in json.dumps(book.search("P"))
    jpeg = book.update_contact(c["id"], {"photo": {"data": base64.b64encode(JPEG).decode()}})
    assert jpeg["photo"]["type"] == "image/jpeg"
    assert book.update_contact(c["id"], {"photo": {"uri": "https://example.com/me.jpg"}})["photo"] == \
        {"uri": "https://example.com/me.jpg"}
    assert book.update_contact(c["id"], {"photo": {}})["photo"] == {}
    before = everything(book)
    assert "not an image" in refused(book.update_contact, "photo", c["id"],
                                     {"photo": {"data": base64.b64encode(b"hello world").decode()}})
    big = b"\x89PNG\r\n\x1a\n" + b"\x00" * 1_000_000
    assert "limit" in refused(book.update_contact, "photo.data", c["id"],
                              {"photo": {"data": base64.b64encode(big).decode()}})
    refused(book.update_contact, "photo.data", c["id"], {"photo": {"data": "not base64!"}})
    refused(book.get_photo, "photo_hash", "0" * 64)
    refused(book.get_photo, "photo_hash", "../etc")
    assert everything(book) == before


def test_the_photo_bytes_travel_once_in_the_update(tmp_path, book):
    c = book.add_contact({"name": "P", "photo": {"data": base64.b64encode(PNG).decode()}})
    updates, _ = book.store.updates_since({}, 10)
    assert base64.b64decode(updates[0]["changes"]["photo"]["data"]) == PNG
    peer = ContactStore(tmp_path / "peer", 2, index_delay=None)
    try:
        assert peer.apply_remote(updates) == 1
        assert peer.photo(c["photo"]["hash"]) == ("image/png", PNG)
        assert "data" not in peer.state(c["id"])["photo"][0]
        forged = json.loads(json.dumps(updates))
        forged[0]["seq"], forged[0]["changes"]["photo"]["hash"] = 2, "f" * 64
        with pytest.raises(ValidationError):
            peer.apply_remote(forged)
    finally:
        peer.close()


def test_unknown_registers_from_a_newer_peer_are_kept_and_passed_on(tmp_path, book):
    update = {"origin": 7, "seq": 1, "counter": 3, "contact_id": "c1",
              "changes": {"name": "Future", "deleted": False, "pronouns": "she/her"}}
    assert book.store.apply_remote([update]) == 1
    assert book.store.state("c1")["pronouns"] == ["she/her", 3, 7]
    assert "pronouns" not in book.get_contact("c1")
    passed_on, _ = book.store.updates_since({}, 10)
    assert passed_on[0]["changes"]["pronouns"] == "she/her"
    assert book.ping()["schema"] == SCHEMA_VERSION
    with pytest.raises(ValidationError):
        book.store.apply_remote([{**update, "seq": 2, "changes": {"huge": "x" * 70_000}}])


def test_a_five_field_data_dir_opens_and_keeps_everything(tmp_path):
    data_dir = tmp_path / "r1"
    shutil.copytree(FIXTURES / "datadir-v1", data_dir)
    expected = json.loads((FIXTURES / "datadir-v1-expected.json").read_text())
    store = ContactStore(data_dir, 1, index_delay=None)
    try:
        book = ContactBook(store, Settings(default_region="US"), replicator=None)
        assert book.store.vector.to_wire() == expected["vector"]
        assert book.store.clock.value == expected["clock"]
        for old in expected["contacts"]:
            new = book.get_contact(old["id"])
            for key, value in old.items():
                if key in ("phones", "emails"):
                    assert [{k: e[k] for k in entry} for e, entry in zip(new[key], value)] == value
                else:
                    assert new[key] == value, key
            assert new["groups"] == [] and new["photo"] == {}
        assert [c["id"] for c in book.list_deleted()] == [c["id"] for c in expected["deleted"]]
        assert [c["name"] for c in book.search("lovelace")] == ["Ada Lovelace"]
        assert [c["name"] for c in book.search("acme")] == ["José Silva"]
        assert book.ping()["schema"] == SCHEMA_VERSION
        # the order keys were filled from the old states (no structured name: the display name)
        assert [c["name"] for c in book.list_contacts(order="last")] == ["Ada Lovelace", "José Silva"]
        assert book.count_contacts(breakdown=True) == {"all": 2, "starred": 0, "deleted": 1, "groups": {}}
        book.update_contact(expected["contacts"][1]["id"], {"n": {"family": ["Abreu"]}, "groups": ["Família"]})
        assert [c["name"] for c in book.list_contacts(order="last")] == ["José Silva", "Ada Lovelace"]
        assert [c["name"] for c in book.list_contacts(group="Família")] == ["José Silva"]
        # the old updates still replicate: a peer accepts the record as it is
        updates, complete = book.store.updates_since({}, 100)
        assert complete and len(updates) == 6
        peer = ContactStore(tmp_path / "peer", 2, index_delay=None)
        try:
            assert peer.apply_remote(updates) == 6
        finally:
            peer.close()
        # and new fields can be set on an old contact
        ada = book.update_contact(expected["contacts"][0]["id"], {"groups": ["Work"], "birthday": "1815-12-10"})
        assert ada["groups"] == ["Work"] and ada["phones"][0]["e164"] == "+442079460958"
    finally:
        store.close()
    reopened = ContactStore(data_dir, 1, index_delay=None)
    try:
        assert reopened._meta("schema") == str(SCHEMA_VERSION)
    finally:
        reopened.close()


def test_pages_of_updates_are_bounded_in_bytes_not_only_in_count(tmp_path, book, monkeypatch):
    from contacts.replica import book as book_module
    from contacts.replica import store as store_module
    photos = [b"\x89PNG\r\n\x1a\n" + bytes([i]) * 50_000 for i in range(6)]
    for i, photo in enumerate(photos):
        book.add_contact({"name": f"P{i}", "photo": {"data": base64.b64encode(photo).decode()}})
    monkeypatch.setattr(book_module, "PAGE_BYTES", 150_000)
    first = book.fetch_updates({}, 500)
    assert 1 <= len(first["updates"]) < 6 and first["more"]
    assert len(book.store.own_updates_after(0, 500, max_bytes=150_000)) == len(first["updates"])
    assert len(book.store.own_updates_after(0, 500)) == 6   # the default bound (16 MB) holds them all
    seen = first["updates"]
    while len(seen) < 6:
        page = book.fetch_updates({"1": seen[-1]["seq"]}, 500)
        assert page["updates"]
        seen += page["updates"]
    assert [u["seq"] for u in seen] == list(range(1, 7)) and not page["more"]
    assert store_module.PAGE_BYTES < 96 * 1024 * 1024


def test_concurrent_adds_past_the_group_limit_still_copy(tmp_path):
    from contacts.merge import merge
    from contacts.replication.checks import check_state
    state = {}
    merge(state, (1, 1), {"name": "G", "deleted": False, "groups": {"add": [f"a{i}" for i in range(100)], "remove": {}}})
    merge(state, (1, 2), {"groups": {"add": [f"b{i}" for i in range(100)], "remove": {}}})
    store = ContactStore(tmp_path / "r", 3, index_delay=None)
    try:
        assert check_state(state, store.clock)["groups"][0]["live"].keys() == state["groups"][0]["live"].keys()
        store.apply_snapshot([["c1", state]], {})
        assert len(store.state("c1")["groups"][0]["live"]) == 200
    finally:
        store.close()
