"""Sharing one contact: as a .vcf file, or as a QR code holding its vCard (a phone's camera
adds it to that phone's contacts).

The .vcf is the export of that one contact (:func:`.transfer.export_contacts`, the same
writer as ``contacts export``, photo included). The QR code holds the vCard 3.0 of the
contact without its photo and the card's verbatim properties (a QR code holds at most
2,953 bytes; a photo alone is far more); when even that does not fit (long notes), the
dialog says so and offers the .vcf instead. The code is made by segno.
"""
import io

import segno
from PyQt5.QtCore import QCoreApplication, Qt
from PyQt5.QtGui import QImage, QPixmap
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout

from .transfer import export_contacts, file_name

#: pixels per module of the code shown (a 30-line card makes a code of ~70 modules: ~420 px)
SCALE = 6


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


def qr_text(contact):
    """The vCard a QR code of ``contact`` holds: vCard 3.0, no photo, no verbatim extras."""
    from ...formats.vcard import contact_to_vcard
    return contact_to_vcard(dict(contact, photo={}, extra=[]), version="3.0")


def qr_code(contact):
    """(segno QR code, its text), or (None, why not) when the card does not fit in one."""
    text = qr_text(contact)
    try:
        return segno.make_qr(text, error="l", boost_error=True), text
    except segno.DataOverflowError:
        return None, _translate("Share", "{name} holds too much for a QR code ({size} bytes of vCard; a QR code holds at "
                                "most 2953). Share it as a .vcf file instead.").format(
            name=contact.get("name") or _translate("Share", "This contact"), size=len(text.encode("utf-8")))


class QrDialog(QDialog):
    def __init__(self, contact, parent=None):
        super().__init__(parent)
        self.contact = contact
        self.setWindowTitle(_translate("Share", "QR code — {name}").format(name=contact.get("name", "")))
        layout = QVBoxLayout(self)
        self.code, self.text = qr_code(contact)
        self.image = QLabel()
        self.image.setObjectName("qrImage")
        self.image.setAlignment(Qt.AlignCenter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        if self.code is None:
            self.image.setText(self.text)
            self.image.setWordWrap(True)
            share = self.buttons.addButton(_translate("Share", "Share as .vcf…"), QDialogButtonBox.ActionRole)
            share.clicked.connect(lambda: (self.accept(), share_vcard(parent, contact)))
        else:
            self.image.setPixmap(QPixmap.fromImage(QImage.fromData(self.png(), "PNG")))
            hint = QLabel(_translate("Share", "Point a phone's camera at it to add the contact (without the photo)."))
            hint.setAlignment(Qt.AlignCenter)
            hint.setWordWrap(True)
            layout.addWidget(hint)
            save = self.buttons.addButton(_translate("Share", "&Save image…"), QDialogButtonBox.ActionRole)
            save.clicked.connect(self.save_image)
        layout.insertWidget(0, self.image, 1)
        layout.addWidget(self.buttons)

    def png(self, scale=SCALE):
        out = io.BytesIO()
        self.code.save(out, kind="png", scale=scale, border=4)
        return out.getvalue()

    def save_image(self, path=None):
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, _translate("Share", "Save QR code"), file_name(self.contact["name"]) + ".png",
                                                  _translate("Share", "PNG image (*.png)"))
            if not path:
                return None
        with open(path, "wb") as out:
            out.write(self.png(scale=10))
        return path


def share_vcard(window, contact, path=None):
    """One contact as a .vcf file (asked where when ``path`` is None)."""
    return export_contacts(window, path, "vcard" if path else None, contacts=[contact])


def show_qr(window, contact):
    dialog = QrDialog(contact, window)
    window.qr_dialog = dialog
    dialog.open()
    return dialog
