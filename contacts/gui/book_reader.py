"""The lane side of the window's polling: read the book, keep what was read, return plain snapshots.

:class:`BookReader` has two faces, one per thread:

- on the GUI thread, :meth:`BookReader.request` gathers what the window wants read (the
  search sent to the replica, the pages the view holds or moved to, the contact open in
  the dialog, whether the trash is open) into a plain :class:`ReadRequest`, and
  :meth:`BookReader.forget` asks for everything to be read and sent again;
- on the service lane, :meth:`BookReader.read` runs the calls and returns a plain dict
  (the snapshot) that the GUI side (contacts/gui/session.py) applies to its models.

What was read last (``_last_read``) is touched on the lane only; forgetting it is a flag
raised and consumed on the GUI thread and carried into the next request, so the two
threads never touch that dict at once (a poll may already be queued when the GUI decides
to forget). No Qt here: this module only talks to a ContactsClient.

Big books (over ``large_book`` contacts, 5,000 by default): listing everything costs the
replica seconds and hundreds of MB (docs/benchmarks.md, "The GUI at 100,000 contacts"),
so a big book is read as the pages near the view and, while searching, as the replica's
search answer.
"""
from dataclasses import dataclass

#: above this many contacts the window holds pages, not the whole book, and searches on the
#: replica: beyond it a full listing on every change costs the replica too much
LARGE_BOOK = 5000
#: rows per page: a cheap call for the replica however big the book, a few screens of rows
PAGE_SIZE = 500
#: most matches a replica search brings back (the rest is reached by typing more)
SEARCH_LIMIT = 500
#: most contacts the window asks for in one call (replicas refuse much bigger answers)
MAX_ROWS_PER_CALL = 5000


@dataclass(frozen=True)
class ReadRequest:
    """What one poll reads, fixed on the GUI thread when the poll is queued."""
    query: str             # the search sent to the replica (big books), "" for none
    watched: object        # the id of the contact open in the edit dialog, or None
    with_trash: bool       # the trash dialog is open: list the deleted contacts too
    pages: tuple           # the pages the book model holds or wants
    missing: frozenset     # the pages of those it does not hold yet
    forget: bool           # read and send everything again (what was read was not shown)
    order: str = "first"   # the replica's order for a big book's pages (contacts.name_order)
    scope: tuple = ("all", None)   # a big book's sidebar choice: ("starred", None), ("group", name)


class BookReader:
    """Reads the book for the window on the service lane, sending only what changed."""

    def __init__(self, large_book=LARGE_BOOK, page_size=PAGE_SIZE):
        self.large_book = min(large_book, MAX_ROWS_PER_CALL)
        self.page_size = min(page_size, MAX_ROWS_PER_CALL)
        self._last_read = {}       # what the lane read last (touched on the lane only)
        self._forget_next = False  # GUI thread only: the next request clears _last_read

    # -- the GUI thread ----------------------------------------------------------
    def forget(self):
        """What the lane read was not shown: the next poll reads and sends it all.  Only a
        flag here, on the GUI thread: the next poll job clears it on the lane."""
        self._forget_next = True

    def request(self, query, watched, with_trash, pages, missing, order="first", scope=("all", None)):
        forget, self._forget_next = self._forget_next, False
        return ReadRequest(query, watched, with_trash, tuple(pages), frozenset(missing), forget, order, tuple(scope))

    # -- the service lane ----------------------------------------------------------
    def read(self, client, request):
        """One poll's snapshot (a plain dict), read through ``client`` on the lane."""
        last, size = self._last_read, self.page_size
        query, watched, pages, missing = request.query, request.watched, request.pages, request.missing
        order, scope = request.order, request.scope
        answer = query or scope[0] != "all"   # a big book shows an answer, not its pages
        if request.forget:   # here, on the lane: the only thread that touches what it read
            for what in ("key", "contacts", "pages", "counts"):
                last.pop(what, None)
        # most polls find nothing new, and a ping (one round trip) says so: its version
        # vector is unchanged, where listing everything costs the replica seconds of CPU
        # (docs/benchmarks.md). Read before the listing, the vector never claims more than
        # the listing holds, so no change is ever skipped.
        vector = client.ping().get("vector")
        key = (vector, query, order, scope)
        watched_now, contacts, counts = None, None, None
        if vector is not None and key == last.get("key"):
            total = last["total"]
            # nothing changed: a big book reads only the pages the view moved to
            read = ({p: _page(client, p * size, size, order) for p in missing if p * size < total}
                    if total is not None and not answer else {})
        else:
            if vector is None or vector != (last.get("key") or (None,))[0] or "counts" not in last:
                counts = last["counts"] = _scope_counts(client)   # the sidebar's, once per change
            contacts, total, read = self._read_book(client, query, pages, last.get("total", "unknown"), order,
                                                    scope)
            if total is not None and watched is not None:
                # a big book holds only some rows: read the contact open in the dialog
                # itself, so that it leaving the held rows is not taken for a delete
                try:
                    watched_now = (watched, client.get_contact(watched))
                except LookupError:
                    watched_now = (watched, None)
            # compare here, off the GUI thread, and send nothing when nothing changed
            unchanged = contacts is not None and contacts == last.get("contacts")
            last["contacts"] = contacts
            contacts = None if unchanged else contacts
        held = last.get("pages", {})
        news = {p: c for p, c in read.items() if p in missing or c != held.get(p)}
        last.update(key=key, total=total,
                    pages={p: read[p] if p in read else held[p] for p in pages if p in read or p in held})
        status = client.cluster_status()
        deleted = client.list_deleted() if request.with_trash else None
        return {"contacts": contacts, "pages": news, "total": total, "query": query, "order": order, "scope": scope,
                "watched": watched_now, "counts": counts,
                "status": status, "deleted": deleted, "current": client.current_replica}

    def _read_book(self, client, query, pages, last_total, order, scope):
        """(contacts, total, pages read); every call at most MAX_ROWS_PER_CALL rows.

        A book up to ``large_book`` contacts is listed whole (one call, as small books always
        were: local search and sort over everything): (contacts, None, {}). A bigger one is
        read as the ``pages`` the window holds or wants, one call each: (None, total,
        pages), or while searching as the replica's search answer: (answer, total, {}), or with
        a ``scope`` (Starred, a group) as its contacts, at most ``large_book``: (answer, total, {}).
        ``last_total``: "unknown" on the first read, None when the book was small last time.
        """
        if last_total is None:
            # it was a small book: one call lists it and tells whether it still is
            contacts = client.list_contacts(0, self.large_book)
            if len(contacts) < self.large_book:
                return contacts, None, {}
        total = client.count_contacts()
        if total <= self.large_book:
            return client.list_contacts(0, self.large_book), None, {}
        if query:
            return client.search(query, limit=SEARCH_LIMIT), total, {}
        if scope[0] == "starred":
            return client.list_contacts(0, self.large_book, order=order, starred=True), total, {}
        if scope[0] == "group":
            return client.list_contacts(0, self.large_book, order=order, group=scope[1]), total, {}
        size = self.page_size
        return None, total, {p: _page(client, p * size, size, order) for p in pages if p * size < total}


def _page(client, offset, size, order):
    """One page in ``order``; from a replica of a release before orders (a rolling upgrade),
    which refuses the argument, in its name order rather than no page at all."""
    try:
        return client.list_contacts(offset, size, order=order)
    except TypeError:
        return client.list_contacts(offset, size)


def _scope_counts(client):
    """{"all", "starred", "deleted", "groups"} from the replica (count_contacts(breakdown=True)),
    or None from a replica of a release before it (a rolling upgrade): the window then counts
    what it holds."""
    try:
        return client.count_contacts(breakdown=True)
    except TypeError:
        return None
