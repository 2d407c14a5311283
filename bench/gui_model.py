"""How the window's contact model copes with big lists (no network involved).

    python bench/gui_model.py [--sizes 1000 5000 20000]

For each size: the first load of a listing into the table model under the sorted
search proxy, applying an unchanged listing and one with a single changed contact
(what the one-second poll does), and one search keystroke (digits, then words).
These run on the GUI thread, so they are what the user could feel as a stall.
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PyQt5.QtWidgets import QApplication  # noqa: E402

from contacts.gui.models import ContactFilterProxy, ContactTableModel  # noqa: E402


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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args(argv)
    app = QApplication([sys.argv[0]])  # noqa: F841 (models need an application)
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
