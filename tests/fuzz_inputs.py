"""Hostile arguments for every remote method of ContactBook (hypothesis strategies).

Each method's strategy draws ``(args, must_fail)``: ``args`` are positional arguments
of the right number; ``must_fail`` is True when they were built from a valid call by
adding a defect (an unknown field, a forged stamp, a wrong type ...), so succeeding
would be a bug.  Arguments drawn from :data:`anything` (random values of every type
the wire can carry) may by chance be valid and succeed.

Used in-process by tests/test_fuzz_book.py and over the wire by
tests/test_fuzz_replica.py.
"""
import inspect

from hypothesis import strategies as st

from contacts.protocol import MAX_BATCH
from contacts.replica.book import ContactBook

MAX_COUNTER = 2 ** 53
HUGE_INTS = [2 ** 31, 2 ** 53, 2 ** 63 - 1, 2 ** 63, 2 ** 64, -(2 ** 63) - 1, 10 ** 100, -1, 0]
#: strings a careless replica might choke on: empty, control characters, lone surrogates,
#: SQL and format-string payloads, path tricks, very long ones
NASTY_TEXTS = ["", " ", "\x00", "\x00name", "\ud800", "a\udfffb", "\u202e\u0000", "'; DROP TABLE contacts;--",
               "%s%s%n", "{0.__class__}", "../../etc/passwd", "\n" * 50, "\t", "名前" * 150,
               "x" * 201, "x" * 10_001, "y" * 100_000, "🙂" * 300]

#: dicts Pyro5's serializers turn back into objects on the receiving side (exceptions, URIs)
#: or that try to: the replica must see them as values of the wrong type, nothing more
CLASS_DICTS = [{"__class__": "builtins.KeyError", "__exception__": True, "args": ["boom"], "attributes": {}},
               {"__class__": "Pyro5.errors.PyroError", "__exception__": True, "args": [], "attributes": {}},
               {"__class__": "Pyro5.core.URI", "state": ["PYRO", "x", None, "127.0.0.1", 1]},
               {"__class__": "os.system", "args": ["true"]}, {"__class__": "float", "value": "nan"},
               {"__class__": "builtins.int", "value": 5}]

scalars = st.one_of(
    st.sampled_from(CLASS_DICTS),
    st.none(), st.booleans(), st.integers(), st.sampled_from(HUGE_INTS),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.text(st.characters(blacklist_categories=()), max_size=10),   # surrogates, controls
    st.sampled_from(NASTY_TEXTS), st.binary(max_size=20), st.complex_numbers(max_magnitude=1e6))


def _containers(children):
    keys = st.one_of(st.text(max_size=12), st.integers(), st.sampled_from(
        ["name", "phones", "emails", "id", "deleted", "origin", "seq", "counter", "changes", "1"]))
    return st.one_of(st.lists(children, max_size=5), st.tuples(children, children),
                     st.dictionaries(keys, children, max_size=5),
                     st.frozensets(st.integers() | st.text(max_size=5), max_size=4))


#: any value the wire can carry, nested a few levels
anything = st.recursive(scalars, _containers, max_leaves=15)


def _nest(depth, leaf):
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"name": value}
    return value


#: deeply nested values (the wire's serializer stops far below Python's recursion limit)
deep = st.builds(_nest, st.integers(20, 90), anything)

VALID_CONTACT = {"name": "Fuzz Valid", "phones": [{"label": "m", "number": "+44 20 7946 0958"}],
                 "emails": [{"label": "w", "address": "fuzz@example.org"}],
                 "organization": "Org", "notes": "notes"}

#: one defect each, for every field of the model (contacts/fields.py): values the replica
#: must refuse with an error naming the field (tests/test_fuzz_book.py tries every one)
FIELD_DEFECTS = {
    "name": ["", " ", "x" * 201, "a\x00b", "\ud800", 5, None, [], {"first": "x"}, b"name"],
    "phones": [
        "not a list", 5, {"number": "+1 202 555 0100"}, [5], [[]], [{"label": "x"}], [{"number": ""}],
        [{"number": "+1" + "9" * 50}], [{"number": "+1 202 555 0100", "fax": 1}],
        [{"number": "+1 202 555 0100", "label": 7}], [{"number": 2025550100}],
        [{"number": "+1 202 555 0100"}] * 21, [{"number": "\ud800"}], [{"number": "1\x00"}],
        [{"number": "+1 202 555 0100", "region": "XX"}], [{"number": "+1 202 555 0100", "pref": 0}],
        [{"number": "+1 202 555 0100", "pref": "1"}]],
    "emails": [
        "a@b.c", [{"address": "not an email"}], [{"address": "a@" + "b" * 300 + ".com"}], [{}],
        [{"address": 5}], [{"address": "x@example.org", "extra": 1}], [{"address": "x@ex\x00ample.org"}],
        [{"address": "x@example.org"}] * 21, [{"address": "\ud800@example.org"}], [None]],
    "organization": ["o" * 201, 3.5, ["Org"], "a\x07b"],
    "notes": ["n" * 10_001, 0, {"n": 1}, "bell\x07", "nul\x00"],
    # the rich contact (issue 14)
    "n": [[], "Ada", {"first": ["x"]}, {"given": "Ada"}, {"given": [5]}, {"given": ["x"] * 11},
          {"family": ["a\x00"]}],
    "nicknames": ["Ada", ["x"] * 21, [""], [5], ["x" * 201]],
    "birthday": ["2023-02-30", "1985-13-01", "--02-30", "15/04/1985", "yesterday", 19850415, ["1985"]],
    "anniversary": ["2023-02-30", "1985-13-01", "--02-30", "15/04/1985", "yesterday", 19850415, ["1985"]],
    "addresses": [{"street": "x"}, [{}], [{"label": "home"}], [{"street": "x" * 501}], [{"street": 5}],
                  [{"street": "x", "planet": "Mars"}], [{"street": "x", "pref": 101}], [{"street": "x"}] * 21],
    "title": ["x" * 2001, 5, ["x"], "a\x07"],
    "role": ["x" * 2001, 5, ["x"], "a\x07"],
    "timezone": ["x" * 2001, 5, ["x"], "a\x07"],
    "geo": ["x" * 2001, 5, ["x"], "a\x07"],
    "org_units": ["x", [5], ["x"] * 21],
    "groups": ["Work", [5], [""], [f"g{i}" for i in range(10_000)], ["x" * 101], {"add": "x"}, {"drop": []},
               {"add": [], "remove": [5]}],
    "gender": ["X", 5, "Female"],
    "languages": ["en", ["en us"], [5], ["x"] * 21],
    "starred": ["yes", 1, 0, []],
    "photo": ["x", [], {"data": "not base64!"}, {"data": "aGVsbG8gd29ybGQ="}, {"data": 5}, {"uri": ""},
              {"uri": "no scheme"}, {"hash": "x", "type": "image/png", "size": 1}, {"data": "A" * 1_400_000},
              {"other": 1}],
    "extra": ["x", [{"name": "a b"}], [{"name": ""}], [{"name": "X-A", "params": []}], [{"name": "X-A", "value": 5}],
              [{"name": "X-A", "group": "a.b"}], [{"name": "X-A"}] * 201, [{"name": "X-A", "oops": 1}]],
}
for _field in ("urls", "impps", "related", "keys"):
    FIELD_DEFECTS[_field] = ["x", [{}], [{"label": "x"}], [5], [{"url": "x" * 2001, "uri": "x" * 2001, "value": "x" * 2001}]]

# one defect each: (field, bad value)
_FIELD_DEFECTS = st.one_of(
    *(st.tuples(st.just(field), st.sampled_from(values)) for field, values in sorted(FIELD_DEFECTS.items())),
    st.tuples(st.just("name"), deep),
    st.tuples(st.sampled_from(["birthday", "anniversary"]), st.just(None)),
    st.tuples(st.just("starred"), st.just(None)),
    st.tuples(st.sampled_from(["evil", "Name", "", "__class__", "deleted_at", "phone", "nickname", "group"]),
              anything),
)

BAD_IDS = ["", " ", "../x", "a/b", "-leading-dash", "x" * 65, "id with space", "\ud800", "ü", "a\x00",
           5, None, 1.5, [], {"id": "x"}, b"id", True]


@st.composite
def bad_contacts(draw):
    contact = dict(VALID_CONTACT)
    kind = draw(st.sampled_from(["field", "field", "field", "missing name", "id"]))
    if kind == "field":
        field, value = draw(_FIELD_DEFECTS)
        contact[field] = value
    elif kind == "missing name":
        del contact["name"]
    else:
        contact["id"] = draw(st.sampled_from([i for i in BAD_IDS if i is not None]))
    return contact


@st.composite
def bad_changes(draw):
    kind = draw(st.sampled_from(["field", "field", "empty", "metadata only"]))
    if kind == "empty":
        return {}
    if kind == "metadata only":
        return {"id": "x", "updated": [1, 1], "write": {}}
    field, value = draw(_FIELD_DEFECTS)
    return {"organization": "fine", field: value}


bad_ids = st.sampled_from(BAD_IDS)
unknown_ids = st.sampled_from(["nosuchcontact", "0" * 64, "a", "x.y:z-1"])
bad_request_ids = st.sampled_from(["", "r" * 129, 5, b"req", ["r"], {"r": 1}, "\ud800", True, 1.5])
request_ids = st.one_of(st.none(), anything, bad_request_ids)
bad_regions = st.sampled_from(["XX", "br1", 5, b"BR", ["BR"], "\ud800", "B" * 50, True])
regions = st.one_of(st.none(), st.sampled_from(["BR", "us", "GB", ""]), anything, bad_regions)
#: sha256 texts for get_photo: well-formed but unknown, or not one at all
bad_photo_hashes = st.sampled_from(["", "0" * 63, "g" * 64, "0" * 65, "../../etc/passwd", None, 5, b"x" * 64,
                                    ["0" * 64], "0" * 64, "A" * 64])

BAD_VECTORS = [{"x": 1}, {"1": -1}, {"0": 1}, {"-3": 1}, {"1": 2 ** 64}, {"1": 10 ** 100}, {"1": "nan"},
               {"1": float("inf")}, {"1": float("nan")}, {"1": 1.5}, {1.5: 2}, {"1": None}, {"1": [1]},
               {(1, 2): 3}, {"1": True}, {str(2 ** 70): 1}, [1, 2], "1:5", 5, {"": 1}, {"1": "1" * 5000}]
bad_vectors = st.sampled_from(BAD_VECTORS)
vectors = st.one_of(anything, bad_vectors)
#: offsets / limits no caller may use: negative, not integers, beyond SQLite's 64-bit integers
bad_limits = st.one_of(st.sampled_from([-1, -5, 2 ** 63, 2 ** 64, 10 ** 100, 1.5, float("nan"), float("inf"),
                                        "10", True, False, [], {}, b"1"]),
                       st.integers(max_value=-1), st.integers(min_value=2 ** 63))
#: None ("no limit" / "the default page") is drawn on its own too: it is the likeliest value
#: a caller sends, and once it meant "everything" on fetch_updates / fetch_snapshot
limits = st.one_of(st.none(), anything, bad_limits)
#: if_stamp of a conditional write: anything (refused or stale: a fuzzed stamp never matches),
#: and values refused for their type or size
stamps = st.one_of(st.none(), anything, st.text(min_size=1, max_size=100))
bad_stamps = st.sampled_from(["", "x" * 101, 5, b"1-1-ab", ["1-1"], {"stamp": 1}, 1.5, True, "1-1-\ud800"])
texts = st.one_of(anything, st.sampled_from(NASTY_TEXTS), st.text(max_size=250))


def valid_update(seq=1, origin=2, counter=5, contact_id="fuzz-remote"):
    return {"origin": origin, "seq": seq, "counter": counter, "contact_id": contact_id,
            "changes": {"name": "Remote Fuzz", "deleted": False}, "request_id": None}


_UPDATE_DEFECTS = st.one_of(
    st.tuples(st.just("counter"), st.sampled_from([0, -1, MAX_COUNTER, 2 ** 64, 10 ** 100, True, 1.5, "5",
                                                   None, float("inf"), [5]])),
    st.tuples(st.just("origin"), st.sampled_from([0, -1, 2 ** 31, 2 ** 64, True, "2", None, 2.0])),
    st.tuples(st.just("seq"), st.sampled_from([0, -1, MAX_COUNTER, 2 ** 64, False, "1", None, 1.0])),
    st.tuples(st.just("contact_id"), bad_ids),
    st.tuples(st.just("request_id"), bad_request_ids),
    st.tuples(st.just("changes"), st.one_of(st.sampled_from([
        {}, None, [], "name", {"name": ""}, {"deleted": "yes"}, {"deleted": 0}, {"Evil!": 1},
        {"future": "x" * 70_000}, {"groups": ["Work"]}, {"groups": {"add": [], "remove": [[1, 1]]}},
        {"groups": {"add": [], "remove": {"Work": [[0, 1]]}}}, {"photo": {"data": "aGVsbG8="}},
        {"photo": {"hash": "0" * 64, "type": "image/png", "size": 5, "data": "aGVsbG8="}},
        {"birthday": "2023-02-30"}, {"starred": "no"},
        {"phones": [{"number": "+1 202 555 0100"}]},                     # no e164: not normalized
        {"phones": [{"number": "x", "e164": "2025550100"}]},              # e164 without '+'
        {"phones": [{"number": "x", "e164": "+1"}]}, {"emails": [{"address": "bad"}]},
        {"name": "x" * 201}, {"notes": "\x00"}, {"name": ["Nested"]}, {1: "x"}]), deep)),
    st.tuples(st.sampled_from(["extra", "stamp", "__class__", "vector"]), anything),
    st.tuples(st.sampled_from(["-origin", "-seq", "-counter", "-contact_id", "-changes"]), st.none()),
)


@st.composite
def forged_updates(draw):
    """A replication update with one defect: forged stamp, bad id, bad changes, extra key ..."""
    update = valid_update(seq=draw(st.integers(1, 50)), counter=draw(st.integers(1, 1000)))
    key, value = draw(_UPDATE_DEFECTS)
    if key.startswith("-"):
        del update[key[1:]]
    else:
        update[key] = value
    return update


@st.composite
def forged_batches(draw):
    """Valid updates with at least one forged among them: the whole batch must be refused."""
    batch = [valid_update(seq=i, counter=i + 10, contact_id=f"fuzz-batch-{i}") for i in range(1, draw(st.integers(0, 4)) + 1)]
    batch.insert(draw(st.integers(0, len(batch))), draw(forged_updates()))
    return batch


def _oversized_batch(filler):
    return [filler] * (MAX_BATCH + 1)


oversized_batches = st.builds(_oversized_batch, st.sampled_from([None, {}, valid_update()]))

bad_senders = st.one_of(st.sampled_from([
    {}, {"replica_id": "2", "uri": "PYRO:x@127.0.0.1:1"}, {"replica_id": 2}, {"uri": "PYRO:x@h:1"},
    {"replica_id": 2, "uri": 5}, {"replica_id": 2.5, "uri": "PYRO:x@h:1"}, "replica-2", 7, [2, "uri"]]),
    st.fixed_dictionaries({"replica_id": anything, "uri": anything}))
#: senders that look right but point nowhere: a replica may learn them (no TLS) but must not break
plausible_senders = st.fixed_dictionaries({
    "replica_id": st.sampled_from([0, -1, 1, 9, 2 ** 40, True]),
    "uri": st.sampled_from(["PYRO:contacts.replica.9@127.0.0.1:1", "not a uri", "PYRO:x@[::1]:1",
                            "PYRONAME:contacts.replica.9", "PYRO:x@h:99999", ""])})


def _may(strategy):
    return strategy.map(lambda value: (value, False))


def _must(strategy):
    return strategy.map(lambda value: (value, True))


#: list_contacts / list_deleted cursors: [name, id] of a listed contact, and broken ones
after_keys = st.tuples(st.text(max_size=50).filter(lambda t: not any(0xd800 <= ord(c) <= 0xdfff for c in t)),
                       st.sampled_from(["ada", "c0ffee", "z" * 64])).map(list)
bad_after_keys = st.sampled_from([5, "ada", [], ["ada"], ["ada", "x", "y"], [5, "ada"], ["ada", 5],
                                  ["ada", ""], ["ada", "bad id!"], ["x" * 1001, "ada"], ["\ud800", "ada"],
                                  {"name": "ada"}])


#: if_stamp of a conditional write: wrong types, empty, too long, not a stamp this contact has
bad_stamps = st.sampled_from([5, b"x", ["1"], {"s": 1}, "", "x" * 101, "\ud800", "0.0-not-its-stamp"])


def method_arguments(existing_ids):
    """{method name: strategy of (args tuple, must_fail)} for every remote method."""
    existing = st.sampled_from(existing_ids)
    ids = st.one_of(anything, bad_ids, unknown_ids)
    any_ids = st.one_of(ids, existing)

    def args(*strategies, must_fail=False):
        return st.tuples(*strategies).map(lambda values: (values, must_fail))

    return {
        "add_contact": st.one_of(
            args(st.one_of(anything, deep), request_ids, regions),
            args(bad_contacts(), st.one_of(st.none(), st.text(min_size=1, max_size=20)), st.none(), must_fail=True),
            args(st.just(VALID_CONTACT), bad_request_ids, st.none(), must_fail=True),
            args(st.just(VALID_CONTACT), st.none(), bad_regions, must_fail=True)),
        "add_contacts": st.one_of(   # refusals of single contacts are results, not errors
            args(st.lists(st.one_of(anything, deep, bad_contacts(), st.just(VALID_CONTACT)), max_size=5), regions),
            args(st.sampled_from([None, 5, "contacts", {"name": "x"}, b"x", [VALID_CONTACT] * (MAX_BATCH + 1)]),
                 st.none(), must_fail=True),
            args(st.just([VALID_CONTACT]), bad_regions, must_fail=True)),
        "update_contact": st.one_of(
            args(any_ids, st.one_of(anything, deep), request_ids, regions),
            args(existing, st.just({"notes": "conditional"}), st.none(), st.none(), stamps),
            args(existing, st.just({"notes": "conditional"}), st.none(), st.none(), bad_stamps, must_fail=True),
            args(existing, bad_changes(), st.none(), st.none(), must_fail=True),
            args(st.one_of(bad_ids, unknown_ids), st.just({"name": "Valid Name"}), st.none(), st.none(),
                 must_fail=True),
            args(existing, st.just({"name": "Valid Name"}), bad_request_ids, st.none(), must_fail=True),
            args(existing, st.just({"name": "Valid Name"}), st.none(), bad_regions, must_fail=True),
            args(existing, st.just({"name": "Valid Name"}), st.none(), st.none(), bad_stamps, must_fail=True)),
        "changes_since": st.one_of(
            args(vectors, limits, st.one_of(st.none(), vectors)),
            args(bad_vectors, st.just(10), st.none(), must_fail=True),
            args(st.just({}), bad_limits, st.none(), must_fail=True),
            args(st.just({}), st.just(10), bad_vectors, must_fail=True)),
        "get_photo": st.one_of(args(st.one_of(anything, texts)), args(bad_photo_hashes, must_fail=True)),
        "delete_contact": st.one_of(
            args(ids, request_ids),
            args(existing, st.none(), st.one_of(stamps, bad_stamps).filter(lambda s: s is not None), must_fail=True),
            args(st.one_of(bad_ids, unknown_ids), st.none(), must_fail=True),
            args(existing, bad_request_ids, must_fail=True),
            args(existing, st.none(), bad_stamps, must_fail=True)),
        "restore_contact": st.one_of(
            args(ids, request_ids),
            args(st.one_of(bad_ids, unknown_ids), st.none(), must_fail=True)),
        # only refused calls: a purge that works (the fixture has a deleted contact) changes the book
        "purge_contact": st.one_of(
            args(st.one_of(bad_ids, unknown_ids), st.none(), must_fail=True),
            args(existing, bad_request_ids, must_fail=True)),
        "empty_trash": args(bad_request_ids, must_fail=True),
        "get_contact": st.one_of(
            args(any_ids, st.one_of(st.none(), vectors)),
            args(st.one_of(bad_ids, unknown_ids), st.none(), must_fail=True),
            args(existing, bad_vectors, must_fail=True)),
        "list_contacts": st.one_of(
            args(limits, limits, st.one_of(st.none(), vectors), st.one_of(st.none(), after_keys)),
            args(bad_limits, st.none(), st.none(), st.none(), must_fail=True),
            args(st.just(0), st.none(), bad_vectors, st.none(), must_fail=True),
            args(st.just(0), st.just(10), st.none(), bad_after_keys, must_fail=True)),
        "list_deleted": st.one_of(
            args(limits, limits, st.one_of(st.none(), after_keys)),
            args(st.just(0), bad_limits, st.none(), must_fail=True),
            args(st.just(0), st.just(10), bad_after_keys, must_fail=True)),
        "count_contacts": st.just(((), False)),
        "search": st.one_of(
            args(texts, limits, st.one_of(st.none(), vectors)),
            args(st.sampled_from([None, 5, b"x", ["x"], "x" * 201, {"text": "x"}]), st.none(), st.none(),
                 must_fail=True),
            args(st.just("ada"), bad_limits, st.none(), must_fail=True)),
        "find_by_id_prefix": st.one_of(
            args(st.one_of(texts, st.sampled_from(["cafe", "0", "f" * 64, "dead"])),
                 st.one_of(st.integers(1, 100), anything), st.one_of(st.none(), vectors)),
            args(st.sampled_from(["", "CAFE", "xyz", "f" * 65, "ca fe", None, 5, b"ca", ["ca"]]),
                 st.just(10), st.none(), must_fail=True),
            args(st.just("cafe"), st.sampled_from([0, 101, -1, "5", 1.5, True, 2 ** 64]), st.none(),
                 must_fail=True)),
        "ping": st.one_of(args(st.one_of(st.none(), anything, plausible_senders)),
                          args(bad_senders.filter(lambda s: not _valid_sender(s)), must_fail=True)),
        "cluster_status": st.just(((), False)),
        "apply_update": st.one_of(args(anything), args(forged_updates(), must_fail=True)),
        "apply_updates": st.one_of(
            args(st.one_of(anything, st.lists(anything, max_size=4))),
            args(st.one_of(forged_batches(), oversized_batches, st.sampled_from(
                [None, 5, "updates", {"updates": []}, b"x"])), must_fail=True)),
        "fetch_updates": st.one_of(
            args(vectors, limits),
            args(bad_vectors, st.just(10), must_fail=True),
            args(st.just({}), st.sampled_from([MAX_BATCH + 1, -1, 2 ** 64, "5", 1.5]), must_fail=True)),
        "fetch_snapshot": st.one_of(
            args(texts, limits),
            args(st.sampled_from([None, 5, b"x", ["a"], {"a": 1}]), st.just(10), must_fail=True)),
        "version_vector": st.just(((), False)),
        "changes_since": st.one_of(
            args(vectors, limits, st.one_of(st.none(), vectors)),
            args(bad_vectors, st.none(), st.none(), must_fail=True),
            args(st.just({}), st.sampled_from([MAX_BATCH + 1, -1, 2 ** 64, "5", 1.5]), st.none(), must_fail=True),
            args(st.just({}), st.none(), bad_vectors, must_fail=True)),
    }


def limit_parameters():
    """{(method, parameter): how many items the answer may hold at most when it is None}
    for every offset/limit parameter of every remote method (docs/remote-api.md); the
    sizes are read at call time, so a test can lower MAX_ANSWER."""
    from contacts.replica import book

    def answer(key):
        return lambda: getattr(book, key)
    return {("list_contacts", "offset"): answer("MAX_ANSWER"), ("list_contacts", "limit"): answer("MAX_ANSWER"),
            ("list_deleted", "offset"): answer("MAX_ANSWER"), ("list_deleted", "limit"): answer("MAX_ANSWER"),
            ("search", "limit"): answer("MAX_ANSWER"),
            ("find_by_id_prefix", "limit"): answer("ID_PREFIX_LIMIT"),
            # docs/remote-api.md: None is the default page of 500
            ("fetch_updates", "limit"): lambda: 500, ("fetch_snapshot", "limit"): lambda: 500,
            ("changes_since", "limit"): lambda: 500}


def _valid_sender(sender):
    return (isinstance(sender, dict) and isinstance(sender.get("replica_id"), int)
            and isinstance(sender.get("uri"), str))


def remote_methods():
    """Every public method of ContactBook: all of them are remote (Pyro5 @expose on the class)."""
    return sorted(name for name, member in inspect.getmembers(ContactBook, inspect.isfunction)
                  if not name.startswith("_"))


def report(request, line):
    """Print past pytest's output capture: the figures belong in every run's log."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n" + line)
