"""The chaos checker on hand-written histories: it flags what it must, and only that."""
from contacts.errors import ContactNotFound, UnavailableError, ValidationError
from contacts.testing.faults.checker import check, summarize
from contacts.testing.faults.history import History, classify


def contact(cid, name, organization="", notes="", updated=(1, 1)):
    return {"id": cid, "name": name, "organization": organization, "notes": notes, "phones": [],
            "emails": [], "deleted": False, "updated": list(updated)}


def record(history, kind, cid, outcome, **values):
    writes = dict(values)
    writes["deleted"] = kind == "delete"
    op = history.invoke(0, kind, cid, writes)
    history.complete(op, outcome)
    return op


def add(history, cid, outcome, tag):
    return record(history, "add", cid, outcome, name=f"{cid} {tag}", organization=f"o{tag}", notes=f"n{tag}")


def kinds(violations):
    return {kind: n for kind, n in summarize(violations).items() if n}


def test_acknowledged_history_shown_everywhere_is_clean():
    history = History()
    add(history, "c1", "ok", "a")
    record(history, "update", "c1", "ok", notes="n2")
    add(history, "c2", "ok", "b")
    record(history, "delete", "c2", "ok")
    state = [contact("c1", "c1 a", "oa", "n2")]
    assert check(history.operations(), {1: state, 2: list(state)}) == []


def test_missing_acknowledged_add_is_lost_and_divergent():
    history = History()
    add(history, "c1", "ok", "a")
    violations = check(history.operations(), {1: [contact("c1", "c1 a", "oa", "na")], 2: []})
    assert kinds(violations) == {"lost": 1, "divergent": 1}
    assert "replica 2" in violations[0].message and violations[0].operations


def test_older_value_replacing_a_later_acknowledged_update_is_lost():
    history = History()
    add(history, "c1", "ok", "a")
    record(history, "update", "c1", "ok", notes="n2")
    record(history, "update", "c1", "ok", notes="n3")
    violations = check(history.operations(), {1: [contact("c1", "c1 a", "oa", "n2")]})
    assert kinds(violations) == {"lost": 1}
    assert "n3" in violations[0].message


def test_unknown_writes_explain_either_outcome():
    history = History()
    add(history, "c1", "unknown", "a")
    add(history, "c2", "ok", "b")
    record(history, "update", "c2", "unknown", notes="x")
    record(history, "delete", "c2", "unknown")
    for shown in ([], [contact("c1", "c1 a", "oa", "na"), contact("c2", "c2 b", "ob", "x")],
                  [contact("c2", "c2 b", "ob", "nb")]):
        assert check(history.operations(), {1: shown}) == [], shown


def test_resurrected_delete_and_unexpected_contacts():
    history = History()
    add(history, "c1", "ok", "a")
    record(history, "delete", "c1", "ok")
    add(history, "c2", "failed", "b")
    shown = [contact("c1", "c1 a", "oa", "na"), contact("c2", "c2 b", "ob", "nb"), contact("zz", "who")]
    assert kinds(check(history.operations(), {1: shown})) == {"resurrected": 1, "unexpected": 2}


def test_value_nobody_wrote_is_unexpected_and_unreadable_replica_is_reported():
    history = History()
    add(history, "c1", "ok", "a")
    violations = check(history.operations(), {1: [contact("c1", "c1 a", "oa", "forged")],
                                               2: ConnectionError("down")})
    assert kinds(violations) == {"unexpected": 1, "unreadable": 1}


def test_stamps_differing_between_replicas_is_divergence():
    history = History()
    add(history, "c1", "ok", "a")
    violations = check(history.operations(), {1: [contact("c1", "c1 a", "oa", "na", (1, 1))],
                                               2: [contact("c1", "c1 a", "oa", "na", (2, 1))]})
    assert kinds(violations) == {"divergent": 1}


def test_classify_definite_refusals_apart_from_maybe_written():
    assert classify(ValidationError("name", "empty")) == "failed"
    assert classify(ContactNotFound("c1")) == "failed"
    assert classify(UnavailableError("no replica")) == "unknown"
    assert classify(TimeoutError()) == "unknown"
    assert classify(ConnectionResetError()) == "unknown"


def test_shared_contact_accepts_any_written_value_but_nothing_else():
    history = History()
    add(history, "s1", "ok", "0")
    for thread, value in ((1, "x"), (2, "y")):
        op = history.invoke(thread, "update", "s1", {"notes": value, "deleted": False})
        history.complete(op, "ok")
    op = history.invoke(3, "update", "s1", {"notes": "z", "deleted": False})
    history.complete(op, "failed")
    assert check(history.operations(), {1: [contact("s1", "s1 0", "o0", "x")],
                                         2: [contact("s1", "s1 0", "o0", "x")]}) == []
    # y was acknowledged before? Lamport order decides between clients: still allowed
    assert check(history.operations(), {1: [contact("s1", "s1 0", "o0", "y")]}) == []
    assert kinds(check(history.operations(), {1: [contact("s1", "s1 0", "o0", "z")]})) == {"unexpected": 1}
    assert kinds(check(history.operations(), {1: []})) == {"lost": 1}
