"""vCard and CSV reading and writing (no cluster needed)."""
import vobject

from contacts.formats.csvio import dumps_csv, parse_csv
from contacts.formats.entry import content_id
from contacts.formats.importing import detect_format, read_entries
from contacts.formats.vcard import dumps_vcards, empty_contact, parse_vcards

ADA = {"id": "ada-1815", "name": "Ada King Lovelace",
       "phones": [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958"},
                  {"label": "my, odd label", "number": "+1 415 555 0100", "e164": "+14155550100"},
                  {"label": "", "number": "+33 1 23 45 67 89", "e164": "+33123456789"}],
       "emails": [{"label": "work", "address": "ada@example.com"}, {"label": "", "address": "a@b.org"}],
       "organization": "Analytical; Engines, Ltd", "notes": "first line\nsecond, with \"quotes\"; and more"}
JOSE = {"id": "jose", "name": "José Ñúñez 李", "phones": [], "emails": [], "organization": "", "notes": ""}


def user_fields(contact, pref=True):
    """What a reader gives back for a contact of the five old fields."""
    entry_pref = {"pref": None} if pref else {}
    return {"id": contact.get("id"), "name": contact["name"],
            "phones": [{"label": p["label"], "number": p["number"], **entry_pref} for p in contact["phones"]],
            "emails": [{"label": e["label"], "address": e["address"], **entry_pref} for e in contact["emails"]],
            "organization": contact["organization"], "notes": contact["notes"]}


def full(**fields):
    """A contact dict with every key of the contract: empty but for ``fields``."""
    return dict(empty_contact(), **fields)


def test_what_is_written_reads_back_the_same_vcard():
    for version in ("3.0", "4.0"):
        entries = list(parse_vcards(dumps_vcards([ADA, JOSE], version=version)))
        assert [e.error for e in entries] == [None, None]
        assert [e.contact for e in entries] == [full(**user_fields(ADA)), full(**user_fields(JOSE))]


def test_what_is_written_reads_back_the_same_csv():
    entries = list(parse_csv(dumps_csv([ADA, JOSE])))
    assert [e.error for e in entries] == [None, None]
    assert [{k: e.contact.get(k) for k in user_fields(ADA)} for e in entries] == \
        [user_fields(ADA), user_fields(JOSE)]


def test_written_vcards_are_version_3_with_the_fields_other_apps_read():
    card = vobject.readOne(dumps_vcards([ADA]))
    assert card.version.value == "3.0"
    assert card.fn.value == "Ada King Lovelace"
    assert (card.n.value.family, card.n.value.given) == ("Lovelace", "Ada King")
    assert card.uid.value == "ada-1815"
    assert card.tel.params["TYPE"] == ["CELL"]
    assert card.n.params["X-CONTACTS-DERIVED"] == ["TRUE"]
    assert card.email.params["TYPE"] == ["INTERNET", "WORK"]
    assert card.org.value == ["Analytical; Engines, Ltd"]


def test_vcard_4_and_2_1_are_read_as_well_as_they_can_be():
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Simon Perreault\r\nN:Perreault;Simon;;;\r\n"
        'TEL;VALUE=uri;TYPE="voice,home":tel:+1-418-262-6501\r\n'
        'TEL;VALUE=uri;TYPE=work,"voice";PREF=1:tel:+1-418-656-9254;ext=102\r\n'
        "EMAIL;TYPE=work:simon.perreault@viagenie.ca\r\nBDAY:--0203\r\n"
        "ADR;TYPE=work:;Suite D2-630;2875 Laurier;Quebec;QC;G1V 2M2;Canada\r\n"
        "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\nTEL;CELL;WORK:+1 415 555 0102\r\nEND:VCARD\r\n")
    simon, john = parse_vcards(text)
    assert simon.contact == full(
        name="Simon Perreault", id="urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
        n={"family": ["Perreault"], "given": ["Simon"], "additional": [], "prefixes": [], "suffixes": []},
        phones=[{"label": "home", "number": "+1-418-262-6501", "pref": None},
                {"label": "work", "number": "+1-418-656-9254 ext. 102", "pref": 1}],
        emails=[{"label": "work", "address": "simon.perreault@viagenie.ca", "pref": None}],
        birthday="--02-03",
        addresses=[{"label": "work", "pobox": "", "extended": "Suite D2-630", "street": "2875 Laurier",
                    "locality": "Quebec", "region": "QC", "postcode": "G1V 2M2", "country": "Canada",
                    "pref": None}],
        # the label reads "home"/"work"; the VOICE beside it is kept on the property
        extra=[{"group": "", "name": "TEL", "params": {"TYPE": ["voice"]}, "value": "+1-418-262-6501"},
               {"group": "", "name": "TEL", "params": {"TYPE": ["voice"]}, "value": "+1-418-656-9254 ext. 102"}])
    assert simon.ignored == ()
    assert john.contact["name"] == "John Doe"
    assert john.contact["phones"] == [{"label": "work mobile", "number": "+1 415 555 0102", "pref": None}]


def test_a_broken_vcard_is_reported_with_its_line_and_the_others_still_read():
    text = ("stray text\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN Bad line without colon\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:No end\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:Last Good\nEND:VCARD\n"
            "BEGIN:VCARD\nFN:Cut off\n")
    entries = list(parse_vcards(text))
    problems = [(e.line, e.error) for e in entries if e.error]
    assert [e.contact["name"] for e in entries if not e.error] == ["Good One", "Last Good"]
    assert problems[0] == (1, "text outside BEGIN:VCARD ... END:VCARD")
    assert problems[1][0] == 6 and "line 8" in problems[1][1] and "FN Bad line" in problems[1][1]
    assert problems[2] == (10, "no name (neither FN nor N)")
    assert problems[3] == (14, "no END:VCARD before the next BEGIN:VCARD")
    assert problems[4] == (21, "the file ends before END:VCARD")


def test_csv_reads_common_headers_and_reports_bad_rows():
    text = ("Full Name,Phone,E-mail,Company,Birthday\n"
            "Bob Smith,mobile: +1 415 555 0100; +1 415 555 0101,bob@example.org,Acme,1970-01-01\n"
            "\n"
            ",+1 415 555 0102,,,\n"
            "Too,Many,Cells,In,This,Row\n"
            '"Multi\nLine",,,,\n')
    bob, nameless, too_many, multi = parse_csv(text)
    assert bob.contact == full(name="Bob Smith", organization="Acme",
                               phones=[{"label": "mobile", "number": "+1 415 555 0100", "pref": None},
                                       {"label": "", "number": "+1 415 555 0101", "pref": None}],
                               emails=[{"label": "", "address": "bob@example.org", "pref": None}],
                               extra=[{"group": "", "name": "X-CSV", "params": {"COLUMN": ["Birthday"]},
                                       "value": "1970-01-01"}])
    assert bob.ignored == ()
    assert (nameless.line, nameless.error) == (4, "no name")
    assert (too_many.line, too_many.error) == (5, "6 cells but the header has 5 columns")
    assert multi.line == 6 and multi.contact["name"] == "Multi\nLine"


def test_a_csv_without_a_name_column_is_one_clear_error():
    (entry,) = parse_csv("phone,email\n+1 415 555 0100,a@b.org\n")
    assert "no name column" in entry.error


def test_format_is_told_by_name_or_content():
    assert detect_format("x.VCF") == "vcard" and detect_format("x.csv") == "csv"
    assert detect_format("-", "\ufeffBEGIN:VCARD\r\n") == "vcard"
    assert detect_format("-", "name,phone\n") == "csv"
    assert [e.contact["name"] for e in read_entries("name\nAda\n", "csv")] == ["Ada"]


def test_entries_without_an_id_get_one_from_their_content():
    one, again = parse_csv("name,phone\nAda,+1 415 555 0100\nAda,+1 415 555 0100\n")
    assert "id" not in one.contact
    assert content_id(one.contact) == content_id(again.contact)
    assert content_id(one.contact) != content_id(dict(one.contact, name="Ada L"))


def test_the_type_words_kept_beside_a_label_leave_a_cards_content_id_as_it_was():
    # a card without UID imported before its VOICE/pref were kept: importing it again now
    # must find the same id (else every such card would be added twice)
    def card(tel, related):
        return ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n" f"TEL;{tel}:(84) 98888-7777\r\n"
                f"item1.X-ABRELATEDNAMES{related}:Bia\r\nitem1.X-ABLabel:_$!<Spouse>!$_\r\nEND:VCARD\r\n")
    [kept] = parse_vcards(card("type=CELL;type=VOICE;type=pref", ";type=pref"))
    [plain] = parse_vcards(card("type=CELL;type=pref", ""))
    assert kept.contact["extra"] != plain.contact["extra"]
    assert content_id(kept.contact) == content_id(plain.contact)
    [other] = parse_vcards(card("type=HOME;type=pref", ""))
    assert content_id(other.contact) != content_id(plain.contact)


def test_a_uid_the_model_cannot_take_gives_a_derived_id_and_is_written_back():
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nUID:not a valid id!\r\nEND:VCARD\r\n"
    (entry,) = parse_vcards(text)
    assert entry.contact["id"] != "not a valid id!" and len(entry.contact["id"]) == 32
    assert entry.contact["extra"] == [{"group": "", "name": "UID", "params": {}, "value": "not a valid id!"}]
    written = dumps_vcards([entry.contact], version="4.0")
    assert written.count("UID") == 1 and "UID:not a valid id!\r\n" in written
    assert [e.contact for e in parse_vcards(written)] == [entry.contact]


def test_unknown_and_odd_properties_are_kept_and_round_trip():
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nX-FOO;BAR=\"a:b\":v\r\nBDAY:circa 1800\r\n"
            "NOTE:\r\nTEL;;CELL:123\r\nEND:VCARD\r\n")
    (entry,) = parse_vcards(text)
    assert entry.contact["extra"] == [{"group": "", "name": "X-FOO", "params": {"BAR": ["a:b"]}, "value": "v"},
                                      {"group": "", "name": "BDAY", "params": {}, "value": "circa 1800"}]
    assert entry.contact["phones"] == [{"label": "mobile", "number": "123", "pref": None}]
    for version in ("3.0", "4.0"):
        assert [e.contact for e in parse_vcards(dumps_vcards([entry.contact], version=version))] == [entry.contact]


def test_property_lines_are_written_exactly_as_vobject_writes_them():
    """The writer's own line serializer (fast: a CardDAV first sync writes every card) is
    vobject's ContentLine.serialize(), byte for byte: params sorted and quoted, 75-octet folds."""
    import random
    from vobject.base import ContentLine
    from contacts.formats.vcard import _content_line
    rnd = random.Random(7)
    alphabet = "abcXYZ019 ,;:\\é漢😀" + "x" * 20
    for _ in range(3000):
        value = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 240)))
        params = {key: ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
                        for _ in range(rnd.randint(1, 3))]
                  for key in rnd.sample(["TYPE", "PREF", "X-A", "LABEL"], rnd.randint(0, 3))}
        group, name = rnd.choice(["", "item1"]), rnd.choice(["TEL", "X-ABLabel", "NOTE"])
        line = ContentLine(name, [], value, group=group or None)
        line.params = {k: list(v) for k, v in params.items()}
        assert _content_line(group, name, params, value) == line.serialize()


def test_a_photo_written_as_a_data_uri_under_encoding_b_is_read():
    """InfCloud writes PHOTO;ENCODING=b;TYPE=png:data:image/png;base64,... (Radicale has a
    test for it): the bytes are those of the data: URI."""
    from contacts.formats.vcard import parse_vcards
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAAD0lEQVQIHQEEAPv/AP///wX+Av4DfRnGAAAAAElFTkSuQmCC"
    text = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact\r\nPHOTO;ENCODING=b;TYPE=png:data:image/png;base64,{png}\r\nEND:VCARD\r\n"
    (entry,) = parse_vcards(text)
    assert entry.contact["photo"] == {"data": png}


def test_a_pref_on_an_entry_without_pref_and_types_beside_a_custom_label_are_written_back():
    # related entries and keys have no pref; a custom X-ABLabel leaves CELL out of the label
    text = ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nRELATED;TYPE=spouse;PREF=1;VALUE=text:Bia\r\n"
            "KEY;TYPE=work;PREF=1:https://example.com/k.asc\r\n"
            "item1.TEL;TYPE=CELL:+55 84 3333-0000\r\nitem1.X-ABLabel:Plantão\r\nEND:VCARD\r\n")
    [entry] = parse_vcards(text)
    assert entry.contact["related"] == [{"label": "spouse", "value": "Bia"}]
    assert [p["label"] for p in entry.contact["phones"]] == ["Plantão"]
    written = dumps_vcards([entry.contact], version="4.0")
    assert "RELATED;PREF=1;TYPE=spouse;VALUE=text:Bia\r\n" in written
    assert "KEY;PREF=1;TYPE=WORK:https://example.com/k.asc\r\n" in written
    assert "TEL;TYPE=CELL:+55 84 3333-0000\r\n" in written and "X-ABLABEL:Plantão\r\n" in written
    assert [e.contact for e in parse_vcards(written)] == [entry.contact]
