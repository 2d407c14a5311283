"""An in-memory stand-in for ContactsClient, for the GUI unit tests.

Same interface and the same validation (contacts.model) as the real client; the
real client and cluster are exercised by tests/test_gui_cluster.py.
"""
import threading

from contacts.errors import ContactNotFound, UnavailableError, ValidationError
from contacts.fields import BY_NAME
from contacts.model import FIELDS
from contacts.model import normalize_changes, normalize_new_contact, new_contact_id
from contacts.name_order import ORDERS, sort_key


class FakeContactsService:
    def __init__(self, region="US"):
        self.region = region
        self.lock = threading.Lock()
        self.contacts = {}           # id -> contact (deleted ones included)
        self.counter = 0
        self.down = threading.Event()  # set: every call raises UnavailableError
        self.calls = []
        self.listings = []           # (offset, limit) of each list_contacts call
        self.orders = []             # the order of each list_contacts call
        self.listeners = []
        self.current_replica = (1, "PYRO:contacts.replica.1@127.0.0.1:40001")
        self.closed = False
        self.before_add = None         # a hook run (on the caller's thread) before each add
        self.photos = {}               # sha256 -> base64 bytes, like a replica's photos table
        self.photo_threads = []        # the thread each get_photo ran on
        self.photo_requests = []       # the hash each get_photo asked for

    # -- helpers for tests ---------------------------------------------------------
    @classmethod
    def holding(cls, people):
        """A fake service that holds ``people`` (contact dicts, added in order)."""
        service = cls()
        for person in people:
            service.add_contact(person)
        return service

    def _call(self, name):
        self.calls.append(name)
        if self.down.is_set():
            raise UnavailableError("no replica answered (fake)")

    def _stamp(self):
        self.counter += 1
        return [self.counter, self.current_replica[0]]

    def add_listener(self, callback):
        self.listeners.append(callback)

    def use_replica(self, replica_id):
        self._call("use_replica")
        if replica_id not in (1, 2, 3):
            raise LookupError(f"replica {replica_id} is not known to this client")
        self.switch_replica(replica_id)

    def switch_replica(self, replica_id):
        previous = self.current_replica[0]
        self.current_replica = (replica_id, f"PYRO:contacts.replica.{replica_id}@127.0.0.1:4000{replica_id}")
        for listener in self.listeners:
            listener({"type": "replica", "replica_id": replica_id, "uri": self.current_replica[1],
                      "previous": previous})

    def tell_listeners(self, event):
        for listener in self.listeners:
            listener(event)

    def edit_behind_the_back(self, contact_id, changes):
        """What another user on another replica does."""
        with self.lock:
            contact = self.contacts[contact_id]
            contact.update(self._keep_photo(normalize_changes(changes, self.region), contact), updated=self._stamp())
            return dict(contact)

    def _keep_photo(self, fields, contact=None):
        """Like a replica's store: a photo's bytes go to the photos table, the register keeps its hash."""
        photo = fields.get("photo")
        if isinstance(photo, dict) and "data" in photo:
            photo = dict(photo)
            self.photos[photo["hash"]] = photo.pop("data")
            fields["photo"] = photo
        groups = fields.get("groups")
        if isinstance(groups, dict):   # {"add": [...], "remove": [...]} on an update
            have = set((contact or {}).get("groups") or [])
            fields["groups"] = sorted((have | set(groups["add"])) - set(groups["remove"]))
        return fields

    # -- the client interface ------------------------------------------------------
    def add_contact(self, contact):
        if self.before_add is not None:
            self.before_add(contact)
        with self.lock:
            self._call("add_contact")
            contact_id, fields = normalize_new_contact(contact, self.region)
            fields = self._keep_photo(fields)
            contact_id = contact_id or new_contact_id()
            if contact_id in self.contacts:
                existing = self.contacts[contact_id]
                if not existing["deleted"] and {f: existing[f] for f in fields} == fields:
                    return dict(existing)
                raise ValidationError("id", f"{contact_id!r} is already used")
            # like a replica: a fetched contact has every field, the ones never set empty
            empty = {f: BY_NAME[f].empty_value() for f in FIELDS}
            stored = {"id": contact_id, **empty, **fields, "deleted": False, "updated": self._stamp()}
            self.contacts[contact_id] = stored
            # like a replica: a new write carries its receipt, a repeated add does not
            return dict(stored, write={"origin": self.current_replica[0], "seq": self.counter,
                                       "replicas": 1, "ack": "local"})

    def update_contact(self, contact_id, changes):
        with self.lock:
            self._call("update_contact")
            contact = self._live(contact_id)
            fields = self._keep_photo(normalize_changes(changes, self.region), contact)
            if isinstance(fields.get("groups"), dict):
                # a delta, as the replica takes it: these names joined, those left
                delta, removed = fields["groups"], set(fields["groups"].get("remove") or ())
                kept = [g for g in contact.get("groups") or [] if g not in removed]
                fields["groups"] = sorted(set(kept) | set(delta.get("add") or ()))
            contact.update(fields, updated=self._stamp())
            return dict(contact)

    def get_photo(self, photo_hash):
        self.photo_threads.append(threading.current_thread())
        self.photo_requests.append(photo_hash)
        with self.lock:
            self._call("get_photo")
            if photo_hash not in self.photos:
                raise ValidationError("photo_hash", f"no photo {photo_hash}")
            return self.photos[photo_hash]

    def delete_contact(self, contact_id):
        with self.lock:
            self._call("delete_contact")
            if contact_id not in self.contacts:
                raise ContactNotFound(contact_id)
            contact = self.contacts[contact_id]
            if not contact["deleted"]:
                contact.update(deleted=True, updated=self._stamp())

    def purge_contact(self, contact_id):
        with self.lock:
            self._call("purge_contact")
            contact = self.contacts.get(contact_id)
            if contact is None:
                raise ContactNotFound(contact_id)
            if not contact["deleted"]:
                raise ValidationError("contact_id", f"{contact_id} is not in the trash: delete it first")
            del self.contacts[contact_id]
            self._stamp()   # a write, as on a replica: the version vector moves

    def empty_trash(self):
        with self.lock:
            self._call("empty_trash")
            gone = [i for i, c in self.contacts.items() if c["deleted"]]
            for contact_id in gone:
                del self.contacts[contact_id]
                self._stamp()
            return len(gone)

    def restore_contact(self, contact_id):
        with self.lock:
            self._call("restore_contact")
            if contact_id not in self.contacts:
                raise ContactNotFound(contact_id)
            contact = self.contacts[contact_id]
            if contact["deleted"]:
                contact.update(deleted=False, updated=self._stamp())
            return dict(contact)

    def get_contact(self, contact_id):
        with self.lock:
            self._call("get_contact")
            return dict(self._live(contact_id))

    def _live(self, contact_id):
        contact = self.contacts.get(contact_id)
        if contact is None or contact["deleted"]:
            raise ContactNotFound(contact_id)
        return contact

    def list_contacts(self, offset=0, limit=None, order=None, starred=False, group=None):
        """In ``order`` as a replica lists: "name" (None) by the display name, "first" / "last"
        starred first, then by the contacts.name_order key; ties by id."""
        with self.lock:
            self._call("list_contacts")
            self.listings.append((offset, limit))
            if order not in (None, *ORDERS):
                raise ValidationError("order", f"must be one of {', '.join(ORDERS)}, got {order!r}")
            self.orders.append(order)
            live = sorted((dict(c) for c in self.contacts.values() if not c["deleted"]
                           and (not starred or c.get("starred")) and (group is None or group in c.get("groups", ()))),
                          key=lambda c: self._order_key(c, order))
            return live[offset:None if limit is None else offset + limit]

    @staticmethod
    def _order_key(contact, order):
        if order in (None, "name"):
            return (sort_key(contact, "name"), contact["id"])
        return (not contact.get("starred"), sort_key(contact, order), contact["id"])

    def list_deleted(self):
        with self.lock:
            self._call("list_deleted")
            return [dict(c) for c in self.contacts.values() if c["deleted"]]

    def count_contacts(self, breakdown=False):
        with self.lock:
            self._call("count_contacts")
            live = [c for c in self.contacts.values() if not c["deleted"]]
            if not breakdown:
                return len(live)
            groups = {}
            for contact in live:
                for group in contact.get("groups") or ():
                    groups[group] = groups.get(group, 0) + 1
            return {"all": len(live), "starred": sum(bool(c.get("starred")) for c in live),
                    "deleted": len(self.contacts) - len(live), "groups": groups}

    def search(self, text, limit=None):
        self._call("search")
        with self.lock:
            live = sorted((dict(c) for c in self.contacts.values() if not c["deleted"]),
                          key=lambda c: c["name"].casefold())
        found = [c for c in live if text.casefold() in c["name"].casefold()]
        return found if limit is None else found[:limit]

    def ping(self):
        """Like a replica's: its version vector changes with every write."""
        with self.lock:
            self._call("ping")
            return {"replica_id": self.current_replica[0], "clock": self.counter,
                    "vector": {str(self.current_replica[0]): self.counter}}

    def cluster_status(self):
        with self.lock:
            self._call("cluster_status")
            return [{"replica_id": i, "uri": f"PYRO:contacts.replica.{i}@127.0.0.1:4000{i}",
                     "alive": True, "self": i == self.current_replica[0], "last_seen": None,
                     "behind": 0, "clock": self.counter} for i in (1, 2, 3)]

    def close(self):
        self.closed = True
