"""Big books in the window (against the in-memory fake, with small thresholds so it stays fast):
pages loaded as the table is scrolled, the total shown, search on the replica, live updates
and selection inside the held pages, and the switch back to a whole listing.
(A real cluster with 20,000 contacts: test_gui_cluster_big.py.)"""
import pytest
from PyQt5.QtCore import QSettings

from contacts.gui.app import create_window
from gui_fakes import FakeContactsService

BOOK, LARGE, PAGE = 300, 100, 50


@pytest.fixture
def fake():
    service = FakeContactsService()
    for n in range(BOOK):
        service.add_contact({"id": f"p{n:04d}", "name": f"Person {n:04d}"})
    return service


@pytest.fixture
def window(qtbot, fake, tmp_path):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999, large_book=LARGE, page_size=PAGE)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitUntil(lambda: window.session.contacts.total == BOOK, timeout=3000)
    yield window
    window.close()


def rows(window):
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def type_search(qtbot, window, text):
    window.search.clear()
    qtbot.keyClicks(window.search, text)


def test_a_big_book_shows_its_first_page_and_total_then_loads_more_when_scrolled(qtbot, window):
    assert window.session.paged
    shown = rows(window)
    assert len(shown) == PAGE and shown[0] == "Person 0000"
    assert window.count_label.text() == f"{BOOK} contacts ({PAGE} loaded)"
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.proxy.rowCount() >= 2 * PAGE, timeout=3000)
    assert rows(window)[:2 * PAGE] == [f"Person {n:04d}" for n in range(2 * PAGE)]
    assert window.proxy.rowCount() < BOOK   # only what was scrolled to is held


def test_search_in_a_big_book_asks_the_replica_and_finds_a_contact_never_loaded(qtbot, window, fake):
    assert window.session.contacts.contact("p0277") is None
    type_search(qtbot, window, "Person 0277")
    qtbot.waitUntil(lambda: rows(window) == ["Person 0277"], timeout=3000)
    assert "search" in fake.calls
    assert window.select_contact("p0277")
    assert window.current_contact()["name"] == "Person 0277"
    window.search.clear()
    qtbot.waitUntil(lambda: rows(window)[:1] == ["Person 0000"] and len(rows(window)) == PAGE, timeout=3000)


def test_live_changes_in_the_held_pages_keep_the_selection(qtbot, window, fake):
    assert window.select_contact("p0003")
    fake.edit_behind_the_back("p0003", {"name": "Person 0003 Renamed"})
    qtbot.waitUntil(lambda: "Person 0003 Renamed" in rows(window), timeout=3000)
    assert window.current_contact()["id"] == "p0003"
    fake.add_contact({"id": "p9999", "name": "Person 0001b"})
    qtbot.waitUntil(lambda: window.session.contacts.total == BOOK + 1, timeout=3000)
    assert "Person 0001b" in rows(window)
    assert window.current_contact()["id"] == "p0003"


def test_a_book_shrinking_under_the_threshold_is_held_whole_and_filtered_locally(qtbot, window, fake):
    for n in range(BOOK - LARGE + 10):
        fake.delete_contact(f"p{n:04d}")
    qtbot.waitUntil(lambda: not window.session.paged, timeout=3000)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == LARGE - 10, timeout=3000)
    assert window.count_label.text() == f"{LARGE - 10} contacts"
    calls = len(fake.calls)
    type_search(qtbot, window, "0299")
    qtbot.waitUntil(lambda: rows(window) == ["Person 0299"], timeout=3000)
    assert "search" not in fake.calls[calls:]


def test_the_edit_dialog_of_a_big_book_tells_deleted_from_scrolled_out(qtbot, window, fake):
    last = f"p{PAGE - 1:04d}"   # the last row of the first page
    assert window.select_contact(last)
    window.edit_action.trigger()
    dialog = window.contact_dialog
    # contacts added before it push it out of the held pages: not a delete
    for n in range(3 * PAGE):
        fake.add_contact({"id": f"a{n}", "name": f"Person 0000 {n:03d}"})
    qtbot.waitUntil(lambda: window.session.contacts.contact(last) is None, timeout=3000)
    # someone else's edit still reaches the dialog
    fake.edit_behind_the_back(last, {"organization": "Navy"})
    qtbot.waitUntil(lambda: dialog.organization_edit.text() == "Navy", timeout=3000)
    assert not dialog.deleted_underneath
    fake.delete_contact(last)
    qtbot.waitUntil(lambda: dialog.deleted_underneath, timeout=3000)
    assert dialog.banner.isVisible() and "deleted" in dialog.banner_text.text()
    dialog.reject()
