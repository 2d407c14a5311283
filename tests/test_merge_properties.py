"""Property tests of the merge: any order, any repetition, any grouping of the same
updates ends in the same state -- in contacts.merge and in ContactStore on real SQLite."""
import json
import tempfile

from hypothesis import HealthCheck, given, settings, strategies as st

from contacts.merge import fields_of, is_visible, merge, merge_state, set_delta
from contacts.replica.store import ContactStore

CONTACT_IDS = ("c1", "c2")
NAMES = st.sampled_from(["Ada", "Grace", "Alan", "Edsger"])
PHONES = st.sampled_from([
    [],
    [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958"}],
    [{"label": "work", "number": "+1 212 555 0100", "e164": "+12125550100"}],
])
EMAILS = st.sampled_from([[], [{"label": "home", "address": "ada@example.com"}],
                          [{"label": "work", "address": "grace@example.org"}]])
ORGANIZATIONS = st.sampled_from(["", "Analytical Engines", "Navy"])
NOTES = st.sampled_from(["", "met at the conference", "two\nlines"])
GROUP_NAMES = st.lists(st.sampled_from(["Family", "Work", "Chess"]), max_size=3, unique=True).map(sorted)
#: a groups delta as a replica makes it: adds (tagged with the update's stamp by merge) and
#: removes naming tags [counter, replica] that some update may have made (or not: a remove
#: of a tag never seen, or of one seen later, must still converge)
TAGS = st.lists(st.lists(st.integers(1, 12), min_size=2, max_size=2).map(lambda t: [t[0], t[1] % 3 + 1]),
                max_size=3, unique_by=tuple).map(sorted)
GROUPS = st.fixed_dictionaries({"add": GROUP_NAMES, "remove": st.dictionaries(
    st.sampled_from(["Family", "Work", "Chess"]), TAGS, max_size=2)})
REGISTER_VALUES = {"name": NAMES, "phones": PHONES, "emails": EMAILS, "organization": ORGANIZATIONS,
                   "notes": NOTES, "deleted": st.booleans(), "groups": GROUPS,
                   "nicknames": st.sampled_from([[], ["Clarinha"]]), "starred": st.booleans(),
                   "birthday": st.sampled_from(["", "1985-04-15", "--02-29"])}

changes_st = st.fixed_dictionaries({}, optional=REGISTER_VALUES).filter(bool)


@st.composite
def update_histories(draw):
    """Updates as replicas make them: per origin, seq 1..n with growing Lamport counters.

    Counters of different origins overlap freely (concurrent writes), and several
    origins may use the same counter (ties are broken by replica id).
    """
    updates = []
    for origin in (1, 2, 3):
        counter = 0
        for seq in range(1, draw(st.integers(0, 6)) + 1):
            counter += draw(st.integers(1, 3))
            updates.append({"origin": origin, "seq": seq, "counter": counter,
                            "contact_id": draw(st.sampled_from(CONTACT_IDS)),
                            "changes": draw(changes_st), "request_id": None})
    return updates


@st.composite
def deliveries(draw, updates):
    """The same updates in some order, some repeated, cut into batches of any size."""
    if not updates:
        return []
    order = draw(st.permutations(updates))
    repeats = draw(st.lists(st.sampled_from(updates), max_size=len(updates)))
    stream = list(order)
    for update in repeats:
        stream.insert(draw(st.integers(0, len(stream))), update)
    batches, start = [], 0
    while start < len(stream):
        size = draw(st.integers(1, len(stream) - start))
        batches.append(stream[start:start + size])
        start += size
    return batches


def fold(updates):
    states = {}
    for u in updates:
        merge(states.setdefault(u["contact_id"], {}), (u["counter"], u["origin"]), u["changes"])
    return states


@given(st.data())
def test_merge_any_order_and_repetition_gives_the_same_state(data):
    updates = data.draw(update_histories())
    shuffled = [u for batch in data.draw(deliveries(updates)) for u in batch]
    assert fold(shuffled) == fold(updates)


@given(st.data())
def test_merge_any_grouping_gives_the_same_state(data):
    """Merging whole states (a full copy) of any groups equals applying every update."""
    updates = data.draw(update_histories())
    groups = data.draw(deliveries(updates))
    combined = {}
    for group in data.draw(st.permutations([fold(g) for g in groups])):
        for contact_id, state in group.items():
            merge_state(combined.setdefault(contact_id, {}), state)
    assert combined == fold(updates)


@given(st.data())
def test_same_stamp_different_values_still_converge(data):
    """A reused stamp (a wiped replica writing before it caught up) picks one winner everywhere."""
    a, b = data.draw(NAMES), data.draw(NAMES)
    first, second = {}, {}
    merge(first, (7, 2), {"name": a})
    merge(first, (7, 2), {"name": b})
    merge(second, (7, 2), {"name": b})
    merge(second, (7, 2), {"name": a})
    assert first == second


def test_stale_edit_does_not_resurrect_a_delete_but_a_newer_one_does():
    state = {}
    merge(state, (1, 1), {"name": "Ada", "deleted": False})
    merge(state, (5, 2), {"deleted": True})
    merge(state, (3, 3), {"notes": "late edit", "deleted": False})
    assert not is_visible(state)
    merge(state, (6, 3), {"notes": "restored by a newer edit", "deleted": False})
    assert is_visible(state) and state["notes"][0] == "restored by a newer edit"


def store_state(store):
    rows = store._reader().execute("SELECT id, state, visible FROM contacts ORDER BY id").fetchall()
    return [(cid, json.loads(state), visible) for cid, state, visible in rows], dict(store.vector)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_store_apply_remote_any_order_repetition_grouping_gives_the_same_state(data):
    """ContactStore.apply_remote on real SQLite: same rows, same vector, same clock."""
    updates = data.draw(update_histories())
    batches = data.draw(deliveries(updates))
    with tempfile.TemporaryDirectory() as in_order_dir, tempfile.TemporaryDirectory() as shuffled_dir:
        in_order = ContactStore(in_order_dir, 9)
        shuffled = ContactStore(shuffled_dir, 9)
        try:
            if updates:
                assert in_order.apply_remote(updates) == len(updates)
            applied = sum(shuffled.apply_remote(batch) for batch in batches)
            assert applied == len(updates)  # repeats are recognised, not applied twice
            assert store_state(shuffled) == store_state(in_order)
            assert shuffled.clock.value == in_order.clock.value
            expected = fold(updates)
            for contact_id, state in expected.items():
                assert shuffled.state(contact_id) == state
            assert shuffled.vector == {o: max(u["seq"] for u in updates if u["origin"] == o)
                                       for o in {u["origin"] for u in updates}}
        finally:
            in_order.close()
            shuffled.close()


def test_full_copy_vector_extends_over_updates_that_arrived_early(tmp_path):
    """Updates 3 and 4 arrived before a full copy covering 1..2: the vector must reach 4,
    or every later catch-up would fetch 3 and 4 again and never advance."""
    store = ContactStore(tmp_path, 9)
    try:
        early = [{"origin": 1, "seq": seq, "counter": seq, "contact_id": "c1",
                  "changes": {"name": f"v{seq}", "deleted": False}} for seq in (3, 4)]
        assert store.apply_remote(early) == 2 and store.vector.get(1, 0) == 0
        state = {"name": ["v2", 2, 1], "deleted": [False, 1, 1]}
        store.apply_snapshot([["c1", state]], {})
        store.apply_snapshot([], {1: 2})
        assert store.vector[1] == 4
        assert store.state("c1")["name"] == ["v4", 4, 1]
        assert [u["seq"] for u in store.updates_since({1: 2}, 10)[0]] == [3, 4]
        assert store.updates_since({1: 1}, 10) == ([], False)  # 2 only exists in the full copy
    finally:
        store.close()


# -- groups: the add-wins set ------------------------------------------------------------
def test_groups_a_concurrent_add_survives_a_remove():
    base = {}
    merge(base, (1, 1), {"name": "Ada", "groups": {"add": ["Work"], "remove": {}}, "deleted": False})
    one, two = json.loads(json.dumps(base)), json.loads(json.dumps(base))
    # replica 1 removes Work (it saw tag [1, 1]); replica 2 concurrently adds Work again and Chess
    merge(one, (2, 1), {"groups": set_delta(one, "groups", [])})
    merge(two, (2, 2), {"groups": set_delta(two, "groups", {"add": ["Chess"], "remove": {}})})
    merge(two, (3, 2), {"groups": {"add": ["Work"], "remove": {}}})  # a fresh tag for Work
    for a, b in ((one, two), (two, one)):
        merge_state(a, json.loads(json.dumps(b)))
    assert one == two
    assert fields_of(one)["groups"] == ["Chess", "Work"]


def test_groups_a_removed_add_arriving_late_does_not_resurrect():
    add = ((1, 1), {"name": "Ada", "groups": {"add": ["Work"], "remove": {}}, "deleted": False})
    remove = ((2, 2), {"groups": {"add": [], "remove": {"Work": [[1, 1]]}}})
    late = {}
    merge(late, *remove)
    merge(late, *add)
    assert fields_of(late)["groups"] == []
    in_order = {}
    merge(in_order, *add)
    merge(in_order, *remove)
    assert in_order == late


def test_groups_delta_from_the_desired_list():
    state = {}
    merge(state, (1, 1), {"groups": {"add": ["A", "B"], "remove": {}}})
    assert set_delta(state, "groups", ["B", "C"]) == {"add": ["C"], "remove": {"A": [[1, 1]]}}
    assert set_delta(state, "groups", {"add": ["A"], "remove": ["B"]}) == {"add": ["A"], "remove": {"B": [[1, 1]]}}
    assert set_delta(state, "groups", ["A", "B"]) == {"add": [], "remove": {}}
    merge(state, (2, 1), {"groups": set_delta(state, "groups", ["B", "C"])})
    assert fields_of(state)["groups"] == ["B", "C"], "one update's tag names several groups"


@given(st.data())
def test_groups_merge_is_commutative_associative_idempotent(data):
    updates = data.draw(update_histories())
    states = [fold(batch) for batch in data.draw(deliveries(updates))]
    for contact_id in CONTACT_IDS:
        parts = [s.get(contact_id, {}) for s in states]
        left, right = {}, {}
        for part in parts:
            merge_state(left, part)
            merge_state(left, part)  # idempotent
        for part in reversed(parts):
            merge_state(right, part)
        assert left == right == fold(updates).get(contact_id, {})


import pytest  # noqa: E402


def test_groups_tombstones_past_the_state_bound():
    """What ordinary edits make (100 groups joined then left, 12 times over), a full copy
    of the contact must take."""
    from contacts.fields import check_groups_state
    state, counter = {}, 0
    for round_ in range(12):
        names = [f"g{round_}-{i}" for i in range(100)]
        for desired in (names, []):
            counter += 1
            merge(state, (counter, 1), {"groups": set_delta(state, "groups", desired)})
    assert len(state["groups"][0]["removed"]) == 1200
    check_groups_state("groups", state["groups"][0])
