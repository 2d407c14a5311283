"""What a peer sends, checked before a store applies any of it.

A replica trusts no peer: a forged or broken update (wrong types, unknown registers,
absurd stamps) is refused with a clear error, and a batch with one such update changes
nothing.  The shapes themselves are part of the wire contract (contacts.protocol).
"""
from ..errors import StampError, ValidationError, WrongTypeError
from ..merge import PURGED, REGISTERS
from ..model import check_contact_id, check_state_field, check_stored_field, check_unknown_register
from ..protocol import UPDATE_KEYS, check_request_id


def check_int(value, field, minimum=1):
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(field, f"must be an integer, not {type(value).__name__}")
    if value < minimum:
        raise ValidationError(field, f"must be at least {minimum}, got {value}")
    return value


def check_update(update):
    """Validate one replication update's shape and values (not its stamp's plausibility)."""
    if not isinstance(update, dict):
        raise WrongTypeError("update", f"must be a dict, not {type(update).__name__}")
    unknown = sorted(map(str, set(update) - UPDATE_KEYS))
    if unknown:
        raise ValidationError("update", f"unknown key(s) {', '.join(unknown)}")
    for key in ("origin", "seq", "counter", "contact_id", "changes"):
        if key not in update:
            raise ValidationError("update", f"missing {key!r}")
    origin = check_int(update["origin"], "update.origin")
    seq = check_int(update["seq"], "update.seq")
    counter = check_int(update["counter"], "update.counter")
    if origin >= 2 ** 31 or seq >= 2 ** 53:
        raise StampError("update", f"origin {origin} / seq {seq} out of range")
    contact_id = check_contact_id(update["contact_id"], "update.contact_id")
    changes = update["changes"]
    if not isinstance(changes, dict) or not changes:
        raise ValidationError("update.changes", "must be a non-empty dict")
    clean = {}
    unknown = 0
    for register, value in changes.items():
        if register == "deleted":
            if not isinstance(value, bool):
                raise WrongTypeError("update.changes.deleted", "must be a bool")
            clean[register] = value
        elif register == PURGED:
            if value is not True:
                raise WrongTypeError("update.changes.purged", "must be true")
            clean[register] = value
        elif register in REGISTERS:
            clean[register] = check_stored_field(register, value)
        else:  # from a newer replica: kept as is and passed on (docs/operations.md, Upgrades)
            unknown += 1
            clean[register] = check_unknown_register("update.changes", register, value, unknown)
    return {"origin": origin, "seq": seq, "counter": counter, "contact_id": contact_id,
            "changes": clean, "request_id": check_request_id(update.get("request_id"))}

def check_state(state, clock):
    """Validate one contact's full replicated state from a peer (a full copy's page)."""
    if not isinstance(state, dict):
        raise WrongTypeError("state", "must be a dict")
    clean = {}
    unknown = 0
    for register, entry in state.items():
        if not isinstance(entry, (list, tuple)) or len(entry) != 3:
            raise ValidationError("state", f"bad register {str(register)[:60]!r}")
        value, counter, replica = entry
        check_int(replica, "state.replica")
        clock.check(check_int(counter, "state.counter"), "state.counter")
        if register == "deleted":
            if not isinstance(value, bool):
                raise WrongTypeError("state.deleted", "must be a bool")
        elif register == PURGED:
            if value is not True:
                raise WrongTypeError("state.purged", "must be true")
        elif register in REGISTERS:
            value = check_state_field(register, value)
        else:
            unknown += 1
            value = check_unknown_register("state", register, value, unknown)
        clean[register] = [value, counter, replica]
    return clean
