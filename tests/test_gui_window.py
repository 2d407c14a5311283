"""The main window against an in-memory fake of the client: editing, undo/redo, live updates,
conflicts, unavailability, shortcuts and settings.  (The real cluster: test_gui_cluster.py.)"""
import pytest
from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtWidgets import QApplication, QMessageBox, QToolBar

from contacts.gui.app import create_window
from gui_fakes import FakeContactsService

ADA = {"name": "Ada Lovelace", "organization": "Analytical Engines",
       "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
       "emails": [{"label": "work", "address": "ada@example.com"}]}
GRACE = {"name": "Grace Hopper", "phones": [{"label": "work", "number": "+1 202 555 0143"}]}


@pytest.fixture
def fake():
    service = FakeContactsService()
    service.add_contact(dict(ADA, id="ada"))
    service.add_contact(dict(GRACE, id="grace"))
    return service


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)


@pytest.fixture
def window(qtbot, fake, settings):
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 2, timeout=3000)
    yield window
    window.close()


def rows(window):
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def idle(window):
    return window.session.pending_actions == 0


def fill_and_save(qtbot, dialog, name=None, organization=None, phone=None):
    if name is not None:
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, name)
    if organization is not None:
        dialog.organization_edit.clear()
        qtbot.keyClicks(dialog.organization_edit, organization)
    if phone is not None:
        dialog.phones.rows[0].value_edit.clear()
        qtbot.keyClicks(dialog.phones.rows[0].value_edit, phone)
    dialog.buttons.button(dialog.buttons.Save).click()


def test_table_and_detail_pane_show_every_field(qtbot, window):
    assert rows(window) == ["Ada Lovelace", "Grace Hopper"]
    window.select_contact("ada")
    details = window.detail.text()
    for text in ("Ada Lovelace", "Analytical Engines", "Mobile: +44 20 7946 0958", "Work: ada@example.com"):
        assert text in details
    # replication detail stays out of what people read: a tooltip, when the contact has a stamp
    assert "Lamport" not in details and "stamp" not in details
    if window.detail.contact.get("updated"):
        assert window.detail.header.toolTip().startswith("Last change: Lamport stamp ")
    assert window.replica_status.text() == "● Replica 1 · 3 of 3 alive"
    assert window.count_label.text() == "2 contacts"


def test_add_with_ctrl_n_then_undo_and_redo_with_the_keyboard(qtbot, window, fake):
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    dialog = window.contact_dialog
    assert dialog is not None and dialog.isVisible()
    fill_and_save(qtbot, dialog, "Katherine Johnson", "NASA", "+1 757 555 0100")
    qtbot.waitUntil(lambda: "Katherine Johnson" in rows(window), timeout=3000)
    stored = [c for c in fake.contacts.values() if c["name"] == "Katherine Johnson"][0]
    assert stored["phones"][0]["e164"] == "+17575550100" and not stored["deleted"]
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "Katherine Johnson" not in rows(window), timeout=3000)
    assert fake.contacts[stored["id"]]["deleted"]
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: "Katherine Johnson" in rows(window), timeout=3000)
    assert not fake.contacts[stored["id"]]["deleted"]
    assert sum(c["name"] == "Katherine Johnson" for c in fake.contacts.values()) == 1


def test_edit_sends_only_changed_fields_and_undo_restores_them(qtbot, window, fake):
    window.select_contact("ada")
    window.edit_action.trigger()
    fill_and_save(qtbot, window.contact_dialog, organization="Babbage & co")
    qtbot.waitUntil(lambda: fake.contacts["ada"]["organization"] == "Babbage & co", timeout=3000)
    qtbot.waitUntil(lambda: "Babbage & co" in window.detail.text(), timeout=3000)
    assert window.session.undo_stack.undoText() == "Edit 'Ada Lovelace'"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: fake.contacts["ada"]["organization"] == "Analytical Engines", timeout=3000)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: fake.contacts["ada"]["organization"] == "Babbage & co", timeout=3000)
    assert fake.contacts["ada"]["phones"][0]["number"] == "+44 20 7946 0958"


def test_delete_key_on_the_table_then_undo_and_trash_restore(qtbot, window, fake):
    window.select_contact("grace")
    window.contact_list.setFocus()
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace"], timeout=3000)
    assert fake.contacts["grace"]["deleted"]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace", "Grace Hopper"], timeout=3000)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace"], timeout=3000)
    window.show_trash()
    trash = window.trash_dialog
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    trash.table.selectRow(0)
    trash.restore_button.click()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace", "Grace Hopper"], timeout=3000)
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 0, timeout=3000)
    assert window.session.undo_stack.undoText() == "Restore 'Grace Hopper'"


def test_del_in_the_search_box_edits_the_text_not_the_contacts(qtbot, window, fake):
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "gracex")
    qtbot.keyClick(window.search, Qt.Key_Left)
    qtbot.keyClick(window.search, Qt.Key_Delete)
    assert window.search.text() == "grace" and rows(window) == ["Grace Hopper"]
    assert not fake.contacts["grace"]["deleted"] and idle(window)


def test_changes_by_others_appear_without_losing_the_selection(qtbot, window, fake):
    window.select_contact("grace")
    fake.add_contact({"name": "Alan Turing", "id": "alan"})
    fake.edit_behind_the_back("grace", {"organization": "US Navy"})
    qtbot.waitUntil(lambda: "Alan Turing" in rows(window), timeout=3000)
    qtbot.waitUntil(lambda: "US Navy" in window.detail.text(), timeout=3000)
    assert window.current_contact()["id"] == "grace"
    fake.delete_contact("alan")
    qtbot.waitUntil(lambda: "Alan Turing" not in rows(window), timeout=3000)
    assert window.current_contact()["id"] == "grace"


def test_search_box_filters_as_you_type(qtbot, window):
    qtbot.keyClicks(window.search, "7946")
    assert rows(window) == ["Ada Lovelace"]
    window.search.clear()
    qtbot.keyClicks(window.search, "hopper")
    assert rows(window) == ["Grace Hopper"]


def test_dialog_is_told_when_the_contact_changes_underneath(qtbot, window, fake):
    window.select_contact("ada")
    window.edit_action.trigger()
    dialog = window.contact_dialog
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Ada King")
    fake.edit_behind_the_back("ada", {"name": "Augusta Ada Byron"})
    qtbot.waitUntil(dialog.banner.isVisible, timeout=3000)
    assert dialog.name_edit.text() == "Ada King" and dialog.use_theirs_button.isVisible()
    dialog.keep_mine_button.click()
    dialog.buttons.button(dialog.buttons.Save).click()
    qtbot.waitUntil(lambda: fake.contacts["ada"]["name"] == "Ada King", timeout=3000)


def test_a_clash_at_the_moment_of_saving_asks_before_overwriting(qtbot, fake, settings):
    # no polling: the dialog cannot see the other edit coming, only the save-time check can
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=60_000)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 2, timeout=3000)
    window.select_contact("ada")
    window.edit_action.trigger()
    dialog = window.contact_dialog
    fake.edit_behind_the_back("ada", {"organization": "Theirs Ltd"})
    fill_and_save(qtbot, dialog, organization="Mine plc")
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible(), timeout=3000)
    assert "organization" in window.message_box.text()
    assert fake.contacts["ada"]["organization"] == "Theirs Ltd"     # not overwritten silently
    overwrite = [b for b in window.message_box.buttons() if b.text() == "Overwrite"][0]
    overwrite.click()
    qtbot.waitUntil(lambda: fake.contacts["ada"]["organization"] == "Mine plc", timeout=3000)
    window.close()


def test_failover_is_named_in_the_status_bar(qtbot, window, fake):
    fake.switch_replica(2)
    qtbot.waitUntil(lambda: window.replica_status.text().startswith("● Replica 2"), timeout=3000)
    assert "now using replica 2" in window.statusBar().currentMessage()


def test_double_clicking_a_replica_in_the_cluster_panel_uses_it(qtbot, window, fake):
    table = window.cluster_panel.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=3000)
    row = next(r for r in range(3) if table.model().index(r, 0).data().startswith("replica 2"))
    table.doubleClicked.emit(table.model().index(row, 0))
    qtbot.waitUntil(lambda: window.replica_status.text().startswith("● Replica 2"), timeout=3000)
    assert fake.current_replica[0] == 2 and "use_replica" in fake.calls
    assert window.statusBar().currentMessage() == "Now using replica 2, as chosen"


def test_saved_changes_only_a_dead_replica_holds_are_named_until_it_is_back(qtbot, window, fake):
    # what ContactsClient tells when it reads without writes that no reachable replica holds
    fake.tell_listeners({"type": "unreplicated", "missing": {1: 2}})
    qtbot.waitUntil(lambda: "2 saved changes not shown" in window.replica_status.text(), timeout=3000)
    assert "only on replica 1, which is down" in window.statusBar().currentMessage()
    fake.tell_listeners({"type": "unreplicated", "missing": {}})
    qtbot.waitUntil(lambda: "not shown" not in window.replica_status.text(), timeout=3000)
    assert window.statusBar().currentMessage() == "Every saved change is shown again"


def test_all_replicas_down_says_so_and_the_pending_add_completes_when_one_returns(qtbot, window, fake):
    fake.down.set()
    qtbot.waitUntil(lambda: "No replica reachable" in window.replica_status.text(), timeout=3000)
    assert window.session.cluster.alive_count() == 0
    window.session.add_contact({"name": "Margaret Hamilton", "phones": [], "emails": [],
                                "organization": "", "notes": ""})
    qtbot.waitUntil(lambda: "waiting for a replica" in window.statusBar().currentMessage(), timeout=3000)
    assert window.pending_label.text() == "saving 1 change…"
    fake.down.clear()
    qtbot.waitUntil(lambda: "Margaret Hamilton" in rows(window), timeout=5000)
    qtbot.waitUntil(lambda: window.replica_status.text().startswith("● Replica 1"), timeout=3000)
    assert idle(window) and window.pending_label.text() == ""


def test_a_rejected_write_is_reported_and_not_pushed_on_the_undo_stack(qtbot, window, fake):
    window.session.add_contact({"name": "", "phones": [], "emails": [], "organization": "", "notes": ""})
    qtbot.waitUntil(lambda: window.message_box is not None and window.message_box.isVisible(), timeout=3000)
    assert "name: must not be empty" in window.message_box.text()
    assert window.session.undo_stack.count() == 0


def test_geometry_pane_sizes_and_name_server_are_remembered(qtbot, fake, settings):
    first = create_window(settings=settings, client_factory=lambda: fake, host="10.0.0.7", port=9191)
    qtbot.addWidget(first)
    first.resize(777, 555)
    first.show()
    first.splitter.setSizes([163, 280, 310])   # (the sidebar is never narrower than its items)
    sizes = first.splitter.sizes()
    first.close()
    second = create_window(settings=settings, client_factory=lambda: fake, host=None, port=None)
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes() == sizes and sizes[0] == 163
    assert (second.width(), second.height()) == (777, 555)
    second.close()


def test_name_server_precedence_and_the_settings_dialog_reconnects(qtbot, fake, settings, monkeypatch):
    from contacts.gui.app import resolve_name_server
    settings.setValue("nameserver/host", "10.0.0.9")
    settings.setValue("nameserver/port", 9300)
    assert resolve_name_server(settings, environ={}) == ("10.0.0.9", 9300)
    assert resolve_name_server(settings, environ={"PYRO_NS_PORT": "9400"}) == ("10.0.0.9", 9400)
    assert resolve_name_server(settings, "h", 1, environ={"PYRO_NS_PORT": "9400"}) == ("h", 1)
    made = []

    def factory_for(host, port):
        made.append((host, port))
        return lambda: fake
    window = create_window(settings=settings, client_factory=lambda: fake, host="127.0.0.1", port=9090,
                           factory_for=factory_for)
    qtbot.addWidget(window)
    window.show_settings()
    dialog = window.settings_dialog
    dialog.host_edit.setText("bad host")
    dialog.buttons.button(dialog.buttons.Ok).click()
    assert dialog.isVisible() and "host" in dialog.error.text()
    dialog.host_edit.setText("192.168.1.5")
    dialog.port_box.setValue(9500)
    dialog.buttons.button(dialog.buttons.Ok).click()
    assert made == [("192.168.1.5", 9500)]
    assert settings.value("nameserver/host") == "192.168.1.5" and int(settings.value("nameserver/port")) == 9500
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 2, timeout=3000)
    window.close()


def test_ctrl_q_closes_the_window(qtbot, window):
    qtbot.keyClick(window, Qt.Key_Q, Qt.ControlModifier)
    assert not window.isVisible()


def test_quitting_with_a_change_still_waiting_asks_first(qtbot, window, fake):
    fake.down.set()
    window.session.add_contact({"name": "Unsaved", "phones": [], "emails": [], "organization": "", "notes": ""})
    qtbot.waitUntil(lambda: window.session.pending_actions == 1, timeout=3000)
    window.close()
    assert window.isVisible() and "1 change still waits" in window.message_box.text()
    window.message_box.button(QMessageBox.Cancel).click()
    assert window.isVisible()
    window.close()
    window.message_box.button(QMessageBox.Discard).click()
    assert not window.isVisible()


def test_an_empty_list_or_search_says_why_it_is_empty(qtbot, window, fake):
    qtbot.keyClicks(window.search, "nobody here")
    assert window.empty_hint.isVisible() and "No contact matches" in window.empty_hint.text()
    window.search.clear()
    assert not window.empty_hint.isVisible()
    fake.delete_contact("ada")
    fake.delete_contact("grace")
    qtbot.waitUntil(lambda: window.empty_hint.isVisible(), timeout=3000)
    assert window.empty_hint.text() == "No contacts yet — Ctrl+N adds one"


def test_search_habits_and_deleting_several_at_once(qtbot, window, fake):
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(window.search, "hopper")
    qtbot.keyClick(window.search, Qt.Key_Return)          # to the first match
    assert window.contact_list.hasFocus() and window.current_contact()["id"] == "grace"
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClick(window.search, Qt.Key_Escape)          # clears the search
    assert window.search.text() == "" and rows(window) == ["Ada Lovelace", "Grace Hopper"]
    window.contact_list.setFocus()
    window.contact_list.selectAll()
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    qtbot.waitUntil(lambda: rows(window) == [], timeout=3000)
    assert fake.contacts["ada"]["deleted"] and fake.contacts["grace"]["deleted"]
    assert window.session.undo_stack.undoText() == "Delete 2 contacts"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace", "Grace Hopper"], timeout=3000)


def test_a_big_list_filters_after_a_pause_in_typing(qtbot, window, monkeypatch):
    from contacts.gui.views import main_window
    monkeypatch.setattr(main_window, "DEBOUNCE_ABOVE", 1)   # as if the list were big
    qtbot.keyClicks(window.search, "hopper")
    assert rows(window) == ["Ada Lovelace", "Grace Hopper"]  # not once per keystroke
    qtbot.waitUntil(lambda: rows(window) == ["Grace Hopper"], timeout=2000)


def test_polls_list_the_contacts_again_only_when_something_changed(qtbot, window, fake):
    listed = fake.calls.count("list_contacts")
    polls = window.session.polls_done
    qtbot.waitUntil(lambda: window.session.polls_done >= polls + 5, timeout=5000)
    assert fake.calls.count("list_contacts") == listed, "an unchanged cluster is not listed again"
    fake.edit_behind_the_back("ada", {"name": "Ada King"})
    qtbot.waitUntil(lambda: "Ada King" in rows(window), timeout=3000)
    assert fake.calls.count("list_contacts") == listed + 1


def test_tab_leaves_every_table_instead_of_walking_its_cells(window):
    tables = [window.contact_list, window.cluster_panel.table]
    window.show_trash()
    tables.append(window.trash_dialog.table)
    assert [table.tabKeyNavigation() for table in tables] == [False, False, False]


def test_the_trash_works_from_the_keyboard(qtbot, window, fake):
    fake.delete_contact("grace")
    fake.delete_contact("ada")
    window.show_trash()
    trash = window.trash_dialog
    trash.activateWindow()
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 2, timeout=3000)
    # Tab goes search box -> list -> Restore -> Close
    trash.search.setFocus()
    seen = []
    for _ in range(3):
        trash.focusNextChild()
        seen.append(QApplication.focusWidget())
    assert seen == [trash.table, trash.restore_button, trash.close_button]
    # Return on a selected row restores it (and leaves the trash open)
    trash.table.setFocus()
    trash.table.selectRow(0)
    first = trash.proxy.index(0, 0).data()
    qtbot.keyClick(trash.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: first in rows(window), timeout=3000)
    assert trash.isVisible()
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    # Alt+R (the &Restore mnemonic) restores the selected one too
    trash.table.selectRow(0)
    second = trash.proxy.index(0, 0).data()
    qtbot.keyClick(trash.table, Qt.Key_R, Qt.AltModifier)
    qtbot.waitUntil(lambda: second in rows(window), timeout=3000)
    assert trash.restore_button.text() == "&Restore"


def test_a_new_search_shows_its_first_matches_at_the_top(qtbot, window, fake):
    for n in range(300):
        fake.add_contact({"id": f"p{n:03d}", "name": f"Person {n:03d}"})
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 302, timeout=3000)
    window.contact_list.scrollToBottom()
    assert window.contact_list.first_visible_row() > 200
    qtbot.keyClicks(window.search, "Person 1")          # 100 matches, more than the view holds
    assert window.proxy.rowCount() >= 100
    assert window.contact_list.verticalScrollBar().value() == 0 and window.contact_list.first_visible_row() == 0


def test_undo_and_redo_keep_their_short_text_and_name_the_change_in_the_tooltip(qtbot, window, fake):
    toolbar = window.findChild(QToolBar, "mainToolbar")
    undo_button = toolbar.widgetForAction(window.undo_action)
    width = undo_button.sizeHint().width()
    window.select_contact("ada")
    window.edit_action.trigger()
    fill_and_save(qtbot, window.contact_dialog, "Ana Beatriz Goncalves de Albuquerque")
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=3000)
    assert window.undo_action.text() == "&Undo" and window.redo_action.text() == "&Redo"
    assert "Goncalves de Albuquerque" in window.undo_action.toolTip()
    assert undo_button.sizeHint().width() == width
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.isEnabled() and not window.undo_action.isEnabled(), timeout=3000)
    assert "Goncalves de Albuquerque" in window.redo_action.toolTip()
    assert window.redo_action.text() == "&Redo"


def is_shown_in_the_view(window, contact_id):
    index = window.proxy.mapFromSource(window.proxy.sourceModel().index_of(contact_id))
    return index.isValid() and window.contact_list.viewport().rect().contains(window.contact_list.visualRect(index))


def test_an_added_undone_or_restored_contact_is_selected_and_scrolled_to(qtbot, window, fake):
    for n in range(300):
        fake.add_contact({"id": f"p{n:03d}", "name": f"Person {n:03d}"})
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 302, timeout=3000)
    window.contact_list.scrollToTop()
    window.new_action.trigger()
    fill_and_save(qtbot, window.contact_dialog, "Zoe Zimmermann")      # the last row, far below
    qtbot.waitUntil(lambda: (window.current_contact() or {}).get("name") == "Zoe Zimmermann", timeout=3000)
    assert is_shown_in_the_view(window, window.current_contact()["id"])
    assert "Zoe Zimmermann" in window.detail.text()
    # undo of a delete brings the contact back selected
    window.select_contact("p299")
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Delete 'Person 299'", timeout=3000)
    window.select_contact("ada")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: (window.current_contact() or {}).get("id") == "p299", timeout=3000)
    assert is_shown_in_the_view(window, "p299")
    # a restore from the trash too
    fake.delete_contact("p150")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 302, timeout=3000)
    window.contact_list.scrollToTop()
    window.show_trash()
    trash = window.trash_dialog
    qtbot.waitUntil(lambda: trash.proxy.rowCount() == 1, timeout=3000)
    trash.table.selectRow(0)
    trash.restore_button.click()
    qtbot.waitUntil(lambda: (window.current_contact() or {}).get("id") == "p150", timeout=3000)
    assert is_shown_in_the_view(window, "p150")


def test_forgetting_what_was_read_is_left_to_the_lane(qtbot, window):
    # the GUI thread only raises a flag: the poll job clears what it read, on the lane, so
    # the two threads never touch that dict at once (a race here mixed old and new pages)
    session = window.session
    reader = session.reader
    qtbot.waitUntil(lambda: "key" in reader._last_read, timeout=3000)
    before = dict(reader._last_read)
    session._forget_last_read()
    assert reader._last_read == before
    done = session.polls_done
    session.poll()
    qtbot.waitUntil(lambda: session.polls_done > done, timeout=3000)
    assert "key" in reader._last_read and not reader._forget_next


def test_the_default_region_is_chosen_in_the_settings_and_remembered(qtbot, fake, settings):
    window = create_window(settings=settings, client_factory=lambda: fake, host="127.0.0.1", port=9090,
                           region="US")
    qtbot.addWidget(window)
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.region() == "US"
    dialog.region_box.setCurrentIndex(dialog.region_box.findData("BR"))
    dialog.buttons.button(dialog.buttons.Ok).click()
    assert window.session.region == "BR"
    window.new_contact()
    row = window.contact_dialog.phones.rows[0]
    qtbot.keyClicks(row.value_edit, "(84) 98888-7777")
    assert row.feedback.text() == "✓ +55 84 98888-7777 · read in Brazil (BR)"
    window.contact_dialog.done(0)
    window.close()
    second = create_window(settings=settings, client_factory=lambda: fake, host="127.0.0.1", port=9090)
    qtbot.addWidget(second)
    assert second.session.region == "BR"
    second.close()
