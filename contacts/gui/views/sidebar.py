"""The sidebar: All contacts, Starred, each group with its count, and the Trash.

Choosing All, Starred or a group (click, or Up/Down from the keyboard) filters the list at
once; the Trash opens on a click or Return (moving past it with the arrows does not).
Counts come from the contacts the window holds (the whole book up to Session.large_book),
and for a bigger book, held only in pages, from the replica (count_contacts(breakdown=True));
the trash's from the replica in both. A replica of an older release gives no breakdown: a big
book then shows only its total (the search, which matches group names, finds the groups).

An entry with nothing in it shows no count (Starred with no one starred, an empty Trash), as a
mail folder list shows no unread count for a read folder: a count is something to look at.
All contacts always shows its own, 0 too: it is the book's size, the one the status bar says.
"""
from PyQt5.QtCore import QSize, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QPalette
from PyQt5.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate

ScopeRole = Qt.UserRole + 1
CountRole = Qt.UserRole + 2
ALL, STARRED, GROUP, TRASH = "all", "starred", "group", "trash"


def _shown(count):
    """The count an entry other than All contacts shows: none for an empty one (or unknown)."""
    return count or None


#: a group with a very long name is elided rather than taking the window
MAX_WIDTH = 280


class _CountDelegate(QStyledItemDelegate):
    """The item's text, and its count right-aligned in a muted colour."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        count = index.data(CountRole)
        if count is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.State_Selected)
        color = QColor(option.palette.color(QPalette.HighlightedText if selected else QPalette.Text))
        color.setAlphaF(0.6)
        painter.setPen(color)
        painter.drawText(option.rect.adjusted(0, 0, -10, 0), Qt.AlignRight | Qt.AlignVCenter, f"{count:,}")
        painter.restore()

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        count = index.data(CountRole)
        room = option.fontMetrics.horizontalAdvance(f"{count:,}") + 24 if count is not None else 0
        return QSize(size.width() + max(40, room), max(size.height(), option.fontMetrics.height() + 12))


class Sidebar(QListWidget):
    #: the list shows (kind, group name or None): (ALL, None), (STARRED, None), (GROUP, "Family")
    scopeChosen = pyqtSignal(tuple)
    trashChosen = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setItemDelegate(_CountDelegate(self))
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setFrameShape(QListWidget.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Contact groups"))
        self.scope = (ALL, None)
        self._groups = {}
        self._big = False
        self._deleted = None
        self._rebuilding = False
        self._rebuild()
        self.currentItemChanged.connect(self._current_changed)
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)

    # -- contents ------------------------------------------------------------------------
    def _item(self, text, scope, count=None, tip=""):
        item = QListWidgetItem(text)
        item.setData(ScopeRole, scope)
        item.setData(CountRole, count)
        if tip:
            item.setToolTip(tip)
        self.addItem(item)
        return item

    def _heading(self, text):
        item = QListWidgetItem(text.upper())
        item.setFlags(Qt.NoItemFlags)    # not selectable: the arrows pass over it
        font = item.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)

    def _rebuild(self):
        self._rebuilding = True
        try:
            self.clear()
            self._item(self.tr("All contacts"), (ALL, None), self._total)
            if self._big and self._starred is None:
                self._heading(self.tr("Groups"))
                hint = self._item(self.tr("Search by group name"), None,
                                  tip=self.tr("A book this big is held in pages, so its groups are not counted "
                                              "here; the search matches group names."))
                hint.setFlags(Qt.NoItemFlags)
            else:
                self._item(self.tr("Starred"), (STARRED, None), _shown(self._starred))
                if self._groups:
                    self._heading(self.tr("Groups"))
                for name in sorted(self._groups, key=str.casefold):
                    self._item(name, (GROUP, name), _shown(self._groups[name]))
            self._item(self.tr("Trash"), (TRASH, None), _shown(self._deleted),
                       tip=self.tr("Deleted contacts (Return or click opens them)"))
            self._select_scope(self.scope)
            # wide enough for the longest item and its count ("Todos os contatos  11" is
            # longer than "All contacts  11"): the splitter keeps the pane at least this wide
            self.setMinimumWidth(min(MAX_WIDTH, self.sizeHintForColumn(0) + 2 * self.frameWidth() + 4))
        finally:
            self._rebuilding = False

    _total, _starred = 0, 0

    def set_counts(self, total, starred, groups, big_book=False, deleted=None, counted=False):
        """How many contacts, how many starred, {group: count}, how many in the trash (None:
        not known); ``big_book`` without ``counted``: only the total is known."""
        groups = dict(groups)
        if big_book and not counted:
            starred, groups = None, {}
        if (total, starred, groups, big_book, deleted or None) == (self._total, self._starred, self._groups,
                                                                   self._big, self._deleted):
            return
        uncounted = big_book and starred is None
        layout_changed = (set(groups) != set(self._groups) or big_book != self._big
                          or uncounted != (self._big and self._starred is None))
        self._total, self._starred, self._groups, self._big = total, starred, groups, big_book
        self._deleted = deleted or None
        if layout_changed:
            gone = (self.scope[0] == GROUP and self.scope[1] not in groups) or (uncounted and self.scope[0] != ALL)
            if gone:
                self.choose((ALL, None))
            self._rebuild()
        else:
            for row in range(self.count()):
                item = self.item(row)
                scope = item.data(ScopeRole)
                if scope == (ALL, None):
                    item.setData(CountRole, total)
                elif scope == (STARRED, None):
                    item.setData(CountRole, _shown(starred))
                elif scope and scope[0] == GROUP:
                    item.setData(CountRole, _shown(groups.get(scope[1])))
                elif scope == (TRASH, None):
                    item.setData(CountRole, _shown(self._deleted))

    def counts(self):
        """{item text: count} as shown (for tests and the docs)."""
        return {self.item(r).text(): self.item(r).data(CountRole) for r in range(self.count())
                if self.item(r).flags() & Qt.ItemIsSelectable}

    # -- choosing --------------------------------------------------------------------------
    def _select_scope(self, scope):
        for row in range(self.count()):
            if self.item(row).data(ScopeRole) == scope:
                self.setCurrentRow(row)
                return

    def choose(self, scope):
        """Show ``scope`` (also from code: a group chip clicked in the detail pane)."""
        changed = scope != self.scope
        self.scope = scope
        if not self._rebuilding:
            self._select_scope(scope)
        if changed:
            self.scopeChosen.emit(scope)

    def _current_changed(self, current, _previous):
        if self._rebuilding or current is None:
            return
        scope = current.data(ScopeRole)
        if scope is not None and scope[0] != TRASH:
            self.choose(tuple(scope))

    def _activated(self, item):
        scope = item.data(ScopeRole)
        if scope is not None and scope[0] == TRASH:
            self._select_scope(self.scope)   # the list still shows what it showed
            self.trashChosen.emit()
