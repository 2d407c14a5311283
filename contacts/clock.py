"""Lamport clock: the only notion of time replicas use to order updates.

A stamp is ``(counter, replica_id)``; comparing stamps as tuples is a total order
that every replica computes the same way, whatever its wall clock says.
"""
import threading

from .errors import StampError

#: no stamp may exceed this: it keeps counters exact in every serializer (JSON too)
MAX_COUNTER = 2 ** 53


class LamportClock:
    """Thread-safe Lamport counter for one replica."""

    def __init__(self, value=0, max_lead=1_000_000_000):
        self._value = int(value)
        self._max_lead = max_lead
        self._lock = threading.Lock()

    @property
    def value(self):
        return self._value

    def tick(self):
        """Advance for a local event and return the new counter."""
        with self._lock:
            self._value += 1
            return self._value

    def observe(self, counter):
        """Take in a counter seen on an incoming update (never moves backwards)."""
        with self._lock:
            if counter > self._value:
                self._value = counter

    def check(self, counter, what="stamp"):
        """Reject a counter that no honest replica could have produced yet.

        A counter far ahead of this clock would drag every replica's clock up to it:
        one forged message could exhaust the counter space for the whole cluster.
        """
        if isinstance(counter, bool) or not isinstance(counter, int):
            raise StampError(what, f"counter must be an integer, not {type(counter).__name__}")
        if counter < 1:
            raise StampError(what, f"counter must be positive, got {counter}")
        if counter >= MAX_COUNTER or counter > self._value + self._max_lead:
            raise StampError(what, f"counter {counter} is absurdly far ahead of this replica's "
                                   f"clock ({self._value}); refusing it")
        return counter
