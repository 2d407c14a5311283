"""Incremental search and sorting over the contact table.

A row matches when every word of the query is found in its folded text (name,
organization, notes, emails, phone numbers and labels; case and accents ignored),
or when the query looks like a phone number and its digits appear in one of the
contact's numbers ('7946 0958' finds '+44 20 7946 0958'), the same rule the
replicas apply in ``search``.

A scope narrows the rows further: starred contacts only, or one group's (the sidebar).
With ``starred_first`` (the main list) starred contacts come before the others, each part
by name: by the display name, or with ``set_order`` by first or last name
(contacts.name_order, the order the replicas list a big book in).
"""
from PyQt5.QtCore import QSortFilterProxyModel, Qt

from ...model import fold, query_digits
from .contact_table_model import PhoneDigitsRole, SearchTextRole, SortRole


class ContactFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None, starred_first=False):
        super().__init__(parent)
        self._words = ()
        self._digits = ""
        self._scope = ("all", None)
        self.starred_first = starred_first
        self.order = None            # None: the name column's text; "first" / "last": name parts
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def query(self):
        return " ".join(self._words)

    def set_query(self, text):
        self._words = tuple(fold(text).split())
        self._digits = query_digits(text.strip())
        self.invalidateFilter()

    def set_order(self, order):
        """Sort the name column by "first" or "last" name (None: its text)."""
        if order != self.order:
            self.order = order
            self.invalidate()

    def scope(self):
        return self._scope

    def set_scope(self, scope):
        """("all", None), ("starred", None) or ("group", name)."""
        self._scope = tuple(scope)
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        kind, group = self._scope
        if kind != "all":
            contact = self.sourceModel().contact_at(source_row)
            if kind == "starred" and not contact.get("starred"):
                return False
            if kind == "group" and group not in (contact.get("groups") or ()):
                return False
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._digits and self._digits in (index.data(PhoneDigitsRole) or ""):
            return True
        haystack = index.data(SearchTextRole) or ""
        return all(word in haystack for word in self._words)

    def lessThan(self, left, right):
        # left/right are source indexes; read the precomputed keys directly (this runs
        # n log n times per sort, so no data() round trips)
        model, column = self.sourceModel(), left.column()
        if self.starred_first and column == 0:
            starred_a, starred_b = model.starred(left.row()), model.starred(right.row())
            if starred_a != starred_b:
                # before the others whichever way the names are sorted
                return starred_a if self.sortOrder() == Qt.AscendingOrder else starred_b
        if column == 0 and self.order is not None:
            a, b = model.order_key(left.row(), self.order), model.order_key(right.row(), self.order)
        else:
            a, b = model.sort_key(left.row(), column), model.sort_key(right.row(), column)
        if a != b:
            # empty cells last whatever the direction would put first
            if not a or not b:
                return bool(a) if self.sortOrder() == Qt.AscendingOrder else not a
            return a < b
        # ties broken by name, then by id (as the replicas do), so the order is stable between polls
        a, b = model.sort_key(left.row(), 0), model.sort_key(right.row(), 0)
        if a != b:
            return a < b
        return model.contact_at(left.row())["id"] < model.contact_at(right.row())["id"]
