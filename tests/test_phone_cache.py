"""read_phone remembers its answers (contacts.fields.PHONE_CACHE): what a caller sees must
be exactly what an uncached parse gives, per region, and bad input is still refused."""
import pytest

from contacts import fields
from contacts.errors import ValidationError, WrongTypeError
from contacts.model import normalize_changes, normalize_new_contact


def _uncached(typed, region):
    return fields.read_phone.__wrapped__(typed, region)


@pytest.mark.parametrize("typed", ["(84) 3215-0042", "+55 84 90042-7777", "+1 212 555 0042", "212 555 0042",
                                   "not a number", "12"])
def test_cached_answer_is_the_parse_in_every_region(typed):
    for region in ("BR", "US", "GB", None, ""):
        first = fields.read_phone(typed, region)
        assert first == _uncached(typed, region)
        assert fields.read_phone(typed, region) == first   # the remembered one


def test_same_number_in_two_regions_is_read_in_each():
    # a number typed the local way means another phone in another region: the cache must not mix them
    contact = {"name": "Ana", "phones": [{"label": "home", "number": "(84) 3215-0042"}]}
    _, br = normalize_new_contact(contact, "BR")
    _, us = normalize_new_contact(contact, "US")
    _, br_again = normalize_new_contact(contact, "BR")
    assert br["phones"][0]["e164"] == "+558432150042" and br["phones"][0]["region"] == "BR"
    assert us["phones"][0]["e164"] == "+18432150042" and us["phones"][0]["region"] == "US"
    assert br_again == br


def test_contact_sent_back_is_normalized_the_same():
    _, first = normalize_new_contact({"name": "Ana", "phones": [{"number": "+44 20 7946 0958"}]}, None)
    again = normalize_changes({"phones": first["phones"]}, None)
    assert again["phones"] == first["phones"]


def test_bad_input_still_refused_after_good_one_was_cached():
    normalize_changes({"phones": [{"number": "+44 20 7946 0958"}]}, None)
    with pytest.raises(ValidationError, match="number"):
        normalize_changes({"phones": [{"number": "+44 20 7946 0958\x00"}]}, None)
    with pytest.raises(WrongTypeError, match="number"):
        normalize_changes({"phones": [{"number": 442079460958}]}, None)
    with pytest.raises(ValidationError, match="number"):
        normalize_changes({"phones": [{"number": "9" * (fields.MAX_PHONE + 1)}]}, None)
