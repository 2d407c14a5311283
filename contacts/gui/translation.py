"""The window's language: Qt's own mechanism (QTranslator and a compiled .qm), following the
system locale, English by default.

The .qm files are compiled from ``translations/contacts_<lang>.ts`` with Qt's ``lrelease``
(apt qttools5-dev-tools) and committed beside them, so installing the package needs no Qt tool;
tests/test_translations.py checks that each .qm says what its .ts says.
"""
import os
from pathlib import Path

from PyQt5.QtCore import QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).with_name("translations")
#: the languages the window has a complete translation for (besides English)
LANGUAGES = ("pt_BR",)
#: override for the system locale: ``CONTACTS_LANGUAGE=pt_BR`` or ``en``
LANGUAGE_ENV = "CONTACTS_LANGUAGE"


#: the modules whose strings are wrapped for translation (pylupdate5 reads these):
#: every module of the window with a word the user sees (tests/test_translations.py checks
#: that no module of contacts/gui is left out)
TRANSLATED_SOURCES = ("views/main_window.py", "views/sidebar.py", "views/settings_dialog.py",
                      "views/trash_dialog.py", "views/cluster_panel.py", "views/detail_pane.py",
                      "views/contact_dialog.py", "views/dialog_fields.py", "views/duplicates.py",
                      "views/import_preview.py", "views/share.py", "views/transfer.py",
                      "models/cluster_model.py", "models/contact_table_model.py", "presentation.py",
                      "session.py", "commands.py", "merging.py", "app.py")


def choose_language(settings=None, environ=None, locale=None):
    """``CONTACTS_LANGUAGE``, else the setting ``ui/language`` (unless "system"), else the
    system locale's (``LANG=pt_BR.UTF-8`` -> pt_BR; any Portuguese locale gets the Brazilian
    text, the one there is); English ("en") when none of ours fits."""
    environ = os.environ if environ is None else environ
    wanted = environ.get(LANGUAGE_ENV) or (settings.value("ui/language") if settings is not None else None)
    if not wanted or wanted == "system":
        wanted = (locale or QLocale.system()).name()
    wanted = str(wanted).split(".")[0].replace("-", "_")
    if wanted in LANGUAGES:
        return wanted
    same_language = [code for code in LANGUAGES if code.split("_")[0] == wanted.split("_")[0]]
    return same_language[0] if same_language else "en"


def _load(translator, path):
    """Load a private copy of ``path``: QTranslator maps the file it loads (mmap), and lrelease
    rewrites a .qm in place (same inode). A window running while ``update_translations.py
    --compile`` ran read the new file through the old file's offsets, found no message and fell
    back to English for good, even the English plural forms ("12 contact(s)"; docs/gui.md).
    The copy is unlinked at once: the mapping keeps it, and nothing can write to it."""
    import tempfile
    try:
        data = Path(path).read_bytes()
    except OSError:
        return False
    with tempfile.NamedTemporaryFile(prefix="contacts-", suffix=".qm") as copy:
        copy.write(data)
        copy.flush()
        return translator.load(copy.name)


def _qt_qm(language):
    qt_dir = Path(QLibraryInfo.location(QLibraryInfo.TranslationsPath))
    for name in (f"qtbase_{language}.qm", f"qtbase_{language.split('_')[0]}.qm"):
        if (qt_dir / name).is_file():
            return qt_dir / name
    return None


def install_translators(app, language):
    """Load the window's .qm for ``language`` (English too: its plural forms, "1 contact" and
    "2 contacts", come from contacts_en.qm) and Qt's own (the standard buttons: OK, Cancel…),
    replacing the ones installed before. Returns the translators installed."""
    for old in getattr(app, "contacts_translators", ()):
        app.removeTranslator(old)
        old.deleteLater()   # a child of the app: without this each change of language left one behind
    installed = []
    ours = QTranslator(app)
    if _load(ours, TRANSLATIONS / f"contacts_{language}.qm"):
        app.installTranslator(ours)
        installed.append(ours)
    if language != "en":
        qt_base = QTranslator(app)
        qt_qm = _qt_qm(language)
        if qt_qm is not None and _load(qt_base, qt_qm):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    app.contacts_translators = installed
    app.setProperty("contactsLanguage", language)
    return installed


def ensure_translated(app, settings=None):
    """Install the chosen language once per application (a window made by a test, or by
    :func:`contacts.gui.app.main`, which installs it before any widget)."""
    if app is not None and not app.property("contactsLanguage"):
        install_translators(app, choose_language(settings))
