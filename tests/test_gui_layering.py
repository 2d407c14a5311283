"""The GUI imports the client; the client (and everything below it) never imports Qt."""
import subprocess
import sys


def test_client_and_file_formats_load_without_qt():
    code = ("import sys, contacts.client, contacts.formats.importing, contacts.formats.vcard, contacts.formats.csvio, contacts.cli; "
            "print(sorted(m for m in sys.modules if m.startswith('PyQt5')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
