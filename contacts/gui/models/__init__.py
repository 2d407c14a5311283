"""Qt item models: contacts (table + search proxy, or a big book's held pages), the trash and the cluster."""
from .cluster_model import ClusterModel
from .contact_filter_proxy import ContactFilterProxy
from .contact_table_model import ContactTableModel
from .paged_book_model import PagedBookModel

__all__ = ["ClusterModel", "ContactFilterProxy", "ContactTableModel", "PagedBookModel"]
