"""The window against a real replica holding 20,000 contacts: the first page shows while the
rest stays on the replica, the table has a row per contact, jumping to the end shows the
last ones without loading the pages between, a search finds a contact deep in the list,
another client's change appears, and the event loop never stalls.

One replica is enough here (replication is tested elsewhere) and keeps the fill cheap.
Run with -s to see how long the first page took against a full listing.
"""
import time

from PyQt5.QtCore import QSettings

from contacts.client import ContactsClient
from contacts.gui.app import client_factory_for, create_window
from contacts.gui.models.paged_book_model import MAX_PAGES
from contacts.gui.book_reader import PAGE_SIZE
from event_loop_watch import EventLoopWatch

BOOK = 20_000
BATCH = 1000


def fill(cluster, count):
    """``count`` contacts as updates of replica 1, the way a bulk import arrives (fast: no
    acknowledgement per contact), validated by the replica like any update."""
    with cluster.proxy(1, timeout=30) as proxy:
        info = proxy.ping()
        seq, counter = info["vector"].get("1", 0), info["clock"]
        for start in range(1, count + 1, BATCH):
            updates = [{"origin": 1, "seq": seq + n, "counter": counter + n, "contact_id": f"bulk-{n:05d}",
                        "changes": {"name": f"Person {n:05d}", "organization": f"Org {n % 17}",
                                    "phones": [{"label": "work", "number": f"+1 212 555 {n % 10000:04d}",
                                                "e164": f"+1212555{n % 10000:04d}"}],
                                    "deleted": False}}
                       for n in range(start, min(start + BATCH, count + 1))]
            assert proxy.apply_updates(updates)["applied"] == len(updates)
        assert proxy.count_contacts() == count


def rows(window, limit=5):
    """The first rows' names: reading all 20,000 here, on the GUI thread, would stall the very
    event loop the test times (0.1-0.3 s a check, seen with a watchdog on the main thread)."""
    return [window.proxy.index(r, 0).data() for r in range(min(limit, window.proxy.rowCount()))]


def shown(window, row):
    return window.proxy.index(row, 0).data()


def test_a_book_of_20000_contacts_shows_its_first_page_and_searches_on_the_replica(
        qtbot, cluster_factory, tmp_path):
    cluster = cluster_factory(1)
    fill(cluster, BOOK)

    watch = EventLoopWatch()

    started = time.monotonic()
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port,
                           client_factory=client_factory_for("127.0.0.1", cluster.ns_port, timeout=5.0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: shown(window, 0) == "Person 00001", timeout=20_000)
    first_page = time.monotonic() - started
    assert rows(window)[:3] == ["Person 00001", "Person 00002", "Person 00003"]
    assert window.session.paged and window.session.total == BOOK
    assert window.proxy.rowCount() == BOOK   # the scrollbar covers the whole book
    assert window.count_label.text().startswith(f"{BOOK} contacts")
    assert window.session.book.held_count() <= 2 * PAGE_SIZE   # the rest stays on the replica

    # jumping to the end shows the last contacts, and holds only the pages near the view
    window.contact_list.scrollToBottom()
    qtbot.waitUntil(lambda: shown(window, BOOK - 1) == f"Person {BOOK:05d}", timeout=10_000)
    assert window.session.book.held_count() <= MAX_PAGES * PAGE_SIZE

    # a contact far down the list is found by searching (on the replica)
    qtbot.keyClicks(window.search, "Person 17777")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1 and rows(window) == ["Person 17777"], timeout=10_000)
    assert window.select_contact("bulk-17777")
    assert window.detail.contact["organization"] == f"Org {17777 % 17}"
    window.search.clear()
    qtbot.waitUntil(lambda: shown(window, 0) == "Person 00001", timeout=10_000)

    # another client's add shows up by itself, and the total follows
    with cluster.proxy(1) as proxy:
        proxy.add_contact({"name": "Aaron First"})
    qtbot.waitUntil(lambda: shown(window, 0) == "Aaron First", timeout=10_000)
    qtbot.waitUntil(lambda: window.session.total == BOOK + 1, timeout=10_000)

    longest = watch.stop()
    assert len(watch.ticks) > 10 and longest < 500, f"the event loop stalled {longest} ms"

    listing_started = time.monotonic()
    with ContactsClient(uris=[cluster.uri(1)], timeout=60) as client:
        assert len(client.list_contacts()) == BOOK + 1
    full_listing = time.monotonic() - listing_started
    print(f"\n{BOOK} contacts: first page in the window after {first_page:.2f} s (window start included);"
          f" one full listing {full_listing:.2f} s; event loop longest gap {longest} ms")
    window.close()
