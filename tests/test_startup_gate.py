"""The start-up gate of a replica with an empty data dir (contacts.replication.Replicator):
writes wait for its first catch-up, so a wiped replica never reuses its old sequence numbers,
but a replica with nobody to learn from, or that has caught up, takes writes at once."""
from contacts.config import Settings
from contacts.replication import Replicator
from contacts.replication.peer_link import PeerLink
from contacts.replica.store import ContactStore
from contacts.versions import VersionVector


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


def test_a_wiped_replica_waits_for_the_peer_holding_more_of_its_own_updates(tmp_path):
    """Caught up from one peer that lacks some of its old updates while another peer that
    is up holds them: taking writes now would number new updates over those."""
    store, rep = replicator(tmp_path)
    richer = PeerLink(rep, 3, "PYRO:contacts.replica.3@127.0.0.1:9")   # not started: its state only
    richer.alive, richer.vector = True, VersionVector({1: 3, 3: 7})
    rep.links[3] = richer
    rep.begin(first_start=True, sync_timeout=120, served_before=True)
    store.apply_remote([{"origin": 1, "seq": 1, "counter": 1, "contact_id": "a",
                         "changes": {"name": "Ada", "deleted": False}}])   # what the poorer peer had
    rep.synced_with(link=None)
    assert not rep.ready.is_set(), "replica 3 holds updates 2 and 3 of replica 1"
    assert richer._sync_due == 0.0     # asked to pull from it at once
    store.apply_remote([{"origin": 1, "seq": n, "counter": n, "contact_id": "a", "changes": {"notes": f"v{n}"}}
                        for n in (2, 3)])
    rep.synced_with(link=richer)
    assert rep.ready.is_set()
    assert store.write_local("b", {"name": "Bea", "deleted": False})[0]["seq"] == 4
    store.close()
