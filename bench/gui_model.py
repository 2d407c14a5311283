"""How the window copes with big lists: its table model alone, or the whole window at N contacts.

    python bench/gui_model.py [--sizes 1000 5000 20000]
    python bench/gui_model.py --cluster 100000     # the whole window against a real replica
    python bench/gui_model.py --cluster 100000 --photos   # ... every contact with a photo of its own

Without --cluster, for each size: the first load of a listing into the table model under the sorted
search proxy, applying an unchanged listing and one with a single changed contact
(what the one-second poll does), and one search keystroke (digits, then words).
These run on the GUI thread, so they are what the user could feel as a stall.
With --cluster: what a user waits for in the real window (first rows, next page, a search,
another client's change) beside one full listing, in seconds and in raw Pyro5 round trips
measured in the same run; the longest event-loop gap; memory of the window and the replica.
With --photos every contact has a photo of its own (a distinct small JPEG), and the run also
scrolls through the book in screen-sized steps and jumps (as a user dragging and paging):
how many photos were fetched and held, and what it cost the event loop and memory.
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PyQt5.QtWidgets import QApplication  # noqa: E402

from contacts.gui.models import ContactFilterProxy, ContactTableModel
from contacts.gui.models.contact_table_model import ContactRole

sys.path.insert(0, str(Path(__file__).resolve().parent))


def contact(i, version=0):
    return {"id": f"id{i}", "name": f"Person {i} Name", "organization": f"Org {i % 50}", "notes": "",
            "phones": [{"label": "mobile", "number": f"+1 202 555 {i % 10000:04d}",
                        "e164": f"+1202555{i % 10000:04d}"}],
            "emails": [{"label": "work", "address": f"p{i}@example.com"}],
            "deleted": False, "updated": [i + version, 1]}


def timed(fn):
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def rss_mb(pid, field="VmRSS"):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


def wait_for(app, condition, timeout=120.0):
    """Turn the event loop until ``condition()``; seconds it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - started


def tiny_photo(n):
    """A distinct 48x48 JPEG for contact ``n`` (the bytes differ, so every hash does), as a
    replication update carries it: register and bytes."""
    import base64
    import hashlib

    from PyQt5.QtCore import QBuffer, QByteArray, QIODevice
    from PyQt5.QtGui import QColor, QImage
    image = QImage(48, 48, QImage.Format_RGB32)
    image.fill(QColor.fromHsv(n % 360, 160 + n % 90, 120 + (n // 360) % 130))
    image.setPixelColor(n % 48, (n // 48) % 48, QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "JPEG", 80)
    raw = bytes(data)
    return {"hash": hashlib.sha256(raw).hexdigest(), "type": "image/jpeg", "size": len(raw),
            "data": base64.b64encode(raw).decode("ascii")}


def cluster_run(app, size, photos=False):
    """The real window (real client, name server, one replica process) at ``size`` contacts."""
    import tempfile

    from PyQt5.QtCore import QElapsedTimer, QSettings, QTimer
    from Pyro5.api import Proxy

    from contacts import pyro_settings
    from contacts.client import ContactsClient
    from contacts.cluster import LocalCluster
    from contacts.gui.app import client_factory_for, create_window
    from measure import rate
    from replication import start_echo_server, update

    pyro_settings.apply()
    echo, echo_uri = start_echo_server()
    with Proxy(echo_uri) as proxy:
        proxy._pyroSerializer = "json"   # the client's serializer
        raw = rate(lambda: proxy.echo({"name": "x"}), 2.0)
    echo.terminate()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as base:
        cluster = LocalCluster(base)
        try:
            cluster.start(1)
            started = time.perf_counter()
            with cluster.proxy(1, timeout=60) as proxy:
                info = proxy.ping()
                seq, counter = info["vector"].get("1", 0), info["clock"]
                for first in range(1, size + 1, 1000):
                    batch = [update(1, seq + n, counter + n, n) for n in range(first, min(first + 1000, size + 1))]
                    if photos:
                        for item in batch:
                            item["changes"]["photo"] = tiny_photo(int(item["contact_id"][-6:]))
                    proxy.apply_updates(batch)
                assert proxy.count_contacts() == size
            print(f"filled {size} contacts in {time.perf_counter() - started:.1f} s")
            replica_pid = cluster.replicas[1].pid
            ticks, clock, timer = [], QElapsedTimer(), QTimer()
            clock.start()
            timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
            timer.start(20)
            gui_rss_before = rss_mb(os.getpid())
            started = time.perf_counter()
            window = create_window(settings=QSettings(str(Path(base) / "gui.ini"), QSettings.IniFormat),
                                   host="127.0.0.1", port=cluster.ns_port,
                                   client_factory=client_factory_for("127.0.0.1", cluster.ns_port, timeout=10.0))
            window.resize(1000, 700)
            window.show()
            session = window.session

            def shown(row):
                return window.proxy.index(row, 0).data()

            def loaded(row):
                return shown(row) not in (None, "…")  # "…": a big book's row whose page is not read yet
            wait_for(app, lambda: window.proxy.rowCount() > 0 and loaded(0))
            rows.append(("first rows shown (window start included)", time.perf_counter() - started))
            wait_for(app, lambda: window.proxy.rowCount() == size)
            rows.append(("a row per contact (the total known)", time.perf_counter() - started))
            if session.paged:
                window.contact_list.scrollToBottom()
                rows.append(("the end after scrolling to the bottom", wait_for(app, lambda: loaded(size - 1))))
                window.contact_list.verticalScrollBar().setValue(size // 2)
                rows.append(("the middle after dragging the scrollbar there",
                             wait_for(app, lambda: loaded(size // 2))))
            if photos:
                # a user paging and dragging through the book: every screen's rows ask for photos
                scrollbar = window.contact_list.verticalScrollBar()
                started = time.perf_counter()
                for value in [*range(0, scrollbar.maximum(), max(1, scrollbar.pageStep())), ][:200] + [
                        scrollbar.maximum() * k // 10 for k in range(10, -1, -1)]:
                    scrollbar.setValue(value)
                    end = time.perf_counter() + 0.03
                    while time.perf_counter() < end:
                        app.processEvents()
                        time.sleep(0.002)
                wait_for(app, lambda: window.photos.image(
                    (window.proxy.index(0, 0).data(ContactRole) or {}).get("photo", {}).get("hash")) is not None)
                rows.append(("200 pages down, 11 jumps, the top row's photo shown", time.perf_counter() - started))
                photo_counts = (window.photos.fetched, window.photos.held_count())
            deep = f"Person {size * 7 // 9:06d}"
            window.search.setText(deep)   # the 200 ms typing pause, then one search on the replica
            rows.append(("search for a contact deep in the list (incl. 200 ms typing pause)",
                         # one row and its text: reading every row's text here, on the GUI thread, would
                         # stall the loop being measured (~0.1-0.4 s a check while 100,000 rows show)
                         wait_for(app, lambda: window.proxy.rowCount() == 1 and shown(0) == deep)))
            window.search.clear()
            wait_for(app, lambda: window.proxy.rowCount() == size and loaded(0))
            window.contact_list.scrollToTop()
            wait_for(app, lambda: shown(0) == "Person 000001")
            with cluster.proxy(1) as proxy:
                proxy.add_contact({"name": "Aaron First"})
            rows.append(("another client's add shown (1 s poll)",
                         wait_for(app, lambda: shown(0) == "Aaron First")))
            timer.stop()
            gaps = [b - a for a, b in zip(ticks, ticks[1:])]
            gui_rss = rss_mb(os.getpid())
            replica_peak = rss_mb(replica_pid, "VmHWM")
            held = session.book.held_count() if session.paged else session.contacts.rowCount()
            window.session.close()
            window.close()
            started = time.perf_counter()
            with ContactsClient(uris=[cluster.uri(1)], timeout=120) as client:
                everything = client.list_contacts()
            full = time.perf_counter() - started
            del everything
            replica_peak_full = rss_mb(replica_pid, "VmHWM")
        finally:
            cluster.stop()
    print(f"\nThe window at {size} contacts, one replica (raw Pyro5 json round trip: {raw:.0f} calls/s,"
          f" {1000 / raw:.2f} ms)")
    print(f"{'':70} | {'seconds':>7} | {'raw round trips':>16}")
    for what, seconds in rows:
        print(f"{what:70} | {seconds:>7.3f} | {seconds * raw:>16.0f}")
    print(f"{'(before) one full listing, as every change did':70} | {full:>7.3f} | {full * raw:>16.0f}")
    print(f"event loop (20 ms timer): longest gap {max(gaps)} ms over {len(ticks)} ticks")
    print(f"contacts held by the window: {held} of {size + 1}; GUI process RSS {gui_rss:.0f} MB "
          f"({gui_rss - gui_rss_before:+.0f} MB for the window)")
    print(f"replica peak RSS: {replica_peak:.0f} MB serving the window; {replica_peak_full:.0f} MB after one "
          f"full listing")
    if photos:
        print(f"photos fetched: {photo_counts[0]} (for {size} contacts with one each); held at the end: "
              f"{photo_counts[1]}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--cluster", type=int, metavar="N",
                        help="instead: the window against a real replica holding N contacts")
    parser.add_argument("--photos", action="store_true", help="with --cluster: every contact has a photo")
    args = parser.parse_args(argv)
    app = QApplication([sys.argv[0]])  # noqa: F841 (models need an application)
    if args.cluster:
        cluster_run(app, args.cluster, photos=args.photos)
        return 0
    print(f"{'contacts':>9} | {'first load':>10} | {'unchanged':>9} | {'1 changed':>9} | "
          f"{'search digits':>13} | {'search words':>12}   (milliseconds, GUI thread)")
    for size in args.sizes:
        model, proxy = ContactTableModel(), ContactFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(0)
        first = timed(lambda: model.apply_snapshot([contact(i) for i in range(size)]))
        same = [contact(i) for i in range(size)]
        unchanged = timed(lambda: model.apply_snapshot(same))
        one = list(same)
        one[size // 2] = contact(size // 2, version=7)
        changed = timed(lambda: model.apply_snapshot(one))
        digits = timed(lambda: proxy.set_query("555 01"))
        words = timed(lambda: proxy.set_query("person 42"))
        print(f"{size:>9} | {first:>10.0f} | {unchanged:>9.1f} | {changed:>9.1f} | {digits:>13.0f} | {words:>12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
