"""`contacts add/edit` flags of the rest of the rich fields (IM, related, gender, languages,
time zone, geo, keys, the structured name) and edit's one-entry list changes
(--add-X / --remove-X), against a real 3-replica cluster."""
import json

import pytest

from contacts import cli
from contacts.cluster import LocalCluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = LocalCluster(tmp_path_factory.mktemp("cli-rich-flags"))
    try:
        cluster.start(3)
        yield cluster
    finally:
        cluster.stop()


def run(cluster, capsys, *args):
    code = cli.main(["--ns", f"127.0.0.1:{cluster.ns_port}", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(cluster, capsys, *args):
    code, out, err = run(cluster, capsys, "--json", *args)
    assert code == 0, err or out
    return json.loads(out)


def stored(cluster, contact_id):
    with cluster.proxy(1) as book:
        contact = book.get_contact(contact_id)
    contact.pop("write", None)
    return contact


def test_add_sets_im_related_gender_languages_timezone_geo_keys_and_name_parts(cluster, capsys):
    added = run_json(cluster, capsys, "add", "Maria Clara da Silva",
                     "--name-parts", "family=da Silva; given=Maria; additional=Clara, Luísa; prefixes=Dra.",
                     "--im", "skype=skype:maria.c", "--im", "xmpp:maria@example.org",
                     "--related", "spouse=João Silva", "--related", "urn:uuid:0b7e-11",
                     "--gender", "female", "--language", "pt-BR", "--language", "en",
                     "--tz", "America/Fortaleza", "--geo", "-5.79,-35.21",
                     "--key", "https://example.com/maria.asc")
    assert added["n"] == {"family": ["da Silva"], "given": ["Maria"], "additional": ["Clara", "Luísa"],
                          "prefixes": ["Dra."], "suffixes": []}
    assert added["impps"] == [{"label": "skype", "uri": "skype:maria.c", "pref": None},
                              {"label": "", "uri": "xmpp:maria@example.org", "pref": None}]
    assert added["related"] == [{"label": "spouse", "value": "João Silva"},
                                {"label": "", "value": "urn:uuid:0b7e-11"}]
    assert (added["gender"], added["languages"], added["timezone"], added["geo"]) == (
        "F", ["pt-BR", "en"], "America/Fortaleza", "geo:-5.79,-35.21")
    assert added["keys"] == [{"label": "", "value": "https://example.com/maria.asc"}]
    code, out, _ = run(cluster, capsys, "show", added["id"])
    # the "name parts" line reads back as --name-parts takes it
    assert "  name parts    family=da Silva; given=Maria; additional=Clara, Luísa; prefixes=Dra." in out.splitlines()
    again = run_json(cluster, capsys, "add", "Same Parts", "--name-parts",
                     "family=da Silva; given=Maria; additional=Clara, Luísa; prefixes=Dra.")
    assert again["n"] == added["n"]
    # a value with a ',' or ';' of its own, escaped; other gender forms; a UTC offset
    odd = run_json(cluster, capsys, "add", "Odd Parts", "--name-parts", r"family=Smith\, Jones; suffixes=Jr\;Sr",
                   "--gender", "O;non-binary", "--timezone", "-03:00")
    assert odd["n"]["family"] == ["Smith, Jones"] and odd["n"]["suffixes"] == ["Jr;Sr"]
    assert (odd["gender"], odd["timezone"]) == ("O;non-binary", "-03:00")


def test_edit_changes_one_name_part_and_keeps_the_others(cluster, capsys):
    added = run_json(cluster, capsys, "add", "Ana Souza", "--given", "Ana", "--family", "Souza",
                     "--additional", "Maria")
    edited = run_json(cluster, capsys, "edit", added["id"], "--family", "Souza", "--family", "Lima",
                      "--suffix", "Jr.")
    assert edited["n"] == {"family": ["Souza", "Lima"], "given": ["Ana"], "additional": ["Maria"],
                           "prefixes": [], "suffixes": ["Jr."]}
    edited = run_json(cluster, capsys, "edit", added["id"], "--additional", "")
    assert edited["n"]["additional"] == [] and edited["n"]["given"] == ["Ana"]
    edited = run_json(cluster, capsys, "edit", added["id"], "--name-parts", "", "--gender", "",
                      "--tz", "", "--geo", "")
    assert (edited["n"], edited["gender"], edited["timezone"], edited["geo"]) == ({}, "", "", "")
    assert edited["name"] == "Ana Souza"


BAD = [
    (("--name-parts", "planet=Mars"), "'planet' is not a part of a name"),
    (("--name-parts", "Silva, Maria"), "is not PART=VALUE"),
    (("--name-parts", "family=a; family=b"), "family is given twice"),
    (("--name-parts", "family=; given="), "gives no part"),
    (("--name-parts", "family=A", "--given", "B"), "either --name-parts or --family"),
    (("--family", "x" * 201), "n.family[0]: is 201 characters long"),
    (("--im", "maria@example.org"), "'maria@example.org' is not a URI"),
    (("--im", "skype="), "has a label but no value"),
    (("--related", "x" * 2001), "related[0].value: is 2001 characters long"),
    (("--gender", "nonbinary"), "'nonbinary' is not a sex"),
    (("--language", "English"), "'English' is not a language tag"),
    (("--language", "pt_BR"), "'pt_BR' is not a language tag"),
    (("--timezone", "Mars/Olympus"), "neither a time zone name"),
    (("--tz", "+25:00"), "neither a time zone name"),
    (("--geo", "north"), "is not LATITUDE,LONGITUDE"),
    (("--geo", "91,0"), "latitude 91 is not between -90 and 90"),
    (("--geo", "0,-181"), "longitude -181 is not between -180 and 180"),
    (("--key", "not a key"), "'not a key' is not a URI"),
    (("--remove-nickname", "Nobody"), "the contact has no nickname 'Nobody' (its nicknames: 'Ze')"),
    (("--remove-address", "work"), "the contact has no address 'work' (its addresses: 'home: locality=Natal')"),
    (("--remove-address", "city=Recife"), "the contact has no address 'city=Recife'"),
    (("--remove-url", "https://other.example"), "has no url 'https://other.example'"),
    (("--remove-im", "xmpp:no@x.org"), "has no im 'xmpp:no@x.org'"),
    (("--remove-related", "Nobody"), "has no related 'Nobody'"),
    (("--remove-language", "fr"), "has no language 'fr' (its languages: 'pt-BR')"),
    (("--remove-key", "https://x/none.asc"), "has no key"),
    (("--remove-org-unit", "Nada"), "has no org-unit 'Nada'"),
    (("--add-address", "home: planet=Mars"), "'planet' is not a part of an address"),
    (("--add-im", "nope"), "'nope' is not a URI"),
]


def test_bad_values_are_refused_and_change_nothing(cluster, capsys):
    with cluster.proxy(1) as book:
        before = book.add_contact({"name": "Stays Put", "nicknames": ["Ze"], "languages": ["pt-BR"],
                                   "addresses": [{"label": "home", "locality": "Natal"}],
                                   "urls": [{"label": "", "url": "https://ze.example"}],
                                   "impps": [{"label": "", "uri": "xmpp:ze@x.org"}],
                                   "related": [{"label": "", "value": "Ana"}], "org_units": ["Vendas"],
                                   "keys": [{"label": "", "value": "https://x/ze.asc"}],
                                   "n": {"family": ["Put"], "given": ["Stays"]}, "gender": "M"})
    before.pop("write", None)
    for args, message in BAD:
        # a valid change beside the bad one: it must not be made either
        code, out, err = run(cluster, capsys, "edit", before["id"], "--name", "Renamed",
                             "--add-nickname", "New", *args)
        assert code == 2 and message in err, (args, code, err)
        assert stored(cluster, before["id"]) == before, args
    code, _, err = run(cluster, capsys, "add", "Never Added", "--gender", "x")
    assert code == 2 and "not a sex" in err
    with cluster.proxy(1) as book:
        assert book.search("Never Added") == []


def test_edit_adds_and_removes_single_entries_of_every_list(cluster, capsys):
    with cluster.proxy(1) as book:
        contact = book.add_contact({
            "name": "List Person", "nicknames": ["Li", "Lulu"],
            "addresses": [{"label": "home", "street": "Rua A, 12", "locality": "Natal"},
                          {"label": "work", "locality": "Recife", "pref": 1}],
            "urls": [{"label": "home", "url": "https://li.example", "pref": 2}],
            "impps": [{"label": "", "uri": "xmpp:li@x.org"}, {"label": "skype", "uri": "skype:li"}],
            "related": [{"label": "spouse", "value": "Ana"}], "org_units": ["Vendas", "Nordeste"],
            "languages": ["pt-BR", "en"], "keys": [{"label": "", "value": "https://li.example/k.asc"}]})
    edited = run_json(cluster, capsys, "edit", contact["id"],
                      "--remove-nickname", "lulu", "--add-nickname", "Lia",
                      "--remove-address", "home", "--add-address", "other: city=Mossoró",
                      "--add-url", "blog=https://li.example/blog",
                      "--remove-im", "XMPP:li@x.org", "--add-im", "sip:li@x.org",
                      "--remove-related", "spouse=Ana", "--add-related", "child=Bia",
                      "--remove-org-unit", "Nordeste", "--add-language", "es", "--remove-language", "EN",
                      "--remove-key", "https://li.example/k.asc")
    assert edited["nicknames"] == ["Li", "Lia"]
    # the entries not named are sent back as they were: labels and prefs kept
    assert edited["addresses"][0] == contact["addresses"][1]
    assert edited["addresses"][1]["label"] == "other" and edited["addresses"][1]["locality"] == "Mossoró"
    assert edited["urls"] == contact["urls"] + [{"label": "blog", "url": "https://li.example/blog", "pref": None}]
    assert edited["impps"] == [contact["impps"][1], {"label": "", "uri": "sip:li@x.org", "pref": None}]
    assert edited["related"] == [{"label": "child", "value": "Bia"}]
    assert edited["org_units"] == ["Vendas"] and edited["languages"] == ["pt-BR", "es"]
    assert edited["keys"] == []
    # removing by parts of an address; the replacing form still replaces
    edited = run_json(cluster, capsys, "edit", contact["id"], "--remove-address", "city=recife",
                      "--url", "https://only.example", "--nickname", "")
    assert [a["locality"] for a in edited["addresses"]] == ["Mossoró"]
    assert edited["urls"] == [{"label": "", "url": "https://only.example", "pref": None}]
    assert edited["nicknames"] == []
    assert stored(cluster, contact["id"])["languages"] == ["pt-BR", "es"]


def test_values_starting_with_a_dash_are_taken_as_values(cluster, capsys):
    # a southern latitude and a zone west of UTC, written without '='
    added = run_json(cluster, capsys, "add", "Dash Values", "--geo", "-5.79,-35.21", "--tz", "-03:00",
                     "--birthday", "--0415")
    assert (added["geo"], added["timezone"], added["birthday"]) == ("geo:-5.79,-35.21", "-03:00", "--04-15")


def test_removing_an_entry_removes_its_vcard_parameters_so_export_and_import_change_nothing(cluster, capsys,
                                                                                           tmp_path):
    from contacts.formats.vcard import dumps_vcards, parse_vcards
    card = ("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:orphans-1\r\nFN:Orphan Params\r\nLANG;PREF=1:fr\r\n"
            "LANG;PREF=2:en\r\nitem1.ADR;TYPE=HOME:;;Rua A;Natal;;;\r\nitem1.X-ABADR:br\r\n"
            "item2.ADR:;;Rua B;Recife;;;\r\nitem2.X-ABLabel:casa de praia\r\nEND:VCARD\r\n")
    path = tmp_path / "orphans.vcf"
    path.write_text(card)
    assert run(cluster, capsys, "import", str(path), "--no-progress")[0] == 0
    edited = run_json(cluster, capsys, "edit", "orphan params", "--remove-language", "en",
                      "--remove-address", "city=Natal")
    assert edited["languages"] == ["fr"] and [a["locality"] for a in edited["addresses"]] == ["Recife"]
    # the PREF=2 of 'en' is gone with it; fr's PREF=1 and the verbatim X-ABADR line stay
    assert {"group": "", "name": "LANG", "params": {"PREF": ["2"]}, "value": "en"} not in edited["extra"]
    assert {"group": "", "name": "LANG", "params": {"PREF": ["1"]}, "value": "fr"} in edited["extra"]
    assert {"group": "item1", "name": "X-ABADR", "params": {}, "value": "br"} in edited["extra"]
    fetched = stored(cluster, edited["id"])
    for version in ("3.0", "4.0"):
        (entry,) = parse_vcards(dumps_vcards([fetched], version))
        again = {k: v for k, v in entry.contact.items() if k in fetched}
        mine = {k: fetched[k] for k in again if k not in ("id", "updated", "photo", "phones")}
        assert {k: again[k] for k in mine} == mine, version


def test_a_custom_key_label_survives_a_vcard_round_trip():
    from contacts.formats.vcard import contact_to_vcard, parse_vcards
    keys = [{"label": "pgp", "value": "https://e.example/k.asc"}, {"label": "work", "value": "https://e.example/w.asc"}]
    for version in ("3.0", "4.0"):
        (entry,) = parse_vcards(contact_to_vcard({"id": "k", "name": "Keys", "keys": keys}, version))
        assert entry.contact["keys"] == keys and entry.contact["extra"] == [], version
