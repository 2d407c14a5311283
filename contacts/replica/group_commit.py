"""Group commit: concurrent writers share one fsync, each still durable before it answers.

An fsync costs far more than applying a write, so the store's writes are grouped.  Each
write is applied, under one lock, inside a savepoint of the open transaction (a
"group"); then the writer waits until its group is committed.  The first waiter to find
no commit running leads: it commits the open transaction (one fsync for every write
applied since the last commit) and wakes the others.  Writes arriving during that fsync
go into the next group.  A lone writer commits its own write at once; nothing waits on a
timer.  If a commit fails, every write of its group fails with it and nothing of it is
kept.

Not every write needs an fsync: what can be derived again from the rest (the search
index) is written with ``durable=False``.  When no group is open, such a write is a
transaction of its own, committed under the lock with ``synchronous=NORMAL``: no fsync.
In WAL mode that is still atomic, and the WAL is append-only, so the next fsynced commit
makes it durable too; a power cut before that loses only derived rows, which are derived
again.  When a group is open it joins it, and is fsynced with it.  SQLite cannot change
``synchronous`` inside a transaction, hence the transaction of its own.

:class:`GroupCommit` is only the mechanism: transactions, savepoints, who commits and
who waits.  What a group holds besides its rows (the store's private copies of the
version vector and the like, and what is written or published at commit) is the
store's, given as callbacks (contacts/replica/store.py).
"""
import logging
import sqlite3
import threading
import time

from ..errors import StorageError

log = logging.getLogger(__name__)

#: a commit slower than this is logged: it delays every write of its group and the lag
SLOW_COMMIT = 0.05
#: why a write or a commit fails once SQLite has rolled the open group back by itself
GROUP_ROLLED_BACK = "the disk refused a write (SQLite rolled the open group back)"


class GroupCommit:
    """The store's write lock, its open group, and the commits that make groups durable.

    ``connection()`` returns the writer connection (in autocommit mode: transactions and
    savepoints are explicit).  The store's callbacks, all called with the lock held:

    - ``begin()``: a new group opens (fresh private copies of what it changes);
    - ``checkpoint()`` before each write, returning a callable that undoes the write's
      changes to those copies if the write fails;
    - ``prepare_commit()`` just before COMMIT (rows written once per group), returning a
      callable run once COMMIT has returned (publishing the group to readers);
    - ``rolled_back()`` after a failed commit was rolled back.
    """

    def __init__(self, connection, begin, checkpoint, prepare_commit, rolled_back):
        self._connection = connection
        self._begin, self._checkpoint = begin, checkpoint
        self._prepare_commit, self._rolled_back = prepare_commit, rolled_back
        self.lock = threading.RLock()
        self._writing = threading.local()   # per thread: write-section depth
        # the groups' own lock, never held while waiting for self.lock, so a writer
        # applying never waits behind a waiter
        self._groups = threading.Condition(threading.Lock())
        self._group = 0            # number of the newest group (the open one, if _in_txn)
        self._in_txn = False
        self._durable = 0          # every group up to this one is committed
        self._committing = False
        self._group_errors = {}    # group -> why its commit failed (the message)
        self._sync_mode = "FULL"   # the connection's PRAGMA synchronous (the store opens it FULL)
        self.commits = 0           # transactions committed, for benchmarks
        self.unsynced_commits = 0  # of them, derived rows only, without an fsync

    def section(self):
        """``with group_commit.section():`` the lock; leaving the outermost section waits
        until the group this thread wrote in (or read from) is committed."""
        return _WriteSection(self)

    def in_section(self):
        """This thread is inside a write section (its reads must see the open group)."""
        return getattr(self._writing, "depth", 0) > 0

    def run(self, work, durable=True):
        """Run ``work()`` in the open group, under a savepoint (a failed write undoes only
        itself); durable before this returns, or before the caller's write section ends.
        ``durable=False``: what ``work`` writes can be derived again (the search index); with
        no group open it is committed at once, without an fsync (the module's docstring)."""
        with self.section():
            db = self._connection()
            if not durable and not self._in_txn:
                return self._run_unsynced(db, work)
            if not self._in_txn:
                if self._sync_mode != "FULL":  # an unsynced commit failed to set it back
                    db.execute("PRAGMA synchronous=FULL")
                    self._sync_mode = "FULL"
                db.execute("BEGIN")
                self._in_txn = True
                self._group += 1
                self._begin()
            elif not db.in_transaction:
                # SQLite rolled the open group back by itself (a statement met a full disk).
                # A SAVEPOINT now would start a transaction of its own, committed at its
                # RELEASE outside the group, with an own seq the rollback then hands out
                # again (UNIQUE constraint failed, for every own write until a restart:
                # found by the diskfull fault). This write is refused; the group's COMMIT
                # fails for every writer of it (commit_open).
                raise StorageError(GROUP_ROLLED_BACK)
            undo = self._checkpoint()
            db.execute("SAVEPOINT write")
            try:
                result = work()
                db.execute("RELEASE write")
            except BaseException as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK TO write")
                    db.execute("RELEASE write")
                    undo()
                    raise
                undo()   # the whole group is gone, and its savepoint with it
                if isinstance(exc, sqlite3.Error):
                    raise StorageError(f"{GROUP_ROLLED_BACK}: {exc}") from exc
                raise
            return result

    def _run_unsynced(self, db, work):
        """``work()`` in a transaction of its own, committed with synchronous=NORMAL (the lock
        is held, no group is open)."""
        self._sync_mode = "NORMAL"  # until FULL is set back: the next group sets it first
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("BEGIN")
        try:
            result = work()
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            if not db.in_transaction:
                db.execute("PRAGMA synchronous=FULL")
                self._sync_mode = "FULL"
        self.commits += 1
        self.unsynced_commits += 1
        return result

    def wait_durable(self, group):
        """Return once ``group`` is committed, leading the commit when nobody else is."""
        with self._groups:
            while self._durable < group and self._committing:
                self._groups.wait()
            lead = self._durable < group
            if lead:
                self._committing = True
        if not lead:
            error = self._group_errors.get(group)
            if error is not None:  # every write of a group fails with its commit
                raise StorageError(f"commit failed: {error}")
            return
        error = None
        try:
            with self.lock:
                committed = self._group
                started = time.perf_counter()
                self.commit_open()
                took = time.perf_counter() - started
            if took >= SLOW_COMMIT:  # every writer of the group (and every push) waited this long
                log.warning("a commit took %.0f ms (the disk, a WAL checkpoint, or a busy machine)",
                            took * 1000)
        except (sqlite3.Error, OSError) as exc:
            error = exc
            raise StorageError(f"commit failed: {exc}") from exc
        except BaseException as exc:
            error = exc
            raise
        finally:
            with self._groups:
                if error is not None:
                    # the message only: the exception's traceback holds the frames of the
                    # failed commit (its updates); kept for 1,000 groups it held the heap of a
                    # full-disk replica up by ~13 MB every 5 s (found by the diskfull fault)
                    self._group_errors[committed] = str(error)
                    for old in [g for g in self._group_errors if g < committed - 1000]:
                        del self._group_errors[old]
                self._durable = committed
                self._committing = False
                self._groups.notify_all()

    def commit_open(self):
        """COMMIT the open group, if any (the lock is held); on failure roll it all back."""
        if not self._in_txn:
            return
        db = self._connection()
        try:
            if not db.in_transaction:   # rolled back by SQLite: nothing of the group is kept
                raise StorageError(GROUP_ROLLED_BACK)
            published = self._prepare_commit()
            db.execute("COMMIT")
        except BaseException:
            self._in_txn = False
            try:
                # SQLite may have rolled back by itself (a full disk does that): the store's
                # copies are taken back either way, or the next own seq would skip one
                if db.in_transaction:
                    db.execute("ROLLBACK")
            finally:
                self._rolled_back()
            raise
        self._in_txn = False
        self.commits += 1
        published()


class _WriteSection:
    """``with store.write_lock:`` -- the lock, and on leaving the outermost section, a wait
    until the group this thread wrote in (or read from) is committed."""

    def __init__(self, groups):
        self.groups = groups

    def __enter__(self):
        groups = self.groups
        groups.lock.acquire()
        groups._writing.depth = getattr(groups._writing, "depth", 0) + 1
        return self

    def __exit__(self, *exc_info):
        groups = self.groups
        local = groups._writing
        local.depth -= 1
        # what this thread saw inside may be an uncommitted write (its own or another's)
        group = groups._group if local.depth == 0 and groups._in_txn else None
        groups.lock.release()
        if group is not None:
            groups.wait_durable(group)
        return False
