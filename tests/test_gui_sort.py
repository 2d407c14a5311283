"""View → Sort by → First name / Last name in a book the window holds whole (the fake client;
a big book's pages in the replica's order: test_gui_paging.py; the replicas' keys:
test_name_order.py): starred first in both, accents ignored, the letters follow the order, and
the choice is remembered."""
from contacts.gui.app import create_window
from contacts.gui.book_reader import BookReader
from contacts.gui.presentation import group_letter
from gui_fakes import FakeContactsService
from test_gui_list import PEOPLE, contacts_shown, fake, rows, window  # noqa: F401 - the fixtures

FAMILY = {"ada": ("Ada", "Lovelace"), "alan": ("Alan", "Turing"), "eli": ("Élodie", "Martin"),
          "grace": ("Grace", "Hopper"), "zoe": ("Zoe", "Zimmermann")}


def test_sorting_by_last_name_and_back_by_first_name(qtbot, window, fake):
    for contact_id, (given, family) in FAMILY.items():
        fake.edit_behind_the_back(contact_id, {"n": {"given": [given], "family": [family]}})
    fake.edit_behind_the_back("zoe", {"starred": False})
    fake.add_contact({"id": "alv", "name": "álvaro Souza", "n": {"given": ["álvaro"], "family": ["Souza"]}})
    qtbot.waitUntil(lambda: len(rows(window)) == len(PEOPLE) + 1, timeout=3000)
    assert rows(window) == ["Grace Hopper", "42 Club", "Ada Lovelace", "Alan Turing", "álvaro Souza",
                            "Élodie Martin", "Zoe Zimmermann"]
    window.sort_actions["last"].trigger()
    assert rows(window) == ["Grace Hopper", "42 Club", "Ada Lovelace", "Élodie Martin", "álvaro Souza",
                            "Alan Turing", "Zoe Zimmermann"]
    assert [group_letter(c, "last") for c in contacts_shown(window)] == ["★", "#", "L", "M", "S", "T", "Z"]
    assert window.contact_list.delegate.order == "last"
    fake.edit_behind_the_back("alan", {"n": {"given": ["Alan"], "family": ["Babbage"]}})   # moves up
    qtbot.waitUntil(lambda: rows(window)[2] == "Alan Turing", timeout=3000)
    again = create_window(settings=window.settings, client_factory=lambda: fake, poll_interval_ms=100,
                          host="127.0.0.1", port=9999)
    qtbot.addWidget(again)
    assert again.sort_actions["last"].isChecked() and again.filter_proxy.order == "last"
    again.close()
    window.sort_actions["first"].trigger()
    assert rows(window)[:3] == ["Grace Hopper", "42 Club", "Ada Lovelace"]
    assert window.settings.value("list/order") == "first"


class OlderReplica(FakeContactsService):
    """A replica of the release before orders and counts: it refuses both arguments."""

    def list_contacts(self, offset=0, limit=None):
        return super().list_contacts(offset, limit)

    def count_contacts(self):
        return super().count_contacts()


def test_a_big_book_on_an_older_replica_is_read_in_its_name_order_without_counts():
    client = OlderReplica.holding([{"id": f"o{n:02d}", "name": f"Person {20 - n:02d}",
                                    "n": {"given": ["Person"], "family": [f"{n:02d}"]}} for n in range(20)])
    reader = BookReader(large_book=10, page_size=5)
    snapshot = reader.read(client, reader.request("", None, False, [0, 1], [0, 1], "last"))
    assert snapshot["total"] == 20 and snapshot["counts"] is None
    assert [c["name"] for c in snapshot["pages"][0]] == [f"Person {n:02d}" for n in range(1, 6)]
