"""The rich checker (per-field merge rules) on hand-made histories: what must fail fails,
naming the contact, the field and the values; what the merge allows passes."""
import base64
import hashlib
import random

from contacts.fields import BY_NAME
from contacts.testing.faults.history import History
from contacts.testing.faults.rich_checker import check_rich, summarize_rich
from contacts.testing.faults.rich_workload import FIELDS, field_value, photo_write


def setup(history, cid="rich-1", groups=("family",)):
    """The setup add (thread 0), acknowledged: every field set."""
    rng = random.Random(cid)
    writes = {f: field_value(f, f"0.{cid}", rng) for f in FIELDS if f != "groups"}
    writes["groups"] = {"add": list(groups)}
    op = history.invoke(0, "add", cid, {**writes, "deleted": False})
    history.complete(op, "ok")
    return op


def edit(history, thread, outcome, cid="rich-1", flags=(), **writes):
    op = history.invoke(thread, "edit", cid, {**writes, "deleted": False})
    history.complete(op, outcome, notes=flags)
    return op


def shown(*ops, groups=("family",), cid="rich-1"):
    """The contact a replica would show if the last of ``ops`` to write each field won."""
    contact = {"id": cid, "name": "Rich", "deleted": False, "updated": [9, 1], "groups": sorted(groups)}
    for op in ops:
        for field, value in op.writes.items():
            if field == "photo":
                contact["photo"] = ({"hash": value["hash"], "type": "image/png", "size": 10} if value else {})
            elif field not in ("groups", "deleted"):
                contact[field] = BY_NAME[field].normalize(value, None)
    return contact


def photos_of(*ops):
    return {op.writes["photo"]["hash"]: op.writes["photo"]["data"] for op in ops if op.writes.get("photo")}


def kinds(violations):
    return {kind: n for kind, n in summarize_rich(violations).items() if n}


def test_concurrent_edits_of_different_fields_all_kept_pass():
    history = History()
    base = setup(history)
    a = edit(history, 1, "ok", notes="a note")
    b = edit(history, 2, "ok", phones=[{"label": "x", "number": "+1 202 555 0101"}])
    c = edit(history, 3, "ok", groups={"add": ["work"]})
    state = shown(base, a, b, groups=("family", "work"))
    violations, checks = check_rich(history.operations(), {1: [state], 2: [dict(state)]},
                                    {1: photos_of(base), 2: photos_of(base)})
    assert violations == []
    assert set(checks) == set(FIELDS) and checks["notes"] == 2
    assert c.outcome == "ok"


def test_concurrent_writes_of_one_field_either_may_win():
    history = History()
    base = setup(history)
    a = edit(history, 1, "ok", organization="A")
    b = edit(history, 2, "ok", organization="B")
    for winner in (a, b):
        assert check_rich(history.operations(), {1: [shown(base, winner)]}, {1: photos_of(base)})[0] == []


def test_a_lost_acknowledged_write_fails_naming_contact_field_and_values():
    history = History()
    base = setup(history)
    edit(history, 1, "ok", organization="first")
    edit(history, 1, "ok", organization="second")     # same thread, later: supersedes "first"
    stale = shown(base, history.operations()[1])
    violations, _ = check_rich(history.operations(), {1: [stale]}, {1: photos_of(base)})
    assert kinds(violations) == {"lost": 1}
    message = violations[0].report()
    assert "rich-1" in message and "organization" in message and "'first'" in message and "'second'" in message
    # the setup add's value is superseded by any acknowledged edit, of any thread
    violations, _ = check_rich(history.operations(), {1: [shown(base)]}, {1: photos_of(base)})
    assert kinds(violations) == {"lost": 1}


def test_a_write_whose_ack_was_lost_may_win_but_a_refused_one_may_not():
    history = History()
    base = setup(history)
    late = edit(history, 1, "unknown", notes="maybe")
    edit(history, 1, "ok", notes="acked later")
    assert check_rich(history.operations(), {1: [shown(base, late)]}, {1: photos_of(base)})[0] == []
    retried = edit(history, 2, "ok", birthday="1970-01-02", flags=("failover",))
    edit(history, 2, "ok", birthday="1980-03-04")
    assert check_rich(history.operations(), {1: [shown(base, late, retried)]}, {1: photos_of(base)})[0] == []
    refused = edit(history, 3, "failed", starred=not base.writes["starred"])
    violations, _ = check_rich(history.operations(), {1: [shown(base, late, retried, refused)]},
                               {1: photos_of(base)})
    assert kinds(violations) == {"unexpected": 1} and "starred" in violations[0].message


def test_a_value_from_nowhere_is_unexpected():
    history = History()
    base = setup(history)
    state = shown(base)
    state["emails"] = [{"label": "home", "address": "forged@example.com", "pref": None}]
    violations, _ = check_rich(history.operations(), {1: [state]}, {1: photos_of(base)})
    assert kinds(violations) == {"unexpected": 1} and "forged@example.com" in violations[0].message


def test_a_removed_group_add_wins_should_keep_is_lost():
    history = History()
    base = setup(history)
    edit(history, 1, "ok", groups={"remove": ["work"]})
    edit(history, 2, "ok", groups={"add": ["work"]})     # after every remove: no remove saw its tag
    violations, _ = check_rich(history.operations(), {1: [shown(base, groups=("family",))]}, {1: photos_of(base)})
    assert kinds(violations) == {"lost": 1} and "'work'" in violations[0].message
    assert check_rich(history.operations(), {1: [shown(base, groups=("family", "work"))]},
                      {1: photos_of(base)})[0] == []


def test_groups_add_concurrent_with_a_remove_may_go_either_way_but_a_sure_remove_holds():
    history = History()
    base = setup(history)
    add = history.invoke(1, "edit", "rich-1", {"groups": {"add": ["gym"]}, "deleted": False})
    remove = edit(history, 2, "ok", groups={"remove": ["gym"]})   # overlaps the add: may have seen it
    history.complete(add, "ok")
    for groups in (("family",), ("family", "gym")):
        assert check_rich(history.operations(), {1: [shown(base, groups=groups)]}, {1: photos_of(base)})[0] == []
    # the adding thread itself removes it afterwards: that remove saw its tag
    edit(history, 1, "ok", groups={"remove": ["gym"]})
    violations, _ = check_rich(history.operations(), {1: [shown(base, groups=("family", "gym"))]},
                               {1: photos_of(base)})
    assert kinds(violations) == {"unexpected": 1} and "'gym'" in violations[0].message
    assert remove.outcome == "ok"
    # a group nobody ever added
    violations, _ = check_rich(history.operations(), {1: [shown(base, groups=("family", "club"))]},
                               {1: photos_of(base)})
    assert kinds(violations) == {"unexpected": 1} and "'club'" in violations[0].message


def test_photo_from_nowhere_or_with_other_bytes_fails():
    history = History()
    base = setup(history)
    new = edit(history, 1, "ok", photo=photo_write(random.Random(5), "1.1"))
    good = shown(base, new)
    assert check_rich(history.operations(), {1: [good]}, {1: photos_of(new)})[0] == []
    # a photo no write set
    stranger = photo_write(random.Random(6), "9.9")
    forged = dict(good, photo={"hash": stranger["hash"], "type": "image/png", "size": 10})
    violations, _ = check_rich(history.operations(), {1: [forged]}, {1: {stranger["hash"]: stranger["data"]}})
    assert kinds(violations) == {"unexpected": 1} and "photo" in violations[0].message
    # the right hash, other bytes (a mix of two photos)
    mixed = base64.b64decode(new.writes["photo"]["data"])[:20] + base64.b64decode(stranger["data"])[20:]
    violations, _ = check_rich(history.operations(), {1: [good]},
                               {1: {new.writes["photo"]["hash"]: base64.b64encode(mixed).decode()}})
    assert kinds(violations) == {"photo": 1}
    assert hashlib.sha256(mixed).hexdigest() != new.writes["photo"]["hash"]
    # bytes the replica cannot serve
    violations, _ = check_rich(history.operations(), {1: [good]}, {1: {}})
    assert kinds(violations) == {"photo": 1}


def test_replicas_that_differ_are_divergent_and_a_missing_contact_lost():
    history = History()
    base = setup(history)
    a = edit(history, 1, "ok", organization="A")
    b = edit(history, 2, "ok", organization="B")
    violations, _ = check_rich(history.operations(), {1: [shown(base, a)], 2: [shown(base, b)], 3: []},
                               {1: photos_of(base), 2: photos_of(base)})
    assert kinds(violations) == {"divergent": 1, "lost": 1}
    assert "organization" in [v for v in violations if v.kind == "divergent"][0].message


def test_a_write_made_while_the_client_waived_earlier_ones_supersedes_nothing():
    history = History()
    base = setup(history)
    first = edit(history, 1, "ok", notes="first")
    edit(history, 1, "ok", notes="second", flags=("unreplicated",))   # its replica may lack "first"
    assert check_rich(history.operations(), {1: [shown(base, first)]}, {1: photos_of(base)})[0] == []
