"""What "the replicas converged" means, checked from outside through bare Pyro5 proxies
(test support code, not a test)."""
import os

from Pyro5.api import Proxy

from contacts.cluster import wait_until

#: small intervals so failures are noticed and repaired within a second or two
FAST_ENV = {
    "CONTACTS_PING_INTERVAL": "0.2",
    "CONTACTS_ANTI_ENTROPY_INTERVAL": "1.0",
    "CONTACTS_REGISTRATION_INTERVAL": "0.5",
    "CONTACTS_PEER_TIMEOUT": "1.5",
    "CONTACTS_STARTUP_SYNC_TIMEOUT": "3",
}


def fast_env(**extra):
    return {**os.environ, **FAST_ENV, **extra}


def call(uri, method, *args, timeout=10):
    """One call on a fresh proxy (a proxy that timed out is not reused)."""
    with Proxy(uri) as proxy:
        proxy._pyroTimeout = timeout
        return getattr(proxy, method)(*args)


def holds(uri, contact_id):
    """Does this replica show the contact (live)?"""
    try:
        return bool(call(uri, "get_contact", contact_id))
    except LookupError:
        return False


def wait_everywhere(uris, contact_id, timeout=10, what="the contact on every replica"):
    wait_until(lambda: all(holds(uri, contact_id) for uri in uris), timeout, what=what)


def view(uri):
    """Everything a user could compare between replicas: live contacts and the trash."""
    return {"contacts": call(uri, "list_contacts"), "deleted": call(uri, "list_deleted")}


def wait_converged(uris, timeout=20, what="the replicas to converge"):
    """Wait until every replica holds the same updates (equal version vectors), then
    return the one view they all show; fails if equal vectors show different lists."""
    uris = list(uris)

    def same_vectors():
        vectors = [call(uri, "version_vector") for uri in uris]
        return all(v == vectors[0] for v in vectors[1:]) and vectors[0]
    wait_until(same_vectors, timeout, interval=0.1, what=what)
    views = [view(uri) for uri in uris]
    for uri, other in zip(uris[1:], views[1:]):
        assert other == views[0], f"{uri} holds the same updates but shows a different list"
    return views[0]


def cluster_uris(cluster, replica_ids):
    return [cluster.uri(replica_id) for replica_id in replica_ids]
