"""Merging two contacts through the cluster, undoable.

A merge is two ordinary remote writes, so it replicates like any other change: the kept
contact is updated with the fields the merge plan changed (contacts.gui.duplicates), and
the other one is deleted (a tombstone: it goes to the trash). Undo restores the other one
(the very same contact comes back) and sends the kept one's previous values of just those
fields; redo does both writes again.
"""
from .commands import _ServiceCommand, _translate, describe, redo_text, undo_text


def merge_now(session, keep_id, drop, changes, description, then=None):
    """On the lane: update ``keep_id`` with ``changes`` (when any), then delete ``drop``."""
    def job(client):
        stored = client.update_contact(keep_id, changes) if changes else client.get_contact(keep_id)
        try:
            client.delete_contact(drop["id"])
        except LookupError:
            pass       # already gone: what the user wanted holds
        return stored

    def done(stored):
        session._show_written(stored)
        session._show_deleted(drop["id"])
        session.trash.upsert(dict(drop, deleted=True))
        if then is not None:
            then()
        session._tell(_translate("Commands", "{0}: done").format(description))
    return session._write(job, done, description)


def unmerge_now(session, keep_id, drop, inverse, description):
    """On the lane: bring ``drop`` back from the trash, then the kept contact's previous values."""
    def job(client):
        restored = client.restore_contact(drop["id"])
        stored = client.update_contact(keep_id, inverse) if inverse else client.get_contact(keep_id)
        return restored, stored

    def done(result):
        restored, stored = result
        # the list selects the contact the merge had kept, as after another undo the contact
        # it changed (both came out selected)
        session._show_written(restored, select=False)
        session._show_written(stored)
        session.trash.remove(drop["id"])
        session._tell(_translate("Commands", "{0}: done").format(description))
    return session._write(job, done, description)


class MergeContactsCommand(_ServiceCommand):
    def __init__(self, session, keep, drop, changes, inverse):
        super().__init__(session, _translate("Commands", "Merge {0} into {1}").format(describe([drop]), describe([keep])))
        self.keep_id, self.drop = keep["id"], dict(drop)
        self.changes, self.inverse = changes, inverse

    def undo_it(self):
        unmerge_now(self.session, self.keep_id, self.drop, self.inverse, undo_text(self.text()))

    def do(self):
        merge_now(self.session, self.keep_id, self.drop, self.changes, redo_text(self.text()))


def merge_contacts(session, keep, drop, changes, inverse):
    """Merge ``drop`` into ``keep`` (the plan's ``changes``), pushed on the undo stack once done."""
    command = MergeContactsCommand(session, keep, drop, changes, inverse)
    return merge_now(session, keep["id"], drop, changes, command.text(),
                     then=lambda: session.undo_stack.push(command))
