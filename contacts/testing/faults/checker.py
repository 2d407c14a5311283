"""The checker: from the history alone, what may each replica hold, and what went wrong.

The model is kept simple so that it is sound (it never cries wolf): every contact
has a single writer (one client thread), so the writes to it are totally ordered by
that thread, and each field is a register.  For every register of a contact:

- the last *acknowledged* write to it must show, unless an *unknown* write to it
  explains the value: an unknown write never completed, so it is concurrent with
  everything after it and may land (and win) at any time;
- a value no acknowledged or unknown write produced is unexpected.

"deleted" is one more register (add and update write False, delete writes True), and
a contact with no acknowledged write at all may be absent.

A few *shared* contacts are updated by every thread, so that concurrent writes to one
contact through different replicas meet in the merge.  Writes from different clients
are ordered by Lamport stamp, not by wall clock, so for those only this is checked:
each field shows a value some acknowledged or unknown write produced, the contact is
there, and all replicas agree.  Violations:

- ``lost``: an acknowledged add/update whose contact is missing, or whose value was
  replaced by an older one;
- ``unexpected``: a contact or value that no acknowledged or unknown write explains
  (a refused write that took effect, an id nobody used);
- ``resurrected``: a contact whose acknowledged delete is the last word, shown alive;
- ``divergent``: replicas whose full lists differ after the quiet period;
- ``unreadable``: a replica that could not be read after healing.
"""
from dataclasses import dataclass, field

#: the registers the workload writes, besides "deleted"
REGISTERS = ("name", "organization", "notes")
ABSENT = object()


@dataclass
class Violation:
    kind: str
    contact_id: str
    message: str
    operations: list = field(default_factory=list)

    def report(self):
        lines = [f"{self.kind.upper()}: {self.contact_id}: {self.message}"]
        lines += [f"    {op.describe()}" for op in self.operations]
        return "\n".join(lines)


def _canonical(contact):
    return {k: v for k, v in contact.items() if k != "write"}


def expected_registers(ops):
    """register -> (last acknowledged op or None, [unknown ops]) for one contact's writes."""
    registers = {}
    for op in ops:
        for register in op.writes:
            last, maybe = registers.setdefault(register, [None, []])
            if op.outcome == "ok":
                registers[register][0] = op
            elif op.outcome in ("unknown", "invoked"):
                maybe.append(op)
    return registers


def check_contact(contact_id, ops, contact, replica):
    """Violations for one contact as one replica shows it (``contact`` None when absent)."""
    if len({op.thread for op in ops}) > 1:
        return check_shared_contact(contact_id, ops, contact, replica)
    registers = expected_registers(ops)
    last_deleted, maybe_deleted = registers.get("deleted", (None, []))
    acked = [op for op in ops if op.outcome == "ok"]
    where = f"replica {replica}"
    if contact is None:
        may_be_absent = (not acked or (last_deleted is not None and last_deleted.writes["deleted"])
                         or any(op.writes["deleted"] for op in maybe_deleted))
        if not may_be_absent:
            return [Violation("lost", contact_id, f"missing on {where}, but its last acknowledged "
                                                  f"write is #{last_deleted.index} ({last_deleted.kind})",
                              ops)]
        return []
    violations = []
    may_be_alive = ((last_deleted is not None and not last_deleted.writes["deleted"])
                    or any(not op.writes["deleted"] for op in maybe_deleted))
    if not may_be_alive:
        if last_deleted is not None:
            violations.append(Violation("resurrected", contact_id,
                                        f"alive on {where} after acknowledged delete #{last_deleted.index}",
                                        ops))
        else:
            violations.append(Violation("unexpected", contact_id,
                                        f"on {where}, but no add of it was acknowledged or left unknown",
                                        ops))
        return violations
    for register in REGISTERS:
        last, maybe = registers.get(register, (None, []))
        allowed = {op.writes[register] for op in maybe}
        if last is not None:
            allowed.add(last.writes[register])
        elif not acked:
            allowed.add(ABSENT)
        value = contact.get(register, "")
        if value in allowed or (ABSENT in allowed and value == ""):
            continue
        older = [op for op in ops if op.outcome == "ok" and op.writes.get(register) == value]
        if older:
            violations.append(Violation(
                "lost", contact_id,
                f"{where} shows {register}={value!r} from acknowledged #{older[-1].index}, but "
                f"acknowledged #{last.index} later wrote {last.writes[register]!r}", ops))
        else:
            violations.append(Violation(
                "unexpected", contact_id,
                f"{where} shows {register}={value!r}, which no acknowledged or unknown write "
                f"explains (allowed: {sorted(v for v in allowed if v is not ABSENT)})", ops))
    return violations


def check_shared_contact(contact_id, ops, contact, replica):
    """A contact several threads write: values must come from acknowledged/unknown writes."""
    if contact is None:
        if any(op.outcome == "ok" for op in ops) and not any(op.writes.get("deleted") for op in ops):
            return [Violation("lost", contact_id, f"shared contact missing on replica {replica}", ops)]
        return []
    violations = []
    for register in REGISTERS:
        allowed = {op.writes[register] for op in ops
                   if register in op.writes and op.outcome in ("ok", "unknown", "invoked")}
        value = contact.get(register, "")
        if value not in allowed:
            violations.append(Violation(
                "unexpected", contact_id,
                f"replica {replica} shows {register}={value!r} on a shared contact, which no "
                f"acknowledged or unknown write produced", [op for op in ops if op.writes.get(register) == value]))
    return violations


def check(operations, replica_lists):
    """All violations, given the history and {replica id: list_contacts() or an exception}."""
    by_contact = {}
    for op in operations:
        by_contact.setdefault(op.contact_id, []).append(op)
    violations = []
    readable = {}
    for replica, contacts in sorted(replica_lists.items()):
        if isinstance(contacts, BaseException):
            violations.append(Violation("unreadable", "-", f"replica {replica}: {contacts!r}"))
            continue
        readable[replica] = {c["id"]: _canonical(c) for c in contacts}
    for replica, contacts in readable.items():
        for contact_id in sorted(set(contacts) | set(by_contact)):
            ops = by_contact.get(contact_id)
            if ops is None:
                violations.append(Violation("unexpected", contact_id,
                                            f"on replica {replica}, but the workload never wrote it"))
                continue
            violations.extend(check_contact(contact_id, ops, contacts.get(contact_id), replica))
    violations.extend(divergence(readable, by_contact))
    return violations


def divergence(readable, by_contact):
    """One violation per contact that the readable replicas do not all show identically."""
    violations = []
    if len(readable) < 2:
        return violations
    ids = set().union(*readable.values())
    for contact_id in sorted(ids):
        versions = {replica: contacts.get(contact_id) for replica, contacts in readable.items()}
        distinct = {repr(sorted(v.items())) if v else None for v in versions.values()}
        if len(distinct) > 1:
            shown = "; ".join(f"replica {r}: " + (_short(v) if v else "absent") for r, v in versions.items())
            violations.append(Violation("divergent", contact_id, shown, by_contact.get(contact_id, [])))
    return violations


def _short(contact):
    return ", ".join(f"{k}={contact.get(k)!r}" for k in (*REGISTERS, "updated"))


def summarize(violations):
    counts = {kind: 0 for kind in ("lost", "unexpected", "resurrected", "divergent", "unreadable")}
    for violation in violations:
        counts[violation.kind] = counts.get(violation.kind, 0) + 1
    return counts
