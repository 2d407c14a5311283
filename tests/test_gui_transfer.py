"""Import and export through the window (fake client): summary, progress, cancel."""
import threading

import pytest
from PyQt5.QtCore import QSettings
from PyQt5.QtWidgets import QPushButton

from contacts.gui.app import create_window
from gui_fakes import FakeContactsService

VCARDS = """BEGIN:VCARD
VERSION:3.0
FN:Ada Lovelace
TEL;TYPE=CELL:+44 20 7946 0958
EMAIL;TYPE=INTERNET,WORK:ada@example.com
ORG:Analytical Engines
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Grace Hopper
TEL;TYPE=WORK:+1 202 555 0143
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bad Phone
TEL;TYPE=WORK:111111111111111111111111111111111111111111111
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Turing;Alan;;;
FN:Alan Turing
END:VCARD
"""


@pytest.fixture
def fake():
    return FakeContactsService()


@pytest.fixture
def window(qtbot, fake, tmp_path):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def names(window):
    return sorted(c["name"] for c in window.session.contacts.contacts())


def test_import_vcards_reports_imported_and_skipped_and_a_second_import_adds_nothing(qtbot, window, tmp_path):
    path = tmp_path / "friends.vcf"
    path.write_text(VCARDS)
    transfer = window.import_contacts(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    title, text, details = transfer.summary
    assert title == "Import finished"
    assert text.startswith("Imported 3, skipped 1"), text
    assert "Bad Phone" in details and "characters long" in details   # a phone is refused only when hostile (issue 14)
    qtbot.waitUntil(lambda: names(window) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"], timeout=3000)
    again = window.import_contacts(str(path))
    qtbot.waitUntil(lambda: again.done, timeout=5000)
    assert again.summary[1].startswith("Imported 0, already there 3, skipped 1")
    assert len(window.session.contacts.contacts()) == 3


def test_export_csv_then_import_it_elsewhere(qtbot, window, fake, tmp_path):
    fake.add_contact({"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
                      "emails": [{"label": "work", "address": "ada@example.com"}]})
    fake.add_contact({"name": "Grace Hopper", "organization": "US Navy"})
    path = tmp_path / "out.csv"
    transfer = window.export_contacts(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert transfer.summary[1].startswith("Wrote 2 contacts")
    text = path.read_text()
    assert text.splitlines()[0].startswith("Name,Given Name,")      # Google's columns, as the CLI writes
    assert "+44 20 7946 0958" in text and "US Navy" in text
    plain = tmp_path / "plain.csv"
    transfer = window.export_contacts(str(plain), csv_style="plain")
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert plain.read_text().splitlines()[0] == "id,name,organization,phones,emails,notes"
    vcf = tmp_path / "out.vcf"
    transfer = window.export_contacts(str(vcf))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert vcf.read_text().count("BEGIN:VCARD") == 2


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS"
       b"\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00"
       b"\x00IEND\xaeB`\x82")


@pytest.mark.parametrize("name, options, cli_flags", [
    ("all.vcf", {}, []),
    ("all4.vcf", {"vcard_version": "4.0"}, ["--vcard-version", "4.0"]),
    ("all.csv", {}, []),
    ("outlook.csv", {"csv_style": "outlook"}, ["--csv-style", "outlook"])])
def test_a_window_export_is_the_file_the_command_line_writes(qtbot, window, fake, tmp_path, name, options,
                                                             cli_flags):
    import base64
    from contacts import cli
    fake.add_contact({"name": "Ada Lovelace", "photo": {"data": base64.b64encode(PNG).decode()},
                      "phones": [{"label": "mobile", "number": "(202) 555-0143"}], "birthday": "--12-10",
                      "addresses": [{"label": "home", "street": "12 St James's Sq", "locality": "London"}],
                      "groups": ["Friends"], "starred": True})
    fake.add_contact({"name": "Grace Hopper", "organization": "US Navy", "org_units": ["Research"]})
    assert "data" not in fake.list_contacts()[0]["photo"]          # lists carry the hash, as a replica's
    path = tmp_path / name
    transfer = window.export_contacts(str(path), **options)
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert transfer.summary[0] == "Export finished", transfer.summary
    by_cli = tmp_path / ("cli-" + name)
    cli.cmd_export(fake, cli.build_parser().parse_args(["export", str(by_cli), *cli_flags]))
    assert path.read_bytes() == by_cli.read_bytes()
    if name.endswith(".vcf"):
        unfolded = path.read_bytes().decode().replace("\r\n ", "")
        assert base64.b64encode(PNG).decode() in unfolded           # the photo's bytes, fetched by hash
        assert "X-CONTACTS-REGION=US:(202) 555-0143" in unfolded     # as typed, and where it was read


def test_an_import_summary_says_which_property_was_too_big_to_keep(qtbot, window, tmp_path):
    path = tmp_path / "outlook.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Pictured\nX-MS-CARDPICTURE:" + "A" * 20_000 + "\nEND:VCARD\n")
    transfer = window.import_contacts(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    title, text, details = transfer.summary
    assert text == "Imported 1, skipped 0. 1 property was too big to keep and left out (see the details)."
    assert "entry 1 (line 1, 'Pictured'): X-MS-CARDPICTURE: its value is 20,000 characters long" in details
    qtbot.waitUntil(lambda: names(window) == ["Pictured"], timeout=3000)


def test_cancel_stops_the_import_and_the_summary_says_how_far_it_got(qtbot, window, fake, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("name,phone\n" + "".join(f"Person {i},+1 202 555 01{i:02d}\n" for i in range(10)))
    gate, added = threading.Event(), []

    def slow_add(contact):       # the third add waits until the user has pressed Cancel
        added.append(contact["name"])
        if len(added) == 3:
            gate.wait(5)
    fake.before_add = slow_add
    transfer = window.import_contacts(str(path))
    qtbot.waitUntil(lambda: transfer.dialog.value() == 2 and transfer.dialog.maximum() == 10, timeout=5000)
    transfer.dialog.findChild(QPushButton).click()      # the dialog's Cancel button
    gate.set()
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert transfer.summary[1].startswith("Cancelled after 3 of 10 contacts: imported 3"), transfer.summary
    qtbot.waitUntil(lambda: len(window.session.contacts.contacts()) == 3, timeout=3000)
    assert len(added) == 3


def test_importing_a_file_that_cannot_be_read_says_why(qtbot, window, tmp_path):
    transfer = window.import_contacts(str(tmp_path / "missing.vcf"))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert transfer.summary[0] == "Import failed" and "missing.vcf" in transfer.summary[1]
