"""Replication, applied to a ContactStore from outside (pysyncobj-style separation):

- PeerLink: one thread per peer that pushes this replica's updates, pings, and pulls
  what the peer holds that this replica lacks (anti-entropy).
- Replicator: the set of PeerLinks, peer discovery, acknowledgement waits.
"""
from .peer_link import PeerLink
from .replicator import Replicator

__all__ = ["PeerLink", "Replicator"]
