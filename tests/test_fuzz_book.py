"""Hostile calls to every remote method, in-process: ContactBook on a real ContactStore
(SQLite in a temp dir) with a real Replicator, many examples per method.

Every call must either succeed or raise one of this project's deliberate errors
(ValueError / TypeError / LookupError / PermissionError / ConnectionError subclasses
with a message) -- never KeyError, AttributeError, OverflowError, sqlite3 errors ...
A refused call must change nothing: live and deleted contacts, version vector and
Lamport clock are compared before and after.  Calls built by adding one defect to a
valid call must be refused.
"""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings

from contacts.replica import book as book_module
from contacts.replica.book import ContactBook
from contacts.config import Settings
from contacts.errors import ContactsError
from contacts.replication import Replicator
from contacts.replica.store import ContactStore

from fuzz_inputs import VALID_CONTACT, method_arguments, remote_methods, report

#: CONTACTS_FUZZ_EXAMPLES=5000 for a long hunt (docs/security.md)
EXAMPLES = int(os.environ.get("CONTACTS_FUZZ_EXAMPLES", 300))
CALLS = {}      # method -> [calls, refused]


@pytest.fixture(scope="module")
def fuzz_book(tmp_path_factory, request):
    # a read that waits for a version vector it will never see gives up at once here
    saved_timeout, book_module.READ_AFTER_TIMEOUT = book_module.READ_AFTER_TIMEOUT, 0.01
    store = ContactStore(tmp_path_factory.mktemp("fuzz") / "r1", 1)
    replicator = Replicator(store, Settings())
    book = ContactBook(store, Settings(), replicator)
    existing = [book.add_contact({**VALID_CONTACT, "name": name})["id"] for name in ("Ada", "Grace", "Edsger")]
    book.delete_contact(existing[2])
    yield book, existing
    replicator.stop()
    store.close()
    book_module.READ_AFTER_TIMEOUT = saved_timeout
    calls = sum(c for c, _ in CALLS.values())
    refused = sum(r for _, r in CALLS.values())
    figures = {"calls": calls, "refused": refused, "internal_errors": 0, "per_method": CALLS}
    if getattr(request.config, "cache", None) is not None:
        request.config.cache.set("contacts/fuzz_in_process", figures)
    report(request, f"fuzz (in-process ContactBook): {calls} hostile calls to {len(CALLS)} methods, "
                    f"{refused} refused with a clear error, 0 internal errors")


def everything(book):
    return json.dumps({"live": book.list_contacts(), "deleted": book.list_deleted(),
                       "vector": book.version_vector(), "clock": book.store.clock.value}, sort_keys=True)


def test_every_remote_method_is_fuzzed():
    assert set(method_arguments(["x"])) == set(remote_methods())


@pytest.mark.parametrize("method", remote_methods())
def test_hostile_calls_get_clear_errors_and_change_nothing(fuzz_book, method):
    book, existing = fuzz_book
    strategy = method_arguments(existing)[method]

    @settings(max_examples=EXAMPLES if strategy_size(method) else 3, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def call(drawn):
        args, must_fail = drawn
        before = everything(book)
        counts = CALLS.setdefault(method, [0, 0])
        counts[0] += 1
        try:
            getattr(book, method)(*args)
        except ContactsError as exc:
            counts[1] += 1
            assert str(exc).strip(), f"{method}{args!r:.300}: {type(exc).__name__} without a message"
            assert everything(book) == before, f"refused {method}{args!r:.300} changed the data"
        except Exception as exc:
            raise AssertionError(f"{method}{args!r:.500} raised an internal error "
                                 f"{type(exc).__name__}: {exc}") from exc
        else:
            assert not must_fail, f"{method}{args!r:.500} was accepted but is invalid"
        assert book.ping()["replica_id"] == 1

    call()


def strategy_size(method):
    """Methods without arguments need only a few calls."""
    return method not in ("count_contacts", "cluster_status", "version_vector")
