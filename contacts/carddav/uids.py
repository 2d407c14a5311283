"""Which card holds a UID: what a PUT of a new card checks (RFC 6352 6.3.2.1, no-uid-conflict).

A card's UID is its contact id, or the UID the client gave (kept in the contact's ``extra``,
cards.py), and the card may live under any name: the UID alone does not tell where to look.
The gateway keeps a map UID -> card name of the live contacts, built once from a listing and
then kept current from the update record (``changes_since`` from the vector it was last
brought to: only what changed meanwhile is read), so the check costs no scan of the book.
"""
import threading

from ..errors import HistoryTruncated
from ..versions import VersionVector
from . import cards


class UidIndex:
    def __init__(self):
        self._lock = threading.Lock()
        self._vector = None        # what the map accounts for (None: not built yet)
        self._by_uid = {}          # UID -> card name
        self._uid_of = {}          # contact id -> its UID (to drop the old one on a change)

    def name_of(self, call, uid):
        """The name of the live card whose UID is ``uid``, or None.  ``call(method, ...)``
        calls the cluster (Gateway.call)."""
        with self._lock:
            self._bring_up_to_date(call)
            return self._by_uid.get(uid)

    def _bring_up_to_date(self, call):
        if self._vector is not None:
            try:
                covered = self._vector
                while True:
                    answer = call("changes_since", covered.to_wire())
                    for contact in answer["contacts"]:
                        self._note(contact)
                    covered = VersionVector.from_wire(answer["vector"])
                    if not answer["more"]:
                        break
                self._vector = self._vector.merged(covered)
                return
            except HistoryTruncated:
                pass   # the record no longer reaches back: list again
        vector = VersionVector.from_wire(call("ping")["vector"])
        self._by_uid, self._uid_of = {}, {}
        for contact in call("list_contacts", after=vector.to_wire()):
            self._note(contact)
        # the listing holds at least ``vector``; what it holds past it is read again next time
        self._vector = vector

    def _note(self, contact):
        old = self._uid_of.pop(contact["id"], None)
        if old is not None and self._by_uid.get(old) == cards.href_of(contact):
            del self._by_uid[old]
        if not contact.get("deleted"):
            uid = cards.uid_of(contact)
            self._uid_of[contact["id"]] = uid
            self._by_uid[uid] = cards.href_of(contact)
