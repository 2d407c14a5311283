"""Which button Return presses in a dialog.

A QPushButton in a QDialog is "auto-default" unless told: the one that last had the focus takes
Return. A QDialogButtonBox's own buttons (Cancel, Close) are auto-default, so under a window
manager a dialog whose intended default was set with setDefault() still had Return close or
cancel it (seen under Xvfb + openbox: Return in the import preview cancelled the import).
"""


def make_default(box, button):
    """Return presses ``button`` wherever the focus is in the dialog (Esc still cancels)."""
    for other in box.buttons():
        other.setAutoDefault(False)
    button.setDefault(True)
