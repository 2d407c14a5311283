"""The live-contact count a store keeps at each write (ping's "contacts", count_contacts, the
window's row count of a big book) always equals what its table holds, whatever mix of
local writes, peers' updates (an edit arriving before its add included), full copies,
refused writes and restarts led there."""
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from contacts.errors import ContactsError
from contacts.replica.store import DB_NAME, ContactStore

IDS = [f"c{n}" for n in range(6)]


def counted(store):
    """What the table says, read apart from the store's own connections."""
    with sqlite3.connect(store.path) as db:
        return db.execute("SELECT COUNT(*) FROM contacts WHERE visible=1").fetchone()[0]


class Peer:
    """Updates from other replicas: numbered per origin, stamped above what the store saw."""

    def __init__(self):
        self.seq = {}
        self.counter = 1000

    def update(self, origin, contact_id, changes):
        self.seq[origin] = self.seq.get(origin, 0) + 1
        self.counter += 1
        return {"origin": origin, "seq": self.seq[origin], "counter": self.counter,
                "contact_id": contact_id, "changes": changes}


CHANGES = st.sampled_from([
    {"name": "Ada", "deleted": False},                # an add (or an edit that restores)
    {"deleted": True},                                # a delete
    {"deleted": False},                               # a restore
    {"notes": "edited"},                              # an edit, maybe before the add arrived
    {"name": "Grace", "notes": "again", "deleted": False},
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_live_count_equals_the_table_after_any_writes(tmp_path_factory, data):
    directory = tmp_path_factory.mktemp("live")
    store = ContactStore(directory, 1, index_delay=None)
    peer = Peer()
    try:
        for _ in range(data.draw(st.integers(1, 25), label="steps")):
            step = data.draw(st.sampled_from(["local", "remote", "batch", "snapshot", "refused", "restart"]))
            contact_id = data.draw(st.sampled_from(IDS))
            if step == "local":
                with store.write_lock:
                    store.write_local(contact_id, data.draw(CHANGES))
            elif step == "remote":
                store.apply_remote([peer.update(data.draw(st.sampled_from([2, 3])), contact_id, data.draw(CHANGES))])
            elif step == "batch":   # several at once, in one commit, some for the same contact
                store.apply_remote([peer.update(2, data.draw(st.sampled_from(IDS)), data.draw(CHANGES))
                                    for _ in range(data.draw(st.integers(1, 4)))])
            elif step == "snapshot":
                deleted = data.draw(st.booleans())
                store.apply_snapshot([[contact_id, {"name": ["Snap", peer.counter + 1, 4],
                                                    "deleted": [deleted, peer.counter + 1, 4]}]], {})
                peer.counter += 1
            elif step == "refused":   # a write that fails halfway (its 2nd state) is undone, count included
                with pytest.raises(ContactsError):
                    store.apply_snapshot([[contact_id, {"name": ["Doomed", peer.counter + 1, 4],
                                                        "deleted": [False, peer.counter + 1, 4]}],
                                          ["c-bad", {"name": ["", 1, 4]}]], {})
            else:
                store.close()
                store = ContactStore(directory, 1, index_delay=None)
            assert store.count() == counted(store)
    finally:
        store.close()


def test_a_write_section_sees_its_own_uncommitted_count(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    try:
        with store.write_lock:
            store.write_local("a", {"name": "Ada", "deleted": False})
            assert store.count() == 1    # this thread's open group
        assert store.count() == 1 == counted(store)
        assert (tmp_path / "r1" / DB_NAME).is_file()
    finally:
        store.close()
