"""A replicated contact list on Pyro5: see README.md and docs/."""
__version__ = "0.1.0"
