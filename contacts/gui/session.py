"""The window's link to the cluster: models, undo stack, polling and writes.

A :class:`Session` owns the service lane (the thread that owns the client), the
item models the views show, and the undo stack.  Views call its methods and
listen to its signals; they never touch the client.

Live updates: a timer asks the lane for a snapshot (contacts, cluster status,
the trash when it is open) every second; :meth:`ContactTableModel.apply_snapshot`
diffs it in.  Only one poll is ever queued, so a slow or dead cluster never
piles them up.

Big books (over ``large_book`` contacts, 5,000 by default): listing everything costs the
replica ~20 s and ~500 MB at 100,000, so the window holds only the pages the view asked
for (500 rows each, first ones at start, the next when the table is scrolled to its last
row) and the total, searches on the replica, and re-reads the held pages when the
replica's version vector changes.
"""
import collections
import time

from PyQt5.QtCore import QObject, QTimer, pyqtSignal
from PyQt5.QtWidgets import QUndoStack

from ..config import Settings
from ..errors import ContactsError
from ..model import FIELDS, new_contact_id
from .commands import AddContactCommand, DeleteContactsCommand, EditContactCommand, RestoreContactsCommand
from .models import ClusterModel, ContactTableModel
from .workers import POLL, ServiceLane, is_unavailable

POLL_INTERVAL_MS = 1000
#: above this many contacts the window holds pages, not the whole book, and searches on the
#: replica: a full listing costs ~20 s and ~500 MB in the replica at 100,000 contacts
LARGE_BOOK = 5000
#: rows per page; a page costs the replica a few ms at 100,000 contacts
PAGE_SIZE = 500
#: most matches a replica search brings back (the rest is reached by typing more)
SEARCH_LIMIT = 500


class EditConflict(Exception):
    """The contact changed on the cluster after the dialog opened, in a field the user changed too."""

    def __init__(self, current, fields):
        self.current = current  # the contact as it is now, None if it was deleted
        self.fields = fields
        what = "was deleted" if current is None else f"changed ({', '.join(fields)})"
        super().__init__(f"the contact {what} since you opened it")


def describe_error(exc):
    if is_unavailable(exc):
        return f"No replica could be reached: {exc}"
    if isinstance(exc, (ContactsError, ValueError, LookupError, TypeError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _name(contacts):
    return f"'{contacts[0].get('name', '')}'" if len(contacts) == 1 else f"{len(contacts)} contacts"


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

    def __init__(self, client_factory, parent=None, poll_interval_ms=POLL_INTERVAL_MS, region=None,
                 large_book=LARGE_BOOK, page_size=PAGE_SIZE):
        super().__init__(parent)
        self.large_book, self.page_size = large_book, page_size
        self.region = region or Settings.from_env().default_region
        self.contacts = ContactTableModel(self)
        self.trash = ContactTableModel(self)
        self.cluster = ClusterModel(self)
        self.undo_stack = QUndoStack(self)
        self.reachable = None          # None until the first answer or failure
        self.current_replica = None    # (replica id, uri)
        self.status_text, self.status_state = "Connecting to the cluster…", "connecting"
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
        self._last_listing = {}    # the lane's last contact listing (touched on the lane only)
        self._watched = None       # the id of the contact open in the edit dialog
        self.paged = False         # a big book: pages and replica search (see poll)
        self._remote_query = ""    # the search sent to the replica in paged mode
        self._wanted = self.page_size   # rows from the top the paged window holds (read on the lane)
        self.contacts.set_paging(None, None)

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
        self._set_status("Connecting to the cluster…", "connecting")
        self._start_lane(client_factory)
        self.poll()

    def close(self):
        self._timer.stop()
        self._lane.stop(wait=0.5)

    @property
    def pending_actions(self):
        return self._lane.pending_actions

    # -- polling -----------------------------------------------------------------
    def watch_trash(self, watching):
        self._trash_watchers += 1 if watching else -1
        if watching:
            self.poll()

    def poll(self):
        if self._poll_job is not None:
            return
        with_trash = self._trash_watchers > 0
        query = self._remote_query
        watched = self._watched
        last = self._last_listing

        def snapshot(client):
            # most polls find nothing new, and a ping (one round trip) says so: its version
            # vector is unchanged. Listing everything instead costs the replica ~2 s of CPU
            # at 10,000 contacts (docs/benchmarks.md). Read before the listing, the vector
            # never claims more than the listing holds, so no change is ever skipped.
            vector = client.ping().get("vector")
            watched_now = None
            wanted = self._wanted   # grows as the view fetches pages (set on the GUI thread)
            key = (vector, query)   # pages fetched since hold no news: no re-read for them
            if vector is not None and key == last.get("key") and "contacts" in last:
                contacts, total, unchanged = last["contacts"], last["total"], True
            else:
                contacts, total = self._read_contacts(client, query, wanted, last.get("total", "unknown"))
                if total is not None and watched is not None:
                    # a big book holds only some rows: read the contact open in the dialog
                    # itself, so that it leaving the held rows is not taken for a delete
                    try:
                        watched_now = (watched, client.get_contact(watched))
                    except LookupError:
                        watched_now = (watched, None)
                # compare here, off the GUI thread, and send nothing when nothing changed
                unchanged = contacts == last.get("contacts") and total == last.get("total")
                last.update(contacts=contacts, total=total, key=key)
            status = client.cluster_status()
            deleted = client.list_deleted() if with_trash else None
            return {"contacts": None if unchanged else contacts, "total": total, "query": query,
                    "watched": watched_now,
                    "status": status, "deleted": deleted, "current": client.current_replica}
        self._poll_job = self._lane.submit(snapshot, self._poll_done, self._poll_failed, priority=POLL)

    def _read_contacts(self, client, query, wanted, last_total):
        """(contacts to show, total or None) — on the lane.

        A book up to LARGE_BOOK contacts is listed whole (one call, as small books always
        were: local search and sort over everything). A bigger one is read as the first
        ``wanted`` rows (the pages the view has asked for) or, while searching, the
        replica's search answer; ``total`` is then the book's size. ``last_total``:
        "unknown" on the first read, None when the book was small last time.
        """
        if last_total is None:
            # it was a small book: one call lists it and tells whether it still is
            contacts = client.list_contacts(0, self.large_book + 1)
            if len(contacts) <= self.large_book:
                return contacts, None
        total = client.count_contacts()
        if total <= self.large_book:
            return client.list_contacts(), None
        if query:
            return client.search(query, limit=SEARCH_LIMIT), total
        return client.list_contacts(0, wanted), total

    def _poll_done(self, snapshot):
        self._poll_job = None
        self.polls_done += 1
        stale = snapshot["query"] != self._remote_query   # the search changed meanwhile
        if snapshot["contacts"] is not None and not stale:
            total = snapshot["total"]
            was_paged, self.paged = self.paged, total is not None
            self.contacts.set_paging(total, self._fetch_page if self.paged and not self._remote_query else None)
            self.contacts.apply_snapshot(snapshot["contacts"], window=self.paged)
            if was_paged != self.paged:
                self.pagedChanged.emit(self.paged)
        if snapshot["watched"] is not None and snapshot["watched"][0] == self._watched:
            self.contacts.announce(*snapshot["watched"])
        if snapshot["deleted"] is not None:
            self.trash.apply_snapshot(snapshot["deleted"])
        current = snapshot["current"]
        self.cluster.set_status(snapshot["status"], current[0] if current else None)
        self.reachable = True
        self._note_replica(current)
        self._refresh_status()
        if stale:
            self._last_listing.pop("contacts", None)   # never applied: do not compare with it (no job runs now)
            self.poll()

    # -- big books: pages and replica search ---------------------------------------
    def _fetch_page(self, offset):
        """The view reached the last held row: load the next page (on the lane, as a poll)."""
        size = self.page_size
        self._wanted = max(self._wanted, offset + size)

        def done(contacts):
            if not self._remote_query:
                self.contacts.append_page(contacts)
            else:
                self.contacts.append_page([])

        self._lane.submit(lambda client: client.list_contacts(offset, size), done,
                          lambda exc: self.contacts.append_page([]), priority=POLL)

    def watch_contact(self, contact_id):
        """The edit dialog is open on ``contact_id`` (None: closed): its changes and its
        deletion must reach the dialog even when a big book does not hold its row."""
        self._watched = contact_id

    @property
    def remote_query(self):
        return self._remote_query

    def search_remote(self, text):
        """Big books: show the replica's answer to ``text`` (the first pages again when empty)."""
        text = text.strip()
        if text == self._remote_query:
            return
        self._remote_query = text
        self._wanted = self.page_size
        self.contacts.set_paging(self.contacts.total, None)   # no paging through a search answer
        self.poll()

    def _poll_failed(self, exc):
        self._poll_job = None
        self.polls_done += 1
        if is_unavailable(exc):
            self._went_down(exc)
        else:
            self._tell(f"Refreshing failed: {describe_error(exc)}", important=True)

    def _went_down(self, exc):
        if self.reachable is not False:
            self._tell("Lost contact with every replica; retrying…", important=True)
        self.reachable = False
        self.current_replica = None
        self.cluster.set_unreachable()
        self._set_status("No replica reachable — retrying every second", "down")

    def _on_client_event(self, event):
        if event.get("type") == "replica":
            self._note_replica((event.get("replica_id"), event.get("uri")))
            self._refresh_status()
        elif event.get("type") == "unavailable":
            self._went_down(event.get("error", "no replica answered"))

    def _note_replica(self, current):
        previous = self.current_replica
        if current is None or (previous is not None and previous[0] == current[0]):
            return
        self.current_replica = tuple(current)
        if previous is not None:
            self._tell(f"Replica {previous[0]} stopped answering — now using replica {current[0]}", important=True)
        elif self.reachable is False:
            self._tell(f"Back in touch: using replica {current[0]}", important=True)
        self.replicaChanged.emit(current[0])

    def _refresh_status(self):
        if self.current_replica is None:
            return
        rows = self.cluster.rows()
        alive, total = self.cluster.alive_count(), len(rows)
        text = f"Replica {self.current_replica[0]}"
        if total:
            text += f" · {alive} of {total} alive"
        state = "ok" if alive == total else "degraded"
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
            self._tell(f"{description}: waiting for a replica…", important=True)

    # -- writes ------------------------------------------------------------------
    def _write(self, job, on_done, description, on_error=None):
        def failed(exc):
            if on_error is not None and on_error(exc):
                return
            self.errorOccurred.emit(f"{description} failed", describe_error(exc))
        return self._lane.submit(job, on_done, failed, description=description)

    def add_contact(self, fields):
        """Add a contact; the id is chosen here so that a retried add never adds twice."""
        contact = {f: fields[f] for f in FIELDS if f in fields}
        contact["id"] = new_contact_id()
        description = f"Add {_name([contact])}"

        def done(stored):
            self.contacts.upsert(stored)
            self.undo_stack.push(AddContactCommand(self, stored))
            self._tell(f"Added {_name([stored])}")
        return self._write(lambda client: client.add_contact(contact), done, description)

    def save_edit(self, contact_id, base, fields, on_conflict=None, force=False):
        """Send the fields the user changed relative to ``base`` (the version the dialog showed).

        Before writing, the lane re-reads the contact: if someone else changed one of
        those same fields meanwhile (or deleted the contact), ``on_conflict(EditConflict)``
        decides instead of overwriting silently; ``force=True`` overwrites.
        """
        changes = {f: fields[f] for f in FIELDS if f in fields and fields[f] != base.get(f)}
        name = fields.get("name") or base.get("name", "")
        if not changes:
            self._tell("Nothing changed")
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
            self.contacts.upsert(stored)
            self.trash.remove(contact_id)
            self.undo_stack.push(EditContactCommand(self, contact_id, name, before, changes))
            self._tell(f"Saved '{name}'")

        def conflict(exc):
            if isinstance(exc, EditConflict) and on_conflict is not None:
                exc.changes = changes
                exc.retry = lambda: self.save_edit(contact_id, base, fields, on_conflict, force=True)
                on_conflict(exc)
                return True
            return False
        return self._write(job, done, f"Save '{name}'", conflict)

    def delete_contacts(self, contacts):
        contacts = [dict(c) for c in contacts]
        if contacts:
            self.delete_now(contacts, f"Delete {_name(contacts)}",
                            then=lambda: self.undo_stack.push(DeleteContactsCommand(self, contacts)))

    def restore_contacts(self, contacts):
        contacts = [dict(c) for c in contacts]
        if contacts:
            self.restore_now(contacts, f"Restore {_name(contacts)}",
                             then=lambda: self.undo_stack.push(RestoreContactsCommand(self, contacts)))

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
                self.contacts.remove(contact["id"])
                self.trash.upsert(dict(contact, deleted=True))
            if then is not None:
                then()
            self._tell(f"{description}: done")
        return self._write(job, done, description)

    def restore_now(self, contacts, description, then=None):
        ids = [c["id"] for c in contacts]

        def done(restored):
            for contact in restored:
                self.contacts.upsert(contact)
                self.trash.remove(contact["id"])
            if then is not None:
                then()
            self._tell(f"{description}: done")
        return self._write(lambda client: [client.restore_contact(i) for i in ids], done, description)

    def update_now(self, contact_id, changes, description):
        def done(stored):
            self.contacts.upsert(stored)
            self._tell(f"{description}: done")
        return self._write(lambda client: client.update_contact(contact_id, changes), done, description)

    def submit(self, job, on_done=None, on_error=None, description=""):
        """Run any other job on the lane (import, export)."""
        return self._lane.submit(job, on_done, on_error, description=description)
