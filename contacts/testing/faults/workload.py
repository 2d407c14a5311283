"""The workload: client threads that add, update and delete contacts through
ContactsClient, recording every operation in a History.

Each contact has a single writer (the thread that added it), so the order of its
writes is that thread's order and the checker knows what the last word on every
field was.  Every value written is unique (``<id> v<k>``), so a value shown by a
replica names the write it came from.

A few *shared* contacts (:func:`add_shared_contacts`, made before the threads
start) are updated by every thread, so concurrent writes to one contact through
different replicas meet in the merge.

Threads also read their own contacts back (read-your-writes): with a single writer, a
read must show exactly the last acknowledged values, unless the client says that some of
its writes are on no replica it can reach (``ContactsClient.unreplicated``).  A read
that misses them without that is counted as ``stale`` (a violation).
"""
import random
import threading

from ...errors import UnavailableError
from .checker import REGISTERS
from .history import classify


SHARED = 3
#: how often a step updates a shared contact instead of one of the thread's own
SHARED_SHARE = 0.1
#: how often a thread first moves to another replica (read-your-writes across replicas)
SWITCH_SHARE = 0.05


def shared_ids(count=SHARED):
    return [f"shared-{n}" for n in range(1, count + 1)]


def add_shared_contacts(history, client, count=SHARED):
    """Add the shared contacts (as thread 0) before the workload starts."""
    for contact_id in shared_ids(count):
        writes = {register: f"{contact_id} v0" for register in REGISTERS}
        op = history.invoke(0, "add", contact_id, {**writes, "deleted": False})
        history.complete(op, "ok", result=client.add_contact({"id": contact_id, **writes}))


class WorkerLoop(threading.Thread):
    """A workload thread: its own client, step() until stopped, a think time between steps;
    an exception ends the thread and is kept in ``error`` for the harness to report.
    ``kind``/``index`` name the thread and seed its random choices ("<seed>/<kind>/<index>");
    subclasses write step(client)."""

    def __init__(self, kind, index, history, make_client, seed, stopping, think):
        super().__init__(name=f"{kind}-{index}", daemon=True)
        self.index = index
        self.history = history
        self.make_client = make_client
        self.rng = random.Random(f"{seed}/{kind}/{index}")
        self.stopping = stopping
        self.think = think
        self.counter = 0
        self.error = None
        self.failovers = 0    # the client's "moved to another replica" events

    def _on_client_event(self, event):
        if event.get("type") == "replica":
            self.failovers += 1

    def run(self):
        try:
            client = self.make_client()
        except Exception as exc:  # the harness reports it; no client, no workload
            self.error = exc
            return
        client.add_listener(self._on_client_event)
        try:
            while not self.stopping.is_set():
                self.step(client)
                self.stopping.wait(self.rng.uniform(0, 2 * self.think))
        except Exception as exc:
            self.error = exc
            raise
        finally:
            try:
                client.close()
            except Exception:
                pass

    def step(self, client):
        raise NotImplementedError


class ClientWorker(WorkerLoop):
    def __init__(self, index, history, make_client, seed, stopping, think=0.02, shared=SHARED):
        super().__init__("client", index, history, make_client, seed, stopping, think)
        self.live = []        # contacts this thread added and has not tried to delete
        self.shared = shared_ids(shared)
        # read-your-writes checks on this thread's own contacts
        self.expected = {}    # contact id -> {register: last acknowledged value, "deleted": bool}
        self.ambiguous = set()  # contacts with a write of unknown outcome: no exact expectation
        self.reads = {"answered": 0, "unanswered": 0, "stale_flagged": 0, "stale": 0}
        self.stale_examples = []


    def value(self, contact_id):
        self.counter += 1
        return f"{contact_id} v{self.index}.{self.counter}"


    def step(self, client):
        roll = self.rng.random()
        if self.rng.random() < SWITCH_SHARE:
            self.switch(client)
        if self.shared and roll < SHARED_SHARE:
            self.update(client, self.rng.choice(self.shared))
        elif len(self.live) < 3 or roll < 0.3:
            self.add(client)
        elif roll < 0.8:
            self.update(client)
        elif roll < 0.9:
            self.read(client)
        else:
            self.delete(client)

    def add(self, client):
        contact_id = f"t{self.index}-{self.counter + 1}"
        writes = {register: self.value(contact_id) for register in REGISTERS}
        self.live.append(contact_id)
        self.call(client.add_contact, "add", contact_id, {**writes, "deleted": False},
                  {"id": contact_id, **writes})

    def update(self, client, contact_id=None):
        contact_id = contact_id or self.rng.choice(self.live)
        chosen = [r for r in REGISTERS if self.rng.random() < 0.5] or [self.rng.choice(REGISTERS)]
        changes = {register: self.value(contact_id) for register in chosen}
        self.call(lambda c: client.update_contact(contact_id, c), "update", contact_id,
                  {**changes, "deleted": False}, changes)

    def delete(self, client):
        contact_id = self.live.pop(self.rng.randrange(len(self.live)))
        self.call(lambda _: client.delete_contact(contact_id), "delete", contact_id,
                  {"deleted": True}, None)

    def switch(self, client):
        """Move to another replica, as a user choosing one does: the next reads must still
        show this thread's writes, made on the replica it just left."""
        others = [r["replica_id"] for r in client.known_replicas()
                  if r["replica_id"] is not None and not r["in_use"]]
        if others:
            try:
                client.use_replica(self.rng.choice(others))
            except LookupError:
                pass

    def read(self, client):
        """Read one of this thread's contacts back; its last acknowledged values must show."""
        known = [c for c in self.live if c in self.expected and c not in self.ambiguous]
        if not known:
            return self.add(client)
        contact_id = self.rng.choice(known)
        expected = self.expected[contact_id]
        flagged = bool(client.unreplicated)
        try:
            shown = client.get_contact(contact_id)
        except UnavailableError:
            self.reads["unanswered"] += 1
            return
        except LookupError:
            shown = None
        flagged = flagged or bool(client.unreplicated)
        self.reads["answered"] += 1
        if shown is not None and all(shown.get(r) == expected[r] for r in REGISTERS):
            return
        self.reads["stale_flagged" if flagged else "stale"] += 1
        if not flagged and len(self.stale_examples) < 5:
            self.stale_examples.append(f"{contact_id}: expected {expected}, read {shown}")

    def _expect(self, contact_id, writes, outcome):
        if contact_id in self.shared:
            return
        if outcome == "unknown":
            self.ambiguous.add(contact_id)
        elif outcome == "ok":
            self.expected[contact_id] = {**self.expected.get(contact_id, {}), **writes}

    def call(self, method, kind, contact_id, writes, argument):
        op = self.history.invoke(self.index, kind, contact_id, writes)
        failovers = self.failovers
        try:
            result = method(argument)
        except Exception as exc:
            outcome = classify(exc)
            if outcome == "failed" and self.failovers != failovers:
                # a refusal from the replica tried last says nothing of the one that timed
                # out before it: that attempt may have been carried out
                outcome = "unknown"
            self.history.complete(op, outcome, error=f"{type(exc).__name__}: {exc}"[:300])
            self._expect(contact_id, writes, outcome)
        else:
            self.history.complete(op, "ok", result=result)
            self._expect(contact_id, writes, "ok")
