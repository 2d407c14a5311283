"""A big book as one row per contact, holding only the pages near what the view shows.

Over Session.large_book contacts, listing the book costs the replica seconds and hundreds
of MB, and holding it costs the window as much. So this model's rowCount is the book's
total (the scrollbar covers the whole book, the user can drag to its middle or end), and
it holds at most ``max_pages`` pages of ``page_size`` contacts in the replica's order (the
session's ``order``: starred first, then by first or last name). A row whose page is not held shows a placeholder until its page arrives.

The model never talks to the cluster: the view reports the rows it shows
(:meth:`show_rows`), the model says which pages it wants (:meth:`wanted_pages`,
:meth:`missing_pages`, ``pagesWanted``), and the session reads them on its service lane
and hands them back with :meth:`refresh` — also after a change in the cluster, when it
re-reads the held pages.
"""
from PyQt5.QtCore import QAbstractTableModel, QModelIndex, Qt, pyqtSignal

from .contact_table_model import (COLUMNS, NAME, ContactColumns, ContactRole, IdRole, display_text,
                                  tooltip_text, without_receipt)

#: what a row shows while its page is on its way
PLACEHOLDER = "…"
#: pages held at most (besides the ones the view shows, if it shows more)
MAX_PAGES = 4


class PagedBookModel(ContactColumns, QAbstractTableModel):
    #: a held contact's content changed (id, new contact): the detail pane and the edit dialog
    contactChanged = pyqtSignal(str, dict)
    #: a contact was read as deleted (see announce); leaving the held pages is not a deletion
    contactRemoved = pyqtSignal(str)
    #: the view moved to rows whose pages are not held
    pagesWanted = pyqtSignal()

    def __init__(self, page_size, parent=None, max_pages=MAX_PAGES, columns=COLUMNS):
        super().__init__(parent)
        self.page_size, self.max_pages = page_size, max_pages
        self._columns = columns
        self._total = 0
        self._pages = {}         # page number -> contacts (page_size of them, fewer at the end)
        self._rows = {}          # id -> row, for held contacts
        self._visible = (0, 0)   # first and last row the view shows

    # -- what to read ------------------------------------------------------------------
    def show_rows(self, first, last):
        """The view shows rows ``first``..``last``: want their pages, drop far ones."""
        first = max(0, first)
        # a screen is never more than a page: whatever a view reports, memory stays bounded
        self._visible = (first, min(max(first, last), first + self.page_size - 1))
        self._evict()
        if self.missing_pages():
            self.pagesWanted.emit()

    def wanted_pages(self):
        """The pages to hold: those around the visible rows (one screen above and below, so
        scrolling a little never shows placeholders), then the held ones nearest to them."""
        first, last = self._visible
        screen = last - first + 1
        end = max(self._total, 1) - 1        # page 0 even before the total is known
        near = set(range(min(max(0, first - screen), end) // self.page_size,
                         min(last + screen, end) // self.page_size + 1))
        centre = (first + last) // 2 // self.page_size
        others = sorted(set(self._pages) - near, key=lambda page: abs(page - centre))
        return sorted(near | set(others[:max(0, self.max_pages - len(near))]))

    def missing_pages(self):
        return [page for page in self.wanted_pages() if page not in self._pages]

    def held_pages(self):
        return sorted(self._pages)

    def held_count(self):
        """How many contacts the model holds (bounded by the pages, whatever the total)."""
        return sum(len(contacts) for contacts in self._pages.values())

    # -- reading -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._total

    def _contact_at(self, row):
        page, offset = divmod(row, self.page_size)
        contacts = self._pages.get(page)
        return contacts[offset] if contacts is not None and offset < len(contacts) else None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= self._total:
            return None
        contact = self._contact_at(index.row())
        if contact is None:
            if role == Qt.DisplayRole and index.column() == NAME:
                return PLACEHOLDER
            return "Loading…" if role == Qt.ToolTipRole else None
        if role == Qt.DisplayRole:
            return display_text(contact, index.column())
        if role == Qt.ToolTipRole:
            return tooltip_text(contact, index.column())
        if role == ContactRole:
            return contact
        if role == IdRole:
            return contact["id"]
        return None

    def contact(self, contact_id):
        row = self._rows.get(contact_id)
        return None if row is None else self._contact_at(row)

    def contacts(self):
        """The held contacts, in row order."""
        return [c for page in sorted(self._pages) for c in self._pages[page]]

    def index_of(self, contact_id, column=0):
        row = self._rows.get(contact_id)
        return QModelIndex() if row is None else self.index(row, column)

    # -- changing ----------------------------------------------------------------------
    def refresh(self, total, pages):
        """A read from the replica: the book's ``total`` and some pages (number -> contacts).

        Rows whose contact changed get ``dataChanged``; when contacts moved (one added or
        deleted before them) the rows are laid out again and the selection and current row
        follow their contact, the way they do in the whole-list model."""
        pages = {page: [without_receipt(c) for c in contacts] for page, contacts in pages.items()
                 if page * self.page_size < total}
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        # a held page whose contacts are not the same ones in the same rows (a page that only
        # grew at the end of the book did not move)
        moved = any(self._ids(self._pages[page]) != self._ids(contacts)[:len(self._pages[page])]
                    for page, contacts in pages.items() if page in self._pages)
        changed = [c for page, contacts in pages.items() for c in contacts
                   if c["id"] in self._rows and self.contact(c["id"]) != c]
        if moved:
            self._lay_out_again(pages)
        else:
            self._pages.update(pages)
            self._index_rows()
            for page in pages:
                first = page * self.page_size
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(min(first + self.page_size, self._total) - 1, len(self._columns) - 1))
        if total < self._total:
            for page in [p for p in self._pages if p * self.page_size >= total]:
                del self._pages[page]
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()
            self._index_rows()
        for contact in changed:
            self.contactChanged.emit(contact["id"], contact)
        self._evict()

    @staticmethod
    def _ids(contacts):
        return [c["id"] for c in contacts or ()]

    def _lay_out_again(self, pages):
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        followed = [(self._contact_at(index.row()) or {}).get("id") for index in persistent]
        self._pages.update(pages)
        self._index_rows()
        # a contact that left the held pages keeps its row number (where the user was)
        self.changePersistentIndexList(persistent, [
            self.index(self._rows.get(contact_id, index.row()), index.column())
            for index, contact_id in zip(persistent, followed)])
        self.layoutChanged.emit()

    def _index_rows(self):
        self._rows = {c["id"]: page * self.page_size + offset
                      for page, contacts in self._pages.items() for offset, c in enumerate(contacts)}

    def _evict(self):
        """Hold only the wanted pages: memory stays bounded however far the user scrolls."""
        wanted = set(self.wanted_pages())
        dropped = [page for page in self._pages if page not in wanted]
        for page in dropped:
            del self._pages[page]
        if dropped:
            self._index_rows()
            for page in dropped:   # their rows show placeholders again
                first = page * self.page_size
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(min(first + self.page_size, self._total) - 1, len(self._columns) - 1))

    def upsert(self, contact):
        """A write's answer: a held row shows it at once; elsewhere the next read brings it."""
        contact = without_receipt(contact)
        row = self._rows.get(contact["id"])
        if row is None or self._contact_at(row) == contact:
            return
        page, offset = divmod(row, self.page_size)
        self._pages[page][offset] = contact
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        self.contactChanged.emit(contact["id"], contact)

    def announce(self, contact_id, contact):
        """The current version of a contact read by itself (None: deleted)."""
        if contact is None:
            self.contactRemoved.emit(contact_id)
        elif contact_id in self._rows:
            self.upsert(contact)
        else:
            self.contactChanged.emit(contact_id, without_receipt(contact))

    def drop_pages(self):
        """The book is read in another order: every row shows a placeholder until its page
        comes again (the total stays: the scrollbar does not jump)."""
        self.beginResetModel()
        self._pages, self._rows = {}, {}
        self.endResetModel()
        if self.missing_pages():
            self.pagesWanted.emit()

    def clear(self):
        """The book is small again (or another cluster): hold nothing."""
        self.beginResetModel()
        self._total, self._pages, self._rows, self._visible = 0, {}, {}, (0, 0)
        self.endResetModel()
