"""The PyQt5 desktop client (``python -m contacts.gui``).

Layout (after Vorta): ``models/`` holds the Qt item models, ``views/`` the windows
and dialogs, ``workers/`` the background thread that owns the
:class:`contacts.client.ContactsClient` (every network call runs there, never on
the GUI thread), ``session.py`` ties them together and ``commands.py`` holds the
undo/redo commands.  Qt stays in this package: the client never imports it.
"""
