"""Duplicates in the window: the pairs found, the merge preview's choices, the merge done with
the ordinary remote writes (seen on every replica of a real cluster) and undone in one step."""
import pytest
from PyQt5.QtCore import QSettings

from contacts.client import ContactsClient
from contacts.cluster import wait_until
from contacts.gui.app import client_factory_for, create_window

ANA = {"name": "Ana Gonçalves", "phones": [{"label": "mobile", "number": "+55 84 98888-7777"}],
       "emails": [{"label": "home", "address": "ana@example.com"}], "groups": ["Family"], "birthday": "--04-15"}
BIA = {"name": "Ana Beatriz Gonçalves", "phones": [{"label": "", "number": "+55 84 988887777"},
                                                   {"label": "work", "number": "+55 84 3215-3800"}],
       "emails": [{"label": "work", "address": "bia@ufrn.br"}], "groups": ["Work"], "birthday": "1985-04-15",
       "organization": "UFRN"}
OTHER = {"name": "Carlos Souza", "emails": [{"label": "", "address": "carlos@example.com"}]}


@pytest.fixture
def window(qtbot, tmp_path, cluster):
    with ContactsClient(uris=[cluster.uri(1)], discover=False, timeout=10) as client:
        ids = {c["name"]: client.add_contact(c)["id"] for c in (ANA, BIA, OTHER)}
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, host="127.0.0.1", port=cluster.ns_port, poll_interval_ms=200,
                           client_factory=client_factory_for("127.0.0.1", cluster.ns_port, timeout=5.0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=10_000)
    window.ids = ids
    yield window
    window.close()


def on_replica(cluster, replica_id, contact_id):
    with cluster.proxy(replica_id) as proxy:
        return next((c for c in proxy.list_contacts() if c["id"] == contact_id), None)


def test_merge_with_a_choice_per_field_replicates_and_one_undo_brings_both_back(qtbot, window, cluster):
    dialog = window.show_duplicates()
    assert dialog.list.count() == 1                      # Carlos shares nothing with anyone
    assert "same number +5584988887777" in dialog.list.item(0).text()
    assert "similar names" in dialog.list.item(0).text()
    keep, other = dialog.current_pair()
    if keep["name"] != "Ana Gonçalves":
        dialog.swap()
        keep, other = dialog.current_pair()
    preview = dialog.preview
    # a list is shown united, a single value as two choices with the kept one's checked
    assert preview.findChild(object, "merge_phones_united").text() == "Mobile: +55 84 98888-7777\nWork: +55 84 3215-3800"
    assert preview.findChild(object, "merge_name_keep").isChecked()
    assert preview.findChild(object, "merge_organization_other").isChecked()   # Ana had none
    preview.findChild(object, "merge_birthday_other").setChecked(True)         # the one with the year
    dialog.merge_button.click()
    ana, bia = window.ids["Ana Gonçalves"], window.ids["Ana Beatriz Gonçalves"]
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=10_000)
    for replica in (1, 2, 3):
        merged = wait_until(lambda: (lambda c: c if c and c.get("organization") == "UFRN" else None)(
            on_replica(cluster, replica, ana)), 10, what=f"the merge on replica {replica}")
        assert merged["name"] == "Ana Gonçalves" and merged["birthday"] == "1985-04-15"
        assert [p["number"] for p in merged["phones"]] == ["+55 84 98888-7777", "+55 84 3215-3800"]
        assert [e["address"] for e in merged["emails"]] == ["ana@example.com", "bia@ufrn.br"]
        assert sorted(merged["groups"]) == ["Family", "Work"]
        assert wait_until(lambda: on_replica(cluster, replica, bia) is None, 10, what="the other one deleted")
    assert [c["id"] for c in window.session.trash.contacts()] == [bia]
    assert window.session.undo_stack.undoText() == "Merge 'Ana Beatriz Gonçalves' into 'Ana Gonçalves'"
    assert dialog.list.count() == 0
    # one undo: both as they were, on every replica
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=10_000)
    for replica in (1, 2, 3):
        back = wait_until(lambda: on_replica(cluster, replica, bia), 10, what=f"the restore on replica {replica}")
        assert back["organization"] == "UFRN" and back["birthday"] == "1985-04-15"
        ana_now = wait_until(lambda: (lambda c: c if c and c["organization"] == "" else None)(
            on_replica(cluster, replica, ana)), 10, what=f"the undone update on replica {replica}")
        assert ana_now["birthday"] == "--04-15" and ana_now["groups"] == ["Family"]
        assert [p["number"] for p in ana_now["phones"]] == ["+55 84 98888-7777"]
    # redo merges again
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=10_000)
    wait_until(lambda: on_replica(cluster, 2, bia) is None, 10, what="the redone merge")


def test_two_contacts_chosen_by_hand_are_offered_for_merging_from_the_row_menu(qtbot, window):
    carlos, ana = window.ids["Carlos Souza"], window.ids["Ana Gonçalves"]
    window.select_contact(carlos)
    from PyQt5.QtCore import QItemSelectionModel
    index = window.proxy.mapFromSource(window.proxy.sourceModel().index_of(ana))
    window.contact_list.selectionModel().select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)
    window._row_menu(window.contact_list.visualRect(index).center())
    merge = next(a for a in window.row_menu.actions() if a.text() == "Merge these two…")
    window.row_menu.close()
    merge.trigger()
    dialog = window.duplicates_dialog
    assert {c["name"] for c in dialog.current_pair()} == {"Carlos Souza", "Ana Gonçalves"}
    assert dialog.list.item(0).text().endswith("chosen by you")
    assert dialog.list.count() == 2                      # and the pair found by itself after it
