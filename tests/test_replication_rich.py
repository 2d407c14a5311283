"""The rich contact (issue 14) across real replica processes: concurrent edits of
different new fields merged, groups added and removed concurrently (add wins), a photo's
bytes reaching the peers, per-call regions, and the schema in ping."""
import base64

from contacts.replica.store import SCHEMA_VERSION
from convergence import call, wait_converged
from test_replication_network import proxied_cluster  # noqa: F401  (the fixture)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_concurrent_edits_of_new_fields_and_groups_merge(proxied_cluster):  # noqa: F811
    cluster, proxies, direct = proxied_cluster({1: 0.0, 2: 0.0})
    one, two = direct[1], direct[2]
    assert call(one, "ping")["schema"] == SCHEMA_VERSION
    contact = call(one, "add_contact", {"name": "Maria", "groups": ["Work", "Chess"],
                                        "photo": {"data": base64.b64encode(PNG).decode()}})
    wait_converged(direct.values())
    # the photo's bytes came with the update; the listing carries only the register
    assert base64.b64decode(call(two, "get_photo", contact["photo"]["hash"])) == PNG
    assert "data" not in call(two, "list_contacts")[0]["photo"]

    for proxy in proxies:
        proxy.cut()
    call(one, "update_contact", contact["id"], {
        "birthday": "1985-04-15", "addresses": [{"label": "home", "street": "Rua A, 12", "locality": "Natal"}],
        "groups": ["Chess"]})                                         # removes Work
    call(two, "update_contact", contact["id"], {
        "title": "Countess", "nicknames": ["Clarinha"], "starred": True,
        "groups": {"add": ["Work", "Family"], "remove": ["Chess"]}})  # re-adds Work, removes Chess
    assert call(one, "get_contact", contact["id"])["title"] == ""
    assert call(two, "get_contact", contact["id"])["birthday"] == ""

    for proxy in proxies:
        proxy.heal()
    final = wait_converged(direct.values(), timeout=30, what="the replicas to converge after the partition")
    merged, = final["contacts"]
    assert merged["birthday"] == "1985-04-15" and merged["addresses"][0]["locality"] == "Natal"
    assert merged["title"] == "Countess" and merged["nicknames"] == ["Clarinha"] and merged["starred"] is True
    # Work: the add on 2 is concurrent with the remove on 1, so it wins; Chess: removed on 2,
    # and the (no-op) keep on 1 added no new tag, so it is gone
    assert merged["groups"] == ["Family", "Work"]
    assert merged["photo"] == contact["photo"]


def test_region_per_call_over_the_wire(proxied_cluster):  # noqa: F811
    cluster, proxies, direct = proxied_cluster({1: None})
    one = direct[1]
    br = call(one, "add_contact", {"name": "A", "phones": [{"number": "(84) 98888-7777"}]}, None, "BR")
    assert br["phones"][0]["e164"] == "+5584988887777"
    results = call(one, "add_contacts", [{"name": "B", "phones": [{"number": "(84) 98888-7777"}]}], "BR")
    assert results[0]["phones"][0]["e164"] == "+5584988887777"
    kept = call(one, "add_contact", {"name": "C", "phones": [{"number": "+234 1 234 5678"}, {"number": "ring me"}]})
    assert [p["number"] for p in kept["phones"]] == ["+234 1 234 5678", "ring me"]


def test_a_full_copy_fetches_the_photos_it_lacks(cluster_factory):
    from contacts.cluster import wait_until
    from contacts.replica.store import ContactStore
    from convergence import cluster_uris, fast_env
    cluster = cluster_factory(2, env=fast_env(), name="photos")
    one, two = cluster_uris(cluster, (1, 2))
    cluster.kill(2)
    with_photo = call(one, "add_contact", {"name": "Photo", "photo": {"data": base64.b64encode(PNG).decode()}})
    for n in range(5):
        call(one, "add_contact", {"name": f"Filler {n}"})
    cluster.stop_replica(1)
    store = ContactStore(cluster.data_dir(1), 1)
    store.compact(keep_per_origin=2)   # the update carrying the photo's bytes is gone
    store.close()
    cluster.start_replica(1)
    cluster.start_replica(2)
    one, two = cluster_uris(cluster, (1, 2))
    wait_converged([one, two], timeout=30, what="replica 2 to converge through a full copy")
    digest = with_photo["photo"]["hash"]

    def photo_there():
        try:
            return base64.b64decode(call(two, "get_photo", digest)) == PNG
        except ValueError:   # not fetched yet
            return False
    wait_until(photo_there, 10, what="replica 2 to hold the photo's bytes")
    assert "taking a full copy" in (cluster.base_dir / "replica-2.log").read_text()
