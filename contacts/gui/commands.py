"""Undo/redo commands for the contact list (a ``QUndoStack`` holds them).

The cluster is remote, so a command cannot change things synchronously.  The
session carries out the first write itself and pushes the command only once the
cluster acknowledged it (a failed save never lands on the stack); the command's
first ``redo()`` is therefore skipped.  Later undo/redo send the inverse or the
same write through the service lane, in order behind everything before them.

Inverses: add <-> delete, delete <-> restore (deletes are tombstones, so the very
same contact comes back), edit <-> edit with the previous values of the fields
the edit changed (fields changed by others meanwhile are left alone).
"""
from PyQt5.QtCore import QCoreApplication
from PyQt5.QtWidgets import QUndoCommand


def _translate(context, text, disambiguation=None, n=-1):
    return QCoreApplication.translate(context, text, disambiguation, n)


def describe(contacts):
    """How a change names the contacts it touches: 'Ada Lovelace' or '3 contacts'."""
    if len(contacts) == 1:
        return f"'{contacts[0].get('name', '')}'"
    return _translate("Commands", "%n contacts", None, len(contacts))


def undo_text(text):
    return _translate("Commands", "Undo {0}").format(text)


def redo_text(text):
    return _translate("Commands", "Redo {0}").format(text)


class _ServiceCommand(QUndoCommand):
    def __init__(self, session, text):
        super().__init__(text)
        self.session = session
        self._done_already = True

    def redo(self):
        if self._done_already:  # the session did it before pushing us
            self._done_already = False
            return
        self.do()

    def undo(self):
        self.undo_it()

    def do(self):
        raise NotImplementedError

    def undo_it(self):
        raise NotImplementedError


class AddContactCommand(_ServiceCommand):
    def __init__(self, session, contact):
        super().__init__(session, _translate("Commands", "Add {0}").format(describe([contact])))
        self.contact = contact

    def undo_it(self):
        self.session.delete_now([self.contact], _translate("Commands", "Undo add of {0}").format(describe([self.contact])))

    def do(self):
        self.session.restore_now([self.contact], _translate("Commands", "Redo add of {0}").format(describe([self.contact])))


class EditContactCommand(_ServiceCommand):
    def __init__(self, session, contact_id, name, before, after):
        super().__init__(session, _translate("Commands", "Edit '{0}'").format(name))
        self.contact_id = contact_id
        self.before = before  # {field: value before the edit}, only the fields it changed
        self.after = after

    def undo_it(self):
        self.session.update_now(self.contact_id, self.before, undo_text(self.text()))

    def do(self):
        self.session.update_now(self.contact_id, self.after, redo_text(self.text()))


class EditContactsCommand(_ServiceCommand):
    """One change to several contacts: edits are (id, changes, inverse)."""

    def __init__(self, session, edits, text):
        super().__init__(session, text)
        self.edits = edits

    def undo_it(self):
        self.session.update_many_now([(i, inverse) for i, _, inverse in reversed(self.edits)], undo_text(self.text()))

    def do(self):
        self.session.update_many_now([(i, changes) for i, changes, _ in self.edits], redo_text(self.text()))


class DeleteContactsCommand(_ServiceCommand):
    def __init__(self, session, contacts):
        super().__init__(session, _translate("Commands", "Delete {0}").format(describe(contacts)))
        self.contacts = contacts

    def undo_it(self):
        self.session.restore_now(self.contacts, undo_text(self.text()))

    def do(self):
        self.session.delete_now(self.contacts, redo_text(self.text()))


class RestoreContactsCommand(_ServiceCommand):
    def __init__(self, session, contacts):
        super().__init__(session, _translate("Commands", "Restore {0}").format(describe(contacts)))
        self.contacts = contacts

    def undo_it(self):
        self.session.delete_now(self.contacts, undo_text(self.text()))

    def do(self):
        self.session.restore_now(self.contacts, redo_text(self.text()))
