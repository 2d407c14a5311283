"""The selected contact, whole and read-only, beside the list: its photo (or initials), then
every field of the rich contact in sections, each value with its link (tel:, mailto:, a map,
the website) and a copy button.

The sections follow contacts/fields.py: a field the pane does not word on its own still
shows, under "Other" (so a field added to the model is never silently hidden).
"""
import datetime
import html
import re
import urllib.parse

from PyQt5.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QUrl, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QDesktopServices, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PyQt5.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QMenu, QScrollArea,
                             QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ... import fields as model_fields
from ..photos import photo_hash
from ..presentation import (use_translator, address_lines, address_map_link, anniversary_text, birthday_text, describe_date, extra_values,
                            gender_text, geo_map_link, impp_parts, international_phone, label_text,
                            safe_link, tel_link, timezone_text, web_link)
from .avatar import avatar_pixmap
from .wrapped_label import WrappedLabel

AVATAR_SIDE = 88
LABEL_WIDTH = 132
MUTED = "#6b7075"
SECTIONS = tuple(QT_TRANSLATE_NOOP("DetailPane", section) for section in (
    "Phones", "Emails", "Addresses", "Websites", "Chat", "Social", "Dates", "Work", "Groups", "Name",
    "Personal", "Notes", "Keys", "Other"))
#: pylupdate5 does not read the tuple above through the generator: the titles again, for it
_SECTION_TITLES = (QT_TRANSLATE_NOOP("DetailPane", "Phones"), QT_TRANSLATE_NOOP("DetailPane", "Emails"),
                   QT_TRANSLATE_NOOP("DetailPane", "Addresses"), QT_TRANSLATE_NOOP("DetailPane", "Websites"),
                   QT_TRANSLATE_NOOP("DetailPane", "Chat"), QT_TRANSLATE_NOOP("DetailPane", "Social"),
                   QT_TRANSLATE_NOOP("DetailPane", "Dates"), QT_TRANSLATE_NOOP("DetailPane", "Work"),
                   QT_TRANSLATE_NOOP("DetailPane", "Groups"), QT_TRANSLATE_NOOP("DetailPane", "Name"),
                   QT_TRANSLATE_NOOP("DetailPane", "Personal"), QT_TRANSLATE_NOOP("DetailPane", "Notes"),
                   QT_TRANSLATE_NOOP("DetailPane", "Keys"), QT_TRANSLATE_NOOP("DetailPane", "Other"))
_translate = QCoreApplication.translate
use_translator(QCoreApplication.translate)   # dates and birthdays in the window's language
#: the fields the sections below word; any other field of the model shows under "Other"
SHOWN = {"name", "n", "nicknames", "photo", "birthday", "anniversary", "addresses", "phones", "emails",
         "urls", "impps", "organization", "org_units", "title", "role", "groups", "related", "gender",
         "languages", "timezone", "geo", "keys", "starred", "notes", "extra"}


def _e(text):
    return html.escape(text or "")


_LONG_WORD = re.compile(r"\S{24,}")
_BREAK_AFTER = re.compile(r"([/:.@_\-?])")   # no & or ;: they are in the HTML entities


def _breakable(text):
    """HTML of ``text`` with a place to break after the / : . @ - of long words (a URL, a
    urn:uuid): QLabel wraps only between words, and one long word made the pane wider than
    its window. Only what is shown; the copy buttons copy the value itself."""
    out, last = [], 0
    for match in _LONG_WORD.finditer(text or ""):
        out.append(_e(text[last:match.start()]))
        out.append(_BREAK_AFTER.sub("\\1\u200b", _e(match.group())))
        last = match.end()
    out.append(_e((text or "")[last:]))
    return "".join(out)


def stamp_tooltip(contact):
    """The replication detail, for whoever wants it: not in the pane people read."""
    updated = (contact or {}).get("updated")
    return (_translate("DetailPane", "Last change: Lamport stamp {0} from replica {1}").format(*updated[:2])
            if updated else "")


class Value:
    """One value the pane shows: its section, label, text, link and what the copy button copies."""

    def __init__(self, section, label, text, link="", copy=None, note="", chips=()):
        self.section, self.label, self.text, self.link = section, label, text, link
        self.chips = tuple(chips)   # groups: each its own link, which shows the group in the list
        self.copy = text if copy is None else copy
        self.note = note    # a grey line under the value (a phone's international form)

    def __repr__(self):
        return f"Value({self.section!r}, {self.label!r}, {self.text!r}, {self.link!r})"


def _preferred(entries):
    """The entry vCard marks most preferred (lowest PREF), only when some but not all have one."""
    prefs = [e.get("pref") for e in entries if e.get("pref") is not None]
    if not prefs or len(entries) < 2:
        return None
    best = min(prefs)
    return next(i for i, e in enumerate(entries) if e.get("pref") == best)


def _labelled(entries, fallback):
    """(entry, its label, 'preferred' or '') for each entry."""
    best = _preferred(entries)
    for index, entry in enumerate(entries):
        yield (entry, _translate("Labels", label_text(entry.get("label"), fallback)),
               _translate("DetailPane", "preferred") if index == best else "")


def _also(*notes):
    return " · ".join(n for n in notes if n)


def contact_values(contact, today):
    """Every value of ``contact`` the pane shows, in order (testable without widgets)."""
    values = []
    add = lambda *args, **kwargs: values.append(Value(*args, **kwargs))
    for phone, label, pref in _labelled(contact.get("phones") or [], QT_TRANSLATE_NOOP("Labels", "Phone")):
        number = phone.get("number", "")
        pretty = international_phone(phone)
        note = pretty if pretty and pretty != number else ""
        if not phone.get("e164"):
            note = _translate("DetailPane", "kept as typed: not a number its country code or the region makes valid")
        add("Phones", label, number, tel_link(phone), copy=pretty or number, note=_also(note, pref))
    for email, label, pref in _labelled(contact.get("emails") or [], QT_TRANSLATE_NOOP("Labels", "Email")):
        address = email.get("address", "")
        add("Emails", label, address, f"mailto:{address}", note=pref)
    for address, label, pref in _labelled(contact.get("addresses") or [], QT_TRANSLATE_NOOP("Labels", "Address")):
        lines = address_lines(address)
        add("Addresses", label, "\n".join(lines), address_map_link(address),
            note=_also(_translate("DetailPane", "Open in OpenStreetMap") if address_map_link(address) else "", pref))
    for url, label, pref in _labelled(contact.get("urls") or [], QT_TRANSLATE_NOOP("Labels", "Website")):
        add("Websites", label, url.get("url", ""), web_link(url.get("url", "")), note=pref)
    for impp, label, pref in _labelled(contact.get("impps") or [], ""):
        protocol, handle = impp_parts(impp.get("uri", ""))
        label = " · ".join(p for p in (protocol, label) if p) or _translate("DetailPane", "Chat")
        add("Chat", label, handle, safe_link(impp.get("uri", "")), copy=impp.get("uri", ""), note=pref)
    if contact.get("birthday"):
        add("Dates", _translate("DetailPane", "Birthday"), birthday_text(contact["birthday"], today), copy=describe_date(contact["birthday"]))
    if contact.get("anniversary"):
        add("Dates", _translate("DetailPane", "Anniversary"), anniversary_text(contact["anniversary"], today),
            copy=describe_date(contact["anniversary"]))
    for field, label in (("organization", _translate("DetailPane", "Organization")),
                         ("org_units", _translate("DetailPane", "Department")),
                         ("title", _translate("DetailPane", "Title")), ("role", _translate("DetailPane", "Role"))):
        value = contact.get(field)
        if value:
            add("Work", label, " › ".join(value) if isinstance(value, list) else value)
    if contact.get("groups"):
        add("Groups", _translate("DetailPane", "Groups"), " · ".join(contact["groups"]), copy=", ".join(contact["groups"]),
            chips=contact["groups"])
    n = contact.get("n") or {}
    for part, label in (("prefixes", _translate("DetailPane", "Prefix")),
                        ("given", _translate("DetailPane", "First name")),
                        ("additional", _translate("DetailPane", "Middle name")),
                        ("family", _translate("DetailPane", "Last name")),
                        ("suffixes", _translate("DetailPane", "Suffix"))):
        if n.get(part):
            add("Name", label, " ".join(n[part]))
    if contact.get("nicknames"):
        add("Name", _translate("DetailPane", "Nicknames") if len(contact["nicknames"]) > 1
            else _translate("DetailPane", "Nickname"), ", ".join(contact["nicknames"]))
    if contact.get("gender"):
        add("Personal", _translate("DetailPane", "Gender"), gender_text(contact["gender"]), copy=contact["gender"])
    for related, label, _ in _labelled(contact.get("related") or [], QT_TRANSLATE_NOOP("Labels", "Related")):
        add("Personal", label, related.get("value", ""), safe_link(related.get("value", "")))
    if contact.get("languages"):
        add("Personal", _translate("DetailPane", "Languages"), ", ".join(contact["languages"]))
    if contact.get("timezone"):
        add("Personal", _translate("DetailPane", "Time zone"), timezone_text(contact["timezone"]), copy=contact["timezone"])
    if contact.get("geo"):
        add("Personal", _translate("DetailPane", "Location"), contact["geo"], geo_map_link(contact["geo"]))
    if contact.get("notes"):
        add("Notes", "", contact["notes"])
    for key, label, _ in _labelled(contact.get("keys") or [], QT_TRANSLATE_NOOP("Labels", "Key")):
        add("Keys", label, key.get("value", ""), safe_link(key.get("value", "")))
    photo = contact.get("photo") or {}
    if photo.get("uri"):
        add("Other", _translate("DetailPane", "Photo"), photo["uri"], safe_link(photo["uri"]))
    for field in model_fields.NAMES:
        if field not in SHOWN and contact.get(field) not in (None, "", [], {}, False):
            add("Other", field, str(contact[field]))
    values += [Value(*shown) for shown in extra_values(contact.get("extra") or [])]
    # one section in one place: an extra's date among the dates, its manager under Work
    return sorted(values, key=lambda v: SECTIONS.index(v.section))


def copy_icon(color):
    """Two overlapping sheets, drawn here: the theme's edit-copy icon is missing on many desktops
    (and the ⧉ character in many fonts)."""
    icon = QIcon.fromTheme("edit-copy")
    if not icon.isNull():
        return icon
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(2.4)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(11, 11, 16, 17), 3, 3)
    painter.drawPolyline(QPolygonF([QPointF(7, 22), QPointF(5, 22), QPointF(5, 5), QPointF(20, 5), QPointF(20, 8)]))
    painter.end()
    return QIcon(pixmap)


class DetailPane(QScrollArea):
    #: a value was copied (what, for the status bar)
    copied = pyqtSignal(str)
    #: a group's chip was clicked: show that group
    groupChosen = pyqtSignal(str)
    #: the star button was clicked: star (True) or unstar the contact shown
    starToggled = pyqtSignal(bool)

    def __init__(self, photos=None, today=datetime.date.today, parent=None):
        super().__init__(parent)
        self.photos = photos
        self.today = today
        self.contact = None
        self.values = []           # the Values shown, in order
        self.copy_buttons = []     # (Value, QToolButton)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        body = QWidget()
        body.setObjectName("detailBody")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(16, 14, 16, 14)
        self._layout.setSpacing(10)

        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR_SIDE, AVATAR_SIDE)
        self.name_label = QLabel()
        self.name_label.setObjectName("contactName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        # starred or not, and the button that changes it (Ctrl+D does the same from the list)
        self.star = QToolButton()
        self.star.setObjectName("starButton")
        self.star.setCheckable(True)
        self.star.setAutoRaise(True)
        self.star.setFocusPolicy(Qt.StrongFocus)
        self.star.clicked.connect(lambda checked: self.starToggled.emit(checked))
        titles = QVBoxLayout()
        titles.setSpacing(2)
        name_line = QHBoxLayout()
        name_line.addWidget(self.name_label, 1)
        name_line.addWidget(self.star, 0, Qt.AlignTop)
        titles.addStretch(1)
        titles.addLayout(name_line)
        titles.addWidget(self.subtitle)
        titles.addStretch(1)
        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(14)
        header.addWidget(self.avatar, 0, Qt.AlignTop)
        header.addLayout(titles, 1)
        self._layout.addWidget(self.header)
        self.placeholder = QLabel(self.tr("Select a contact to see every detail."))
        self.placeholder.setStyleSheet("color: #9aa0a6;")
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._layout.addWidget(self.placeholder)
        self.sections = QWidget()
        self._rows = None
        self._layout.addWidget(self.sections)
        self._layout.addStretch(1)
        self.setWidget(body)
        if photos is not None:
            photos.photoReady.connect(self._photo_ready)
        self.show_contact(None)

    # -- showing ----------------------------------------------------------------------------
    def show_contact(self, contact):
        if contact is not None and contact == self.contact:
            return   # the poll brought the same version: keep the focus and the scroll position
        self.contact = contact
        self.header.setVisible(contact is not None)
        self.placeholder.setVisible(contact is None)
        self._clear_sections()
        self.header.setToolTip(stamp_tooltip(contact))
        if contact is None:
            self.values = []
            return
        self.name_label.setText(contact.get("name", ""))
        work = " · ".join(p for p in (contact.get("title", ""), contact.get("organization", "")) if p)
        nick = ", ".join(f"“{n}”" for n in contact.get("nicknames") or [])
        self.subtitle.setText("\n".join(p for p in (work, nick) if p))
        self.subtitle.setVisible(bool(work or nick))
        starred = bool(contact.get("starred"))
        self.star.setChecked(starred)
        self.star.setText("★" if starred else "☆")
        self.star.setStyleSheet(f"color: {'#e0a100' if starred else MUTED}; font-size: 20px; border: none;")
        tip = (self.tr("Starred: listed first (click or Ctrl+D to unstar)") if starred
               else self.tr("Star: list first (Ctrl+D)"))
        self.star.setToolTip(tip)
        self.star.setAccessibleName(self.tr("Unstar") if starred else self.tr("Star"))
        self._show_avatar()
        self.values = contact_values(contact, self.today())
        self._build_sections()

    def _show_avatar(self):
        ratio = self.devicePixelRatioF()
        self.avatar.setPixmap(avatar_pixmap(self.contact, AVATAR_SIDE, self.photos, ratio))
        digest = photo_hash(self.contact)
        self.avatar.setToolTip("" if digest is None or self.photos is None or self.photos.image(digest) is not None
                               else self.tr("Loading the photo…"))

    def showing_photo(self):
        digest = photo_hash(self.contact)
        return bool(digest and self.photos is not None and self.photos.image(digest) is not None)

    def _photo_ready(self, digest):
        if self.contact is not None and photo_hash(self.contact) == digest:
            self._show_avatar()

    def _clear_sections(self):
        """A new box of rows for each contact (nothing of the last one's layout left over)."""
        self.copy_buttons = []
        old = self.sections
        self.sections = QWidget()
        self._rows = QVBoxLayout(self.sections)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        self._layout.replaceWidget(old, self.sections)
        old.setParent(None)
        old.deleteLater()

    def _build_sections(self):
        """A row per value: [label][value][copy], the labels one width all the way down so the
        values line up. Rows in a box layout, not one grid: a grid gives a word-wrapped value
        the height it would have at its narrowest, which left gaps under long values."""
        metrics = self.fontMetrics()
        self._label_width = min(LABEL_WIDTH, max([metrics.horizontalAdvance(v.label) for v in self.values] + [40]) + 2)
        current = None
        for value in self.values:
            if value.section != current:
                current = value.section
                title = QLabel(_translate("DetailPane", current).upper())
                title.setObjectName("sectionTitle")
                title.setStyleSheet(f"color: {MUTED}; font-size: 10px; font-weight: 600; letter-spacing: 1px;")
                if self._rows.count():
                    self._rows.addSpacing(6)   # air between sections
                self._rows.addWidget(title)
            self._add_row(value)

    def _add_row(self, value):
        text = _breakable(value.text).replace("\n", "<br>")
        if value.chips:
            text = " ".join(f"<a href='group:{urllib.parse.quote(g)}' style='text-decoration: none'>"
                            f"<span style='background-color: palette(midlight)'>&nbsp;{_e(g)}&nbsp;</span></a>"
                            for g in value.chips)
        elif value.link:
            text = f"<a href='{_e(value.link)}'>{text}</a>"
        if value.note:
            text += f"<br><span style='color:{MUTED}; font-size: small'>{_e(value.note)}</span>"
        shown = WrappedLabel(text)
        shown.setObjectName("value")
        shown.setTextFormat(Qt.RichText)
        shown.setWordWrap(True)
        shown.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        shown.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        shown.setTextInteractionFlags(Qt.TextBrowserInteraction)
        shown.setOpenExternalLinks(False)
        shown.linkActivated.connect(self.open_link)
        if value.link:
            shown.setToolTip(value.link)
        # a right click on a value: copy it, or open its link (not QLabel's own menu, whose
        # "Copy" copies only a selection and whose "Copy link" gives tel:+55...)
        shown.setContextMenuPolicy(Qt.CustomContextMenu)
        shown.customContextMenuRequested.connect(
            lambda position, v=value, w=shown: self.value_menu(v).popup(w.mapToGlobal(position)))
        copy = QToolButton()
        copy.setIcon(copy_icon(self.palette().color(self.foregroundRole())))
        copy.setAutoRaise(True)
        tip = self.tr("Copy {0}").format(value.label or _translate("DetailPane", value.section).lower())
        copy.setToolTip(tip)
        copy.setAccessibleName(tip)
        copy.setFocusPolicy(Qt.StrongFocus)
        copy.clicked.connect(lambda _=False, v=value: self.copy(v))
        row = QHBoxLayout()
        row.setSpacing(12)
        if value.label:
            label = QLabel(value.label)
            label.setStyleSheet(f"color: {MUTED};")
            label.setAlignment(Qt.AlignRight | Qt.AlignTop)
            label.setWordWrap(True)          # a long custom label takes two lines, not the width
            label.setFixedWidth(self._label_width)
            row.addWidget(label, 0, Qt.AlignTop)
        row.addWidget(shown, 1)
        row.addWidget(copy, 0, Qt.AlignTop)
        self._rows.addLayout(row)
        self.copy_buttons.append((value, copy))

    def text(self):
        """What the pane shows, as plain text: the name, the subtitle, then 'label: value' lines."""
        if self.contact is None:
            return self.placeholder.text()
        lines = [self.name_label.text()] + ([self.subtitle.text()] if self.subtitle.text() else [])
        for value in self.values:
            lines.append(f"{value.label}: {value.text}" if value.label else value.text)
            if value.note:
                lines.append(value.note)
        return "\n".join(lines)

    def value_menu(self, value):
        menu = QMenu(self)
        menu.addAction(self.tr("Copy {0}").format(value.label or _translate("DetailPane", value.section).lower()),
                       lambda: self.copy(value))
        opens = {"tel": self.tr("Call"), "mailto": self.tr("Write an email"), "https": self.tr("Open"),
                 "http": self.tr("Open")}
        if value.link and not value.chips:
            verb = self.tr("Show on the map") if "openstreetmap.org" in value.link else opens.get(
                value.link.split(":", 1)[0], self.tr("Open"))
            menu.addAction(verb, lambda: self.open_link(value.link))
        for group in value.chips:
            menu.addAction(self.tr("Show the group {0}").format(group), lambda g=group: self.groupChosen.emit(g))
        self.menu = menu
        return menu

    # -- acting ---------------------------------------------------------------------------------
    def copy(self, value):
        QApplication.clipboard().setText(value.copy)
        self.copied.emit(self.tr("Copied {0}: {1}").format(value.label or _translate("DetailPane", value.section),
                                                         value.copy.splitlines()[0] if value.copy else ""))

    def open_link(self, link):
        """A click (or Return) on a link: the system's phone, mail, map or web application;
        a group's chip shows that group in the list."""
        if link.startswith("group:"):
            self.groupChosen.emit(urllib.parse.unquote(link[len("group:"):]))
            return
        QDesktopServices.openUrl(QUrl(link))
