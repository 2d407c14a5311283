"""Qt item models: contacts (table + search proxy), the trash and the cluster."""
from .cluster_model import ClusterModel
from .contact_filter_proxy import ContactFilterProxy
from .contact_table_model import ContactTableModel

__all__ = ["ClusterModel", "ContactFilterProxy", "ContactTableModel"]
