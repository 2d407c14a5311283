import os

# Qt tests run without a display
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window in English whatever the machine's locale (tests/test_translations.py asks for Portuguese)
os.environ.setdefault("CONTACTS_LANGUAGE", "en")

import sys  # noqa: E402

import pytest  # noqa: E402

from contacts.cluster import LocalCluster


@pytest.fixture(autouse=True)
def no_modifier_left_held():
    """Release what a Qt test left held: qtbot.keyClick(w, key, Qt.ShiftModifier) never
    releases Shift itself, so the application goes on believing it is down, and the next
    test's table.selectRow() extends a selection from nowhere instead of selecting
    (the trash test failed after the Shift+End one, only in that order)."""
    yield
    if "PyQt5.QtWidgets" not in sys.modules:
        return   # not a GUI test: do not start Qt
    from PyQt5.QtCore import Qt
    from PyQt5.QtTest import QTest
    from PyQt5.QtWidgets import QApplication, QWidget
    if QApplication.instance() is None or QApplication.keyboardModifiers() == Qt.NoModifier:
        return
    target = QWidget()
    for modifier, key in ((Qt.ShiftModifier, Qt.Key_Shift), (Qt.ControlModifier, Qt.Key_Control),
                          (Qt.AltModifier, Qt.Key_Alt), (Qt.MetaModifier, Qt.Key_Meta)):
        if QApplication.keyboardModifiers() & modifier:
            QTest.keyRelease(target, key)
    target.deleteLater()


@pytest.fixture
def cluster_factory(tmp_path):
    """Start real clusters (name server + replica processes on free loopback ports)."""
    clusters = []

    def make(replicas=3, replica_args=(), env=None, name="cluster"):
        cluster = LocalCluster(tmp_path / name, replica_args=replica_args, env=env)
        clusters.append(cluster)
        cluster.start(replicas)
        return cluster

    yield make
    for cluster in clusters:
        cluster.stop()


@pytest.fixture
def cluster(cluster_factory):
    """A running 3-replica cluster."""
    return cluster_factory(3)
