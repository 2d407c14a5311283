"""Contact photos, fetched and decoded off the GUI thread, held in a bounded cache.

A contact's ``photo`` register names its bytes by sha256 (docs/contact-model.md); the bytes
come from ``client.get_photo(hash)``. Views ask :meth:`PhotoCache.pixmap` while painting:
a held photo is returned at once, a missing one is asked for and ``photoReady(hash)`` tells
when it arrived (the view repaints). Nothing here waits.

Why this shape:
- The fetch *and* the decoding run on the service lane (``submit`` runs ``fn(client)`` there,
  below the user's actions): decoding a big JPEG is a pause the GUI thread must not take
  while the user scrolls. ``QImage`` may be made on any thread; only the
  small ``QPixmap`` the views paint is made here, on the GUI thread.
- One fetch at a time, for the few photos asked for last (the rows on screen now): a fast
  scroll through a big book asks for thousands, and only the newest ``queue_limit``
  are kept waiting; the rest are asked again if their rows are painted again.
- At most ``capacity`` photos are held (each a ``SIDE`` px square): memory stays
  bounded however many contacts have photos.
"""
import base64
import collections

from PyQt5.QtCore import QObject, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QImage, QPixmap

from ..errors import ValidationError

#: the side of the square a photo is kept at (the detail pane's avatar, on a 1.5x screen)
SIDE = 160
CAPACITY = 200
BATCH = 6
QUEUE_LIMIT = 48
#: after a fetch found no replica, wait this long before asking again
RETRY_MS = 2000


def square_image(raw, side=SIDE):
    """The centre square of an image's bytes, scaled to ``side``; a null QImage if unreadable.
    Safe on any thread (QImage, not QPixmap)."""
    image = QImage.fromData(raw)
    if image.isNull():
        return image
    edge = min(image.width(), image.height())
    square = image.copy((image.width() - edge) // 2, (image.height() - edge) // 2, edge, edge)
    if edge > side:
        square = square.scaled(side, side, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    return square.convertToFormat(QImage.Format_ARGB32_Premultiplied)


def photo_hash(contact):
    """The hash of a contact's stored photo, or None (none, or only a URI: not fetched)."""
    photo = (contact or {}).get("photo") or {}
    digest = photo.get("hash")
    return digest if isinstance(digest, str) and digest else None


class PhotoCache(QObject):
    #: a photo asked for is now held (or known to be unreadable: pixmap() stays None)
    photoReady = pyqtSignal(str)

    def __init__(self, submit, parent=None, capacity=CAPACITY, batch=BATCH, queue_limit=QUEUE_LIMIT):
        """``submit(fn, on_done, on_error)`` runs ``fn(client)`` on the service lane."""
        super().__init__(parent)
        self._submit = submit
        self.capacity, self.batch, self.queue_limit = capacity, batch, queue_limit
        self._held = collections.OrderedDict()     # hash -> [QImage, {size: QPixmap}], oldest first
        self._unreadable = set()                   # hashes whose bytes are not an image (or gone)
        self._wanted = collections.OrderedDict()   # hash -> None, newest last
        self._in_flight = ()                       # the hashes being fetched now
        self.fetched = 0                           # photos read from the cluster (for tests, benches)

    # -- reading (GUI thread) -----------------------------------------------------------
    def image(self, digest):
        """The photo's QImage if held (asking for it otherwise), else None."""
        if not digest or digest in self._unreadable:
            return None
        entry = self._held.get(digest)
        if entry is None:
            self._want(digest)
            return None
        self._held.move_to_end(digest)
        return entry[0]

    def pixmap(self, digest, size):
        """The photo as a ``size`` px square QPixmap if held (asking for it otherwise), else None."""
        image = self.image(digest)
        if image is None:
            return None
        scaled = self._held[digest][1]
        pixmap = scaled.get(size)
        if pixmap is None:
            pixmap = QPixmap.fromImage(image.scaled(size, size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
                                       if image.width() != size else image)
            scaled[size] = pixmap
        return pixmap

    def held_count(self):
        return len(self._held)

    def is_unreadable(self, digest):
        return digest in self._unreadable

    def put(self, digest, raw):
        """A photo known without asking (the edit dialog just read it from a file)."""
        image = square_image(raw)
        if not image.isNull():
            self._store(digest, image)

    # -- fetching -------------------------------------------------------------------------
    def _want(self, digest):
        if digest in self._in_flight:
            return
        self._wanted.pop(digest, None)
        self._wanted[digest] = None
        while len(self._wanted) > self.queue_limit:
            self._wanted.popitem(last=False)     # the oldest: scrolled past by now
        self._fetch_next()

    def _fetch_next(self):
        if self._in_flight or not self._wanted:
            return
        digests = []
        while self._wanted and len(digests) < self.batch:
            digests.append(self._wanted.popitem(last=True)[0])   # the rows painted last first
        self._in_flight = tuple(digests)

        def job(client):
            # on the lane: fetch and decode; a photo the replica does not have is "unreadable",
            # a replica that stops answering ends the batch (the rest is asked again later)
            images = {}
            for digest in digests:
                try:
                    raw = base64.b64decode(client.get_photo(digest))
                except (ValidationError, LookupError):   # not on the replica: initials
                    images[digest] = None
                    continue
                except Exception:   # unavailable: the views keep the initials for now
                    break
                images[digest] = square_image(raw)
            return images, [d for d in digests if d not in images]
        self._submit(job, self._arrived, lambda exc: self._arrived(({}, digests)))

    def _arrived(self, result):
        self._in_flight = ()
        images, not_read = result
        for digest, image in images.items():
            self.fetched += 1
            if image is None or image.isNull():
                self._unreadable.add(digest)
            else:
                self._store(digest, image)
            self.photoReady.emit(digest)
        if not_read:
            # no replica answered: ask again in a while, not in a loop that keeps the lane busy
            for digest in reversed(not_read):
                self._wanted.setdefault(digest, None)
            QTimer.singleShot(RETRY_MS, self._fetch_next)
        else:
            self._fetch_next()

    def _store(self, digest, image):
        self._held[digest] = [image, {}]
        self._held.move_to_end(digest)
        while len(self._held) > self.capacity:
            self._held.popitem(last=False)
