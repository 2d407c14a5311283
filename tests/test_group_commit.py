"""Group commit in ContactStore (contacts/replica/group_commit.py): concurrent writers
share fsyncs, and each write is still durable (and only its own failure undone) before
its writer goes on.  Also: the per-thread read connections of threads that ended are
closed."""
import os
import re
import sqlite3
import threading
import time

import pytest

from contacts.errors import StorageError, WrongTypeError
from contacts.replica.store import ContactStore
from contacts.versions import VersionVector


def person(n):
    return {"name": f"Person {n}", "phones": [], "emails": [], "organization": "", "notes": "",
            "deleted": False}


def test_concurrent_writers_share_commits_and_every_write_survives_a_restart(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    threads, per_thread, errors = 8, 40, []
    durable_when_returned = []

    def writer(t):
        try:
            for n in range(per_thread):
                update, _ = store.write_local(f"c{t}-{n}", person(n))
                # a returned write is committed: the published vector already holds it
                durable_when_returned.append(store.vector.get(1, 0) >= update["seq"])
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)

    # On a busy machine the scheduler may let each writer commit alone, so the first
    # leader waits (with a deadline) until every writer has applied its first write:
    # those writes must then share that one commit.
    # Every waiter of that first group waits, not only the first one: a second waiter
    # arriving meanwhile would otherwise lead a commit of its own.
    lead_once = store.group_commit.wait_durable
    first_group = []

    def wait_durable(group):
        if group == (first_group or first_group.append(group) or first_group)[0]:
            deadline = time.monotonic() + 10
            while store._vector.get(1, 0) < threads and time.monotonic() < deadline:
                time.sleep(0.001)
        return lead_once(group)

    store.group_commit.wait_durable = wait_durable
    workers = [threading.Thread(target=writer, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert all(durable_when_returned) and len(durable_when_returned) == threads * per_thread
    assert store.commits < threads * per_thread, "concurrent writes should have shared commits"
    store.close()

    reopened = ContactStore(tmp_path / "r1", 1)
    assert reopened.count() == threads * per_thread
    assert dict(reopened.vector) == {1: threads * per_thread}
    reopened.close()


def test_a_failed_write_undoes_only_itself_within_its_group(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    with store.write_lock:
        store.write_local("kept", person(1))
        # inside the section nothing is committed yet: the two writes share a group
        try:
            store.apply_snapshot([["good", {"name": ["Good", 5, 2], "deleted": [False, 5, 2]}],
                                  ["broken", {"name": ["x", "not a counter", 2]}]], VersionVector({2: 7}))
        except WrongTypeError:
            pass
        else:
            raise AssertionError("a bad snapshot page must be refused")
        assert store.state("kept") is not None, "the section reads its own uncommitted write"
        assert store.commits == 0
    assert store.commits == 1
    assert store.state("kept")["name"][0] == "Person 1"
    assert store.state("good") is None and store.state("broken") is None, "the whole page is undone"
    assert dict(store.vector) == {1: 1}, "the refused page's vector must not be adopted"
    store.close()
    reopened = ContactStore(tmp_path / "r1", 1)
    assert reopened.state("kept") is not None and reopened.state("good") is None
    reopened.close()


def test_other_threads_do_not_see_a_write_before_it_is_committed(tmp_path):
    store = ContactStore(tmp_path / "r1", 1)
    seen = {}
    with store.write_lock:
        store.write_local("pending", person(1))
        reader = threading.Thread(target=lambda: seen.update(state=store.state("pending"),
                                                             vector=dict(store.vector)))
        reader.start()
        reader.join()
    assert seen == {"state": None, "vector": {}}
    assert store.state("pending") is not None and dict(store.vector) == {1: 1}
    store.close()


def open_files_under(directory):
    """This process's file descriptors open on files in ``directory`` (other tests' threads
    may open and close sockets and files meanwhile: only the store's own count)."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            found += os.readlink(f"/proc/self/fd/{fd}").startswith(str(directory))
        except OSError:   # closed meanwhile
            pass
    return found


def test_read_connections_of_ended_threads_are_closed(tmp_path):
    # Pyro5 ends idle worker threads and starts new ones for the next burst of clients
    store = ContactStore(tmp_path / "r1", 1)
    store.write_local("c1", person(1))
    before = open_files_under(tmp_path)
    for _ in range(5):
        readers = [threading.Thread(target=store.state, args=("c1",)) for _ in range(20)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
    # each connection holds 2-3 files; the last threads' may still be closing as join() returns
    assert open_files_under(tmp_path) - before < 30, "100 ended threads left their connections open"
    assert store.state("c1") is not None
    store.close()


class RefusingCommit:
    """The writer connection of a replica whose disk refuses the next COMMIT (fault injection)."""

    def __init__(self, db):
        self.db, self.refuse = db, True

    def execute(self, sql, *args):
        if self.refuse and sql == "COMMIT":
            self.refuse = False
            raise sqlite3.OperationalError("disk I/O error")
        return self.db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_a_commit_the_disk_refuses_fails_its_write_clearly_and_keeps_nothing(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)  # only this test's writes commit
    store.write_local("before", person(1))
    store._db = RefusingCommit(store._db)
    with pytest.raises(StorageError, match="commit failed: disk I/O error") as refused:
        store.write_local("lost", person(2))
    assert isinstance(refused.value, RuntimeError)      # what a bare Pyro5 client receives
    assert store.state("lost") is None and dict(store.vector) == {1: 1}
    update, _ = store.write_local("after", person(3))   # the disk is back: writing goes on
    assert update["seq"] == 2
    store.close()
    reopened = ContactStore(tmp_path / "r1", 1)
    assert reopened.state("lost") is None and reopened.state("after") is not None
    reopened.close()


class SlowCommit(RefusingCommit):
    """A writer connection whose COMMIT takes 80 ms (a disk stalling an fsync)."""

    def execute(self, sql, *args):
        if sql == "COMMIT":
            started = time.perf_counter()
            while time.perf_counter() - started < 0.08:
                pass
        return self.db.execute(sql, *args)


def test_a_slow_commit_is_logged_for_the_operator(tmp_path, caplog):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)
    store.write_local("fast", person(1))
    assert "a commit took" not in caplog.text
    store._db = SlowCommit(store._db)
    with caplog.at_level("WARNING", logger="contacts.replica.group_commit"):
        store.write_local("slow", person(2))
    assert re.search(r"a commit took \d+ ms", caplog.text)
    store.close()


def commit_modes(db):
    """Record, on the writer connection, the PRAGMA synchronous each COMMIT ran under."""
    modes, current = [], ["FULL"]

    def traced(sql):
        sql = sql.strip().upper()
        if sql.startswith("PRAGMA SYNCHRONOUS="):
            current[0] = sql.split("=", 1)[1]
        elif sql == "COMMIT":
            modes.append(current[0])
    db.set_trace_callback(traced)
    return modes


def test_search_index_commits_skip_the_fsync_and_every_write_keeps_it(tmp_path):
    store = ContactStore(tmp_path / "r1", 1, index_delay=None)  # the test indexes by hand
    modes = commit_modes(store._db)
    store.write_local("a", person(1))
    assert store.index_pending() == 1               # derived rows only: committed unsynced
    store.merge_index()
    store.write_local("b", person(2))               # the next write is fsynced again
    assert modes == ["FULL", "NORMAL", "NORMAL", "FULL"]
    assert store.group_commit.unsynced_commits == 2
    modes.clear()
    with store.write_lock:                          # a group holding a write and indexing: fsynced
        store.write_local("c", person(3))
        assert store.index_pending() == 2
    assert modes == ["FULL"]
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2   # FULL between commits
    store.close()
    reopened = ContactStore(tmp_path / "r1", 1, index_delay=None)
    assert reopened.unindexed() == 0 and [cid for cid, _ in reopened.search_states("person")] == ["a", "b", "c"]
    reopened.close()
