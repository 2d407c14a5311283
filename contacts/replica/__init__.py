"""The replica: the remote ContactBook, its SQLite store, its search index and its
name-server registration.  ``python -m contacts.replica N`` starts one (__main__.py)."""
from .server import main

__all__ = ["main"]
