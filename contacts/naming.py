"""Names in the Pyro5 name server, shared by replicas and clients.

Replicas register as ``contacts.replica.N`` with the metadata tag ``contacts.replica``
so that everyone can list them.
"""
from Pyro5.api import Proxy

from .config import name_server_address

NAME_PREFIX = "contacts.replica."
TAG = "contacts.replica"
#: "replica N has served before": registered with the replica and, unlike it, never removed
#: (a SIGTERM unregisters the replica), so a replica whose data dir was wiped can tell that
#: it has past updates to get back before it may number new ones (contacts.replica)
MEMBER_PREFIX = "contacts.member."
MEMBER_TAG = "contacts.member"


def replica_name(replica_id):
    return f"{NAME_PREFIX}{replica_id}"


def member_name(replica_id):
    return f"{MEMBER_PREFIX}{replica_id}"


def name_server_proxy(host=None, port=None, timeout=3.0):
    """A proxy to the name server at host:port (default: PYRO_NS_HOST/PYRO_NS_PORT)."""
    default_host, default_port = name_server_address()
    proxy = Proxy(f"PYRO:Pyro.NameServer@{host or default_host}:{port or default_port}")
    proxy._pyroTimeout = timeout
    return proxy


def list_replicas(ns):
    """{replica_id: uri} of every registered replica (alive or not: the name server can't tell)."""
    found = {}
    for name, uri in ns.yplookup(meta_all=[TAG], return_metadata=False).items():
        try:
            found[int(name[len(NAME_PREFIX):])] = str(uri)
        except ValueError:
            continue
    return found
