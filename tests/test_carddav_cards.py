"""The gateway's mapping of one contact to one card, and its sync tokens (no processes)."""
import pytest

from contacts.carddav import cards, tokens
from contacts.merge import contact_stamp
from contacts.model import FIELDS
from contacts.versions import VersionVector

EMPTY = {"id": "", "name": "", "n": {}, "nicknames": [], "photo": {}, "birthday": "", "anniversary": "",
         "addresses": [], "phones": [], "emails": [], "urls": [], "impps": [], "organization": "", "org_units": [],
         "title": "", "role": "", "groups": [], "related": [], "gender": "", "languages": [], "timezone": "",
         "geo": "", "keys": [], "starred": False, "notes": "", "extra": [], "deleted": False, "updated": [4, 1]}


def stored(**fields):
    """A contact as a replica returns it."""
    return {**EMPTY, "id": "c1", **fields}


def test_every_field_of_the_model_is_in_the_sample():
    assert set(FIELDS) <= set(EMPTY)


def test_a_card_sent_back_unchanged_changes_nothing():
    ada = stored(name="Ada Lovelace", phones=[{"label": "mobile", "number": "020 7946 0958",
                                               "e164": "+442079460958", "region": "GB", "pref": None}],
                 groups=["Friends"], notes="line one\nline two", extra=[{"group": "", "name": "X-FOO",
                                                                         "params": {}, "value": "bar"}])
    card = cards.read_card(cards.card_text(ada))
    assert cards.changed_fields(ada, card) == {}
    # the same card written as 4.0 by a client is not a change either
    from contacts.formats.vcard import contact_to_vcard
    assert cards.changed_fields(ada, cards.read_card(contact_to_vcard(ada, "4.0"))) == {}


def test_only_the_fields_that_changed_are_sent_and_a_kept_phone_keeps_its_region():
    ada = stored(name="Ada", notes="n", phones=[{"label": "mobile", "number": "020 7946 0958",
                                                 "e164": "+442079460958", "region": "GB", "pref": None}])
    text = cards.card_text(ada).replace("NOTE:n", "NOTE:new note").replace(
        "END:VCARD", "TEL;TYPE=WORK:+1 415 555 0100\r\nEND:VCARD")
    changes = cards.changed_fields(ada, cards.read_card(text))
    assert sorted(changes) == ["notes", "phones"]
    assert changes["notes"] == "new note"
    assert changes["phones"][0] == {"label": "mobile", "number": "020 7946 0958", "pref": None, "region": "GB"}
    assert "region" not in changes["phones"][1]


def test_a_card_named_by_the_client_keeps_its_name_and_uid_hidden_or_written_back():
    card = cards.read_card("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:linus+t@example.org\r\nFN:Linus\r\nEND:VCARD\r\n")
    new = cards.new_contact("linus+t@example.org.vcf", card)
    assert new["id"] == cards.id_of("linus+t@example.org.vcf") and len(new["id"]) == 32
    stored_linus = stored(**{k: v for k, v in new.items() if k != "id"}, id=new["id"])
    assert cards.href_of(stored_linus) == "linus+t@example.org.vcf"
    assert cards.uid_of(stored_linus) == "linus+t@example.org"
    text = cards.card_text(stored_linus)
    assert "UID:linus+t@example.org" in text and cards.HREF_PROPERTY not in text
    # a plain name is the contact id itself, and needs nothing kept
    plain = cards.new_contact("3f2c.vcf", cards.read_card(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:3f2c\r\nFN:Plain\r\nEND:VCARD\r\n"))
    assert plain["id"] == "3f2c" and plain["extra"] == []
    # a client cannot plant a name of its own in the card
    planted = cards.read_card("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p1\r\nFN:P\r\nX-CONTACTS-HREF:other.vcf\r\nEND:VCARD\r\n")
    assert cards.new_contact("p1.vcf", planted)["extra"] == []


def test_the_etag_is_the_contact_stamp_and_if_match_names_it():
    ada = stored(name="Ada")
    assert cards.etag_of(ada) == f'"{contact_stamp(ada)}"'
    assert cards.stamp_of_etag(cards.etag_of(ada)) == contact_stamp(ada)
    assert cards.stamp_of_etag("W/" + cards.etag_of(ada)) == contact_stamp(ada)
    assert cards.stamp_of_etag("*") is None and cards.stamp_of_etag(None) is None


@pytest.mark.parametrize("name", ["", "a/b.vcf", "x" * 256, "tab\there.vcf"])
def test_names_a_card_cannot_have(name):
    with pytest.raises(cards.CardError):
        cards.check_name(name)


def test_tokens_round_trip_and_anything_else_is_refused():
    vector = VersionVector({1: 40, 2: 17})
    token = tokens.encode(vector)
    assert token == "urn:x-replicated-contacts:sync:1-40.2-17"
    assert tokens.decode(token) == vector
    assert tokens.decode(tokens.encode({})) == {}
    for bad in ("", "http://radicale.org/ns/sync/x", tokens.PREFIX + "1-40.1-41", tokens.PREFIX + "0-1",
                tokens.PREFIX + "1-", tokens.PREFIX + "a-1", tokens.PREFIX + "1-1" * 20000, None):
        with pytest.raises(ValueError):
            tokens.decode(bad)
