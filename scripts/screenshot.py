"""Render the real main window offscreen against a real local cluster; save docs/screenshot.png
(and the edit dialog showing validation feedback: docs/dialog.png).

    python scripts/screenshot.py [--out docs/screenshot.png]

Starts a name server and 3 replicas in a temporary directory, adds sample contacts
through a second client, opens the window (QT_QPA_PLATFORM=offscreen), waits until
it shows them and the cluster, selects one and grabs the window.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PyQt5.QtCore import QSettings  # noqa: E402
from PyQt5.QtWidgets import QApplication  # noqa: E402

from contacts.client import ContactsClient
from contacts.cluster import LocalCluster
from contacts.gui.app import create_window

SAMPLES = [
    {"name": "Ada Lovelace", "organization": "Analytical Engines Ltd",
     "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}, {"label": "home", "number": "+44 20 7946 0321"}],
     "emails": [{"label": "work", "address": "ada@analytical.example"},
                {"label": "home", "address": "countess@lovelace.example"}],
     "notes": "Wrote the first published program, for Babbage's Analytical Engine."},
    {"name": "Alan Turing", "organization": "University of Manchester",
     "phones": [{"label": "work", "number": "+44 161 496 0754"}],
     "emails": [{"label": "work", "address": "alan@manchester.example"}]},
    {"name": "Grace Hopper", "organization": "US Navy",
     "phones": [{"label": "work", "number": "+1 202 555 0143"}],
     "emails": [{"label": "work", "address": "grace@navy.example"}]},
    {"name": "José Saramago", "organization": "Editorial Caminho",
     "phones": [{"label": "mobile", "number": "+351 912 345 678"}],
     "emails": [{"label": "home", "address": "jose@caminho.example"}]},
    {"name": "Katherine Johnson", "organization": "NASA Langley",
     "phones": [{"label": "work", "number": "+1 757 555 0100"}],
     "emails": [{"label": "work", "address": "kjohnson@nasa.example"}]},
    {"name": "Margaret Hamilton", "organization": "MIT Instrumentation Lab",
     "phones": [{"label": "mobile", "number": "+1 617 555 0199"}],
     "emails": [{"label": "work", "address": "margaret@mit.example"}]},
    {"name": "Tu Youyou", "organization": "China Academy of Chinese Medical Sciences",
     "phones": [{"label": "work", "number": "+86 10 6401 4411"}]},
    {"name": "Edsger Dijkstra", "organization": "Eindhoven University of Technology",
     "phones": [{"label": "home", "number": "+31 40 247 9111"}],
     "emails": [{"label": "work", "address": "ewd@tue.example"}]},
    {"name": "Leslie Lamport", "organization": "Microsoft Research",
     "emails": [{"label": "work", "address": "lamport@research.example"}],
     "notes": "Time, clocks, and the ordering of events in a distributed system."},
    {"name": "Hedy Lamarr", "phones": [{"label": "mobile", "number": "+43 1 5876543"}]},
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    args = parser.parse_args(argv)
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(Path(tmp) / "cluster") as cluster:
        cluster.start(3)
        with ContactsClient(ns_host="127.0.0.1", ns_port=cluster.ns_port) as client:
            ids = {sample["name"]: client.add_contact(sample)["id"] for sample in SAMPLES}
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.IniFormat)
        window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port)
        window.resize(1240, 760)
        window.splitter.setSizes([800, 440])
        for column, width in enumerate((190, 185, 250)):
            window.table.setColumnWidth(column, width)
        window.show()

        def wait(condition, what, timeout=20):
            deadline = time.monotonic() + timeout
            while not condition():
                if time.monotonic() > deadline:
                    raise SystemExit(f"timed out waiting for {what}")
                app.processEvents()
                time.sleep(0.02)  # a script, not a test: let the window's worker run
        wait(lambda: window.session.contacts.rowCount() == len(SAMPLES), "the contacts")
        wait(lambda: window.session.cluster.alive_count() == 3 and all(
            row.get("last_seen") for row in window.session.cluster.rows()), "the cluster status")
        window.select_contact(ids["Ada Lovelace"])
        wait(lambda: window.detail.contact is not None, "the detail pane")
        for _ in range(20):
            app.processEvents()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(args.out)
        print(f"saved {args.out}")
        # the edit dialog with some bad input, to show the field-by-field feedback
        window.edit_contact()
        dialog = window.contact_dialog
        row = dialog.phones.add_row("work")
        row.value_edit.setText("555 01")
        row.value_edit.textEdited.emit("555 01")
        dialog.emails.rows[1].value_edit.setText("countess@lovelace")
        dialog.emails.rows[1].value_edit.textEdited.emit("countess@lovelace")
        for _ in range(20):
            app.processEvents()
        dialog_out = str(Path(args.out).with_name("dialog.png"))
        dialog.grab().save(dialog_out)
        dialog.reject()
        window.close()
        print(f"saved {dialog_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
