"""The PyQt5 desktop client (``python -m contacts.gui``).

Layout (after Vorta): ``models/`` holds the Qt item models, ``views/`` the windows
and dialogs, ``workers/`` the background thread that owns the
:class:`contacts.client.ContactsClient` (every network call runs there, never on
the GUI thread), ``session.py`` ties them together on the GUI thread,
``book_reader.py`` (no Qt) reads the book on the lane for each poll and returns
plain snapshots, and ``commands.py`` holds the undo/redo commands.  Qt stays in
this package: the client never imports it.
"""
