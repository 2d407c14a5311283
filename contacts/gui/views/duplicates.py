"""Edit → Find duplicates…: the likely duplicate pairs, and a merge preview per pair.

The pairs come from :func:`contacts.gui.duplicates.find_duplicates` over the book the window
holds. For the chosen pair the preview shows each field where the two differ: a list
(phones, emails, groups ...) is shown united, a single value (name, birthday, photo) as two
choices, the kept contact's checked. The more complete contact of a pair (more fields filled;
on a tie the first) is the one kept unless the user swaps. *Merge* updates the kept contact and moves the other to
the trash (contacts.gui.merging), one step on the undo stack. *Keep the other* swaps which
one is kept.
"""
from PyQt5.QtCore import QCoreApplication, Qt
from PyQt5.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                             QListWidget, QListWidgetItem, QPushButton, QRadioButton, QScrollArea, QSplitter,
                             QVBoxLayout, QWidget)

from ...fields import ADDRESS_PARTS, NAME_PARTS
from ..duplicates import CHOOSE, find_duplicates, kept_first, merge_changes, merge_plan
from ..merging import merge_contacts
from ..presentation import describe_date, label_text, structured_name_text

from .contact_dialog import caption
from .dialog_buttons import make_default   # the field's name as the edit dialog shows it


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


def reason_text(reason):
    """What a pair shares (contacts.gui.duplicates says it in English) in the window's language."""
    for kind, words in (("same number ", _translate("Duplicates", "same number {value}")),
                        ("same email ", _translate("Duplicates", "same email {value}"))):
        if reason.startswith(kind):
            return words.format(value=reason[len(kind):])
    return {"similar names": _translate("Duplicates", "similar names"), "chosen by you": _translate("Duplicates", "chosen by you")}.get(reason,
                                                                                                          reason)


def pair_text(first, second, reasons):
    return f"{first['name']}  ⇄  {second['name']}\n    {', '.join(reason_text(r) for r in reasons)}"


def value_text(field, value):
    """A field's value in one or a few lines, as the preview shows it."""
    if value in (None, "", [], {}):
        return _translate("Duplicates", "(none)")
    if field == "photo":
        return (_translate("Duplicates", "a photo ({size} KB)").format(size=value["size"] // 1024 or 1) if "size" in value
                else value.get("uri", _translate("Duplicates", "a photo")))
    if field in ("birthday", "anniversary"):
        return describe_date(value)
    if field == "starred":
        return _translate("Duplicates", "★ starred") if value else _translate("Duplicates", "not starred")
    if field == "n":
        return structured_name_text(value) or " ".join(p for part in NAME_PARTS for p in value.get(part, []))
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict):
                if field == "addresses":
                    text = ", ".join(item[p] for p in ADDRESS_PARTS if item.get(p))
                else:
                    text = next((str(item[k]) for k in ("number", "address", "url", "uri", "value") if item.get(k)),
                                "")
                label = label_text(item.get("label", ""))
                label = QCoreApplication.translate("Labels", label) if label else label   # "Casa" in pt_BR
                lines.append(f"{label}: {text}" if label else text)
            else:
                lines.append(str(item))
        return "\n".join(lines)
    return str(value)


class MergePreview(QWidget):
    """What merging ``other`` into ``keep`` would do, with a choice per single-valued field."""

    def __init__(self, keep, other, parent=None):
        super().__init__(parent)
        self.keep, self.other = keep, other
        self.plan = merge_plan(keep, other)
        self.choices = {}            # field -> QButtonGroup (id 0: keep's, 1: other's)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        head = QLabel(_translate("Duplicates", "Keeps <b>{keep}</b> with what is below; <b>{other}</b> goes to the trash "
                                 "(Ctrl+Z undoes the merge).").format(keep=_html(keep["name"]), other=_html(other["name"])))
        head.setWordWrap(True)
        form.addRow(head)
        if not self.plan:
            form.addRow(QLabel(_translate("Duplicates", "{other} holds nothing {keep} lacks.").format(other=other["name"],
                                                                                       keep=keep["name"])))
        for item in self.plan:
            if item.how == CHOOSE:
                box = QWidget()
                row = QVBoxLayout(box)
                row.setContentsMargins(0, 0, 0, 0)
                group = QButtonGroup(box)
                for number, value in enumerate((item.keep, item.other)):
                    text = value_text(item.name, value)
                    button = QRadioButton(_shortened(text))   # a radio button does not wrap
                    button.setToolTip(text if _shortened(text) != text else "")
                    button.setObjectName(f"merge_{item.name}_{'keep' if number == 0 else 'other'}")
                    group.addButton(button, number)
                    row.addWidget(button)
                    button.setChecked(value == item.merged)
                self.choices[item.name] = group
                form.addRow(caption(item.name) + ":", box)
            else:
                united = QLabel(value_text(item.name, item.merged))
                united.setObjectName(f"merge_{item.name}_united")
                united.setTextInteractionFlags(Qt.TextSelectableByMouse)
                united.setWordWrap(True)    # a long address wraps instead of widening the preview
                united.setToolTip(_translate("Duplicates", "Both contacts' entries, each once"))
                form.addRow(_translate("Duplicates", "{field} (all):").format(field=caption(item.name)), united)

    def chosen(self):
        return {name: ("keep" if group.checkedId() == 0 else "other") for name, group in self.choices.items()}

    def changes(self):
        return merge_changes(self.keep, self.plan, self.chosen())


#: a choice longer than this (a long note) shows its start, the whole in its tooltip
CHOICE_CHARS = 40


def _shortened(text):
    lines = text.splitlines() or [""]
    first = lines[0] if len(lines[0]) <= CHOICE_CHARS else lines[0][:CHOICE_CHARS - 1].rstrip() + "…"
    return first if len(lines) == 1 else first.rstrip("…") + " …"


def _html(text):
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DuplicatesDialog(QDialog):
    def __init__(self, window, pair=None):
        super().__init__(window)
        self.window = window
        self.setWindowTitle(_translate("Duplicates", "Duplicates"))
        self.resize(860, 520)
        self.pairs = []
        self.preview = None
        self.swapped = False
        self.list = QListWidget()
        self.list.setObjectName("duplicatePairs")
        self.list.setWordWrap(True)      # "same number …, similar names" whole, not cut at the right
        self.list.currentRowChanged.connect(lambda _: self._show_pair())
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.setSizes([300, 560])
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.merge_button = QPushButton(_translate("Duplicates", "&Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        self.swap_button = QPushButton(_translate("Duplicates", "&Keep the other"))
        self.swap_button.setToolTip(_translate("Duplicates", "Keep the second contact and move the first to the trash instead"))
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ActionRole)
        # Return merges (under Xvfb it closed the dialog: Close, an auto-default button of the
        # box, took the default); Esc closes
        make_default(self.buttons, self.merge_button)
        self.merge_button.clicked.connect(self.merge)
        self.swap_button.clicked.connect(self.swap)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.find(pair)
        self.list.setFocus()
        window.session.contactChanged.connect(self._contact_changed)

    def _contact_changed(self, contact_id, _contact):
        pair = self.current_pair()
        if pair is not None and contact_id in (pair[0]["id"], pair[1]["id"]):
            self._show_pair(self.swapped)     # the preview of what the window holds now

    def find(self, pair=None):
        """The pairs among the contacts the window holds; ``pair`` (two contacts the user chose)
        first, whatever they share."""
        session = self.window.session
        if session.paged:
            self.hint.setText(_translate("Duplicates", "This book is too big to hold in the window: finding duplicates needs "
                                         "every contact. Select two contacts and use Merge on the row menu."))
            contacts = []
        else:
            contacts = session.contacts.contacts()
        self.pairs = [(*kept_first(d.first, d.second), d.reasons) for d in find_duplicates(contacts)]
        if pair is not None:
            ids = {pair[0]["id"], pair[1]["id"]}
            self.pairs = [p for p in self.pairs if {p[0]["id"], p[1]["id"]} != ids]
            shared = next((d.reasons for d in find_duplicates(pair)), ["chosen by you"])
            self.pairs.insert(0, (*kept_first(pair[0], pair[1]), shared))
        if not session.paged:
            self.hint.setText(_translate("Duplicates", "%n likely duplicate pair(s)", None, len(self.pairs))
                              if self.pairs else _translate("Duplicates", "No likely duplicates: no two contacts share a number "
                                                            "or an email, and no names are alike."))
        self.list.clear()
        for first, second, reasons in self.pairs:
            item = QListWidgetItem(pair_text(first, second, reasons))
            item.setToolTip("\n".join(reason_text(r) for r in reasons))
            self.list.addItem(item)
        self.list.setCurrentRow(0 if self.pairs else -1)
        self._show_pair()

    def current_pair(self):
        row = self.list.currentRow()
        if not 0 <= row < len(self.pairs):
            return None
        # as the window holds them now (the kept one of an earlier merge has changed); by
        # default the more complete one is kept (Keep the other swaps)
        first, second = kept_first(*(self.window.session.contacts.contact(c["id"]) or c for c in self.pairs[row][:2]))
        return (second, first) if self.swapped else (first, second)

    def _show_pair(self, swapped=False):
        self.swapped = swapped
        pair = self.current_pair()
        self.merge_button.setEnabled(pair is not None)
        self.swap_button.setEnabled(pair is not None)
        if pair is None:
            self.preview = None
            self.scroll.setWidget(QLabel(""))
            return
        self.preview = MergePreview(*pair)
        self.scroll.setWidget(self.preview)

    def swap(self):
        self._show_pair(not self.swapped)

    def merge(self):
        pair = self.current_pair()
        if pair is None:
            return
        keep, other = pair
        changes, inverse = self.preview.changes()
        merge_contacts(self.window.session, keep, other, changes, inverse)
        # the pairs with the contact going to the trash are gone; the rest stay listed
        row = self.list.currentRow()
        self.pairs = [p for p in self.pairs if other["id"] not in (p[0]["id"], p[1]["id"])]
        self._relist(min(row, len(self.pairs) - 1))

    def _relist(self, row):
        self.list.blockSignals(True)
        self.list.clear()
        for first, second, reasons in self.pairs:
            self.list.addItem(QListWidgetItem(pair_text(first, second, reasons)))
        self.list.blockSignals(False)
        self.list.setCurrentRow(row)
        self.hint.setText(_translate("Duplicates", "%n likely duplicate pair(s) left", None, len(self.pairs))
                          if self.pairs else _translate("Duplicates", "No duplicates left."))
        self._show_pair()
