"""The history: every client operation, as invoked and as it ended.

An operation ends in one of three ways, and the checker relies on the difference:

- ``ok``: acknowledged; the cluster promised to keep it;
- ``failed``: a definite refusal (the replica answered with ValueError, LookupError,
  TypeError ...): nothing was written;
- ``unknown``: a timeout, a dropped connection, "no replica can serve" after some
  attempts: the write may or may not have happened, now or later (a request stuck
  in a stopped replica's socket is carried out when it resumes).

An operation still ``invoked`` when the history is read is treated as unknown.
"""
import json
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass

from ...errors import ContactsError, UnavailableError

OUTCOMES = ("ok", "failed", "unknown")


@dataclass
class Operation:
    index: int
    thread: int
    kind: str                    # "add", "update" or "delete"
    contact_id: str
    writes: dict                 # register -> value this operation writes ("deleted" included)
    invoked: float               # seconds since the history began
    completed: float = None
    outcome: str = "invoked"
    error: str = None
    origin: int = None           # replica that acknowledged it (from the write result)
    #: what the client said about the call: "failover" (it moved replica during it: an
    #: earlier attempt may land late), "unreplicated" (it waived earlier writes held by no
    #: replica it reached: this one may be stamped below them)
    notes: tuple = ()

    def describe(self):
        values = ", ".join(f"{k}={v!r}" for k, v in self.writes.items() if k != "deleted")
        ended = f"{self.completed:.3f}" if self.completed is not None else "-"
        where = f" by replica {self.origin}" if self.origin is not None else ""
        why = f" ({self.error})" if self.error else ""
        why += f" [{', '.join(self.notes)}]" if self.notes else ""
        return (f"#{self.index} t{self.thread} {self.kind} {self.contact_id} [{values}] "
                f"invoked {self.invoked:.3f} ended {ended}: {self.outcome}{where}{why}")


def classify(exc):
    """'failed' for a definite refusal, 'unknown' for anything that may have been written."""
    if isinstance(exc, UnavailableError):
        return "unknown"
    if isinstance(exc, ContactsError) or isinstance(exc, (ValueError, TypeError, LookupError, PermissionError)):
        return "failed"
    return "unknown"


class History:
    def __init__(self):
        self._lock = threading.Lock()
        self._operations = []
        self.started = time.monotonic()

    def now(self):
        return time.monotonic() - self.started

    def invoke(self, thread, kind, contact_id, writes):
        with self._lock:
            op = Operation(len(self._operations), thread, kind, contact_id, dict(writes), self.now())
            self._operations.append(op)
        return op

    def complete(self, op, outcome, error=None, result=None, notes=()):
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}")
        op.notes = tuple(notes)
        op.completed = self.now()
        op.outcome = outcome
        op.error = error
        if isinstance(result, dict) and isinstance(result.get("write"), dict):
            op.origin = result["write"].get("origin")

    def operations(self):
        with self._lock:
            return list(self._operations)

    def counts(self):
        """{(kind, outcome): n} plus ('all', outcome) totals."""
        counts = Counter()
        for op in self.operations():
            outcome = op.outcome if op.outcome in OUTCOMES else "unknown"
            counts[(op.kind, outcome)] += 1
            counts[("all", outcome)] += 1
        return counts

    def dump(self, path):
        with open(path, "w") as out:
            for op in self.operations():
                out.write(json.dumps(asdict(op)) + "\n")
