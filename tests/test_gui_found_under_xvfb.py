"""What driving the real window under Xvfb with the keyboard found (docs/gui.md, "Checked by
hand"), each kept fixed by a test here: the fake service of gui_fakes, as in the other GUI unit
tests; the real cluster runs in test_gui_duplicates.py and test_gui_import_drop.py."""
from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtTest import QTest

from contacts.gui.app import create_window
from gui_fakes import FakeContactsService

LONG_ADDRESS = {"label": "home", "street": "12 St James's Square, second floor, the door on the left",
                "locality": "London", "postcode": "SW1Y 4JH", "country": "United Kingdom"}


def window_with(qtbot, tmp_path, *people):
    fake = FakeContactsService()
    for person in people:
        fake.add_contact(person)
    window = create_window(settings=QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat),
                           client_factory=lambda: fake, poll_interval_ms=100, host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == len(people), timeout=3000)
    return window, fake


def test_return_in_the_duplicates_list_merges_and_the_preview_never_scrolls_sideways(qtbot, tmp_path):
    window, fake = window_with(
        qtbot, tmp_path,
        {"id": "ada", "name": "Ada Lovelace", "phones": [{"label": "work", "number": "+44 20 7946 0958"}],
         "addresses": [LONG_ADDRESS], "notes": "Wrote the first published program, for Babbage's Analytical "
                                               "Engine, and saw that it could do more than arithmetic."},
        {"id": "ada2", "name": "A. Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
         "notes": "Met at the Royal Society."})
    dialog = window.show_duplicates()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible(), timeout=3000)
    # the whole preview is in view across: the long address wraps, a long note is shortened
    scroll = dialog.scroll
    assert dialog.preview.minimumSizeHint().width() <= scroll.viewport().width(), (
        dialog.preview.minimumSizeHint().width(), scroll.viewport().width())
    assert not scroll.horizontalScrollBar().isVisible()
    # Return where the focus is when the dialog opens (the list of pairs) merges, as the
    # default button says; it used to close the dialog
    assert dialog.focusWidget() is dialog.list
    QTest.keyClick(dialog.list, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 1, timeout=3000)
    assert dialog.isVisible() and dialog.hint.text() == "No duplicates left."
    assert window.session.undo_stack.undoText().startswith("Merge")


def test_return_in_the_import_preview_imports(qtbot, tmp_path):
    from contacts.gui.views.import_preview import preview_files
    window, fake = window_with(qtbot, tmp_path, {"id": "ada", "name": "Ada Lovelace"})
    path = tmp_path / "friends.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:João Silva\r\nTEL:(84) 3215-3800\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Souza\r\nEND:VCARD\r\n", encoding="utf-8")
    preview_files(window, [str(path)])
    qtbot.waitUntil(lambda: window.import_preview is not None and window.import_preview.isVisible(), timeout=3000)
    dialog = window.import_preview
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.tree
    # Return where the focus is (the list of entries) imports, as the default button says;
    # under Xvfb it cancelled the import
    QTest.keyClick(dialog.tree, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 3, timeout=5000)
    assert not dialog.isVisible()


def test_typing_in_a_just_opened_edit_dialog_adds_to_the_name_not_replaces_it(qtbot, tmp_path):
    """Under Xvfb, Return on Grace Hopper then typing " B." left the name "B.": the dialog opened
    with the whole name selected. The cursor now waits at the end of the name."""
    window, fake = window_with(qtbot, tmp_path, {"id": "grace", "name": "Grace Hopper"})
    window.select_contact("grace")
    qtbot.waitUntil(lambda: window.detail.contact is not None, timeout=3000)
    window.edit_contact()
    dialog = window.contact_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name_edit, timeout=3000)
    qtbot.waitUntil(lambda: not dialog.name_edit.hasSelectedText(), timeout=3000)
    QTest.keyClicks(dialog.focusWidget(), " B.")
    assert dialog.name_edit.text() == "Grace Hopper B."
    dialog.done(0)


def test_the_import_summary_in_portuguese_is_portuguese_and_as_wide_as_its_title(qtbot, tmp_path):
    """Under Xvfb in Portuguese the box said "Imported 2, skipped 0." under a title the window
    manager cut to "Importa…ncluída"."""
    from PyQt5.QtWidgets import QApplication
    from contacts.gui.translation import install_translators
    from contacts.gui.views.transfer import import_contacts
    install_translators(QApplication.instance(), "pt_BR")
    try:
        window, fake = window_with(qtbot, tmp_path, {"id": "ada", "name": "Ada Lovelace"})
        path = tmp_path / "amigos.vcf"
        path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:João Silva\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Souza\r\nEND:VCARD\r\n", encoding="utf-8")
        import_contacts(window, str(path))
        qtbot.waitUntil(lambda: getattr(window, "message_box", None) is not None
                        and window.message_box.isVisible(), timeout=5000)
        box = window.message_box
        assert box.windowTitle() == "Importação concluída" and box.text() == "Importados: 2, ignorados: 0."
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.windowTitle()) + 100, box.width()
        box.done(0)
    finally:
        install_translators(QApplication.instance(), "en")


def test_the_window_stays_portuguese_when_its_qm_files_are_compiled_again_while_it_runs(qtbot, tmp_path, monkeypatch):
    """Once under Xvfb in Portuguese, after an import, a delete and opening the trash, the
    window said "12 contact(s)" and showed an English trash: the .qm it had loaded was rewritten
    in place by lrelease (update_translations.py --compile, run meanwhile), and QTranslator read
    it through the mapping it had made of the old file."""
    import shutil
    from PyQt5.QtWidgets import QApplication
    from contacts.gui import translation
    qm_dir = tmp_path / "translations"
    shutil.copytree(translation.TRANSLATIONS, qm_dir)
    monkeypatch.setattr(translation, "TRANSLATIONS", qm_dir)
    translation.install_translators(QApplication.instance(), "pt_BR")
    try:
        window, fake = window_with(qtbot, tmp_path, {"id": "ada", "name": "Ada Lovelace"},
                                   {"id": "grace", "name": "Grace Hopper"})
        assert window.count_label.text() == "2 contatos"
        # lrelease writes the same file again (same inode), laid out anew (here: the other
        # catalogue, padded to the old length, so that a stale mapping reads it rather than crash)
        old = {name: (qm_dir / name).read_bytes() for name in ("contacts_pt_BR.qm", "contacts_en.qm")}
        for name, other in (("contacts_pt_BR.qm", "contacts_en.qm"), ("contacts_en.qm", "contacts_pt_BR.qm")):
            with open(qm_dir / name, "r+b") as qm:
                qm.truncate(0)
                qm.write(old[other].ljust(len(old[name]), b"\0"))
        window.select_contact("grace")
        window.delete_selected()
        qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 1, timeout=3000)
        assert window.count_label.text() == "1 contato"
        window.show_trash()
        assert window.trash_dialog.windowTitle() == "Lixeira"
        window.trash_dialog.reject()
    finally:
        monkeypatch.undo()    # English from the real .qm, not the rewritten copy
        translation.install_translators(QApplication.instance(), "en")


def test_the_merge_keeps_the_more_complete_contact_by_default_and_the_user_can_swap(qtbot, tmp_path):
    """The merge kept the pair's first contact, here the one with only a name and a number."""
    window, fake = window_with(
        qtbot, tmp_path,
        {"id": "sparse", "name": "A. Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]},
        {"id": "full", "name": "Ada Lovelace", "phones": [{"label": "work", "number": "+44 20 7946 0958"}],
         "emails": [{"label": "home", "address": "ada@example.org"}], "organization": "Analytical Engine",
         "birthday": "1815-12-10"})
    dialog = window.show_duplicates()
    qtbot.waitExposed(dialog)
    assert dialog.list.item(0).text().startswith("Ada Lovelace  ⇄  A. Lovelace")
    keep, other = dialog.current_pair()
    assert (keep["id"], other["id"]) == ("full", "sparse")
    name_keep = dialog.preview.findChild(object, "merge_name_keep")
    assert name_keep.text() == "Ada Lovelace" and name_keep.isChecked()
    from PyQt5.QtWidgets import QLabel
    assert any(label.text().startswith("Keeps <b>Ada Lovelace</b>") for label in dialog.preview.findChildren(QLabel))
    dialog.swap()                                       # still the user's choice
    assert dialog.current_pair()[0]["id"] == "sparse"
    dialog.swap()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 1, timeout=3000)
    kept = window.session.contacts.contacts()[0]
    assert kept["id"] == "full" and kept["organization"] == "Analytical Engine"
    assert [c["id"] for c in window.session.trash.contacts()] == ["sparse"]


def test_undoing_a_merge_selects_the_contact_it_had_kept_only(qtbot, tmp_path):
    """After Ctrl+Z of a merge both contacts came out selected; an undo selects the contact it
    changed (as an undone delete does), here the one the merge had kept."""
    window, fake = window_with(
        qtbot, tmp_path, {"id": "grace", "name": "Grace Hopper"},
        {"id": "sparse", "name": "A. Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]},
        {"id": "full", "name": "Ada Lovelace", "phones": [{"label": "work", "number": "+44 20 7946 0958"}],
         "emails": [{"label": "home", "address": "ada@example.org"}]})
    dialog = window.show_duplicates()
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText().startswith("Merge"), timeout=3000)
    dialog.close()
    window.select_contact("grace")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 3 and not window._to_select
                    and (window.current_contact() or {}).get("id") == "full", timeout=3000)
    assert [c["id"] for c in window.selected_contacts()] == ["full"]
    assert "Ada Lovelace" in window.detail.text()
