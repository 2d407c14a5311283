"""The window's translations (Qt's own mechanism): every string the sources wrap has a
Brazilian Portuguese translation, the committed .qm files say what the .ts files say, and the
window in Portuguese shows Portuguese text that fits where it is shown."""
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PyQt5.QtCore import QSettings, QTranslator
from PyQt5.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu

from contacts.gui.app import create_window
from contacts.gui.translation import LANGUAGES, TRANSLATED_SOURCES, TRANSLATIONS, choose_language, install_translators
from gui_fakes import FakeContactsService

PLACEHOLDER = re.compile(r"\{\w+\}|%n")


def messages(ts_path):
    """{(context, source): (numerus, [translations], finished)} of a .ts file."""
    found = {}
    for context in ET.parse(ts_path).getroot().findall("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            forms = [f.text or "" for f in translation.findall("numerusform")] if numerus else [translation.text or ""]
            found[(name, message.find("source").text)] = (
                numerus, forms, translation.get("type") not in ("unfinished", "obsolete", "vanished"))
    return found


def test_every_wrapped_string_has_a_brazilian_portuguese_translation(tmp_path):
    # pylupdate5 ships with PyQt5: what the sources wrap today, not what the .ts remembers
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *TRANSLATED_SOURCES, "-ts", str(fresh)],
                   cwd=TRANSLATIONS.parent, check=True, capture_output=True)
    wrapped = messages(fresh)
    assert len(wrapped) > 150   # the window's menus, sidebar, details, settings, trash, cluster
    committed = messages(TRANSLATIONS / "contacts_pt_BR.ts")
    missing = [key for key in wrapped if key not in committed or not committed[key][2]
               or not all(form.strip() for form in committed[key][1])]
    assert not missing, f"run scripts/update_translations.py and translate: {missing[:10]}"
    for (context, source), (numerus, forms, _) in committed.items():
        for form in forms:   # "{0}" and "%n" survive the translation, and so does a mnemonic
            assert sorted(PLACEHOLDER.findall(form)) == sorted(set(PLACEHOLDER.findall(source))) or (
                numerus and PLACEHOLDER.findall(form) == []), (context, source, form)
            assert ("&" in source.replace("&amp;", "&")) == ("&" in form), (context, source, form)


@pytest.mark.parametrize("language", [*LANGUAGES, "en"])
def test_the_committed_qm_says_what_the_ts_says(language):
    """lrelease is not installed by CI: the .qm is committed, and must be compiled again
    (scripts/update_translations.py --compile) whenever its .ts changes."""
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"contacts_{language}.qm"))
    for (context, source), (numerus, forms, finished) in messages(TRANSLATIONS / f"contacts_{language}.ts").items():
        context, source = context.encode(), source.encode()   # PyQt5 passes a str here as ASCII
        if not finished:
            assert translator.translate(context, source) in ("", None), (context, source)
            continue
        if numerus:
            assert translator.translate(context, source, None, 1) == forms[0], (context, source)
            assert translator.translate(context, source, None, 7) == forms[-1], (context, source)
        else:
            assert translator.translate(context, source) == forms[0], (context, source)


def test_the_language_follows_the_locale_unless_told(tmp_path):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    from PyQt5.QtCore import QLocale
    assert choose_language(settings, {}, QLocale("pt_BR")) == "pt_BR"
    assert choose_language(settings, {}, QLocale("pt_PT")) == "pt_BR"   # the Portuguese there is
    assert choose_language(settings, {}, QLocale("de_DE")) == "en"
    assert choose_language(settings, {"CONTACTS_LANGUAGE": "en"}, QLocale("pt_BR")) == "en"
    settings.setValue("ui/language", "pt_BR")
    assert choose_language(settings, {}, QLocale("en_US")) == "pt_BR"
    settings.setValue("ui/language", "system")
    assert choose_language(settings, {}, QLocale("en_US")) == "en"


@pytest.fixture
def portuguese(qtbot):
    app = QApplication.instance()
    install_translators(app, "pt_BR")
    yield app
    install_translators(app, "en")


def visible_texts(window):
    texts = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            texts.append(widget.text())
    for action in window.menuBar().actions():
        texts.append(action.text())
        for sub in action.menu().actions():
            texts.append(sub.text())
    return [t for t in texts if t]


def test_the_window_in_portuguese_shows_portuguese_that_fits(qtbot, portuguese, tmp_path):
    fake = FakeContactsService()
    fake.add_contact({"id": "ana", "name": "Ana Beatriz Gonçalves", "organization": "Prefeitura de Natal",
                      "groups": ["Família"], "birthday": "--04-15",
                      "phones": [{"label": "mobile", "number": "+55 84 98888-7777"}],
                      "emails": [{"label": "work", "address": "ana@natal.rn.gov.br"}]})
    fake.add_contact({"id": "joao", "name": "João Silva", "phones": [{"label": "home", "number": "+55 84 3215-3800"}]})
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.IniFormat)
    window = create_window(settings=settings, client_factory=lambda: fake, poll_interval_ms=100,
                           host="127.0.0.1", port=9999)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.contacts.rowCount() == 2, timeout=3000)
    window.select_contact("ana")
    qtbot.waitUntil(lambda: window.detail.contact is not None, timeout=3000)

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Arquivo", "&Editar", "E&xibir"]
    assert window.count_label.text() == "2 contatos"
    assert window.search.placeholderText() == "Buscar em todos os campos  (Ctrl+F)"
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar[:2] == ["Todos os contatos", "Favoritos"] and sidebar[-1] == "Lixeira"
    details = window.detail.text()
    assert "Celular: +55 84 98888-7777" in details and "Trabalho: ana@natal.rn.gov.br" in details
    titles = [label.text() for label in window.detail.findChildren(QLabel, "sectionTitle")]
    assert "TELEFONES" in titles and "E-MAILS" in titles and "DATAS" in titles

    # no English left where a translation exists, and nothing cut off: a label or button is
    # at least as wide as the text it holds needs (a word-wrapping one may take more lines)
    english = {source.replace("&amp;", "&") for (_, source), (_, forms, _) in
               messages(TRANSLATIONS / "contacts_pt_BR.ts").items() if forms[0] != source}
    shown = visible_texts(window)
    assert not [t for t in shown if t in english], shown
    qtbot.waitUntil(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), timeout=3000)
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not any(ch.isalpha() for ch in widget.text()) or (
                isinstance(widget, QLabel) and widget.wordWrap()):
            continue   # (the ☆ button is a glyph drawn in a square of its own)
        if widget.width() < widget.minimumSizeHint().width():
            cut.append((widget.text(), widget.width(), widget.minimumSizeHint().width()))
    assert not cut, cut
    # the sidebar's items and their counts side by side, not over each other
    metrics = window.sidebar.fontMetrics()
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        needed = window.sidebar.sizeHintForIndex(window.sidebar.indexFromItem(item)).width()
        assert needed <= window.sidebar.viewport().width(), (item.text(), needed, window.sidebar.viewport().width())
    assert metrics.horizontalAdvance("Todos os contatos") < window.sidebar.viewport().width() - 30

    # the settings dialog in Portuguese: every row's label fits beside its field
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.windowTitle() == "Configurações"
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    assert "Região padrão" in [w.text() for w in labels] and "Tema" in [w.text() for w in labels]
    assert not [w.text() for w in labels if not w.wordWrap() and w.width() < w.sizeHint().width()]
    assert dialog.buttons.button(dialog.buttons.Cancel).text() == "Cancelar"   # Qt's own qtbase_pt_BR
    dialog.reject()
    window.close()
