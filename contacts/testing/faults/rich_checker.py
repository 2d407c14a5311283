"""The rich checker: for each rich contact and each field, by that field's merge rule
(contacts/fields.py ``merge``, contacts/merge.py), is the value every replica shows one
that some history allows?

What the history can prove, and nothing more (the checker must never cry wolf):

*Happens-before.*  Write X happens before write Y when X was acknowledged before Y was
invoked and either both come from one client thread (its ContactsClient makes the replica
that takes Y catch up with the thread's own writes first: ``WRITE_EXISTING``), or X is the
setup add (thread 0) of the contact (a replica takes an edit only of a contact it holds,
so its Lamport clock is already past the add's stamp).  Writes of different threads are
otherwise concurrent, whatever the wall clock says: their order is the Lamport stamps'.

*Late writes.*  An ``unknown`` write (timeout, dropped connection) may be carried out at
any time later, even after the thread's next writes (a request stuck in a stopped
replica's socket runs when it resumes), so nothing ever supersedes it.  The same holds
for an acknowledged write during which the client failed over (an earlier attempt, on
the replica it left, may land late): the workload notes those
(``Operation.notes``: "failover").

Rules, per field:

- **last-writer-wins** (every field but groups; photo included): the value shown must be
  that of a write (acknowledged or late) to the field that no acknowledged write
  supersedes, X superseded by Y when X happens before Y, X is not late and both wrote the
  field.  A value of a superseded write is ``lost`` (the acknowledged write that should
  have won is named); a value no write produced is ``unexpected``.
- **add-wins set** (groups, contacts/merge.py OR-set): every add is a new tag; a remove
  takes away only the tags its replica held.  A group *must* be present when some
  acknowledged add of it cannot have been seen by any remove of it (every acknowledged
  remove ended before the add began, and no remove is unknown): missing, it is ``lost``.
  A group *may* be present only if some add of it (acknowledged or late) is not surely
  removed: a later acknowledged remove of the same thread surely saw it.  Else it is
  ``unexpected`` (a removed group back, or a group nobody added).
- **photo**: last-writer-wins on the register (its sha256), and the bytes every replica
  serves for it must be the bytes of the write that set it, whole (``photo`` violation:
  another photo's bytes, a mix, or missing bytes).

And the replicas must show identical contacts (``divergent``).
"""
import base64
import hashlib
from collections import Counter

from ...fields import BY_NAME
from .checker import Violation
from .rich_workload import FIELDS

KINDS = ("lost", "unexpected", "photo", "divergent", "unreadable")


def is_late(op):
    """May this write still land (and win) after writes that followed it?"""
    return op.outcome != "ok" or "failover" in op.notes


def happens_before(first, second):
    """Is ``second`` surely stamped above ``first``?  (Not when the client waived earlier
    writes no reachable replica held: then ``second``'s replica may lack ``first``.)"""
    return (first.outcome == "ok" and first.completed is not None and first.completed <= second.invoked
            and (first.thread == second.thread or first.thread == 0) and "unreplicated" not in second.notes)


def candidates(ops):
    """Writes that took effect or may have (ok, unknown, still invoked): not refused."""
    return [op for op in ops if op.outcome != "failed"]


def shown_value(field, value):
    """A field's value as a replica shows it, from a write as recorded."""
    if field == "photo":
        return value.get("hash", "") if value else ""
    return BY_NAME[field].normalize(value, None)


def replica_value(field, contact):
    value = contact.get(field, BY_NAME[field].empty_value())
    if field == "photo":
        return value.get("hash", "") if value else ""
    return value


def allowed_lww(field, ops):
    """(writes whose value may show, writes superseded) for one last-writer-wins field."""
    writes = [op for op in candidates(ops) if field in op.writes]
    superseded = [x for x in writes if not is_late(x)
                  and any(y.outcome == "ok" and y is not x and happens_before(x, y) for y in writes)]
    return [w for w in writes if w not in superseded], superseded


def _adds_and_removes(ops, group):
    adds, removes = [], []
    for op in candidates(ops):
        delta = op.writes.get("groups")
        if delta is None:
            continue
        if group in delta.get("add", ()):
            adds.append(op)
        elif group in delta.get("remove", ()):
            removes.append(op)
    return adds, removes


def group_rule(ops, group):
    """(must be present, may be present, the ops that decide) for one group of one contact."""
    adds, removes = _adds_and_removes(ops, group)
    unknown_remove = any(is_late(r) for r in removes)

    def unseen_by_removes(add):
        return add.outcome == "ok" and not unknown_remove and all(r.completed < add.invoked for r in removes)

    def surely_removed(add):
        return not is_late(add) and any(r.outcome == "ok" and r.thread == add.thread and add.completed <= r.invoked
                                        and "unreplicated" not in r.notes for r in removes)

    must = any(unseen_by_removes(a) for a in adds)
    may = any(not surely_removed(a) for a in adds)
    return must, may, adds + removes


def check_rich_contact(contact_id, ops, contact, replica, photos=None, checks=None):
    """Violations of one rich contact as one replica shows it (``photos``: hash -> base64
    bytes the replica serves, or the exception)."""
    checks = checks if checks is not None else Counter()
    where = f"replica {replica}"
    if contact is None:
        return [Violation("lost", contact_id, f"rich contact missing on {where}", ops)]
    violations = []
    for field in FIELDS:
        if field == "groups":
            violations += _check_groups(contact_id, ops, contact, where, checks)
            continue
        value = replica_value(field, contact)
        allowed, superseded = allowed_lww(field, ops)
        checks[field] += 1
        if any(shown_value(field, w.writes[field]) == value for w in allowed):
            if field == "photo" and value:
                violations += _check_photo_bytes(contact_id, ops, value, allowed, photos, where)
            continue
        older = [w for w in superseded if shown_value(field, w.writes[field]) == value]
        if older:
            winners = [y for y in ops if y.outcome == "ok" and field in y.writes and happens_before(older[-1], y)]
            violations.append(Violation(
                "lost", contact_id,
                f"{where} shows {field}={_short(value)} from #{older[-1].index}, which acknowledged "
                f"#{winners[-1].index} superseded (it wrote {_short(shown_value(field, winners[-1].writes[field]))})",
                [older[-1], winners[-1]]))
        else:
            violations.append(Violation(
                "unexpected", contact_id,
                f"{where} shows {field}={_short(value)}, which no acknowledged or unknown write of "
                f"{field} produced (allowed: {[_short(shown_value(field, w.writes[field])) for w in allowed][:6]})",
                allowed[:6]))
    return violations


def _check_groups(contact_id, ops, contact, where, checks):
    violations = []
    shown = set(contact.get("groups", []))
    named = set(shown)
    for op in ops:
        delta = op.writes.get("groups") or {}
        named.update(delta.get("add", ()), delta.get("remove", ()))
    for group in sorted(named):
        must, may, deciding = group_rule(ops, group)
        checks["groups"] += 1
        if group not in shown and must:
            violations.append(Violation(
                "lost", contact_id, f"{where} lacks group {group!r}: an acknowledged add of it came after "
                                    f"every remove of it (add wins)", deciding))
        elif group in shown and not may:
            violations.append(Violation(
                "unexpected", contact_id, f"{where} shows group {group!r}, which no add explains "
                                          f"(every add of it was surely removed, or none was made)", deciding))
    return violations


def _check_photo_bytes(contact_id, ops, digest, allowed, photos, where):
    written = {w.writes["photo"]["data"] for w in allowed if w.writes["photo"]
               and w.writes["photo"].get("hash") == digest}
    served = (photos or {}).get(digest)
    if isinstance(served, BaseException) or served is None:
        return [Violation("photo", contact_id, f"{where} holds photo {digest[:12]} but cannot serve its "
                                               f"bytes: {served!r}", ops[:1])]
    raw = base64.b64decode(served)
    if served not in written or hashlib.sha256(raw).hexdigest() != digest:
        return [Violation("photo", contact_id, f"{where} serves {len(raw)} bytes for photo {digest[:12]} "
                                               f"that are not the bytes of the write that set it", ops[:1])]
    return []


def check_rich(operations, replica_lists, replica_photos=None):
    """(violations, {field: checks made}) for the rich contacts: ``replica_lists`` maps replica
    id -> its list of rich contacts (or the exception); ``replica_photos`` replica id ->
    {hash: base64 bytes or exception}."""
    by_contact = {}
    for op in operations:
        by_contact.setdefault(op.contact_id, []).append(op)
    violations, checks, readable = [], Counter(), {}
    for replica, contacts in sorted(replica_lists.items()):
        if isinstance(contacts, BaseException):
            violations.append(Violation("unreadable", "-", f"replica {replica}: {contacts!r}"))
            continue
        readable[replica] = {c["id"]: {k: v for k, v in c.items() if k != "write"} for c in contacts}
    for replica, contacts in readable.items():
        photos = (replica_photos or {}).get(replica, {})
        for contact_id in sorted(set(contacts) | set(by_contact)):
            ops = by_contact.get(contact_id)
            if ops is None:
                violations.append(Violation("unexpected", contact_id, f"on replica {replica}, never written"))
                continue
            violations += check_rich_contact(contact_id, ops, contacts.get(contact_id), replica, photos, checks)
    if len(readable) > 1:
        for contact_id in sorted(set().union(*readable.values())):
            versions = {r: contacts.get(contact_id) for r, contacts in readable.items()}
            if len({repr(sorted(v.items())) if v else None for v in versions.values()}) > 1:
                differ = sorted(f for f in FIELDS + ("updated",)
                                if len({repr((v or {}).get(f)) for v in versions.values()}) > 1)
                violations.append(Violation("divergent", contact_id, f"replicas differ in {differ}",
                                            by_contact.get(contact_id, [])[:3]))
    return violations, checks


def summarize_rich(violations):
    counts = {kind: 0 for kind in KINDS}
    for violation in violations:
        counts[violation.kind] = counts.get(violation.kind, 0) + 1
    return counts


def _short(value, limit=70):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."
