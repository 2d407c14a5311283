"""The replicas as the replica in use sees them, for the cluster panel."""
from PyQt5.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PyQt5.QtGui import QBrush, QColor

from ...cluster_text import address_of, describe_age, describe_lag

COLUMNS = (QT_TRANSLATE_NOOP("ClusterModel", "Replica"), QT_TRANSLATE_NOOP("ClusterModel", "Address"),
           QT_TRANSLATE_NOOP("ClusterModel", "State"), QT_TRANSLATE_NOOP("ClusterModel", "Last seen"),
           QT_TRANSLATE_NOOP("ClusterModel", "Lag"))
GREEN, RED = QColor(30, 130, 60), QColor(190, 40, 40)


class ClusterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._in_use = None
        self._reachable = False

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ClusterModel", COLUMNS[section])
        return None

    def _age(self, last_seen):
        """describe_age (shared with the command line, in English) in the window's language."""
        english = describe_age(last_seen)
        if last_seen is None:
            return self.tr("never")
        if english == "just now":
            return self.tr("just now")
        number, _, unit = english.partition(" ")
        if unit == "s ago":
            return self.tr("{0} s ago").format(number)
        if unit == "min ago":
            return self.tr("{0} min ago").format(number)
        return english   # a date

    def _lag(self, behind):
        if behind is None:
            return self.tr("unknown")
        if behind == 0:
            return self.tr("up to date")
        return self.tr("%n update(s) behind", "", behind)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == 0:
                if row["replica_id"] == self._in_use:
                    return self.tr("replica {0} (in use)").format(row["replica_id"])
                return self.tr("replica {0}").format(row["replica_id"])
            if column == 1:
                return address_of(row.get("uri"))
            if column == 2:
                return self.tr("alive") if row.get("alive") else self.tr("down")
            if column == 3:
                return self._age(row.get("last_seen"))
            if column == 4:
                return self._lag(row.get("behind"))
        if role == Qt.ForegroundRole and column == 2:
            return QBrush(GREEN if row.get("alive") else RED)
        if role == Qt.ToolTipRole and column == 1:
            return row.get("uri")
        if role == Qt.UserRole:
            return row
        return None

    # -- updates from the poller ------------------------------------------------
    def set_status(self, rows, in_use):
        """Replace the rows (a handful of replicas: a reset is cheap and keeps nothing worth keeping)."""
        rows = sorted(rows, key=lambda r: r["replica_id"])
        self.beginResetModel()
        self._rows = rows
        self._in_use = in_use
        self._reachable = True
        self.endResetModel()

    def set_unreachable(self):
        """No replica answers: everyone we knew is shown down, last seen kept."""
        self.beginResetModel()
        self._rows = [dict(row, alive=False) for row in self._rows]
        self._in_use = None
        self._reachable = False
        self.endResetModel()

    def rows(self):
        return list(self._rows)

    def alive_count(self):
        return sum(1 for row in self._rows if row.get("alive"))

    def in_use(self):
        return self._in_use
