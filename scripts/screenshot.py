"""Render the real main window offscreen against a real local cluster; save docs/screenshot.png
(and the edit dialog showing validation feedback: docs/dialog.png).

The sample contacts are rich ones (photos made here, groups, starred ones, birthdays with and
without a year, addresses), plus the Brazilian iPhone card of tests/corpus.

    python scripts/screenshot.py [--out docs/screenshot.png]
    python scripts/screenshot.py --all      # every picture of docs/gui.md (light and dark, en and pt_BR)

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

import base64  # noqa: E402

from PyQt5.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSettings, Qt  # noqa: E402
from PyQt5.QtGui import QColor, QImage, QLinearGradient, QPainter  # noqa: E402
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


def photo(top, bottom):
    """A made-up photo: a sky-to-ground gradient with a head and shoulders (base64 JPEG)."""
    image = QImage(320, 320, QImage.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 320))
    gradient.setColorAt(0, QColor(top))
    gradient.setColorAt(1, QColor(bottom))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawEllipse(QPointF(160, 130), 62, 70)
    painter.drawEllipse(QPointF(160, 330), 130, 110)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "JPEG", 88)
    return {"data": base64.b64encode(bytes(data)).decode("ascii")}


RICH = {
    "Ada Lovelace": {"starred": True, "groups": ["Work", "Pioneers"], "birthday": "--12-10", "title": "Countess",
                     "photo": ("#6a8dff", "#1d3b8f"),
                     "addresses": [{"label": "home", "street": "12 St James's Square", "locality": "London",
                                    "postcode": "SW1Y 4JH", "country": "United Kingdom"}],
                     "urls": [{"label": "work", "url": "https://en.wikipedia.org/wiki/Ada_Lovelace"}]},
    "Grace Hopper": {"starred": True, "groups": ["Pioneers"], "birthday": "--12-09", "title": "Rear Admiral",
                     "photo": ("#ff9a76", "#a83279")},
    "Alan Turing": {"groups": ["Pioneers", "Work"], "photo": ("#b8e994", "#218c74")},
    "José Saramago": {"groups": ["Family"], "birthday": "1922-11-16"},
    "Margaret Hamilton": {"groups": ["Work"], "photo": ("#f6e58d", "#e17055")},
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--language", default="en", help="en or pt_BR (default en)")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--no-dialog", action="store_true", help="only the main window")
    parser.add_argument("--workflows", action="store_true",
                        help="also the dialogs of docs/gui.md's guide: duplicates, import preview, QR code, trash "
                             "(saved beside --out as <dialog>-<language>.png)")
    parser.add_argument("--all", action="store_true",
                        help="the set docs/gui.md shows: the window in light and dark, English and Portuguese, "
                             "and each language's dialogs")
    args = parser.parse_args(argv)
    if args.all:
        return make_all(Path(args.out).parent)
    app = QApplication([sys.argv[0]])
    from contacts.gui.theme import ThemeSwitcher
    from contacts.gui.translation import install_translators
    install_translators(app, args.language)
    app.contacts_theme = ThemeSwitcher(app)
    app.contacts_theme.apply(args.theme)
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(Path(tmp) / "cluster") as cluster:
        cluster.start(3)
        with ContactsClient(ns_host="127.0.0.1", ns_port=cluster.ns_port) as client:
            ids = {}
            for sample in SAMPLES:
                rich = dict(RICH.get(sample["name"], {}))
                if "photo" in rich:
                    rich["photo"] = photo(*rich["photo"])
                ids[sample["name"]] = client.add_contact(dict(sample, **rich))["id"]
            from contacts.formats.importing import import_entries, read_entries
            card = (ROOT / "tests" / "corpus" / "iphone.vcf").read_text(encoding="utf-8")
            import_entries(client, read_entries(card, "vcard"), region="BR")
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.IniFormat)
        window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port)
        window.resize(1280, 800)
        window.splitter.setSizes([180, 440, 660])
        window.show()

        def wait(condition, what, timeout=20):
            deadline = time.monotonic() + timeout
            while not condition():
                if time.monotonic() > deadline:
                    raise SystemExit(f"timed out waiting for {what}")
                app.processEvents()
                time.sleep(0.02)  # a script, not a test: let the window's worker run
        wait(lambda: window.session.contacts.rowCount() == len(SAMPLES) + 1, "the contacts")
        wait(lambda: window.session.cluster.alive_count() == 3 and all(
            row.get("last_seen") for row in window.session.cluster.rows()), "the cluster status")
        window.select_contact(ids["Ada Lovelace"])
        wait(lambda: window.detail.contact is not None, "the detail pane")
        wait(lambda: window.detail.showing_photo() and window.photos.held_count() >= 4, "the photos")
        for _ in range(20):
            app.processEvents()
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        save(window.grab(), args.out)
        print(f"saved {args.out}")
        if args.no_dialog:
            window.close()
            return 0
        # the edit dialog with some bad input, to show the field-by-field feedback
        window.edit_contact()
        dialog = window.contact_dialog
        dialog.resize(660, 1000)
        row = dialog.phones.add_row("work")
        row.value_edit.setText("555 01")
        row.value_edit.textEdited.emit("555 01")
        dialog.emails.rows[1].value_edit.setText("countess@lovelace")
        dialog.emails.rows[1].value_edit.textEdited.emit("countess@lovelace")
        for _ in range(20):
            app.processEvents()
        suffix = "" if args.language == "en" else f"-{args.language}"
        dialog_out = str(Path(args.out).with_name(f"dialog{suffix}.png"))
        save(dialog.grab(), dialog_out)
        dialog.done(0)   # not reject(): that asks whether to discard the typing
        print(f"saved {dialog_out}")
        if args.workflows:
            workflow_shots(app, window, client_for(cluster), ids, Path(args.out).parent, args.language, wait)
        window.close()
    return 0


def client_for(cluster):
    return ContactsClient(ns_host="127.0.0.1", ns_port=cluster.ns_port)


def save(pixmap, path):
    """A screenshot as a PNG of 256 colours (a fifth of the size; the window's flat colours
    survive it)."""
    from PyQt5.QtCore import Qt as _Qt
    image = pixmap.toImage().convertToFormat(QImage.Format_Indexed8, _Qt.ThresholdDither | _Qt.AvoidDither)
    image.save(str(path), "PNG", 9)


def settle(app):
    for _ in range(20):
        app.processEvents()


def workflow_shots(app, window, client, ids, out_dir, language, wait):
    """The dialogs of the user guide, each as the user meets it, saved as <name>-<language>.png."""
    from contacts.gui.views.import_preview import preview_files
    shots = []

    def shoot(widget, name):
        settle(app)
        path = out_dir / f"{name}-{language}.png"
        save(widget.grab(), path)
        shots.append(path)
        print(f"saved {path}")
    with client:
        # duplicates: a second card of Ada, with her number and a birthday with its year
        client.add_contact({"name": "A. Lovelace", "phones": [{"label": "work", "number": "+44 20 7946 0958"}],
                            "groups": ["Family"], "birthday": "1815-12-10"})
        wait(lambda: window.session.contacts.rowCount() == len(SAMPLES) + 2, "the duplicate")
        dialog = window.show_duplicates()
        dialog.resize(900, 560)
        wait(lambda: dialog.preview is not None, "the merge preview")
        shoot(dialog, "duplicates")
        dialog.close()
        # import preview: a file with two new people and one already in the book
        with tempfile.TemporaryDirectory() as files:
            path = Path(files) / "amigos.vcf"
            path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:João Silva\r\nTEL;TYPE=CELL:(84) 3215-3800\r\n"
                            "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Souza\r\n"
                            "EMAIL:maria@example.com.br\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
                            "TEL:+55 84 3215-3800\r\nEND:VCARD\r\n", encoding="utf-8")
            preview_files(window, [str(path)])
            wait(lambda: window.import_preview is not None and window.import_preview.isVisible(), "the preview")
            shoot(window.import_preview, "import")
            window.import_preview.done(0)
        # the QR code of Grace Hopper
        window.select_contact(ids["Grace Hopper"])
        wait(lambda: window.detail.contact is not None and window.detail.contact["name"] == "Grace Hopper",
             "Grace Hopper")
        window.share_qr()
        shoot(window.qr_dialog, "qr")
        window.qr_dialog.done(0)
        # the trash, with two contacts deleted and the confirmation of Empty trash
        for name in ("Tu Youyou", "Hedy Lamarr"):
            client.delete_contact(ids[name])
        window.show_trash()
        trash = window.trash_dialog
        wait(lambda: trash.proxy.rowCount() == 2, "the trash")
        trash.empty_trash()
        wait(lambda: trash.confirmation is not None and trash.confirmation.isVisible(), "the confirmation")
        settle(app)
        # the dialog and its question together, as the user sees them
        trash.confirmation.move(trash.geometry().center() - trash.confirmation.rect().center())
        shoot(trash, "trash")
        shoot(trash.confirmation, "trash-confirm")
        trash.confirmation.done(0)
        trash.close()
    return shots


def make_all(out_dir):
    """Each screenshot in a process of its own (a language and a theme per application)."""
    import subprocess
    script = str(Path(__file__).resolve())
    runs = [("en", "light", "screenshot.png", ["--workflows"]),
            ("en", "dark", "screenshot-en-dark.png", ["--no-dialog"]),
            ("pt_BR", "light", "screenshot-pt_BR.png", ["--workflows"]),
            ("pt_BR", "dark", "screenshot-pt_BR-dark.png", ["--no-dialog"])]
    for language, theme, name, extra in runs:
        subprocess.run([sys.executable, script, "--language", language, "--theme", theme,
                        "--out", str(out_dir / name), *extra], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
