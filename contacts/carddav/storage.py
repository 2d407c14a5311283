"""The Radicale storage plugin: the cluster as one shared address book.

Layout (every path Radicale asks about is answered here, nothing is on disk):

  /                     the root
  /USER/                a principal: current-user-principal, addressbook-home-set
  /USER/contacts/       the address book: every live contact of the cluster, the same one
                        for every user (with --htpasswd, the users of that file)
  /USER/contacts/NAME   one card (cards.py: NAME is ``<contact id>.vcf`` unless a client chose)

Everything else does not exist; creating collections, moving cards or setting properties
is refused with 403.  Reads and writes go through the gateway's ContactsClient
(``Gateway.call``); an unreachable cluster becomes 503, a stale If-Match 412, a value the
replicas refuse 400 with their message (the request context carries those to app.py).

Radicale holds its storage lock around each request; the cluster orders writes itself (a
conditional write is checked under the replica's write lock), so the lock is a no-op.
"""
import contextlib

import vobject
from radicale import item as radicale_item
from radicale import pathutils
from radicale import storage as radicale_storage

from ..errors import ContactNotFound, HistoryTruncated, ValidationError
from ..merge import contact_stamp
from ..versions import VersionVector
from . import cards, context, tokens

BOOK = "contacts"
#: Radicale wants an HTTP date per card; the cluster orders by Lamport stamps, never by
#: wall clocks, so every card shows this one (clients compare ETags, not dates)
LAST_MODIFIED = "Thu, 01 Jan 1970 00:00:00 GMT"
#: a multiget of more cards than this not yet read in the request reads the whole book once
BULK = 32
#: what a request knows of a card that a listing read: its item (request.items), not its dict
LISTED = object()
#: pages of changes_since one sync answer may take (500 contacts each); past that, the client
#: is asked to sync from scratch (valid-sync-token), which costs it no more than this would
MAX_SYNC_PAGES = 200


class Storage(radicale_storage.BaseStorage):
    """Radicale's storage: made by ``functools.partial(Storage, gateway=...)``."""

    def __init__(self, configuration, gateway):
        super().__init__(configuration)
        self.gateway = gateway

    def discover(self, path, depth="0", child_context_manager=None, user_groups=frozenset()):
        parts = [part for part in pathutils.strip_path(path).split("/") if part]
        if not parts:
            yield Root(self, "")
            return
        if len(parts) == 1:
            yield Principal(self, parts[0])
            if depth != "0":
                yield Book(self, f"{parts[0]}/{BOOK}")
            return
        if parts[1] != BOOK or len(parts) > 3:
            return
        book = Book(self, f"{parts[0]}/{BOOK}")
        if len(parts) == 2:
            yield book
            if depth != "0":
                yield from book.get_all()
            return
        item = book.item(parts[2])
        if item is not None:
            yield item

    def move(self, item, to_collection, to_href):
        refuse(403, "cards cannot be moved or renamed here: PUT the card under its new name and DELETE the old one")

    def create_collection(self, href, items=None, props=None):
        parts = [part for part in pathutils.strip_path(href).split("/") if part]
        if len(parts) == 1 and not items and not props:
            return Principal(self, parts[0])  # Radicale "creates" the principal of a user at login
        refuse(403, f"this gateway serves one address book, /USER/{BOOK}/ (the cluster's contacts); "
                    "it creates no other collection and does not replace it")

    @contextlib.contextmanager
    def acquire_lock(self, mode, user=""):
        yield

    def verify(self):
        return True


def refuse(status, reason):
    """Make the request answer ``status`` with ``reason`` (app.py), via the error Radicale catches."""
    context.current().refuse(status, reason)
    raise ValueError(reason)


class _Collection(radicale_storage.BaseCollection):
    """A collection that holds no cards: the root and the principals."""

    def __init__(self, storage, path):
        self._storage = storage
        self._path = path

    @property
    def gateway(self):
        return self._storage.gateway

    @property
    def path(self):
        return self._path

    def get_meta(self, key=None):
        meta = self._meta()
        return meta if key is None else meta.get(key)

    def _meta(self):
        return {}

    def set_meta(self, props):
        refuse(403, "the address book's properties are set by the gateway (--name), not by clients")

    @property
    def last_modified(self):
        return LAST_MODIFIED

    def get_all(self):
        return iter(())

    def get_multi(self, hrefs):
        for href in hrefs:
            yield href, None

    def has_uid(self, uid):
        return False

    def upload(self, href, item):
        refuse(403, f"cards live in /USER/{BOOK}/ only")

    def delete(self, href=None):
        refuse(403, "this collection cannot be deleted")


class Root(_Collection):
    pass


class Principal(_Collection):
    pass


class Book(_Collection):
    """The address book: the cluster's live contacts, one card each."""

    def _meta(self):
        return {"tag": "VADDRESSBOOK", "D:displayname": self.gateway.display_name,
                "CR:addressbook-description": "the replicated contact list (every replica of the cluster)"}

    # -- the book's state ------------------------------------------------------------
    def vector(self):
        """The version vector this request answers from, read once (its sync token and ctag)."""
        request = context.current()
        if request.token is None:
            request.ping = self.gateway.call("ping")
            request.token = VersionVector.from_wire(request.ping["vector"])
        return request.token

    def never_held(self, since):
        """Why no replica will ever hold the vector ``since`` (a reason), or None when one may.

        A replica numbers its own updates and keeps every one it acknowledged, so its own
        count is final: a token past it, or naming a replica the cluster does not have, was
        made up (or belongs to another cluster).  Only the replica that made the updates
        knows its count, so it is asked (one ping); a replica that is down may hold updates
        nobody else got yet: that token may become good, and waits as before."""
        held = self.vector()
        ahead = {origin: seq for origin, seq in since.items() if seq > held.get(origin, 0)}
        if not ahead:
            return None
        here = context.current().ping["replica_id"]
        replicas = {status["replica_id"]: status for status in self.gateway.call("cluster_status")}
        for origin, seq in sorted(ahead.items()):
            if origin == here:
                own = held.get(origin, 0)
            elif origin in replicas:
                own = self.gateway.own_count(replicas[origin]["uri"], origin)
                if own is None:
                    continue
            else:
                return (f"sync token names updates of replica {origin}, which is not a replica of this "
                        f"cluster ({', '.join(map(str, sorted(replicas | {here: None})))})")
            if own < seq:
                return (f"sync token names update {seq} of replica {origin}, which has made {own}: "
                        "no replica will ever hold it")
        return None

    @property
    def etag(self):
        """getctag: the sync token, so it changes with every update the replica holds."""
        return f'"{tokens.encode(self.vector())}"'

    def sync(self, old_token=""):
        """(the current token, names of the cards changed since ``old_token``: every card when empty).

        A token is a version vector: what changed past it is read from the update record
        of a replica that holds it (``changes_since``), so a token from any gateway works
        here.  ValueError (-> valid-sync-token, the client syncs from scratch) for a token
        that is not one, or older than the replica's record reaches back."""
        if not old_token:
            vector = self.vector()
            return tokens.encode(vector), (item.href for item in self.get_all())
        since = tokens.decode(old_token)
        problem = self.never_held(since)
        if problem:
            raise ValueError(problem)
        try:
            changed, covered = self._changes(since)
        except HistoryTruncated as exc:
            raise ValueError(f"sync token too old: {exc}") from None
        names = []
        for contact in changed.values():
            name = cards.href_of(contact)
            self._remember(name, None if contact["deleted"] else contact)
            names.append(name)
        return tokens.encode(since.merged(covered)), names

    def _changes(self, since):
        """({id: contact} changed past the vector ``since``, the vector that covers); the
        replica's HistoryTruncated, or ValueError past MAX_SYNC_PAGES pages."""
        changed, covered = {}, since
        for _ in range(MAX_SYNC_PAGES):
            answer = self.gateway.call("changes_since", covered.to_wire())
            for contact in answer["contacts"]:
                changed[contact["id"]] = contact
            covered = VersionVector.from_wire(answer["vector"])
            if not answer["more"]:
                return changed, covered
        raise ValueError("more changes since this token than one answer carries; sync from the start")

    # -- cards -------------------------------------------------------------------------
    def get_all(self):
        """Every live card.  Radicale holds every item of an answer until it is written, so
        the book is read in pages (Gateway.live_contacts) and a listed card keeps its text,
        ETag and name instead of the contact's dict (ContactItem, listing=True)."""
        vector = self.vector()
        listed = set()
        for contact in self.gateway.live_contacts(vector.to_wire()):
            item = self._listed(contact, listed)
            if item is not None:
                yield item
        # the pages were read one after another: a contact renamed meanwhile may have moved
        # across a page boundary unseen.  The update record since the vector names every
        # contact changed during the listing (usually none: one call)
        try:
            changed, _ = self._changes(vector)
        except (HistoryTruncated, ValueError):
            return
        for contact in changed.values():
            if not contact["deleted"]:
                item = self._listed(contact, listed)
                if item is not None:
                    yield item

    def _listed(self, contact, listed):
        """The item of a contact of a listing, once per card name (None when already listed)."""
        name = cards.href_of(contact)
        if name in listed:
            return None
        listed.add(name)
        request = context.current()
        item = request.items[name] = ContactItem(self, contact, self.gateway, listing=True)
        request.contacts[name] = LISTED
        return item

    def _remember(self, name, contact):
        """What this request knows of card ``name`` now: its contact dict, or None (none)."""
        request = context.current()
        request.contacts[name] = contact
        request.items.pop(name, None)

    def get_filtered(self, filters):
        # Radicale applies addressbook-query filters to each card itself
        for item in self.get_all():
            yield item, False

    def get_multi(self, hrefs):
        names = list(dict.fromkeys(hrefs))
        request = context.current()
        unread = [name for name in names if name not in request.contacts]
        if len(unread) > BULK:
            for _ in self.get_all():   # one listing instead of a call per card
                pass
            for name in unread:
                if name not in request.contacts:
                    self._remember(name, None)
        for name in names:
            yield name, self.item(name)

    def item(self, name):
        """The card named ``name``, or None."""
        request = context.current()
        if name not in request.contacts:
            self._remember(name, self._read(name))
        contact = request.contacts[name]
        if contact is None:
            return None
        item = request.items.get(name)
        if item is None:
            item = request.items[name] = self._item(contact)
        return item

    def _current(self, name):
        """The stored contact of card ``name`` as a dict (read again if only listed), or None."""
        contact = context.current().contacts.get(name, LISTED)
        return self._read(name) if contact is LISTED else contact

    def _read(self, name):
        try:
            cards.check_name(name)
            contact = self.gateway.call("get_contact", cards.id_of(name))
        except (ContactNotFound, cards.CardError):
            return None
        return contact if cards.href_of(contact) == name else None

    def has_uid(self, uid):
        """Is there a live card with this UID?  Radicale asks before a PUT of a new card and
        answers 409 no-uid-conflict if so (RFC 6352 6.3.2.1); the request keeps the name of
        that card, which app.py puts in the answer.  Looked up in the gateway's UID map
        (uids.py), kept current from the update record: no scan of the book."""
        name = self.gateway.uids.name_of(self.gateway.call, uid)
        if name is None:
            return False
        context.current().uid_conflict = name
        return True

    def _item(self, contact):
        return ContactItem(self, contact, self.gateway)

    # -- writes --------------------------------------------------------------------------
    def upload(self, href, item):
        """A PUT: a new contact, or the fields of the card that changed (If-Match: conditional)."""
        request = context.current()
        try:
            name = cards.check_name(href)
            text = request.body.decode("utf-8") if request.body is not None else item.serialize()
            card = cards.read_card(text)
        except (cards.CardError, UnicodeDecodeError) as exc:
            refuse(400, str(exc))
        current = self._current(name)
        if_stamp = cards.stamp_of_etag(request.if_match)
        if current is None:
            stored = self._create(name, card)
        else:
            changes = cards.changed_fields(current, card, self.gateway.photo)
            stored = current
            if changes:
                stored = self.gateway.call("update_contact", current["id"], changes, if_stamp=if_stamp)
        stored.pop("write", None)
        self._remember(name, stored)
        return self.item(name)

    def _create(self, name, card):
        contact = cards.new_contact(name, card)
        try:
            return self.gateway.call("add_contact", contact)
        except ValidationError as exc:
            if exc.field != "id":
                raise
            context.current().answer = None
        # the id is taken: by a contact in the trash (a card deleted, then put again), or by
        # one added meanwhile under this name
        if context.current().environ.get("HTTP_IF_NONE_MATCH") == "*":
            refuse(412, f"a card named {name!r} exists already (If-None-Match: *)")
        try:
            current = self.gateway.call("get_contact", contact["id"])
        except ContactNotFound:
            current = self.gateway.call("restore_contact", contact["id"])
        if cards.href_of(current) != name:
            refuse(409, f"contact {contact['id']!r} is served under another name, {cards.href_of(current)!r}")
        changes = cards.changed_fields(current, card, self.gateway.photo)
        return self.gateway.call("update_contact", current["id"], changes) if changes else current

    def delete(self, href=None):
        """A DELETE: the contact goes to the trash (If-Match: only if unchanged)."""
        if href is None:
            refuse(403, "the address book cannot be deleted (it is the cluster's contact list)")
        request = context.current()
        current = self._current(href)
        if current is None:
            refuse(404, f"no card named {href!r}")
        self.gateway.call("delete_contact", current["id"], if_stamp=cards.stamp_of_etag(request.if_match))
        self._remember(href, None)


class ContactItem(radicale_item.Item):
    """One card.  A single card keeps its contact and writes its text when asked.  A card of
    a listing (``listing=True``) keeps its text instead, written now (or the one the gateway
    kept), and drops the contact's dict: Radicale holds every item of an answer at once, and
    a dict is ~4 KB decoded where a text is ~300 bytes, shared with the gateway's cache.  A
    card with a photo whose text is not kept yet keeps its dict: writing the text would
    fetch the photo, which a listing of ETags does not need."""

    def __init__(self, book, contact, gateway, listing=False):
        # Radicale's __init__ re-checks the collection path of every item (a third of a
        # listing's time at 10,000 cards); this sets what it would set
        stamp = contact_stamp(contact)
        self._collection_path = book.path
        self.collection = book
        self.href = cards.href_of(contact)
        self.last_modified = LAST_MODIFIED
        self._text = None
        self._vobject_item = None
        self._etag = f'"{stamp}"'
        self._uid = cards.uid_of(contact)
        self._name = "VCARD"
        self._component_name = ""
        self._time_range = (0, 0)
        self._contact = contact
        self._stamp = stamp
        self._gateway = gateway
        # the version a REPORT's address-data asks (RFC 6352 10.4), else 3.0; the ETag is the same
        self._version = context.current().card_version or cards.VERSION
        if listing:
            self._text = gateway.cached_card_text(contact["id"], stamp, self._version)
            if self._text is None and not contact.get("photo"):
                self._text = gateway.card_text(contact, stamp, self._version)
            if self._text is not None:
                self._contact = None

    def serialize(self):
        if self._text is None:
            self._text = self._gateway.card_text(self._contact, self._stamp, self._version)
            self._contact = None
        return self._text

    @property
    def vobject_item(self):
        if self._vobject_item is None:
            self._vobject_item = vobject.readOne(self.serialize())
        return self._vobject_item
