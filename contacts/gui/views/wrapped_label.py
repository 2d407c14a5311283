"""A word-wrapped QLabel that asks for the height it needs at its actual width."""
from PyQt5.QtWidgets import QLabel


class WrappedLabel(QLabel):
    """A word-wrapped label whose preferred height is the one it needs at its actual width.

    QLabel's own size hint is the height at a width of its choosing (narrower for long text),
    and the scroll area lays the pane out by size hints: the long values got the height of
    two or three lines, which showed as gaps under them."""

    def sizeHint(self):
        hint = super().sizeHint()
        if self.width() > 40:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        if self.width() > 40:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()
