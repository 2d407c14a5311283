"""Listing by first or last name (contacts.name_order) on real replica processes: the keys
live in each replica's SQLite, pages follow them, an edit of the name moves the contact,
and a replica that catches up holds the same order (docs/remote-api.md, ``order``)."""
import pytest

from convergence import call, cluster_uris, fast_env, wait_converged

PEOPLE = [("Zélia Amaral", "Zélia", "Amaral"), ("Álvaro Souza", "Álvaro", "Souza"),
          ("bruno costa", "bruno", "costa"), ("Ana Zanetti", "Ana", "Zanetti"),
          ("Carla Souza", "Carla", "Souza"), ("Prince", None, None), ("Otávio Barros", "Otávio", "Barros")]


def names(contacts):
    return [c["name"] for c in contacts]


def pages(uri, order, size=3):
    """The whole book in ``order``, read as pages by offset and, separately, by key."""
    by_offset, offset = [], 0
    while True:
        page = call(uri, "list_contacts", offset, size, None, None, order)
        by_offset += page
        offset += size
        if len(page) < size:
            break
    by_key, key = [], None
    while True:
        page = call(uri, "list_contacts", 0, size, None, key, order)
        by_key += page
        if len(page) < size:
            break
        key = [page[-1]["name"], page[-1]["id"]]
    assert names(by_key) == names(by_offset)
    return names(by_offset)


def test_pages_by_last_and_first_name_and_a_late_replica_holds_the_same_order(cluster_factory):
    cluster = cluster_factory(3, env=fast_env())
    uris = cluster_uris(cluster, (1, 2, 3))
    cluster.kill(3)                      # it learns everything by catching up
    added = {}
    for name, given, family in PEOPLE:
        contact = {"name": name}
        if given:
            contact["n"] = {"given": [given], "family": [family]}
        added[name] = call(uris[0], "add_contact", contact)
    by_last = ["Zélia Amaral", "Otávio Barros", "bruno costa", "Prince", "Álvaro Souza", "Carla Souza",
               "Ana Zanetti"]
    by_first = ["Álvaro Souza", "Ana Zanetti", "bruno costa", "Carla Souza", "Otávio Barros", "Prince",
                "Zélia Amaral"]
    assert pages(uris[0], "last") == by_last     # accents and case ignored: Álvaro with the A's
    assert pages(uris[0], "first") == by_first
    assert names(call(uris[0], "list_contacts")) == names(call(uris[0], "list_contacts", 0, None, None, None, "name"))

    # a new family name moves the contact; a starred one comes first
    call(uris[0], "update_contact", added["Ana Zanetti"]["id"], {"n": {"given": ["Ana"], "family": ["Abreu"]}})
    call(uris[0], "update_contact", added["Prince"]["id"], {"starred": True})
    moved = ["Prince", "Ana Zanetti", "Zélia Amaral", "Otávio Barros", "bruno costa", "Álvaro Souza",
             "Carla Souza"]
    assert pages(uris[0], "last") == moved
    for name in ("Carla Souza", "Otávio Barros"):
        call(uris[0], "update_contact", added[name]["id"], {"groups": ["Família"]})

    cluster.start_replica(3)
    uris = cluster_uris(cluster, (1, 2, 3))
    wait_converged(uris)
    for uri in uris:
        assert pages(uri, "last") == moved
        assert call(uri, "count_contacts", True) == {"all": 7, "starred": 1, "deleted": 0, "groups": {"Família": 2}}
        assert names(call(uri, "list_contacts", 0, None, None, None, "last", False, "Família")) == [
            "Otávio Barros", "Carla Souza"]
        assert names(call(uri, "list_contacts", 0, None, None, None, "first", True)) == ["Prince"]
    call(uris[2], "delete_contact", added["Carla Souza"]["id"])   # leaves its group's count
    assert call(uris[2], "count_contacts", True) == {"all": 6, "starred": 1, "deleted": 1, "groups": {"Família": 1}}

    with pytest.raises(ValueError, match="order"):
        call(uris[0], "list_contacts", 0, 3, None, None, "surname")
    with pytest.raises(ValueError, match="after_key"):
        call(uris[0], "list_contacts", 0, 3, None, ["Nobody", "f" * 32], "last")
