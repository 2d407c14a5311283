"""The GUI-thread side of the window's link to the cluster: models, undo stack, polling and writes.

A :class:`Session` owns the service lane (the thread that owns the client), the
item models the views show, and the undo stack.  Views call its methods and
listen to its signals; they never touch the client.  Everything here runs on the
GUI thread; what runs on the lane is a job handed to it (the writes below, and
:class:`~contacts.gui.book_reader.BookReader`, which reads the book for each poll).

Live updates: a timer asks the lane for a snapshot (contacts, cluster status,
the trash when it is open) every second; the reader returns it as a plain dict and
the session applies it (:meth:`ContactTableModel.apply_snapshot` diffs it in).
Only one poll is ever queued, so a slow or dead cluster never piles them up.

Big books (over ``large_book`` contacts, 5,000 by default): the table shows
:class:`PagedBookModel` instead: as many rows as the book has, of which only the pages
near the view are held (500 rows each, 4 pages at most); the polls read the pages the
view moved to and, when the replica's version vector changes, re-read the held pages
(one call per page) and the total. A search then runs on the replica and its answer is
shown in the ContactTableModel.
"""
import collections
import time

from PyQt5.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal
from PyQt5.QtWidgets import QUndoStack

from ..config import Settings
from ..errors import ContactsError
from ..model import EMPTY, FIELDS, new_contact_id
from .book_reader import LARGE_BOOK, MAX_ROWS_PER_CALL, PAGE_SIZE, BookReader
from .commands import (AddContactCommand, DeleteContactsCommand, EditContactCommand, EditContactsCommand,
                       RestoreContactsCommand, describe)
from .models import ClusterModel, ContactTableModel, PagedBookModel
from .workers import POLL, ServiceLane, is_unavailable

POLL_INTERVAL_MS = 1000


class EditConflict(Exception):
    """The contact changed on the cluster after the dialog opened, in a field the user changed too."""

    def __init__(self, current, fields):
        self.current = current  # the contact as it is now, None if it was deleted
        self.fields = fields
        what = "was deleted" if current is None else f"changed ({', '.join(fields)})"
        super().__init__(f"the contact {what} since you opened it")


def _ids_of(command):
    """The contacts an undo step acts on (the commands of commands.py and merging.py)."""
    ids = {c["id"] for c in getattr(command, "contacts", ())}
    for name in ("contact_id", "keep_id"):
        if getattr(command, name, None):
            ids.add(getattr(command, name))
    for name in ("contact", "drop"):
        if getattr(command, name, None):
            ids.add(getattr(command, name)["id"])
    ids.update(edit[0] for edit in getattr(command, "edits", ()))
    return ids


def describe_error(exc):
    if is_unavailable(exc):
        return QCoreApplication.translate("Session", "No replica could be reached: {0}").format(exc)
    if isinstance(exc, (ContactsError, ValueError, LookupError, TypeError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class Session(QObject):
    #: permanent status: (text, state) with state one of connecting / ok / degraded / down
    statusChanged = pyqtSignal(str, str)
    #: a passing message for the status bar: (text, important); important ones are about
    #: the cluster (failover, every replica down) and must not be hidden by routine ones
    message = pyqtSignal(str, bool)
    #: a write failed: (title, explanation)
    errorOccurred = pyqtSignal(str, str)
    #: user actions queued or running on the lane
    pendingChanged = pyqtSignal(int)
    #: the replica in use changed: (replica id or None)
    replicaChanged = pyqtSignal(object)
    #: the book crossed LARGE_BOOK: True while the window holds pages and searches on the replica
    pagedChanged = pyqtSignal(bool)
    #: the table now shows another model (``table_model``): the whole book, a big book's
    #: pages, or a big book's search answer
    tableModelChanged = pyqtSignal()
    #: a contact changed or was deleted, whichever model holds it (or none: the contact
    #: open in the edit dialog, see watch_contact)
    contactChanged = pyqtSignal(str, dict)
    contactRemoved = pyqtSignal(str)
    #: this window's own write (add, edit, restore, an undo or redo) shows a contact (its id):
    #: the window selects it once the table holds it
    contactWritten = pyqtSignal(str)
    #: the replica's counts changed (``counts``: {"all", "starred", "deleted", "groups"})
    countsChanged = pyqtSignal()

    def __init__(self, client_factory, parent=None, poll_interval_ms=POLL_INTERVAL_MS, region=None,
                 large_book=LARGE_BOOK, page_size=PAGE_SIZE):
        super().__init__(parent)
        self.large_book = min(large_book, MAX_ROWS_PER_CALL)
        self.page_size = min(page_size, MAX_ROWS_PER_CALL)
        # None: CONTACTS_DEFAULT_REGION, else the locale's country; "": none (the user chose so)
        self.region = Settings.from_env().default_region if region is None else region
        #: the whole book while it is small; a big book's search answer
        self.contacts = ContactTableModel(self)
        #: a big book: every row, the pages near the view held
        self.book = PagedBookModel(self.page_size, self)
        self.book.pagesWanted.connect(self.poll)
        #: the order of the list (contacts.name_order): "first" or "last", starred first in both;
        #: a big book's pages are read in it, a small book is sorted by it in the window
        self.order = "first"
        #: the replica's counts for the sidebar, None until read (or from an older replica)
        self.counts = None
        for model in (self.contacts, self.book):
            model.contactChanged.connect(self.contactChanged)
            model.contactRemoved.connect(self.contactRemoved)
        self._showing = self.contacts
        self.paged = False
        self.trash = ContactTableModel(self)
        self.cluster = ClusterModel(self)
        self.undo_stack = QUndoStack(self)
        self.reachable = None          # None until the first answer or failure
        self.current_replica = None    # (replica id, uri)
        #: {origin replica: n} of this window's saved changes no reachable replica holds
        self.unreplicated = {}
        self._chosen_replica = None    # the replica the user asked for, until the client moves there
        self.status_text, self.status_state = self.tr("Connecting to the cluster…"), "connecting"
        self.polls_done = 0
        self.history = collections.deque(maxlen=50)   # (time, message): the status item's tooltip
        self._trash_watchers = 0
        self._poll_job = None
        self._lane = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll)
        self._start_lane(client_factory)

    # -- life cycle --------------------------------------------------------------
    def _start_lane(self, client_factory):
        self._lane = ServiceLane(client_factory, self)
        self._lane.clientEvent.connect(self._on_client_event)
        self._lane.pendingChanged.connect(self.pendingChanged)
        self._lane.jobWaiting.connect(self._on_waiting)
        self._poll_job = None
        self._poll_again = False   # asked for while one ran (the view wants pages, a write)
        self.reader = BookReader(self.large_book, self.page_size)   # runs the polls on the lane
        self._watched = None       # the id of the contact open in the edit dialog
        self._remote_query = ""    # the search sent to the replica in paged mode
        self._remote_scope = ("all", None)   # the sidebar's choice, read from the replica in paged mode
        self._show(self.contacts)
        self.book.clear()
        if self.paged:
            self.paged = False
            self.pagedChanged.emit(False)

    def start(self):
        self._timer.start()
        self.poll()

    def reconnect(self, client_factory):
        """Use another cluster (the settings dialog changed the name server)."""
        self._lane.stop(wait=0)
        self._lane.deleteLater()
        self.undo_stack.clear()  # its commands name contacts of the old cluster
        self.current_replica = None
        self.reachable = None
        self._set_status(self.tr("Connecting to the cluster…"), "connecting")
        self._start_lane(client_factory)
        self.poll()

    def close(self):
        self._timer.stop()
        self._lane.stop(wait=0.5)

    @property
    def pending_actions(self):
        return self._lane.pending_actions

    @property
    def table_model(self):
        """The model the contact table shows (see tableModelChanged)."""
        return self._showing

    @property
    def total(self):
        """How many contacts a big book has (None while the book is small: all are held)."""
        return self.book.rowCount() if self.paged else None

    def _show(self, model):
        if model is not self._showing:
            self._showing = model
            self.tableModelChanged.emit()

    # -- polling -----------------------------------------------------------------
    def watch_trash(self, watching):
        self._trash_watchers += 1 if watching else -1
        if watching:
            self.poll()

    def poll(self):
        if self._poll_job is not None:
            self._poll_again = True   # right after this one, which may not cover what is new
            return
        self._poll_again = False
        request = self.reader.request(self._remote_query, self._watched, self._trash_watchers > 0,
                                      self.book.wanted_pages(),   # held ones, and the ones the view moved to
                                      self.book.missing_pages(), self.order, self._remote_scope)
        reader = self.reader   # this lane's: a reconnect starts another
        self._poll_job = self._lane.submit(lambda client: reader.read(client, request),
                                           self._poll_done, self._poll_failed, priority=POLL)

    def _poll_done(self, snapshot):
        self._poll_job = None
        self.polls_done += 1
        # the search or the order changed meanwhile
        stale = (snapshot["query"], snapshot["order"], snapshot["scope"]) != (
            self._remote_query, self.order, self._remote_scope)
        if not stale:
            self._apply_read(snapshot)
        if snapshot["counts"] is not None and snapshot["counts"] != self.counts:
            self.counts = snapshot["counts"]
            self.countsChanged.emit()
        if snapshot["watched"] is not None and snapshot["watched"][0] == self._watched:
            self._announce(*snapshot["watched"])
        if snapshot["deleted"] is not None:
            self.trash.apply_snapshot(snapshot["deleted"])
        current = snapshot["current"]
        self.cluster.set_status(snapshot["status"], current[0] if current else None)
        self.reachable = True
        self._note_replica(current)
        self._refresh_status()
        if stale:
            self._forget_last_read()   # never applied
            self.poll()
        elif self._poll_again or (self.paged and not self._shows_answer() and self.book.missing_pages()):
            self.poll()   # the view moved on meanwhile: its pages now, not in a second

    def _forget_last_read(self):
        """What the lane read was not shown: the next poll reads and sends it all."""
        self.reader.forget()

    def _apply_read(self, snapshot):
        total, contacts = snapshot["total"], snapshot["contacts"]
        was_paged, self.paged = self.paged, total is not None
        if not self.paged:
            if contacts is not None:
                self.contacts.apply_snapshot(contacts)
            self._show(self.contacts)
            if was_paged:
                self.book.clear()
        else:
            self.book.refresh(total, snapshot["pages"])
            if snapshot["query"] or snapshot["scope"][0] != "all":
                if contacts is not None:
                    # a search answer is only part of the book: rows missing from it are not deletions
                    self.contacts.apply_snapshot(contacts, window=True)
                self._show(self.contacts)
            else:
                self._show(self.book)
                if not was_paged:
                    self.contacts.apply_snapshot([], window=True)   # the small book's rows: not needed now
        if was_paged != self.paged:
            self.pagedChanged.emit(self.paged)

    # -- big books: the contact in the dialog, replica search ---------------------------
    def _announce(self, contact_id, contact):
        """The contact open in the dialog, read by itself (None: deleted)."""
        if self.paged and self.contacts.contact(contact_id) is None:
            self.book.announce(contact_id, contact)
        else:
            self.contacts.announce(contact_id, contact)

    def watch_contact(self, contact_id):
        """The edit dialog is open on ``contact_id`` (None: closed): its changes and its
        deletion must reach the dialog even when a big book does not hold its row."""
        self._watched = contact_id

    def set_order(self, order):
        """List by "first" or "last" name: a big book drops its pages (they are in the other
        order) and reads the ones in view again."""
        if order == self.order:
            return
        self.order = order
        if self.paged:
            self.book.drop_pages()
        self.poll()

    @property
    def remote_query(self):
        return self._remote_query

    def _shows_answer(self):
        """A big book shows an answer (a search, Starred or a group), not its pages."""
        return bool(self._remote_query) or self._remote_scope[0] != "all"

    def search_remote(self, text, scope=None):
        """Big books: show the replica's answer to ``text`` and ``scope`` (the sidebar's choice:
        ("starred", None), ("group", name); None: unchanged), the first pages again when neither."""
        text = text.strip()
        scope = self._remote_scope if scope is None else tuple(scope)
        if (text, scope) == (self._remote_query, self._remote_scope):
            return
        self._remote_query, self._remote_scope = text, scope
        if not self._shows_answer() and self.paged:
            self._show(self.book)   # its pages at once; the poll re-reads them
        self.poll()

    def _poll_failed(self, exc):
        self._poll_job = None
        self.polls_done += 1
        # it may have read a change before failing (the replica died mid-poll): read it all
        # again next time, even if the next replica's version vector is the same
        self._forget_last_read()
        if is_unavailable(exc):
            self._went_down(exc)
        else:
            self._tell(self.tr("Refreshing failed: {0}").format(describe_error(exc)), important=True)

    def _went_down(self, exc):
        if self.reachable is not False:
            self._tell(self.tr("Lost contact with every replica; retrying…"), important=True)
        self.reachable = False
        self.current_replica = None
        self.cluster.set_unreachable()
        self._set_status(self.tr("No replica reachable — retrying every second"), "down")

    def _on_client_event(self, event):
        if event.get("type") == "replica":
            self._note_replica((event.get("replica_id"), event.get("uri")))
            self._refresh_status()
        elif event.get("type") == "unavailable":
            self._went_down(event.get("error", "no replica answered"))
        elif event.get("type") == "unreplicated":
            self._note_unreplicated(event.get("missing") or {})

    def _note_unreplicated(self, missing):
        """The client reads without some of this window's saved changes: the replica holding
        them died before passing them on (ContactsClient.unreplicated).  Say so, not silence."""
        had, self.unreplicated = self.unreplicated, dict(missing)
        where = ", ".join(self.tr("replica {0}").format(origin) for origin in sorted(self.unreplicated))
        if self.unreplicated:
            count = sum(self.unreplicated.values())
            self._tell(self.tr("%n saved change(s) only on {0}, which is down: not shown until it is back "
                               "(nothing is lost)", "", count).format(where), important=True)
        elif had:
            self._tell(self.tr("Every saved change is shown again"), important=True)
        self._refresh_status()

    def use_replica(self, replica_id):
        """The user chose a replica (the cluster panel): the client moves there and prefers it."""
        if self.current_replica is not None and self.current_replica[0] == replica_id:
            return
        self._chosen_replica = replica_id

        def failed(exc):
            self._chosen_replica = None
            self._tell(self.tr("Cannot use replica {0}: {1}").format(replica_id, describe_error(exc)), important=True)
        self._lane.submit(lambda client: client.use_replica(replica_id), lambda _: self.poll(), failed,
                          priority=POLL)

    def _note_replica(self, current):
        previous = self.current_replica
        if current is None or (previous is not None and previous[0] == current[0]):
            return
        self.current_replica = tuple(current)
        chosen, self._chosen_replica = self._chosen_replica, None
        if chosen == current[0]:
            self._tell(self.tr("Now using replica {0}, as chosen").format(current[0]), important=True)
        elif previous is not None:
            self._tell(self.tr("Replica {0} stopped answering — now using replica {1}").format(previous[0], current[0]),
                       important=True)
        elif self.reachable is False:
            self._tell(self.tr("Back in touch: using replica {0}").format(current[0]), important=True)
        self.replicaChanged.emit(current[0])

    def _refresh_status(self):
        if self.current_replica is None:
            return
        rows = self.cluster.rows()
        alive, total = self.cluster.alive_count(), len(rows)
        text = self.tr("Replica {0}").format(self.current_replica[0])
        if total:
            text += self.tr(" · {0} of {1} alive").format(alive, total)
        state = "ok" if alive == total else "degraded"
        if self.unreplicated:
            text += self.tr(" · %n saved change(s) not shown", "", sum(self.unreplicated.values()))
            state = "degraded"
        self._set_status(text, state)

    def _tell(self, text, important=False):
        self.history.append((time.time(), text))
        self.message.emit(text, important)

    def _set_status(self, text, state):
        if (text, state) != (self.status_text, self.status_state):
            self.status_text, self.status_state = text, state
            self.statusChanged.emit(text, state)

    def _on_waiting(self, job_id, description, error):
        self._went_down(error)
        if description:
            self._tell(self.tr("{0}: waiting for a replica…").format(description), important=True)

    # -- writes ------------------------------------------------------------------
    def _show_written(self, contact, select=True):
        """A write's answer, shown at once in a held row; a big book re-reads its pages for
        where the contact now stands (it may have moved in or out of them). ``select``: the
        window selects it (not the contact an undone merge brings back: the kept one is)."""
        if not self.paged:
            self.contacts.upsert(contact)
        else:
            self.book.upsert(contact)
            if self.contacts.contact(contact["id"]) is not None:
                self.contacts.upsert(contact)
            self.poll()
        if select:
            self.contactWritten.emit(contact["id"])

    def _show_deleted(self, contact_id):
        if not self.paged or self.contacts.contact(contact_id) is not None:
            self.contacts.remove(contact_id)   # tells the detail pane and the dialog
        else:
            self.book.announce(contact_id, None)
        if self.paged:
            # a big book's row goes when the poll re-reads its page (the rows after it move up)
            self.poll()

    def _write(self, job, on_done, description, on_error=None):
        def failed(exc):
            if on_error is not None and on_error(exc):
                return
            self.errorOccurred.emit(self.tr("{0} failed").format(description), describe_error(exc))
        return self._lane.submit(job, on_done, failed, description=description)

    def add_contact(self, fields):
        """Add a contact; the id is chosen here so that a retried add never adds twice."""
        contact = {f: fields[f] for f in FIELDS if f in fields}
        contact["id"] = new_contact_id()
        description = self.tr("Add {0}").format(describe([contact]))

        def done(stored):
            self._show_written(stored)
            self.undo_stack.push(AddContactCommand(self, stored))
            self._tell(self.tr("Added {0}").format(describe([stored])))
        return self._write(lambda client: client.add_contact(contact), done, description)

    def save_edit(self, contact_id, base, fields, on_conflict=None, force=False):
        """Send the fields the user changed relative to ``base`` (the version the dialog showed).

        Before writing, the lane re-reads the contact: if someone else changed one of
        those same fields meanwhile (or deleted the contact), ``on_conflict(EditConflict)``
        decides instead of overwriting silently; ``force=True`` overwrites.
        """
        # a field the base lacks (a contact from before a field existed) counts as its empty value
        changes = {f: fields[f] for f in FIELDS if f in fields and fields[f] != base.get(f, EMPTY[f])}
        name = fields.get("name") or base.get("name", "")
        if not changes:
            self._tell(self.tr("Nothing changed"))
            return None

        def job(client):
            try:
                current = client.get_contact(contact_id)
            except LookupError:
                current = None
            if current is None:
                if not force:
                    raise EditConflict(None, sorted(changes))
                current = client.restore_contact(contact_id)
            clashes = [f for f in changes if current.get(f) != base.get(f) and current.get(f) != changes[f]]
            if clashes and not force:
                raise EditConflict(current, clashes)
            before = {f: current.get(f) for f in changes}
            return client.update_contact(contact_id, changes), before

        def done(result):
            stored, before = result
            self._show_written(stored)
            self.trash.remove(contact_id)
            self.undo_stack.push(EditContactCommand(self, contact_id, name, before, changes))
            self._tell(self.tr("Saved '{0}'").format(name))

        def conflict(exc):
            if isinstance(exc, EditConflict) and on_conflict is not None:
                exc.changes = changes
                exc.retry = lambda: self.save_edit(contact_id, base, fields, on_conflict, force=True)
                on_conflict(exc)
                return True
            return False
        return self._write(job, done, self.tr("Save '{0}'").format(name), conflict)

    def delete_contacts(self, contacts, then=None):
        """Move ``contacts`` to the trash, undone as one step; ``then()`` once the list no
        longer shows them (the window selects the contact that took their place)."""
        contacts = [dict(c) for c in contacts]
        if contacts:
            def done():
                self.undo_stack.push(DeleteContactsCommand(self, contacts))
                if then is not None:
                    then()
            self.delete_now(contacts, self.tr("Delete {0}").format(describe(contacts)), then=done)

    def restore_contacts(self, contacts):
        contacts = [dict(c) for c in contacts]
        if contacts:
            self.restore_now(contacts, self.tr("Restore {0}").format(describe(contacts)),
                             then=lambda: self.undo_stack.push(RestoreContactsCommand(self, contacts)))

    def purge_contacts(self, contacts):
        """Delete contacts in the trash forever, on every replica: no undo (the window asks first)."""
        ids = [c["id"] for c in contacts]
        if not ids:
            return None
        description = self.tr("Delete forever {0}").format(describe([dict(c) for c in contacts]))

        def job(client):
            for contact_id in ids:
                try:
                    client.purge_contact(contact_id)
                except LookupError:
                    pass   # already gone
            return ids

        def done(_):
            for contact_id in ids:
                self.trash.remove(contact_id)
            self._forget_undo_of(set(ids))
            self._tell(self.tr("{0}: done").format(description))
        return self._write(job, done, description)

    def empty_trash(self):
        """Purge every contact in the trash (the replica's whole trash, not only what is shown)."""
        description = self.tr("Empty the trash")
        # what may be in the trash: what it shows, and what this window's deletes and merges put there
        trashed = {c["id"] for c in self.trash.contacts()} | {
            contact_id for command in self._commands() if isinstance(command, DeleteContactsCommand)
            for contact_id in _ids_of(command)} | {
            command.drop["id"] for command in self._commands() if hasattr(command, "drop")}

        def done(count):
            for contact in self.trash.contacts():
                self.trash.remove(contact["id"])
            self._forget_undo_of(trashed)
            self._tell(self.tr("Trash emptied: %n contact(s) deleted forever", "", count))
        return self._write(lambda client: client.empty_trash(), done, description)

    def _commands(self):
        return [self.undo_stack.command(i) for i in range(self.undo_stack.count())]

    def _forget_undo_of(self, purged):
        """A contact deleted forever cannot come back: when an undo step would need it, every
        step goes (QUndoStack can only be cleared whole, and undo walks it in one line, so the
        steps before that one could not be reached anyway). Without this Edit → Undo still offered
        "Undo Delete 'Grace Hopper'" and failed with "no contact with id 'grace'"."""
        if any(_ids_of(command) & purged for command in self._commands()):
            self.undo_stack.clear()

    # the plain writes, used by the commands' undo/redo too
    def delete_now(self, contacts, description, then=None):
        ids = [c["id"] for c in contacts]

        def job(client):
            for contact_id in ids:
                try:
                    client.delete_contact(contact_id)
                except LookupError:
                    pass  # already gone: what the user wanted holds
            return ids

        def done(_):
            for contact in contacts:
                self._show_deleted(contact["id"])
                self.trash.upsert(dict(contact, deleted=True))
            if then is not None:
                then()
            self._tell(self.tr("{0}: done").format(description))
        return self._write(job, done, description)

    def restore_now(self, contacts, description, then=None):
        ids = [c["id"] for c in contacts]

        def done(restored):
            for contact in restored:
                self._show_written(contact)
                self.trash.remove(contact["id"])
            if then is not None:
                then()
            self._tell(self.tr("{0}: done").format(description))
        return self._write(lambda client: [client.restore_contact(i) for i in ids], done, description)

    def update_now(self, contact_id, changes, description):
        def done(stored):
            self._show_written(stored)
            self._tell(self.tr("{0}: done").format(description))
        return self._write(lambda client: client.update_contact(contact_id, changes), done, description)

    def edit_many(self, edits, description):
        """One change to several contacts (star, add to a group), undone as one step.

        ``edits``: [(contact, changes, inverse)]: the fields to send and what sending undoes
        it (a group added as ``{"groups": {"add": [g]}}`` is undone by removing just that
        group, leaving the groups others changed meanwhile alone). A contact deleted meanwhile
        is passed over."""
        edits = [(c["id"], changes, inverse) for c, changes, inverse in edits if changes]
        if not edits:
            self._tell(self.tr("Nothing changed"))
            return None

        def done(done_edits):
            for stored, _ in done_edits:
                self._show_written(stored)
            if done_edits:
                self.undo_stack.push(EditContactsCommand(self, [edit for _, edit in done_edits], description))
            self._tell(self.tr("{0}: done").format(description))
        return self._write(lambda client: self._update_each(client, edits), done, description)

    @staticmethod
    def _update_each(client, edits):
        """On the lane: [(stored contact, (id, changes, inverse))] of the updates that took."""
        done = []
        for edit in edits:
            try:
                done.append((client.update_contact(edit[0], edit[1]), edit))
            except LookupError:
                pass   # deleted meanwhile: nothing to change
        return done

    def update_many_now(self, updates, description):
        """[(contact id, changes)] sent one after the other (the undo and redo of edit_many)."""
        def done(done_edits):
            for stored, _ in done_edits:
                self._show_written(stored)
            self._tell(self.tr("{0}: done").format(description))
        edits = [(contact_id, changes, None) for contact_id, changes in updates]
        return self._write(lambda client: self._update_each(client, edits), done, description)

    def submit(self, job, on_done=None, on_error=None, description=""):
        """Run any other job on the lane (import, export)."""
        return self._lane.submit(job, on_done, on_error, description=description)

    def read(self, job, on_done=None, on_error=None):
        """A background read (photos): behind the user's actions, not counted as a pending
        change, and not held while no replica answers (it fails, the caller asks again later)."""
        return self._lane.submit(job, on_done, on_error, priority=POLL)
