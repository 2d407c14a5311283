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

A purge (delete forever) is final, whatever the stamps: the ``purged`` register, once in a
state, absorbs it. The state becomes ``{"purged": [True, counter, replica]}`` (the newest purge
stamp seen) and every other change to that contact is dropped, older or newer, whichever
order they arrive in. So the result is still the same on every replica (it depends only on
the set of purges seen), and a stale or concurrent edit from a replica that had not seen the
purge cannot bring any field back (docs/replication.md, Delete forever).
"""
import hashlib
import json

from .fields import BY_NAME, SETS
from .model import EMPTY, FIELDS

REGISTERS = FIELDS + ("deleted",)
#: the register a purge (delete forever) sets; absorbing, see the module docstring
PURGED = "purged"
#: registers merged as add-wins sets (OR-sets), not last-writer-wins: ``groups``
SET_REGISTERS = frozenset(SETS)


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
    """Apply ``changes`` stamped ``stamp`` to ``state`` in place; True if anything changed.

    A set register's change is a delta (``{"add": [names], "remove": {name: [tags]}}``, see
    :func:`set_delta`): its adds are tagged with ``stamp``."""
    if PURGED in changes:
        return _purge(state, stamp)
    if PURGED in state:
        return False   # purged: nothing comes back, however new its stamp
    changed = False
    for register, value in changes.items():
        if register in SET_REGISTERS:
            tag = [stamp[0], stamp[1]]
            delta = {"live": {name: [tag] for name in value.get("add", ())},
                     "removed": value.get("remove", {})}
            changed |= _merge_set(state, register, delta, stamp)
            continue
        current = state.get(register)
        if current is None or _wins(value, stamp, current):
            state[register] = [value, stamp[0], stamp[1]]
            changed = True
    return changed


def merge_state(state, other):
    """Merge a whole replicated state (a full copy from a peer) into ``state``."""
    if PURGED in other:
        return _purge(state, other[PURGED][1:])
    if PURGED in state:
        return False
    changed = False
    for register, (value, counter, replica) in other.items():
        if register in SET_REGISTERS:
            changed |= _merge_set(state, register, value, (counter, replica))
        else:
            changed |= merge(state, (counter, replica), {register: value})
    return changed


def _purge(state, stamp):
    """Reduce ``state`` to the purge tombstone with the newest purge stamp seen."""
    current = state.get(PURGED)
    newest = max(tuple(stamp), (current[1], current[2])) if current is not None else tuple(stamp)
    tombstone = {PURGED: [True, newest[0], newest[1]]}
    if state == tombstone:
        return False
    state.clear()
    state.update(tombstone)
    return True


def is_purged(state):
    return PURGED in state


# -- add-wins sets (OR-set) ---------------------------------------------------------------
# A set register is [{"live": {name: [tags]}, "removed": {name: [tags]}}, counter, replica]:
# every add of a name is tagged with its update's stamp [counter, replica] (unique per
# update); a remove names, per name, the tags it observed.  The state is the union of every
# add and remove seen, minus each name's removed tags from its live ones: a union is
# commutative, associative and idempotent, a remove never touches a tag it did not see (so
# a concurrent add survives it), and a late add whose tag was already removed does not come
# back.  The stamp beside the value is the newest that touched it (for "updated").

def _tags(source):
    return {name: {tuple(t) for t in tags} for name, tags in source.items()}


def _union(first, second):
    result = _tags(first)
    for name, tags in _tags(second).items():
        result.setdefault(name, set()).update(tags)
    return result


def _merge_set(state, register, incoming, stamp):
    current = state.get(register)
    value = current[0] if current is not None else {"live": {}, "removed": {}}
    removed = _union(value["removed"], incoming["removed"])
    live = _union(value["live"], incoming["live"])
    live = {name: tags - removed.get(name, set()) for name, tags in live.items()}
    merged = {"live": {name: sorted(list(t) for t in tags) for name, tags in sorted(live.items()) if tags},
              "removed": {name: sorted(list(t) for t in tags) for name, tags in sorted(removed.items()) if tags}}
    old_stamp = (current[1], current[2]) if current is not None else (0, 0)
    new_stamp = max(old_stamp, tuple(stamp))
    entry = [merged, new_stamp[0], new_stamp[1]]
    if current is not None and current == entry:
        return False
    state[register] = entry
    return True


def set_names(value):
    """The names a set register's value holds (sorted)."""
    return sorted(value["live"]) if value else []


def set_delta(state, register, desired):
    """The delta that takes the set from what ``state`` holds to ``desired`` (a list of
    names: the whole set wanted; or {"add": [...], "remove": [...]}).  Removes name the
    tags observed here; adds are tagged by merge() with the update's stamp."""
    current = state.get(register) if state else None
    live = current[0]["live"] if current is not None else {}
    if isinstance(desired, dict):
        # an explicit add is a new tag even for a name already there: it survives a
        # concurrent remove (add wins); a name both added and removed is added
        add, remove = set(desired.get("add", ())), set(desired.get("remove", ())) - set(desired.get("add", ()))
    else:
        # the whole list: only what changed (a name kept adds no tag, so re-sending the
        # list does not undo a concurrent remove)
        add, remove = set(desired) - set(live), set(live) - set(desired)
    tags = {name: sorted(list(t) for t in live[name]) for name in sorted(remove) if name in live}
    return {"add": sorted(add), "remove": tags}


def prepare_changes(state, fields):
    """``fields`` (normalized user input) as an update's changes against ``state``:
    set registers become deltas; the rest is as given."""
    changes = dict(fields)
    for register in SET_REGISTERS:
        if register in changes:
            changes[register] = set_delta(state, register, changes[register])
            if not changes[register]["add"] and not changes[register]["remove"]:
                del changes[register]
    return changes


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
    """The user fields of a state (absent registers: their empty value)."""
    fields = {}
    for f in FIELDS:
        entry = state.get(f)
        if entry is None:
            fields[f] = BY_NAME[f].empty_value()
        elif f in SET_REGISTERS:
            fields[f] = set_names(entry[0])
        else:
            fields[f] = entry[0]
    # entries stored by the five-field code lack the keys added since (docs/operations.md)
    if fields["phones"] and "pref" not in fields["phones"][0]:
        fields["phones"] = [{"region": "", "pref": None, **p} for p in fields["phones"]]
    if fields["emails"] and "pref" not in fields["emails"][0]:
        fields["emails"] = [{**e, "pref": None} for e in fields["emails"]]
    return fields


def to_contact(contact_id, state):
    """The public dict form of a contact (see contacts.model)."""
    contact = {"id": contact_id, **fields_of(state)}
    contact["deleted"] = not is_visible(state)
    contact["updated"] = list(newest_stamp(state))
    return contact


def contact_stamp(contact):
    """What identifies a contact's state, on every replica: ``"<counter>-<replica>-<digest>"``.

    The newest Lamport stamp alone (``updated``) is not enough: a replica that lacks an
    older concurrent edit of another field has the same newest stamp for another state.
    The digest of every field's value tells those apart, so two replicas agree on the
    stamp exactly when they show the same contact.  It is computed from the contact dict
    (what ``get_contact`` returns), so a client computes it the same way: the CardDAV
    gateway's ETag, and what ``update_contact(..., if_stamp=)`` compares under the write lock."""
    counter, replica = contact["updated"]
    digest = hashlib.sha256(_canonical({f: contact.get(f) for f in FIELDS}).encode()).hexdigest()
    return f"{counter}-{replica}-{digest[:20]}"
