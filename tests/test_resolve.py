"""How the CLI finds the contact a user names (id, id prefix, name), and the replica's
bounded id-prefix look-up it uses (ContactBook.find_by_id_prefix): real replicas, real SQLite."""
import subprocess
import sys
from collections import Counter

import pytest

from contacts import cli
from contacts.client import ContactsClient
from contacts.replica.store import ContactStore

CAFE_IDS = ["cafe0000000000000000000000000001", "cafe0000000000000000000000000002",
            "cafebabe000000000000000000000003"]
PARROT_ID = "0123456789abcdef0123456789abcdef"


class CountingClient(ContactsClient):
    """A real ContactsClient that counts the remote methods it calls."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls = Counter()

    def _call(self, method, *args, **kwargs):
        self.calls[method] += 1
        return super()._call(method, *args, **kwargs)


@pytest.fixture(scope="module")
def book_cluster(tmp_path_factory):
    from contacts.cluster import LocalCluster
    cluster = LocalCluster(tmp_path_factory.mktemp("resolve-cluster"))
    try:
        cluster.start(1)
        with ContactsClient(cluster.host, cluster.ns_port) as client:
            contacts = [{"id": cid, "name": f"Cafe Person {i}"} for i, cid in enumerate(CAFE_IDS)]
            contacts += [{"id": PARROT_ID, "name": "Dead Parrot"}, {"id": "dead" + "0" * 28, "name": "Gone Soon"}]
            # fixed ids: a random one starts with "dead", "cafe" or "beef" in ~1.4% of runs
            # (300 ids, 3 prefixes of 16 bits), which these tests would then find
            contacts += [{"id": f"a{i:031x}", "name": f"Filler {i:04d}"} for i in range(300)]
            contacts += [{"id": f"beef{i:028x}", "name": f"Beef {i}"} for i in range(25)]
            for start in range(0, len(contacts), 200):
                assert all("write" in r for r in client.add_contacts(contacts[start:start + 200]))
            client.delete_contact("dead" + "0" * 28)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def client(book_cluster):
    with CountingClient(book_cluster.host, book_cluster.ns_port) as client:
        yield client


def test_an_id_prefix_is_looked_up_on_the_replica_not_in_the_whole_book(client):
    assert cli.resolve(client, "cafeb")["id"] == CAFE_IDS[2]
    assert client.calls["find_by_id_prefix"] == 1
    with pytest.raises(cli.Ambiguous, match="'cafe' is the start of 3 ids"):
        cli.resolve(client, "cafe")
    with pytest.raises(cli.Ambiguous, match="'beef' is the start of more than 20 ids"):
        cli.resolve(client, "beef")
    assert client.calls["list_contacts"] == 0 and client.calls["search"] == 0


def test_a_hex_looking_name_falls_through_to_the_names(client):
    # "dead" starts no live id (the one it started is deleted): it is a name then
    assert cli.resolve(client, "dead")["id"] == PARROT_ID
    assert client.calls["find_by_id_prefix"] == 1 and client.calls["search"] == 1
    assert client.calls["list_contacts"] == 0


def test_the_order_is_exact_id_then_prefix_then_name(client):
    assert cli.resolve(client, CAFE_IDS[0])["id"] == CAFE_IDS[0]
    assert client.calls == Counter(get_contact=1)      # an exact id needs nothing else
    assert cli.resolve(client, "cafe person 1")["id"] == CAFE_IDS[1]
    assert cli.resolve(client, "parrot")["id"] == PARROT_ID
    with pytest.raises(cli.NoSuchContact):
        cli.resolve(client, "abcd9999")
    assert client.calls["list_contacts"] == 0


def test_the_command_line_names_contacts_by_id_prefix(book_cluster):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "contacts.cli", *args], env=book_cluster.env,
                              capture_output=True, text=True, timeout=60)
    shown = run("show", "cafeba")
    assert shown.returncode == 0 and "Cafe Person 2" in shown.stdout
    ambiguous = run("show", "cafe0")
    assert ambiguous.returncode == 2 and "'cafe0' is the start of 2 ids" in ambiguous.stderr


def test_find_by_id_prefix_over_the_wire(book_cluster):
    with book_cluster.proxy(1) as proxy:
        assert [c["id"] for c in proxy.find_by_id_prefix("cafe")] == CAFE_IDS
        assert [c["id"] for c in proxy.find_by_id_prefix("cafe", 2)] == CAFE_IDS[:2]
        assert proxy.find_by_id_prefix("dead") == []        # deleted contacts are not found
        assert len(proxy.find_by_id_prefix("beef")) == 10   # the default limit
        assert len(proxy.find_by_id_prefix("beef", 100)) == 25
        assert [c["id"] for c in proxy.find_by_id_prefix(PARROT_ID[:10])] == [PARROT_ID]
        assert [c["id"] for c in proxy.find_by_id_prefix(PARROT_ID)] == [PARROT_ID]
        for bad in ("", "CAFE", "cafe!", "f" * 65, "ca fe"):
            with pytest.raises(ValueError, match="prefix"):
                proxy.find_by_id_prefix(bad)
        with pytest.raises(TypeError, match="prefix"):
            proxy.find_by_id_prefix(5)
        for bad in (0, 101, -1):
            with pytest.raises(ValueError, match="limit"):
                proxy.find_by_id_prefix("cafe", bad)
        for bad in ("5", True):
            with pytest.raises(TypeError, match="limit"):
                proxy.find_by_id_prefix("cafe", bad)
        # None is the default limit, as for every other limit of the API
        assert [c["id"] for c in proxy.find_by_id_prefix(PARROT_ID, None)] == [PARROT_ID]


def test_the_store_reads_a_range_of_the_id_index(tmp_path):
    store = ContactStore(tmp_path / "store", 1)
    try:
        plan = " ".join(row[-1] for row in store._reader().execute(
            "EXPLAIN QUERY PLAN SELECT id, state FROM contacts WHERE id >= ? AND id < ? AND +visible=1 "
            "ORDER BY id LIMIT ?", ("cafe", "cafg", 10)))
        assert "USING INDEX sqlite_autoindex_contacts_1 (id>? AND id<?)" in plan, plan
        assert "SCAN" not in plan.replace("SCAN contacts USING INDEX", ""), plan
        assert store.states_by_id_prefix("cafe", 10) == []
    finally:
        store.close()
