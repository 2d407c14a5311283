"""Files dropped on the window: a preview of what will be added, updated, left and skipped (and
why), then the import with its progress, on a real cluster."""
import pytest
from PyQt5.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PyQt5.QtGui import QDropEvent, QDragEnterEvent
from PyQt5.QtWidgets import QApplication

from contacts.client import ContactsClient
from contacts.cluster import wait_until
from contacts.gui.app import client_factory_for, create_window

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\n{}END:VCARD\r\n"


def card(*lines):
    return CARD.format("".join(line + "\r\n" for line in lines))


@pytest.fixture
def book(cluster):
    with ContactsClient(uris=[cluster.uri(1)], discover=False, timeout=10) as client:
        client.add_contact({"id": "same-1", "name": "Already Here", "emails": [{"label": "", "address": "a@x.org"}]})
        client.add_contact({"id": "other-1", "name": "Someone Else"})
        client.add_contact({"id": "trash-1", "name": "Thrown Away"})
        client.delete_contact("trash-1")
        yield client


@pytest.fixture
def window(qtbot, tmp_path, cluster, book):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    settings.setValue("contacts/region", "BR")
    window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port, poll_interval_ms=200,
                           client_factory=client_factory_for("127.0.0.1", cluster.ns_port, timeout=5.0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=10_000)
    yield window
    window.close()


def drop_on(window, *paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def entries(dialog):
    sections = (dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount()))
    return {section.text(0): [(section.child(j).text(0), section.child(j).text(1))
                              for j in range(section.childCount())] for section in sections}


def test_a_dropped_vcard_is_previewed_then_imported_as_the_preview_said(qtbot, window, cluster, book, tmp_path):
    path = tmp_path / "friends.vcf"
    path.write_text(card("UID:new-1", "FN:Nova Pessoa", "TEL;TYPE=CELL:(84) 3215-3800")
                    + card("UID:same-1", "FN:Already Here", "EMAIL:a@x.org")
                    + card("UID:other-1", "FN:Not Someone Else")
                    + card("UID:trash-1", "FN:Thrown Away")
                    + card("UID:bad-1", "FN:Bad Mail", "EMAIL:not an address"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not contacts")
    assert drop_on(window, tmp_path / "notes.txt") == (False, False)     # nothing to import: refused
    assert drop_on(window, path) == (True, True)
    qtbot.waitUntil(lambda: window.import_preview is not None, timeout=10_000)
    dialog = window.import_preview
    assert dialog.summary.text().endswith("1 will be added, 0 updated, 1 already there (left as they are), 3 skipped.")
    shown = entries(dialog)
    assert shown["To add (1)"] == [("Nova Pessoa  (line 1)", "")]
    assert [name for name, _ in shown["Already there (1)"]] == ["Already Here  (line 7)"]
    skipped = dict(shown["Skipped (3)"])
    assert "a different contact with id other-1 exists ('Someone Else'" in skipped["Not Someone Else  (line 13)"]
    assert skipped["Thrown Away  (line 18)"] == "contact trash-1 is in the trash; restore it first"
    assert "emails[0].address" in skipped["Bad Mail  (line 23)"]
    # nothing written by the preview
    assert {c["name"] for c in book.list_contacts()} == {"Already Here", "Someone Else"}
    # choosing to update the one of the same id moves it from skipped to updated
    dialog.update_box.setChecked(True)
    assert dialog.counts() == (1, 1, 1, 2)
    assert list(entries(dialog))[1] == "To update (1)"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.transfer is None and window.message_box is not None, timeout=15_000)
    assert window.message_box.text().startswith("Imported 1, already there 1, updated 1, skipped 2")
    for replica in (1, 2, 3):
        with cluster.proxy(replica) as proxy:
            names = wait_until(lambda: (lambda n: n if "Nova Pessoa" in n and "Not Someone Else" in n else None)(
                {c["name"]: c for c in proxy.list_contacts()}), 10, what=f"the import on replica {replica}")
        # read in the window's default region (Brazil), as the preview said
        assert names["Nova Pessoa"]["phones"][0]["e164"] == "+558432153800"
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=10_000)
