"""The cluster panel: each replica, its address, alive or down, last seen and lag;
double-clicking one makes the window use it."""
from PyQt5.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt5.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView


class ClusterPanel(QDockWidget):
    #: the user double-clicked a replica (its id): use it
    replicaChosen = pyqtSignal(int)

    def __init__(self, cluster_model, parent=None):
        super().__init__(QCoreApplication.translate("ClusterPanel", "Cluster"), parent)
        self.setObjectName("clusterPanel")
        self.table = QTableView()
        self.table.setObjectName("clusterTable")
        self.table.setModel(cluster_model)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)   # Tab moves on, not from cell to cell
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("As the replica in use sees the cluster: lag is how many updates a "
                                      "replica still lacks; a replica is down after missing a few pings.\n"
                                      "Double-click a replica to use it (the window returns to it after a failover)."))
        self.table.doubleClicked.connect(self._chosen)
        self.setWidget(self.table)

    def _chosen(self, index):
        row = index.data(Qt.UserRole)
        if row and isinstance(row.get("replica_id"), int):
            self.replicaChosen.emit(row["replica_id"])
