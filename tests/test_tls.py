"""TLS with mutual certificates, with real processes: name server, replicas and this
test process as a client, all configured from one directory made by contacts.security.certs."""
import os
import socket
import subprocess
import sys

import pytest
from Pyro5.api import Proxy
from Pyro5.errors import CommunicationError

from contacts.security import certs, tls
from contacts.client import ContactsClient
from contacts.errors import NotReplicaError
from contacts.cluster import ROOT, wait_until
from contacts.naming import name_server_proxy, replica_name

UPDATE = {"origin": 1, "seq": 999, "counter": 5, "contact_id": "forged",
          "changes": {"name": "Mallory", "deleted": False}}


@pytest.fixture(scope="module")
def tls_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls") / "certs"     # made by the command
    certs.main(["--dir", str(directory), "--replicas", "1", "2", "--clients", "alice"])
    return directory


@pytest.fixture
def as_alice(tls_dir):
    """This process calls replicas as client 'alice'; plain TCP again afterwards."""
    tls.configure_client_tls(tls_dir, "alice")
    yield
    tls.configure_tls_off()


def test_certs_command_makes_a_ca_and_role_certificates(tls_dir):
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    assert {p.name for p in tls_dir.iterdir()} == {
        "ca.crt", "ca.key", "nameserver.crt", "nameserver.key", "replica-1.crt", "replica-1.key",
        "replica-2.crt", "replica-2.key", "client-alice.crt", "client-alice.key"}
    assert oct((tls_dir / "ca.key").stat().st_mode & 0o777) == "0o600"
    assert oct(tls_dir.stat().st_mode & 0o777) == "0o700"
    roles = {}
    for name in ("replica-1", "client-alice", "nameserver"):
        cert = x509.load_pem_x509_certificate((tls_dir / f"{name}.crt").read_bytes())
        roles[name] = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value
    assert roles == {"replica-1": "replica", "client-alice": "client", "nameserver": "nameserver"}
    # a second run keeps what exists (same CA) and only adds what is new
    before = (tls_dir / "ca.crt").read_bytes()
    written = certs.make_cluster_certs(tls_dir, replicas=[1, 3])
    assert written == ["replica-3.crt", "replica-3.key"]
    assert (tls_dir / "ca.crt").read_bytes() == before
    verify = subprocess.run(["openssl", "verify", "-CAfile", str(tls_dir / "ca.crt"),
                             str(tls_dir / "replica-3.crt")], capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_tls_cluster_serves_certified_clients_and_keeps_replica_methods_to_replicas(
        tls_dir, as_alice, cluster_factory):
    cluster = cluster_factory(2, env={**os.environ, "CONTACTS_TLS_DIR": str(tls_dir)}, name="tls")
    # replicas replicate to each other over TLS, with their replica certificates
    one, two = cluster.proxy(1), cluster.proxy(2)
    added = one.add_contact({"name": "Ada Lovelace", "emails": [{"address": "ada@example.org"}]})
    wait_until(lambda: any(c["id"] == added["id"] for c in two.list_contacts()), 15,
               what="the contact replicated to replica 2 over TLS")
    assert [c["name"] for c in two.search("ada")] == ["Ada Lovelace"]
    before = (one.list_contacts(), one.version_vector())

    # a client certificate may read and write, but not act as a replica
    refused = {
        "apply_updates": lambda: one.apply_updates([UPDATE]),
        "apply_update": lambda: one.apply_update(UPDATE),
        "fetch_updates": lambda: one.fetch_updates({}, 10),
        "fetch_snapshot": lambda: one.fetch_snapshot("", 10),
        "ping(sender=...)": lambda: one.ping({"replica_id": 7, "uri": "PYRO:x@127.0.0.1:1"}),
    }
    for method, call in refused.items():
        with pytest.raises(PermissionError, match="for replicas only.*client-alice"):
            call()
    assert one.ping()["replica_id"] == 1            # plain pings are for everyone
    assert (one.list_contacts(), one.version_vector()) == before
    assert 7 not in {peer["replica_id"] for peer in one.cluster_status()}, "a client made it learn a peer"

    # the failover client over TLS: writes and reads; with it, errors arrive as precise classes
    with ContactsClient(ns_host=cluster.host, ns_port=cluster.ns_port, tls_dir=tls_dir,
                        tls_client="alice") as client:
        grace = client.add_contact({"name": "Grace Hopper"})
        assert grace["id"] in {c["id"] for c in client.list_contacts()}
        with pytest.raises(NotReplicaError):
            one.apply_updates([UPDATE])

    uri = cluster.uri(1)
    # no client certificate: the handshake is refused, nothing can be called
    tls.configure_client_tls(tls_dir, certificate=False)
    with pytest.raises(CommunicationError):
        with Proxy(uri) as anonymous:
            anonymous._pyroTimeout = 5
            anonymous.ping()
    # plain TCP against a TLS replica gets nowhere either
    tls.configure_tls_off()
    with pytest.raises(CommunicationError):
        with Proxy(uri) as plain:
            plain._pyroTimeout = 5
            plain.list_contacts()

    # one caller that connects and never shakes hands must not stall everyone else
    tls.configure_client_tls(tls_dir, "alice")
    host, port = uri.split("@")[1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5):
        with Proxy(uri) as again:
            again._pyroTimeout = 5
            assert again.count_contacts() == 2
    # and the name server is behind TLS too: reachable with a certificate only
    with name_server_proxy(cluster.host, cluster.ns_port) as ns:
        assert str(ns.lookup(replica_name(2))) == cluster.uri(2)


def test_replica_binds_loopback_unless_told_otherwise(tmp_path, cluster_factory):
    cluster = cluster_factory(0, name="loopback")
    process = subprocess.Popen(
        [sys.executable, "-m", "contacts.replica", "1", "--data-dir", str(tmp_path / "r1")],
        env=cluster.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        uri = wait_until(lambda: cluster.uri(1), 20, what="replica 1 registered")
        host, port = uri.split("@")[1].rsplit(":", 1)
        assert host == "127.0.0.1"
        listening = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True)
        if listening.returncode == 0:
            assert "127.0.0.1:" + port in listening.stdout
            assert "0.0.0.0:" + port not in listening.stdout
    finally:
        process.terminate()
        process.wait(10)


def test_replica_without_its_certificate_refuses_to_start(tmp_path, tls_dir):
    result = subprocess.run(
        [sys.executable, "-m", "contacts.replica", "9", "--data-dir", str(tmp_path / "r9"),
         "--tls-dir", str(tls_dir)], cwd=ROOT, capture_output=True, text=True, timeout=30,
        env={**os.environ, "PYRO_NS_PORT": "1"})
    assert result.returncode == 2
    assert "replica 9's certificate" in result.stderr and "contacts.security.certs" in result.stderr


def _handshake(server_files, client_files, server_ca, client_ca):
    """Error message of a TLS exchange between two certificates ('' if it works)."""
    import ssl
    import threading
    server = tls.server_context(*server_files, server_ca)
    client = tls.client_context(*client_files, client_ca)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        connection, _ = listener.accept()
        with server.wrap_socket(connection, server_side=True) as sock:
            try:
                sock.do_handshake()
                sock.sendall(sock.recv(1))
            except (ssl.SSLError, OSError):
                pass
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with client.wrap_socket(socket.create_connection(listener.getsockname(), timeout=5),
                                server_hostname="127.0.0.1") as sock:
            sock.sendall(b"x")
            # TLS 1.3 finishes the client's side of the handshake before the server has
            # checked the client's certificate: its verdict comes with the first read
            return "" if sock.recv(1) == b"x" else "closed"
    except (ssl.SSLError, ConnectionResetError) as exc:
        return str(exc)
    finally:
        thread.join(5)
        listener.close()


def test_certificates_only_work_in_their_role(tls_dir, tmp_path):
    def files(name, directory=tls_dir):
        return str(directory / f"{name}.crt"), str(directory / f"{name}.key")
    ca = str(tls_dir / "ca.crt")
    assert _handshake(files("replica-1"), files("replica-2"), ca, ca) == ""
    assert _handshake(files("nameserver"), files("client-alice"), ca, ca) == ""
    # a client certificate cannot serve: nobody can be fooled into calling it as a replica
    assert "unsuitable certificate purpose" in _handshake(files("client-alice"), files("replica-1"), ca, ca)
    # certificates of another cluster's CA are strangers, whichever side holds them
    other = tmp_path / "other"
    certs.make_cluster_certs(other, replicas=[1], clients=["mallory"])
    other_ca = str(other / "ca.crt")
    # (the server's refusal arrives as an "unknown ca" alert or, depending on timing, a bare close)
    assert _handshake(files("replica-1"), files("client-mallory", other), ca, ca) != ""
    assert "certificate verify failed" in _handshake(files("replica-1", other), files("client-alice"), other_ca, ca)
