"""Replication over a bad network: replicas behind the latency-and-cut TCP proxy
(contacts/testing/tcpproxy.py), reached by their peers only through it."""
import pytest

from contacts.cluster import free_port, wait_until
from contacts.naming import replica_name
from convergence import call, fast_env, holds, wait_converged
from contacts.testing.tcpproxy import TcpProxy


@pytest.fixture
def proxied_cluster(cluster_factory):
    """start(delays) -> (cluster, tcp proxies, direct URIs): replica N listens on port P
    but advertises the proxy's port Q (--nat-port), so peers and the name server only
    know the proxied address; the test can still call a replica directly on P."""
    proxies = []

    def start(delays, **env):
        cluster = cluster_factory(0, env=fast_env(**env))  # the name server only
        direct = {}
        for replica_id, delay in delays.items():
            port = free_port()
            extra = ["--port", str(port)]
            if delay is not None:
                proxy = TcpProxy(("127.0.0.1", 0), ("127.0.0.1", port)).start()
                proxy.set_delay(delay)
                proxies.append(proxy)
                extra += ["--nat-host", "127.0.0.1", "--nat-port", str(proxy.port)]
            cluster.start_replica(replica_id, *extra, wait=False)
            direct[replica_id] = f"PYRO:{replica_name(replica_id)}@127.0.0.1:{port}"
        for replica_id in delays:
            cluster.wait_replica(replica_id)
        return cluster, proxies, direct

    yield start
    for proxy in proxies:
        proxy.close()


def test_concurrent_edits_during_a_partition_merge_field_by_field(proxied_cluster):
    cluster, proxies, direct = proxied_cluster({1: 0.0, 2: 0.0, 3: 0.0})
    one, two, three = direct[1], direct[2], direct[3]
    contact = call(one, "add_contact", {"name": "Ada Lovelace", "notes": "original"})
    wait_converged(direct.values())

    for proxy in proxies:  # nobody reaches anybody; the test still reaches each replica directly
        proxy.cut()
    from_one = call(one, "update_contact", contact["id"], {
        "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}], "notes": "edited on 1"})
    from_two = call(two, "update_contact", contact["id"], {
        "emails": [{"label": "home", "address": "ada@example.com"}], "notes": "edited on 2"})
    # truly concurrent: neither replica has seen the other's edit
    assert call(one, "get_contact", contact["id"])["emails"] == []
    assert call(two, "get_contact", contact["id"])["phones"] == []
    assert call(three, "get_contact", contact["id"])["notes"] == "original"

    for proxy in proxies:
        proxy.heal()
    final = wait_converged(direct.values(), timeout=30, what="the replicas to converge after the partition")
    merged, = final["contacts"]
    assert merged["phones"][0]["e164"] == "+442079460958"   # replica 1's field survived
    assert merged["emails"][0]["address"] == "ada@example.com"  # and replica 2's
    winner = max((from_one, "edited on 1"), (from_two, "edited on 2"), key=lambda w: tuple(w[0]["updated"]))
    assert merged["notes"] == winner[1]  # same field: the higher (counter, replica) stamp, everywhere


def test_slow_and_cut_links_to_one_replica_still_converge(proxied_cluster):
    # replica 3's links carry 200 ms each way; 1 and 2 are reached directly
    cluster, (slow,), direct = proxied_cluster({1: None, 2: None, 3: 0.2}, CONTACTS_PEER_TIMEOUT="3")
    one, two, three = direct[1], direct[2], cluster.uri(3)  # the test too goes through the slow link
    first = call(one, "add_contact", {"name": "Written on 1"})
    second = call(three, "add_contact", {"name": "Written on 3"})
    wait_converged([one, two, three], timeout=30, what="convergence over the slow link")
    assert slow.connections > 0

    slow.cut()
    call(one, "update_contact", first["id"], {"notes": "while 3 was cut off"})
    call(two, "delete_contact", second["id"])
    during = call(one, "add_contact", {"name": "Added during the cut"})
    cut_off = call(direct[3], "add_contact", {"name": "Added on 3 during the cut"})
    assert not holds(direct[3], during["id"])
    slow.heal()

    final = wait_converged([one, two, direct[3]], timeout=30, what="convergence after the cut healed")
    names = {c["name"]: c for c in final["contacts"]}
    assert set(names) == {"Written on 1", "Added during the cut", "Added on 3 during the cut"}
    assert names["Written on 1"]["notes"] == "while 3 was cut off"
    assert names["Added on 3 during the cut"]["id"] == cut_off["id"]
    assert [c["id"] for c in final["deleted"]] == [second["id"]]
    wait_until(lambda: all(s["alive"] for s in call(one, "cluster_status")), 10,
               what="replica 1 to see replica 3 alive again")
