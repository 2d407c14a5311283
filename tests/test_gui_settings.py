"""The settings that shape the window: the theme (light, dark, as the system), the vCard version
File → Export writes, and the default region taken from the locale at first start."""
import pytest
from PyQt5.QtCore import QSettings
from PyQt5.QtGui import QPalette
from PyQt5.QtWidgets import QApplication

from contacts.gui.app import create_window
from contacts.gui.theme import system_prefers_dark
from gui_fakes import FakeContactsService


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)


@pytest.fixture
def fake():
    service = FakeContactsService()
    service.add_contact({"id": "ada", "name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]})
    return service


@pytest.fixture
def window(qtbot, fake, settings):
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 1, timeout=3000)
    yield window
    window.close()


@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    style, palette = app.style().objectName(), QPalette(app.palette())
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    if hasattr(app, "contacts_theme"):
        del app.contacts_theme


def window_is_dark(app):
    return app.palette().color(QPalette.Window).lightness() < 128


def test_the_system_wish_is_read_where_desktops_put_it(qapp):   # QPalette(): the app's, light
    light = QPalette()
    assert system_prefers_dark({"CONTACTS_THEME": "dark"}, light, gsettings=lambda: "'prefer-light'")
    assert not system_prefers_dark({"CONTACTS_THEME": "light"}, light, gsettings=lambda: "'prefer-dark'")
    assert system_prefers_dark({}, light, gsettings=lambda: "'prefer-dark'")          # GNOME 42+
    assert not system_prefers_dark({}, light, gsettings=lambda: "'default'")
    assert system_prefers_dark({"GTK_THEME": "Adwaita:dark"}, light, gsettings=lambda: "")
    dark = QPalette()
    dark.setColor(QPalette.Window, dark.color(QPalette.Window).darker(400))
    assert system_prefers_dark({}, dark, gsettings=lambda: "")                         # a dark KDE palette
    assert not system_prefers_dark({}, light, gsettings=lambda: "")


def test_dark_light_and_system_themes_repaint_the_window(qtbot, window, settings, restore_theme):
    app = restore_theme
    assert not window_is_dark(app)
    window.use_theme("dark")
    assert window_is_dark(app) and app.style().objectName().lower() == "fusion"
    assert settings.value("ui/theme") == "dark"
    # text stays readable: light text on the dark window and base
    palette = window.detail.palette()
    assert palette.color(QPalette.WindowText).lightness() - palette.color(QPalette.Window).lightness() > 120
    assert palette.color(QPalette.Text).lightness() - palette.color(QPalette.Base).lightness() > 120
    window.use_theme("light")
    assert not window_is_dark(app) and settings.value("ui/theme") == "light"
    # as the system: dark when the desktop prefers dark, light when not
    # (the switcher keeps the palette the app started with: the one "system" and "light" go back to)
    app.contacts_theme.environ, app.contacts_theme.gsettings = {}, lambda: "'prefer-dark'"
    window.use_theme("system")
    assert window_is_dark(app)
    app.contacts_theme.gsettings = lambda: "'default'"
    window.use_theme("system")
    assert not window_is_dark(app)


def test_the_settings_dialog_sets_theme_and_vcard_version(qtbot, window, settings, fake, tmp_path, restore_theme):
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.theme_box.currentData() == "system" and dialog.vcard_box.currentData() == "3.0"
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.vcard_box.setCurrentIndex(dialog.vcard_box.findData("4.0"))
    dialog.buttons.button(dialog.buttons.Ok).click()
    assert window_is_dark(restore_theme)
    assert settings.value("export/vcard_version") == "4.0" and window.vcard_version == "4.0"
    path = tmp_path / "out.vcf"
    transfer = window.export_contacts(str(path))
    qtbot.waitUntil(lambda: transfer.done, timeout=5000)
    text = path.read_text()
    assert "VERSION:4.0" in text and "VERSION:3.0" not in text and "Ada Lovelace" in text
    window.show_settings()   # reopened: it shows what was chosen
    assert window.settings_dialog.vcard_box.currentData() == "4.0"
    assert window.settings_dialog.theme_box.currentData() == "dark"
    window.settings_dialog.reject()


def test_the_locale_region_is_remembered_at_first_start(qtbot, fake, settings, monkeypatch):
    monkeypatch.delenv("CONTACTS_DEFAULT_REGION", raising=False)
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    monkeypatch.setenv("LC_ALL", "pt_BR.UTF-8")
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    assert window.session.region == "BR" and settings.value("contacts/region") == "BR"
    window.close()
    monkeypatch.setenv("LANG", "en_US.UTF-8")   # the locale changes later: the region chosen stays
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    again = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                          host="127.0.0.1", port=9999)
    qtbot.addWidget(again)
    assert again.session.region == "BR"
    again.close()
