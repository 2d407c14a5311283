"""Validation of what users send: every rule, the exception type and a message naming the field.

A bare Pyro5 client receives these as their built-in bases (ValueError, TypeError), so
each test checks both the precise class and that it *is* that built-in.
"""
import pytest

from contacts import model
from contacts.errors import ValidationError, WrongTypeError
from contacts.model import (MAX_EMAIL, MAX_EMAILS, MAX_ID, MAX_LABEL, MAX_NAME, MAX_NOTES, MAX_ORGANIZATION,
                            MAX_PHONE, MAX_PHONES, normalize_changes, normalize_new_contact)

PHONE = {"label": "mobile", "number": "+44 20 7946 0958"}
EMAIL = {"label": "work", "address": "ada@example.com"}


def new(**fields):
    return normalize_new_contact({"name": "Ada", **fields}, "US")


def rejected(error_type, field, call, *args, **kwargs):
    """Assert that call(*args) raises error_type and that its message starts with the field."""
    with pytest.raises(error_type) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert message.startswith(field + ":"), message
    assert info.value.field == field
    assert len(message) > len(field) + 5, "the message must say what is wrong"
    return message


# -- a valid contact --------------------------------------------------------------------
def test_valid_contact_is_normalized_and_filled_in():
    contact_id, fields = normalize_new_contact(
        {"name": "  Ada Lovelace  ", "phones": [PHONE], "emails": [EMAIL],
         "organization": " Analytical Engines ", "notes": "line one\nline two\tindented"}, "US")
    assert contact_id is None
    assert fields == {
        "name": "Ada Lovelace",
        "phones": [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958",
                    "region": "", "pref": None}],
        "emails": [{"label": "work", "address": "ada@example.com", "pref": None}],
        "organization": "Analytical Engines",
        "notes": "line one\nline two\tindented"}


def test_only_name_is_required_and_other_fields_default_to_empty():
    assert new() == (None, {"name": "Ada", "phones": [], "emails": [], "organization": "",
                            "notes": ""})


def test_metadata_of_a_fetched_contact_is_accepted_and_ignored():
    contact_id, fields = normalize_new_contact(
        {"id": "c-1", "name": "Ada", "deleted": False, "updated": [4, 1],
         "write": {"origin": 1, "seq": 4}}, "US")
    assert contact_id == "c-1"
    assert set(fields) == set(model.BASE_FIELDS)


# -- name -------------------------------------------------------------------------------
def test_name_is_required():
    assert "is required" in rejected(ValidationError, "name", normalize_new_contact,
                                     {"organization": "X"}, "US")


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_name_must_not_be_blank(blank):
    assert "must not be empty" in rejected(ValidationError, "name", new, name=blank)


def test_name_must_be_a_string():
    assert "must be a string, not int" in rejected(WrongTypeError, "name", new, name=42)
    rejected(WrongTypeError, "name", new, name=None)
    rejected(WrongTypeError, "name", new, name=["Ada"])


# -- phones -----------------------------------------------------------------------------
def test_phone_keeps_what_was_typed_and_its_e164_form():
    _, fields = new(phones=[{"label": "home", "number": "+55 (11) 98765-4321"}])
    assert fields["phones"] == [{"label": "home", "number": "+55 (11) 98765-4321",
                                 "e164": "+5511987654321", "region": "", "pref": None}]


def test_phone_without_country_code_uses_the_default_region():
    _, us = normalize_new_contact({"name": "A", "phones": [{"number": "(415) 555-2671"}]}, "US")
    assert us["phones"][0]["e164"] == "+14155552671"
    _, br = normalize_new_contact({"name": "A", "phones": [{"number": "11 98765-4321"}]}, "BR")
    assert br["phones"][0] == {"label": "", "number": "11 98765-4321", "e164": "+5511987654321",
                               "region": "BR", "pref": None}


def test_phone_without_country_code_and_without_region_is_kept_without_e164():
    # issue 14: a phone never makes a contact refused; E.164 only when certain
    _, fields = normalize_new_contact({"name": "A", "phones": [{"number": "11 98765-4321"}]}, None)
    assert fields["phones"][0] == {"label": "", "number": "11 98765-4321", "e164": "", "region": "",
                                   "pref": None}


def test_issue14_phone_examples():
    _, br = normalize_new_contact({"name": "A", "phones": [{"number": "(84) 98888-7777"}]}, "BR")
    assert br["phones"][0]["e164"] == "+5584988887777" and br["phones"][0]["region"] == "BR"
    assert br["phones"][0]["number"] == "(84) 98888-7777"
    _, none = normalize_new_contact({"name": "A", "phones": [{"number": "(84) 98888-7777"}]}, None)
    assert none["phones"][0]["number"] == "(84) 98888-7777" and none["phones"][0]["e164"] == ""
    _, ng = normalize_new_contact({"name": "A", "phones": [{"number": "+234 1 234 5678"}]}, None)
    assert ng["phones"][0]["number"] == "+234 1 234 5678"
    assert ng["phones"][0]["e164"] in ("", "+23412345678") and ng["phones"][0]["region"] == ""


def test_a_supplied_e164_is_recomputed_not_trusted():
    _, fields = new(phones=[{"number": "+44 20 7946 0958", "e164": "+19999999999"}])
    assert fields["phones"][0]["e164"] == "+442079460958"


@pytest.mark.parametrize("garbage", ["abc", "call me", "12", "+1 2", "+999 1234567",
                                     "1" * MAX_PHONE])
def test_garbage_phone_is_kept_as_typed_without_e164(garbage):
    _, fields = new(phones=[{"number": garbage}])
    assert fields["phones"][0]["number"] == garbage and fields["phones"][0]["e164"] == ""


def test_empty_phone_number_is_rejected():
    rejected(ValidationError, "phones[0].number", new, phones=[{"number": "  "}])


def test_phone_entry_needs_a_number_and_known_keys():
    rejected(ValidationError, "phones[0].number", new, phones=[{"label": "mobile"}])
    message = rejected(ValidationError, "phones[1]", new, phones=[PHONE, {**PHONE, "ext": "12"}])
    assert "ext" in message


def test_phone_wrong_types():
    assert "must be a list" in rejected(WrongTypeError, "phones", new, phones="+1 415 555 2671")
    rejected(WrongTypeError, "phones", new, phones={"number": "+1 415 555 2671"})
    assert "must be a dict" in rejected(WrongTypeError, "phones[0]", new, phones=["+1 415 555 2671"])
    rejected(WrongTypeError, "phones[0].number", new, phones=[{"number": 4155552671}])
    rejected(WrongTypeError, "phones[0].label", new, phones=[{"number": "+1 415 555 2671", "label": 3}])


def test_phone_number_length_limit():
    message = rejected(ValidationError, "phones[0].number", new,
                       phones=[{"number": "+1 415 555 2671" + " " * 20 + "0" * MAX_PHONE}])
    assert str(MAX_PHONE) in message


# -- emails -----------------------------------------------------------------------------
def test_email_is_normalized():
    _, fields = new(emails=[{"label": "home", "address": " Ada@Example.COM "}])
    assert fields["emails"] == [{"label": "home", "address": "Ada@example.com", "pref": None}]


@pytest.mark.parametrize("bad", ["ada", "ada@", "@example.com", "a@b", "x@@y.com", "a b@example.com",
                                 "ada@exa mple.com"])
def test_bad_email_syntax_is_rejected(bad):
    message = rejected(ValidationError, "emails[0].address", new, emails=[{"address": bad}])
    assert "not an email address" in message


def test_email_is_checked_for_syntax_only_never_dns():
    # a domain that has no DNS records at all: accepted, since nothing is looked up
    _, fields = new(emails=[{"address": "someone@no-such-host-x7q2z9.example.org"}])
    assert fields["emails"][0]["address"] == "someone@no-such-host-x7q2z9.example.org"


def test_email_entry_needs_an_address_and_known_keys():
    rejected(ValidationError, "emails[0].address", new, emails=[{"label": "work"}])
    assert "number" in rejected(ValidationError, "emails[0]", new,
                                emails=[{"address": "a@example.com", "number": "1"}])


def test_email_wrong_types():
    rejected(WrongTypeError, "emails", new, emails="ada@example.com")
    rejected(WrongTypeError, "emails[0]", new, emails=["ada@example.com"])
    rejected(WrongTypeError, "emails[0].address", new, emails=[{"address": ["ada@example.com"]}])


def test_email_length_limit():
    too_long = "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "com"
    assert len(too_long) > MAX_EMAIL
    rejected(ValidationError, "emails[0].address", new, emails=[{"address": too_long}])


# -- labels -----------------------------------------------------------------------------
def test_labels_are_optional_stripped_and_limited():
    _, fields = new(phones=[{"number": "+1 415 555 2671"}], emails=[{"label": " work ", "address": "a@example.com"}])
    assert fields["phones"][0]["label"] == ""
    assert fields["emails"][0]["label"] == "work"
    new(phones=[{"number": "+1 415 555 2671", "label": "x" * MAX_LABEL}])
    message = rejected(ValidationError, "phones[0].label", new,
                       phones=[{"number": "+1 415 555 2671", "label": "x" * (MAX_LABEL + 1)}])
    assert f"limit is {MAX_LABEL}" in message
    rejected(ValidationError, "emails[0].label", new,
             emails=[{"address": "a@example.com", "label": "x" * (MAX_LABEL + 1)}])
    rejected(ValidationError, "emails[0].label", new,
             emails=[{"address": "a@example.com", "label": "wo\x1brk"}])


# -- size limits on every field and on the number of entries -----------------------------
@pytest.mark.parametrize("field, limit", [("name", MAX_NAME), ("organization", MAX_ORGANIZATION),
                                          ("notes", MAX_NOTES)])
def test_text_field_size_limits(field, limit):
    base = {"name": "Ada"}
    assert normalize_new_contact({**base, field: "x" * limit}, "US")[1][field] == "x" * limit
    message = rejected(ValidationError, field, normalize_new_contact,
                       {**base, field: "x" * (limit + 1)}, "US")
    assert f"is {limit + 1} characters long, the limit is {limit}" in message


def test_number_of_phones_and_emails_is_limited():
    phones = [{"number": f"+1 415 555 {2600 + i:04d}"} for i in range(MAX_PHONES)]
    emails = [{"address": f"a{i}@example.com"} for i in range(MAX_EMAILS)]
    _, fields = new(phones=phones, emails=emails)
    assert len(fields["phones"]) == MAX_PHONES and len(fields["emails"]) == MAX_EMAILS
    assert f"limit is {MAX_PHONES}" in rejected(ValidationError, "phones", new,
                                                phones=phones + [PHONE])
    assert f"limit is {MAX_EMAILS}" in rejected(ValidationError, "emails", new,
                                                emails=emails + [EMAIL])


# -- unknown keys, wrong types, control characters ---------------------------------------
def test_unknown_keys_are_rejected_naming_the_key():
    message = rejected(ValidationError, "nickname", new, nickname="Ada")
    assert "contact fields are: name, n, nicknames, photo" in message


def test_contact_must_be_a_dict_with_string_keys():
    rejected(WrongTypeError, "contact", normalize_new_contact, ["Ada"], "US")
    rejected(WrongTypeError, "contact", normalize_new_contact, "Ada", "US")
    rejected(WrongTypeError, "contact", normalize_new_contact, None, "US")
    rejected(WrongTypeError, "contact", normalize_new_contact, {"name": "Ada", 1: "x"}, "US")


@pytest.mark.parametrize("field", ["organization", "notes"])
def test_optional_text_fields_must_be_strings(field):
    rejected(WrongTypeError, field, new, **{field: 3})
    rejected(WrongTypeError, field, new, **{field: None})


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\r", "\n", "\t"])
def test_control_characters_rejected_in_single_line_fields(char):
    assert "control characters" in rejected(ValidationError, "name", new, name=f"Ada{char}Lovelace")
    rejected(ValidationError, "organization", new, organization=f"Analytical{char}Engines")


def test_notes_allow_newlines_and_tabs_but_no_other_control_characters():
    assert new(notes="one\ntwo\r\n\tthree")[1]["notes"] == "one\ntwo\r\n\tthree"
    for char in ("\x00", "\x07", "\x1b", "\x7f", "\x0b"):
        rejected(ValidationError, "notes", new, notes=f"one{char}two")


def test_lone_surrogates_are_rejected():
    # they cross the wire (serpent) but no UTF-8 store can hold them
    assert "not valid Unicode" in rejected(ValidationError, "name", new, name="Ada \ud800")
    rejected(ValidationError, "notes", new, notes="\udfff")
    rejected(ValidationError, "emails[0].label", new, emails=[{"label": "\ud83d", "address": "a@example.com"}])


def test_unicode_text_is_kept():
    assert new(name="José Ñúñez 李")[1]["name"] == "José Ñúñez 李"


# -- ids --------------------------------------------------------------------------------
@pytest.mark.parametrize("good", ["c1", "3f2c9a", "a.b_c:d-e", "A" * MAX_ID])
def test_good_ids(good):
    assert new(id=good)[0] == good


@pytest.mark.parametrize("bad", ["", "has space", "-leading-dash", "a/b", "é", "A" * (MAX_ID + 1),
                                 "x\n"])
def test_bad_ids_are_rejected(bad):
    rejected(ValidationError, "id", new, id=bad)


def test_id_must_be_a_string():
    rejected(WrongTypeError, "id", new, id=12)
    rejected(WrongTypeError, "contact_id", model.check_contact_id, 12, "contact_id")


def test_id_none_means_the_replica_chooses():
    assert new(id=None)[0] is None
    assert model.check_contact_id(model.new_contact_id()) != model.new_contact_id()


# -- changes (update_contact) ------------------------------------------------------------
def test_changes_validate_only_the_fields_they_name():
    assert normalize_changes({"organization": "Engines"}, "US") == {"organization": "Engines"}
    assert normalize_changes({"id": "c1", "updated": [1, 1], "name": " B "}, "US") == {"name": "B"}


def test_changes_are_validated_like_new_contacts():
    rejected(ValidationError, "name", normalize_changes, {"name": ""}, "US")
    rejected(ValidationError, "phones[0].number", normalize_changes, {"phones": [{"number": "a\x00bc"}]}, "US")
    rejected(ValidationError, "nickname", normalize_changes, {"nickname": "x"}, "US")
    rejected(WrongTypeError, "changes", normalize_changes, [("name", "B")], "US")


def test_changes_must_name_a_field():
    assert "names no field" in rejected(ValidationError, "changes", normalize_changes, {}, "US")
    rejected(ValidationError, "changes", normalize_changes, {"id": "c1", "deleted": False}, "US")


# -- replication input -------------------------------------------------------------------
def test_stored_phones_need_their_e164_form_and_ignore_the_region():
    stored = [{"label": "", "number": "11 98765-4321", "e164": "+5511987654321"}]
    assert model.check_stored_field("phones", stored) == stored
    rejected(ValidationError, "phones[0].e164", model.check_stored_field, "phones",
             [{"label": "", "number": "11 98765-4321"}])
    # a number that was not certain is stored with e164 "" (issue 14)
    assert model.check_stored_field("phones", [{"label": "", "number": "x", "e164": ""}])[0]["e164"] == ""
    rejected(ValidationError, "phones[0].e164", model.check_stored_field, "phones",
             [{"label": "", "number": "x", "e164": "+1"}])
    with pytest.raises(KeyError):
        model.check_stored_field("nickname", "x")  # checks.py never asks for an unknown one


@pytest.mark.parametrize("e164", ["+1", "+123", "442079460958", "+44 20 7946 0958", "+442079460958\n",
                                  "+0442079460958", "+9991234567", "+" + "4" * 21, "+\u0664\u0664207946",
                                  442079460958, None])
def test_stored_phones_refuse_an_e164_that_is_not_one(e164):
    # not normalized, too short or long, no known country code, other scripts' digits, not a string
    message = rejected(ValidationError, "phones[0].e164", model.check_stored_field,
                       "phones", [{"label": "", "number": "x", "e164": e164}])
    assert "E.164" in message


def test_stored_phones_keep_their_values_and_still_check_label_and_number():
    stored = [{"label": "work", "number": "(415) 555-2671", "e164": "+14155552671"},
              {"label": "", "number": "+49 30", "e164": "+4930"},   # the shortest phonenumbers accepts
              {"label": "", "number": "+81 " + "9" * 17, "e164": "+81" + "9" * 17}]   # and the longest
    assert model.check_stored_field("phones", stored) == stored
    rejected(ValidationError, "phones[0].number", model.check_stored_field, "phones",
             [{"label": "", "number": "1\x00", "e164": "+14155552671"}])
    rejected(ValidationError, "phones[0].label", model.check_stored_field, "phones",
             [{"label": "\ud800", "number": "1", "e164": "+14155552671"}])
    rejected(ValidationError, "phones", model.check_stored_field, "phones",
             [{"number": "1", "e164": "+14155552671"}] * (MAX_PHONES + 1))


def test_every_number_the_write_path_accepts_passes_the_peer_check():
    """Peers check shape only: they must never refuse what a replica accepted (for any
    country, at each length phonenumbers allows), or that replica's write would never spread."""
    import phonenumbers
    accepted = 0
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        for length in range(1, 20):
            try:
                typed, e164 = model.normalize_phone(f"+{code} " + "9" * length, None)
            except ValidationError:
                continue
            phones = [{"label": "", "number": typed, "e164": e164}]
            assert model.check_stored_field("phones", phones) == phones
            accepted += 1
    assert accepted > 500


def test_stored_emails_are_normalized_as_user_input():
    assert model.check_stored_field("emails", [{"label": "", "address": "Ada@Example.COM"}]) == \
        [{"label": "", "address": "Ada@example.com"}]
    assert model.check_stored_field("emails", [{"label": "", "address": "ada@bücher.example"}]) == \
        [{"label": "", "address": "ada@bücher.example"}]
    rejected(ValidationError, "emails[0].address", model.check_stored_field, "emails",
             [{"label": "", "address": "ada@example.test"}])


# -- search helpers ----------------------------------------------------------------------
def test_search_folds_case_and_accents():
    assert model.fold("José ÅNGSTRÖM") == "jose angstrom"
    assert "jose" in model.search_text({"name": "José"})


def test_phone_digits_and_query_digits():
    fields = {"phones": [{"number": "+55 11 98765-4321", "e164": "+5511987654321"}]}
    assert model.query_digits("98765 4321") in model.phone_digits(fields)
    assert model.query_digits("(11) 98765-4321") in model.phone_digits(fields)
    assert model.query_digits("Ada") == ""
    assert model.query_digits("12") == ""
