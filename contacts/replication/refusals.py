"""How a peer link logs a call that fails again and again for the same reason.

A peer running an older release refuses every update carrying a field it does not know
(docs/reliability.md, "Upgrading from the previous release's code"), and the link retries
at every ping until the peer is upgraded: a traceback per retry buried the log.  So one
line per reason, the first time it happens (what, to which peer, that it retries); the
traceback once, beside it (ERROR for an error of this code, DEBUG for a peer's refusal,
whose traceback is the peer's business); the repeats at DEBUG; and one line when it
clears.
"""
import logging

from Pyro5.errors import get_pyro_traceback

log = logging.getLogger("contacts.replication.peer_link")


def refused_by_peer(exc):
    """Did the peer raise it?  Pyro5's proxy re-raises the peer's exception from its own code
    (the remote traceback is not always attached: this project's wire form of an error and
    older releases' do not carry it), so the innermost frame tells."""
    if hasattr(exc, "_pyroTraceback"):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_globals.get("__name__") == "Pyro5.client"


class RefusalLog:
    """The failing reasons of one link, by operation ("push", "pull", "ping")."""

    def __init__(self, replica_id, retry_every):
        self.replica_id = replica_id
        self.retry_every = retry_every
        self._reasons = {}    # operation -> [reason, times seen]

    def failed(self, operation, what, exc, expected):
        """``what`` (e.g. "updates 1:41..1:45 (apply_updates)") failed with ``exc``;
        ``expected``: a refusal (the peer's, or a ContactsError/PyroError), not a bug here."""
        reason = f"{type(exc).__name__}: {exc}"
        seen = self._reasons.get(operation)
        if seen is not None and seen[0] == reason:
            seen[1] += 1
            log.debug("replica %s: %s failed again (%d times): %s", self.replica_id, what, seen[1], reason)
            return
        self._reasons[operation] = [reason, 1]
        retry = f"retrying every {self.retry_every:g} s, repeats logged at debug level"
        if not expected:
            log.error("unexpected error with replica %s on %s; %s", self.replica_id, what, retry, exc_info=exc)
            return
        if refused_by_peer(exc):
            log.error("replica %s refused %s: %s; %s (a replica of an older release refuses the fields it "
                      "does not know until it is upgraded)", self.replica_id, what, reason, retry)
        else:
            log.error("replication with replica %s failed on %s: %s; %s", self.replica_id, what, reason, retry)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("its traceback (this replica's call, then the peer's):\n%s",
                      "".join(get_pyro_traceback(type(exc), exc, exc.__traceback__)))

    def cleared(self, operation, how):
        """``operation`` went through (``how``: "it holds update 1:41 now"): said once if it had
        been failing."""
        seen = self._reasons.pop(operation, None)
        if seen is not None:
            log.info("replication with replica %s works again: %s, after %d failed tries (%s)",
                     self.replica_id, how, seen[1], seen[0])
