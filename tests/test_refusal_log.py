"""A peer that refuses the same update at every retry (an older release: "unknown register")
is logged once per reason, not with a traceback per retry (contacts.replication.refusals).
The refusal is a real one: raised by an object a Pyro5 daemon serves on loopback, received
through a Proxy, as a peer link receives it."""
import logging
import threading

from Pyro5.api import Daemon, Proxy, expose

from contacts.replication.refusals import RefusalLog, refused_by_peer


@expose
class OldRelease:
    def apply_updates(self, batch):
        raise ValueError("update.changes: unknown register 'title'")


def refusal(uri):
    try:
        with Proxy(uri) as proxy:
            proxy.apply_updates([])
    except ValueError as exc:
        return exc
    raise AssertionError("the old release took the update")


def test_a_refusal_repeated_at_every_retry_is_one_line_and_one_when_it_clears(caplog):
    daemon = Daemon(host="127.0.0.1", port=0)
    uri = daemon.register(OldRelease)
    serving = threading.Thread(target=daemon.requestLoop, daemon=True)
    serving.start()
    try:
        caplog.set_level(logging.INFO, logger="contacts.replication.peer_link")
        refusals = RefusalLog(2, 1.0)
        what = "update 1:41 (apply_updates)"
        for _ in range(5):
            exc = refusal(uri)
            assert refused_by_peer(exc)
            refusals.failed("push", what, exc, expected=True)
        assert not refused_by_peer(ValueError("raised here"))
        lines = [r for r in caplog.records if r.name == "contacts.replication.peer_link"]
        assert [r.getMessage() for r in lines] == [
            "replica 2 refused update 1:41 (apply_updates): ValueError: update.changes: unknown register "
            "'title'; retrying every 1 s, repeats logged at debug level (a replica of an older release "
            "refuses the fields it does not know until it is upgraded)"]
        assert lines[0].exc_info is None and "Traceback" not in caplog.text
        refusals.cleared("push", "it holds update 1:41 now")
        refusals.cleared("push", "it holds update 1:42 now")     # nothing was failing: no line
        assert [r.getMessage() for r in caplog.records][1:] == [
            "replication with replica 2 works again: it holds update 1:41 now, after 5 failed tries (ValueError: update.changes: unknown register 'title')"]
        # at debug level the traceback is there, once (this replica's call, then the peer's)
        caplog.clear()
        caplog.set_level(logging.DEBUG, logger="contacts.replication.peer_link")
        for _ in range(3):
            refusals.failed("push", what, refusal(uri), expected=True)
        tracebacks = [r.getMessage() for r in caplog.records if "Traceback" in r.getMessage()]
        assert len(tracebacks) == 1 and "Remote traceback" in tracebacks[0] and "proxy.apply_updates" in tracebacks[0]
        # an error of this code (not a refusal) keeps its traceback, once too
        caplog.clear()
        caplog.set_level(logging.INFO, logger="contacts.replication.peer_link")
        for _ in range(3):
            try:
                {}["vector"]
            except KeyError as exc:
                refusals.failed("pull", "a full copy (fetch_snapshot)", exc, expected=False)
        assert len(caplog.records) == 1 and caplog.records[0].exc_info is not None
        assert caplog.records[0].getMessage().startswith("unexpected error with replica 2 on a full copy")
    finally:
        daemon.shutdown()
        serving.join(5)
