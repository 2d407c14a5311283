"""Add / edit a contact: every field of the rich contact (contacts/fields.py), checked as you type.

Every field is checked with the very functions the replicas use (:mod:`contacts.model`),
so what the dialog accepts the cluster accepts too; an error appears under the field it
concerns. A phone shows how it will be stored and the region it was read in, and has a
country of its own to read it in. The fields people fill in most are shown; the others are
under "More fields" (open at once when the contact has any of them). A field the dialog
has no editor for (``extra``: the vCard properties kept verbatim) is sent back untouched,
and so is everything an editor did not change (see dialog_fields).

While the dialog is open the contact may change on the cluster (another user,
another replica).  The dialog takes in the fields the user has not touched and
says so; if the user has edited the same field, a banner asks whether to keep
theirs or take the other version.  Nothing is overwritten silently.
"""
from PyQt5.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import (QCheckBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
                             QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QToolButton,
                             QVBoxLayout, QWidget)

from ...errors import ContactsError
from ...fields import MAX_ENTRIES
from ...model import EMPTY, FIELDS, MAX_EMAILS, MAX_PHONES, normalize_field
from ..presentation import QT_TRANSLATE_NOOP
from .dialog_fields import (AddressList, ChipsEdit, DateEdit, EntryList, ErrorLabel,
                            GenderEdit, ListEdit, NameDetails, PhotoEdit, form_label_alignment, phone_hint)

PHONE_LABELS = ("mobile", "home", "work", "other")
EMAIL_LABELS = ("home", "work", "other")
URL_LABELS = ("home", "work", "blog", "profile", "other")
CHAT_LABELS = ("home", "work", "other")
RELATED_LABELS = ("spouse", "partner", "child", "parent", "sibling", "friend", "assistant", "manager",
                  "emergency")
#: the fields with a row per entry, checked row by row: (value key, kind in the UI)
ENTRY_FIELDS = {"phones": "number", "emails": "address", "urls": "url", "impps": "uri", "related": "value",
                "keys": "value"}
#: under "More fields": the ones most contacts leave empty
MORE = ("n", "nicknames", "org_units", "role", "anniversary", "urls", "impps", "related", "gender", "languages",
        "timezone", "geo", "keys")


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


#: what the form calls each field (the banner names the fields someone else changed)
CAPTIONS = {"photo": QT_TRANSLATE_NOOP("ContactDialog", "Photo"), "name": QT_TRANSLATE_NOOP("ContactDialog", "Name"),
            "phones": QT_TRANSLATE_NOOP("ContactDialog", "Phones"), "emails": QT_TRANSLATE_NOOP("ContactDialog", "Emails"),
            "addresses": QT_TRANSLATE_NOOP("ContactDialog", "Addresses"),
            "organization": QT_TRANSLATE_NOOP("ContactDialog", "Organization"),
            "title": QT_TRANSLATE_NOOP("ContactDialog", "Title"), "birthday": QT_TRANSLATE_NOOP("ContactDialog", "Birthday"),
            "groups": QT_TRANSLATE_NOOP("ContactDialog", "Groups"), "notes": QT_TRANSLATE_NOOP("ContactDialog", "Notes"),
            "n": QT_TRANSLATE_NOOP("ContactDialog", "Name details"),
            "nicknames": QT_TRANSLATE_NOOP("ContactDialog", "Nicknames"),
            "org_units": QT_TRANSLATE_NOOP("ContactDialog", "Department"), "role": QT_TRANSLATE_NOOP("ContactDialog", "Role"),
            "anniversary": QT_TRANSLATE_NOOP("ContactDialog", "Anniversary"),
            "urls": QT_TRANSLATE_NOOP("ContactDialog", "Websites"), "impps": QT_TRANSLATE_NOOP("ContactDialog", "Chat"),
            "related": QT_TRANSLATE_NOOP("ContactDialog", "Related people"),
            "gender": QT_TRANSLATE_NOOP("ContactDialog", "Gender"), "languages": QT_TRANSLATE_NOOP("ContactDialog", "Languages"),
            "timezone": QT_TRANSLATE_NOOP("ContactDialog", "Time zone"),
            "geo": QT_TRANSLATE_NOOP("ContactDialog", "Location"), "keys": QT_TRANSLATE_NOOP("ContactDialog", "Keys"),
            "starred": QT_TRANSLATE_NOOP("ContactDialog", "Starred")}


def caption(field):
    return _translate("ContactDialog", CAPTIONS[field]) if field in CAPTIONS else field


def _captions(fields):
    """The fields named mid-sentence: 'their organization, phones' (English and Portuguese
    both write them lower-case there)."""
    return ", ".join(caption(f).lower() for f in fields)


def _message(exc):
    """The error text without the leading 'field: ' (the field is shown by position)."""
    text = str(exc)
    field = getattr(exc, "field", None)
    return text[len(field) + 2:] if field and text.startswith(field + ": ") else text


class ContactDialog(QDialog):
    """``contact`` None: a new contact.  Otherwise edit it; :attr:`base` is the version shown."""

    def __init__(self, region, contact=None, values=None, parent=None, photos=None, known_groups=()):
        super().__init__(parent)
        self.region = region
        self.base = dict(contact) if contact else None
        self.force = False            # the user chose to overwrite other people's changes
        self.deleted_underneath = False
        self._clashing = []
        self._closing_quietly = False
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        self.setMinimumWidth(520)
        self.resize(600, 720)
        self.setAcceptDrops(True)      # an image file dropped on the dialog becomes the photo

        self.banner = QFrame()
        self.banner.setObjectName("conflictBanner")
        self.banner.setStyleSheet("#conflictBanner { background: #fff4ce; border: 1px solid #e0c060; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.use_theirs_button = QPushButton(self.tr("Use their version"))
        self.keep_mine_button = QPushButton(self.tr("Keep mine"))
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

        # -- one editor per field of the model ---------------------------------------------
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Full name (required)"))
        self.organization_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.role_edit = QLineEdit()
        self.timezone_edit = QLineEdit()
        self.timezone_edit.setPlaceholderText("America/Fortaleza")
        self.timezone_edit.setCompleter(_timezone_completer(self.timezone_edit))
        self.geo_edit = QLineEdit()
        self.geo_edit.setPlaceholderText("geo:-5.79,-35.21")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(80)
        self.starred_box = QCheckBox(self.tr("Starred (listed first)"))
        self.photo = PhotoEdit(photos)
        self.name_details = NameDetails()
        self.nicknames = ListEdit(self.tr("Nicknames, with commas between them"))
        self.org_units = ListEdit(self.tr("Departments, with commas between them"))
        self.languages = ListEdit("pt-BR, en")
        self.birthday = DateEdit()
        self.anniversary = DateEdit()
        self.gender = GenderEdit()
        self.groups = ChipsEdit(known_groups)
        self.phones = EntryList("phone", PHONE_LABELS, MAX_PHONES, region=region, keep=("region", "pref"))
        self.emails = EntryList("email", EMAIL_LABELS, MAX_EMAILS)
        self.urls = EntryList("website", URL_LABELS, MAX_ENTRIES, value_key="url", placeholder="https://example.com")
        self.impps = EntryList("chat address", CHAT_LABELS, MAX_ENTRIES, value_key="uri",
                               placeholder="xmpp:name@example.org")
        self.related = EntryList("person", RELATED_LABELS, MAX_ENTRIES, value_key="value",
                                 placeholder=self.tr("A name, or a URI"), keep=())
        self.keys = EntryList("key", (), MAX_ENTRIES, value_key="value", placeholder="https://example.org/key.asc",
                              keep=())
        self.addresses = AddressList(MAX_ENTRIES)
        self.editors = {
            "name": self.name_edit, "n": self.name_details, "nicknames": self.nicknames, "photo": self.photo,
            "birthday": self.birthday, "anniversary": self.anniversary, "addresses": self.addresses,
            "phones": self.phones, "emails": self.emails, "urls": self.urls, "impps": self.impps,
            "organization": self.organization_edit, "org_units": self.org_units, "title": self.title_edit,
            "role": self.role_edit, "groups": self.groups, "related": self.related, "gender": self.gender,
            "languages": self.languages, "timezone": self.timezone_edit, "geo": self.geo_edit, "keys": self.keys,
            "starred": self.starred_box, "notes": self.notes_edit}
        # every field of the model has an editor here, but "extra" (kept verbatim, sent back as it was)
        assert set(self.editors) | {"extra"} == set(FIELDS), "a field of contacts/fields.py has no editor"
        self.errors = {f: ErrorLabel() for f in self.editors if f not in ENTRY_FIELDS and f != "addresses"}

        form = QFormLayout()
        form_label_alignment(form)
        header = QWidget()
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self._with_error(self.photo, "photo"), 1)
        header_layout.addWidget(self.starred_box, 0, Qt.AlignTop)
        form.addRow(caption("photo"), header)
        form.addRow(caption("name"), self._with_error(self.name_edit, "name"))
        form.addRow(caption("phones"), self.phones)
        form.addRow(caption("emails"), self.emails)
        form.addRow(caption("addresses"), self.addresses)
        form.addRow(caption("organization"), self._with_error(self.organization_edit, "organization"))
        form.addRow(caption("title"), self._with_error(self.title_edit, "title"))
        form.addRow(caption("birthday"), self._with_error(self.birthday, "birthday"))
        form.addRow(caption("groups"), self._with_error(self.groups, "groups"))
        form.addRow(caption("notes"), self._with_error(self.notes_edit, "notes"))
        self.more_button = QToolButton()
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.RightArrow)
        self.more_button.setText(self.tr("More fields"))
        self.more_button.setToolTip(self.tr("Name details, nicknames, department, role, anniversary, websites, chat, "
                                            "related people, gender, languages, time zone, location, keys"))
        self.more_button.toggled.connect(self._show_more)
        form.addRow(self.more_button)
        self.more = QWidget()
        more = QFormLayout(self.more)
        more.setContentsMargins(0, 0, 0, 0)
        form_label_alignment(more)
        more.addRow(caption("n"), self._with_error(self.name_details, "n"))
        more.addRow(caption("nicknames"), self._with_error(self.nicknames, "nicknames"))
        more.addRow(caption("org_units"), self._with_error(self.org_units, "org_units"))
        more.addRow(caption("role"), self._with_error(self.role_edit, "role"))
        more.addRow(caption("anniversary"), self._with_error(self.anniversary, "anniversary"))
        more.addRow(caption("urls"), self.urls)
        more.addRow(caption("impps"), self.impps)
        more.addRow(caption("related"), self.related)
        more.addRow(caption("gender"), self._with_error(self.gender, "gender"))
        more.addRow(caption("languages"), self._with_error(self.languages, "languages"))
        more.addRow(caption("timezone"), self._with_error(self.timezone_edit, "timezone"))
        more.addRow(caption("geo"), self._with_error(self.geo_edit, "geo"))
        more.addRow(caption("keys"), self.keys)
        form.addRow(self.more)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)   # Tab goes to the fields in it, not to the area
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)   # the dialog is as wide as the form
        scroll.setWidget(inner)
        self.scroll = scroll

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
        self.more_button.setChecked(any(_filled((values or contact or {}).get(f)) for f in MORE))
        self._show_more(self.more_button.isChecked())
        for field, editor in self.editors.items():
            signal = (editor.changed if hasattr(editor, "raw") else
                      editor.textEdited if isinstance(editor, QLineEdit) else
                      editor.textChanged if isinstance(editor, QPlainTextEdit) else
                      editor.toggled)
            if field in ENTRY_FIELDS or field == "addresses":
                signal.connect(self.validate)      # their rows know whether they were touched
            else:
                signal.connect(lambda *_, f=field: self._touch(f))
        self.name_edit.textEdited.connect(self.photo.set_name)
        self.validate()
        self._order_tabs()
        for editor in (self.phones, self.emails, self.urls, self.impps, self.related, self.keys, self.addresses):
            editor.rowsChanged.connect(self._order_tabs)
        self.groups.changed.connect(self._order_tabs)
        for editor in (self.phones, self.emails, self.urls, self.impps, self.related, self.keys, self.addresses):
            editor.rowsChanged.connect(self._fit_width)
        self._fit_width()
        inner.installEventFilter(self)    # and again whenever the form's layout changes (shown, polished)
        self.name_edit.setFocus(Qt.OtherFocusReason)   # not the Save button (QDialog's choice)

    def _show_more(self, shown):
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        if hasattr(self, "scroll"):
            self._fit_width()

    def showEvent(self, event):
        super().showEvent(event)
        # Qt gives the first field the focus as if by Tab, which selects the whole name: the
        # first key typed would replace it. The cursor waits at the end of the name instead
        QTimer.singleShot(0, self._cursor_after_name)

    def _cursor_after_name(self):
        if self.name_edit.selectedText() == self.name_edit.text():
            self.name_edit.deselect()
            self.name_edit.end(False)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.LayoutRequest and watched is self.scroll.widget():
            QTimer.singleShot(0, self._fit_width)   # once the layout has been redone
        return super().eventFilter(watched, event)

    def _fit_width(self):
        """As wide as the form needs (its longest row: a phone with its label and country, in
        the window's language): the form scrolls up and down, never sideways, so nothing
        on its right (the ✕ buttons, "Starred") is cut off."""
        inner = self.scroll.widget()
        needed = (inner.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
                  + 2 * self.scroll.frameWidth())
        self.scroll.setMinimumWidth(needed)
        wanted = self.layout().totalMinimumSize().width()
        if self.width() < wanted:
            self.resize(wanted, self.height())

    def _order_tabs(self):
        """Tab goes down the form as it is shown, rows added later included (Qt's own order
        is the order the widgets were made in, which puts new rows last)."""
        order = [self.use_theirs_button, self.keep_mine_button, *self.photo.focus_order(), self.starred_box,
                 self.name_edit]
        order += self.phones.focus_order() + self.emails.focus_order() + self.addresses.focus_order()
        order += [self.organization_edit, self.title_edit, *self.birthday.focus_order(), *self.groups.focus_order(),
                  self.notes_edit, self.more_button]
        order += self.name_details.focus_order() + [self.nicknames, self.org_units, self.role_edit]
        order += self.anniversary.focus_order() + self.urls.focus_order() + self.impps.focus_order()
        order += self.related.focus_order() + self.gender.focus_order()
        order += [self.languages, self.timezone_edit, self.geo_edit] + self.keys.focus_order()
        order += [self.buttons.button(QDialogButtonBox.Save), self.buttons.button(QDialogButtonBox.Cancel)]
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

    # -- reading and writing the editors --------------------------------------------------
    def _get(self, field):
        editor = self.editors[field]
        if hasattr(editor, "raw"):      # the editors of dialog_fields (a ListEdit is a QLineEdit too)
            return editor.raw()
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        return editor.raw()

    def _put(self, field, value):
        editor = self.editors[field]
        if isinstance(editor, EntryList):
            editor.set_entries(value or [])
        elif isinstance(editor, PhotoEdit):
            editor.set_value(value or {}, {"name": self.name_edit.text(), "n": self._get("n")})
        elif hasattr(editor, "set_value"):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")
        elif isinstance(editor, QPlainTextEdit):
            editor.blockSignals(True)
            editor.setPlainText(value or "")
            editor.blockSignals(False)
        elif isinstance(editor, QCheckBox):
            editor.blockSignals(True)
            editor.setChecked(bool(value))
            editor.blockSignals(False)

    def _load(self, contact):
        for field in self.editors:
            if field != "photo":
                self._put(field, contact.get(field, EMPTY[field]))
        self._put("photo", contact.get("photo") or {})
        if not contact.get("phones"):
            self.phones.add_row()
        if not contact.get("emails"):
            self.emails.add_row()

    def _touch(self, field):
        self._touched.add(field)
        self.validate()

    # -- validation ------------------------------------------------------------------
    def _raw(self):
        """The fields checked as a whole (all but the ones with a row per entry), as typed."""
        return {f: self._get(f) for f in self.editors if f not in ENTRY_FIELDS and f != "addresses"}

    def validate(self, show_all=False):
        """Check every field; show errors where the user has typed (everywhere if ``show_all``).

        Returns every field of the model, normalized (a new photo as its bytes, as the
        replicas take it; a field the dialog has no editor for as it was), or None while
        anything is wrong.
        """
        fields, ok = {}, True
        for field, raw in self._raw().items():
            try:
                fields[field] = normalize_field(field, raw, self.region)
                error = ""
            except ContactsError as exc:
                ok, error = False, _message(exc)
            self.errors[field].show_error(error if (show_all or field in self._touched) else "")
        if ok and "data" in self._get("photo"):
            fields["photo"] = self._get("photo")    # the bytes, as input (the replica hashes them)
        for field, value_key in ENTRY_FIELDS.items():
            fields[field], entries_ok = self._check_entries(self.editors[field], field, show_all)
            ok = ok and entries_ok
        fields["addresses"], addresses_ok = self._check_addresses(show_all)
        ok = ok and addresses_ok
        if not ok:
            return None
        for field in FIELDS:
            if field not in fields and self.base is not None and field in self.base:
                fields[field] = self.base[field]    # no editor (extra): exactly as it came
        return {f: fields[f] for f in FIELDS if f in fields}

    def _check_entries(self, entries, field, show_all):
        values, ok = [], True
        for row, entry in entries.raw_rows():
            try:
                normalized = normalize_field(field, [entry], self.region)[0]
            except ContactsError as exc:
                ok = False
                if show_all or row.touched:
                    on_label = str(getattr(exc, "field", "")).endswith(".label")
                    row.show_feedback((_translate("ContactDialog", "label: ") if on_label else "") + _message(exc), True, on_label)
                continue
            values.append(normalized)
            row.show_feedback(phone_hint(normalized, self.region) if field == "phones" else "", False)
        for row in entries.rows:
            if row.is_blank():
                row.show_feedback("", False)  # a row without a value is simply left out
        return values, ok

    def _check_addresses(self, show_all):
        values, ok = [], True
        for row in self.addresses.rows:
            if row.is_blank():
                row.feedback.show_error("")
                continue
            try:
                values.append(normalize_field("addresses", [row.raw()], self.region)[0])
                row.feedback.show_error("")
            except ContactsError as exc:
                ok = False
                row.feedback.show_error(str(exc).split(": ", 1)[-1] if (show_all or row.touched) else "")
        return values, ok

    def fields(self):
        """The normalized fields (valid input only; call after the dialog was accepted)."""
        return self.validate()

    def accept(self):
        if self.validate(show_all=True) is None:
            self._focus_first_error()
            return
        if self._clashing and not self.force:
            answer = QMessageBox.question(
                self, self.tr("Overwrite their changes?"),
                self.tr("Someone else changed {fields} of this contact while you were "
                        "editing it. Save your version over theirs?").format(fields=_captions(self._clashing)),
                QMessageBox.Save | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Save:
                return
            self.keep_mine()
        super().accept()

    def has_changes(self):
        """Something typed in a new contact; for an edit, a field that differs from the version shown."""
        if self.base is None:
            raw = self._raw()
            return (any(_filled(v) for v in raw.values())
                    or any(not row.is_blank() for f in ENTRY_FIELDS for row in self.editors[f].rows)
                    or any(not row.is_blank() for row in self.addresses.rows))
        return bool(self._edited()[0])

    def reject(self):
        """Esc, Cancel or closing the window: ask first when that would throw away typing."""
        if not self._closing_quietly and self.has_changes():
            question = (self.tr("Discard this contact?") if self.base is None
                        else self.tr("Discard your changes to this contact?"))
            answer = QMessageBox.question(self, self.tr("Discard?"), question,
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
        # isHidden, not isVisible: an error under "More fields" while they are folded away
        if not self.errors["name"].isHidden():
            self.name_edit.setFocus()
            return
        for field in ("phones", "emails"):
            for row in self.editors[field].rows:
                if row.error:
                    row.value_edit.setFocus()
                    return
        for field, label in self.errors.items():
            if not label.isHidden():
                if field in MORE:
                    self.more_button.setChecked(True)
                editor = self.editors[field]
                (editor.focus_order()[0] if hasattr(editor, "focus_order") else editor).setFocus()
                return
        for field in ("urls", "impps", "related", "keys"):
            for row in self.editors[field].rows:
                if row.error:
                    self.more_button.setChecked(True)
                    row.value_edit.setFocus()
                    return

    # -- a photo dropped on the dialog --------------------------------------------------------
    def dragEnterEvent(self, event):
        data = event.mimeData()
        if data.hasImage() or any(url.isLocalFile() for url in data.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        data = event.mimeData()
        if data.hasImage():
            image = QImage(data.imageData())
            if self.photo.load_image(image):
                event.acceptProposedAction()
            return
        for url in data.urls():
            if url.isLocalFile() and self.photo.load_file(url.toLocalFile()):
                event.acceptProposedAction()
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
            if "data" in self._get("photo"):
                checked["photo"] = self._get("photo")
            current = checked
            for field in ENTRY_FIELDS:
                current.setdefault(field, None)
            current.setdefault("addresses", None)
        return {f for f in self.editors if not _same(current.get(f), self.base.get(f, EMPTY[f]))}, current

    def contact_changed(self, contact_id, contact):
        """The model saw a new version of some contact; react if it is ours."""
        if self.base is None or contact_id != self.base["id"] or contact.get("updated") == self.base.get("updated"):
            return
        theirs = [f for f in FIELDS if contact.get(f) != self.base.get(f)]
        if not theirs:
            self.base = dict(contact)
            return
        edited, mine = self._edited()
        shown = [f for f in theirs if f in self.editors]   # the others (extra) are simply theirs
        taken = [f for f in shown if f not in edited]
        clashing = [f for f in shown if f in edited and not _same(mine.get(f), contact.get(f))]
        for field in taken:
            self._set_field(field, contact[field])
        self.base = dict(contact)
        self._clashing = sorted(set(self._clashing) | set(clashing))
        self.force = False
        parts = []
        if taken:
            parts.append(_translate("ContactDialog", "Someone else changed this contact: their {fields} "
                                    "has been filled in.", None, len(taken)).format(fields=_captions(taken)))
        if self._clashing:
            parts.append(self.tr("They also changed {fields}, which you are editing. "
                                 "Keep yours or use theirs?").format(fields=_captions(self._clashing)))
        if parts:
            self._show_banner(" ".join(parts), bool(self._clashing))

    def contact_removed(self, contact_id):
        if self.base is None or contact_id != self.base["id"]:
            return
        self.deleted_underneath = True
        self._show_banner(self.tr("Someone else deleted this contact. Saving brings it back with your changes."),
                          False)

    def _show_banner(self, text, choice):
        self.banner_text.setText(text)
        self.use_theirs_button.setVisible(choice)
        self.keep_mine_button.setVisible(choice)
        self.banner.show()

    def _set_field(self, field, value):
        self._put(field, value)
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


def _filled(value):
    return value not in (None, "", [], {}, False)


def _timezone_completer(parent):
    try:
        import zoneinfo
        zones = sorted(zoneinfo.available_timezones())
    except Exception:   # no tz database: typing still works, with no suggestions
        zones = []
    completer = QCompleter(zones, parent)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    completer.setFilterMode(Qt.MatchContains)
    return completer


#: keys a stored phone or email may lack (written before the rich model) and their values
_ENTRY_DEFAULTS = {"region": "", "pref": None}


def _same(mine, theirs):
    """Equal as the replica would store them: an entry without region/pref is the same
    entry as one with their empty values."""
    if isinstance(mine, list) and isinstance(theirs, list):
        fill = lambda entries: [{**_ENTRY_DEFAULTS, **e} if isinstance(e, dict) else e for e in entries]
        return fill(mine) == fill(theirs)
    return mine == theirs
