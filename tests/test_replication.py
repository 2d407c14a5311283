"""Replication with real processes: crashes, catch-up, a new replica, a wiped data dir,
tombstones, forged stamps, the name server going away, and the full-copy fallback."""
import json
import shutil

import pytest

from contacts.cluster import wait_until
from contacts.naming import name_server_proxy, replica_name
from contacts.replica.store import ContactStore
from convergence import call, cluster_uris, fast_env, wait_converged, wait_everywhere

PHONE = {"label": "mobile", "number": "+44 20 7946 0958"}


def add(uri, name, **fields):
    return call(uri, "add_contact", {"name": name, **fields})


def status_of(uri, replica_id):
    return next(s for s in call(uri, "cluster_status") if s["replica_id"] == replica_id)


def test_killed_replica_catches_up_with_writes_updates_and_deletes(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    one, two, three = cluster_uris(cluster, (1, 2, 3))
    kept = add(one, "Ada Lovelace", phones=[PHONE])
    edited = add(two, "Grace Hopper")
    doomed = add(three, "Alan Turing")
    wait_converged([one, two, three])
    wait_until(lambda: status_of(one, 3)["behind"] == 0, 5, what="replica 1 to see 3 up to date")

    cluster.kill(3)  # SIGKILL: no goodbye
    down = wait_until(lambda: not status_of(one, 3)["alive"] and status_of(one, 3),
                      5, what="replica 1 to see replica 3 down")
    assert down["behind"] == 0 and down["last_seen"] is not None
    added = add(one, "Edsger Dijkstra", organization="TU Eindhoven")
    assert added["write"]["ack"] == "local" and added["write"]["replicas"] == 1  # the default mode
    call(two, "update_contact", edited["id"], {"organization": "US Navy"})
    call(one, "update_contact", kept["id"], {"notes": "first programmer"})
    call(two, "delete_contact", doomed["id"])
    wait_until(lambda: status_of(one, 3)["behind"] == 4, 5,
               what="replica 1 to count the 4 updates replica 3 lacks")

    cluster.start_replica(3)
    three = cluster.uri(3)
    final = wait_converged([one, two, three])
    names = {c["name"]: c for c in final["contacts"]}
    assert set(names) == {"Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"}
    assert names["Grace Hopper"]["organization"] == "US Navy"
    assert names["Ada Lovelace"]["notes"] == "first programmer"
    assert names["Edsger Dijkstra"]["id"] == added["id"]
    assert [c["id"] for c in final["deleted"]] == [doomed["id"]]
    with pytest.raises(LookupError):
        call(three, "get_contact", doomed["id"])
    assert wait_until(lambda: status_of(one, 3)["alive"] and status_of(one, 3)["behind"] == 0, 5,
                      what="replica 3 alive and not behind in replica 1's cluster_status")


def test_new_replica_with_empty_data_dir_receives_thousands_of_contacts(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    # load 3000 contacts fast: as updates of replica 1, the way a bulk import would
    info = call(uris[0], "ping")
    seq, counter = info["vector"].get("1", 0), info["clock"]
    updates = [{"origin": 1, "seq": seq + n, "counter": counter + n, "contact_id": f"bulk-{n:05d}",
                "changes": {"name": f"Person {n:05d}", "organization": f"Org {n % 17}",
                            "phones": [{"label": "work", "number": f"+1 212 555 {n % 10000:04d}",
                                        "e164": f"+1212555{n % 10000:04d}"}],
                            "deleted": False}}
               for n in range(1, 3001)]
    for start in range(0, len(updates), 1000):
        assert call(uris[0], "apply_updates", updates[start:start + 1000])["applied"] == 1000
    assert call(uris[0], "count_contacts") == 3000
    wait_converged(uris, timeout=60)

    cluster.start_replica(4)  # a data dir that does not exist yet
    four = cluster.uri(4)
    final = wait_converged(uris + [four], timeout=60, what="replica 4 to receive everything")
    assert len(final["contacts"]) == 3000
    # the others found replica 4 without being restarted
    for uri in uris:
        wait_until(lambda: any(s["replica_id"] == 4 and s["alive"] for s in call(uri, "cluster_status")),
                   5, what="the others to see replica 4")
    # and replica 4 is a full member: its writes reach everyone
    fresh = add(four, "Barbara Liskov")
    wait_everywhere(uris, fresh["id"], what="replica 4's write on the others")


def test_replica_with_wiped_data_dir_gets_its_updates_back_and_reuses_no_sequence_number(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    before = [add(uris[2], f"Written on 3 #{n}") for n in range(5)]
    wait_converged(uris)
    cluster.kill(3)
    shutil.rmtree(cluster.data_dir(3))  # the disk is replaced; same replica number
    cluster.start_replica(3)
    uris[2] = cluster.uri(3)
    after = add(uris[2], "Written on 3 after the wipe")  # waits for its first catch-up
    assert after["write"]["seq"] == before[-1]["write"]["seq"] + 1
    final = wait_converged(uris)
    assert len(final["contacts"]) == 6


def test_a_wiped_replica_whose_peers_are_down_takes_no_write_until_it_has_its_own_back(cluster_factory):
    """Before, after startup_sync_timeout it took writes numbered from 1 again: peers then
    dropped them as updates they already held, and they stayed on that replica alone."""
    cluster = cluster_factory(2, env=fast_env(CONTACTS_STARTUP_SYNC_TIMEOUT="0.5"))
    uris = cluster_uris(cluster, (1, 2))
    before = [add(uris[1], f"Written on 2 #{n}") for n in range(3)]
    wait_converged(uris)
    cluster.stop_replica(1)   # SIGTERM: replica 1 unregisters; 2 is then alone in the name server
    cluster.kill(2)
    shutil.rmtree(cluster.data_dir(2))
    cluster.start_replica(2)
    two = cluster.uri(2)
    wait_until(lambda: call(two, "ping")["uptime"] > 1.5, 10, what="replica 2 past its sync timeout")
    with pytest.raises(ConnectionError, match="lost its data"):
        add(two, "Written on 2 too early")
    assert "served before" in (cluster.base_dir / "replica-2.log").read_text()

    cluster.start_replica(1)  # a peer with replica 2's past is back: its writes go on after it
    uris = cluster_uris(cluster, (1, 2))
    after = wait_until(lambda: add(uris[1], "Written on 2 after its peer came back"), 30,
                       what="replica 2 taking writes again")
    assert after["write"]["seq"] == before[-1]["write"]["seq"] + 1
    final = wait_converged(uris)
    assert sorted(c["name"] for c in final["contacts"]) == sorted(
        [c["name"] for c in before] + ["Written on 2 after its peer came back"])


def test_a_retired_replica_is_forgotten_and_known_again_if_it_returns(cluster_factory):
    cluster = cluster_factory(3, env=fast_env(CONTACTS_FORGET_AFTER="1"))
    uris = cluster_uris(cluster, (1, 2, 3))

    def listed(uri):
        return {peer["replica_id"] for peer in call(uri, "cluster_status")}
    wait_until(lambda: all(listed(uri) == {1, 2, 3} for uri in uris), 10, what="everyone knowing everyone")
    cluster.stop_replica(3)                  # SIGTERM: retired, so it unregisters
    for uri in uris[:2]:
        wait_until(lambda: listed(uri) == {1, 2}, 20, what="replica 3 forgotten")
    for replica_id in (1, 2):                # ... across restarts too
        assert "3" not in json.loads((cluster.data_dir(replica_id) / "peers.json").read_text())

    cluster.start_replica(3)                 # it comes back after all: known again
    uris = cluster_uris(cluster, (1, 2, 3))
    for uri in uris[:2]:
        wait_until(lambda: 3 in {p["replica_id"] for p in call(uri, "cluster_status") if p["alive"]}, 20,
                   what="replica 3 known again")
    written = add(uris[2], "Back from retirement")
    wait_everywhere(uris, written["id"], what="its write on the others")


def test_deleted_contact_stays_deleted_across_restarts_and_stale_updates(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    contact = add(uris[0], "Ada Lovelace")
    wait_everywhere(uris[1:2], contact["id"], what="the add on replica 2")
    call(uris[1], "update_contact", contact["id"], {"notes": "an edit before the delete"})
    wait_converged(uris)
    old = call(uris[0], "fetch_updates", {}, 100)["updates"]
    assert {u["contact_id"] for u in old} == {contact["id"]}
    call(uris[2], "delete_contact", contact["id"])
    wait_converged(uris)

    for replica_id in (1, 2, 3):  # every replica crashes and comes back
        cluster.kill(replica_id)
    for replica_id in (1, 2, 3):
        cluster.start_replica(replica_id, wait=False)
    for replica_id in (1, 2, 3):
        cluster.wait_replica(replica_id)
    uris = cluster_uris(cluster, (1, 2, 3))
    after_restart = wait_converged(uris)
    assert after_restart["contacts"] == []
    assert [c["id"] for c in after_restart["deleted"]] == [contact["id"]]

    # stale updates arrive late: the old add and edit again, and an edit from a replica
    # (9) whose counter is older than the tombstone's
    tombstone = after_restart["deleted"][0]["updated"]
    late = {"origin": 9, "seq": 1, "counter": tombstone[0] - 1, "contact_id": contact["id"],
            "changes": {"name": "Ada, resurrected?", "deleted": False}}
    for uri in uris:
        call(uri, "apply_updates", old)
        call(uri, "apply_update", late)
    final = wait_converged(uris)
    assert final["contacts"] == []
    assert final["deleted"][0]["name"] == "Ada, resurrected?"  # merged, but still in the trash
    for uri in uris:
        with pytest.raises(LookupError):
            call(uri, "get_contact", contact["id"])


def test_forged_stamp_is_refused_and_changes_nothing(cluster_factory):
    cluster = cluster_factory(2, env=fast_env())
    one, two = cluster_uris(cluster, (1, 2))
    contact = add(one, "Ada Lovelace")
    wait_converged([one, two])
    before = call(two, "ping")
    good = {"origin": 2, "seq": before["vector"].get("2", 0) + 1, "counter": before["clock"] + 1,
            "contact_id": "honest", "changes": {"name": "Honest", "deleted": False}}
    forged = {"origin": 7, "seq": 1, "counter": 2 ** 60, "contact_id": contact["id"],
              "changes": {"name": "Mallory", "deleted": False}}
    for batch in ([forged], [good, forged]):
        with pytest.raises(ValueError, match="absurd|out of range|far ahead"):
            call(two, "apply_updates", batch)
    far_ahead = dict(forged, counter=before["clock"] + 10 ** 10)
    with pytest.raises(ValueError, match="far ahead"):
        call(two, "apply_update", far_ahead)
    after = call(two, "ping")
    assert (after["clock"], after["vector"], after["contacts"]) == \
        (before["clock"], before["vector"], before["contacts"])
    assert call(two, "get_contact", contact["id"])["name"] == "Ada Lovelace"
    with pytest.raises(LookupError):
        call(two, "get_contact", "honest")  # the good half of a refused batch is not applied


def test_replication_goes_on_without_the_name_server_which_relearns_replicas(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    cluster.kill_name_server()
    written = add(uris[1], "Written while the name server is down")
    wait_everywhere(uris, written["id"], what="the write on every replica without a name server")
    assert all(s["alive"] for s in call(uris[0], "cluster_status"))

    cluster.start_name_server()  # same port, same sql storage
    assert cluster_uris(cluster, (1, 2, 3)) == uris
    # entries it lost come back: the replicas re-register
    with name_server_proxy(cluster.host, cluster.ns_port) as ns:
        ns.remove(replica_name(2))
    wait_until(lambda: cluster.uri(2) == uris[1], 10, what="replica 2 to register again")
    wait_converged(uris)


def test_replica_that_missed_compacted_updates_takes_a_full_copy(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    first = add(uris[0], "Before the crash")
    wait_converged(uris)
    cluster.kill(3)
    made = [add(uris[n % 2], f"Missed {n}") for n in range(30)]
    call(uris[1], "delete_contact", first["id"])
    call(uris[0], "update_contact", made[0]["id"], {"notes": "edited"})
    wait_converged(uris[:2])
    # the operator compacts the update record of both survivors (offline)
    for replica_id in (1, 2):
        cluster.stop_replica(replica_id)
        store = ContactStore(cluster.data_dir(replica_id), replica_id)
        store.compact(keep_per_origin=3)
        assert store.updates_since({}, 1000)[1] is False  # the record no longer has it all
        store.close()
        cluster.start_replica(replica_id)
    cluster.start_replica(3)
    uris = cluster_uris(cluster, (1, 2, 3))
    final = wait_converged(uris, timeout=30, what="replica 3 to converge through a full copy")
    assert len(final["contacts"]) == 30
    assert [c["id"] for c in final["deleted"]] == [first["id"]]
    assert next(c for c in final["contacts"] if c["id"] == made[0]["id"])["notes"] == "edited"
    log = (cluster.base_dir / "replica-3.log").read_text()
    assert "taking a full copy" in log
    # replica 3 goes on replicating normally afterwards
    later = add(uris[2], "After the full copy")
    wait_everywhere(uris, later["id"], what="replica 3's new write on the others")


def test_a_new_cluster_takes_writes_at_once_on_every_replica(cluster_factory):
    """A replica with an empty data dir holds writes until its first catch-up; in a brand-new
    cluster that catch-up finds nothing and must open the gate at once, not after the timeout."""
    env = dict(fast_env(), CONTACTS_STARTUP_SYNC_TIMEOUT="120")
    cluster = cluster_factory(3, env=env)
    for replica_id in (1, 2, 3):
        with cluster.proxy(replica_id, timeout=20) as proxy:   # far below the 120 s gate
            assert proxy.add_contact({"name": f"First on {replica_id}"})["write"]["seq"] == 1
