"""The merge rule: per-field last-writer-wins by Lamport stamp, deletes as tombstones.

A contact's replicated state is ``{register: [value, counter, replica_id]}`` with one
register per user field plus ``deleted``.  An update carries one stamp and the
registers it sets; each register keeps the value with the highest stamp.  Because
taking a maximum is commutative, associative and idempotent, every replica ends in
the same state whatever order, grouping or repetition the updates arrive in.

Every add or edit also sets ``deleted = False`` with its stamp, and a delete sets
``deleted = True``: the contact is visible when its newest such write is not a
delete, so a stale edit never resurrects a deleted contact, but a truly newer one
does (and carries every field with it).
"""
import json

from .model import EMPTY, FIELDS

REGISTERS = FIELDS + ("deleted",)


def _wins(value, stamp, current):
    """Does ``value`` stamped ``stamp`` beat the register's ``current`` [value, counter, replica]?

    Stamps decide.  Two different values under one stamp only happen when a replica
    reused a stamp (a wiped data dir that wrote before catching up); comparing the
    values' canonical JSON then still picks the same winner on every replica.
    """
    mine, theirs = (stamp[0], stamp[1]), (current[1], current[2])
    if mine != theirs:
        return mine > theirs
    return _canonical(value) > _canonical(current[0])


def _canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def merge(state, stamp, changes):
    """Apply ``changes`` stamped ``stamp`` to ``state`` in place; True if anything changed."""
    changed = False
    for register, value in changes.items():
        current = state.get(register)
        if current is None or _wins(value, stamp, current):
            state[register] = [value, stamp[0], stamp[1]]
            changed = True
    return changed


def merge_state(state, other):
    """Merge a whole replicated state (a full copy from a peer) into ``state``."""
    changed = False
    for register, (value, counter, replica) in other.items():
        changed |= merge(state, (counter, replica), {register: value})
    return changed


def is_complete(state):
    """True once the contact's add has arrived (every add carries the name).

    An edit or a delete made on another replica can arrive before the add it follows;
    until the add is here too, such a partial contact is neither listed nor in the trash
    (it would show with an empty name)."""
    return "name" in state


def is_visible(state):
    deleted = state.get("deleted")
    return deleted is not None and not deleted[0] and is_complete(state)


def listing(state):
    """Where a contact is listed: 1 among the contacts, 0 in the trash, -1 nowhere yet."""
    if not is_complete(state):
        return -1
    return 1 if is_visible(state) else 0


def newest_stamp(state):
    return max(((c, r) for _, c, r in state.values()), default=(0, 0))


def fields_of(state):
    return {f: state[f][0] if f in state else type(EMPTY[f])() for f in FIELDS}


def to_contact(contact_id, state):
    """The public dict form of a contact (see contacts.model)."""
    contact = {"id": contact_id, **fields_of(state)}
    contact["deleted"] = not is_visible(state)
    contact["updated"] = list(newest_stamp(state))
    return contact
