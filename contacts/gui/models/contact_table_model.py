"""The contact list as a Qt table model, kept in sync by diffing snapshots.

The poller hands over a complete list of contacts every second; :meth:`apply_snapshot`
turns the difference into row inserts, removals and ``dataChanged`` signals instead
of a model reset, so the selection, the scroll position and the current row survive
other people's edits.  Rows keep arrival order; sorting is the proxy's job.

A big book (Session.large_book) is shown by :class:`PagedBookModel` instead; this model
then holds only a search answer (``apply_snapshot(..., window=True)``).
"""
from PyQt5.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, pyqtSignal

from ...model import fold, phone_digits, search_text
from ...name_order import name_keys

COLUMNS = (QT_TRANSLATE_NOOP("ContactColumns", "Name"), QT_TRANSLATE_NOOP("ContactColumns", "Phone"),
           QT_TRANSLATE_NOOP("ContactColumns", "Email"), QT_TRANSLATE_NOOP("ContactColumns", "Organization"))
NAME, PHONE, EMAIL, ORGANIZATION = range(len(COLUMNS))

#: the whole contact dict
ContactRole = Qt.UserRole + 1
#: the contact id
IdRole = Qt.UserRole + 2
#: folded text that incremental search matches (every field, labels included)
SearchTextRole = Qt.UserRole + 3
#: digits of every phone number, typed and E.164, for searches like '7946 0958'
PhoneDigitsRole = Qt.UserRole + 4
#: what a column sorts by (case and accents ignored)
SortRole = Qt.UserRole + 5


def first_phone(contact):
    phones = contact.get("phones") or []
    return phones[0]["number"] if phones else ""


def first_email(contact):
    emails = contact.get("emails") or []
    return emails[0]["address"] if emails else ""


def _more(entries):
    """'  (2 more)' after the first of several; not '(+2)', which reads as a country code."""
    more = len(entries or []) - 1
    return QCoreApplication.translate("ContactColumns", "  (%n more)", "", more) if more > 0 else ""


def display_text(contact, column):
    """What a cell shows (the first phone and email, with how many more)."""
    if column == NAME:
        return contact.get("name", "")
    if column == PHONE:
        return first_phone(contact) + _more(contact.get("phones"))
    if column == EMAIL:
        return first_email(contact) + _more(contact.get("emails"))
    if column == ORGANIZATION:
        return contact.get("organization", "")
    return None


def tooltip_text(contact, column):
    """Every phone or email with its label (the cell shows only the first)."""
    if column == PHONE and contact.get("phones"):
        return "\n".join(f"{p['label'] or 'phone'}: {p['number']}" for p in contact["phones"])
    if column == EMAIL and contact.get("emails"):
        return "\n".join(f"{e['label'] or 'email'}: {e['address']}" for e in contact["emails"])
    return None


def without_receipt(contact):
    """A write's answer carries its receipt ("write"); the rows hold the contact alone."""
    return {k: v for k, v in contact.items() if k != "write"}


def _haystack(contact):
    """What the local search matches: what the replicas' search does (contacts.model.search_text:
    groups, addresses, nicknames, title ...), plus the labels of phones and emails."""
    parts = [search_text(contact)]
    parts += [e.get("address", "") + " " + e.get("label", "") for e in contact.get("emails", [])]
    parts += [p.get("number", "") + " " + p.get("e164", "") + " " + p.get("label", "")
              for p in contact.get("phones", [])]
    return fold("\n".join(parts))


class ContactColumns:
    """The columns of a table of contacts and their headers (``self._columns``), shared by
    this model and a big book's PagedBookModel, which show the same columns."""

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._columns):
            return QCoreApplication.translate("ContactColumns", self._columns[section])
        return None


class ContactTableModel(ContactColumns, QAbstractTableModel):
    """Contacts (dicts as the client returns them), one per row."""

    #: a contact's content changed (id, new contact); the edit dialog listens to this
    contactChanged = pyqtSignal(str, dict)
    #: a contact left the list (deleted here or elsewhere)
    contactRemoved = pyqtSignal(str)

    def __init__(self, parent=None, columns=COLUMNS):
        super().__init__(parent)
        self._columns = columns
        self._contacts = []          # row -> contact dict
        self._rows = {}              # id -> row
        self._search = []            # row -> (folded text, phone digits), computed once per change

    # -- reading -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._contacts)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return display_text(contact, column)
        if role == SortRole:
            return self._search[index.row()][2][column]
        if role == Qt.ToolTipRole:
            return tooltip_text(contact, column)
        if role == ContactRole:
            return contact
        if role == IdRole:
            return contact["id"]
        if role == SearchTextRole:
            return self._search[index.row()][0]
        if role == PhoneDigitsRole:
            return self._search[index.row()][1]
        return None

    def _index_entry(self, contact):
        """What search and sorting need, computed once per change rather than per comparison."""
        keys = tuple(fold(display_text(contact, column) or "") for column in range(len(self._columns)))
        return _haystack(contact), phone_digits(contact), keys, name_keys(contact)

    def sort_key(self, row, column):
        return self._search[row][2][column]

    def order_key(self, row, order):
        """The row's key in a "first" or "last" name order (the replicas' own: contacts.name_order)."""
        return self._search[row][3][order == "last"]

    def starred(self, row):
        return bool(self._contacts[row].get("starred"))

    def contact_at(self, row):
        return self._contacts[row]

    def contact(self, contact_id):
        row = self._rows.get(contact_id)
        return None if row is None else self._contacts[row]

    def contacts(self):
        return list(self._contacts)

    def index_of(self, contact_id, column=0):
        row = self._rows.get(contact_id)
        return QModelIndex() if row is None else self.index(row, column)

    # -- changing --------------------------------------------------------------
    def apply_snapshot(self, contacts, window=False):
        """Make the rows equal ``contacts`` with the fewest row changes.

        ``window``: ``contacts`` is only part of the book (pages, a search answer), so a row
        missing from it may simply lie outside: it leaves without ``contactRemoved`` (which
        tells an open edit dialog the contact was deleted; Session.watch_contact covers that).
        """
        incoming = {c["id"]: c for c in contacts}
        gone = [row for row, c in enumerate(self._contacts) if c["id"] not in incoming]
        self._remove_rows(gone, announce=not window)
        self._insert_new(contacts)

    def _insert_new(self, contacts):
        new = []
        for contact in contacts:
            if contact["id"] in self._rows:
                self.upsert(contact)
            else:
                new.append(without_receipt(contact))
        if new:
            # one insert for all: the sorting proxy re-sorts once, not once per row
            first = len(self._contacts)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for row, contact in enumerate(new, first):
                self._contacts.append(contact)
                self._search.append(self._index_entry(contact))
                self._rows[contact["id"]] = row
            self.endInsertRows()

    def upsert(self, contact):
        """Insert a contact, or update its row if its content changed."""
        contact = without_receipt(contact)
        row = self._rows.get(contact["id"])
        if row is None:
            row = len(self._contacts)
            self.beginInsertRows(QModelIndex(), row, row)
            self._contacts.append(contact)
            self._search.append(self._index_entry(contact))
            self._rows[contact["id"]] = row
            self.endInsertRows()
            return
        if self._contacts[row] == contact:
            return
        self._contacts[row] = contact
        self._search[row] = self._index_entry(contact)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.contactChanged.emit(contact["id"], contact)

    def remove(self, contact_id):
        row = self._rows.get(contact_id)
        if row is not None:
            self._remove_rows([row])

    def announce(self, contact_id, contact):
        """The current version of a contact (None: deleted), held in the rows or not."""
        if contact_id in self._rows:
            if contact is None:
                self.remove(contact_id)
            else:
                self.upsert(contact)
        elif contact is None:
            self.contactRemoved.emit(contact_id)
        else:
            self.contactChanged.emit(contact_id, without_receipt(contact))

    def _remove_rows(self, rows, announce=True):
        if not rows:
            return
        removed = [self._contacts[row]["id"] for row in rows]
        # contiguous runs, last first, so earlier row numbers stay valid
        runs = []
        for row in sorted(rows):
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._contacts[first:last + 1]
            del self._search[first:last + 1]
            self.endRemoveRows()
        self._rows = {c["id"]: row for row, c in enumerate(self._contacts)}
        for contact_id in removed if announce else ():
            self.contactRemoved.emit(contact_id)
