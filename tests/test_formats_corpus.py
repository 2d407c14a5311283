"""Real-world exports (tests/corpus/, written from the documented formats of each app):
every card and row is read whole, nothing is ignored, and export -> import gives the same
contact dicts (no cluster needed)."""
from pathlib import Path

import pytest

from contacts.formats.csvio import detect_style, dumps_csv, parse_csv
from contacts.formats.importing import for_model, read_entries
from contacts.formats.vcard import dumps_vcards, parse_vcards

CORPUS = Path(__file__).parent / "corpus"
VCARDS = sorted(p.name for p in CORPUS.glob("*.vcf"))
CSVS = sorted(p.name for p in CORPUS.glob("*.csv"))


def read(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    return list(parse_vcards(text) if name.endswith(".vcf") else parse_csv(text))


def by_name(name):
    return {e.contact["name"]: e.contact for e in read(name)}


def test_the_corpus_has_every_kind_of_export():
    assert set(VCARDS) == {"google.vcf", "iphone.vcf", "android-2.1.vcf", "thunderbird-4.0.vcf", "outlook.vcf",
                           "rfc6350-example.vcf"}
    assert set(CSVS) == {"google.csv", "outlook.csv"}


@pytest.mark.parametrize("name", VCARDS + CSVS)
def test_every_entry_is_read_with_nothing_ignored_or_refused(name):
    entries = read(name)
    assert entries
    assert [(e.line, e.error) for e in entries if e.error] == []
    assert [e.ignored for e in entries if e.ignored] == []


@pytest.mark.parametrize("name", VCARDS + CSVS)
@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_then_import_gives_the_same_contacts(name, version):
    contacts = [e.contact for e in read(name)]
    text = dumps_vcards(contacts, version=version)
    assert text.count(f"VERSION:{version}") == len(contacts)
    again = [e.contact for e in parse_vcards(text)]
    assert again == contacts
    # and once more: the written file is stable
    assert dumps_vcards(again, version=version) == text


def test_google_csv_round_trips_through_google_csv():
    contacts = [e.contact for e in read("google.csv")]
    assert [e.contact for e in parse_csv(dumps_csv(contacts, "google"))] == contacts
    google_vcards = [e.contact for e in read("google.vcf")]
    assert [e.contact for e in parse_csv(dumps_csv(google_vcards, "google"))] == google_vcards


def test_outlook_csv_round_trips_what_outlook_has_columns_for():
    contacts = [e.contact for e in read("outlook.csv")]
    again = [e.contact for e in parse_csv(dumps_csv(contacts, "outlook"))]

    def meaning(contact):
        return dict(contact, phones=sorted((p["label"], p["number"]) for p in contact["phones"]))
    assert [meaning(c) for c in again] == [meaning(c) for c in contacts]


def test_csv_styles_are_told_from_the_header():
    assert detect_style((CORPUS / "google.csv").read_text().splitlines()[0].split(",")) == "google"
    assert detect_style((CORPUS / "outlook.csv").read_text().splitlines()[0].split(",")) == "outlook"
    assert detect_style(["id", "name", "phones"]) == "plain"
    header = dumps_csv([{"name": "Ada"}], "google").splitlines()[0].split(",")
    assert header[:4] == ["Name", "Given Name", "Additional Name", "Family Name"] and header[-1] == "ID"


def test_names_are_never_rebuilt_from_fn():
    for name in ("google.vcf", "android-2.1.vcf", "google.csv", "outlook.csv"):
        maria = by_name(name)["Maria Clara da Silva"]
        assert maria["n"] == {"family": ["da Silva"], "given": ["Maria Clara"], "additional": [],
                              "prefixes": [], "suffixes": []}, name
    joao = by_name("iphone.vcf")["Dr. João Pedro Souza Jr."]
    assert joao["n"] == {"family": ["Souza"], "given": ["João"], "additional": ["Pedro"], "prefixes": ["Dr."],
                         "suffixes": ["Jr."]}
    simon = by_name("rfc6350-example.vcf")["Simon Perreault"]
    assert simon["n"]["suffixes"] == ["ing. jr", "M.Sc."]


def test_phone_numbers_are_kept_as_typed_with_their_labels():
    maria = by_name("google.vcf")["Maria Clara da Silva"]
    assert maria["phones"] == [{"label": "mobile", "number": "(84) 98888-7777", "pref": None},
                               {"label": "work", "number": "(84) 3215-3800", "pref": None},
                               {"label": "Escritório Lagos", "number": "+234 1 234 5678", "pref": None}]
    joao = by_name("iphone.vcf")["Dr. João Pedro Souza Jr."]
    assert joao["phones"][0] == {"label": "mobile", "number": "(84) 98888-7777", "pref": 1}
    assert joao["phones"][3] == {"label": "Escritório Lagos", "number": "+234 1 234 5678", "pref": None}
    jose = by_name("android-2.1.vcf")["José Antônio Conceição"]
    assert [(p["label"], p["pref"]) for p in jose["phones"]] == [("mobile", 1), ("home", None), ("work", None),
                                                                  ("Fazenda", None)]
    carlos = by_name("outlook.vcf")["Carlos Pereira"]
    assert [p["label"] for p in carlos["phones"]] == ["work", "mobile", "work fax"]
    simon = by_name("rfc6350-example.vcf")["Simon Perreault"]
    assert simon["phones"][0] == {"label": "work", "number": "+1-418-656-9254 ext. 102", "pref": 1}


def test_organization_units_dates_and_the_rest():
    maria = by_name("google.vcf")["Maria Clara da Silva"]
    assert (maria["organization"], maria["org_units"]) == ("Universidade Federal",
                                                           ["Departamento de Computação", "Laboratório de Redes"])
    assert (maria["birthday"], maria["anniversary"]) == ("--04-15", "2010-06-12")
    assert maria["starred"] is True and maria["groups"] == ["myContacts", "Family"]
    assert maria["related"] == [{"label": "spouse", "value": "João da Silva"}]
    assert maria["urls"] == [{"label": "homepage", "url": "https://maria.example.com", "pref": None}]
    assert maria["photo"] == {"uri": "https://lh3.googleusercontent.com/contacts/ABCdef123"}
    assert maria["addresses"][0]["street"] == "Rua A, 12"
    assert maria["notes"] == "Conhecemos na PyCon\nBrasil 2019"
    joao = by_name("iphone.vcf")["Dr. João Pedro Souza Jr."]
    assert joao["birthday"] == "--04-15"                   # X-APPLE-OMIT-YEAR
    assert joao["anniversary"] == "2012-05-20" and joao["photo"]["data"].startswith("/9j/")
    assert {"group": "item6", "name": "X-ABDATE", "params": {}, "value": "2015-09-01"} in joao["extra"]
    assert joao["related"][1] == {"label": "padrinho", "value": "Marcos"}
    jose = by_name("android-2.1.vcf")["José Antônio Conceição"]
    assert jose["org_units"] == ["Secretaria de Saúde"] and jose["birthday"] == "1985-04-15"
    assert jose["notes"].startswith("Primeira linha\nSegunda linha com acentuação e um texto bem comprido que o Android")
    assert jose["photo"]["data"].startswith("/9j/")
    ana = by_name("thunderbird-4.0.vcf")["Ana Beatriz Lima"]
    assert ana["id"] == "3f2c9a4e-1b7d-4c7e-9d1a-2b3c4d5e6f70"
    assert (ana["gender"], ana["languages"], ana["timezone"], ana["geo"]) == (
        "F", ["pt-BR", "en"], "America/Fortaleza", "geo:-5.79,-35.21")
    assert ana["nicknames"] == ["Bia", "Biazinha"] and ana["role"] == "Líder técnica"
    assert ana["notes"] == "Anotação com vírgula, ponto e vírgula; e barra \\ fim"
    assert ana["related"][1]["value"] == "urn:uuid:a1b2c3d4-0000-4000-8000-000000000001"
    simon = by_name("rfc6350-example.vcf")["Simon Perreault"]
    assert simon["anniversary"] == "2009-08-08T14:30:00-05:00" and simon["birthday"] == "--02-03"
    assert simon["keys"] == [{"label": "work", "value": "http://www.viagenie.ca/simon.perreault/simon.asc"}]
    carlos = by_name("outlook.csv")["Carlos Pereira"]
    assert carlos["birthday"] == "1980-04-15" and carlos["anniversary"] == ""
    assert carlos["groups"] == ["Clientes", "Financeiro"] and carlos["org_units"] == ["Financeiro"]


def test_what_has_no_field_is_kept_verbatim_and_written_back():
    carlos = by_name("outlook.vcf")["Carlos Pereira"]
    names = [e["name"] for e in carlos["extra"]]
    assert names[:4] == ["LABEL", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MS-IMADDRESS", "X-MS-OL-DESIGN"]
    assert {"group": "", "name": "N", "params": {"LANGUAGE": ["pt-br"]}, "value": ""} in carlos["extra"]
    written = dumps_vcards([carlos], version="4.0")
    assert "X-MS-OL-DESIGN:<card xmlns=" in written.replace("\r\n ", "")
    assert "N;LANGUAGE=pt-br:Pereira;Carlos;;;\r\n" in written
    joao = by_name("iphone.vcf")["Dr. João Pedro Souza Jr."]
    written = dumps_vcards([joao], version="3.0")
    assert "item2.ADR;TYPE=HOME,pref:" in written and "item2.X-ABADR:br" in written
    assert "IMPP;TYPE=HOME,pref;X-SERVICE-TYPE=Skype:skype:joao.souza" in written


def test_the_import_sends_only_keys_the_model_stores():
    maria = by_name("google.vcf")["Maria Clara da Silva"]
    five = {"name", "phones", "emails", "organization", "notes", "id"}
    sent, dropped = for_model(maria, five)
    assert set(sent) <= five and sent["phones"][0] == {"label": "mobile", "number": "(84) 98888-7777"}
    assert "n" in dropped and "addresses" in dropped
    sent, dropped = for_model(maria, None)                 # the rich model: everything but empties
    assert dropped == () and sent["n"] == maria["n"] and "gender" not in sent
    assert "pref" not in sent["phones"][0]


def test_read_entries_reads_the_corpus_by_format():
    assert len(read_entries((CORPUS / "google.csv").read_text(), "csv")) == 2


def test_the_current_google_csv_columns_are_read_too():
    text = ("First Name,Middle Name,Last Name,Nickname,File As,Organization Name,Organization Title,"
            "Organization Department,Birthday,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
            "Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\r\n"
            "Maria Clara,,da Silva,Clarinha,Silva,Universidade Federal,Professora,Computação,--04-15,"
            "* myContacts ::: * starred,Work,maria@ufrn.example,Mobile,(84) 98888-7777,Fazenda,(84) 3215-3800\r\n")
    (entry,) = parse_csv(text)
    maria = entry.contact
    assert entry.error is None and maria["name"] == "Maria Clara da Silva"
    assert maria["n"]["family"] == ["da Silva"] and maria["n"]["given"] == ["Maria Clara"]
    assert (maria["organization"], maria["org_units"], maria["title"]) == ("Universidade Federal", ["Computação"],
                                                                          "Professora")
    assert maria["starred"] and maria["groups"] == ["myContacts"] and maria["birthday"] == "--04-15"
    assert maria["phones"] == [{"label": "mobile", "number": "(84) 98888-7777", "pref": None},
                               {"label": "Fazenda", "number": "(84) 3215-3800", "pref": None}]
    assert maria["extra"] == [{"group": "", "name": "X-CSV", "params": {"COLUMN": ["File As"]}, "value": "Silva"}]


def _types_and_pref(text, names):
    """{(property, value): (TYPE set, pref)} of the ``names`` properties of a vCard text, read
    with vobject (not this project's reader), TYPE words upper-case and PREF=1 as pref."""
    import vobject
    card = vobject.readOne(text)
    found = {}
    for line in card.getChildren():
        if line.name.upper() not in names:
            continue
        types = {w.strip().upper() for v in line.params.get("TYPE", []) for w in v.split(",") if w.strip()}
        pref = "PREF" in types or line.params.get("PREF") == ["1"]
        value = line.value.strip() if isinstance(line.value, str) else line.value
        name = "X-ABRELATEDNAMES" if line.name.upper() == "RELATED" else line.name.upper()
        found[(name, value)] = (types - {"PREF"}, pref)
    return found


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_the_iphone_cards_phone_types_and_related_pref_come_back(version):
    # iOS types a mobile phone CELL,VOICE,pref: read, it shows as "mobile"; written out
    # again, every TYPE word and the pref are there (docs/contact-model.md, kept parameters)
    names = {"TEL", "X-ABRELATEDNAMES", "RELATED"}
    text = (CORPUS / "iphone.vcf").read_text(encoding="utf-8")
    [contact] = [e.contact for e in parse_vcards(text)]
    assert [p["label"] for p in contact["phones"]] == ["mobile", "mobile", "work", "Escritório Lagos"]
    written = _types_and_pref(dumps_vcards([contact], version=version), names)
    original = _types_and_pref(text, names)
    assert original[("TEL", "(84) 98888-7777")] == ({"CELL", "VOICE"}, True)
    assert original[("X-ABRELATEDNAMES", "Ana Souza")] == (set(), True)
    if version == "4.0":   # 4.0 says spouse in TYPE, 3.0 in the X-ABLabel (both read as the label)
        written[("X-ABRELATEDNAMES", "Ana Souza")][0].discard("SPOUSE")
    assert written == original
