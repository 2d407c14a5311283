"""End to end through bare Pyro5 proxies: what a REPL user does."""
from contacts.cluster import wait_until


def test_write_on_one_replica_is_readable_on_the_others(cluster):
    one = cluster.proxy(1)
    added = one.add_contact({"name": "Ada Lovelace",
                             "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]})
    for replica_id in (2, 3):
        other = cluster.proxy(replica_id)
        got = wait_until(lambda: [c for c in other.list_contacts() if c["id"] == added["id"]],
                         10, what=f"the contact on replica {replica_id}")
        assert got[0]["name"] == "Ada Lovelace"
        assert got[0]["phones"][0]["e164"] == "+442079460958"
