"""A contact's avatar: its photo in a circle, or its initials on a colour of its own.

Painted straight onto the list's rows (no widget per row) and made into a pixmap for the
detail pane and the dialog; the photo comes from the PhotoCache (never fetched here).
"""
from PyQt5.QtCore import QRectF, Qt
from PyQt5.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap

from ..photos import photo_hash
from ..presentation import avatar_color, initials


def paint_avatar(painter, rect, contact, photos=None, image=None):
    """Paint the avatar of ``contact`` in the square ``rect`` (a QRect/QRectF).

    ``image``: a QImage/QPixmap to show instead of the stored photo (the dialog's new photo)."""
    rect = QRectF(rect)
    side = int(min(rect.width(), rect.height()))
    picture = image
    if picture is None and photos is not None:
        digest = photo_hash(contact)
        if digest:
            ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
            picture = photos.pixmap(digest, max(1, int(side * ratio)))
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing, True)
    painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
    circle = QPainterPath()
    circle.addEllipse(rect)
    if picture is not None and not picture.isNull():
        painter.setClipPath(circle)
        if hasattr(picture, "toImage"):       # a QPixmap
            painter.drawPixmap(rect, picture, QRectF(picture.rect()))
        else:
            painter.drawImage(rect, picture, QRectF(picture.rect()))
    else:
        name = (contact or {}).get("name", "")
        painter.fillPath(circle, QColor(avatar_color(name)))
        font = QFont(painter.font())
        letters = initials(name, (contact or {}).get("n"))
        font.setPixelSize(max(6, int(side * (0.42 if len(letters) < 2 else 0.38))))
        font.setWeight(QFont.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignCenter, letters)
    painter.restore()


def avatar_pixmap(contact, side, photos=None, ratio=1.0, image=None):
    """The avatar as a ``side`` px pixmap (sharp on a screen of device pixel ratio ``ratio``)."""
    pixmap = QPixmap(int(side * ratio), int(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    paint_avatar(painter, QRectF(0, 0, side, side), contact, photos, image)
    painter.end()
    return pixmap
