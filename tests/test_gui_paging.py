"""Big books in the window (against the in-memory fake, with small thresholds so it stays fast):
a row per contact with only the pages near the view held, jumping to the end without loading
the pages between, polls re-reading only the held pages, search on the replica, live updates
and selection inside the held pages, and the switch back to a whole listing.
(A real cluster with 20,000 contacts: test_gui_cluster_big.py.)"""
import collections
import sys
from pathlib import Path

import pytest
from PyQt5.QtCore import QSettings, Qt
from PyQt5.QtWidgets import QAbstractItemView

from contacts.errors import UnavailableError
from contacts.gui.app import create_window
from contacts.gui.models.paged_book_model import MAX_PAGES, PLACEHOLDER
from gui_fakes import FakeContactsService

BOOK, LARGE, PAGE = 600, 100, 50


@pytest.fixture
def fake():
    service = FakeContactsService()
    for n in range(BOOK):
        service.add_contact({"id": f"p{n:04d}", "name": f"Person {n:04d}"})
    return service


def open_window(qtbot, fake, tmp_path, book=BOOK):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999, large_book=LARGE, page_size=PAGE)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitUntil(lambda: window.session.total == book and shown(window, 0) == "Person 0000", timeout=5000)
    return window


@pytest.fixture
def window(qtbot, fake, tmp_path):
    window = open_window(qtbot, fake, tmp_path)
    yield window
    window.close()


def shown(window, row):
    return window.proxy.index(row, 0).data()


def rows(window):
    return [shown(window, r) for r in range(window.proxy.rowCount())]


def held(window):
    return window.session.book.held_count()


def scroll_to(qtbot, window, row):
    window.contact_list.scrollTo(window.proxy.index(row, 0), QAbstractItemView.PositionAtTop)
    qtbot.waitUntil(lambda: shown(window, row) == f"Person {row:04d}", timeout=3000)
    assert held(window) <= MAX_PAGES * PAGE


def type_search(qtbot, window, text):
    window.search.clear()
    qtbot.keyClicks(window.search, text)


def test_the_scrollbar_covers_the_whole_book_and_the_end_shows_without_the_pages_between(qtbot, window, fake):
    assert window.session.paged
    assert window.proxy.rowCount() == BOOK and window.contact_list.verticalScrollBar().maximum() > BOOK - PAGE
    assert window.count_label.text() == f"{BOOK} contacts, by first name"
    assert held(window) <= 2 * PAGE
    fake.listings.clear()
    window.contact_list.scrollToBottom()
    qtbot.waitUntil(lambda: shown(window, BOOK - 1) == f"Person {BOOK - 1:04d}", timeout=3000)
    assert set(fake.listings) == {(BOOK - PAGE, PAGE)}       # the last page only, none between
    assert shown(window, BOOK // 2) == PLACEHOLDER and held(window) <= 2 * PAGE
    # wandering through the book holds a few pages, never all it passed
    for row in (450, 300):
        scroll_to(qtbot, window, row)
    qtbot.waitUntil(lambda: window.session.book.contact("p0000") is None, timeout=3000)   # the first page went
    fake.listings.clear()
    window.contact_list.scrollToTop()
    qtbot.waitUntil(lambda: rows(window)[:3] == ["Person 0000", "Person 0001", "Person 0002"], timeout=3000)
    assert (0, PAGE) in fake.listings and held(window) <= MAX_PAGES * PAGE


def test_a_big_book_lists_starred_first_counts_every_scope_and_sorts_by_last_name(qtbot, window, fake, tmp_path):
    assert "Sort by" in window.count_label.toolTip()
    fake.edit_behind_the_back("p0450", {"starred": True, "groups": ["Família"]})   # on a page never read
    fake.edit_behind_the_back("p0002", {"groups": ["Família"]})
    fake.delete_contact("p0003")
    qtbot.waitUntil(lambda: rows(window)[:2] == ["Person 0450", "Person 0000"], timeout=3000)
    # the sidebar's counts come from the replica: the window holds only some pages
    qtbot.waitUntil(lambda: window.sidebar.counts() == {"All contacts": BOOK - 1, "Starred": 1, "Família": 2,
                                                        "Trash": 1}, timeout=3000)
    window.sidebar.choose(("group", "Família"))    # the replica lists the group's members
    qtbot.waitUntil(lambda: rows(window) == ["Person 0450", "Person 0002"], timeout=3000)
    window.sidebar.choose(("all", None))
    qtbot.waitUntil(lambda: window.proxy.rowCount() == BOOK - 1 and shown(window, 1) == "Person 0000", timeout=3000)
    fake.edit_behind_the_back("p0599", {"n": {"given": ["Zeca"], "family": ["Abreu"]}})
    window.sort_actions["last"].trigger()          # View → Sort by → Last name
    qtbot.waitUntil(lambda: rows(window)[:3] == ["Person 0450", "Person 0599", "Person 0000"], timeout=3000)
    assert fake.orders[-1] == "last" and window.count_label.text() == f"{BOOK - 1} contacts, by last name"
    again = create_window(settings=window.settings, client_factory=lambda: fake, poll_interval_ms=100,
                          host="127.0.0.1", port=9999, large_book=LARGE, page_size=PAGE)   # remembered
    qtbot.addWidget(again)
    assert again.session.order == "last" and again.sort_actions["last"].isChecked()
    again.close()


def test_a_poll_after_a_change_re_reads_only_the_held_pages(qtbot, window, fake):
    window.contact_list.scrollToBottom()
    qtbot.waitUntil(lambda: shown(window, BOOK - 1) == f"Person {BOOK - 1:04d}", timeout=3000)
    pages = window.session.book.held_pages()
    assert 0 in pages and len(pages) < BOOK // PAGE
    fake.listings.clear()
    fake.edit_behind_the_back(f"p{BOOK - 2:04d}", {"name": f"Person {BOOK - 2:04d} Renamed"})
    qtbot.waitUntil(lambda: shown(window, BOOK - 2) == f"Person {BOOK - 2:04d} Renamed", timeout=3000)
    assert set(fake.listings) == {(page * PAGE, PAGE) for page in pages}   # one call per held page


def test_a_change_read_by_a_poll_that_then_failed_is_not_lost(qtbot, window, fake, monkeypatch):
    edited_at, failed, cluster_status = fake.counter + 1, [], fake.cluster_status

    def cluster_status_failing_once():
        if fake.counter >= edited_at and not failed:   # after the poll read the change
            failed.append(True)
            raise UnavailableError("the replica died in the middle of the poll")
        return cluster_status()
    monkeypatch.setattr(fake, "cluster_status", cluster_status_failing_once)
    fake.edit_behind_the_back("p0001", {"name": "Person 0001 Renamed"})
    qtbot.waitUntil(lambda: bool(failed), timeout=3000)
    qtbot.waitUntil(lambda: shown(window, 1) == "Person 0001 Renamed", timeout=3000)


def test_search_in_a_big_book_asks_the_replica_and_finds_a_contact_never_loaded(qtbot, window, fake):
    assert window.session.book.contact("p0277") is None
    type_search(qtbot, window, "Person 0277")
    qtbot.waitUntil(lambda: rows(window) == ["Person 0277"], timeout=3000)
    assert "search" in fake.calls
    assert window.count_label.text() == f"{BOOK} contacts (1 found)"
    assert window.select_contact("p0277")
    assert window.current_contact()["name"] == "Person 0277"
    window.search.clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == BOOK and shown(window, 0) == "Person 0000", timeout=3000)


def test_live_changes_in_the_held_pages_keep_the_selection(qtbot, window, fake):
    assert window.select_contact("p0003")
    fake.edit_behind_the_back("p0003", {"name": "Person 0003 Renamed"})
    qtbot.waitUntil(lambda: shown(window, 3) == "Person 0003 Renamed", timeout=3000)
    assert window.current_contact()["id"] == "p0003"
    fake.add_contact({"id": "p9999", "name": "Person 0001b"})   # rows move down under the selection
    qtbot.waitUntil(lambda: window.session.total == BOOK + 1, timeout=3000)
    qtbot.waitUntil(lambda: shown(window, 2) == "Person 0001b", timeout=3000)
    assert window.current_contact()["id"] == "p0003"
    assert window.detail.contact["name"] == "Person 0003 Renamed"


def test_deleting_in_a_big_book_removes_the_row_and_undo_brings_it_back(qtbot, window, fake):
    assert window.select_contact("p0005")
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: shown(window, 5) == "Person 0006", timeout=3000)
    assert window.session.total == BOOK - 1
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: shown(window, 5) == "Person 0005", timeout=3000)


def test_a_book_shrinking_under_the_threshold_is_held_whole_and_filtered_locally(qtbot, window, fake):
    for n in range(BOOK - LARGE + 10):
        fake.delete_contact(f"p{n:04d}")
    qtbot.waitUntil(lambda: not window.session.paged, timeout=3000)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == LARGE - 10, timeout=3000)
    assert window.count_label.text() == f"{LARGE - 10} contacts"
    assert window.session.book.held_count() == 0
    calls = len(fake.calls)
    type_search(qtbot, window, f"{BOOK - 1:04d}")
    qtbot.waitUntil(lambda: rows(window) == [f"Person {BOOK - 1:04d}"], timeout=3000)
    assert "search" not in fake.calls[calls:]
    window.search.clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == LARGE - 10, timeout=3000)
    fake.edit_behind_the_back(f"p{BOOK - 1:04d}", {"starred": True})   # starred first again
    qtbot.waitUntil(lambda: rows(window)[0] == f"Person {BOOK - 1:04d}", timeout=3000)
    assert window.sidebar.counts()["Starred"] == 1


def test_the_edit_dialog_of_a_big_book_tells_deleted_from_scrolled_out(qtbot, window, fake):
    last = f"p{PAGE - 1:04d}"   # the last row of the first page
    assert window.select_contact(last)
    window.edit_action.trigger()
    dialog = window.contact_dialog
    # contacts added before it push it out of the held pages: not a delete
    for n in range(3 * PAGE):
        fake.add_contact({"id": f"a{n}", "name": f"Person 0000 {n:03d}"})
    qtbot.waitUntil(lambda: window.session.book.contact(last) is None, timeout=3000)
    # someone else's edit still reaches the dialog
    fake.edit_behind_the_back(last, {"organization": "Navy"})
    qtbot.waitUntil(lambda: dialog.organization_edit.text() == "Navy", timeout=3000)
    assert not dialog.deleted_underneath
    fake.delete_contact(last)
    qtbot.waitUntil(lambda: dialog.deleted_underneath, timeout=3000)
    assert dialog.banner.isVisible() and "deleted" in dialog.banner_text.text()
    dialog.reject()


class CallsPerFunction:
    """Counts the Python calls into the window's contact models and their proxy while it runs
    (Qt calls the Python overrides, such as a proxy's filterAcceptsRow, from C++)."""

    WATCHED = ("contact_filter_proxy.py", "contact_table_model.py", "paged_book_model.py")

    def __init__(self):
        self.counts = collections.Counter()

    def _profile(self, frame, event, arg):
        if event == "call" and Path(frame.f_code.co_filename).name in self.WATCHED:
            self.counts[f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}"] += 1

    def __enter__(self):
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)

    def busiest(self):
        return self.counts.most_common(1)[0] if self.counts else ("nothing", 0)


def test_showing_a_big_book_costs_the_gui_thread_work_per_screen_not_per_contact(qtbot, tmp_path):
    """At 100,000 contacts, any Python call per contact of the book (a sort/filter proxy
    asking whether each row is accepted, say) stalls the window ~0.1 s each time the table
    switches to the book or rows move: the window's work must follow the screen's rows."""
    book = 5000
    fake = FakeContactsService()
    for n in range(book):
        fake.add_contact({"id": f"p{n:04d}", "name": f"Person {n:04d}"})
    window = open_window(qtbot, fake, tmp_path, book)
    type_search(qtbot, window, "Person 2777")
    qtbot.waitUntil(lambda: rows(window) == ["Person 2777"], timeout=3000)
    with CallsPerFunction() as back_to_the_book:      # the search cleared: the whole book again
        window.search.clear()
        qtbot.waitUntil(lambda: window.proxy.rowCount() == book and shown(window, 0) == "Person 0000",
                        timeout=3000)
    with CallsPerFunction() as rows_moved:            # another client's add moves every row down
        fake.add_contact({"id": "first", "name": "Aaron First"})
        qtbot.waitUntil(lambda: shown(window, 0) == "Aaron First" and shown(window, 1) == "Person 0000",
                        timeout=3000)
    for what, calls in (("back to the book", back_to_the_book), ("rows moved", rows_moved)):
        function, count = calls.busiest()
        assert count < book // 4, f"{what}: {function} called {count} times for {book} contacts"
    window.close()


def test_a_search_in_a_big_book_shows_its_first_matches_at_the_top(qtbot, window):
    scroll_to(qtbot, window, 400)
    type_search(qtbot, window, "Person 02")              # 100 matches, more than the view holds
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 100 and shown(window, 0) == "Person 0200", timeout=3000)
    qtbot.waitUntil(lambda: window.contact_list.first_visible_row() == 0, timeout=3000)
    window.search.clear()                                # back to the book: at its start
    qtbot.waitUntil(lambda: window.proxy.rowCount() == BOOK, timeout=3000)
    qtbot.waitUntil(lambda: window.contact_list.first_visible_row() == 0 and shown(window, 0) == "Person 0000", timeout=3000)




@pytest.mark.parametrize("keys", [(Qt.Key_End, Qt.ControlModifier), (Qt.Key_End, Qt.NoModifier)],
                         ids=["ctrl+end", "end"])
def test_end_into_a_page_not_read_yet_selects_the_last_contact_and_the_pane_shows_it(qtbot, window, keys):
    first = window.contact_list.visualRect(window.proxy.index(0, 0)).center()
    qtbot.mouseClick(window.contact_list.viewport(), Qt.LeftButton, pos=first)
    qtbot.waitUntil(lambda: (window.detail.contact or {}).get("name") == "Person 0000", timeout=3000)
    qtbot.keyClick(window.contact_list, *keys)
    last = f"Person {BOOK - 1:04d}"
    qtbot.waitUntil(lambda: shown(window, BOOK - 1) == last, timeout=3000)
    # the pane follows the selection once the row's page is read, not the contact clicked before
    qtbot.waitUntil(lambda: (window.detail.contact or {}).get("name") == last, timeout=3000)
    assert [c["name"] for c in window.selected_contacts()] == [last]
    qtbot.keyClick(window.contact_list, Qt.Key_Home, Qt.ControlModifier)
    qtbot.waitUntil(lambda: (window.detail.contact or {}).get("name") == "Person 0000", timeout=3000)
    # Shift+End still extends the selection to the end
    qtbot.keyClick(window.contact_list, Qt.Key_End, Qt.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.contact_list.selectionModel().selectedRows()) == BOOK, timeout=3000)


def test_del_in_a_big_book_selects_the_next_contact_and_keeps_it_once_the_page_is_read_again(qtbot, window, fake):
    """The deleted row stays until the poll re-reads its page, which moves the rows after it up
    (a big book already selected the next one: a contact gone from the pages keeps its row
    number); the whole list's selecting of the next contact must not move it one further."""
    window.activateWindow()   # Del is the window's shortcut: it needs the window active (Xvfb)
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.select_contact("p0003")
    window.contact_list.setFocus()
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    qtbot.waitUntil(lambda: shown(window, 3) == "Person 0004" and window.session.total == BOOK - 1, timeout=3000)
    qtbot.waitUntil(lambda: [c["id"] for c in window.selected_contacts()] == ["p0004"]
                    and window.detail.contact["id"] == "p0004", timeout=3000)
    qtbot.keyClick(window.contact_list, Qt.Key_Delete)
    qtbot.waitUntil(lambda: shown(window, 3) == "Person 0005", timeout=3000)
    qtbot.waitUntil(lambda: [c["id"] for c in window.selected_contacts()] == ["p0005"], timeout=3000)
    assert fake.contacts["p0003"]["deleted"] and fake.contacts["p0004"]["deleted"]
