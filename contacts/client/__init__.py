"""The client side: the failover ContactsClient the GUI, the CLI and scripts use,
the replica directory it keeps, and its proxy pool.  Never imports Qt or replica code."""
from .failover import ContactsClient

__all__ = ["ContactsClient"]
