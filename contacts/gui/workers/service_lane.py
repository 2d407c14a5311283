"""The service lane: one background thread that owns the ContactsClient.

Why one thread and not a pool: a Pyro5 proxy belongs to the thread that uses it,
and the user's actions must reach the cluster in the order they were made (an
undo of an add must not overtake the add).  So every call goes through this lane,
one after the other.  The user's actions jump ahead of queued polls.

Why a daemon ``threading.Thread`` rather than a ``QThread``: a call may sit in a
network timeout (3 s) when the user quits; a daemon thread never holds up or
crashes the exit (destroying a running QThread aborts the process).  Results
still travel as Qt signals, queued to the GUI thread, so callbacks run there.

A job is ``fn(client) -> result``.  An action that fails because no replica
answers is retried every second (the window says it is waiting) until it
succeeds or its deadline passes: the user's pending action completes when a
replica comes back.  Polls go on meanwhile; later actions wait their turn.
"""
import collections
import itertools
import logging
import queue
import threading
import time

from PyQt5.QtCore import QObject, pyqtSignal

from ...errors import UnavailableError

log = logging.getLogger(__name__)

ACTION, POLL = 0, 1
#: how long a user's action keeps waiting for a replica before it is reported failed
ACTION_DEADLINE = 120.0
RETRY_INTERVAL = 1.0


def is_unavailable(exc):
    """True for failures that mean 'no replica answered' rather than 'the request is wrong'."""
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return True
    try:
        from Pyro5.errors import CommunicationError, NamingError
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, (CommunicationError, NamingError))


class _Stop:
    pass


class ServiceLane(QObject):
    """Runs jobs against the client on one background thread, in order."""

    #: (job id, result) / (job id, exception): delivered on the GUI thread
    jobDone = pyqtSignal(int, object)
    jobFailed = pyqtSignal(int, object)
    #: an action is waiting for a replica (job id, description, error text)
    jobWaiting = pyqtSignal(int, str, str)
    #: the client's own events (failover, unavailable), re-emitted on the GUI thread
    clientEvent = pyqtSignal(dict)
    #: how many user actions are queued or running
    pendingChanged = pyqtSignal(int)

    def __init__(self, client_factory, parent=None, action_deadline=ACTION_DEADLINE):
        super().__init__(parent)
        self._client_factory = client_factory
        self._client = None
        self._queue = queue.PriorityQueue()
        self._order = itertools.count()
        self._callbacks = {}             # job id -> (on_done, on_error); GUI thread only
        self._pending_actions = 0
        self._stopping = threading.Event()
        self.action_deadline = action_deadline
        self.jobDone.connect(self._deliver_done)
        self.jobFailed.connect(self._deliver_failed)
        self._thread = threading.Thread(target=self._run, name="contacts-service-lane", daemon=True)
        self._thread.start()

    # -- GUI thread ------------------------------------------------------------
    def submit(self, fn, on_done=None, on_error=None, priority=ACTION, description=""):
        """Queue ``fn(client)``; ``on_done(result)`` or ``on_error(exc)`` later run on the GUI thread."""
        job_id = next(self._order)
        self._callbacks[job_id] = (on_done, on_error, priority)
        if priority == ACTION:
            self._pending_actions += 1
            self.pendingChanged.emit(self._pending_actions)
        self._queue.put((priority, job_id, fn, description))
        return job_id

    @property
    def pending_actions(self):
        return self._pending_actions

    def stop(self, wait=1.0):
        """Stop taking jobs; waits a little for the thread (never longer than ``wait``)."""
        self._stopping.set()
        self._queue.put((-1, -1, _Stop, ""))
        self._thread.join(wait)
        return not self._thread.is_alive()

    def _finish(self, job_id):
        on_done, on_error, priority = self._callbacks.pop(job_id, (None, None, POLL))
        if priority == ACTION:
            self._pending_actions -= 1
            self.pendingChanged.emit(self._pending_actions)
        return on_done, on_error

    def _deliver_done(self, job_id, result):
        on_done, _ = self._finish(job_id)
        if on_done is not None:
            on_done(result)

    def _deliver_failed(self, job_id, exc):
        _, on_error = self._finish(job_id)
        if on_error is not None:
            on_error(exc)
        else:
            log.warning("background job failed: %s", exc)

    # -- lane thread -------------------------------------------------------------
    def _run(self):
        # While an action waits for a replica it is "held": later actions queue up behind
        # it (their order matters), but polls still run, so the window keeps showing the
        # cluster's state and notices the moment a replica is back.
        held = None                  # [job, deadline, next attempt]
        blocked = collections.deque()  # actions that came in behind the held one
        while not self._stopping.is_set():
            now = time.monotonic()
            if held is not None and now >= held[2]:
                job, deadline, _ = held
                held = None
            elif held is None and blocked:
                job, deadline = blocked.popleft(), None
            else:
                try:
                    job = self._queue.get(timeout=None if held is None else max(0.0, held[2] - now))
                except queue.Empty:
                    continue
                deadline = None
                if job[2] is _Stop:
                    break
                if held is not None and job[0] == ACTION:
                    blocked.append(job)
                    continue
            priority, job_id, fn, description = job
            deadline = deadline or time.monotonic() + self.action_deadline
            if not self._attempt(priority, job_id, fn, description, deadline):
                held = [job, deadline, time.monotonic() + RETRY_INTERVAL]
        self._close_client()

    def _attempt(self, priority, job_id, fn, description, deadline):
        """Run a job once; False if it is an action to try again later."""
        try:
            result = fn(self._ensure_client())
        except Exception as exc:  # delivered to the GUI thread, which decides
            if priority == ACTION and is_unavailable(exc) and time.monotonic() < deadline:
                self._emit("jobWaiting", job_id, description, str(exc))
                return False
            self._emit("jobFailed", job_id, exc)
            return True
        self._emit("jobDone", job_id, result)
        return True

    def _emit(self, signal_name, *args):
        if self._stopping.is_set():
            return  # the window is closing; nobody is left to tell
        try:
            getattr(self, signal_name).emit(*args)
        except RuntimeError:  # the QObject is gone (window closed while a call was out)
            self._stopping.set()

    def _ensure_client(self):
        if self._client is None:
            try:
                client = self._client_factory()
            except Exception as exc:
                if is_unavailable(exc):
                    raise
                raise UnavailableError(f"cannot reach the cluster: {exc}") from exc
            add_listener = getattr(client, "add_listener", None)
            if add_listener is not None:
                add_listener(self._on_client_event)
            self._client = client
        return self._client

    def _on_client_event(self, event):
        # called on whatever thread the client calls us from; the signal queues it to the GUI
        self._emit("clientEvent", dict(event))

    def _close_client(self):
        client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except Exception:  # closing a client whose replicas are gone may fail; nothing to do
                log.debug("closing the client failed", exc_info=True)
