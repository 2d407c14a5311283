"""The cluster panel: each replica, its address, alive or down, last seen and lag."""
from PyQt5.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView


class ClusterPanel(QDockWidget):
    def __init__(self, cluster_model, parent=None):
        super().__init__("Cluster", parent)
        self.setObjectName("clusterPanel")
        self.table = QTableView()
        self.table.setObjectName("clusterTable")
        self.table.setModel(cluster_model)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip("As the replica in use sees the cluster: lag is how many updates a "
                              "replica still lacks; a replica is down after missing a few pings.")
        self.setWidget(self.table)
