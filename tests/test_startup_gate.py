"""The start-up gate of a replica with an empty data dir (contacts.replication.Replicator):
writes wait for its first catch-up, so a wiped replica never reuses its old sequence numbers,
but a replica with nobody to learn from, or that has caught up, takes writes at once."""
from contacts.config import Settings
from contacts.replication import Replicator
from contacts.store import ContactStore


def replicator(tmp_path, name="r1"):
    store = ContactStore(tmp_path / name, 1)
    return store, Replicator(store, Settings())


def test_a_new_replica_alone_opens_the_gate_once_discovery_found_nobody(tmp_path):
    store, rep = replicator(tmp_path)
    rep.begin(first_start=store.is_new, sync_timeout=120)
    assert not rep.ready.is_set()
    rep.discovered()
    assert rep.ready.is_set()
    store.close()


def test_a_catch_up_that_ends_during_discovery_opens_the_gate_for_good(tmp_path):
    """The race a fresh cluster hit: its first (empty) catch-up finished before the
    gate was set up, and the gate then stayed closed for the whole timeout."""
    store, rep = replicator(tmp_path)
    rep.begin(first_start=True, sync_timeout=120)
    rep.synced_with(link=None)          # a peer link's catch-up ended, during discovery
    rep.discovered()
    assert rep.ready.is_set()
    store.close()


def test_a_replica_with_data_never_waits(tmp_path):
    store, rep = replicator(tmp_path)
    store.write_local("c1", {"name": "Ada", "deleted": False})
    store.close()
    store, rep = replicator(tmp_path)
    assert not store.is_new
    rep.begin(first_start=store.is_new, sync_timeout=120)
    assert rep.ready.is_set()
    store.close()


def test_a_replica_that_served_before_waits_for_a_peer_however_long(tmp_path):
    """An empty data dir of a replica the name server remembers (contacts.member.N): it
    must get its own earlier updates back before numbering new ones, alone or not."""
    store, rep = replicator(tmp_path)
    rep.begin(first_start=True, sync_timeout=0.01, served_before=True)
    rep.discovered()                    # nobody registered: still closed
    assert not rep.ready.wait(0.2), "no timeout opens the gate"
    rep.synced_with(link=None)          # a peer gave back what it had
    assert rep.ready.is_set()
    store.close()
