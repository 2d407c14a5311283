"""The main window: the sidebar (All, Starred, groups, Trash), search, the contact list,
the detail pane, the cluster.

Everything that talks to the cluster goes through the :class:`Session` (and so
through its background lane); this class only arranges widgets, keeps the
selection, and remembers geometry, the panes' sizes and the name server in QSettings.

The list shows ``session.table_model``: the whole book (filtered by the search and the
sidebar, starred first, then by name) or a big book's search answer through the
search/sort proxy, or a big book's rows (in the replica's order, starred first then by first
or last name as View → Sort by says: sorting 2,000 of 100,000 rows here would only pretend)
through a pass-through proxy. For a big book the window
tells the model which rows it shows, so that the model holds the pages there.
"""
import time

from PyQt5.QtCore import QT_TRANSLATE_NOOP, QByteArray, QIdentityProxyModel, QItemSelectionModel, Qt, QTimer
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import (QAction, QActionGroup, QApplication, QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox, QShortcut,
                             QSplitter, QStyle, QToolButton, QVBoxLayout, QWidget)

from ..models import ContactFilterProxy
from ..models.contact_table_model import ContactRole, IdRole
from ..book_reader import SEARCH_LIMIT
from ..commands import describe
from ..photos import PhotoCache
from ..translation import ensure_translated
from .cluster_panel import ClusterPanel
from .contact_dialog import ContactDialog
from .contact_list import ContactList
from .detail_pane import DetailPane
from .sidebar import Sidebar
from .settings_dialog import SettingsDialog
from .trash_dialog import TrashDialog

#: above this many contacts, search waits for a pause in typing: filtering on every keystroke
#: would make typing lag (docs/gui.md, the search keystroke column)
DEBOUNCE_ABOVE = 3000
SEARCH_DEBOUNCE_MS = 200
#: how far from the deleted rows the window looks for the contact that takes their place
BESIDE_ROWS = 100
BIG_BOOK_ORDER = QT_TRANSLATE_NOOP("MainWindow", "A big book is read in pages, in the order the replicas keep it "
                                   "(starred first, then by first or last name: View → Sort by). "
                                   "Search to narrow it down.")
#: View → Sort by: (order, menu text); remembered in QSettings "list/order"
SORT_ORDERS = (("first", QT_TRANSLATE_NOOP("MainWindow", "&First name")),
               ("last", QT_TRANSLATE_NOOP("MainWindow", "&Last name")))
STATUS_COLORS = {"ok": "#1e8c3c", "degraded": "#b36b00", "down": "#b3261e", "connecting": "#5f6368"}


class MainWindow(QMainWindow):
    def __init__(self, session, settings, name_server, client_factory_for=None, parent=None):
        ensure_translated(QApplication.instance(), settings)   # before the first tr() below
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.name_server = tuple(name_server)
        self.client_factory_for = client_factory_for
        self.contact_dialog = None
        self.trash_dialog = None
        self.duplicates_dialog = None
        self.import_preview = None    # the preview of a dropped file, if one is open
        self.setAcceptDrops(True)     # .vcf/.csv files dropped on the window are imported (after a preview)
        self.settings_dialog = None
        self.message_box = None
        self.transfer = None          # the import/export in progress, if any
        self._quit_anyway = False
        self.setWindowTitle(self.tr("Contacts"))

        # -- contacts: sidebar, search, list, details -------------------------------
        # two proxies, so that a big book never goes through the search/sort one: that one asks
        # Python whether each row is accepted (its filterAcceptsRow) whenever it maps its rows
        # again, a pause on the GUI thread that grows with the book (docs/gui.md)
        self.filter_proxy = ContactFilterProxy(self, starred_first=True)
        self.filter_proxy.setSourceModel(session.contacts)
        self.filter_proxy.sort(0, Qt.AscendingOrder)   # starred first, then by name
        self.book_proxy = QIdentityProxyModel(self)   # row for row, nothing asked per row
        self.book_proxy.setSourceModel(session.book)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search every field  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        # habits: Esc clears the search, Return or Down goes to the first match
        QShortcut(QKeySequence(Qt.Key_Escape), self.search, self.search.clear, context=Qt.WidgetShortcut)
        for key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Down):
            QShortcut(QKeySequence(key), self.search, self._to_first_match, context=Qt.WidgetShortcut)
        # photos: fetched and decoded on the service lane, a bounded number held
        self.photos = PhotoCache(session.read, self)
        self.contact_list = ContactList(self.photos)
        self.contact_list.setObjectName("contactList")
        self.contact_list.setModel(self.filter_proxy)
        self.contact_list.doubleClicked.connect(lambda index: self.edit_contact())
        self.contact_list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.contact_list.typed.connect(self._typed_in_list)
        # a big book holds the pages the list shows: tell it where the list is, once per
        # turn of the event loop however many scroll steps came in
        self._visible_rows_timer = QTimer(self)
        self._visible_rows_timer.setSingleShot(True)
        self._visible_rows_timer.setInterval(0)
        self._visible_rows_timer.timeout.connect(self._report_visible_rows)
        scrollbar = self.contact_list.verticalScrollBar()
        for signal in (scrollbar.valueChanged, scrollbar.rangeChanged):
            signal.connect(lambda *_: self._visible_rows_timer.start())   # not start(msec=the value)
        self.empty_hint = QLabel(self.contact_list.viewport())
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #80868b; font-size: 14px;")
        for proxy in (self.filter_proxy, self.book_proxy):
            # rows moved under the selection (a big book's pages read again): the same contact,
            # or the one now in its place, in the detail pane
            proxy.layoutChanged.connect(self._selection_changed)
            # a big book's page read in under the current row (Ctrl+End to rows not read yet):
            # its contact arrives by dataChanged, and the pane shows it then
            proxy.dataChanged.connect(self._rows_read)
            for signal in (proxy.modelReset, proxy.layoutChanged):
                signal.connect(lambda *_: self._visible_rows_timer.start())
            for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
                signal.connect(self._update_empty_hint)
        self.search.textChanged.connect(self._update_empty_hint)
        self._top_on_answer = False
        for signal in (session.contacts.modelReset, session.contacts.rowsInserted,
                       session.contacts.rowsRemoved, session.contacts.layoutChanged):
            signal.connect(self._answer_shown)
        self.detail = DetailPane(self.photos)
        self.detail.copied.connect(self._show_message)
        self.sidebar = Sidebar()
        self.sidebar.scopeChosen.connect(self._scope_chosen)
        self.sidebar.trashChosen.connect(self.show_trash)
        # the sidebar's counts: from the whole book while the window holds it, once per turn of
        # the event loop however many rows a poll changed
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._update_sidebar)
        for model in (session.contacts, session.book):
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
                signal.connect(lambda *_: self._counts_timer.start())
        session.countsChanged.connect(self._counts_timer.start)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(6)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.contact_list, 1)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Tab: sidebar, search, list, then the detail pane's links and copy buttons
        QWidget.setTabOrder(self.sidebar, self.search)
        QWidget.setTabOrder(self.search, self.contact_list)
        QWidget.setTabOrder(self.contact_list, self.detail)
        session.contactChanged.connect(self._contact_changed)
        # what this window added, restored or undid: selected and scrolled to once the table
        # holds it (a big book's row comes with the next read of its page)
        self._to_select, self._to_select_until, self._selecting_more = [], 0.0, False
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(0)   # the contacts of one write (a restore of several) together
        self._select_timer.timeout.connect(self._select_written)
        session.contactWritten.connect(self._contact_written)
        for proxy in (self.filter_proxy, self.book_proxy):
            for signal in (proxy.rowsInserted, proxy.modelReset, proxy.layoutChanged, proxy.dataChanged):
                signal.connect(lambda *_: self._to_select and self._select_timer.start())
        session.tableModelChanged.connect(lambda: self._to_select and self._select_timer.start())
        session.contactRemoved.connect(self._contact_removed)
        for model in (session.contacts, session.book):
            model.rowsInserted.connect(self._update_count)
            model.rowsRemoved.connect(self._update_count)
            model.modelReset.connect(self._update_count)
        session.tableModelChanged.connect(self._use_table_model)
        session.pagedChanged.connect(lambda _: (self._use_table_model(), self._apply_search()))

        # -- cluster: panel and status bar ------------------------------------------
        self.cluster_panel = ClusterPanel(session.cluster, self)
        self.addDockWidget(Qt.BottomDockWidgetArea, self.cluster_panel)
        self.cluster_panel.replicaChosen.connect(session.use_replica)
        self.replica_status = QToolButton()
        self.replica_status.setObjectName("replicaStatus")
        self.replica_status.setAutoRaise(True)
        self.replica_status.setToolTip(self.tr("The replica this window uses and how many are alive; "
                                               "click for the cluster panel"))
        self.replica_status.clicked.connect(lambda: self.cluster_panel.setVisible(
            not self.cluster_panel.isVisible()))
        self.pending_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.replica_status)
        session.statusChanged.connect(self._show_status)
        session.statusChanged.connect(self._update_empty_hint)
        session.message.connect(self._show_message)
        self._important_until = 0.0
        session.errorOccurred.connect(self._show_error)
        session.pendingChanged.connect(self._show_pending)
        self._show_status(session.status_text, session.status_state)

        self._make_actions()
        self._restore_settings()
        self._selection_changed()
        self._update_empty_hint()
        self._focus_placed = False

    # -- actions and menus -----------------------------------------------------------
    def _action(self, text, slot, shortcuts=(), tip=""):
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _icon(self, name):
        return self.style().standardIcon(getattr(QStyle, name))

    def _make_actions(self):
        stack = self.session.undo_stack
        self.new_action = self._action(self.tr("&New contact…"), self.new_contact, [QKeySequence.New], self.tr("Add a contact"))
        self.edit_action = self._action(self.tr("&Edit contact…"), self.edit_contact, ["Return", "F2"])
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selected, [QKeySequence.Delete],
                                          self.tr("Delete the selected contacts (undo with Ctrl+Z)"))
        self.star_action = self._action(self.tr("&Star / unstar"), self.star_selected, ["Ctrl+D"],
                                        self.tr("Star the selected contacts (listed first), or unstar them"))
        self.add_group_menu = QMenu(self.tr("Add to &group"), self)
        self.add_group_menu.aboutToShow.connect(self._fill_add_group_menu)
        self.remove_group_menu = QMenu(self.tr("Remo&ve from group"), self)
        self.remove_group_menu.aboutToShow.connect(self._fill_remove_group_menu)
        # Del/Return/Ctrl+D act on the list only, so they keep their meaning in the search box
        for action in (self.edit_action, self.delete_action, self.star_action):
            self.removeAction(action)
            self.contact_list.addAction(action)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        # not stack.createUndoAction(): its text is "Undo Edit 'Ana Beatriz Gonçalves'", and the
        # toolbar button grows with it and pushes Redo and Trash around. The text stays short;
        # the tooltip names the change
        self.undo_action = self._action(self.tr("&Undo"), stack.undo, [QKeySequence("Ctrl+Z")])
        self.redo_action = self._action(self.tr("&Redo"), stack.redo,
                                        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.find_action = self._action(self.tr("&Find"), self.focus_search, [QKeySequence.Find])
        self.trash_action = self._action(self.tr("&Trash…"), self.show_trash, [], self.tr("Deleted contacts, with restore"))
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings)
        self.quit_action = self._action(self.tr("&Quit"), self.close, [QKeySequence("Ctrl+Q")])
        self.import_action = self._action(self.tr("&Import vCard or CSV…"), self.import_contacts)
        self.export_action = self._action(self.tr("&Export…"), self.export_contacts)
        self.refresh_action = self._action(self.tr("&Refresh now"), self.session.poll, [QKeySequence.Refresh])
        self.export_selected_action = self._action(self.tr("Export se&lected…"), self.export_selected, ["Ctrl+E"],
                                                   self.tr("Export the selected contacts to a vCard or CSV file"))
        self.share_vcard_action = self._action(self.tr("Share as .&vcf…"), self.share_vcard, [],
                                               self.tr("Save the selected contact as a vCard file to send"))
        self.share_qr_action = self._action(self.tr("Share as QR &code…"), self.share_qr, ["Ctrl+Shift+Q"],
                                            self.tr("A QR code of the contact's vCard, for a phone's camera"))
        for action in (self.export_selected_action, self.share_vcard_action, self.share_qr_action):
            self.removeAction(action)
            self.contact_list.addAction(action)
            action.setShortcutContext(Qt.WindowShortcut)
        self.duplicates_action = self._action(self.tr("Find du&plicates…"), self.show_duplicates, [],
                                              self.tr("Contacts sharing a number or an email, or with alike names; "
                                                      "merge them"))

        for action, icon in ((self.new_action, "SP_FileIcon"), (self.edit_action, "SP_FileDialogDetailedView"),
                             (self.delete_action, "SP_TrashIcon"), (self.undo_action, "SP_ArrowBack"),
                             (self.redo_action, "SP_ArrowForward"), (self.trash_action, "SP_DirIcon")):
            action.setIcon(self._icon(icon))
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, None, self.import_action, self.export_action,
                       self.export_selected_action, self.share_vcard_action, self.share_qr_action, None,
                       self.settings_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.edit_action, self.star_action,
                       self.add_group_menu, self.remove_group_menu, self.delete_action, None, self.find_action,
                       self.duplicates_action):
            if action is None:
                edit_menu.addSeparator()
            elif isinstance(action, QMenu):
                edit_menu.addMenu(action)
            else:
                edit_menu.addAction(action)
        self.contact_list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.contact_list.customContextMenuRequested.connect(self._row_menu)
        self.detail.starToggled.connect(lambda starred: self.detail.contact is not None and self.set_starred(
            [self.detail.contact], starred))
        self.detail.groupChosen.connect(lambda group: self.sidebar.choose(("group", group)))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.trash_action)
        cluster_action = self.cluster_panel.toggleViewAction()
        cluster_action.setShortcut(QKeySequence("Ctrl+K"))
        view_menu.addAction(cluster_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        sort_menu = view_menu.addMenu(self.tr("&Sort by"))
        self.sort_group = QActionGroup(self)
        self.sort_actions = {}
        for order, text in SORT_ORDERS:
            action = sort_menu.addAction(self.tr(text))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked, order=order: self.set_order(order))
            self.sort_group.addAction(action)
            self.sort_actions[order] = action

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.delete_action, None, self.undo_action,
                       self.redo_action, None, self.trash_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)

    def _update_undo_actions(self, *_):
        stack = self.session.undo_stack
        for action, verb, can, text, key in (
                (self.undo_action, (self.tr("Undo {0}"), self.tr("Nothing to undo")), stack.canUndo(), stack.undoText(), "Ctrl+Z"),
                (self.redo_action, (self.tr("Redo {0}"), self.tr("Nothing to redo")), stack.canRedo(), stack.redoText(), "Ctrl+Shift+Z")):
            action.setEnabled(can)
            tip = verb[0].format(text) if can and text else verb[1]
            action.setToolTip(f"{tip} ({key})")
            action.setStatusTip(tip)

    @property
    def proxy(self):
        """What the table shows: ``filter_proxy`` (the whole book, a search answer) or
        ``book_proxy`` (a big book's rows)."""
        return self.contact_list.model()

    # -- selection and details -----------------------------------------------------------
    def selected_contacts(self):
        rows = self.contact_list.selectionModel().selectedRows()
        contacts = (index.data(ContactRole) for index in sorted(rows, key=lambda i: i.row()))
        return [c for c in contacts if c is not None]   # a big book's row still loading has none

    def current_contact(self):
        index = self.contact_list.selectionModel().currentIndex()
        selected = self.selected_contacts()
        if (index.isValid() and self.contact_list.selectionModel().isRowSelected(index.row(), index.parent())
                and index.data(ContactRole) is not None):
            return index.data(ContactRole)
        return selected[0] if selected else None

    def select_contact(self, contact_id):
        source = self.proxy.sourceModel().index_of(contact_id)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            # not selectRow(): that one toggles when a Ctrl key happens to be held
            self.contact_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.contact_list.scrollTo(index)
        return index.isValid()

    def _contact_written(self, contact_id):
        if not self._select_timer.isActive():
            self._to_select, self._selecting_more = [], False   # a new write: a new selection
        if contact_id not in self._to_select:
            self._to_select.append(contact_id)
        self._to_select_until = time.monotonic() + 10
        self._select_timer.start()

    def _select_written(self):
        if time.monotonic() > self._to_select_until:
            self._to_select = []   # it never showed (a search hides it): leave the selection alone
            return
        found = [i for i in self._to_select
                 if self.proxy.mapFromSource(self.proxy.sourceModel().index_of(i)).isValid()]
        for contact_id in found:
            index = self.proxy.mapFromSource(self.proxy.sourceModel().index_of(contact_id))
            flags = QItemSelectionModel.Rows | (
                QItemSelectionModel.Select if self._selecting_more else QItemSelectionModel.ClearAndSelect)
            self.contact_list.selectionModel().setCurrentIndex(index, flags)
            self.contact_list.scrollTo(index)
            self._selecting_more = True
            self._to_select.remove(contact_id)

    def _selection_changed(self, *_):
        contact = self.current_contact()
        self.detail.show_contact(contact)
        has = contact is not None
        for action in (self.edit_action, self.delete_action, self.star_action):
            action.setEnabled(has)
        self.add_group_menu.setEnabled(has)
        self.remove_group_menu.setEnabled(has)

    def _rows_read(self, top_left, bottom_right, *_):
        index = self.contact_list.selectionModel().currentIndex()
        if (index.isValid() and index.model() is top_left.model()
                and top_left.row() <= index.row() <= bottom_right.row()
                and (self.detail.contact is None) != (self.current_contact() is None)):
            self._selection_changed()

    def _contact_changed(self, contact_id, contact):
        if self.detail.contact is not None and self.detail.contact["id"] == contact_id:
            self.detail.show_contact(contact)

    def _contact_removed(self, contact_id):
        if self.detail.contact is not None and self.detail.contact["id"] == contact_id:
            self._selection_changed()

    def set_order(self, order, remember=True):
        """Sort the list by "first" or "last" name (View → Sort by), both for a small book (here)
        and a big one (the replica's order for its pages); remembered in QSettings."""
        self.sort_actions[order].setChecked(True)
        self.filter_proxy.set_order(order)
        self.contact_list.delegate.order = order
        self.contact_list.viewport().update()   # the letters in the margin
        self.session.set_order(order)
        if remember:
            self.settings.setValue("list/order", order)
        self._update_count()

    def _update_count(self, *_):
        total = self.session.total
        count = self.session.contacts.rowCount() if total is None else total
        text = self.tr("%n contact(s)", "", count)
        if total is not None:
            if self.session.table_model is self.session.contacts:
                found = self.session.contacts.rowCount()
                text += (self.tr(" (first %n found)", "", found) if found >= SEARCH_LIMIT
                         else self.tr(" (%n found)", "", found))
            else:
                text += self.tr(", by last name") if self.session.order == "last" else self.tr(", by first name")
        self.count_label.setText(text)
        self.count_label.setToolTip(self.tr(BIG_BOOK_ORDER) if total is not None else "")

    def _use_table_model(self):
        """Show the session's model: starred first and by name where the window holds every
        row it sorts (the whole book); a big book and its search answers keep the replica's
        name order."""
        shown = self.book_proxy if self.session.table_model is self.session.book else self.filter_proxy
        if self.contact_list.model() is not shown:
            self._top_on_answer = False
            selection = self.contact_list.selectionModel()
            self.contact_list.setModel(shown)
            selection.deleteLater()   # the view made a new one and leaves the old one to us
            self.contact_list.selectionModel().selectionChanged.connect(self._selection_changed)
            self._selection_changed()
            self.contact_list.scrollToTop()   # a search answer or the book again: from its top
        self._update_count()
        self._update_empty_hint()
        self._update_sidebar()
        self._visible_rows_timer.start()

    def _report_visible_rows(self):
        if self.proxy is not self.book_proxy or not self.book_proxy.rowCount():
            return
        first = max(0, self.contact_list.first_visible_row())
        last = self.contact_list.last_visible_row()
        if last < 0:   # the rows end above the bottom of the viewport, or it is not laid out yet
            last = min(self.book_proxy.rowCount() - 1,
                       first + self.contact_list.viewport().height() // max(1, self.contact_list.verticalHeader().defaultSectionSize()))
        self.session.book.show_rows(first, last)   # the pass-through's rows are the book's

    # -- the sidebar ----------------------------------------------------------------------------
    def _update_sidebar(self):
        """Counts from the whole book while the window holds it (at once after an own write); a
        big book's from the replica (count_contacts(breakdown=True), read when the book changes).
        The trash's from the replica in both."""
        counts = self.session.counts
        deleted = counts["deleted"] if counts else None
        if self.session.paged:
            if counts is None:   # a replica of an older release: only the total is known
                self.sidebar.set_counts(self.session.total or 0, 0, {}, big_book=True)
            else:
                self.sidebar.set_counts(self.session.total or counts["all"], counts["starred"], counts["groups"],
                                        big_book=True, deleted=deleted, counted=True)
            return
        contacts = self.session.contacts.contacts()
        groups = {}
        for contact in contacts:
            for group in contact.get("groups") or ():
                groups[group] = groups.get(group, 0) + 1
        self.sidebar.set_counts(len(contacts), sum(1 for c in contacts if c.get("starred")), groups,
                                deleted=deleted)

    def _scope_chosen(self, scope):
        self.filter_proxy.set_scope(scope)
        if self.session.paged:   # a big book's Starred or group: the replica lists them
            self._top_on_answer = True
            self.session.search_remote(self.search.text(), scope)
        self.contact_list.scrollToTop()
        self._update_empty_hint()
        self._update_count()
        self._selection_changed()

    def _typed_in_list(self, text):
        """A letter typed in the list starts a search with it (as in GNOME Contacts)."""
        self.search.setFocus(Qt.OtherFocusReason)
        self.search.deselect()
        self.search.end(False)
        self.search.insert(text)

    def _search_changed(self, text):
        # filtering is instant up to a few thousand contacts; beyond, wait for a pause in typing
        # (a big book searches on the replica: one call per pause, not per keystroke)
        if self.session.paged or self.session.contacts.rowCount() > DEBOUNCE_ABOVE:
            self._search_timer.start()
        else:
            self._apply_search()

    def _apply_search(self):
        """A small book is filtered here; a big one (only pages held) is searched on the replica."""
        text = self.search.text()
        if self.session.paged:
            self.filter_proxy.set_query("")
            # the replica's answer comes later: show it from its top when it does
            self._top_on_answer = text.strip() != self.session.remote_query
            self.session.search_remote(text, self.filter_proxy.scope())
        else:
            self.session.search_remote("", ("all", None))
            self.filter_proxy.set_query(text)
        self.contact_list.scrollToTop()   # the first matches, not the old scroll position

    def _answer_shown(self, *_):
        """A big book's search answer (or its first part) arrived: show it from its top."""
        if self._top_on_answer and self.session.paged and self.session.table_model is self.session.contacts:
            self._top_on_answer = False
            self.contact_list.scrollToTop()

    def _update_empty_hint(self, *_):
        if self.proxy.rowCount():
            self.empty_hint.hide()
            return
        if self.search.text().strip():
            self.empty_hint.setText(self.tr("No contact matches “{0}”").format(self.search.text().strip()))
        elif self.session.reachable is False:
            self.empty_hint.setText(self.tr("No replica reachable yet — retrying"))
        elif self.session.polls_done == 0:
            self.empty_hint.setText(self.tr("Loading…"))
        else:
            self.empty_hint.setText(self.tr("No contacts yet — Ctrl+N adds one"))
        self.empty_hint.resize(self.contact_list.viewport().size())
        self.empty_hint.show()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.empty_hint.resize(self.contact_list.viewport().size())
        self._visible_rows_timer.start()

    def _to_first_match(self):
        if self.proxy.rowCount():
            self.contact_list.setFocus(Qt.ShortcutFocusReason)
            self.contact_list.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def focus_search(self):
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    # -- status --------------------------------------------------------------------------
    def _show_status(self, text, state):
        color = STATUS_COLORS.get(state, "#5f6368")
        self.replica_status.setText(f"● {text}")
        self.replica_status.setStyleSheet(f"color: {color};")

    def _show_message(self, text, important=False):
        now = time.monotonic()
        if not important and now < self._important_until:
            return  # a failover notice stays readable; routine news is in the tooltip's history
        self.statusBar().showMessage(text, 10_000 if important else 4000)
        if important:
            self._important_until = now + 10
        recent = [time.strftime("%H:%M:%S ", time.localtime(at)) + message
                  for at, message in list(self.session.history)[-8:]]
        self.replica_status.setToolTip(self.tr("Click for the cluster panel.\n\nRecent:") + "\n" + "\n".join(recent))

    def _show_pending(self, count):
        self.pending_label.setText(self.tr("saving %n change(s)…", "", count) if count else "")

    def _show_error(self, title, text):
        self._show_message(f"{title}: {text}", important=True)
        self.message_box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        self.message_box.open()

    # -- editing ---------------------------------------------------------------------------
    def new_contact(self):
        self._open_dialog(ContactDialog(self.session.region, parent=self, photos=self.photos,
                                        known_groups=self.known_groups()))

    def edit_contact(self, contact=None, values=None):
        contact = contact or self.current_contact()
        if contact is not None:
            self._open_dialog(ContactDialog(self.session.region, contact, values, parent=self, photos=self.photos,
                                            known_groups=self.known_groups()))

    def _open_dialog(self, dialog):
        if self.contact_dialog is not None:
            self.contact_dialog.raise_()
            dialog.deleteLater()
            return
        self.contact_dialog = dialog
        self.session.contactChanged.connect(dialog.contact_changed)
        self.session.contactRemoved.connect(dialog.contact_removed)
        self.session.watch_contact(dialog.base["id"] if dialog.base else None)
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_saved(self, dialog):
        fields = dialog.fields()
        if dialog.base is None:
            self.session.add_contact(fields)
        else:
            self.session.save_edit(dialog.base["id"], dialog.base, fields, self._edit_conflict,
                                   force=dialog.force or dialog.deleted_underneath)

    def _dialog_closed(self, dialog):
        self.session.contactChanged.disconnect(dialog.contact_changed)
        self.session.contactRemoved.disconnect(dialog.contact_removed)
        if self.contact_dialog is dialog:
            self.session.watch_contact(None)
            self.contact_dialog = None
        dialog.deleteLater()
        self.activateWindow()
        # back to the list, so Ctrl+Z undoes what was just saved (seen under Xvfb: with the focus
        # left in the search box, Ctrl+Z undid the search box's own text instead)
        self.contact_list.setFocus(Qt.OtherFocusReason)

    def _edit_conflict(self, conflict):
        """Someone changed the contact in the very moment we saved: ask, never overwrite silently."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(self.tr("The contact changed meanwhile"))
        box.setText(self.tr("While you were saving, {0}.").format(conflict))
        box.setInformativeText(self.tr("Save your version over theirs, edit again starting from theirs, "
                                       "or drop your changes?"))
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.AcceptRole)
        edit_again = box.addButton(self.tr("Edit again"), QMessageBox.ActionRole)
        box.addButton(self.tr("Keep theirs"), QMessageBox.RejectRole)
        self.message_box = box

        def answered(button):
            if button is overwrite:
                conflict.retry()
            elif button is edit_again and conflict.current is not None:
                values = dict(conflict.current, **conflict.changes)
                self.edit_contact(conflict.current, values)
        box.buttonClicked.connect(answered)
        box.open()

    # -- star, groups, the context menu ---------------------------------------------------------
    def star_selected(self):
        """Star the selection, or unstar it when every selected contact is starred already."""
        contacts = self.selected_contacts()
        if contacts:
            self.set_starred(contacts, not all(c.get("starred") for c in contacts))

    def set_starred(self, contacts, starred):
        edits = [(c, {"starred": starred}, {"starred": bool(c.get("starred"))}) for c in contacts
                 if bool(c.get("starred")) != starred]
        self.session.edit_many(edits, (self.tr("Star {0}") if starred else self.tr("Unstar {0}")).format(describe(contacts)))

    def add_to_group(self, contacts, group):
        """Add ``group`` to each contact that lacks it; the undo removes it from just those (an
        add/remove delta: a group someone else added meanwhile stays)."""
        group = group.strip()
        if not group:
            return
        edits = [(c, {"groups": {"add": [group]}}, {"groups": {"remove": [group]}}) for c in contacts
                 if group not in (c.get("groups") or ())]
        self.session.edit_many(edits, self.tr("Add {0} to {1}").format(describe(contacts), group))

    def remove_from_group(self, contacts, group):
        edits = [(c, {"groups": {"remove": [group]}}, {"groups": {"add": [group]}}) for c in contacts
                 if group in (c.get("groups") or ())]
        self.session.edit_many(edits, self.tr("Remove {0} from {1}").format(describe(contacts), group))

    def known_groups(self):
        return sorted({g for c in self.session.contacts.contacts() for g in c.get("groups") or ()}
                      | {g for c in self.selected_contacts() for g in c.get("groups") or ()}, key=str.casefold)

    def _fill_add_group_menu(self, menu=None):
        menu = menu or self.add_group_menu
        menu.clear()
        contacts = self.selected_contacts()
        for group in self.known_groups():
            action = menu.addAction(group, lambda g=group: self.add_to_group(self.selected_contacts(), g))
            action.setEnabled(any(group not in (c.get("groups") or ()) for c in contacts))
        if menu.actions():
            menu.addSeparator()
        menu.addAction(self.tr("New group…"), self.add_to_new_group).setEnabled(bool(contacts))

    def _fill_remove_group_menu(self, menu=None):
        menu = menu or self.remove_group_menu
        menu.clear()
        groups = sorted({g for c in self.selected_contacts() for g in c.get("groups") or ()}, key=str.casefold)
        for group in groups:
            menu.addAction(group, lambda g=group: self.remove_from_group(self.selected_contacts(), g))
        if not groups:
            menu.addAction(self.tr("(in no group)")).setEnabled(False)

    def add_to_new_group(self):
        contacts = self.selected_contacts()
        if not contacts:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("New group"))
        dialog.setLabelText(self.tr("Add {0} to the group:").format(describe(contacts).strip(chr(39))))
        dialog.setTextValue("")
        self.group_dialog = dialog
        dialog.textValueSelected.connect(lambda name: self.add_to_group(contacts, name))
        dialog.open()

    def _row_menu(self, position):
        index = self.contact_list.indexAt(position)
        if index.isValid() and not self.contact_list.selectionModel().isSelected(index):
            self.contact_list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        contacts = self.selected_contacts()
        menu = QMenu(self)
        if contacts:
            menu.addAction(self.edit_action)
            starred = all(c.get("starred") for c in contacts)
            menu.addAction(self.tr("Unstar") if starred else self.tr("Star"), self.star_selected)
            add, remove = menu.addMenu(self.tr("Add to group")), menu.addMenu(self.tr("Remove from group"))
            self._fill_add_group_menu(add)
            self._fill_remove_group_menu(remove)
            menu.addSeparator()
            menu.addAction(self.tr("Export contact…") if len(contacts) == 1
                           else self.tr("Export %n contacts…", "", len(contacts)), self.export_selected)
            if len(contacts) == 1:
                menu.addAction(self.share_vcard_action)
                menu.addAction(self.share_qr_action)
            if len(contacts) == 2:
                menu.addAction(self.tr("Merge these two…"), lambda: self.show_duplicates(contacts))
            menu.addSeparator()
            menu.addAction(self.delete_action)
        else:
            menu.addAction(self.new_action)
        self.row_menu = menu
        menu.popup(self.contact_list.viewport().mapToGlobal(position))

    def delete_selected(self):
        contacts = self.selected_contacts()
        if not contacts:
            return
        deleted = {c["id"] for c in contacts}
        after = self._contacts_beside(deleted)
        self.session.delete_contacts(contacts, then=lambda: self._select_beside(deleted, after))
        what = f"'{contacts[0]['name']}'" if len(contacts) == 1 else self.tr("%n contacts", "", len(contacts))
        self._show_message(self.tr("Deleting {0} — Ctrl+Z brings it back").format(what))

    def _contacts_beside(self, deleted):
        """The ids of the contacts that take the place of the selected rows ``deleted``: the
        first row after the last of them, else the nearest before it (as in Thunderbird or
        Evolution, so Del, Del, Del deletes one contact after another)."""
        selected = [index.row() for index in self.contact_list.selectionModel().selectedRows()]
        if not selected:
            return []
        last, rows = max(selected), self.proxy.rowCount()
        # near rows only: a big book's far rows are placeholders, and a million would be slow
        order = [*range(last + 1, min(rows, last + 1 + BESIDE_ROWS)), *range(last - 1, max(-1, last - 1 - BESIDE_ROWS), -1)]
        beside = []
        for row in order:
            contact_id = self.proxy.index(row, 0).data(IdRole)   # None: a big book's row still loading
            if contact_id is not None and contact_id not in deleted:
                beside.append(contact_id)
                if len(beside) == 2:   # the next one, and another should that one be gone too
                    break
        return beside

    def _select_beside(self, deleted, beside):
        """After this window's delete: select the contact that took the deleted ones' place,
        unless the user chose another meanwhile (a deletion made elsewhere never comes here)."""
        if any(c["id"] not in deleted for c in self.selected_contacts()):
            return
        for contact_id in beside:
            if self.select_contact(contact_id):
                return

    # -- other windows -------------------------------------------------------------------------
    def show_duplicates(self, pair=None):
        """The duplicates dialog; ``pair``: two contacts the user chose to merge, shown first."""
        from .duplicates import DuplicatesDialog
        if self.duplicates_dialog is not None:
            self.duplicates_dialog.close()
            self.duplicates_dialog.deleteLater()
        self.duplicates_dialog = DuplicatesDialog(self, pair if pair else None)
        self.duplicates_dialog.show()
        self.duplicates_dialog.raise_()
        return self.duplicates_dialog

    def show_trash(self):
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.session, self)
        self.trash_dialog.show()
        self.trash_dialog.raise_()

    def show_settings(self):
        dialog = SettingsDialog(*self.name_server, region=self.session.region or "",
                                vcard_version=self.vcard_version, theme=self.theme,
                                language=str(self.settings.value("ui/language") or "system"), parent=self)
        dialog.accepted.connect(lambda: (self.use_region(dialog.region()), self.use_name_server(*dialog.address()),
                                         self.use_export_settings(dialog.vcard_version()),
                                         self.use_theme(dialog.theme()),
                                         self.settings.setValue("ui/language", dialog.language())))
        self.settings_dialog = dialog
        dialog.open()

    @property
    def vcard_version(self):
        """The vCard version File → Export writes unless its dialog is told otherwise."""
        version = str(self.settings.value("export/vcard_version") or "3.0")
        return version if version in ("3.0", "4.0") else "3.0"

    def use_export_settings(self, vcard_version):
        self.settings.setValue("export/vcard_version", vcard_version)

    @property
    def theme(self):
        theme = str(self.settings.value("ui/theme") or "system")
        return theme if theme in ("system", "light", "dark") else "system"

    def use_theme(self, theme):
        """Light, dark or as the system, at once and next time."""
        from PyQt5.QtWidgets import QApplication
        from ..theme import ThemeSwitcher
        self.settings.setValue("ui/theme", theme)
        app = QApplication.instance()
        switcher = getattr(app, "contacts_theme", None)
        if switcher is None:
            switcher = app.contacts_theme = ThemeSwitcher(app)
        switcher.apply(theme)

    def use_region(self, region):
        """The region numbers without +country code are read in, from now on and next time."""
        if region == (self.session.region or ""):
            return
        self.session.region = region or None
        self.settings.setValue("contacts/region", region or "none")
        self._show_message(self.tr("Phone numbers without +country code are now read in {0}").format(region) if region else
                           self.tr("Phone numbers without +country code are now kept as typed, unchecked"), important=True)

    def use_name_server(self, host, port):
        if (host, port) == self.name_server:
            return
        self.name_server = (host, port)
        self.settings.setValue("nameserver/host", host)
        self.settings.setValue("nameserver/port", port)
        if self.client_factory_for is not None:
            self.session.reconnect(self.client_factory_for(host, port))
        self._show_message(self.tr("Using the name server at {0}:{1}").format(host, port), important=True)

    def import_contacts(self, path=None):
        from .transfer import import_contacts
        return import_contacts(self, path or None)

    def export_contacts(self, path=None, fmt=None, vcard_version=None, csv_style=None):
        from .transfer import export_contacts
        return export_contacts(self, path or None, fmt, vcard_version, csv_style)

    def export_selected(self, path=None, fmt=None):
        contacts = self.selected_contacts()
        if not contacts:
            self._show_message(self.tr("Select the contacts to export first (Ctrl+A selects them all)"))
            return None
        from .transfer import export_contacts
        return export_contacts(self, path or None, fmt, contacts=contacts)

    def share_vcard(self, path=None):
        contact = self.current_contact()
        if contact is None:
            return None
        from .share import share_vcard
        return share_vcard(self, contact, path or None)

    def share_qr(self):
        contact = self.current_contact()
        if contact is None:
            return None
        from .share import show_qr
        return show_qr(self, contact)

    # -- settings ------------------------------------------------------------------------------
    def _restore_settings(self):
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1000, 660)
            self.resizeDocks([self.cluster_panel], [150], Qt.Vertical)
            # someone who wants a phone number needs no replica table: the status bar says how
            # the cluster is, and View → Cluster (Ctrl+K) or a click on it shows the panel
            self.cluster_panel.hide()
            self.splitter.setSizes([180, 360, 460])
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        order = str(self.settings.value("list/order") or "first")
        self.set_order(order if order in self.sort_actions else "first", remember=False)
        splitter = self.settings.value("window/panes")   # sidebar, list, details
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_settings(self):
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/panes", self.splitter.saveState())
        self.settings.setValue("nameserver/host", self.name_server[0])
        self.settings.setValue("nameserver/port", self.name_server[1])
        self.settings.sync()

    def dragEnterEvent(self, event):
        from .import_preview import drag_enter
        drag_enter(self, event)

    def dragMoveEvent(self, event):
        from .import_preview import importable_paths
        event.acceptProposedAction() if importable_paths(event.mimeData()) else event.ignore()

    def dropEvent(self, event):
        from .import_preview import drop
        drop(self, event)

    def showEvent(self, event):
        super().showEvent(event)
        if not self._focus_placed:
            # the window opens in the list, not in the sidebar (first in the Tab order, which Qt
            # picks on activation): arrows walk the contacts and a name typed at once goes to the
            # search. Seen under Xvfb: Down and Delete on a fresh window moved the sidebar to
            # Starred and deleted nothing. (setFocus before the first show is not kept.)
            self._focus_placed = True
            self.contact_list.setFocus(Qt.OtherFocusReason)

    def closeEvent(self, event):
        pending = self.session.pending_actions
        if pending and not self._quit_anyway:
            # a change still waiting for a replica would be lost: ask (without blocking the loop)
            event.ignore()
            box = QMessageBox(QMessageBox.Warning, self.tr("Changes not saved yet"),
                              self.tr("%n change(s) still wait for a replica to answer. Quit anyway and "
                                      "lose them?", "", pending),
                              QMessageBox.Discard | QMessageBox.Cancel, self)
            box.button(QMessageBox.Discard).setText(self.tr("Quit anyway"))
            box.setDefaultButton(QMessageBox.Cancel)
            self.message_box = box

            def answered(button):
                if box.buttonRole(button) == QMessageBox.DestructiveRole:
                    self._quit_anyway = True
                    self.close()
            box.buttonClicked.connect(answered)
            box.open()
            return
        self.save_settings()
        self.session.close()
        super().closeEvent(event)
