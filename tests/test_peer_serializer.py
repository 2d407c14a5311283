"""Peers speak msgpack (contacts.protocol.PEER_SERIALIZER) once a peer's ping says it takes
it; every replica still takes clients' serpent and json, and decodes msgpack as plain data
only (no Pyro5 extension types)."""
import msgpack
import pytest
from Pyro5 import protocol, serializers
from Pyro5.api import Proxy
from Pyro5.errors import SerializeError

from contacts.cluster import LocalCluster, wait_until
from contacts.protocol import PEER_SERIALIZER

CONTACT = {"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
           "emails": [{"label": "work", "address": "ada@example.com"}], "groups": ["Family"]}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with LocalCluster(tmp_path_factory.mktemp("peer-serializer")) as cluster:
        cluster.start(2)
        yield cluster


def test_clients_get_the_same_contact_in_each_serializer(cluster):
    seen = {}
    for serializer in ("serpent", "json", "msgpack"):
        with Proxy(cluster.uri(1)) as proxy:
            proxy._pyroSerializer = serializer
            added = proxy.add_contact({**CONTACT, "name": f"Ada {serializer}"})
            seen[serializer] = {k: v for k, v in proxy.get_contact(added["id"]).items() if k not in ("id", "name",
                                                                                                      "updated")}
    assert seen["serpent"] == seen["json"] == seen["msgpack"]


def test_replicas_say_they_take_msgpack_and_replicate_over_it(cluster):
    with Proxy(cluster.uri(1)) as proxy:
        assert PEER_SERIALIZER in proxy.ping()["serializers"]
        added = proxy.add_contact({**CONTACT, "name": "Grace Hopper"})
    with Proxy(cluster.uri(2)) as other:
        wait_until(lambda: any(c["id"] == added["id"] for c in other.list_contacts()), timeout=15,
                   what="the contact to reach replica 2")
        copy = other.get_contact(added["id"])
    assert {k: v for k, v in copy.items() if k != "write"} == {k: v for k, v in added.items() if k != "write"}
    with Proxy(cluster.uri(1)) as proxy:
        links = [peer for peer in proxy.cluster_status() if not peer["self"]]
    assert [(peer["replica_id"], peer["serializer"]) for peer in links] == [(2, PEER_SERIALIZER)]


def test_msgpack_extension_types_are_refused(cluster):
    before = None
    with Proxy(cluster.uri(1)) as proxy:
        before = proxy.count_contacts()
        proxy._pyroBind()
        msgpack_id = serializers.serializers["msgpack"].serializer_id
        # a datetime (Pyro5's ext type 0x32) where a name goes: no plain json value is like it
        payload = msgpack.packb(("contacts.replica.1", "add_contact",
                                 ({"name": msgpack.ExtType(0x32, b"\0" * 8)},), {}), use_bin_type=True)
        message = protocol.SendingMessage(protocol.MSG_INVOKE, 0, 7, msgpack_id, payload)
        proxy._pyroConnection.send(message.data)
        answer = protocol.recv_stub(proxy._pyroConnection, [protocol.MSG_RESULT])
        assert answer.flags & protocol.FLAGS_EXCEPTION
        error = serializers.serializers["msgpack"].loads(answer.data)
        assert isinstance(error, SerializeError) and "plain msgpack" in str(error)
    with Proxy(cluster.uri(1)) as proxy:
        assert proxy.count_contacts() == before
