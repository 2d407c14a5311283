"""The contact dialog: field-by-field feedback with the replicas' own rules, and live changes."""
import pytest
from PyQt5.QtCore import QEvent, Qt
from PyQt5.QtGui import QKeyEvent
from PyQt5.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from contacts.gui.views.contact_dialog import ContactDialog

ADA = {"id": "ada", "name": "Ada Lovelace", "organization": "Analytical Engines", "notes": "",
       "phones": [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958"}],
       "emails": [{"label": "work", "address": "ada@example.com"}], "deleted": False, "updated": [4, 1]}


@pytest.fixture
def dialog(qtbot):
    dialog = ContactDialog("US")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, widget, text):
    widget.clear() if hasattr(widget, "clear") else None
    qtbot.keyClicks(widget, text)


def type_text(qtbot, widget, text):
    """Like qtbot.keyClicks, also for letters outside ASCII (QTest asserts on those)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def visible_errors(dialog):
    errors = {field: label.text() for field, label in dialog.errors.items() if label.isVisible()}
    for kind, entries in (("phones", dialog.phones), ("emails", dialog.emails)):
        for index, row in enumerate(entries.rows):
            if row.feedback.isVisible() and row.error:
                errors[f"{kind}[{index}]"] = row.feedback.text()
    return errors


def test_a_valid_contact_with_several_labelled_phones_and_emails(qtbot, dialog):
    type_into(qtbot, dialog.name_edit, "Ada Lovelace")
    type_into(qtbot, dialog.phones.rows[0].value_edit, "(202) 555-0143")
    dialog.phones.add_row("work", "+44 20 7946 0958")
    type_into(qtbot, dialog.emails.rows[0].value_edit, "ada@example.com")
    dialog.emails.add_row("other", "countess@example.org")
    dialog.emails.add_row()                      # an empty row is left out, not an error
    assert visible_errors(dialog) == {}
    # formatted as typed; how it is stored, and the region it was read in
    assert dialog.phones.rows[0].feedback.text() == "✓ +1 202-555-0143 · read in United States (US)"
    assert dialog.phones.rows[1].feedback.text() == "✓ United Kingdom, by its country code"
    fields = dialog.validate()
    assert fields["phones"] == [
        {"label": "mobile", "number": "(202) 555-0143", "e164": "+12025550143", "region": "US", "pref": None},
        {"label": "work", "number": "+44 20 7946 0958", "e164": "+442079460958", "region": "", "pref": None}]
    assert [e["address"] for e in fields["emails"]] == ["ada@example.com", "countess@example.org"]
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.buttons.button(dialog.buttons.Save).click()


@pytest.mark.parametrize("where, text, message", [
    ("name", "", "must not be empty"),
    ("name", "x" * 201, "is 201 characters long, the limit is 200"),
    ("name", "Ada\tLovelace", "must not contain control characters"),
    ("organization", "o" * 201, "is 201 characters long, the limit is 200"),
    ("phone", "1" * 41, "is 41 characters long, the limit is 40"),
    ("phone_label", "l" * 41, "label: is 41 characters long, the limit is 40"),
    ("email", "ada.example.com", "is not an email address"),
    ("email", "ada@", "is not an email address"),
    ("email", "ada@example..com", "is not an email address"),
    ("email_label", "l" * 41, "label: is 41 characters long, the limit is 40"),
])
def test_each_kind_of_bad_input_is_named_under_its_field_and_blocks_saving(qtbot, dialog, where, text, message):
    type_into(qtbot, dialog.name_edit, "Ada")
    targets = {"name": dialog.name_edit, "organization": dialog.organization_edit,
               "phone": dialog.phones.rows[0].value_edit, "email": dialog.emails.rows[0].value_edit,
               "phone_label": dialog.phones.rows[0].label_box.lineEdit(),
               "email_label": dialog.emails.rows[0].label_box.lineEdit()}
    if where == "phone_label":
        type_into(qtbot, dialog.phones.rows[0].value_edit, "+1 202 555 0143")
    if where == "email_label":
        type_into(qtbot, dialog.emails.rows[0].value_edit, "ada@example.com")
    widget = targets[where]
    widget.clear()
    if where == "name" and not text:
        qtbot.keyClicks(widget, "x")
        qtbot.keyClick(widget, Qt.Key_Backspace)   # the user emptied it
    else:
        widget.insert(text) if "\t" in text else qtbot.keyClicks(widget, text)
        if "\t" in text:
            widget.textEdited.emit(widget.text())
    errors = visible_errors(dialog)
    key = {"name": "name", "organization": "organization", "phone": "phones[0]", "phone_label": "phones[0]",
           "email": "emails[0]", "email_label": "emails[0]"}[where]
    assert list(errors) == [key], errors
    assert message in errors[key]
    assert dialog.validate() is None
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.isVisible() and dialog.result() == 0


@pytest.mark.parametrize("typed", ["call me", "12", "+44 20 7946 09581111"])
def test_a_phone_that_does_not_parse_is_kept_as_typed_not_refused(qtbot, dialog, typed):
    # issue 14: a phone never makes a contact refused; it is kept with no E.164 form
    type_into(qtbot, dialog.name_edit, "Ada")
    qtbot.keyClicks(dialog.phones.rows[0].value_edit, typed)
    assert visible_errors(dialog) == {}
    assert "kept as typed" in dialog.phones.rows[0].feedback.text()
    assert dialog.validate()["phones"][0]["e164"] == ""


def test_too_long_notes_and_too_many_phones(qtbot, dialog):
    type_into(qtbot, dialog.name_edit, "Ada")
    dialog.notes_edit.setPlainText("n" * 10_001)
    assert "is 10001 characters long, the limit is 10000" in visible_errors(dialog)["notes"]
    for _ in range(19):
        dialog.phones.add_row()
    assert len(dialog.phones.rows) == 20 and not dialog.phones.add_button.isEnabled()


def test_saving_an_untouched_new_contact_shows_the_missing_name(qtbot, dialog):
    assert visible_errors(dialog) == {}          # no red before the user did anything
    dialog.buttons.button(dialog.buttons.Save).click()
    assert visible_errors(dialog) == {"name": "must not be empty"}
    assert dialog.isVisible()


def test_remote_change_to_an_untouched_field_is_taken_in_and_announced(qtbot):
    dialog = ContactDialog("US", ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name_edit, "Ada King")
    theirs = dict(ADA, organization="Babbage & co", updated=[7, 2])
    dialog.contact_changed("ada", theirs)
    assert dialog.banner.isVisible() and "organization" in dialog.banner_text.text()
    assert dialog.organization_edit.text() == "Babbage & co"
    assert dialog.name_edit.text() == "Ada King"      # mine kept
    assert not dialog.use_theirs_button.isVisible()
    fields = dialog.validate()
    assert fields["name"] == "Ada King" and fields["organization"] == "Babbage & co"


def name_clash(qtbot):
    """A dialog where the user renamed Ada while someone else renamed her differently."""
    dialog = ContactDialog("US", ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name_edit, "Ada King")
    dialog.contact_changed("ada", dict(ADA, name="Augusta Ada", updated=[7, 2]))
    return dialog


def test_remote_change_to_the_field_being_edited_asks_the_user(qtbot):
    dialog = name_clash(qtbot)
    assert dialog.use_theirs_button.isVisible() and "name" in dialog.banner_text.text()
    assert dialog.name_edit.text() == "Ada King"      # nothing overwritten silently
    dialog.use_theirs_button.click()
    assert dialog.name_edit.text() == "Augusta Ada" and not dialog.banner.isVisible()


def test_keep_mine_after_a_clash_saves_with_force(qtbot):
    dialog = name_clash(qtbot)
    dialog.keep_mine_button.click()
    assert dialog.force and dialog.base["name"] == "Augusta Ada"
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.fields()["name"] == "Ada King"


def test_deleted_underneath_is_announced(qtbot):
    dialog = ContactDialog("US", ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.contact_removed("someone-else")
    assert not dialog.banner.isVisible()
    dialog.contact_removed("ada")
    assert dialog.banner.isVisible() and "deleted" in dialog.banner_text.text()
    assert dialog.deleted_underneath


@pytest.mark.parametrize("typed, shown", [
    ("2025550143", "(202) 555-0143"),
    ("+442079460958", "+44 20 7946 0958"),
    ("+55 11 987654321", "+55 11 98765-4321"),
    ("202555014x", "(202) 555-014x"),    # grouped while digits, then left as typed
])
def test_phone_numbers_are_grouped_as_they_are_typed(qtbot, dialog, typed, shown):
    edit = dialog.phones.rows[0].value_edit
    qtbot.keyClicks(edit, typed)
    assert edit.text() == shown
    qtbot.keyClick(edit, Qt.Key_Backspace)      # deleting is never fought
    assert edit.text() == shown[:-1]


@pytest.mark.parametrize("contact", [None, ADA], ids=["new", "edit"])
def test_the_dialog_opens_with_the_name_field_focused_and_space_types_a_space(qtbot, contact):
    dialog = ContactDialog("US", contact)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    assert QApplication.focusWidget() is dialog.name_edit
    if contact is not None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_A, Qt.ControlModifier)
    type_text(qtbot, QApplication.focusWidget(), "Ana Beatriz Gonçalves")
    assert dialog.isVisible()                       # no space pressed a button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)   # Return saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == dialog.Accepted
    assert dialog.fields()["name"] == "Ana Beatriz Gonçalves"
    buttons = [b for b in dialog.findChildren(QPushButton) if b.autoDefault()]
    assert buttons == []                             # only Save is the default, and only for Return


def focus_walk(dialog, steps):
    """The widgets Tab goes through, from the Name field on."""
    dialog.name_edit.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        dialog.focusNextChild()
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_follows_the_form_top_to_bottom_including_rows_added_later(qtbot, dialog):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    dialog.phones.add_button.click()             # rows added after the dialog opened
    dialog.emails.add_row("work", "ada@example.com")
    qtbot.waitUntil(lambda: dialog.phones.rows[1].isVisible() and dialog.emails.rows[1].isVisible(),
                    timeout=2000)

    def row(entry):
        return entry.focus_order()
    expected = [dialog.name_edit]
    expected += row(dialog.phones.rows[0]) + row(dialog.phones.rows[1]) + [dialog.phones.add_button]
    expected += row(dialog.emails.rows[0]) + row(dialog.emails.rows[1]) + [dialog.emails.add_button]
    expected += [dialog.addresses.add_button, dialog.organization_edit, dialog.title_edit]
    expected += dialog.birthday.focus_order() + [dialog.groups.entry, dialog.notes_edit, dialog.more_button,
                                                 dialog.buttons.button(dialog.buttons.Save),
                                                 dialog.buttons.button(dialog.buttons.Cancel)]
    assert focus_walk(dialog, len(expected) - 1) == expected
    # above the name: the star, then the photo's button (Remove is off: there is no photo)
    dialog.name_edit.setFocus()
    dialog.focusPreviousChild()
    assert QApplication.focusWidget() is dialog.starred_box
    dialog.focusPreviousChild()
    assert QApplication.focusWidget() is dialog.photo.choose_button
    # a phone row: its label, number, country, remove button
    assert row(dialog.phones.rows[0])[2] is dialog.phones.rows[0].region_box
    dialog.phones.remove_row(dialog.phones.rows[0])
    assert focus_walk(dialog, 5) == [dialog.name_edit] + row(dialog.phones.rows[0]) + [dialog.phones.add_button]
    # the fields under "More fields" join the walk when shown
    dialog.more_button.click()
    walk = focus_walk(dialog, 60)
    more = walk.index(dialog.more_button)
    assert walk[more + 1:more + 6] == dialog.name_details.focus_order()


def test_each_label_sits_level_with_the_top_of_its_field(qtbot, dialog):
    dialog.resize(540, 620)
    qtbot.waitUntil(lambda: dialog.notes_edit.isVisible() and dialog.notes_edit.height() > 0, timeout=2000)
    labels = {label.text(): label for label in dialog.findChildren(QLabel) if label.text() in (
        "Name", "Phones", "Notes")}
    fields = {"Name": dialog.name_edit, "Phones": dialog.phones.rows[0].value_edit, "Notes": dialog.notes_edit}
    for text, field in fields.items():
        label_top = labels[text].mapTo(dialog, labels[text].rect().topLeft()).y()
        field_top = field.mapTo(dialog, field.rect().topLeft()).y()
        assert abs(label_top - field_top) < 12, (text, label_top, field_top)


@pytest.fixture
def answers(monkeypatch):
    """What QMessageBox.question is asked, and the answer it gives (Discard unless told)."""
    asked = []
    answer = {"button": QMessageBox.Discard}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer["button"]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked, answer


def test_esc_in_an_empty_new_dialog_closes_it_without_asking(qtbot, dialog, answers):
    qtbot.keyClick(dialog.name_edit, Qt.Key_Escape)
    assert not dialog.isVisible() and answers[0] == []


def test_esc_in_a_filled_in_new_dialog_asks_before_discarding(qtbot, dialog, answers):
    asked, answer = answers
    qtbot.keyClicks(dialog.phones.rows[0].value_edit, "202")
    answer["button"] = QMessageBox.Cancel
    qtbot.keyClick(dialog.phones.rows[0].value_edit, Qt.Key_Escape)
    assert asked == ["Discard this contact?"] and dialog.isVisible()   # kept
    answer["button"] = QMessageBox.Discard
    qtbot.keyClick(dialog.phones.rows[0].value_edit, Qt.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible() and dialog.result() == dialog.Rejected


def test_esc_in_an_edit_dialog_asks_only_when_something_changed(qtbot, answers):
    asked, answer = answers
    dialog = ContactDialog("US", ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.name_edit, Qt.Key_Escape)
    assert not dialog.isVisible() and asked == []      # nothing changed: closes at once
    dialog = ContactDialog("US", ADA)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.organization_edit, " Ltd")
    answer["button"] = QMessageBox.Cancel
    qtbot.keyClick(dialog.organization_edit, Qt.Key_Escape)
    assert asked == ["Discard your changes to this contact?"] and dialog.isVisible()


def test_editing_keeps_what_the_dialog_does_not_show(qtbot):
    # a phone read in BR (e164 certain) shown in a window with no region: untouched, it
    # keeps its E.164 form, region and pref, so saving another field changes nothing else
    stored = {"id": "br", "name": "Maria", "organization": "", "notes": "", "emails": [],
              "phones": [{"label": "mobile", "number": "(84) 98888-7777", "e164": "+5584988887777",
                          "region": "BR", "pref": 1}], "groups": ["Family"], "birthday": "1985-04-15",
              "deleted": False, "updated": [3, 1]}
    dialog = ContactDialog(None, stored)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name_edit, "Maria Clara")
    fields = dialog.validate()
    assert fields["phones"] == stored["phones"]
    assert fields["groups"] == ["Family"] and fields["birthday"] == "1985-04-15"
    # what the dialog has no editor for comes back as it was
    assert "extra" not in fields     # the stored contact had none
    assert dialog.has_changes()


@pytest.mark.parametrize("region", [None, "US"])
def test_a_number_typed_with_its_own_punctuation_stays_as_typed(qtbot, region):
    # seen under Xvfb: '(84) 98888-7777' typed key by key was saved as '84988887777'
    # (the US as-you-type formatter gave up and its bare digits replaced the text)
    dialog = ContactDialog(region, None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.name_edit, "Maria")
    row = dialog.phones.rows[0]
    type_text(qtbot, row.value_edit, "(84) 98888-7777")
    assert row.value() == "(84) 98888-7777"
