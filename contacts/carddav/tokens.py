"""Sync tokens (RFC 6578) made of version vectors.

A token is the version vector of the replica that answered, written as a URI:
``urn:x-replicated-contacts:sync:1-40.2-17`` (origin replica 1 up to update 40, 2 up to 17).
Every replica orders and counts updates the same way, so a token made by the gateway in
front of one replica means the same to a gateway in front of another: that one asks its
replica for what changed past the vector (waiting until it holds it).
"""
from ..errors import ContactsError
from ..versions import VersionVector

PREFIX = "urn:x-replicated-contacts:sync:"
#: no token names more origins than this (a cluster has a handful of replicas)
MAX_ORIGINS = 1000


def encode(vector):
    """The token for ``vector`` (a VersionVector or its wire dict)."""
    vector = VersionVector.from_wire(vector) if not isinstance(vector, VersionVector) else vector
    entries = ".".join(f"{origin}-{seq}" for origin, seq in sorted(vector.items()) if seq > 0)
    return PREFIX + (entries or "0")


def decode(token):
    """The version vector a token names; ValueError (Radicale's valid-sync-token) for any other text."""
    if not isinstance(token, str) or not token.startswith(PREFIX) or len(token) > 40 * MAX_ORIGINS:
        raise ValueError(f"not a sync token of this gateway: {str(token)[:80]!r}")
    body = token[len(PREFIX):]
    if body == "0":
        return VersionVector()
    wire = {}
    for entry in body.split("."):
        origin, _, seq = entry.partition("-")
        if not (origin.isdigit() and seq.isdigit() and origin.isascii() and seq.isascii()) or origin in wire:
            raise ValueError(f"malformed sync token: {token[:80]!r}")
        wire[origin] = int(seq)
    try:
        return VersionVector.from_wire(wire)
    except ContactsError as exc:
        raise ValueError(f"malformed sync token: {exc}") from None
