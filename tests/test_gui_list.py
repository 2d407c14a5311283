"""The contact list and the sidebar: avatars, names and second lines, starred first, grouped by
letter; All / Starred / groups with their counts / Trash, from the keyboard; star and groups on
a selection, each undone in one step; photos asked for only for the rows on screen; after Del
the contact that took the deleted one's place is selected."""
import base64

import pytest
from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtGui import QColor

from contacts.gui.app import create_window
from contacts.gui.models.contact_table_model import ContactRole
from contacts.gui.presentation import group_letter, secondary_text
from contacts.gui.views.contact_list import ContactDelegate
from contacts.gui.views.sidebar import Sidebar
from gui_fakes import FakeContactsService
from test_gui_detail import image_bytes

PEOPLE = [
    {"id": "ada", "name": "Ada Lovelace", "title": "Countess", "organization": "Analytical Engines",
     "groups": ["Work"], "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]},
    {"id": "alan", "name": "Alan Turing", "phones": [{"label": "work", "number": "+44 161 496 0754"}],
     "groups": ["Work", "Bletchley"]},
    {"id": "eli", "name": "Élodie Martin", "emails": [{"label": "home", "address": "elodie@example.fr"}],
     "groups": ["Family"]},
    {"id": "grace", "name": "Grace Hopper", "organization": "US Navy", "starred": True, "groups": ["Work"]},
    {"id": "zoe", "name": "Zoe Zimmermann", "starred": True, "groups": ["Family"]},
    {"id": "num", "name": "42 Club"},
]


@pytest.fixture
def fake():
    return FakeContactsService.holding(PEOPLE)


@pytest.fixture
def window(qtbot, fake, tmp_path):
    window = create_window(settings=QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat),
                           client_factory=lambda: fake, poll_interval_ms=100, host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == len(PEOPLE), timeout=3000)
    yield window
    window.close()


def rows(window):
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def contacts_shown(window):
    return [window.proxy.index(r, 0).data(ContactRole) for r in range(window.proxy.rowCount())]


def idle(window):
    return window.session.pending_actions == 0


def test_rows_starred_first_then_by_name_each_with_a_second_line_and_its_letter(window):
    assert rows(window) == ["Grace Hopper", "Zoe Zimmermann", "42 Club", "Ada Lovelace", "Alan Turing",
                            "Élodie Martin"]
    shown = contacts_shown(window)
    assert [secondary_text(c) for c in shown] == ["US Navy", "", "", "Countess · Analytical Engines",
                                                  "+44 161 496 0754", "elodie@example.fr"]
    # the letter shows in the margin of the first row of each group only
    first = [ContactDelegate._first_of_group(window.proxy.index(r, 0), group_letter(c)) for r, c in enumerate(shown)]
    assert [group_letter(c) for c in shown] == ["★", "★", "#", "A", "A", "E"]
    assert first == [True, False, True, True, False, True]
    # one row height for every row (a big book is laid out without asking about each)
    assert window.contact_list.verticalHeader().sectionResizeMode(0) == window.contact_list.verticalHeader().Fixed


def test_the_sidebar_counts_and_filters_from_the_keyboard(qtbot, window, fake):
    assert window.sidebar.counts() == {"All contacts": 6, "Starred": 2, "Bletchley": 1, "Family": 2, "Work": 3,
                                       "Trash": None}
    window.sidebar.setFocus()
    assert window.sidebar.currentItem().text() == "All contacts"
    qtbot.keyClick(window.sidebar, Qt.Key_Down)
    assert rows(window) == ["Grace Hopper", "Zoe Zimmermann"]
    qtbot.keyClick(window.sidebar, Qt.Key_Down)            # over the "Groups" heading, to Bletchley
    assert window.sidebar.currentItem().text() == "Bletchley" and rows(window) == ["Alan Turing"]
    qtbot.keyClick(window.sidebar, Qt.Key_Down)
    qtbot.keyClick(window.sidebar, Qt.Key_Down)
    assert window.sidebar.currentItem().text() == "Work"
    assert rows(window) == ["Grace Hopper", "Ada Lovelace", "Alan Turing"]
    # the search narrows the group further
    window.search.setText("navy")
    assert rows(window) == ["Grace Hopper"]
    window.search.clear()
    # moving onto the Trash does not open it; Return does, and the list keeps its group
    qtbot.keyClick(window.sidebar, Qt.Key_Down)
    assert window.trash_dialog is None and rows(window) == ["Grace Hopper", "Ada Lovelace", "Alan Turing"]
    qtbot.keyClick(window.sidebar, Qt.Key_Return)
    assert window.trash_dialog is not None and window.trash_dialog.isVisible()
    window.trash_dialog.close()
    assert window.sidebar.currentItem().text() == "Work"
    # counts follow changes made anywhere; an emptied group goes, and the list shows all again
    window.sidebar.choose(("group", "Bletchley"))
    fake.edit_behind_the_back("alan", {"groups": ["Work"]})
    qtbot.waitUntil(lambda: "Bletchley" not in window.sidebar.counts(), timeout=3000)
    assert window.sidebar.scope == ("all", None) and len(rows(window)) == 6


def test_an_empty_entry_shows_no_count_and_all_contacts_shows_the_books_size(qtbot):
    """Starred showed 0 while an empty Trash showed nothing."""
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_counts(0, 0, {}, deleted=0)
    assert sidebar.counts() == {"All contacts": 0, "Starred": None, "Trash": None}
    sidebar.set_counts(3, 1, {"Work": 2}, deleted=2)      # a group came: the sidebar is rebuilt
    assert sidebar.counts() == {"All contacts": 3, "Starred": 1, "Work": 2, "Trash": 2}
    sidebar.set_counts(3, 0, {"Work": 2}, deleted=0)      # the same entries: counts set in place
    assert sidebar.counts() == {"All contacts": 3, "Starred": None, "Work": 2, "Trash": None}


def selected_ids(window):
    return [c["id"] for c in window.selected_contacts()]


def shows(window, contact_id):
    """The list selects that contact and the detail pane shows it, as the user sees it."""
    return selected_ids(window) == [contact_id] and (window.detail.contact or {}).get("id") == contact_id


def test_del_selects_the_contact_that_took_its_place_so_del_del_del_deletes_one_after_another(qtbot, window, fake):
    """After Del nothing was selected: the focus frame sat on the next row while the detail
    pane asked to select a contact, and the next Del deleted nothing."""
    window.select_contact("num")                          # 42 Club, then Ada, Alan, Élodie
    window.contact_list.setFocus()
    for deleted, then in (("num", "ada"), ("ada", "alan"), ("alan", "eli"), ("eli", "zoe")):  # the last: the one before
        qtbot.keyClick(window.contact_list, Qt.Key_Delete)
        qtbot.waitUntil(lambda: fake.contacts[deleted]["deleted"] and shows(window, then), timeout=3000)
    assert rows(window) == ["Grace Hopper", "Zoe Zimmermann"]
    # undo brings Élodie back, selected (not the contact selected after the delete)
    qtbot.keyClick(window.contact_list, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not fake.contacts["eli"]["deleted"] and shows(window, "eli"), timeout=3000)


def test_deleting_a_selection_selects_the_row_after_its_last_and_undo_selects_them_again(qtbot, window, fake):
    window.select_contact("grace")
    model = window.contact_list.selectionModel()
    model.select(window.proxy.mapFromSource(window.session.contacts.index_of("num")), model.Select | model.Rows)
    assert selected_ids(window) == ["grace", "num"]       # rows 1 and 3: Zoe between them stays
    window.contact_list.setFocus()
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    qtbot.waitUntil(lambda: shows(window, "ada"), timeout=3000)
    assert rows(window) == ["Zoe Zimmermann", "Ada Lovelace", "Alan Turing", "Élodie Martin"]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: sorted(selected_ids(window)) == ["grace", "num"], timeout=3000)


def test_a_deletion_elsewhere_or_another_choice_meanwhile_keeps_the_users_selection(qtbot, window, fake):
    window.select_contact("ada")
    fake.delete_contact("num")                            # on another replica: the row above goes
    qtbot.waitUntil(lambda: "42 Club" not in rows(window), timeout=3000)
    assert shows(window, "ada")
    fake.delete_contact("ada")                            # the selected one, elsewhere: as before,
    qtbot.waitUntil(lambda: "Ada Lovelace" not in rows(window), timeout=3000)
    assert selected_ids(window) == [] and window.detail.contact is None   # nothing else is chosen
    # Del, then another contact chosen before the delete is done: that choice stays
    window.select_contact("grace")
    window.contact_list.setFocus()
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    window.select_contact("eli")
    qtbot.waitUntil(lambda: "Grace Hopper" not in rows(window) and idle(window), timeout=3000)
    assert shows(window, "eli")


def test_ctrl_d_stars_a_selection_and_one_undo_unstars_it(qtbot, window, fake):
    window.select_contact("ada")
    window.contact_list.selectionModel().select(
        window.proxy.mapFromSource(window.session.contacts.index_of("eli")),
        window.contact_list.selectionModel().Select | window.contact_list.selectionModel().Rows)
    window.contact_list.setFocus()
    qtbot.keyClick(window.contact_list, Qt.Key_D, Qt.ControlModifier)
    qtbot.waitUntil(lambda: fake.contacts["ada"]["starred"] and fake.contacts["eli"]["starred"], timeout=3000)
    qtbot.waitUntil(lambda: rows(window)[:4] == ["Ada Lovelace", "Élodie Martin", "Grace Hopper", "Zoe Zimmermann"],
                    timeout=3000)
    assert window.sidebar.counts()["Starred"] == 4
    assert window.session.undo_stack.undoText() == "Star 2 contacts"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not fake.contacts["ada"]["starred"] and not fake.contacts["eli"]["starred"], timeout=3000)
    assert fake.contacts["grace"]["starred"]                 # not part of the change: untouched
    # the detail pane's star does the same for the contact it shows
    window.select_contact("alan")
    window.detail.star.click()
    qtbot.waitUntil(lambda: fake.contacts["alan"]["starred"], timeout=3000)
    qtbot.waitUntil(lambda: window.detail.star.isChecked(), timeout=3000)


def test_adding_to_a_group_is_undone_without_touching_groups_others_changed(qtbot, window, fake):
    contacts = [c for c in contacts_shown(window) if c["id"] in ("ada", "eli")]
    window.add_to_group(contacts, "Friends")
    qtbot.waitUntil(lambda: "Friends" in fake.contacts["eli"]["groups"] and "Friends" in fake.contacts["ada"]["groups"],
                    timeout=3000)
    assert fake.contacts["eli"]["groups"] == ["Family", "Friends"]
    qtbot.waitUntil(lambda: window.sidebar.counts().get("Friends") == 2, timeout=3000)
    fake.edit_behind_the_back("eli", {"groups": {"add": ["Chess"]}})   # someone else, meanwhile
    qtbot.waitUntil(lambda: window.sidebar.counts().get("Chess") == 1, timeout=3000)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "Friends" not in fake.contacts["eli"]["groups"], timeout=3000)
    assert fake.contacts["eli"]["groups"] == ["Chess", "Family"] and fake.contacts["ada"]["groups"] == ["Work"]
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: fake.contacts["ada"]["groups"] == ["Friends", "Work"], timeout=3000)
    # a group chip in the detail pane shows that group
    window.select_contact("eli")
    window.detail.open_link("group:Chess")
    assert window.sidebar.scope == ("group", "Chess") and rows(window) == ["Élodie Martin"]


def test_the_row_menu_offers_what_the_selection_allows(qtbot, window):
    window.select_contact("grace")
    window._row_menu(window.contact_list.visualRect(window.proxy.index(0, 0)).center())
    menu = window.row_menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["&Edit contact…", "Unstar", "Add to group", "Remove from group", "Export contact…",
                     "Share as .&vcf…", "Share as QR &code…", "&Delete"]
    removable = [a.text() for a in menu.actions()[3].menu().actions()]
    assert removable == ["Work"]
    addable = {a.text(): a.isEnabled() for a in menu.actions()[2].menu().actions() if a.text()}
    assert addable == {"Bletchley": True, "Family": True, "Work": False, "New group…": True}
    menu.close()


def test_typing_a_letter_in_the_list_searches(qtbot, window):
    window.contact_list.setFocus()
    qtbot.keyClicks(window.contact_list, "zim")
    assert window.search.hasFocus() and window.search.text() == "zim"
    assert rows(window) == ["Zoe Zimmermann"]


def test_a_fresh_window_has_the_list_in_focus_so_arrows_walk_contacts_and_typing_searches(qtbot, window):
    """Under Xvfb, Down then Delete on a fresh window moved the sidebar to Starred and
    deleted nothing: the focus started in the sidebar, first in the Tab order."""
    assert window.focusWidget() is window.contact_list
    qtbot.keyClick(window.focusWidget(), Qt.Key_Down)
    assert window.current_contact() is not None   # a contact, not the sidebar's Starred
    qtbot.keyClicks(window.focusWidget(), "zim")
    assert window.search.text() == "zim" and rows(window) == ["Zoe Zimmermann"]


def test_photos_are_asked_for_only_for_the_rows_on_screen(qtbot, tmp_path):
    fake = FakeContactsService()
    for n in range(300):
        color = QColor.fromHsv(n % 360, 200, 50 + n % 200).name()
        fake.add_contact({"id": f"p{n:03d}", "name": f"Person {n:03d}",
                          "photo": {"data": base64.b64encode(image_bytes(color, 8, 8)).decode()}})
    window = create_window(settings=QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat),
                           client_factory=lambda: fake, poll_interval_ms=100, host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 300, timeout=3000)
    on_screen = window.contact_list.last_visible_row() + 1
    hash_of = {c["id"]: c["photo"]["hash"] for c in fake.contacts.values()}
    qtbot.waitUntil(lambda: window.photos.held_count() >= on_screen, timeout=3000)
    assert on_screen < 20 and len(set(fake.photo_requests)) <= on_screen + 2
    assert set(fake.photo_requests) <= {hash_of[f"p{n:03d}"] for n in range(on_screen + 2)}
    window.contact_list.scrollToBottom()
    qtbot.waitUntil(lambda: hash_of["p299"] in fake.photo_requests, timeout=3000)
    qtbot.wait(300)
    assert len(set(fake.photo_requests)) < 3 * on_screen      # not the rows scrolled past
    window.close()


def test_the_search_finds_groups_titles_and_addresses_like_the_replicas_do(qtbot, window, fake):
    fake.edit_behind_the_back("alan", {"addresses": [{"label": "home", "locality": "Wilmslow"}]})
    qtbot.waitUntil(lambda: bool(window.session.contacts.contact("alan")["addresses"]), timeout=3000)
    for query, found in (("bletchley", ["Alan Turing"]), ("countess", ["Ada Lovelace"]),
                         ("wilmslow", ["Alan Turing"]), ("mobile", ["Ada Lovelace"])):
        window.search.setText(query)
        assert rows(window) == found, query
