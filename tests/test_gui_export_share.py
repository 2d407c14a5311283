"""Exporting the selection, sharing one contact as a .vcf and as a QR code (fake client)."""
import pytest
from PyQt5.QtCore import QItemSelectionModel, QSettings

from contacts.formats.vcard import parse_vcards
from contacts.gui.app import create_window
from contacts.gui.views.share import QrDialog, qr_text
from gui_fakes import FakeContactsService

PEOPLE = [{"id": "ada", "name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
           "emails": [{"label": "work", "address": "ada@example.com"}], "organization": "Analytical Engines"},
          {"id": "alan", "name": "Alan Turing", "birthday": "1912-06-23"},
          {"id": "grace", "name": "Grace Hopper", "organization": "US Navy"}]


@pytest.fixture
def fake():
    return FakeContactsService.holding(PEOPLE)


@pytest.fixture
def window(qtbot, fake, tmp_path):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=3000)
    yield window
    window.close()


def select(window, *ids):
    window.select_contact(ids[0])
    for contact_id in ids[1:]:
        index = window.proxy.mapFromSource(window.proxy.sourceModel().index_of(contact_id))
        window.contact_list.selectionModel().select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)


def read_back(path):
    return [entry.contact for entry in parse_vcards(path.read_text(encoding="utf-8"))]


def test_export_selected_writes_just_the_selection_as_the_replica_holds_it(qtbot, window, fake, tmp_path):
    select(window, "ada", "grace")
    fake.edit_behind_the_back("grace", {"title": "Rear Admiral"})   # newer than the window's copy
    path = tmp_path / "two.vcf"
    transfer = window.export_selected(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert transfer.summary[1] == f"Wrote 2 contacts to {path} (vCard)."
    cards = read_back(path)
    assert [c["name"] for c in cards] == ["Ada Lovelace", "Grace Hopper"]
    assert cards[0]["phones"][0]["number"] == "+44 20 7946 0958" and cards[1]["title"] == "Rear Admiral"
    # the row menu names it by the selection's size
    window._row_menu(window.contact_list.visualRect(window.proxy.index(0, 0)).center())
    texts = [a.text() for a in window.row_menu.actions() if a.text()]
    window.row_menu.close()
    assert "Export 2 contacts…" in texts and "Share as .&vcf…" not in texts


def test_one_contact_shared_as_vcf_and_as_a_qr_code_holding_its_vcard(qtbot, window, tmp_path):
    select(window, "ada")
    window._row_menu(window.contact_list.visualRect(window.proxy.index(0, 0)).center())
    texts = [a.text() for a in window.row_menu.actions() if a.text()]
    window.row_menu.close()
    assert texts == ["&Edit contact…", "Star", "Add to group", "Remove from group", "Export contact…",
                     "Share as .&vcf…", "Share as QR &code…", "&Delete"]
    path = tmp_path / "ada.vcf"
    transfer = window.share_vcard(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    assert [c["name"] for c in read_back(path)] == ["Ada Lovelace"]
    dialog = window.share_qr()
    assert dialog.code is not None
    pixmap = dialog.image.pixmap()
    assert pixmap.width() == pixmap.height() >= 21 * 6
    # what a phone reads from it: the card, name, number and email, without the photo
    card = read_back_text(dialog.text)
    assert card["name"] == "Ada Lovelace" and card["phones"][0]["number"] == "+44 20 7946 0958"
    assert card["emails"][0]["address"] == "ada@example.com"
    saved = dialog.save_image(str(tmp_path / "ada.png"))
    assert open(saved, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    dialog.close()


def read_back_text(text):
    entries = list(parse_vcards(text))
    assert len(entries) == 1
    return entries[0].contact


def test_a_contact_too_big_for_a_qr_code_says_so_and_offers_the_vcf(qtbot, window):
    big = dict(PEOPLE[0], notes="x" * 4000)
    assert len(qr_text(big).encode()) > 2953
    dialog = QrDialog(big, window)
    assert dialog.code is None and "too much for a QR code" in dialog.image.text()
    assert "Share as .vcf…" in [b.text() for b in dialog.buttons.buttons()]
