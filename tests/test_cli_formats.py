"""`contacts import` / `contacts export` options of the formats (issue 14), against a fake
client: what the CLI reads, writes and sends (no cluster needed)."""
from pathlib import Path

import pytest

from contacts import cli
from contacts.formats.csvio import parse_csv
from contacts.formats.vcard import parse_vcards

CORPUS = Path(__file__).parent / "corpus"


class FakeClient:
    def __init__(self, contacts=(), takes_region=True):
        self.contacts = list(contacts)
        self.batches = []
        if takes_region:
            self.add_contacts = self._add_contacts_with_region

    def list_contacts(self):
        return list(self.contacts)

    def add_contacts(self, contacts):
        return self._add_contacts_with_region(contacts)

    def _add_contacts_with_region(self, contacts, region=None):
        self.batches.append((contacts, region))
        return [dict(c, write=[1, 1]) for c in contacts]


def run(client, *argv):
    args = cli.build_parser().parse_args(list(argv))
    if args.command == "import":
        return cli.cmd_import(client, args, json_mode=True)
    return cli.COMMANDS[args.command](client, args)


ADA = {"id": "ada", "name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958",
                                                         "e164": "+442079460958"}],
       "emails": [], "organization": "Analytical Engines", "notes": "", "deleted": False, "updated": [1, 1]}


@pytest.mark.parametrize("flag, version", [((), "3.0"), (("--vcard-version", "4.0"), "4.0"),
                                           (("--vcard-version", "3.0"), "3.0")])
def test_export_writes_the_vcard_version_asked_for(tmp_path, flag, version):
    path = tmp_path / "all.vcf"
    result, _ = run(FakeClient([ADA]), "export", str(path), *flag)
    text = path.read_bytes().decode()
    assert f"VERSION:{version}\r\n" in text and result["exported"] == 1
    (entry,) = parse_vcards(text)
    assert entry.contact["name"] == "Ada Lovelace" and entry.contact["phones"][0]["number"] == "+44 20 7946 0958"


@pytest.mark.parametrize("style, first_column", [((), "Name"), (("--csv-style", "google"), "Name"),
                                                 (("--csv-style", "outlook"), "Title"),
                                                 (("--csv-style", "plain"), "id")])
def test_export_csv_styles(tmp_path, style, first_column):
    path = tmp_path / "all.csv"
    run(FakeClient([ADA]), "export", str(path), *style)
    text = path.read_text()
    assert text.split(",")[0] == first_column
    (entry,) = parse_csv(text)
    assert entry.contact["name"] == "Ada Lovelace" and entry.contact["organization"] == "Analytical Engines"


def test_import_passes_region_only_when_given():
    client = FakeClient()
    result, _, code = run(client, "import", str(CORPUS / "google.vcf"), "--region", "br", "--no-progress")
    assert code == cli.EXIT_OK and result["imported"] == 2
    assert [region for _, region in client.batches] == ["BR"]
    client = FakeClient()
    run(client, "import", str(CORPUS / "google.vcf"), "--no-progress")
    assert [region for _, region in client.batches] == [None]


def test_import_region_with_a_client_that_cannot_take_it_is_a_usage_error():
    with pytest.raises(cli.UsageError, match="--region"):
        run(FakeClient(takes_region=False), "import", str(CORPUS / "google.vcf"), "--region", "BR")


def test_what_the_import_sends_while_the_model_has_five_fields():
    client = FakeClient()
    result, _, _ = run(client, "import", str(CORPUS / "google.vcf"), "--no-progress")
    sent = client.batches[0][0]
    keys = {key for contact in sent for key in contact}
    from contacts import model
    if "n" in getattr(model, "FIELDS", ()):          # the rich model has landed: everything goes
        assert "n" in keys and result["ignored_fields"] == {}
    else:
        assert keys <= {"id", "name", "phones", "emails", "organization", "notes"}
        assert result["ignored_fields"]["n"] == 2 and result["ignored_fields"]["addresses"] == 1
        assert sent[0]["phones"][0] == {"label": "mobile", "number": "(84) 98888-7777"}


def test_import_update_passes_the_region_to_update_contact_too():
    class Taken(FakeClient):
        updates = []

        def _add_contacts_with_region(self, contacts, region=None):
            self.batches.append((contacts, region))
            return [{"error": "ValidationError", "field": "id", "message": f"{c['id']!r} is already used"}
                    for c in contacts]

        def update_contact(self, contact_id, changes, region=None):
            self.updates.append((contact_id, region))
            return dict(changes, id=contact_id)
    client = Taken()
    result, _, _ = run(client, "import", str(CORPUS / "thunderbird-4.0.vcf"), "--update", "--region", "BR",
                       "--no-progress")
    assert result["updated"] == 1
    assert client.updates == [("3f2c9a4e-1b7d-4c7e-9d1a-2b3c4d5e6f70", "BR")]


# -- the rich flags' syntax, the phone region param, properties too big to keep ----------------
from contacts import cli_flags  # noqa: E402
from contacts.errors import ValidationError  # noqa: E402
from contacts.formats.importing import fit_extra, import_entries  # noqa: E402
from contacts.formats.vcard import contact_to_vcard  # noqa: E402


@pytest.mark.parametrize("text, address", [
    ("home: street=Rua A, 12; city=Natal; zip=59000-000",
     {"label": "home", "street": "Rua A, 12", "locality": "Natal", "postcode": "59000-000"}),
    ("street=Rua: das Flores; country=Brasil", {"label": "", "street": "Rua: das Flores", "country": "Brasil"}),
    ("Casa da praia: extended=Bloco B\\; apto 2; pobox=12; pref=2",
     {"label": "Casa da praia", "extended": "Bloco B; apto 2", "pobox": "12", "pref": 2}),
    ("work: State=RN; Postal Code=59000", {"label": "work", "region": "RN", "postcode": "59000"}),
])
def test_address_flag_syntax(text, address):
    assert cli_flags.parse_address(text) == address


def test_a_no_year_date_after_its_flag_is_read_as_its_value():
    assert cli_flags.join_date_values(["edit", "x", "--birthday", "--0415", "--anniversary", "--12-31", "--star"]) == [
        "edit", "x", "--birthday=--0415", "--anniversary=--12-31", "--star"]
    args = cli.build_parser().parse_args(cli_flags.join_date_values(["add", "Ana", "--birthday", "--0415"]))
    assert cli_flags.rich_fields(args)["birthday"] == "--0415"


def test_the_phone_region_is_written_beside_the_number_and_read_back():
    contact = dict(ADA, phones=[{"label": "mobile", "number": "(84) 98888-7777", "e164": "+5584988887777",
                                 "region": "BR", "pref": None},
                                {"label": "", "number": "+44 20 7946 0958", "e164": "+442079460958", "region": "",
                                 "pref": None}])
    for version in ("3.0", "4.0"):
        text = contact_to_vcard(contact, version)
        assert "TEL;TYPE=CELL;X-CONTACTS-REGION=BR:(84) 98888-7777\r\n" in text
        assert "TEL:+44 20 7946 0958\r\n" in text        # read from its +44: no region to carry
        (entry,) = parse_vcards(text)
        assert [p.get("region") for p in entry.contact["phones"]] == ["BR", None]
        assert entry.contact["extra"] == []


def test_a_region_param_no_one_knows_is_kept_as_it_was_and_the_number_too():
    (entry,) = parse_vcards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nTEL;X-CONTACTS-REGION=ZZ:(84) 98888-7777\r\n"
                            "END:VCARD\r\n")
    assert entry.contact["phones"] == [{"label": "", "number": "(84) 98888-7777", "pref": None}]
    assert entry.contact["extra"] == [{"group": "", "name": "TEL", "params": {"X-CONTACTS-REGION": ["ZZ"]},
                                       "value": "(84) 98888-7777"}]
    assert "X-CONTACTS-REGION=ZZ" in contact_to_vcard(dict(entry.contact, id="x"))


def test_properties_over_the_extra_limits_are_left_out_by_name_and_the_rest_is_sent():
    from contacts.fields import MAX_EXTRA
    extra = [{"group": "", "name": f"X-P{i}", "params": {}, "value": str(i)} for i in range(MAX_EXTRA + 1)]
    extra.insert(3, {"group": "item9", "name": "X-HUGE", "params": {}, "value": "x" * 10_001})
    extra.insert(4, {"group": "", "name": "X-CTRL", "params": {}, "value": "a\x07b"})
    contact, left_out = fit_extra({"name": "Many", "extra": extra})
    assert len(contact["extra"]) == MAX_EXTRA and contact["extra"][0]["name"] == "X-P0"
    assert left_out == [("item9.X-HUGE", "its value is 10,001 characters long; a property kept verbatim "
                                         "holds at most 10,000"),
                        ("X-CTRL", "value: must not contain control characters"),
                        (f"X-P{MAX_EXTRA}", f"the contact already has {MAX_EXTRA} properties kept verbatim, "
                                            "the limit")]
    client = FakeClient()
    entries = list(parse_vcards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\nX-BIG:" + "b" * 20_000 + "\r\n"
                                "X-SMALL:s\r\nEND:VCARD\r\n"))
    report = import_entries(client, entries)
    assert client.batches[0][0][0]["extra"] == [{"group": "", "name": "X-SMALL", "params": {}, "value": "s"}]
    assert report.imported == 1 and [(prop, e.number) for e, prop, _ in report.not_kept] == [("X-BIG", 1)]


def test_a_photo_flag_reads_the_file_and_refuses_what_is_not_an_image(tmp_path):
    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 10)
    assert cli_flags.read_photo(str(png)) == {"data": "iVBORw0KGgoAAAAAAAAAAAAA"}
    assert cli_flags.read_photo("https://example.org/a.jpg") == {"uri": "https://example.org/a.jpg"}
    (tmp_path / "a.txt").write_text("hello")
    with pytest.raises(ValidationError, match="a.txt is not an image"):
        cli_flags.read_photo(str(tmp_path / "a.txt"))


@pytest.mark.parametrize("header, row", [
    ("Name,Given Name,Family Name,Gender,Language,Phone 1 - Type,Phone 1 - Value", "{name},,,{gender},{language},,"),
    ("First Name,Last Name,Gender,Language,Mobile Phone", "{name},,{gender},{language},")])
def test_csv_gender_and_language_words_never_cost_the_contact(header, row):
    """Seen importing an Outlook export of this project: Language 'pt-BR, en' refused the whole
    contact, and so did a Gender of 'Other' in any CSV."""
    rows = [("Pat Other", "Other", "English"), ("Lee Nb", "non-binary", "pt-BR, en"),
            ("Sam Male", "Male", "English (United States)")]
    text = header + "\n" + "\n".join(row.format(name=n, gender=g, language=lang) for n, g, lang in rows) + "\n"
    if "Given Name" in header:
        text = text.replace("pt-BR, en", "pt-BR ::: en")
    else:
        text = text.replace("pt-BR, en", '"pt-BR, en"')
    client = FakeClient()
    report = import_entries(client, parse_csv(text))
    assert report.imported == 3 and report.skipped == []
    sent = {c["name"]: c for c in client.batches[0][0]}
    assert [sent[n].get("gender") for n, _, _ in rows] == ["O", ";non-binary", "M"]
    assert sent["Lee Nb"]["languages"] == ["pt-BR", "en"] and sent["Pat Other"]["languages"] == ["English"]
    assert "languages" not in sent["Sam Male"]          # not a language tag: the cell is kept as it is
    assert {"group": "", "name": "X-CSV", "params": {"COLUMN": ["Language"]},
            "value": "English (United States)"} in sent["Sam Male"]["extra"]


@pytest.mark.parametrize("style", ["google", "outlook", "plain"])
def test_csv_carries_the_phone_region_in_a_column_of_its_own(style):
    from contacts.formats.csvio import REGIONS_COLUMN, dumps_csv, parse_csv
    contact = dict(ADA, phones=[{"label": "mobile", "number": "(84) 98888-7777", "e164": "+5584988887777",
                                 "region": "BR", "pref": None},
                                {"label": "work", "number": "+44 20 7946 0958", "e164": "+442079460958",
                                 "region": "", "pref": None}])
    text = dumps_csv([contact], style)
    header = text.splitlines()[0].split(",")
    assert REGIONS_COLUMN[style] in header and "BR (84) 98888-7777" in text
    (entry,) = parse_csv(text)
    assert [p.get("region") for p in entry.contact["phones"]] == ["BR", None]
    assert [e for e in entry.contact["extra"] if e["name"] == "X-CSV"] == []
    # no number read in a region: the columns are Google's / Outlook's / plain's own, as before
    plain_header = dumps_csv([dict(contact, phones=contact["phones"][1:])], style).splitlines()[0].split(",")
    assert REGIONS_COLUMN[style] not in plain_header


def test_a_regions_cell_no_one_can_read_is_kept_as_it_was():
    from contacts.formats.csvio import parse_csv
    text = "name,phones,phone_regions\r\nAna,(84) 98888-7777,ZZ (84) 98888-7777\r\nBia,123,BR 999\r\n"
    ana, bia = parse_csv(text)
    assert ana.contact["phones"] == [{"label": "", "number": "(84) 98888-7777", "pref": None}]
    assert ana.contact["extra"] == [{"group": "", "name": "X-CSV", "params": {"COLUMN": ["phone_regions"]},
                                     "value": "ZZ (84) 98888-7777"}]
    assert "region" not in bia.contact["phones"][0] and bia.contact["extra"][0]["value"] == "BR 999"


def test_google_csv_carries_the_role_in_its_job_description_column():
    from contacts.formats.csvio import dumps_csv, parse_csv
    text = dumps_csv([dict(ADA, title="Countess", role="Programmer")], "google")
    assert "Organization 1 - Job Description" in text.splitlines()[0]
    (entry,) = parse_csv(text)
    assert (entry.contact["title"], entry.contact["role"]) == ("Countess", "Programmer")
