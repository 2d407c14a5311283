"""The contact dialog and the rich contact: every field of the model has an editor, dates
without a year, the address form, custom labels, groups as chips, a photo from a file (or
dropped), cropped square and removable, a country per phone; and saving an edit never drops
what the dialog does not show or was not changed."""
import base64
import copy

import pytest
from PyQt5.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PyQt5.QtGui import QColor, QDropEvent, QImage

from contacts.gui.app import create_window
from contacts.gui.views.contact_dialog import ContactDialog
from contacts.model import FIELDS
from gui_fakes import FakeContactsService
from test_gui_detail import image_bytes, iphone_contact


def open_dialog(qtbot, contact=None, region="BR", **options):
    dialog = ContactDialog(region, contact, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_every_field_of_the_model_has_an_editor_but_the_verbatim_extras(qtbot):
    dialog = open_dialog(qtbot)
    assert set(dialog.editors) == set(FIELDS) - {"extra"}


def test_an_untouched_rich_contact_comes_back_exactly_as_it_was(qtbot):
    contact = iphone_contact()
    dialog = open_dialog(qtbot, contact)
    assert not dialog.has_changes()
    fields = dialog.validate()
    assert fields is not None
    for field in FIELDS:
        assert fields[field] == contact[field], field
    # "More fields" opens by itself: the card has nicknames, a department, related people ...
    assert dialog.more_button.isChecked() and dialog.more.isVisible()


def test_dates_without_a_year_and_a_date_that_does_not_exist(qtbot):
    dialog = open_dialog(qtbot)
    dialog.name_edit.setText("Ana")
    dialog.birthday.day.setCurrentIndex(15)
    dialog.birthday.month.setCurrentIndex(4)
    assert dialog.validate()["birthday"] == "--04-15"
    qtbot.keyClicks(dialog.birthday.year, "1985")
    assert dialog.validate()["birthday"] == "1985-04-15"
    dialog.birthday.day.setCurrentIndex(31)
    dialog.birthday.month.setCurrentIndex(2)
    assert dialog.validate() is None
    assert "is not a real date" in dialog.errors["birthday"].text() and dialog.errors["birthday"].isVisible()
    dialog.birthday.clear_button.click()
    assert dialog.validate()["birthday"] == ""
    # a date with a time of day, not edited, goes back with its time
    timed = dict(iphone_contact(), birthday="1985-04-15T10:30:00Z")
    assert open_dialog(qtbot, timed).validate()["birthday"] == "1985-04-15T10:30:00Z"


def test_the_address_form_custom_labels_and_a_row_left_empty(qtbot):
    dialog = open_dialog(qtbot)
    dialog.name_edit.setText("Ana")
    row = dialog.addresses.add_row()
    row.label_box.setCurrentText("Casa da praia")          # a label of one's own
    qtbot.keyClicks(row.edits["street"], "Rua A, 12")
    qtbot.keyClicks(row.edits["locality"], "Natal")
    qtbot.keyClicks(row.edits["country"], "Brasil")
    dialog.addresses.add_row()                              # left empty: dropped
    phone = dialog.phones.rows[0]
    phone.label_box.setCurrentText("Escritório Lagos")
    qtbot.keyClicks(phone.value_edit, "+234 803 123 4567")
    fields = dialog.validate()
    assert fields["addresses"] == [{"label": "Casa da praia", "pobox": "", "extended": "", "street": "Rua A, 12",
                                    "locality": "Natal", "region": "", "postcode": "", "country": "Brasil",
                                    "pref": None}]
    assert fields["phones"][0]["label"] == "Escritório Lagos"


def test_an_edited_address_and_phone_keep_their_preference(qtbot):
    contact = iphone_contact()
    dialog = open_dialog(qtbot, contact)
    dialog.addresses.rows[0].edits["locality"].setText("Parnamirim")
    dialog.addresses.rows[0].edits["locality"].textEdited.emit("Parnamirim")
    dialog.phones.rows[0].value_edit.setText("(84) 98888-0000")
    dialog.phones.rows[0].value_edit.textEdited.emit("(84) 98888-0000")
    fields = dialog.validate()
    assert fields["addresses"][0]["locality"] == "Parnamirim" and fields["addresses"][0]["pref"] == 1
    assert fields["phones"][0]["pref"] == 1 and fields["phones"][0]["e164"] == "+5584988880000"
    assert dialog._edited()[0] == {"addresses", "phones"}


def test_groups_as_chips(qtbot):
    contact = dict(iphone_contact(), groups=["Clientes", "Family"])
    dialog = open_dialog(qtbot, contact, known_groups=["Family", "Friends", "Work"])
    assert [b.text() for b in dialog.groups.focus_order()[:-1]] == ["Clientes  ✕", "Family  ✕"]
    qtbot.keyClicks(dialog.groups.entry, "Friends")
    qtbot.keyClick(dialog.groups.entry, Qt.Key_Return)
    dialog.groups.focus_order()[1].click()                   # Family's ✕
    assert dialog.validate()["groups"] == ["Clientes", "Friends"]
    qtbot.keyClicks(dialog.groups.entry, "Work, Chess,")    # commas add them too
    assert dialog.groups.chips == ["Clientes", "Friends", "Work", "Chess"]
    assert dialog._edited()[0] == {"groups"}


def test_each_phone_has_its_own_country(qtbot):
    dialog = open_dialog(qtbot, region="US")
    dialog.name_edit.setText("Maria")
    row = dialog.phones.rows[0]
    qtbot.keyClicks(row.value_edit, "(84) 98888-7777")
    assert dialog.validate()["phones"][0]["e164"] == ""      # not a US number
    assert row.feedback.text().startswith("kept as typed: not a valid number in United States (US)")
    row.region_box.setCurrentIndex(row.region_box.findData("BR"))
    phone = dialog.validate()["phones"][0]
    assert (phone["number"], phone["e164"], phone["region"]) == ("(84) 98888-7777", "+5584988887777", "BR")
    assert row.feedback.text() == "✓ +55 84 98888-7777 · read in Brazil (BR)"


def test_inline_validation_of_the_other_fields(qtbot):
    dialog = open_dialog(qtbot)
    dialog.name_edit.setText("Ana")
    dialog.more_button.click()
    qtbot.keyClicks(dialog.languages, "pt-BR, portuguese!")
    assert dialog.validate() is None
    assert "must be a language tag" in dialog.errors["languages"].text()
    dialog.languages.clear()
    qtbot.keyClicks(dialog.languages, "pt-BR, en")
    qtbot.keyClicks(dialog.timezone_edit, "x" * 65)
    assert dialog.validate() is None and "the limit is 64" in dialog.errors["timezone"].text()
    dialog.timezone_edit.clear()
    dialog.timezone_edit.textEdited.emit("")
    dialog.gender.sex.setCurrentIndex(dialog.gender.sex.findData("O"))
    qtbot.keyClicks(dialog.gender.identity, "non-binary")
    fields = dialog.validate()
    assert fields["languages"] == ["pt-BR", "en"] and fields["gender"] == "O;non-binary"
    # Save with an error under "More fields" opens it and puts the focus there
    qtbot.keyClicks(dialog.geo_edit, "g" * 201)
    dialog.more_button.click()
    assert not dialog.more.isVisible()
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.isVisible() and dialog.more.isVisible() and dialog.geo_edit.hasFocus()


def png_file(tmp_path, color="#ff0000", width=300, height=200, name="photo.png"):
    path = tmp_path / name
    path.write_bytes(image_bytes(color, width, height))
    return str(path)


def test_a_photo_from_a_file_is_cropped_square_and_can_be_removed(qtbot, tmp_path):
    dialog = open_dialog(qtbot)
    dialog.name_edit.setText("Rosa")
    # a wide image: the centre square is kept (a blue band on the left is cropped away)
    image = QImage(900, 600, QImage.Format_RGB32)
    image.fill(QColor("#ff0000"))
    for x in range(100):
        for y in range(600):
            image.setPixelColor(x, y, QColor("#0000ff"))
    path = str(tmp_path / "wide.jpg")
    image.save(path, "JPEG", 95)
    assert dialog.photo.load_file(path)
    photo = dialog.validate()["photo"]
    assert set(photo) == {"data"}
    stored = QImage.fromData(base64.b64decode(photo["data"]))
    assert (stored.width(), stored.height()) == (512, 512)            # square, at most 512 px
    assert stored.pixelColor(5, 256).red() > 200                      # the blue band is gone
    assert dialog.has_changes() and dialog.photo.remove_button.isEnabled()
    dialog.photo.remove_button.click()
    assert dialog.validate()["photo"] == {} and not dialog.photo.remove_button.isEnabled()
    # not an image: said under the photo, nothing changed
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not dialog.photo.load_file(str(text))
    assert "Not an image" in dialog.photo.feedback.text() and dialog.validate()["photo"] == {}


def test_an_image_file_dropped_on_the_dialog_becomes_the_photo(qtbot, tmp_path):
    dialog = open_dialog(qtbot)
    dialog.name_edit.setText("Rosa")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(png_file(tmp_path))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    dialog.dropEvent(event)
    photo = dialog.validate()["photo"]
    stored = QImage.fromData(base64.b64decode(photo["data"]))
    assert (stored.width(), stored.height()) == (200, 200)


@pytest.fixture
def window(qtbot, tmp_path):
    fake = FakeContactsService(region="BR")
    contact = iphone_contact()
    contact.pop("id")
    fake.add_contact(dict(contact, id="joao"))
    window = create_window(settings=QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat),
                           client_factory=lambda: fake, poll_interval_ms=100, host="127.0.0.1", port=9999,
                           region="BR")
    window.fake = fake
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 1, timeout=3000)
    yield window
    window.close()


def test_saving_an_edit_never_drops_a_field(qtbot, window):
    fake = window.fake
    before = copy.deepcopy(fake.contacts["joao"])
    assert before["extra"] and before["related"] and before["n"]     # a rich card, with extras kept verbatim
    window.select_contact("joao")
    window.edit_action.trigger()
    dialog = window.contact_dialog
    dialog.title_edit.setText("Diretor")
    dialog.title_edit.textEdited.emit("Diretor")
    dialog.buttons.button(dialog.buttons.Save).click()
    qtbot.waitUntil(lambda: fake.contacts["joao"]["title"] == "Diretor", timeout=3000)
    after = fake.contacts["joao"]
    assert {f: after[f] for f in FIELDS if after[f] != before[f]} == {"title": "Diretor"}
    assert fake.calls.count("update_contact") == 1


def test_add_a_contact_with_a_photo_and_see_it(qtbot, window, tmp_path):
    window.new_action.trigger()
    dialog = window.contact_dialog
    qtbot.keyClicks(dialog.name_edit, "Rosa Vermelho")
    assert dialog.photo.load_file(png_file(tmp_path, "#00ff00", 400, 400))
    dialog.birthday.day.setCurrentIndex(1)
    dialog.birthday.month.setCurrentIndex(6)
    dialog.buttons.button(dialog.buttons.Save).click()
    qtbot.waitUntil(lambda: any(c["name"] == "Rosa Vermelho" for c in window.fake.contacts.values()), timeout=3000)
    stored = next(c for c in window.fake.contacts.values() if c["name"] == "Rosa Vermelho")
    assert set(stored["photo"]) == {"hash", "type", "size"} and stored["birthday"] == "--06-01"
    qtbot.waitUntil(lambda: (window.current_contact() or {}).get("id") == stored["id"], timeout=3000)
    qtbot.waitUntil(window.detail.showing_photo, timeout=3000)
    image = window.detail.avatar.pixmap().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert (centre.red(), centre.green(), centre.blue()) < (8, 256, 8) and centre.green() > 245   # JPEG: nearly
    # the photo the dialog made was not fetched back: it is the one stored (same hash)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.fake.contacts[stored["id"]]["deleted"], timeout=3000)


def test_a_remote_change_to_a_rich_field_is_taken_in(qtbot):
    contact = iphone_contact()
    dialog = open_dialog(qtbot, contact)
    qtbot.keyClicks(dialog.organization_edit, " SA")
    theirs = dict(contact, birthday="1990-04-15", groups=["Family"], updated=[9, 2])
    dialog.contact_changed("x", theirs)
    assert dialog.birthday.year.text() == "1990" and dialog.groups.chips == ["Family"]
    assert "birthday" in dialog.banner_text.text() and "groups" in dialog.banner_text.text()
    assert dialog.organization_edit.text() == "Acme Ltda. SA"

