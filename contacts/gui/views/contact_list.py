"""The contact list: a row per contact with its avatar, its name and a second line
(title and organization, else the first phone or email), listed under the first letter of
the name, starred contacts first (under ★).

Why a one-column table view with a painting delegate, not a widget per row, and not a
QListView: a big book has a row per contact (PagedBookModel), and the view must
never ask Python about each of them. A QListView lays its rows out by asking the model for
an index per row (to skip hidden ones: Python calls per row each time rows move, which
tests/test_gui_paging.py counts; docs/gui.md); a table with fixed row heights lays them out
from its header's arithmetic. The delegate paints only the rows on screen, and the letter of
a group shows in the left margin of its first row (no header rows, which would break the
one-row-per-contact layout). Photos come from the PhotoCache, fetched off the GUI thread;
until one arrives the row shows initials.
"""
from PyQt5.QtCore import QEvent, QItemSelectionModel, QRect, QSize, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QFont, QFontMetrics, QPalette
from PyQt5.QtWidgets import (QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                             QTableView)

from ..models.contact_table_model import ContactRole
from ..presentation import group_letter, secondary_text
from .avatar import paint_avatar

AVATAR = 36
GUTTER = 30
STAR_COLOR = "#e0a100"


class ContactDelegate(QStyledItemDelegate):
    def __init__(self, photos=None, parent=None):
        super().__init__(parent)
        self.photos = photos
        self.grouped = True      # letters in the margin (off while a search answer is shown)
        self.order = None        # the list's order ("first" / "last"): whose initial the letter is

    def sizeHint(self, option, index):
        metrics = QFontMetrics(option.font)
        return QSize(200, max(AVATAR + 14, metrics.height() * 2 + 18))

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""          # the background and the selection only; the rest is ours
        opt.icon = type(opt.icon)()
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, widget)
        contact = index.data(ContactRole)
        rect = option.rect
        selected = bool(option.state & QStyle.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.HighlightedText if selected else QPalette.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.62)
        painter.save()
        avatar = QRect(rect.left() + GUTTER, rect.top() + (rect.height() - AVATAR) // 2, AVATAR, AVATAR)
        if contact is None:   # a big book's row whose page is on its way
            painter.setPen(Qt.NoPen)
            placeholder = QColor(muted)
            placeholder.setAlphaF(0.18)
            painter.setBrush(placeholder)
            painter.setRenderHint(painter.Antialiasing, True)
            painter.drawEllipse(avatar)
            painter.setPen(muted)
            painter.drawText(QRect(avatar.right() + 12, rect.top(), rect.width(), rect.height()),
                             Qt.AlignVCenter | Qt.AlignLeft, index.data(Qt.DisplayRole) or "…")
            painter.restore()
            return
        letter = group_letter(contact, self.order)
        if self.grouped and self._first_of_group(index, letter, self.order):
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            painter.setFont(font)
            painter.setPen(QColor(STAR_COLOR) if letter == "★" else palette.color(
                QPalette.HighlightedText if selected else QPalette.Highlight))
            painter.drawText(QRect(rect.left(), avatar.top(), GUTTER, AVATAR), Qt.AlignCenter, letter)
        paint_avatar(painter, avatar, contact, self.photos)
        left = avatar.right() + 12
        right = rect.right() - 8
        if contact.get("starred"):
            star_font = QFont(option.font)
            painter.setFont(star_font)
            painter.setPen(QColor(STAR_COLOR) if not selected else text_color)
            star = QRect(right - 18, rect.top(), 18, rect.height())
            painter.drawText(star, Qt.AlignCenter, "★")
            right = star.left() - 4
        name_font = QFont(option.font)
        name_font.setWeight(QFont.DemiBold)
        metrics = QFontMetrics(name_font)
        second = secondary_text(contact)
        middle = rect.top() + rect.height() // 2
        name_rect = QRect(left, (middle - metrics.height()) if second else rect.top(), right - left,
                          metrics.height() if second else rect.height())
        painter.setFont(name_font)
        painter.setPen(text_color)
        painter.drawText(name_rect, Qt.AlignLeft | (Qt.AlignBottom if second else Qt.AlignVCenter),
                         metrics.elidedText(contact.get("name", ""), Qt.ElideRight, name_rect.width()))
        if second:
            small = QFont(option.font)
            small.setPointSizeF(small.pointSizeF() * 0.92)
            small_metrics = QFontMetrics(small)
            painter.setFont(small)
            painter.setPen(muted)
            second_rect = QRect(left, middle + 1, right - left, small_metrics.height())
            painter.drawText(second_rect, Qt.AlignLeft | Qt.AlignTop,
                             small_metrics.elidedText(second, Qt.ElideRight, second_rect.width()))
        painter.restore()

    @staticmethod
    def _first_of_group(index, letter, order=None):
        if index.row() == 0:
            return True
        above = index.sibling(index.row() - 1, index.column()).data(ContactRole)
        # the row above still loading (a big book): say the letter rather than leave it out
        return above is None or group_letter(above, order) != letter


class ContactList(QTableView):
    """The list of contacts; typing a letter in it searches (the search box takes it)."""

    #: text typed while the list has the focus (the window puts it in the search box)
    typed = pyqtSignal(str)

    def __init__(self, photos=None, parent=None):
        super().__init__(parent)
        self.delegate = ContactDelegate(photos, self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setTabKeyNavigation(False)   # Tab leaves the list
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.Fixed)   # one height: never asked per row
        rows.setDefaultSectionSize(self.delegate.sizeHint(self.viewOptions(), None).height())
        if photos is not None:
            photos.photoReady.connect(self._photo_ready)   # a method: let go when the list goes

    def _photo_ready(self, _digest):
        self.viewport().update()

    def setModel(self, model):
        super().setModel(model)
        # one column: the delegate paints the whole contact in it (the others are for the trash)
        for column in range(1, model.columnCount() if model is not None else 0):
            self.setColumnHidden(column, True)

    # Home and End, with or without Ctrl, go to the first or last contact and select it, as in
    # any contacts app. A table's own rule would move along the row (one column here: nowhere)
    # for Home/End, and only the focus, leaving the selection and the pane behind, for Ctrl+End.
    def moveCursor(self, action, modifiers):
        if action in (QAbstractItemView.MoveHome, QAbstractItemView.MoveEnd):
            modifiers |= Qt.ControlModifier
        return super().moveCursor(action, modifiers)

    def selectionCommand(self, index, event=None):
        if (event is not None and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Home, Qt.Key_End)
                and not event.modifiers() & Qt.ShiftModifier):
            return QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        return super().selectionCommand(index, event)

    def keyboardSearch(self, text):
        # Qt's own type-ahead walks the model row by row (a Python call per row of a big book);
        # the search box finds far more (every field, on the replica for a big book)
        if text.strip():
            self.typed.emit(text)

    def first_visible_row(self):
        """The row at the top of the list (-1 when there is none)."""
        return self.rowAt(0)

    def last_visible_row(self):
        """The row at the bottom (-1 when the rows end above it)."""
        return self.rowAt(self.viewport().height() - 1)
