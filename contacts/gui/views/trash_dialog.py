"""The trash: deleted contacts (tombstones), with restore."""
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
                             QPushButton, QTableView, QVBoxLayout)

from ..models import ContactFilterProxy
from ..models.contact_table_model import ContactRole


class TrashDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Trash")
        self.resize(620, 360)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(session.trash)
        self.proxy.sort(0, Qt.AscendingOrder)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the trash")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.doubleClicked.connect(self.restore_selected)
        self.restore_button = QPushButton("Restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Deleted contacts stay here (on every replica) until restored."))
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def selected_contacts(self):
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ContactRole) for index in rows]

    def restore_selected(self, *_):
        contacts = self.selected_contacts()
        if contacts:
            self.session.restore_contacts(contacts)

    def showEvent(self, event):
        self.session.watch_trash(True)
        super().showEvent(event)

    def hideEvent(self, event):
        self.session.watch_trash(False)
        super().hideEvent(event)
