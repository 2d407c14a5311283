"""The plain-ASCII email path of contacts.model agrees with email_validator.

``_plain_email`` skips the library for common addresses; it may decline anything (the
library then decides), but whatever it returns must be exactly the library's
normalized form, so it never takes an address the library refuses.
"""
import string

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contacts.model import _plain_email, normalize_email


def library(address):
    """email_validator's normalized form of ``address``, or None if it refuses it."""
    try:
        return email_validator.validate_email(address, check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        return None


def assert_agrees(address):
    fast = _plain_email(address)
    if fast is not None:
        assert fast == library(address), address
    return fast


ATEXT = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-"
LDH = string.ascii_letters + string.digits + "-"
atoms = st.text(st.sampled_from(ATEXT), min_size=1, max_size=24)
# role mailboxes are lower-cased by the library: draw them in any case
local_parts = st.one_of(
    st.lists(atoms, min_size=1, max_size=4).map(".".join),
    st.sampled_from(["info", "Postmaster", "SALES", "abuse", "WebMaster"]),
    st.integers(60, 70).map(lambda n: "a" * n))
labels = st.one_of(st.text(st.sampled_from(LDH), min_size=1, max_size=20),
                   st.sampled_from(["xn--bcher-kva", "ab--cd", "a-b--c", "-x", "x-", "XN--80AK6AA92E"]),
                   st.integers(60, 66).map(lambda n: "d" * n))
tlds = st.one_of(st.text(st.sampled_from(string.ascii_letters), min_size=1, max_size=8),
                 st.sampled_from(["COM", "test", "Local", "ARPA", "onion", "invalid", "localhost",
                                  "123", "c0m", "xn--p1ai", "x" * 64]),
                 st.text(st.sampled_from(LDH), min_size=1, max_size=6))
domains = st.tuples(st.lists(labels, min_size=0, max_size=4), tlds).map(
    lambda parts: ".".join(parts[0] + [parts[1]]))
#: addresses built to look like what the fast path takes, with the edge cases mixed in
shaped = st.tuples(local_parts, domains).map("@".join)
#: any ASCII around an '@' (quotes, brackets, spaces, controls, several '@' ...)
ascii_text = st.text(st.characters(max_codepoint=127), max_size=40)
arbitrary = st.tuples(ascii_text, ascii_text).map("@".join)


@settings(max_examples=1500, deadline=None)
@given(shaped)
def test_shaped_addresses_get_the_library_result_or_fall_back(address):
    assert_agrees(address)


@settings(max_examples=1000, deadline=None)
@given(arbitrary)
def test_arbitrary_ascii_gets_the_library_result_or_falls_back(address):
    assert_agrees(address)


@pytest.mark.parametrize("address, expected", [
    ("person1@example.com", "person1@example.com"),
    ("Ada@Example.COM", "Ada@example.com"),                 # domain lower-cased, local part kept
    ("O'Brien+tag/x=y@Mail.Example.co.UK", "O'Brien+tag/x=y@mail.example.co.uk"),
    ("Postmaster@Example.org", "postmaster@example.org"),   # RFC 2142 role name: lower-cased
    ("a" * 64 + "@example.com", "a" * 64 + "@example.com"),
    ("a-b--c@a-b.example.com", "a-b--c@a-b.example.com"),
])
def test_common_addresses_take_the_fast_path(address, expected):
    assert assert_agrees(address) == expected


@pytest.mark.parametrize("address, accepted", [
    ('"ada lovelace"@example.com', False),   # quoted local part (the library refuses it)
    ("ada@[192.168.0.1]", False),            # IP literal
    ("ada@example.test", False),             # special-use names
    ("ada@mail.LOCAL", False),
    ("ada@x.arpa", False),
    ("ada@example.123", False),              # numeric TLD
    ("a" * 65 + "@example.com", True),       # 65 characters before '@': the library allows it
    ("ada..lovelace@example.com", False),
    (".ada@example.com", False),
    ("ada.@example.com", False),
    ("ada@example-.com", False),             # label ending with a hyphen
    ("ada@-example.com", False),
    ("ada@ab--cd.com", False),               # reserved 'ab--' label
    ("ada@xn--bcher-kva.example", True),     # Punycode: the library decodes it
    ("ada@my-site.c0m", True),               # TLD ending in a letter but not alphabetic
    ("Ada Lovelace <ada@example.com>", False),
    ("ada@example.com.", False),
    ("ada@bücher.example", True),            # not ASCII
])
def test_edge_cases_fall_back_to_the_library(address, accepted):
    assert _plain_email(address) is None
    assert (library(address) is not None) == accepted, address
    if accepted:
        assert normalize_email(address) == library(address)
