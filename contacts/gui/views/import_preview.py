"""Importing files dropped on the window (or chosen in File → Import…), with a preview first.

A dropped .vcf/.vcard/.csv file is read and looked at on the service lane
(:func:`contacts.formats.preview.preview_import`: the same preparation and rules as the
command line's import, reading only); the preview dialog then says what will be added,
updated, left as it is (already there) and skipped, with the reason for each skipped
entry. *Import* runs the ordinary import (:func:`.transfer.start_import`, with its progress
bar, off the GUI thread) on the entries the preview read. Several files dropped at once are
previewed and imported one after the other.
"""
from pathlib import Path

from PyQt5.QtCore import QCoreApplication
from PyQt5.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QMessageBox, QTreeWidget,
                             QTreeWidgetItem, QVBoxLayout)

from .dialog_buttons import make_default

IMPORTABLE = (".vcf", ".vcard", ".csv")


def importable_paths(mime):
    """The local contact files among what is being dragged ([] when none)."""
    if not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if Path(p).suffix.lower() in IMPORTABLE]


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


class ImportPreviewDialog(QDialog):
    """What importing ``path`` will do; ``accepted`` with :meth:`update` telling whether
    contacts of the same id are to be overwritten."""

    def __init__(self, path, preview, parent=None):
        super().__init__(parent)
        self.path, self.preview = path, preview
        self.setWindowTitle(_translate("ImportPreview", "Import {file}").format(file=Path(path).name))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.update_box = QCheckBox(_translate("ImportPreview", "&Update the %n contact(s) of the same id with the file's version", None,
                                               len(preview.conflicting)))
        self.update_box.setObjectName("importUpdate")
        self.update_box.setVisible(bool(preview.conflicting))
        self.update_box.toggled.connect(self._fill)
        layout.addWidget(self.update_box)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importEntries")
        self.tree.setHeaderLabels([_translate("ImportPreview", "Entry"), _translate("ImportPreview", "Why")])
        self.tree.setColumnWidth(0, 300)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.import_button = self.buttons.addButton(_translate("ImportPreview", "&Import"), QDialogButtonBox.AcceptRole)
        make_default(self.buttons, self.import_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill()
        self.tree.setFocus()

    def update(self):
        return self.update_box.isChecked()

    def counts(self):
        """(added, updated, already there, skipped) as the dialog now says."""
        p = self.preview
        moved = len(p.conflicting) if self.update() else 0
        return len(p.added), len(p.updated) + moved, len(p.unchanged), len(p.skipped) - moved

    def _fill(self, *_):
        p = self.preview
        added, updated, unchanged, skipped = self.counts()
        conflicting = {id(e) for e in p.conflicting} if self.update() else set()
        total = p.total   # (pylupdate5 drops a call whose count is an attribute: p.total)
        self.summary.setText(_translate("ImportPreview", "<b>{file}</b>: %n entry(ies). {added} will be added, {updated} updated, "
                                        "{unchanged} already there (left as they are), {skipped} skipped.", None, total)
                             .format(file=Path(self.path).name, added=added, updated=updated, unchanged=unchanged,
                                     skipped=skipped))
        self.import_button.setEnabled(added + updated > 0)
        self.tree.clear()
        replaces, same = _translate("ImportPreview", "same id: the file's version replaces it"), _translate("ImportPreview", 
            "the same contact is already in the book")
        sections = [(_translate("ImportPreview", "To add ({count})").format(count=added), [(e, "") for e in p.added]),
                    (_translate("ImportPreview", "To update ({count})").format(count=updated), [(e, "") for e in p.updated] +
                     [(e, replaces) for e in p.conflicting if id(e) in conflicting]),
                    (_translate("ImportPreview", "Already there ({count})").format(count=unchanged), [(e, same) for e in p.unchanged]),
                    (_translate("ImportPreview", "Skipped ({count})").format(count=skipped),
                     [(e, reason) for e, reason in p.skipped if id(e) not in conflicting])]
        for title, rows in sections:
            section = QTreeWidgetItem([title])
            section.setFirstColumnSpanned(False)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            self.tree.addTopLevelItem(section)
            for entry, why in rows:
                name = (entry.contact or {}).get("name") or _translate("ImportPreview", "entry {number}").format(number=entry.number)
                item = QTreeWidgetItem([_translate("ImportPreview", "{name}  (line {line})").format(name=name, line=entry.line), why])
                item.setToolTip(1, why)
                section.addChild(item)
            section.setExpanded(bool(rows) and len(rows) <= 200)
            section.setDisabled(not rows)


def preview_files(window, paths):
    """Preview, then import, ``paths`` one after the other."""
    paths = list(paths)
    if not paths or window.transfer is not None:
        return None
    path, rest = paths[0], paths[1:]
    from ...formats.importing import decode, detect_format, read_entries
    from ...formats.preview import preview_import
    region = window.session.region
    window._show_message(_translate("ImportPreview", "Reading {file}…").format(file=Path(path).name))

    def job(client):
        text = decode(Path(path).read_bytes())
        entries = read_entries(text, detect_format(path, text))
        return entries, preview_import(client, entries, region=region)

    def done(result):
        entries, preview = result
        dialog = ImportPreviewDialog(path, preview, window)
        window.import_preview = dialog

        def go():
            from .transfer import start_import
            start_import(window, path, entries, update=dialog.update(), region=region,
                         then=lambda: preview_files(window, rest))
        dialog.accepted.connect(go)
        dialog.rejected.connect(lambda: preview_files(window, rest))
        dialog.open()

    def failed(exc):
        from ..session import describe_error
        box = QMessageBox(QMessageBox.Warning, _translate("ImportPreview", "Import failed"),
                          _translate("ImportPreview", "Could not read {file}: {error}").format(file=Path(path).name,
                                                                              error=describe_error(exc)),
                          QMessageBox.Ok, window)
        window.message_box = box
        box.finished.connect(lambda _: preview_files(window, rest))
        box.open()
    window.session.submit(job, done, failed, description=_translate("ImportPreview", "Read {file}").format(file=Path(path).name))
    return path


def drag_enter(window, event):
    if importable_paths(event.mimeData()):
        event.acceptProposedAction()
        window._show_message(_translate("ImportPreview", "Drop to import: a preview says what will be added first"))
    else:
        event.ignore()


def drop(window, event):
    paths = importable_paths(event.mimeData())
    if not paths:
        event.ignore()
        return
    event.acceptProposedAction()
    if window.transfer is not None:
        window._show_message(_translate("ImportPreview", "An import or export is still running: drop the file again once it is done"),
                             important=True)
        return
    preview_files(window, paths)

