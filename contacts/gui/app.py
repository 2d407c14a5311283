"""Putting the window together: name server address, QSettings, the client factory."""
import argparse
import os
import signal
import sys

from PyQt5.QtCore import QSettings, QTimer
from PyQt5.QtWidgets import QApplication

from .session import Session
from .theme import ThemeSwitcher
from .translation import choose_language, ensure_translated, install_translators
from .views.main_window import MainWindow

ORGANIZATION, APPLICATION = "replicated-contacts", "contacts-gui"
DEFAULT_NAME_SERVER = ("127.0.0.1", 9090)


def client_factory_for(host, port, timeout=3.0):
    """A function that makes the client; called on the service lane, never on the GUI thread."""
    def make():
        from ..client import ContactsClient
        return ContactsClient(ns_host=host, ns_port=port, timeout=timeout)
    return make


def resolve_name_server(settings, host=None, port=None, environ=None):
    """Command line first, then PYRO_NS_HOST/PORT (the cluster launcher sets them), then the
    address remembered from the last run, then Pyro5's default."""
    environ = os.environ if environ is None else environ
    host = host or environ.get("PYRO_NS_HOST") or settings.value("nameserver/host") or DEFAULT_NAME_SERVER[0]
    port = port or environ.get("PYRO_NS_PORT") or settings.value("nameserver/port") or DEFAULT_NAME_SERVER[1]
    return str(host), int(port)


def create_window(settings=None, host=None, port=None, client_factory=None, poll_interval_ms=None,
                  factory_for=client_factory_for, **session_options):
    """The main window, connected and polling (tests pass their own settings and factory, and
    may pass Session options such as ``large_book`` and ``page_size``)."""
    settings = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)
    name_server = resolve_name_server(settings, host, port)
    ensure_translated(QApplication.instance(), settings)
    kwargs = dict(session_options)
    # the region chosen in the settings; unset: CONTACTS_DEFAULT_REGION, else the locale's country
    remembered = settings.value("contacts/region")
    if "region" not in kwargs and remembered:
        kwargs["region"] = "" if remembered == "none" else str(remembered)
    if poll_interval_ms is not None:
        kwargs["poll_interval_ms"] = poll_interval_ms
    session = Session(client_factory or factory_for(*name_server), **kwargs)
    if not remembered and session.region:
        # first start: the region the locale gave is the setting from now on (changing LANG later
        # does not move numbers to another country behind the user's back)
        settings.setValue("contacts/region", session.region)
    window = MainWindow(session, settings, name_server, factory_for)
    session.setParent(window)
    session.start()
    return window


def main(argv=None):
    parser = argparse.ArgumentParser(prog="contacts-gui", description="The replicated contacts window.")
    parser.add_argument("--ns-host", help="name server host (default: PYRO_NS_HOST, then the last one used)")
    parser.add_argument("--ns-port", type=int, help="name server port (default: PYRO_NS_PORT, then the last one used)")
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = QSettings(ORGANIZATION, APPLICATION)
    # before any widget exists: every tr() then finds the language
    install_translators(app, choose_language(settings))
    app.setApplicationDisplayName(app.translate("MainWindow", "Contacts"))
    app.contacts_theme = ThemeSwitcher(app)
    app.contacts_theme.apply(str(settings.value("ui/theme") or "system"))
    window = create_window(settings=settings, host=args.ns_host, port=args.ns_port)
    window.show()
    _quit_on_signals(app, window)
    return app.exec_()


def _quit_on_signals(app, window):
    """SIGTERM (the cluster launcher stopping) and Ctrl-C quit cleanly, settings saved.

    Python runs signal handlers only between bytecodes, so a timer wakes the
    interpreter a few times a second while Qt's loop waits."""
    def stop(*_):
        window.save_settings()
        window.session.close()
        app.quit()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
