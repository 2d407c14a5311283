"""Refresh the translations: pylupdate5 (ships with PyQt5) adds the window's new strings to
each .ts, keeping the translations made; then, after translating them (Qt Linguist or any
editor), ``--compile`` runs Qt's lrelease (apt install qttools5-dev-tools) to make the .qm
files that are committed. tests/test_translations.py fails until both are done.

    python scripts/update_translations.py            # .ts from the sources
    python scripts/update_translations.py --compile  # .qm from the .ts
"""
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from contacts.gui.translation import LANGUAGES, TRANSLATED_SOURCES, TRANSLATIONS  # noqa: E402

GUI = TRANSLATIONS.parent


def main(argv):
    if "--compile" in argv:
        lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
        for language in (*LANGUAGES, "en"):
            ts = TRANSLATIONS / f"contacts_{language}.ts"
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        return 0
    for language in (*LANGUAGES, "en"):
        subprocess.run(["pylupdate5", "-noobsolete", *TRANSLATED_SOURCES,
                        "-ts", str(TRANSLATIONS / f"contacts_{language}.ts")], cwd=GUI, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
