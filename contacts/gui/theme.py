"""Light or dark, following the system unless the settings say otherwise.

Qt 5 has no "the desktop prefers dark" call, so the system's wish is read where desktops
put it: ``CONTACTS_THEME`` (light/dark, an override), GNOME's ``color-scheme`` (through
gsettings, when present), ``GTK_THEME`` ending in ``:dark``; else the palette Qt started
with (a dark KDE palette is dark: its window colour is dark). Dark is Qt's Fusion style
with a dark palette (Fusion draws every widget from the palette; the platform styles
ignore part of it).
"""
import os
import shutil
import subprocess

from PyQt5.QtGui import QColor, QPalette

THEMES = ("system", "light", "dark")
THEME_ENV = "CONTACTS_THEME"


def system_prefers_dark(environ=None, palette=None, gsettings=None):
    environ = os.environ if environ is None else environ
    forced = environ.get(THEME_ENV, "").lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    if environ.get("GTK_THEME", "").lower().endswith(":dark"):
        return True
    scheme = gsettings() if gsettings else _gnome_color_scheme()
    if scheme:
        return "dark" in scheme
    return palette is not None and palette.color(QPalette.Window).lightness() < 128


def _gnome_color_scheme():
    tool = shutil.which("gsettings")
    if not tool:
        return ""
    try:   # a second at most: this runs once, before the window shows
        return subprocess.run([tool, "get", "org.gnome.desktop.interface", "color-scheme"],
                              capture_output=True, text=True, timeout=1).stdout.strip().lower()
    except (OSError, subprocess.SubprocessError):
        return ""


def dark_palette():
    palette = QPalette()
    base, window, text, mid = QColor(30, 31, 34), QColor(43, 45, 48), QColor(230, 230, 230), QColor(90, 92, 96)
    for role, color in ((QPalette.Window, window), (QPalette.WindowText, text), (QPalette.Base, base),
                        (QPalette.AlternateBase, window), (QPalette.ToolTipBase, window),
                        (QPalette.ToolTipText, text), (QPalette.Text, text), (QPalette.Button, window),
                        (QPalette.ButtonText, text), (QPalette.BrightText, QColor(255, 90, 90)),
                        (QPalette.Link, QColor(110, 168, 254)), (QPalette.LinkVisited, QColor(180, 140, 250)),
                        (QPalette.Highlight, QColor(53, 132, 228)), (QPalette.HighlightedText, QColor(255, 255, 255)),
                        (QPalette.PlaceholderText, QColor(150, 150, 150)), (QPalette.Mid, mid),
                        (QPalette.Dark, QColor(20, 20, 22)), (QPalette.Light, QColor(70, 72, 76)),
                        (QPalette.Midlight, QColor(58, 61, 66)), (QPalette.Shadow, QColor(0, 0, 0))):
        palette.setColor(role, color)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor(120, 120, 120))
    return palette


class ThemeSwitcher:
    """Applies a theme to the application and can go back to the one it started with."""

    def __init__(self, app, environ=None, gsettings=None):
        self.app = app
        self.environ = environ
        self.gsettings = gsettings
        self.original_style = app.style().objectName()
        self.original_palette = QPalette(app.palette())
        self.dark = False

    def apply(self, theme):
        """``theme``: system, light or dark. Returns True when the window is now dark."""
        theme = theme if theme in THEMES else "system"
        dark = theme == "dark" or (theme == "system" and system_prefers_dark(
            self.environ, self.original_palette, self.gsettings))
        if dark:
            self.app.setStyle("Fusion")
            self.app.setPalette(dark_palette())
        elif theme == "light" and self.original_palette.color(QPalette.Window).lightness() < 128:
            self.app.setStyle("Fusion")   # the system's palette is dark: a light one of Fusion's
            self.app.setPalette(self.app.style().standardPalette())
        else:
            self.app.setStyle(self.original_style)
            self.app.setPalette(self.original_palette)
        self.dark = dark
        self.app.setProperty("contactsDarkTheme", dark)
        return dark
