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
