"""Hostile calls over the wire: a real replica process, a bare Pyro5 proxy, and
messages no honest client sends (oversized, undecodable, marshal, deeply nested).

Fewer examples than tests/test_fuzz_book.py (each is several round trips), the same
strategies and the same rules: a deliberate error with a message (it carries
``error_type``, the name of this project's error class), nothing changed, and the
replica process alive and serving after every call.
"""
import os
import socket
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from Pyro5 import protocol, serializers
from Pyro5.api import Proxy, config
from Pyro5.errors import CommunicationError, PyroError, SerializeError

from contacts.cluster import LocalCluster
from contacts.errors import ALL_ERRORS, ContactsError
from contacts.pyro_settings import MAX_MESSAGE_SIZE

from fuzz_inputs import FIELD_DEFECTS, VALID_CONTACT, method_arguments, remote_methods, report, valid_update

EXAMPLES = int(os.environ.get("CONTACTS_FUZZ_WIRE_EXAMPLES", 25))
DELIBERATE = (ValueError, TypeError, LookupError, PermissionError, ConnectionError)
CALLS = {"calls": 0, "refused": 0, "refused_by_pyro": 0, "unsendable": 0}


@pytest.fixture(scope="module")
def replica(tmp_path_factory, request):
    cluster = LocalCluster(tmp_path_factory.mktemp("fuzz-wire"))
    cluster.start(1)
    with cluster.proxy(1) as proxy:
        existing = [proxy.add_contact({**VALID_CONTACT, "name": name})["id"] for name in ("Ada", "Grace", "Edsger")]
        proxy.delete_contact(existing[2])
    yield cluster, existing
    alive = cluster.replicas[1].poll() is None
    cluster.stop()
    figures = {**CALLS, "replicas_crashed": 0 if alive else 1}
    if getattr(request.config, "cache", None) is not None:
        request.config.cache.set("contacts/fuzz_wire", figures)
    report(request, f"fuzz (replica process, bare Pyro5 proxy): {CALLS['calls']} hostile calls, "
                    f"{CALLS['refused']} refused by the replica, {CALLS['refused_by_pyro']} by Pyro5 "
                    f"(undecodable), {CALLS['unsendable']} not sendable, replicas crashed: "
                    f"{figures['replicas_crashed']}")


def snapshot(cluster):
    with cluster.proxy(1) as probe:
        return (probe.list_contacts(), probe.list_deleted(), probe.version_vector(), probe.ping()["clock"])


def assert_serving(cluster, before=None):
    assert cluster.replicas[1].poll() is None, "the replica process died"
    if before is not None:
        assert snapshot(cluster) == before, "the replica's data changed"
    with cluster.proxy(1) as probe:
        assert probe.ping()["replica_id"] == 1


def test_every_hostile_value_of_every_field_over_the_wire(replica):
    """Every defect of every field of the model (FIELD_DEFECTS) sent to the replica process
    in an add and an update: a ValueError/TypeError whose message names the field, nothing
    changed, the replica serving.  (Values the wire cannot carry, bytes and lone surrogates,
    are refused by Pyro5's serializer: counted as unsendable.)"""
    cluster, existing = replica
    with cluster.proxy(1) as proxy:
        for field, values in sorted(FIELD_DEFECTS.items()):
            before = snapshot(cluster)   # per field: a snapshot is four calls
            for value in values:
                for method, args in [("add_contact", ({**VALID_CONTACT, field: value},)),
                                     ("update_contact", (existing[0], {field: value}))]:
                    try:
                        getattr(proxy, method)(*args)
                    except SerializeError:
                        CALLS["unsendable"] += 1
                        continue
                    except DELIBERATE as exc:
                        assert field in str(exc).split(":")[0], f"{method} {field}={value!r:.60}: {exc}"
                    else:
                        raise AssertionError(f"{method} {field}={value!r:.80} was accepted")
            assert snapshot(cluster) == before, f"refused values of {field} changed the data"
    assert_serving(cluster)


@pytest.mark.parametrize("method", remote_methods())
def test_hostile_calls_over_the_wire(replica, method):
    cluster, existing = replica
    strategy = method_arguments(existing)[method]
    proxy = cluster.proxy(1)

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def call(drawn):
        args, must_fail = drawn
        before = snapshot(cluster)
        CALLS["calls"] += 1
        try:
            getattr(proxy, method)(*args)
        except SerializeError as exc:
            # either this side could not encode it, or the replica's Pyro5 refused to decode it
            CALLS["unsendable" if "serializ" in str(exc).lower() and not getattr(exc, "_pyroTraceback", None)
                  else "refused_by_pyro"] += 1
            assert snapshot(cluster) == before
        except DELIBERATE as exc:
            CALLS["refused"] += 1
            # a bare proxy gets the built-in with error_type; once this process has made a
            # ContactsClient (which registers the precise classes) it gets the class itself
            assert isinstance(exc, ContactsError) or getattr(exc, "error_type", None) in ALL_ERRORS, \
                f"{method}{args!r:.400} raised an internal {type(exc).__name__}: {exc}"
            assert str(exc).strip()
            assert snapshot(cluster) == before, f"refused {method}{args!r:.300} changed the data"
        except PyroError as exc:
            raise AssertionError(f"{method}{args!r:.400} broke the connection: {type(exc).__name__}: {exc}")
        except Exception as exc:
            raise AssertionError(f"{method}{args!r:.400} raised an internal error "
                                 f"{type(exc).__name__}: {exc}") from exc
        else:
            assert not must_fail, f"{method}{args!r:.400} was accepted but is invalid"
        assert_serving(cluster)

    try:
        call()
    finally:
        proxy._pyroRelease()


def test_calls_that_are_not_methods_or_have_the_wrong_arguments(replica):
    cluster, _ = replica
    before = snapshot(cluster)
    with cluster.proxy(1) as proxy:
        for name in ("_live_state", "_require_replica", "__init__", "store", "settings", "replicator", "nosuch"):
            with pytest.raises(AttributeError):
                proxy._pyroInvoke(name, ("x",), {})
        # attributes are not remote: a caller cannot switch the replica-only check off
        for name, value in (("require_replica_certificate", False), ("replica_id", 2), ("uri", "x")):
            with pytest.raises(AttributeError):
                proxy._pyroInvoke("__setattr__", (name, value), {})
        assert proxy.replica_id == 1
        with pytest.raises(TypeError, match="argument"):
            proxy.add_contact(VALID_CONTACT, None, "extra", "args")
        with pytest.raises(TypeError, match="argument"):
            proxy.apply_updates(updates=[valid_update()], vector={})
        with pytest.raises(TypeError, match="argument"):
            proxy.get_contact()
    CALLS["calls"] += 13
    assert_serving(cluster, before)


def _raw_connection(cluster):
    host, port = cluster.uri(1).split("@")[1].rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=10)


def _header(msg_type, data_size, serializer_id):
    """A Pyro5 message header (protocol.py's layout) announcing ``data_size`` bytes."""
    return struct.pack(protocol._header_format, b"PYRO", protocol.PROTOCOL_VERSION, msg_type, serializer_id,
                       0, 1, data_size, 0, b"\0" * 16, 0, protocol._magic_number)


def _refused(sock, reason=b"message too large"):
    """True if the replica answers nothing but (at most) a refusal giving ``reason``, and hangs up."""
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    return received == b"" or reason in received


def test_a_message_over_the_size_limit_is_refused_on_its_header(replica):
    cluster, _ = replica
    before = snapshot(cluster)
    serpent_id = serializers.serializers["serpent"].serializer_id
    # the header announces one byte more than the limit: refused before anything is read
    with _raw_connection(cluster) as sock:
        sock.sendall(_header(protocol.MSG_CONNECT, MAX_MESSAGE_SIZE + 1, serpent_id) + b"x" * 65536)
        assert _refused(sock)
    # a lying header (4 GiB) on a connected proxy's socket gets the same answer
    with cluster.proxy(1) as proxy:
        proxy._pyroBind()
        proxy._pyroConnection.send(_header(protocol.MSG_INVOKE, 2 ** 32 - 1, serpent_id))
        assert _refused(proxy._pyroConnection.sock)
    # garbage instead of a Pyro5 message
    with _raw_connection(cluster) as sock:
        sock.sendall(os.urandom(4096))
        assert _refused(sock, b"invalid data")
    CALLS["calls"] += 3
    assert_serving(cluster, before)


def test_an_oversized_call_through_a_proxy_is_refused_and_the_replica_serves_on(tmp_path):
    # a replica whose operator lowered the limit through Pyro5's own variable, so that a
    # real call can exceed it cheaply; the default limit is checked on the header above
    limit = 256 * 1024
    cluster = LocalCluster(tmp_path / "small-limit", env={**os.environ, "PYRO_MAX_MESSAGE_SIZE": str(limit)})
    try:
        cluster.start(1)
        before = snapshot(cluster)
        saved, config.MAX_MESSAGE_SIZE = config.MAX_MESSAGE_SIZE, 1024 ** 3
        try:
            with cluster.proxy(1) as proxy:
                with pytest.raises(CommunicationError):
                    proxy.add_contact({**VALID_CONTACT, "notes": "n" * (limit + 1)})
        finally:
            config.MAX_MESSAGE_SIZE = saved
        with cluster.proxy(1) as proxy:     # a call under the limit still works
            assert proxy.add_contact({**VALID_CONTACT, "notes": "n" * 10_000})["notes"] == "n" * 10_000
            assert len(proxy.list_contacts()) == len(before[0]) + 1
    finally:
        cluster.stop()


def test_undecodable_and_unsafe_payloads_are_refused(replica):
    cluster, _ = replica
    before = snapshot(cluster)
    serpent_id = serializers.serializers["serpent"].serializer_id
    # nested far deeper than any client's serializer would produce, code, not text at all:
    # each gets an error answer, then the replica closes that connection
    for payload in (b"# serpent utf-8 python3.2\n" + b"[" * 100_000,
                    b"# serpent utf-8 python3.2\n('contacts.replica.1','list_contacts',(" + b"(" * 5000 + b"),{})",
                    b"# serpent utf-8 python3.2\n__import__('os').system('touch /tmp/pwned')",
                    b"\xff\xfe not even text"):
        with cluster.proxy(1) as proxy:
            proxy._pyroBind()
            message = protocol.SendingMessage(protocol.MSG_INVOKE, 0, 7, serpent_id, payload)
            proxy._pyroConnection.send(message.data)
            answer = protocol.recv_stub(proxy._pyroConnection, [protocol.MSG_RESULT])
            assert answer.flags & protocol.FLAGS_EXCEPTION
            error = serializers.serializers["serpent"].loads(answer.data)
            assert isinstance(error, SerializeError), error
    # marshal is not safe against malicious data: replicas do not decode it
    saved, config.SERIALIZER = config.SERIALIZER, "marshal"
    try:
        with pytest.raises(PyroError, match="marshal"):
            with cluster.proxy(1) as proxy:
                proxy.list_contacts()
    finally:
        config.SERIALIZER = saved
    CALLS["calls"] += 5
    assert not os.path.exists("/tmp/pwned")
    assert_serving(cluster, before)


def test_the_largest_replication_batch_fits_the_message_limit():
    """The limit is deliberate: a batch of the largest possible updates still fits."""
    from contacts.config import Settings
    odd = "\U000e0001"          # a character serpent writes as a 10-byte escape
    phones = [{"label": odd * 40, "number": "+44 20 7946 0958" + odd * 24, "e164": "+442079460958"}] * 20
    emails = [{"label": odd * 40, "address": "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57}] * 20
    worst = {"origin": 2 ** 31 - 1, "seq": 2 ** 53 - 1, "counter": 2 ** 53 - 1, "contact_id": "x" * 64,
             "request_id": "r" * 128, "changes": {"name": odd * 200, "phones": phones, "emails": emails,
                                                  "organization": odd * 200, "notes": odd * 10_000,
                                                  "deleted": False}}
    serializer = serializers.serializers["serpent"]
    one = len(serializer.dumpsCall("contacts.replica.1", "apply_updates", ([worst],), {}))
    two = len(serializer.dumpsCall("contacts.replica.1", "apply_updates", ([worst, worst],), {}))
    batch = one + (two - one) * (Settings().batch_size - 1)
    assert batch < 0.8 * MAX_MESSAGE_SIZE, f"a worst-case batch is {batch} bytes"
    # and the limit is not lax either: a handful of such batches would exceed it
    assert 2 * batch > MAX_MESSAGE_SIZE
