"""Property-based round trips: any contact dict of the contract (docs/contact-model.md),
written as vCard 3.0 or 4.0 and read back, is the same dict."""
import base64
import datetime
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contacts.formats.vcard import RELATED_TYPES, dumps_vcards, empty_contact, parse_vcards

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_chars = st.characters(blacklist_categories=("Cc", "Cs"))
#: a stripped string without control characters (the contract's every string)
text = st.text(_chars, max_size=20).map(str.strip)
some_text = text.filter(bool)
multiline = st.lists(text, max_size=3).map("\n".join).map(str.strip)
pref = st.one_of(st.none(), st.integers(1, 100))
STANDARD = ["", "home", "work", "mobile", "fax", "pager", "work mobile", "home fax", "other", "main", "text",
            "video", "voice"]
custom_label = some_text.filter(lambda s: not s.startswith("_$!<") and not s.upper().startswith("X-"))
label = st.one_of(st.sampled_from(STANDARD), custom_label)
related_label = st.one_of(st.sampled_from([""] + sorted(RELATED_TYPES)), custom_label)
date = st.one_of(
    st.just(""),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.dates().map(lambda d: f"--{d.month:02d}-{d.day:02d}"),
    st.integers(1000, 2999).map(str),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}"),
    st.datetimes(min_value=datetime.datetime(1000, 1, 1)).map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%S") + "Z"),
).filter(lambda d: not d[:4].isdigit() or int(d[:4]) >= 1000)
token = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=8)
param_value = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"'),
                      min_size=1, max_size=10).map(str.strip).filter(bool)
extra = st.fixed_dictionaries({
    "group": st.one_of(st.just(""), st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6)),
    "name": token.map(lambda t: "X-T" + t),
    "params": st.dictionaries(token.map(lambda t: "X-P" + t), st.lists(param_value, min_size=1, max_size=2),
                              max_size=2),
    "value": some_text.map(lambda s: s.replace("\\", "/")),
})
n_parts = st.lists(some_text.map(lambda s: s.replace(",", " ").strip()).filter(bool), max_size=2)
n = st.one_of(st.just({}), st.fixed_dictionaries({k: n_parts for k in ("family", "given", "additional",
                                                                         "prefixes", "suffixes")})
              .filter(lambda n: any(n.values())))
photo = st.one_of(st.just({}), st.binary(min_size=1, max_size=60).map(lambda b: {"data": base64.b64encode(b).decode()}),
                  st.just({"uri": "https://example.com/a.jpg"}))
uri = st.one_of(some_text, st.sampled_from(["https://example.com/a,b;c", "xmpp:a@b.c", "urn:uuid:1234"]))


def entries(**fields):
    return st.lists(st.fixed_dictionaries(fields), max_size=3)


contacts = st.fixed_dictionaries({
    "id": st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12),
    "name": some_text,
    "n": n,
    "nicknames": st.lists(some_text.map(lambda s: s.replace(",", ";")), max_size=2),
    "photo": photo,
    "birthday": date, "anniversary": date,
    "addresses": entries(label=label, pobox=text, extended=text, street=multiline, locality=text, region=text,
                         postcode=text, country=text, pref=pref).map(
        lambda items: [a for a in items if any(a[k] for k in ("pobox", "extended", "street", "locality", "region",
                                                              "postcode", "country"))]),
    "phones": entries(label=label, number=some_text.filter(lambda s: not s.lower().startswith("tel:")), pref=pref),
    "emails": entries(label=label, address=some_text, pref=pref),
    "urls": entries(label=label, url=uri, pref=pref),
    "impps": entries(label=label, uri=uri, pref=pref),
    "organization": some_text,
    "org_units": st.lists(some_text, max_size=2),
    "title": text, "role": text,
    "groups": st.lists(some_text.filter(lambda g: g.lower() != "starred"), max_size=3, unique=True),
    "related": entries(label=related_label, value=uri),
    "gender": st.sampled_from(["", "F", "M", "O", "N", "U", "O;non-binary", ";agender"]),
    "languages": st.lists(st.sampled_from(["pt-BR", "en", "fr", "yo"]), max_size=2),
    "timezone": st.sampled_from(["", "America/Fortaleza", "-0300", "+05:30"]),
    "geo": st.sampled_from(["", "geo:-5.79,-35.21", "geo:46.772673,-71.282945"]),
    "keys": entries(label=st.sampled_from(["", "home", "work"]),
                    value=st.sampled_from(["https://example.com/key.asc",
                                           "data:application/pgp-keys;base64,AAECAw=="])),
    "starred": st.booleans(),
    "notes": multiline,
    "extra": st.lists(extra, max_size=3),
})


def expected(contact):
    return dict(empty_contact(), **contact)


@SETTINGS
@given(st.lists(contacts, min_size=1, max_size=3), st.sampled_from(["3.0", "4.0"]))
def test_any_contact_dict_survives_a_vcard_round_trip(batch, version):
    text = dumps_vcards(batch, version=version)
    entries_read = list(parse_vcards(text))
    assert [e.error for e in entries_read] == [None] * len(batch)
    assert [e.contact for e in entries_read] == [expected(c) for c in batch]


@SETTINGS
@given(contacts, st.sampled_from(["3.0", "4.0"]), st.sampled_from(["3.0", "4.0"]))
def test_a_file_written_in_one_version_and_rewritten_in_the_other_reads_the_same(contact, first, second):
    once = [e.contact for e in parse_vcards(dumps_vcards([contact], version=first))]
    twice = [e.contact for e in parse_vcards(dumps_vcards(once, version=second))]
    assert twice == once == [expected(contact)]
