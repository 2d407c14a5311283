"""What importing a file would do, before doing it: which entries would be added, which
updated, which are already there, and which skipped and why.

Qt-free, beside :mod:`contacts.formats.importing`, whose steps it runs without writing:
each entry is made ready exactly as :func:`~contacts.formats.importing.import_entries`
sends it (``for_model``, ``fit_extra``, the id from the file or from its content), checked
with the replicas' own validation (``contacts.model.normalize_new_contact``), and looked up
by id (``get_contact``, plus the trash once): a new id is added, an id holding the very same
contact is already there (the replica would change nothing), an id holding another contact
is skipped unless ``update`` (then it is updated), an id in the trash is skipped.

The preview reads; the import that follows is the ordinary ``import_entries`` (so the two
cannot disagree on the rules; only a change made by someone in between can make the
outcome differ, and the import's own report says what really happened).
"""
import dataclasses

from ..errors import ContactsError
from .importing import _with_id, fit_extra, for_model, model_keys


@dataclasses.dataclass
class ImportPreview:
    added: list = dataclasses.field(default_factory=list)       # [Entry]
    updated: list = dataclasses.field(default_factory=list)     # [Entry] (update=True)
    unchanged: list = dataclasses.field(default_factory=list)   # [Entry]: already there as in the file
    skipped: list = dataclasses.field(default_factory=list)     # [(Entry, reason)]
    #: entries of another contact's id, which ``update=True`` would overwrite
    conflicting: list = dataclasses.field(default_factory=list)

    @property
    def total(self):
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.skipped)


def _same(stored, fields):
    """Does a stored contact already hold ``fields``?  (The replica's rule for an add.)"""
    for field, value in fields.items():
        if field == "photo" and isinstance(value, dict) and "data" in value:
            value = {k: v for k, v in value.items() if k != "data"}
        if stored.get(field) != value:
            return False
    return True


def preview_import(client, entries, update=False, region=None, deleted_ids=None, progress=None):
    """An :class:`ImportPreview` of importing ``entries`` through ``client`` (reads only: one
    ``get_contact`` per entry, and the trash once). ``deleted_ids``: the ids in the trash (read
    with ``client.list_deleted`` when None); ``progress(n)``: called as entries are looked at."""
    from ..model import normalize_new_contact
    if deleted_ids is None:
        deleted_ids = {c["id"] for c in client.list_deleted()} if hasattr(client, "list_deleted") else set()
    keys = model_keys()
    preview = ImportPreview()
    for entry in entries:
        if progress is not None:
            progress(1)
        if entry.contact is None or entry.error is not None:
            preview.skipped.append((entry, entry.error or "could not be read"))
            continue
        contact, _ = for_model(entry.contact, keys)
        contact, _ = fit_extra(contact)
        entry = dataclasses.replace(entry, contact=dict(contact))
        contact = _with_id(entry)
        try:
            contact_id, fields = normalize_new_contact(contact, region)
        except ContactsError as exc:
            preview.skipped.append((entry, str(exc)))
            continue
        if contact_id in deleted_ids:
            preview.skipped.append((entry, f"contact {contact_id} is in the trash; restore it first"))
            continue
        try:
            stored = client.get_contact(contact_id)
        except LookupError:
            stored = None
        if stored is None:
            preview.added.append(entry)
        elif _same(stored, fields):
            preview.unchanged.append(entry)
        elif update:
            preview.updated.append(entry)
        else:
            preview.conflicting.append(entry)
            preview.skipped.append((entry, f"a different contact with id {contact_id} exists "
                                           f"({stored.get('name', '')!r}; import with update to overwrite it)"))
    preview.skipped.sort(key=lambda skipped: skipped[0].number)
    return preview
