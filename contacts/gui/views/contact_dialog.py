"""Add / edit a contact: several labelled phones and emails, checked as you type.

Every field is checked with the very functions the replicas use
(:mod:`contacts.model`), so what the dialog accepts the cluster accepts too; an
error appears under the field it concerns.  A valid phone shows its
international form beside it.

While the dialog is open the contact may change on the cluster (another user,
another replica).  The dialog takes in the fields the user has not touched and
says so; if the user has edited the same field, a banner asks whether to keep
theirs or take the other version.  Nothing is overwritten silently.
"""
import re

import phonenumbers
from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
                             QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea,
                             QToolButton, QVBoxLayout, QWidget)

from ...errors import ContactsError
from ...model import BASE_FIELDS as FIELDS, EMPTY, MAX_EMAILS, MAX_PHONES, normalize_field  # the fields it shows

PHONE_LABELS = ("mobile", "home", "work", "other")
EMAIL_LABELS = ("home", "work", "other")
ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #5f6368;"
BAD_FIELD = "border: 1px solid #b3261e;"


def _message(exc):
    """The error text without the leading 'field: ' (the field is shown by position)."""
    text = str(exc)
    field = getattr(exc, "field", None)
    return text[len(field) + 2:] if field and text.startswith(field + ": ") else text


class _ErrorLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text):
        self.setText(text or "")
        self.setVisible(bool(text))


class EntryRow(QWidget):
    """One labelled phone or email: [label ▾] [value] [×], and its feedback line."""

    changed = pyqtSignal()
    removeRequested = pyqtSignal(object)

    def __init__(self, kind, labels, label="", value="", parent=None, region=None):
        super().__init__(parent)
        self.kind = kind  # "phone" or "email"
        self.region = region
        self._previous = value
        self.label_box = QComboBox()
        self.label_box.setEditable(True)
        self.label_box.addItems(labels)
        self.label_box.setCurrentText(label or labels[0])
        self.label_box.setMinimumWidth(90)
        self.value_edit = QLineEdit(value)
        self.value_edit.setPlaceholderText("+44 20 7946 0958" if kind == "phone" else "name@example.com")
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(f"Remove this {kind}")
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.label_box)
        line.addWidget(self.value_edit, 1)
        line.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.feedback)
        self.touched = bool(value)
        self.error = ""
        self.value_edit.textEdited.connect(self._typed)
        self.label_box.editTextChanged.connect(self._touch)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def _touch(self, *_):
        self.touched = True
        self.changed.emit()

    def _typed(self, text):
        if self.kind == "phone":
            self._format_as_typed(text)
        self._previous = self.value_edit.text()
        self._touch()

    def _format_as_typed(self, text):
        """Group a phone number's digits as the user types them ('2025550143' -> '(202) 555-0143').

        Only while typing at the end, and only text made of digits, spaces and the usual
        punctuation: a deletion, an edit in the middle or an extension ('x12') is left alone."""
        edit = self.value_edit
        if (len(text) <= len(self._previous) or edit.cursorPosition() != len(text)
                or not re.fullmatch(r"\+?[\d\s().\-/]*", text)):
            return
        if not text.strip():
            self._own_punctuation = False
        if not self.region or getattr(self, "_own_punctuation", False):
            return   # no region set (grouping would be a guess), or the user groups it
        if text and text[-1] in "()-./":
            self._own_punctuation = True   # "(84) ...": the user's own way, kept as typed
            return
        formatter = phonenumbers.AsYouTypeFormatter(self.region)
        formatted = ""
        for index, char in enumerate(text):
            if char.isdigit() or (char == "+" and index == 0):
                formatted = formatter.input_digit(char)
        # only ever add grouping: when the formatter gives up (a number not of this region)
        # it returns bare digits, and the user's own "(84) 98888-7777" must stay as typed
        if (formatted and re.sub(r"\D", "", formatted) == re.sub(r"\D", "", text) and formatted != text
                and len(formatted) >= len(text)):
            edit.setText(formatted)
            edit.setCursorPosition(len(formatted))

    def label(self):
        return self.label_box.currentText()

    def value(self):
        return self.value_edit.text()

    def is_blank(self):
        return not self.value().strip()

    def show_feedback(self, text, error, on_label=False):
        self.error = text if error else ""
        self.feedback.setText(text)
        self.feedback.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.feedback.setVisible(bool(text))
        self.value_edit.setStyleSheet(BAD_FIELD if error and not on_label else "")
        self.label_box.setStyleSheet(BAD_FIELD if error and on_label else "")


class EntryList(QWidget):
    """The phones (or emails) of a contact: rows plus an 'Add' button."""

    changed = pyqtSignal()
    #: a row was added or removed (the dialog puts the Tab order right again)
    rowsChanged = pyqtSignal()

    def __init__(self, kind, labels, limit, parent=None, region=None):
        super().__init__(parent)
        self.kind, self.labels, self.limit, self.region = kind, labels, limit, region
        self.rows = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(f"Add {kind}")
        self.add_button.setAutoDefault(False)   # Return saves the dialog, wherever the focus is
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self._layout.addWidget(self.add_button, 0, Qt.AlignLeft)

    def add_row(self, label="", value="", focus=False):
        row = EntryRow(self.kind, self.labels, label, value, region=self.region)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_row)
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self.add_button.setEnabled(len(self.rows) < self.limit)
        self.rowsChanged.emit()
        if focus:
            row.value_edit.setFocus()
        self.changed.emit()
        return row

    def remove_row(self, row):
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.add_button.setEnabled(len(self.rows) < self.limit)
        self.rowsChanged.emit()
        self.changed.emit()

    def focus_order(self):
        """Its widgets in Tab order: each row's label, value and remove button, then Add."""
        return [w for row in self.rows for w in (row.label_box, row.value_edit, row.remove_button)] + [
            self.add_button]

    def set_entries(self, entries, value_key):
        for row in list(self.rows):
            self.remove_row(row)
        for entry in entries:
            row = self.add_row(entry.get("label", ""), entry.get(value_key, ""))
            row.original = entry  # its keys the dialog does not show (pref, region) go back with it


class ContactDialog(QDialog):
    """``contact`` None: a new contact.  Otherwise edit it; :attr:`base` is the version shown."""

    def __init__(self, region, contact=None, values=None, parent=None):
        super().__init__(parent)
        self.region = region
        self.base = dict(contact) if contact else None
        self.force = False            # the user chose to overwrite other people's changes
        self.deleted_underneath = False
        self._clashing = []
        self._shown_errors = {}
        self._closing_quietly = False
        self.setWindowTitle("Edit contact" if contact else "New contact")
        self.setMinimumWidth(480)
        self.resize(540, 620)

        self.banner = QFrame()
        self.banner.setObjectName("conflictBanner")
        self.banner.setStyleSheet("#conflictBanner { background: #fff4ce; border: 1px solid #e0c060; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.use_theirs_button = QPushButton("Use their version")
        self.keep_mine_button = QPushButton("Keep mine")
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text)
        banner_buttons = QHBoxLayout()
        banner_buttons.addStretch(1)
        banner_buttons.addWidget(self.use_theirs_button)
        banner_buttons.addWidget(self.keep_mine_button)
        banner_layout.addLayout(banner_buttons)
        self.banner.hide()
        for button in (self.use_theirs_button, self.keep_mine_button):
            button.setAutoDefault(False)
        self.use_theirs_button.clicked.connect(self.use_theirs)
        self.keep_mine_button.clicked.connect(self.keep_mine)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Full name (required)")
        self.organization_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(80)   # and takes the height left, under its label
        self.phones = EntryList("phone", PHONE_LABELS, MAX_PHONES, region=region)
        self.emails = EntryList("email", EMAIL_LABELS, MAX_EMAILS)
        self.errors = {f: _ErrorLabel() for f in ("name", "organization", "notes")}

        form = QFormLayout()
        # labels level with the top of their field (the Notes box, a phone list), not centred
        form.setLabelAlignment(Qt.AlignLeft | Qt.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.addRow("Name", self._with_error(self.name_edit, "name"))
        form.addRow("Phones", self.phones)
        form.addRow("Emails", self.emails)
        form.addRow("Organization", self._with_error(self.organization_edit, "organization"))
        form.addRow("Notes", self._with_error(self.notes_edit, "notes"))
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)   # Tab goes to the fields in it, not to the area
        scroll.setWidget(inner)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Return saves from any field; no button takes the focus (and so the Space typed
        # next) when the dialog opens: the Name field has it
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.Save).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

        self._touched = set()
        self._load(values or contact or EMPTY)
        self.name_edit.textEdited.connect(lambda: self._touch("name"))
        self.organization_edit.textEdited.connect(lambda: self._touch("organization"))
        self.notes_edit.textChanged.connect(lambda: self._touch("notes"))
        self.phones.changed.connect(self.validate)
        self.emails.changed.connect(self.validate)
        self.validate()
        self._order_tabs()
        self.phones.rowsChanged.connect(self._order_tabs)
        self.emails.rowsChanged.connect(self._order_tabs)
        self.name_edit.setFocus(Qt.OtherFocusReason)   # not the Save button (QDialog's choice)

    def _order_tabs(self):
        """Tab goes down the form as it is shown, rows added later included (Qt's own order
        is the order the widgets were made in, which puts new rows last)."""
        order = [self.use_theirs_button, self.keep_mine_button, self.name_edit]
        order += self.phones.focus_order() + self.emails.focus_order()
        order += [self.organization_edit, self.notes_edit,
                  self.buttons.button(QDialogButtonBox.Save), self.buttons.button(QDialogButtonBox.Cancel)]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _with_error(self, widget, field):
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.errors[field])
        return box

    def _load(self, contact):
        self.name_edit.setText(contact.get("name", ""))
        self.organization_edit.setText(contact.get("organization", ""))
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(contact.get("notes", ""))
        self.notes_edit.blockSignals(False)
        self.phones.set_entries(contact.get("phones", []), "number")
        self.emails.set_entries(contact.get("emails", []), "address")
        if not contact.get("phones"):
            self.phones.add_row()
        if not contact.get("emails"):
            self.emails.add_row()

    def _touch(self, field):
        self._touched.add(field)
        self.validate()

    # -- validation ------------------------------------------------------------------
    def _raw(self):
        return {
            "name": self.name_edit.text(),
            "organization": self.organization_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def validate(self, show_all=False):
        """Check every field; show errors where the user has typed (everywhere if ``show_all``).

        Returns the normalized fields, or None while anything is wrong.
        """
        fields, ok = {}, True
        for field, raw in self._raw().items():
            try:
                fields[field] = normalize_field(field, raw, self.region)
                error = ""
            except ContactsError as exc:
                ok, error = False, _message(exc)
            self.errors[field].show_error(error if (show_all or field in self._touched) else "")
        phones, phones_ok = self._check_entries(self.phones, "phones", "number", show_all)
        emails, emails_ok = self._check_entries(self.emails, "emails", "address", show_all)
        fields["phones"], fields["emails"] = phones, emails
        ok = ok and phones_ok and emails_ok
        return {f: fields[f] for f in FIELDS} if ok else None

    def _check_entries(self, entries, field, value_key, show_all):
        values, ok = [], True
        for row in entries.rows:
            if row.is_blank():
                row.show_feedback("", False)  # a row without a value is simply left out
                continue
            entry = {"label": row.label(), value_key: row.value()}
            original = getattr(row, "original", None) or {}
            if original.get(value_key) == row.value():
                # unchanged: keep the keys the dialog does not show (the region it was read in,
                # pref), so saving does not lose an E.164 form or a preference
                entry.update({k: original[k] for k in ("region", "pref") if original.get(k) is not None})
            try:
                normalized = normalize_field(field, [entry], self.region)[0]
            except ContactsError as exc:
                ok = False
                if show_all or row.touched:
                    on_label = str(getattr(exc, "field", "")).endswith(".label")
                    row.show_feedback(("label: " if on_label else "") + _message(exc), True, on_label)
                continue
            values.append(normalized)
            row.show_feedback(self._hint(field, normalized), False)
        return values, ok

    def _hint(self, field, entry):
        if field != "phones":
            return ""
        if not entry.get("e164"):  # kept as typed: never refused, but not a number we are sure of
            return "kept as typed (not a valid number here: add +country code to check it)"
        number = phonenumbers.parse(entry["e164"])
        pretty = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return "✓" if pretty == entry["number"] else f"✓ {pretty}"

    def fields(self):
        """The normalized fields (valid input only; call after the dialog was accepted)."""
        return self.validate()

    def accept(self):
        if self.validate(show_all=True) is None:
            self._focus_first_error()
            return
        if self._clashing and not self.force:
            answer = QMessageBox.question(
                self, "Overwrite their changes?",
                f"Someone else changed {', '.join(self._clashing)} of this contact while you were "
                "editing it. Save your version over theirs?",
                QMessageBox.Save | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Save:
                return
            self.keep_mine()
        super().accept()

    def has_changes(self):
        """Something typed in a new contact; for an edit, a field that differs from the version shown."""
        if self.base is None:
            return (any(text.strip() for text in self._raw().values())
                    or any(not row.is_blank() for row in self.phones.rows + self.emails.rows))
        return bool(self._edited()[0])

    def reject(self):
        """Esc, Cancel or closing the window: ask first when that would throw away typing."""
        if not self._closing_quietly and self.has_changes():
            question = ("Discard this contact?" if self.base is None
                        else "Discard your changes to this contact?")
            answer = QMessageBox.question(self, "Discard?", question,
                                          QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                return
        super().reject()

    def closeEvent(self, event):
        # the user closing the window asks like Esc; a close by the program (the window
        # going away) does not stop to ask
        self._closing_quietly = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closing_quietly = False

    def _focus_first_error(self):
        for field, widget in (("name", self.name_edit),):
            if self.errors[field].isVisible():
                widget.setFocus()
                return
        for entries in (self.phones, self.emails):
            for row in entries.rows:
                if row.error:
                    row.value_edit.setFocus()
                    return

    # -- the contact changed on the cluster -------------------------------------------
    def _edited(self):
        """Fields whose form value differs from the base (an invalid value counts as edited)."""
        current = self.validate()
        if current is None:
            checked = {}
            for field, raw in self._raw().items():
                try:
                    checked[field] = normalize_field(field, raw, self.region)
                except ContactsError:
                    pass
            current = checked
            current.setdefault("phones", None)
            current.setdefault("emails", None)
        return {f for f in FIELDS if not _same(current.get(f), self.base.get(f))}, current

    def contact_changed(self, contact_id, contact):
        """The model saw a new version of some contact; react if it is ours."""
        if self.base is None or contact_id != self.base["id"] or contact.get("updated") == self.base.get("updated"):
            return
        theirs = [f for f in FIELDS if contact.get(f) != self.base.get(f)]
        if not theirs:
            self.base = dict(contact)
            return
        edited, mine = self._edited()
        taken = [f for f in theirs if f not in edited]
        clashing = [f for f in theirs if f in edited and mine.get(f) != contact.get(f)]
        for field in taken:
            self._set_field(field, contact[field])
        self.base = dict(contact)
        self._clashing = sorted(set(self._clashing) | set(clashing))
        self.force = False
        parts = []
        if taken:
            parts.append(f"Someone else changed this contact: their {', '.join(taken)} "
                         "{} been filled in.".format("has" if len(taken) == 1 else "have"))
        if self._clashing:
            parts.append(f"They also changed {', '.join(self._clashing)}, which you are editing. "
                         "Keep yours or use theirs?")
        self._show_banner(" ".join(parts), bool(self._clashing))

    def contact_removed(self, contact_id):
        if self.base is None or contact_id != self.base["id"]:
            return
        self.deleted_underneath = True
        self._show_banner("Someone else deleted this contact. Saving brings it back with your changes.",
                          False)

    def _show_banner(self, text, choice):
        self.banner_text.setText(text)
        self.use_theirs_button.setVisible(choice)
        self.keep_mine_button.setVisible(choice)
        self.banner.show()

    def _set_field(self, field, value):
        if field == "name":
            self.name_edit.setText(value)
        elif field == "organization":
            self.organization_edit.setText(value)
        elif field == "notes":
            self.notes_edit.blockSignals(True)
            self.notes_edit.setPlainText(value)
            self.notes_edit.blockSignals(False)
        elif field == "phones":
            self.phones.set_entries(value, "number")
        elif field == "emails":
            self.emails.set_entries(value, "address")
        self.validate()

    def use_theirs(self):
        for field in self._clashing:
            self._set_field(field, self.base[field])
        self._clashing = []
        self.banner.hide()

    def keep_mine(self):
        self._clashing = []
        self.force = True
        self.banner.hide()


#: keys a stored phone or email may lack (written before the rich model) and their values
_ENTRY_DEFAULTS = {"region": "", "pref": None}


def _same(mine, theirs):
    """Equal as the replica would store them: an entry without region/pref is the same
    entry as one with their empty values."""
    if isinstance(mine, list) and isinstance(theirs, list):
        fill = lambda entries: [{**_ENTRY_DEFAULTS, **e} if isinstance(e, dict) else e for e in entries]
        return fill(mine) == fill(theirs)
    return mine == theirs
