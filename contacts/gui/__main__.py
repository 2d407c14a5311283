"""``python -m contacts.gui`` (and the ``contacts-gui`` script): open the window."""
import sys

from .app import main as _main


def main(argv=None):
    return _main(argv)


if __name__ == "__main__":
    sys.exit(main())
