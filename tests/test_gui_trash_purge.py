"""Delete forever and empty the trash from the window: both ask first, Cancel changes nothing,
and the confirmed purge leaves the trash and the book (the fake client; the replicas'
side is tests/test_purge.py)."""
from PyQt5.QtCore import QItemSelectionModel
from PyQt5.QtWidgets import QMessageBox

from test_gui_window import fake, settings, window, rows  # noqa: F401 - the fixtures


def select_first(trash):
    """Select the first row as a click does. Not selectRow(): that one follows the keyboard
    modifiers of the last input event, and after another test's Shift+End (test_gui_paging.py)
    it extended from no anchor and selected nothing."""
    trash.table.selectionModel().select(trash.proxy.index(0, 0),
                                        QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


def trashed(window, fake, *ids):
    for contact_id in ids:
        fake.delete_contact(contact_id)
    window.show_trash()
    trash = window.trash_dialog
    window.session.poll()
    return trash


def test_delete_forever_asks_and_cancel_keeps_the_contact(qtbot, window, fake):
    trash = trashed(window, fake, "grace")
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    select_first(trash)
    trash.purge_button.click()
    box = trash.confirmation
    assert box.isVisible() and "Grace Hopper" in box.text() and "cannot be undone" in box.informativeText()
    # one contact: "the contact is removed", not "the contacts are" (read under Xvfb)
    assert box.informativeText() == "This cannot be undone: the contact is removed from every replica."
    assert box.defaultButton() is box.button(QMessageBox.Cancel)   # Return does not purge
    box.button(QMessageBox.Cancel).click()
    assert "grace" in fake.contacts and fake.contacts["grace"]["deleted"]
    assert trash.proxy.rowCount() == 1

    select_first(trash)
    trash.purge_button.click()
    box = trash.confirmation
    [confirm] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.DestructiveRole]
    confirm.click()
    qtbot.waitUntil(lambda: "grace" not in fake.contacts, timeout=3000)
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 0, timeout=3000)
    assert rows(window) == ["Ada Lovelace"]   # the live contact is untouched


def test_empty_the_trash_asks_then_purges_every_deleted_contact(qtbot, window, fake):
    trash = trashed(window, fake, "grace", "ada")
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 2, timeout=3000)
    trash.empty_button.click()
    box = trash.confirmation
    assert "all 2 contacts" in box.text()
    [confirm] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.DestructiveRole]
    confirm.click()
    qtbot.waitUntil(lambda: not fake.contacts, timeout=3000)
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 0, timeout=3000)
    qtbot.waitUntil(lambda: "Trash emptied: 2 contacts deleted forever" in window.statusBar().currentMessage(),
                    timeout=3000)
    trash.empty_button.click()   # nothing left: nothing asked
    assert trash.confirmation is box and not box.isVisible()


def test_the_trash_lists_a_to_z_with_accents_ignored_and_the_sidebar_counts_it(qtbot, window, fake):
    for contact_id, name in (("joao", "João"), ("ana", "Ana"), ("alvaro", "Álvaro"), ("ze", "Zé")):
        fake.add_contact({"id": contact_id, "name": name})
    trash = trashed(window, fake, "joao", "ana", "alvaro", "ze")
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 4, timeout=3000)
    assert [trash.proxy.index(r, 0).data() for r in range(4)] == ["Álvaro", "Ana", "João", "Zé"]
    qtbot.waitUntil(lambda: window.sidebar.counts()["Trash"] == 4, timeout=3000)


def test_after_delete_forever_undo_no_longer_offers_to_bring_the_contact_back(qtbot, window, fake):
    """Edit → Undo used to still say "Undo Delete 'Grace Hopper'" after Delete forever, and
    failed with "no contact with id 'grace'"."""
    errors = []
    window.session.errorOccurred.connect(lambda *args: errors.append(args))
    window.session.delete_contacts([fake.get_contact("grace")])
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Delete 'Grace Hopper'", timeout=3000)
    trash = trashed(window, fake)
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    select_first(trash)
    trash.purge_button.click()
    trash.confirmation.button(QMessageBox.Cancel)   # (the box is there)
    [b for b in trash.confirmation.buttons() if b.text() == "Delete forever"][0].click()
    qtbot.waitUntil(lambda: "grace" not in fake.contacts, timeout=3000)
    qtbot.waitUntil(lambda: not window.session.undo_stack.canUndo(), timeout=3000)
    assert not window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert not errors


def test_the_trash_shows_a_long_phone_whole_at_its_default_size(qtbot, window, fake):
    """The four columns stretched equally and cut "+44 20 7946 0958" (seen under Xvfb)."""
    from contacts.gui.models.contact_table_model import NAME, PHONE
    fake.add_contact({"id": "ada-long", "name": "Ada King", "phones": [{"label": "work", "number": "+44 20 7946 0958"}],
                      "emails": [{"label": "work", "address": "ada@analytical-engine.example.org"}],
                      "organization": "Analytical Engine"})
    trash = trashed(window, fake, "ada-long")
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    trash.show()
    qtbot.waitExposed(trash)
    assert trash.size().width() == 620   # the default size
    row = [i for i in range(trash.proxy.rowCount()) if trash.proxy.index(i, NAME).data() == "Ada King"][0]
    assert trash.proxy.index(row, PHONE).data() == "+44 20 7946 0958"
    def whole(column):   # as wide as its widest cell (the header resizes after a layout pass)
        return trash.table.columnWidth(column) >= trash.table.sizeHintForColumn(column)
    qtbot.waitUntil(lambda: whole(PHONE), timeout=2000)
    # the name still has room, and nothing needs a sideways scroll (the long email shares the rest)
    assert trash.table.columnWidth(NAME) >= trash.table.fontMetrics().horizontalAdvance("Ada King")
    assert not trash.table.horizontalScrollBar().isVisible()
