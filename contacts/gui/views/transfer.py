"""Import and export of vCard / CSV files, with a progress dialog that can be cancelled.

Reading, parsing and adding run as one job on the service lane (off the GUI thread);
the Qt-free pieces are :mod:`contacts.formats.importing`, :mod:`contacts.formats.vcard` and
:mod:`contacts.formats.csvio`, the same the command line uses.  Importing is idempotent
(contacts keep the id from the file, or get one derived from their content), so an
import interrupted by a dead cluster is simply run again by the lane when a replica
is back, and a file imported twice adds nothing the second time.  Cancelling stops
before the next contact; what was added stays, and the summary says how far it got.
"""
import threading
from pathlib import Path

from PyQt5.QtCore import QCoreApplication, QObject, Qt, pyqtSignal
from PyQt5.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from ..presentation import QT_TRANSLATE_NOOP


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


FILTERS = QT_TRANSLATE_NOOP("Transfer", "Contact files (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)")
#: the save dialog's choices: (format, vCard version, CSV style) of each, the first as
#: the command line's defaults (contacts export), so both write the same file
EXPORT_CHOICES = {"vCard 3.0 (*.vcf)": ("vcard", "3.0", None),
                  "vCard 4.0 (*.vcf)": ("vcard", "4.0", None),
                  "CSV, Google Contacts (*.csv)": ("csv", None, "google"),
                  "CSV, Outlook (*.csv)": ("csv", None, "outlook"),
                  QT_TRANSLATE_NOOP("Transfer", "CSV, plain (*.csv)"): ("csv", None, "plain")}


def export_choices():
    """EXPORT_CHOICES as the save dialog shows them, in the window's language."""
    return {_translate("Transfer", name): choice for name, choice in EXPORT_CHOICES.items()}


class TransferProgress(QObject):
    """Progress reported from the lane thread, delivered on the GUI thread."""

    total = pyqtSignal(int)
    advanced = pyqtSignal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cancelled = threading.Event()


class Transfer:
    """One import or export in progress: the job, its progress dialog and its outcome."""

    def __init__(self, window, title):
        self.window = window
        self.progress = TransferProgress(window)
        self.dialog = QProgressDialog(title, _translate("Transfer", "Cancel"), 0, 0, window)
        self.dialog.setWindowTitle(title)
        # not modal: a modal progress dialog runs a nested event loop inside setValue()
        self.dialog.setWindowModality(Qt.NonModal)
        self.dialog.setMinimumDuration(300)   # a quick transfer shows no dialog at all
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.progress.cancelled.set)
        self.progress.total.connect(self._start)
        self.progress.advanced.connect(lambda n: self.dialog.setValue(self.dialog.value() + n))
        self.dialog.setValue(0)
        self.summary = None            # (title, text, details) once finished
        self.done = False

    def _start(self, total):
        # (again when the lane retries the job after the cluster came back)
        self.dialog.setMaximum(total)
        self.dialog.setValue(0)

    def finish(self, title, text, details="", icon=QMessageBox.Information):
        self.dialog.reset()
        self.dialog.hide()
        self.done = True
        self.summary = (title, text, details)
        if self.window.transfer is self:
            self.window.transfer = None
        box = QMessageBox(icon, title, text, QMessageBox.Ok, self.window)
        if details:
            box.setDetailedText(details)
        fit_title(box)
        self.window.message_box = box
        box.open()


def fit_title(box):
    """A message box at least as wide as its title: QMessageBox sizes itself to its text only,
    and the window manager cut "Importação concluída" to "Importa…ncluída" (seen under Xvfb)."""
    from PyQt5.QtWidgets import QSizePolicy, QSpacerItem
    wanted = box.fontMetrics().horizontalAdvance(box.windowTitle()) + 160   # + the title bar's buttons
    layout = box.layout()
    layout.addItem(QSpacerItem(wanted, 0, QSizePolicy.Minimum, QSizePolicy.Minimum), layout.rowCount(), 0, 1,
                   layout.columnCount())


def import_contacts(window, path=None):
    if window.transfer is not None:
        return None
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, _translate("Transfer", "Import contacts"), str(Path.home()),
                                              _translate("Transfer", FILTERS))
        if not path:
            return None
        # chosen by the user: first a preview of what it will add, update and skip
        from .import_preview import preview_files
        return preview_files(window, [path])
    return start_import(window, path)


def start_import(window, path, entries=None, update=False, region=None, then=None):
    """Import ``path`` on the lane with a progress dialog; ``entries``: the file as the preview
    read it (else read here); ``update``: overwrite contacts of the same id; ``then()``: after
    the summary (the next dropped file)."""
    from ...formats.importing import ImportReport, decode, detect_format, import_entries, read_entries
    transfer = Transfer(window, _translate("Transfer", "Importing {file}…").format(file=Path(path).name))
    window.transfer = transfer
    progress = transfer.progress

    def job(client):
        if progress.cancelled.is_set():  # cancelled while waiting for a replica
            return ImportReport(), 0
        read = entries
        if read is None:
            text = decode(Path(path).read_bytes())
            read = read_entries(text, detect_format(path, text))
        progress.total.emit(len(read))
        wanted = (entry for entry in read if not progress.cancelled.is_set())
        report = import_entries(client, wanted, update=update, progress=progress.advanced.emit,
                                region=region if hasattr(client, "add_contacts") else None)
        return report, len(read)

    def done(result):
        report, total = result
        lines = report.summary_lines()   # the details (each skipped entry and why), as the CLI says them
        text = summary_text(report)
        if report.not_kept:
            count = len(report.not_kept)
            text += " " + _translate("Transfer", "%n property(ies) too big to keep and left out (see the details).", None, count)
        if progress.cancelled.is_set() and not total:
            text = _translate("Transfer", "Cancelled before anything was imported.")
        elif progress.cancelled.is_set() and report.total < total:
            text = _translate("Transfer", "Cancelled after {done} of {total} contacts:").format(done=report.total, total=total) + (
                " " + text[0].lower() + text[1:])
        transfer.finish(_translate("Transfer", "Import finished"), text, "\n".join(lines[1:]))
        window.session.poll()
        if then is not None:
            then()

    def failed(exc):
        from ..session import describe_error
        transfer.finish(_translate("Transfer", "Import failed"), _translate("Transfer", "Could not import {file}: {error}").format(
                        file=Path(path).name, error=describe_error(exc)),
                        icon=QMessageBox.Warning)
    window.session.submit(job, done, failed, description=_translate("Transfer", "Import {file}").format(file=Path(path).name))
    return transfer


def summary_text(report):
    """The import's outcome in a sentence, in the window's language ("Imported 2, skipped 0.")."""
    text = _translate("Transfer", "Imported {imported}").format(imported=report.imported)
    if report.unchanged:
        text += _translate("Transfer", ", already there {count}").format(count=report.unchanged)
    if report.updated:
        text += _translate("Transfer", ", updated {count}").format(count=report.updated)
    return text + _translate("Transfer", ", skipped {count}.").format(count=len(report.skipped))


def export_contacts(window, path=None, fmt=None, vcard_version=None, csv_style=None, contacts=None):
    """Export every contact (or just ``contacts``, the selection) to ``path`` (asked for when
    None) as ``contacts export`` does: vCard 3.0 or Google's CSV unless told otherwise, photos
    included."""
    if window.transfer is not None:
        return None
    if path is None:
        # the settings' vCard version is the choice offered first
        choices = export_choices()
        preferred = next((name for name, (kind, version, _) in choices.items()
                          if kind == "vcard" and version == getattr(window, "vcard_version", "3.0")), "")
        title, name = _translate("Transfer", "Export contacts"), _translate("Transfer", "contacts") + ".vcf"
        if contacts:
            title = _translate("Transfer", "Export %n contact(s)", None, len(contacts))
            name = (file_name(contacts[0]["name"]) if len(contacts) == 1 else _translate("Transfer", "selected contacts")) + ".vcf"
        path, chosen = QFileDialog.getSaveFileName(window, title, str(Path.home() / name),
                                                   ";;".join(choices), preferred)
        if not path:
            return None
        fmt, vcard_version, csv_style = choices.get(chosen, ("vcard", None, None))
        if not Path(path).suffix:
            path += ".csv" if fmt == "csv" else ".vcf"
    fmt = fmt or ("csv" if Path(path).suffix.lower() == ".csv" else "vcard")
    ids = [c["id"] for c in contacts] if contacts else None
    return start_export(window, path, fmt, vcard_version, csv_style, ids)


def file_name(name):
    """A contact's name as a file name: 'Ana/Bia: notes' -> 'Ana-Bia- notes'."""
    cleaned = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned[:80] or "contact"


#: contacts per call while exporting
EXPORT_PAGE = 1000


def start_export(window, path, fmt, vcard_version=None, csv_style=None, ids=None):
    from ...formats.importing import DEFAULT_CSV_STYLE, DEFAULT_VCARD_VERSION, write_contacts
    # read here, on the GUI thread: the settings' version when the caller named none
    vcard_version = vcard_version or getattr(window, "vcard_version", None)
    transfer = Transfer(window, _translate("Transfer", "Exporting to {file}…").format(file=Path(path).name))
    window.transfer = transfer
    progress = transfer.progress

    def job(client):
        if ids is not None:
            # the selection, read again (the window's copy may be older than the replica's)
            progress.total.emit(len(ids))
            contacts = []
            for contact_id in ids:
                try:
                    contacts.append(client.get_contact(contact_id))
                except LookupError:
                    pass   # deleted meanwhile: not exported
            return write_file(client, contacts)
        # in pages: one answer is bounded (protocol.MAX_ANSWER), and a whole big book in one
        # call would cost the replica far more memory (docs/benchmarks.md, "Memory")
        progress.total.emit(client.count_contacts())
        contacts = []
        while True:
            page = client.list_contacts(len(contacts), EXPORT_PAGE)
            contacts += page
            if progress.cancelled.is_set():
                return None
            if len(page) < EXPORT_PAGE:
                break
        # a contact added meanwhile shifts the pages: one may come twice
        contacts = list({c["id"]: c for c in contacts}.values())
        progress.total.emit(len(contacts))
        return write_file(client, contacts)

    def write_file(client, contacts):
        # the photos' bytes are fetched one by one as the cards are written (lists carry none)
        text = write_contacts(contacts, fmt, vcard_version=vcard_version or DEFAULT_VCARD_VERSION,
                              csv_style=csv_style or DEFAULT_CSV_STYLE, photos=getattr(client, "get_photo", None))
        if progress.cancelled.is_set():
            return None
        Path(path).write_text(text, encoding="utf-8", newline="")   # CRLF as written, as the CLI does
        progress.advanced.emit(len(contacts))
        return len(contacts)

    def done(count):
        if count is None:
            transfer.finish(_translate("Transfer", "Export cancelled"), _translate("Transfer", "Nothing was written."))
        else:
            kind = "CSV" if fmt == "csv" else "vCard"
            transfer.finish(_translate("Transfer", "Export finished"), _translate("Transfer", "Wrote %n contact(s) to {path} ({kind}).", None, count)
                            .format(path=path, kind=kind))

    def failed(exc):
        from ..session import describe_error
        transfer.finish(_translate("Transfer", "Export failed"), _translate("Transfer", "Could not export to {path}: {error}").format(
                        path=path, error=describe_error(exc)),
                        icon=QMessageBox.Warning)
    window.session.submit(job, done, failed, description=_translate("Transfer", "Export to {file}").format(file=Path(path).name))
    return transfer
