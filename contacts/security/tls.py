"""TLS with mutual certificates for replicas, clients and the name server.

Pyro5 keeps its SSL settings in one global config per process, and caches the
SSL contexts it builds from them.  This module fills both in, for the role this
process plays:

- :func:`configure_replica_tls` (``python -m contacts.replica N --tls-dir DIR``):
  serve with ``replica-N.crt``, require a certificate from every caller, and call
  peers and the name server with the same certificate;
- :func:`configure_client_tls` (``ContactsClient``, scripts, the GUI): call with
  ``client-NAME.crt``;
- ``nameserver.sh`` sets Pyro5's ``PYRO_SSL*`` variables for ``python -m Pyro5.nameserver``
  itself (it serves with ``nameserver.crt``).

The contexts are built here rather than by Pyro5 for two reasons:

- they trust only the cluster CA (Pyro5's also trust the system's public CAs);
- the server side does the TLS handshake in the connection's worker thread, not in
  the accept loop: Pyro5 wraps the listening socket, so by default ``accept()``
  performs the handshake, and one peer that connects and sends nothing would stall
  every new connection (tests/test_tls.py checks this).

:func:`caller_identity` tells a remote method who is calling (the role and name in
the caller's certificate); :class:`contacts.replica.book.ContactBook` uses it to keep its
replica-only methods to replicas.
"""
import os
import ssl
from pathlib import Path

from Pyro5 import socketutil
from Pyro5.api import config, current_context

from .certs import CA_FILES, ROLE_REPLICA, client_files, replica_files
from ..errors import StartupError

ENV_DIR = "CONTACTS_TLS_DIR"
ENV_CLIENT = "CONTACTS_TLS_CLIENT"


def tls_dir_from_env():
    """The TLS directory named by CONTACTS_TLS_DIR, or None (TLS off)."""
    return os.environ.get(ENV_DIR) or None


class _WorkerHandshakeContext(ssl.SSLContext):
    """Server context whose sockets shake hands on first read, in the worker thread."""

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, *args, **kwargs):
        if server_side:
            do_handshake_on_connect = False
        return super().wrap_socket(sock, server_side, do_handshake_on_connect, *args, **kwargs)


def _existing(directory, name, what):
    path = Path(directory) / name
    if not path.is_file():
        raise StartupError(f"TLS: {what} {path} is missing; make it with "
                           f"python -m contacts.security.certs --dir {directory} ...")
    return str(path)


def server_context(cert, key, ca):
    context = _WorkerHandshakeContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    context.load_verify_locations(cafile=ca)
    context.verify_mode = ssl.CERT_REQUIRED     # mutual: no certificate, no connection
    return context


def client_context(cert, key, ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)   # checks the host name and the chain
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_verify_locations(cafile=ca)
    if cert:
        context.load_cert_chain(cert, key)
    return context


def _install(server=None, client=None, cert=None, key=None, ca=None, server_cert=None, server_key=None):
    """Set Pyro5's global SSL config and put our contexts in its cache."""
    config.SSL = True
    config.SSL_CACERTS = ca
    config.SSL_CLIENTCERT = cert or ""
    config.SSL_CLIENTKEY = key or ""
    config.SSL_SERVERCERT = server_cert or ""
    config.SSL_SERVERKEY = server_key or ""
    config.SSL_REQUIRECLIENTCERT = server is not None
    # Pyro5 builds a context once and caches it in these module globals; ours go there first
    setattr(socketutil, "__ssl_server_context", server)
    setattr(socketutil, "__ssl_client_context", client)


def configure_replica_tls(tls_dir, replica_id):
    """Serve and call as replica ``replica_id``, with its certificate from ``tls_dir``."""
    ca = _existing(tls_dir, CA_FILES[0], "the cluster CA certificate")
    cert_name, key_name = replica_files(replica_id)
    cert = _existing(tls_dir, cert_name, f"replica {replica_id}'s certificate")
    key = _existing(tls_dir, key_name, f"replica {replica_id}'s key")
    try:
        _install(server=server_context(cert, key, ca), client=client_context(cert, key, ca),
                 cert=cert, key=key, ca=ca, server_cert=cert, server_key=key)
    except (ssl.SSLError, OSError) as exc:
        raise StartupError(f"TLS: cannot load the certificates in {tls_dir}: {exc}") from exc


def find_client_certificate(tls_dir, name=None):
    """(cert, key) paths of client ``name`` (or CONTACTS_TLS_CLIENT, or the only client
    certificate in ``tls_dir``); (None, None) when there is none to choose."""
    name = name or os.environ.get(ENV_CLIENT)
    if name:
        cert_name, key_name = client_files(name)
        return (_existing(tls_dir, cert_name, f"client {name}'s certificate"),
                _existing(tls_dir, key_name, f"client {name}'s key"))
    found = sorted(Path(tls_dir).glob("client-*.crt"))
    if len(found) == 1 and found[0].with_suffix(".key").is_file():
        return str(found[0]), str(found[0].with_suffix(".key"))
    return None, None


def configure_client_tls(tls_dir, name=None, certificate=True):
    """Call replicas and the name server over TLS as client ``name`` (see
    :func:`find_client_certificate`).  ``certificate=False`` connects with none,
    which replicas refuse: only useful to check that they do."""
    ca = _existing(tls_dir, CA_FILES[0], "the cluster CA certificate")
    cert = key = None
    if certificate:
        cert, key = find_client_certificate(tls_dir, name)
        if cert is None:
            raise StartupError(f"TLS: no client certificate chosen in {tls_dir}: set {ENV_CLIENT}=NAME "
                               f"or make one with python -m contacts.security.certs --dir {tls_dir} --clients NAME")
    try:
        _install(client=client_context(cert, key, ca), cert=cert, key=key, ca=ca)
    except (ssl.SSLError, OSError) as exc:
        raise StartupError(f"TLS: cannot load the certificates in {tls_dir}: {exc}") from exc


def configure_tls_off():
    """Back to plain TCP (tests that switch a process between setups)."""
    config.SSL = False
    for name in ("SSL_CACERTS", "SSL_CLIENTCERT", "SSL_CLIENTKEY", "SSL_SERVERCERT", "SSL_SERVERKEY"):
        setattr(config, name, "")
    config.SSL_REQUIRECLIENTCERT = False
    setattr(socketutil, "__ssl_server_context", None)
    setattr(socketutil, "__ssl_client_context", None)


def caller_identity():
    """(role, name) from the certificate of the connection making the current remote
    call, e.g. ("replica", "replica-2"); (None, None) without TLS or outside a call."""
    connection = current_context.client
    getpeercert = getattr(connection, "getpeercert", None)
    if getpeercert is None:
        return None, None
    try:
        cert = getpeercert()
    except (ValueError, OSError):   # not connected any more, or no handshake
        return None, None
    if not cert:
        return None, None
    subject = dict(pair for rdn in cert.get("subject", ()) for pair in rdn)
    return subject.get("organizationalUnitName"), subject.get("commonName")


def caller_is_replica(replica_id=None):
    """True if the current caller holds a replica certificate (of ``replica_id``, if given)."""
    role, name = caller_identity()
    if role != ROLE_REPLICA:
        return False
    return replica_id is None or name == f"replica-{replica_id}"
