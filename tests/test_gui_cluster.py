"""The window against a real local cluster (name server + replica processes, real client).

Kept to two cluster start-ups: one for editing and live updates, one for failures.
"""
import time

import pytest
from PyQt5.QtCore import QSettings

from contacts.client import ContactsClient
from contacts.cluster import wait_until
from contacts.gui.app import client_factory_for, create_window
from event_loop_watch import EventLoopWatch


@pytest.fixture
def make_window(qtbot, tmp_path):
    windows = []

    def make(cluster):
        settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
        window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port,
                               client_factory=client_factory_for("127.0.0.1", cluster.ns_port, timeout=5.0))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        qtbot.waitUntil(lambda: window.session.current_replica is not None, timeout=10_000)
        return window
    yield make
    for window in windows:
        window.close()


def rows(window):
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def on_replica(cluster, replica_id, name):
    """The contact named ``name`` as replica ``replica_id`` holds it (None if it does not)."""
    with cluster.proxy(replica_id) as proxy:
        return next((c for c in proxy.list_contacts() if c["name"] == name), None)


def test_add_edit_delete_undo_and_others_changes_on_a_real_cluster(qtbot, cluster, make_window):
    window = make_window(cluster)
    # add through the dialog
    window.new_action.trigger()
    dialog = window.contact_dialog
    qtbot.keyClicks(dialog.name_edit, "Ada Lovelace")
    qtbot.keyClicks(dialog.phones.rows[0].value_edit, "+44 20 7946 0958")
    qtbot.keyClicks(dialog.emails.rows[0].value_edit, "ada@example.com")
    dialog.buttons.button(dialog.buttons.Save).click()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace"], timeout=5000)
    ada = wait_until(lambda: on_replica(cluster, 3, "Ada Lovelace"), 10, what="the add on replica 3")
    assert ada["phones"][0]["e164"] == "+442079460958"
    # edit through the dialog
    assert window.select_contact(ada["id"])
    window.edit_action.trigger()
    dialog = window.contact_dialog
    qtbot.keyClicks(dialog.organization_edit, "Analytical Engines")
    dialog.buttons.button(dialog.buttons.Save).click()
    wait_until(lambda: (on_replica(cluster, 2, "Ada Lovelace") or {}).get("organization") == "Analytical Engines",
               10, what="the edit on replica 2")
    # undo the edit, then delete and undo the delete
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Edit 'Ada Lovelace'", timeout=5000)
    window.undo_action.trigger()
    wait_until(lambda: (on_replica(cluster, 1, "Ada Lovelace") or {}).get("organization") == "", 10,
               what="the undone edit on replica 1")
    assert window.select_contact(ada["id"])
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: rows(window) == [], timeout=5000)
    wait_until(lambda: on_replica(cluster, 2, "Ada Lovelace") is None, 10, what="the delete on replica 2")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace"], timeout=5000)
    wait_until(lambda: on_replica(cluster, 2, "Ada Lovelace"), 10, what="the restore on replica 2")
    # another user, on another replica, adds and edits: the window shows it by itself
    in_use = window.session.current_replica[0]
    other_replica = next(r for r in (1, 2, 3) if r != in_use)
    with ContactsClient(uris=[cluster.uri(other_replica)], discover=False, timeout=10) as other:
        other.add_contact({"name": "Grace Hopper", "organization": "US Navy"})
        other.update_contact(ada["id"], {"notes": "first programmer"})
    started = time.monotonic()
    # "within about 2 seconds": one poll (1 s) after replication; 3 s leaves room for a loaded machine
    qtbot.waitUntil(lambda: rows(window) == ["Ada Lovelace", "Grace Hopper"], timeout=3000)
    qtbot.waitUntil(lambda: window.session.contacts.contact(ada["id"])["notes"] == "first programmer",
                    timeout=5000)
    print(f"another client's change showed after {time.monotonic() - started:.2f} s")


def test_failover_and_every_replica_down_keep_the_window_working(qtbot, cluster, make_window):
    window = make_window(cluster)
    def all_alive():
        assert " · 3 of 3 alive" in window.replica_status.text()
    qtbot.waitUntil(all_alive, timeout=15_000)
    first = window.session.current_replica[0]
    cluster.kill(first)
    # an add made right away, before the window noticed anything, completes on another replica
    window.session.add_contact({"name": "After failover", "phones": [], "emails": [], "organization": "",
                                "notes": ""})
    qtbot.waitUntil(lambda: "After failover" in rows(window), timeout=10_000)
    # the window has moved on by itself and says so
    qtbot.waitUntil(lambda: window.session.current_replica is not None
                    and window.session.current_replica[0] != first, timeout=10_000)
    second = window.session.current_replica[0]
    qtbot.waitUntil(lambda: window.replica_status.text().startswith(f"● Replica {second}"), timeout=5000)
    assert any(f"Replica {first} stopped answering — now using replica {second}" in message
               for _, message in window.session.history)
    assert f"now using replica {second}" in window.statusBar().currentMessage()  # not hidden by "Added"
    with cluster.proxy(second) as proxy:
        assert [c["name"] for c in proxy.list_contacts()] == ["After failover"]
    # and the panel shows the dead replica down
    qtbot.waitUntil(lambda: " · 2 of 3 alive" in window.replica_status.text(), timeout=10_000)

    # every replica down: the event loop keeps turning while the window retries
    watch = EventLoopWatch()
    for replica_id in (1, 2, 3):
        if replica_id != first:
            cluster.kill(replica_id)
    qtbot.waitUntil(lambda: "No replica reachable" in window.replica_status.text(), timeout=15_000)
    window.session.add_contact({"name": "While all down", "phones": [], "emails": [], "organization": "",
                                "notes": ""})
    polls = window.session.polls_done
    qtbot.waitUntil(lambda: window.session.polls_done >= polls + 3, timeout=15_000)  # it keeps retrying
    longest = watch.stop()
    print(f"event loop: {len(watch.ticks)} ticks, longest gap {longest} ms")
    assert len(watch.ticks) > 10 and longest < 500, f"the event loop stalled {longest} ms"
    assert window.pending_label.text() == "saving 1 change…"
    # a replica comes back: the pending add completes
    cluster.start_replica(second)
    qtbot.waitUntil(lambda: "While all down" in rows(window), timeout=20_000)
    qtbot.waitUntil(lambda: window.replica_status.text().startswith(f"● Replica {second}"), timeout=10_000)
