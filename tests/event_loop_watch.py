"""Watching the Qt event loop for stalls (the GUI must never block on the network)."""
from PyQt5.QtCore import QElapsedTimer, QTimer


class EventLoopWatch:
    """A QTimer ticking every ``interval_ms``; the gap between ticks is how long the
    event loop was kept from turning."""

    def __init__(self, interval_ms=50):
        self.ticks = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer()
        self._timer.timeout.connect(lambda: self.ticks.append(self._clock.elapsed()))
        self._timer.start(interval_ms)

    def stop(self):
        """Stop watching; returns the longest gap between two ticks, in ms."""
        self._timer.stop()
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:]))
