"""The rich workload: threads that edit *different fields of the same contacts* through
replicas of their own, so concurrent edits of one contact meet in the per-field merge.

A few rich contacts (``rich-N``, :func:`add_rich_contacts`, added as thread 0 before the
threads start) carry every field the checker follows (:data:`FIELDS`).  Each step of a
:class:`RichWorker` updates one or two fields of one of them: name parts, phones, emails,
addresses, organization, birthday, notes, starred, a photo (a few random bytes behind a
PNG signature), or a groups delta (``{"add": [g]}`` / ``{"remove": [g]}``, add-wins).

Every write goes into the History as ``kind="edit"`` with what it wrote: the field's value
as sent (the checker normalizes it the way a replica does), a groups delta as
``{"add": [...]}``/``{"remove": [...]}``, a photo as ``{"hash", "data"}`` (its bytes, base64).
Values are unique per write (the thread and a counter are in them), so a value shown by a
replica names the write it came from; only ``starred`` and ``birthday`` repeat values.
"""
import base64
import hashlib

from .history import classify
from .workload import WorkerLoop

#: the fields the rich workload writes and the rich checker follows
FIELDS = ("n", "phones", "emails", "addresses", "organization", "birthday", "notes", "starred",
          "photo", "groups")
GROUPS = ("family", "work", "club", "gym")
PNG = b"\x89PNG\r\n\x1a\n"


def rich_ids(count):
    return [f"rich-{n}" for n in range(1, count + 1)]


def photo_write(rng, tag):
    """A small photo: the PNG signature (a replica takes only image bytes), a tag, random bytes."""
    raw = PNG + tag.encode() + bytes(rng.getrandbits(8) for _ in range(rng.randint(16, 200)))
    return {"hash": hashlib.sha256(raw).hexdigest(), "data": base64.b64encode(raw).decode("ascii")}


def field_value(field, tag, rng):
    """A value of ``field`` that names the write (``tag``: "<thread>.<counter>")."""
    if field == "n":
        return {"given": [f"G{tag}"], "family": [f"F{tag}"]}
    if field == "phones":
        return [{"label": f"p{tag}", "number": f"+1 202 555 {rng.randrange(10000):04d}"}]
    if field == "emails":
        return [{"label": "home", "address": f"e{tag}@example.com"}]
    if field == "addresses":
        return [{"label": "home", "street": f"{tag} Main St", "locality": "Springfield"}]
    if field == "organization":
        return f"Org {tag}"
    if field == "birthday":
        return f"{rng.randint(1950, 2010)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if field == "notes":
        return f"notes {tag}\nline two"
    if field == "starred":
        return rng.random() < 0.5
    if field == "photo":
        return photo_write(rng, tag)
    raise ValueError(field)


def sent(field, written):
    """What goes over the wire for a recorded write (a photo travels as its data)."""
    if field == "photo":
        return {"data": written["data"]} if written else {}
    return written


def add_rich_contacts(history, client, count, rng):
    """Add the rich contacts, every field set, as thread 0 (before the workload starts)."""
    for contact_id in rich_ids(count):
        writes = {f: field_value(f, f"0.{contact_id}", rng) for f in FIELDS if f != "groups"}
        writes["groups"] = {"add": [GROUPS[0]]}
        op = history.invoke(0, "add", contact_id, {**writes, "deleted": False})
        contact = {"id": contact_id, "name": f"Rich {contact_id}",
                   **{f: sent(f, v) for f, v in writes.items() if f != "groups"}, "groups": [GROUPS[0]]}
        history.complete(op, "ok", result=client.add_contact(contact))


class RichWorker(WorkerLoop):
    def __init__(self, index, history, make_client, seed, stopping, contact_ids, think=0.02):
        super().__init__("rich", index, history, make_client, seed, stopping, think)
        self.contact_ids = list(contact_ids)

    def step(self, client):
        contact_id = self.rng.choice(self.contact_ids)
        fields = self.rng.sample(FIELDS, self.rng.choice((1, 1, 2)))
        writes = {}
        for field in fields:
            self.counter += 1
            tag = f"{self.index}.{self.counter}"
            if field == "groups":
                writes[field] = {self.rng.choice(("add", "remove")): [self.rng.choice(GROUPS)]}
            elif field == "photo" and self.rng.random() < 0.1:
                writes[field] = {}   # the photo taken away
            else:
                writes[field] = field_value(field, tag, self.rng)
        changes = {f: sent(f, v) for f, v in writes.items()}
        op = self.history.invoke(self.index, "edit", contact_id, {**writes, "deleted": False})
        failovers = self.failovers
        waived = bool(client.unreplicated)
        try:
            result = client.update_contact(contact_id, changes)
        except Exception as exc:
            outcome = classify(exc)
            if outcome == "failed" and self.failovers != failovers:
                outcome = "unknown"   # an earlier attempt, on the replica left, may have been done
            self.history.complete(op, outcome, error=f"{type(exc).__name__}: {exc}"[:300])
        else:
            notes = (("failover",) if self.failovers != failovers else ()) + \
                    (("unreplicated",) if waived or client.unreplicated else ())
            self.history.complete(op, "ok", result=result, notes=notes)
