"""The workload: client threads that add, update and delete contacts through
ContactsClient, recording every operation in a History.

Each contact has a single writer (the thread that added it), so the order of its
writes is that thread's order and the checker knows what the last word on every
field was.  Every value written is unique (``<id> v<k>``), so a value shown by a
replica names the write it came from.

A few *shared* contacts (:func:`add_shared_contacts`, made before the threads
start) are updated by every thread, so concurrent writes to one contact through
different replicas meet in the merge.
"""
import random
import threading

from .checker import REGISTERS
from .history import classify


SHARED = 3
#: how often a step updates a shared contact instead of one of the thread's own
SHARED_SHARE = 0.1


def shared_ids(count=SHARED):
    return [f"shared-{n}" for n in range(1, count + 1)]


def add_shared_contacts(history, client, count=SHARED):
    """Add the shared contacts (as thread 0) before the workload starts."""
    for contact_id in shared_ids(count):
        writes = {register: f"{contact_id} v0" for register in REGISTERS}
        op = history.invoke(0, "add", contact_id, {**writes, "deleted": False})
        history.complete(op, "ok", result=client.add_contact({"id": contact_id, **writes}))


class ClientWorker(threading.Thread):
    def __init__(self, index, history, make_client, seed, stopping, think=0.02, shared=SHARED):
        super().__init__(name=f"client-{index}", daemon=True)
        self.index = index
        self.history = history
        self.make_client = make_client
        self.rng = random.Random(f"{seed}/client/{index}")
        self.stopping = stopping
        self.think = think
        self.live = []        # contacts this thread added and has not tried to delete
        self.counter = 0
        self.error = None
        self.failovers = 0    # the client's "moved to another replica" events
        self.shared = shared_ids(shared)

    def _on_client_event(self, event):
        if event.get("type") == "replica":
            self.failovers += 1

    def value(self, contact_id):
        self.counter += 1
        return f"{contact_id} v{self.index}.{self.counter}"

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
        roll = self.rng.random()
        if self.shared and roll < SHARED_SHARE:
            self.update(client, self.rng.choice(self.shared))
        elif len(self.live) < 3 or roll < 0.3:
            self.add(client)
        elif roll < 0.85:
            self.update(client)
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
        else:
            self.history.complete(op, "ok", result=result)
