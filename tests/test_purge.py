"""Delete forever (purge_contact, empty_trash) with real replica processes: a purge reaches
every replica, one that was down too; it takes the values out of the update record; and no
update from a replica that had not seen it (older or newer stamp, before or after it) brings
anything back (docs/replication.md, Delete forever)."""
import json

import pytest

from contacts.cluster import wait_until
from convergence import call, cluster_uris, fast_env, wait_converged, wait_everywhere

PHONE = "+55 84 98888-7777"


def add(uri, name, **fields):
    return call(uri, "add_contact", {"name": name, "phones": [{"label": "mobile", "number": PHONE}], **fields})


def gone_everywhere(uris, contact_id):
    for uri in uris:
        with pytest.raises(LookupError):
            call(uri, "get_contact", contact_id)
        assert contact_id not in [c["id"] for c in call(uri, "list_deleted")]
        assert contact_id not in [c["id"] for c in call(uri, "list_contacts")]
        # the values left the update record too (a peer catching up learns only the purge)
        record = call(uri, "fetch_updates", {}, 1000)["updates"]
        mine = [u for u in record if u["contact_id"] == contact_id]
        assert mine and all(u["changes"] == {"purged": True} for u in mine), mine
        assert PHONE not in json.dumps(record) and "segredo" not in json.dumps(record)


def test_a_purge_reaches_every_replica_and_a_late_update_does_not_resurrect(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    ana = add(uris[0], "Ana Beatriz Gonçalves", notes="segredo")
    joao = add(uris[1], "João Silva", phones=[])
    wait_everywhere(uris, joao["id"], what="both adds everywhere")
    wait_everywhere(uris, ana["id"], what="both adds everywhere")

    # only a contact in the trash can be purged: a live one is refused and stays as it was
    with pytest.raises(ValueError, match="not in the trash"):
        call(uris[0], "purge_contact", ana["id"])
    assert call(uris[0], "get_contact", ana["id"])["notes"] == "segredo"
    with pytest.raises(LookupError):
        call(uris[0], "purge_contact", "no-such-contact")

    call(uris[1], "delete_contact", ana["id"])
    wait_converged(uris)
    cluster.kill(3)                      # replica 3 is down when the purge is made
    call(uris[0], "purge_contact", ana["id"])
    call(uris[0], "purge_contact", ana["id"])   # again: nothing more happens
    cluster.start_replica(3)
    uris = cluster_uris(cluster, (1, 2, 3))
    wait_until(lambda: all(ana["id"] not in [c["id"] for c in call(u, "list_deleted")] for u in uris),
               20, what="the purge on every replica, the one that was down too")
    converged = wait_converged(uris)
    assert [c["id"] for c in converged["contacts"]] == [joao["id"]] and converged["deleted"] == []
    gone_everywhere(uris, ana["id"])

    # a replica (9) that edited Ana before it saw the purge, its update arriving late with a
    # counter newer than the purge's: it is dropped, not merged
    clock = max(call(u, "ping")["clock"] for u in uris)
    late = {"origin": 9, "seq": 1, "counter": clock + 5, "contact_id": ana["id"],
            "changes": {"name": "Ana, resurrected?", "notes": "segredo de volta?", "deleted": False}}
    for uri in uris:
        call(uri, "apply_update", late)
    final = wait_converged(uris)
    assert [c["id"] for c in final["contacts"]] == [joao["id"]] and final["deleted"] == []
    for uri in uris:
        with pytest.raises(LookupError):
            call(uri, "get_contact", ana["id"])
        assert call(uri, "search", "resurrected") == []
    gone_everywhere(uris, ana["id"])   # the late update is recorded as a purge, its values dropped


def test_an_update_that_arrived_before_the_purge_is_purged_with_it(cluster_factory):
    cluster = cluster_factory(2, env=fast_env())
    uris = cluster_uris(cluster, (1, 2))
    ana = add(uris[0], "Ana")
    call(uris[0], "delete_contact", ana["id"])
    wait_converged(uris)
    # replica 2 holds a concurrent edit (from replica 9) the purge's replica never saw
    clock = call(uris[1], "ping")["clock"]
    early = {"origin": 9, "seq": 1, "counter": clock + 1000, "contact_id": ana["id"],
             "changes": {"notes": "arrived first", "deleted": False}}
    call(uris[1], "apply_update", early)
    assert call(uris[1], "get_contact", ana["id"])["notes"] == "arrived first"   # newer: undeleted there
    call(uris[0], "purge_contact", ana["id"])
    wait_until(lambda: all(not call(u, "search", "Ana") and not call(u, "list_deleted") for u in uris),
               20, what="the purge on both")
    with pytest.raises(LookupError):
        call(uris[1], "get_contact", ana["id"])
    call(uris[0], "apply_update", early)   # and where it comes after the purge: dropped too
    assert call(uris[0], "search", "arrived") == []


def test_empty_trash_purges_every_deleted_contact_only(cluster_factory):
    cluster = cluster_factory(2, env=fast_env())
    uris = cluster_uris(cluster, (1, 2))
    kept = add(uris[0], "Kept")
    trashed = [add(uris[0], f"Trashed {i}") for i in range(3)]
    for contact in trashed:
        call(uris[0], "delete_contact", contact["id"])
    wait_converged(uris)
    assert call(uris[1], "empty_trash") == 3
    wait_until(lambda: call(uris[0], "list_deleted") == [], 20, what="the empty trash on replica 1")
    final = wait_converged(uris)
    assert [c["id"] for c in final["contacts"]] == [kept["id"]] and final["deleted"] == []
    assert call(uris[1], "empty_trash") == 0


PHOTO_A = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2
PHOTO_B = b"\x89PNG\r\n\x1a\n" + bytes(range(255, -1, -1)) * 2


def names_in(contacts):
    return [c["name"] for c in contacts]


def photo_held(uri, digest):
    try:
        return bool(call(uri, "get_photo", digest))
    except ValueError:
        return False


def test_a_purged_contacts_photo_leaves_every_replica_unless_another_contact_shows_it(cluster_factory):
    import base64
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    photo = {"data": base64.b64encode(PHOTO_A).decode()}
    ana = add(uris[0], "Ana", photo=photo)
    bia = add(uris[0], "Bia", photo={"data": base64.b64encode(PHOTO_B).decode()})
    cai = add(uris[0], "Caio", photo=photo)       # the same picture as Ana's: stored once
    digest_a, digest_b = ana["photo"]["hash"], bia["photo"]["hash"]
    wait_until(lambda: all(photo_held(u, d) for u in uris for d in (digest_a, digest_b)), 20,
               what="both photos on every replica")
    for contact in (ana, bia):
        call(uris[0], "delete_contact", contact["id"])
    wait_converged(uris)
    cluster.kill(3)                        # it holds both photos and misses both purges
    call(uris[0], "purge_contact", ana["id"])
    wait_until(lambda: names_in(call(uris[1], "list_deleted")) == ["Bia"], 10, what="Ana's purge on replica 2")
    assert call(uris[1], "empty_trash") == 1   # Bia
    cluster.start_replica(3)
    uris = cluster_uris(cluster, (1, 2, 3))
    wait_until(lambda: not any(photo_held(u, digest_b) for u in uris), 20,
               what="Bia's photo gone from every replica, the one that caught up too")
    final = wait_converged(uris)
    assert names_in(final["contacts"]) == ["Caio"] and final["deleted"] == []
    for uri in uris:   # Caio still shows the picture Ana had
        assert base64.b64decode(call(uri, "get_photo", digest_a)) == PHOTO_A
    assert call(uris[0], "get_contact", cai["id"])["photo"]["hash"] == digest_a


def test_empty_trash_and_restores_at_once_each_contact_is_purged_or_restored(cluster_factory):
    """Emptying the trash while someone restores contacts from it: no error for the whole
    empty_trash; each contact is either purged before its restore (the restore says it is
    gone) or restored first (then it stays, the purge leaves it); nothing is lost half-done."""
    import threading
    cluster = cluster_factory(2, env=fast_env())
    uris = cluster_uris(cluster, (1, 2))
    added = call(uris[0], "add_contacts", [{"name": f"Pessoa {n:03d}"} for n in range(120)])
    ids = [c["id"] for c in added]
    for contact_id in ids:
        call(uris[0], "delete_contact", contact_id)
    start, outcome = threading.Barrier(2), {}

    def empty():
        start.wait()
        try:
            outcome["purged"] = call(uris[0], "empty_trash", timeout=60)
        except Exception as exc:   # what the user would see: the whole empty_trash failed
            outcome["error"] = exc

    restored, gone = [], []

    def restore():   # from the end of the trash, towards the purge coming from its start
        start.wait()
        for contact_id in reversed(ids):
            try:
                restored.append(call(uris[0], "restore_contact", contact_id)["id"])
            except LookupError:
                gone.append(contact_id)
    threads = [threading.Thread(target=empty), threading.Thread(target=restore)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert "error" not in outcome, outcome.get("error")
    assert sorted(restored + gone) == sorted(ids)
    assert outcome["purged"] == len(gone)
    final = wait_converged(uris)
    assert final["deleted"] == []
    assert sorted(c["id"] for c in final["contacts"]) == sorted(restored)
    for uri in uris:
        for contact_id in gone[:5] + gone[-5:]:
            with pytest.raises(LookupError):
                call(uri, "get_contact", contact_id)
