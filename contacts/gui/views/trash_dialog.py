"""The trash: deleted contacts (tombstones), with restore, delete forever and empty the
trash (both asked first: they cannot be undone).

Keyboard: Tab goes search box -> list -> Restore -> Close; Return (or Enter) on the
selected rows restores them, so does Alt+R (the &Restore mnemonic) wherever the focus
is; Esc closes the trash.  Return or Down in the search box goes to the first match.
"""
from PyQt5.QtCore import QItemSelectionModel, Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                             QMessageBox, QPushButton, QShortcut, QTableView, QVBoxLayout, QWidget)

from ..models import ContactFilterProxy
from ..models.contact_table_model import PHONE, ContactRole


class TrashDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Trash"))
        self.resize(620, 360)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(session.trash)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the trash"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        # after setSortingEnabled: it sorts by the header's indicator, which starts descending
        # (Z to A: "João" above "Ana"); A to Z until the user clicks the header
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setTabKeyNavigation(False)   # Tab leaves the list (for Restore), not walks its cells
        self.table.verticalHeader().hide()
        self._fit_columns()
        for signal in (self.proxy.rowsInserted, self.proxy.dataChanged, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._fit_columns)
        self.table.doubleClicked.connect(self.restore_selected)
        self.restore_button = QPushButton(self.tr("&Restore"))   # Alt+R
        self.restore_button.setToolTip(self.tr("Restore the selected contacts (Return, Alt+R)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("&Delete forever…"))
        self.purge_button.setToolTip(self.tr("Delete the selected contacts on every replica, for good (no undo)"))
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button = QPushButton(self.tr("&Empty trash…"))
        self.empty_button.setToolTip(self.tr("Delete every contact in the trash on every replica, for good"))
        self.empty_button.clicked.connect(self.empty_trash)
        self.confirmation = None   # the question on screen, if any
        # a plain row of buttons, not a QDialogButtonBox: that one sets its own Tab order
        # (Close before Restore here), and neither button is a default: a default button
        # would take Return from the list and close the trash unrestored
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.purge_button, self.empty_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.restore_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        for key in (Qt.Key_Return, Qt.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self.restore_selected, context=Qt.WidgetShortcut)
            QShortcut(QKeySequence(key), self.search, self._to_first_match, context=Qt.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key_Down), self.search, self._to_first_match, context=Qt.WidgetShortcut)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Deleted contacts stay here (on every replica) until restored.")))
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        # once every widget is in the dialog (setTabOrder ignores widgets of another window);
        # the two that cannot be undone come last
        for first, second in ((self.search, self.table), (self.table, self.restore_button),
                              (self.restore_button, self.close_button), (self.close_button, self.purge_button),
                              (self.purge_button, self.empty_button)):
            QWidget.setTabOrder(first, second)

    def _fit_columns(self, *_):
        """The phone column as wide as its longest number, the others share the rest (four
        equal columns cut "+44 20 7946 0958" to "+44 20 79…"; a long email shows whole in its
        tooltip). Set again when rows come: the header sizes a column to its contents only when
        its mode is set or the columns change, not when rows are added or changed."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(PHONE, QHeaderView.ResizeToContents)

    def _to_first_match(self):
        if self.proxy.rowCount():
            self.table.setFocus(Qt.ShortcutFocusReason)
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def selected_contacts(self):
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ContactRole) for index in rows]

    def restore_selected(self, *_):
        contacts = self.selected_contacts()
        if contacts:
            self.session.restore_contacts(contacts)

    def _confirm(self, title, text, action_text, then, count):
        """Ask before what cannot be undone (without blocking the event loop); Cancel is the default."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Cancel, self)
        box.setInformativeText(self.tr("This cannot be undone: the contacts are removed from every replica.", "",
                                               count))   # "the contact is" for one
        confirm = box.addButton(action_text, QMessageBox.DestructiveRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.buttonClicked.connect(lambda button: button is confirm and then())
        self.confirmation = box
        box.open()
        return box

    def purge_selected(self, *_):
        contacts = [c for c in self.selected_contacts() if c is not None]
        if not contacts:
            return None
        text = (self.tr("Delete “{0}” forever?").format(contacts[0].get("name", "")) if len(contacts) == 1
                else self.tr("Delete %n contacts forever?", "", len(contacts)))
        return self._confirm(self.tr("Delete forever"), text, self.tr("Delete forever"),
                             lambda: self.session.purge_contacts(contacts), len(contacts))

    def empty_trash(self, *_):
        count = self.session.trash.rowCount()
        if not count:
            return None
        return self._confirm(self.tr("Empty the trash"),
                             self.tr("Delete all %n contact(s) in the trash forever?", "", count),
                             self.tr("Empty trash"), self.session.empty_trash, count)

    def showEvent(self, event):
        self.session.watch_trash(True)
        super().showEvent(event)

    def hideEvent(self, event):
        self.session.watch_trash(False)
        super().hideEvent(event)
