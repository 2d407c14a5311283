"""The contact dialog's editors, one per kind of field of contacts/fields.py.

Each editor shows a field's value and gives back what to send (``raw()``), which the dialog
checks with the replicas' own normalizers. An editor given a value it cannot show in full
keeps it: an unchanged date with a time of day, an unchanged entry's ``pref`` or ``region``,
an unchanged list go back exactly as they came (saving never drops what was not edited).

  EntryList / EntryRow   phones (with a country per number), emails, websites, chat, related, keys
  AddressList            the address form: label, street, extended, PO box, town, region, postcode, country
  DateEdit               day, month and an optional year (birthdays without a year)
  ListEdit               a list of words typed with commas (nicknames, departments, languages)
  NameDetails            the structured name (prefix, first, middle, last, suffix)
  ChipsEdit              groups as chips, with the known groups offered
  PhotoEdit              a photo from a file (or dropped), cropped square, removable
"""
import base64
import re

import phonenumbers
from phonenumbers.geodata.locale import LOCALE_DATA
from PyQt5.QtCore import (QBuffer, QByteArray, QCollator, QCoreApplication, QIODevice, QLocale, QRect, QSize, Qt,
                          pyqtSignal)
from PyQt5.QtGui import QImage, QImageReader
from PyQt5.QtWidgets import (QComboBox, QCompleter, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                             QLayout, QLineEdit, QPushButton, QSizePolicy, QStyle, QStyleOptionFrame, QToolButton,
                             QVBoxLayout, QWidget)

from ...fields import MAX_PHOTO
from ..presentation import MONTHS, STANDARD_LABELS, QT_TRANSLATE_NOOP, parse_date
from .avatar import avatar_pixmap
from .wrapped_label import WrappedLabel

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #5f6368;"
BAD_FIELD = "border: 1px solid #b3261e;"
#: a photo is stored at most this many pixels square (phones show less; the model's limit is MAX_PHOTO bytes)
PHOTO_SIDE = 512


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


def window_language():
    """The window's language ("pt" for pt_BR): the one installed (contacts.gui.translation),
    else the system locale's."""
    app = QCoreApplication.instance()
    language = (app.property("contactsLanguage") if app is not None else None) or QLocale().name()
    return str(language).split("_")[0] or "en"


def country_name(code, language=None):
    """'BR' -> 'Brazil' in English, 'Brasil' in Portuguese: the names libphonenumber's geocoder
    holds for each language (its '*es' means "as in es"); the code itself when it has none."""
    names = LOCALE_DATA.get(code, {})
    name = names.get(language or window_language()) or names.get("en")
    while name and name.startswith("*"):
        name = names.get(name[1:])
    return name or _qt_country_names().get(code) or code


_QT_COUNTRIES = None


def _qt_country_names():
    """Qt's own (English) names, for the few regions the geocoder names in no language (AC, TA,
    XK: no locale of Qt's is of those countries, so they are asked for by name)."""
    global _QT_COUNTRIES
    if _QT_COUNTRIES is None:
        _QT_COUNTRIES = {code: QLocale.countryToString(getattr(QLocale, name))
                         for code, name in (("AC", "AscensionIsland"), ("TA", "TristanDaCunha"), ("XK", "Kosovo"))
                         if hasattr(QLocale, name)}
        for locale in QLocale.matchingLocales(QLocale.AnyLanguage, QLocale.AnyScript, QLocale.AnyCountry):
            code = locale.name().rpartition("_")[2]
            if len(code) == 2 and code.isupper():
                _QT_COUNTRIES.setdefault(code, QLocale.countryToString(locale.country()))
    return _QT_COUNTRIES


def countries_by_name(codes, language=None):
    """``codes`` in the alphabetical order of their names in ``language`` (accents as the
    locale sorts them: "África do Sul" among the A's)."""
    language = language or window_language()
    collator = QCollator(QLocale(language))
    return sorted(codes, key=lambda code: collator.sortKey(country_name(code, language)))


def _label_text(label):
    return _translate("Labels", STANDARD_LABELS[label]) if label in STANDARD_LABELS else label


def fill_labels(box, labels, current):
    """An editable label box showing the standard labels in the window's language ("Celular"),
    each keeping its key ("mobile", what is stored); a label of one's own is shown as it is."""
    for label in labels:
        box.addItem(_label_text(label), label)
    index = box.findData(current) if current else -1
    if index >= 0:
        box.setCurrentIndex(index)
    else:
        box.setCurrentText(current)


def chosen_label(box):
    """The key of a standard label chosen or typed in its shown words, else the text typed."""
    text = box.currentText()
    index = box.findText(text, Qt.MatchFixedString)
    return box.itemData(index) if index >= 0 and box.itemData(index) else text


def phone_hint(entry, default_region):
    """How a phone will be stored and the region used, for the line under it."""
    region = entry.get("region") or ""
    if not entry.get("e164"):
        if entry.get("number", "").lstrip().startswith("+"):
            return _translate("Fields", "kept as typed: not a valid number for its country code")
        if region or default_region:
            where = region or default_region
            return _translate("Fields", "kept as typed: not a valid number in {country} ({code}); "
                              "add +country code to check it").format(country=country_name(where), code=where)
        return _translate("Fields", "kept as typed: no region is set, add +country code to check it")
    number = phonenumbers.parse(entry["e164"])
    pretty = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    shown = "✓" if pretty == entry["number"] else f"✓ {pretty} ·"   # stored as, when it differs
    if region:
        return _translate("Fields", "{shown} read in {country} ({code})").format(
            shown=shown, country=country_name(region), code=region)
    country = phonenumbers.region_code_for_number(number) or ""
    return (_translate("Fields", "{shown} {country}, by its country code").format(shown=shown, country=country_name(country))
            if country else shown.rstrip(" ·"))


class ErrorLabel(WrappedLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text):
        self.setText(text or "")
        self.setVisible(bool(text))


#: the longest usual phone number, as people type it: a phone field fits it whole
PHONE_SAMPLE = "+44 20 7946 0958"


def line_edit_width(edit, text):
    """The width ``edit`` needs to show ``text`` whole: the text, the frame and the margins
    the style puts around it, and the cursor after it."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    margins = edit.textMargins()
    inner = edit.fontMetrics().horizontalAdvance(text) + 2 * 2 + 1 + margins.left() + margins.right()  # 2: QLineEdit's own margin
    return edit.style().sizeFromContents(QStyle.CT_LineEdit, option, QSize(inner, edit.fontMetrics().height()),
                                         edit).width()


def _button(text, tip=""):
    button = QPushButton(text)
    button.setAutoDefault(False)   # Return saves the dialog, wherever the focus is
    if tip:
        button.setToolTip(tip)
    return button


# -- labelled entries ---------------------------------------------------------------------------
class EntryRow(QWidget):
    """One labelled value: [label ▾] [value] ([country ▾] for a phone) [✕], and its feedback line."""

    changed = pyqtSignal()
    removeRequested = pyqtSignal(object)

    def __init__(self, kind, labels, label="", value="", parent=None, region=None, placeholder="",
                 entry_region=""):
        super().__init__(parent)
        self.kind = kind  # "phone", "email", "website" ...
        self.region = region
        self._previous = value
        self.label_box = QComboBox()
        self.label_box.setEditable(True)      # any label: the user's own words are kept
        fill_labels(self.label_box, labels, label if label or not labels else labels[0])
        self.label_box.setMinimumWidth(95)
        self.label_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.label_box.setMinimumContentsLength(7)
        self.label_box.setToolTip(_translate("Fields", "A label from the list, or type your own"))
        self.value_edit = QLineEdit(value)
        self.value_edit.setPlaceholderText(placeholder)
        # a phone field shows a whole international number ("+44 20 7946 0958"), not its tail
        self.value_edit.setMinimumWidth(max(150, line_edit_width(self.value_edit, PHONE_SAMPLE)) if kind == "phone"
                                        else 150)
        self.region_box = None
        if kind == "phone":
            self.region_box = QComboBox()
            self.region_box.setToolTip(_translate("Fields", "The country a number without +country code is read in"))
            self.region_box.addItem(_translate("Fields", "Default ({code})").format(code=region) if region
                                    else _translate("Fields", "No region"), "")
            for code in countries_by_name(phonenumbers.SUPPORTED_REGIONS):
                self.region_box.addItem(f"{country_name(code)} ({code})", code)
            # narrow when closed (the number needs the room), the whole names when open
            self.region_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            self.region_box.setMinimumContentsLength(9)
            self.region_box.view().setMinimumWidth(260)
            if entry_region and entry_region != region:
                self.region_box.setCurrentIndex(max(0, self.region_box.findData(entry_region)))
            self.region_box.currentIndexChanged.connect(self._region_changed)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(_translate("Fields", REMOVE_TEXTS.get(kind, "Remove")))
        self.feedback = WrappedLabel()
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.label_box)
        line.addWidget(self.value_edit, 1)
        if self.region_box is not None:
            line.addWidget(self.region_box)
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

    def _region_changed(self, *_):
        self._own_punctuation = False
        self._touch()

    def chosen_region(self):
        """The country picked for this phone ('' for the default)."""
        return self.region_box.currentData() if self.region_box is not None else ""

    def reading_region(self):
        return self.chosen_region() or self.region

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
        region = self.reading_region()
        if not region or getattr(self, "_own_punctuation", False):
            return   # no region set (grouping would be a guess), or the user groups it
        if text and text[-1] in "()-./":
            self._own_punctuation = True   # "(84) ...": the user's own way, kept as typed
            return
        formatter = phonenumbers.AsYouTypeFormatter(region)
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
        return chosen_label(self.label_box)

    def value(self):
        return self.value_edit.text()

    def is_blank(self):
        return not self.value().strip()

    def focus_order(self):
        return [self.label_box, self.value_edit] + ([self.region_box] if self.region_box else []) + [
            self.remove_button]

    def show_feedback(self, text, error, on_label=False):
        self.error = text if error else ""
        self.feedback.setText(text)
        self.feedback.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)
        self.feedback.setVisible(bool(text))
        self.value_edit.setStyleSheet(BAD_FIELD if error and not on_label else "")
        self.label_box.setStyleSheet(BAD_FIELD if error and on_label else "")


class RowList(QWidget):
    """Rows of one kind (phones, addresses ...) above an 'Add' button, at most ``limit``."""

    changed = pyqtSignal()
    #: a row was added or removed (the dialog puts the Tab order right again)
    rowsChanged = pyqtSignal()

    def __init__(self, limit, add_text, parent=None):
        super().__init__(parent)
        self.limit = limit
        self.rows = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = _button(add_text)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self._layout.addWidget(self.add_button, 0, Qt.AlignLeft)

    def _insert(self, row, focus_widget=None):
        """Put a new row (with ``changed`` and ``removeRequested`` signals) above the button."""
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_row)
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self.add_button.setEnabled(len(self.rows) < self.limit)
        self.rowsChanged.emit()
        if focus_widget is not None:
            focus_widget.setFocus()
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
        """Its widgets in Tab order: each row's own, then Add."""
        return [w for row in self.rows for w in row.focus_order()] + [self.add_button]


#: the kinds of rows (contact_dialog) and the words of their buttons
ADD_TEXTS = {"phone": QT_TRANSLATE_NOOP("Fields", "Add phone"), "email": QT_TRANSLATE_NOOP("Fields", "Add email"),
             "website": QT_TRANSLATE_NOOP("Fields", "Add website"),
             "chat address": QT_TRANSLATE_NOOP("Fields", "Add chat address"),
             "person": QT_TRANSLATE_NOOP("Fields", "Add person"), "key": QT_TRANSLATE_NOOP("Fields", "Add key")}
REMOVE_TEXTS = {"phone": QT_TRANSLATE_NOOP("Fields", "Remove this phone"),
                "email": QT_TRANSLATE_NOOP("Fields", "Remove this email"),
                "website": QT_TRANSLATE_NOOP("Fields", "Remove this website"),
                "chat address": QT_TRANSLATE_NOOP("Fields", "Remove this chat address"),
                "person": QT_TRANSLATE_NOOP("Fields", "Remove this person"),
                "key": QT_TRANSLATE_NOOP("Fields", "Remove this key")}


class EntryList(RowList):
    """The phones (or emails, websites ...) of a contact: rows plus an 'Add' button."""

    def __init__(self, kind, labels, limit, parent=None, region=None, value_key=None, placeholder="",
                 keep=("pref",)):
        super().__init__(limit, _translate("Fields", ADD_TEXTS.get(kind, "Add")), parent)
        self.kind, self.labels, self.region = kind, labels, region
        self.value_key = value_key or {"phone": "number", "email": "address"}.get(kind, "value")
        self.placeholder = placeholder or {"phone": "+44 20 7946 0958", "email": "name@example.com"}.get(kind, "")
        self.keep = keep          # keys of an unchanged entry the rows do not show, sent back as they were

    def add_row(self, label="", value="", focus=False, entry_region=""):
        row = EntryRow(self.kind, self.labels, label, value, region=self.region, placeholder=self.placeholder,
                       entry_region=entry_region)
        return self._insert(row, row.value_edit if focus else None)

    def set_entries(self, entries, value_key=None):
        for row in list(self.rows):
            self.remove_row(row)
        for entry in entries:
            row = self.add_row(entry.get("label", ""), entry.get(value_key or self.value_key, ""),
                               entry_region=entry.get("region", ""))
            row.original = entry  # its keys the dialog does not show (pref, region) go back with it

    def raw(self):
        """The entries to send: a blank row left out; an unchanged one keeps its hidden keys."""
        return [entry for _, entry in self.raw_rows()]

    def raw_rows(self):
        result = []
        for row in self.rows:
            if row.is_blank():
                continue
            entry = {"label": row.label(), self.value_key: row.value()}
            original = getattr(row, "original", None) or {}
            # the row's preference stays with it; the region a number was read in only while
            # the number is the same (a new number is read anew)
            if original.get("pref") is not None and "pref" in self.keep:
                entry["pref"] = original["pref"]
            if "region" in self.keep and original.get("region") and original.get(self.value_key) == row.value():
                entry["region"] = original["region"]
            if row.chosen_region():
                entry["region"] = row.chosen_region()   # the user's pick wins over the one it was read in
            result.append((row, entry))
        return result


# -- addresses ------------------------------------------------------------------------------------
ADDRESS_LABELS = ("home", "work", "other")
_ADDRESS_FIELDS = (("street", QT_TRANSLATE_NOOP("Fields", "Street")),
                   ("extended", QT_TRANSLATE_NOOP("Fields", "Apartment, suite…")),
                   ("pobox", QT_TRANSLATE_NOOP("Fields", "PO box")), ("locality", QT_TRANSLATE_NOOP("Fields", "City")),
                   ("region", QT_TRANSLATE_NOOP("Fields", "State / province")),
                   ("postcode", QT_TRANSLATE_NOOP("Fields", "Postcode")),
                   ("country", QT_TRANSLATE_NOOP("Fields", "Country")))


class AddressRow(QWidget):
    changed = pyqtSignal()
    removeRequested = pyqtSignal(object)

    def __init__(self, address=None, parent=None):
        super().__init__(parent)
        address = address or {}
        self.original = address
        self.label_box = QComboBox()
        self.label_box.setEditable(True)
        fill_labels(self.label_box, ADDRESS_LABELS, address.get("label") or ADDRESS_LABELS[0])
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(_translate("Fields", "Remove this address"))
        self.edits = {}
        for part, placeholder in _ADDRESS_FIELDS:
            edit = QLineEdit(address.get(part, ""))
            placeholder = _translate("Fields", placeholder)
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(placeholder)
            edit.textEdited.connect(self._touch)
            self.edits[part] = edit
        self.feedback = ErrorLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.label_box, 1)
        top.addWidget(self.remove_button)
        grid.addLayout(top, 0, 0, 1, 3)
        grid.addWidget(self.edits["street"], 1, 0, 1, 3)
        grid.addWidget(self.edits["extended"], 2, 0, 1, 2)
        grid.addWidget(self.edits["pobox"], 2, 2)
        grid.addWidget(self.edits["postcode"], 3, 0)
        grid.addWidget(self.edits["locality"], 3, 1, 1, 2)
        grid.addWidget(self.edits["region"], 4, 0, 1, 2)
        grid.addWidget(self.edits["country"], 4, 2)
        grid.addWidget(self.feedback, 5, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.touched = False
        self.label_box.editTextChanged.connect(self._touch)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def _touch(self, *_):
        self.touched = True
        self.changed.emit()

    def is_blank(self):
        return not any(edit.text().strip() for edit in self.edits.values())

    def raw(self):
        entry = {"label": chosen_label(self.label_box)}
        entry.update({part: edit.text() for part, edit in self.edits.items()})
        if self.original.get("pref") is not None:
            entry["pref"] = self.original["pref"]     # the preference stays with the address
        return entry

    def focus_order(self):
        return [self.label_box, self.remove_button] + [self.edits[p] for p in (
            "street", "extended", "pobox", "postcode", "locality", "region", "country")]


class AddressList(RowList):
    def __init__(self, limit, parent=None):
        super().__init__(limit, _translate("Fields", "Add address"), parent)

    def add_row(self, address=None, focus=False):
        row = AddressRow(address)
        return self._insert(row, row.edits["street"] if focus else None)

    def set_value(self, addresses):
        for row in list(self.rows):
            self.remove_row(row)
        for address in addresses:
            self.add_row(address)

    def raw(self):
        return [row.raw() for row in self.rows if not row.is_blank()]


# -- dates ---------------------------------------------------------------------------------------
class DateEdit(QWidget):
    """Day, month and an optional year: '--04-15' is a birthday whose year nobody gave."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.day = QComboBox()
        self.day.addItem(_translate("Fields", "Day"), 0)
        for day in range(1, 32):
            self.day.addItem(str(day), day)
        self.month = QComboBox()
        self.month.addItem(_translate("Fields", "Month"), 0)
        for number, name in enumerate(MONTHS, 1):
            self.month.addItem(_translate("Dates", name), number)
        self.year = QLineEdit()
        self.year.setPlaceholderText(_translate("Fields", "Year (optional)"))
        self.year.setMaxLength(4)
        self.year.setMaximumWidth(140)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(_translate("Fields", "No date"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.day, self.month, self.year, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._original = ""
        self._loading = False
        self.day.currentIndexChanged.connect(self._edited)
        self.month.currentIndexChanged.connect(self._edited)
        self.year.textEdited.connect(self._edited)
        self.clear_button.clicked.connect(lambda: self.set_value("", keep_original=True) or self._edited())

    def _edited(self, *_):
        if not self._loading:
            self.changed.emit()

    def set_value(self, value, keep_original=False):
        if not keep_original:
            self._original = value or ""
        parts = parse_date(value) or (None, None, None)
        self._loading = True
        try:
            year, month, day = parts
            self.day.setCurrentIndex(day or 0)
            self.month.setCurrentIndex(month or 0)
            self.year.setText(f"{year:04d}" if year else "")
        finally:
            self._loading = False

    def _composed(self):
        day, month, year = self.day.currentData(), self.month.currentData(), self.year.text().strip()
        if not (day or month or year):
            return ""
        if day and month:
            return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        if month and not day and year:
            return f"{year}-{month:02d}"
        if year and not (day or month):
            return year
        # something the model has no form for (a day without a month ...): the normalizer says so
        return f"{year or '----'}-{month or '??'}-{day or '??'}"

    def raw(self):
        """The date to send: the original itself when nothing was changed (it may hold a time)."""
        composed = self._composed()
        original = parse_date(self._original)
        if original is not None and composed == self._composed_of(original):
            return self._original
        return composed

    @staticmethod
    def _composed_of(parts):
        year, month, day = parts
        if day and month:
            return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        if month:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}" if year else ""

    def focus_order(self):
        return [self.day, self.month, self.year, self.clear_button]


# -- lists of words, the structured name -----------------------------------------------------------
class ListEdit(QLineEdit):
    """A list of short texts, typed with commas between them ('Clarinha, Cacá')."""

    changed = pyqtSignal()

    def __init__(self, placeholder="", parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._original = []
        self.textEdited.connect(lambda *_: self.changed.emit())

    def set_value(self, values):
        self._original = list(values or [])
        self.setText(", ".join(self._original))

    def raw(self):
        if self.text() == ", ".join(self._original):
            return list(self._original)   # a comma inside an item stays an item
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def focus_order(self):
        return [self]


NAME_PARTS = (("prefixes", QT_TRANSLATE_NOOP("Fields", "Prefix")), ("given", QT_TRANSLATE_NOOP("Fields", "First name")),
              ("additional", QT_TRANSLATE_NOOP("Fields", "Middle name")),
              ("family", QT_TRANSLATE_NOOP("Fields", "Last name")), ("suffixes", QT_TRANSLATE_NOOP("Fields", "Suffix")))


class NameDetails(QWidget):
    """The structured name (vCard N): each part a list, typed with commas."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.parts = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        for index, (part, label) in enumerate(NAME_PARTS):
            label = _translate("Fields", label)
            edit = ListEdit(label)
            edit.setAccessibleName(label)
            edit.changed.connect(self.changed)
            self.parts[part] = edit
        layout.addWidget(self.parts["prefixes"], 0, 0)
        layout.addWidget(self.parts["given"], 0, 1)
        layout.addWidget(self.parts["additional"], 0, 2)
        layout.addWidget(self.parts["family"], 1, 0, 1, 2)
        layout.addWidget(self.parts["suffixes"], 1, 2)
        self._original = {}

    def set_value(self, n):
        self._original = dict(n or {})
        for part, edit in self.parts.items():
            edit.set_value((n or {}).get(part, []))

    def raw(self):
        value = {part: edit.raw() for part, edit in self.parts.items()}
        return value if any(value.values()) else {}

    def focus_order(self):
        return [self.parts[p] for p, _ in NAME_PARTS]


# -- groups as chips --------------------------------------------------------------------------------
class FlowLayout(QLayout):
    """Widgets left to right, wrapping to the next line (Qt has no such layout of its own)."""

    def __init__(self, parent=None, spacing=4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, index):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientations(0)

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return self._arrange(0, 0, width, apply=False)

    def setGeometry(self, rect):
        super().setGeometry(rect)
        self._arrange(rect.x(), rect.y(), rect.width(), apply=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + QSize(2, 2)

    def _arrange(self, x0, y0, width, apply):
        x, y, line = x0, y0, 0
        space = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > x0 + width and line > 0:
                x, y, line = x0, y + line + space, 0
            if apply:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + space
            line = max(line, hint.height())
        return y + line - y0


class ChipsEdit(QWidget):
    """Groups as chips ('Family ✕'), and a box to add one (Return or a comma adds it)."""

    changed = pyqtSignal()

    def __init__(self, known=(), parent=None):
        super().__init__(parent)
        self.chips = []          # group names, in order
        self._buttons = []
        self.chip_area = QWidget()
        self._flow = FlowLayout(self.chip_area)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(_translate("Fields", "Add to a group (Return)"))
        self.set_known(known)
        self.entry.returnPressed.connect(self._add_typed)
        self.entry.textEdited.connect(self._maybe_comma)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chip_area)
        layout.addWidget(self.entry)

    def set_known(self, known):
        completer = QCompleter(sorted(set(known), key=str.casefold), self.entry)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.entry.setCompleter(completer)

    def _maybe_comma(self, text):
        if "," in text:
            for part in text.split(","):
                self.add(part)
            self.entry.clear()

    def _add_typed(self):
        if self.entry.text().strip():
            self.add(self.entry.text())
            self.entry.clear()

    def add(self, name):
        name = " ".join(name.split())
        if not name or name in self.chips:
            return
        self.chips.append(name)
        self._rebuild()
        self.changed.emit()

    def remove(self, name):
        if name in self.chips:
            self.chips.remove(name)
            self._rebuild()
            self.changed.emit()
            self.entry.setFocus()

    def _rebuild(self):
        for button in self._buttons:
            self._flow.removeWidget(button)
            button.setParent(None)
            button.deleteLater()
        self._buttons = []
        for name in self.chips:
            chip = QToolButton()
            chip.setText(f"{name}  ✕")
            chip.setToolTip(_translate("Fields", "Remove from {group}").format(group=name))
            chip.setAccessibleName(_translate("Fields", "Group {group}, press to remove").format(group=name))
            chip.setObjectName("groupChip")
            chip.setStyleSheet("QToolButton#groupChip { border: 1px solid palette(mid); border-radius: 10px;"
                               " padding: 2px 8px; background: palette(midlight); }")
            chip.clicked.connect(lambda _=False, n=name: self.remove(n))
            self._flow.addWidget(chip)
            self._buttons.append(chip)
        self.chip_area.setVisible(bool(self.chips))
        self.chip_area.updateGeometry()

    def set_value(self, groups):
        self.chips = list(groups or [])
        self._rebuild()

    def raw(self):
        pending = self.entry.text().strip()
        return self.chips + ([pending] if pending and pending not in self.chips else [])

    def focus_order(self):
        return list(self._buttons) + [self.entry]


# -- the photo --------------------------------------------------------------------------------------
def photo_from_image(image):
    """(base64 JPEG or PNG, the square QImage) of an image: its centre square, at most
    PHOTO_SIDE px, under the model's MAX_PHOTO limit (JPEG quality lowered until it fits)."""
    edge = min(image.width(), image.height())
    square = image.copy((image.width() - edge) // 2, (image.height() - edge) // 2, edge, edge)
    if edge > PHOTO_SIDE:
        square = square.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    for fmt, quality in (("PNG", -1), ("JPEG", 90), ("JPEG", 75), ("JPEG", 50)):
        if fmt == "PNG" and not square.hasAlphaChannel():
            continue   # a photo without transparency: JPEG is a tenth of the size
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        out = square if fmt == "PNG" else square.convertToFormat(QImage.Format_RGB32)
        out.save(buffer, fmt, quality)
        if data.size() <= MAX_PHOTO:
            return base64.b64encode(bytes(data)).decode("ascii"), square
    raise ValueError(_translate("Fields", "the photo is too large even at low quality"))


class PhotoEdit(QWidget):
    """The avatar, and Choose… / Remove; an image file dropped on the dialog lands here too."""

    changed = pyqtSignal()

    def __init__(self, photos=None, parent=None):
        super().__init__(parent)
        self.photos = photos
        self.contact = {}
        self._value = {}          # as stored ({hash, type, size}, {uri}, {}) or {"data": base64}
        self._image = None        # the new photo's square image, to show it
        self.preview = QLabel()
        self.preview.setFixedSize(72, 72)
        self.choose_button = _button(_translate("Fields", "Choose photo…"),
                                     _translate("Fields", "A photo from a file (or drop one on this window)"))
        self.remove_button = _button(_translate("Fields", "Remove photo"))
        self.feedback = ErrorLabel()
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.feedback)
        right.addStretch(1)
        layout.addLayout(right, 1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        if photos is not None:
            photos.photoReady.connect(self._photo_ready)   # a method: let go when the dialog goes

    def _photo_ready(self, _digest):
        self._show()

    def set_value(self, photo, contact=None):
        self._value = dict(photo or {})
        self._image = None
        if contact is not None:
            self.contact = contact
        self._show()

    def set_name(self, name):
        self.contact = dict(self.contact, name=name)
        self._show()

    def _show(self):
        shown = dict(self.contact, photo=self._value if "data" not in self._value else {})
        self.preview.setPixmap(avatar_pixmap(shown, 72, None if self._image is not None else self.photos,
                                             self.devicePixelRatioF(), image=self._image))
        self.remove_button.setEnabled(bool(self._value))
        uri = self._value.get("uri")
        self.preview.setToolTip(_translate("Fields", "Photo at {uri} (not downloaded)").format(uri=uri) if uri else "")

    def raw(self):
        return dict(self._value)

    def choose(self):
        dialog = QFileDialog(self.window(), _translate("Fields", "Choose a photo"))
        formats = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        dialog.setNameFilters([_translate("Fields", "Images ({formats})").format(formats=formats),
                               _translate("Fields", "All files (*)")])
        dialog.setFileMode(QFileDialog.ExistingFile)
        dialog.fileSelected.connect(self.load_file)
        self.file_dialog = dialog
        dialog.open()

    def load_file(self, path):
        """Read an image file; False (and a message under the photo) if it is not one."""
        image = QImage(path)
        if image.isNull():
            self.feedback.show_error(_translate("Fields", "Not an image this window can read: {path}").format(path=path))
            return False
        return self.load_image(image)

    def load_image(self, image):
        try:
            data, square = photo_from_image(image)
        except ValueError as exc:
            self.feedback.show_error(str(exc))
            return False
        self.feedback.show_error("")
        self._value, self._image = {"data": data}, square
        self._show()
        self.changed.emit()
        return True

    def remove(self):
        self._value, self._image = {}, None
        self._show()
        self.changed.emit()

    def focus_order(self):
        return [self.choose_button, self.remove_button]


GENDERS = (("", "—"), ("F", QT_TRANSLATE_NOOP("Fields", "Female")), ("M", QT_TRANSLATE_NOOP("Fields", "Male")),
           ("O", QT_TRANSLATE_NOOP("Fields", "Other")), ("N", QT_TRANSLATE_NOOP("Fields", "None or not applicable")),
           ("U", QT_TRANSLATE_NOOP("Fields", "Unknown")))


class GenderEdit(QWidget):
    """vCard GENDER: a sex (F, M, O, N, U or none) and, optionally, a gender identity in words."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sex = QComboBox()
        for code, name in GENDERS:
            self.sex.addItem(_translate("Fields", name) if code else name, code)
        self.identity = QLineEdit()
        self.identity.setPlaceholderText(_translate("Fields", "Gender identity, in words (optional)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sex)
        layout.addWidget(self.identity, 1)
        self.sex.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.identity.textEdited.connect(lambda *_: self.changed.emit())

    def set_value(self, value):
        sex, _, identity = (value or "").partition(";")
        self.sex.blockSignals(True)
        self.sex.setCurrentIndex(max(0, self.sex.findData(sex.upper())))
        self.sex.blockSignals(False)
        self.identity.setText(identity)

    def raw(self):
        identity = self.identity.text()
        return self.sex.currentData() + (f";{identity}" if identity.strip() else "")

    def focus_order(self):
        return [self.sex, self.identity]


def form_label_alignment(form):
    # labels level with the top of their field (the Notes box, a phone list), not centred
    form.setLabelAlignment(Qt.AlignLeft | Qt.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
