"""Importing and exporting contact files (vCard, CSV) through a ContactsClient.

Qt-free so the GUI can reuse it: the readers (:mod:`contacts.formats.vcard`,
:mod:`contacts.formats.csvio`) turn a file into :class:`Entry` objects, one per contact in the
file, each either a contact dict ready for ``add_contact`` or the reason it cannot be
read; :func:`import_entries` adds them and returns an :class:`ImportReport` saying what
was imported, what was already there and what was skipped and why.

Ids: a contact keeps the id (vCard ``UID``, CSV ``id``) it had when exported, and an
entry without one gets an id derived from its content, so importing the same file twice
adds nothing the second time.
"""
import dataclasses
import re
from collections import Counter
from pathlib import Path

from ..errors import ContactNotFound, ContactsError, UnavailableError, ValidationError, WrongTypeError
from ..fields import BY_NAME, MAX_EXTRA, MAX_EXTRA_VALUE
from .entry import content_id

FORMATS = ("vcard", "csv")
#: what an export writes when not told otherwise, from the command line and the window alike
DEFAULT_VCARD_VERSION = "3.0"
DEFAULT_CSV_STYLE = "google"
CSV_STYLES = ("google", "outlook", "plain")


@dataclasses.dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0           # already there, identical (a file imported again)
    updated: int = 0             # already there, overwritten (update=True)
    skipped: list = dataclasses.field(default_factory=list)   # [(Entry, reason)]
    ignored: Counter = dataclasses.field(default_factory=Counter)
    #: properties an imported entry was added without: [(Entry, property, reason)]
    not_kept: list = dataclasses.field(default_factory=list)

    @property
    def total(self):
        return self.imported + self.unchanged + self.updated + len(self.skipped)

    def as_dict(self):
        return {"imported": self.imported, "unchanged": self.unchanged, "updated": self.updated,
                "skipped": [{"entry": e.number, "line": e.line, "name": (e.contact or {}).get("name"),
                             "reason": reason} for e, reason in self.skipped],
                "ignored_fields": dict(self.ignored),
                "not_kept": [{"entry": e.number, "line": e.line, "name": (e.contact or {}).get("name"),
                              "property": prop, "reason": reason} for e, prop, reason in self.not_kept]}

    def summary_lines(self):
        head = f"imported {self.imported}"
        if self.unchanged:
            head += f", already there {self.unchanged}"
        if self.updated:
            head += f", updated {self.updated}"
        head += f", skipped {len(self.skipped)}" + (":" if self.skipped else "")
        lines = [head]
        lines += [f"  {entry.label}: {reason}" for entry, reason in self.skipped]
        if self.not_kept:
            lines.append(f"{len(self.not_kept)} propert{'y' if len(self.not_kept) == 1 else 'ies'} "
                         f"not kept (the rest of the entry was imported):")
            lines += [f"  {entry.label}: {prop}: {reason}" for entry, prop, reason in self.not_kept]
        if self.ignored:
            fields = ", ".join(f"{name} ({count})" for name, count in sorted(self.ignored.items()))
            lines.append(f"not stored (no such contact field here): {fields}")
        return lines


# -- formats ---------------------------------------------------------------------------
def detect_format(path, text=None):
    """"vcard" or "csv", from the file name, else from the content."""
    suffix = Path(str(path)).suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    if suffix == ".csv":
        return "csv"
    if text is not None and text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCARD"):
        return "vcard"
    if text is not None:
        return "csv"
    raise ValidationError("format", f"cannot tell the format of {str(path)!r}; "
                                    f"name it .vcf or .csv or give the format")


def decode(data):
    """Text of a contact file: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_entries(text, fmt):
    """Entries of a file's text in format ``fmt`` ("vcard" or "csv")."""
    if fmt == "vcard":
        from .vcard import parse_vcards
        return list(parse_vcards(text))
    if fmt == "csv":
        from .csvio import parse_csv
        return list(parse_csv(text))
    raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, not {fmt!r}")


def write_contacts(contacts, fmt, vcard_version=None, csv_style=None, photos=None):
    """Text of a file holding ``contacts`` in format ``fmt``.

    ``vcard_version``: "3.0" (default) or "4.0"; ``csv_style``: "google", "outlook" or
    "plain" (the default here, as before; the CLI's default is "google");
    ``photos(hash) -> base64`` fetches stored photos."""
    if fmt == "vcard":
        from .vcard import DEFAULT_VERSION, dumps_vcards
        return dumps_vcards(contacts, version=vcard_version or DEFAULT_VERSION, photos=photos)
    if fmt == "csv":
        from .csvio import dumps_csv
        return dumps_csv(contacts, style=csv_style or "plain")
    raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, not {fmt!r}")


# -- the import job --------------------------------------------------------------------
#: entries per ``add_contacts`` call: one round trip and one commit on the replica for them all
IMPORT_BATCH = 200


def import_entries(client, entries, update=False, progress=None, region=None):
    """Add every readable entry through ``client``; returns an ImportReport.

    An entry whose id is already used by a different contact is skipped (``update=True``
    overwrites that contact instead). ``progress(n)`` is called as entries are done.
    Entries go in batches through ``client.add_contacts`` when the client has it (one
    call per IMPORT_BATCH entries), else one ``add_contact`` each.
    UnavailableError (no replica can serve) stops the import: what was added stays, and
    the exception's ``import_report`` says what that was.
    ``region`` (e.g. "BR"): the region phone numbers without +country are read in; passed
    as ``add_contacts(..., region=region)`` (and ``update_contact(..., region=region)`` for
    an overwrite) only when given (batched clients only).
    What is sent is :func:`for_model`: the entry without its empty keys (and, until the
    model stores the rich contact, without the keys it does not know: counted in
    ``report.ignored``).
    """
    report = ImportReport()
    batched = hasattr(client, "add_contacts")
    keys = model_keys()
    pending = []

    def flush():
        if pending:
            _import_batch(client, pending, update, report, region)
            if progress is not None:
                progress(len(pending))
            pending.clear()
    try:
        for entry in entries:
            report.ignored.update(entry.ignored)
            if entry.contact is not None and entry.error is None:
                contact, dropped = for_model(entry.contact, keys)
                contact, left_out = fit_extra(contact)
                entry = dataclasses.replace(entry, contact=contact)
                report.ignored.update(dropped)
                report.not_kept += [(entry, prop, reason) for prop, reason in left_out]
            if entry.error is not None:
                report.skipped.append((entry, entry.error))
            elif batched:
                pending.append(entry)
                if len(pending) >= IMPORT_BATCH:
                    flush()
                continue
            else:
                _import_one(client, entry, update, report)
            if progress is not None:
                progress(1)
        flush()
    except UnavailableError as exc:
        exc.import_report = report      # what was done before the cluster went away
        raise
    finally:
        report.skipped.sort(key=lambda skipped: skipped[0].number)  # file order
    return report


def _empty(value):
    return value in (None, "", False) or value == [] or value == {}


#: sent even when empty, as before the rich contact (so ``--update`` still clears them)
_ALWAYS_SENT = ("name", "phones", "emails", "organization", "notes")


def sendable(contact):
    """A contact read from a file as it is sent: the keys beyond the five first ones left
    out when empty (every key is optional when adding, and a replica of the five-field
    model refuses the keys it does not know even when empty), and ``pref: None`` left out
    of entries."""
    out = {}
    for key, value in contact.items():
        if key in _ALWAYS_SENT or not _empty(value):
            if isinstance(value, list):
                value = [{k: v for k, v in item.items() if not (k == "pref" and v is None)}
                         if isinstance(item, dict) else item for item in value]
            out[key] = value
    return out


def model_keys():
    """The contact keys this install's model stores (contacts.model.FIELDS), or None when it
    stores every key of docs/contact-model.md (the rich model, issue 14)."""
    from .. import model
    fields = set(getattr(model, "FIELDS", ()))
    if "n" in fields or "addresses" in fields:
        return None
    return fields | {"id"}


def for_model(contact, keys=None):
    """(what to send, names of the keys left out): :func:`sendable`, and, while the model is
    the five-field one (``keys`` from :func:`model_keys`), without the keys it would refuse;
    those are reported as not stored rather than costing the whole entry."""
    contact = sendable(contact)
    if keys is None:
        return contact, ()
    dropped = sorted(k for k in contact if k not in keys)
    kept = {k: v for k, v in contact.items() if k in keys}
    for key in ("phones", "emails"):
        if any("pref" in item for item in kept.get(key, [])):
            dropped.append(f"{key}.pref")
            kept[key] = [{k: v for k, v in item.items() if k != "pref"} for item in kept[key]]
    return kept, tuple(dropped)


def _property_name(extra):
    return (f"{extra['group']}." if extra.get("group") else "") + str(extra.get("name", "?"))


def fit_extra(contact):
    """(contact, [(property, reason)]): the contact without the verbatim properties
    (``extra``) the model cannot hold, each named with the reason, rather than the
    replica refusing the whole contact for one of them (an Outlook ``X-MS-CARDPICTURE``
    of 40,000 characters, over the 10,000 an ``extra`` value holds)."""
    extra = contact.get("extra")
    if not extra:
        return contact, []
    check = BY_NAME["extra"].normalize
    kept, left_out = [], []
    for item in extra:
        try:
            check([item], None)
        except (ValidationError, WrongTypeError) as exc:
            left_out.append((_property_name(item), _extra_problem(item, exc)))
            continue
        if len(kept) == MAX_EXTRA:
            left_out.append((_property_name(item), f"the contact already has {MAX_EXTRA} properties kept "
                                                   f"verbatim, the limit"))
            continue
        kept.append(item)
    return (dict(contact, extra=kept) if left_out else contact), left_out


def _extra_problem(item, exc):
    value = item.get("value")
    if isinstance(value, str) and len(value) > MAX_EXTRA_VALUE:
        return (f"its value is {len(value):,} characters long; a property kept verbatim holds at most "
                f"{MAX_EXTRA_VALUE:,}")
    # "extra[0].value: must not ..." -> "value: must not ..."
    return re.sub(r"^extra\[\d+\]\.?", "", str(exc)).lstrip(": ") or str(exc)


def _with_id(entry):
    contact = entry.contact
    contact["id"] = contact.get("id") or content_id(contact)
    return contact


def _import_batch(client, entries, update, report, region=None):
    contacts = [_with_id(entry) for entry in entries]
    results = client.add_contacts(contacts) if region is None else client.add_contacts(contacts, region=region)
    for entry, contact, result in zip(entries, contacts, results):
        if "error" in result:
            _refused(client, entry, contact, result.get("field"), result.get("message", ""), update, report,
                     region)
        else:
            _added(result, report)


def _import_one(client, entry, update, report):
    contact = _with_id(entry)
    try:
        result = client.add_contact(contact)
    except UnavailableError:
        raise
    except ValidationError as exc:
        _refused(client, entry, contact, getattr(exc, "field", None), str(exc), update, report)
        return
    except ContactsError as exc:
        report.skipped.append((entry, str(exc)))
        return
    _added(result, report)


def _added(result, report):
    if result.get("write") is None:
        report.unchanged += 1      # the same contact was already there
    else:
        report.imported += 1


def _refused(client, entry, contact, field, message, update, report, region=None):
    """An entry the replica refused: skipped, or (an id in use, with ``update``) overwritten."""
    if field != "id" or "already used" not in message:
        report.skipped.append((entry, message))
        return
    if "deleted" in message:
        report.skipped.append((entry, f"contact {contact['id']} is in the trash; restore it first"))
        return
    if not update:
        report.skipped.append((entry, f"a different contact with id {contact['id']} exists "
                                      f"(import with update to overwrite it)"))
        return
    changes = {k: v for k, v in contact.items() if k != "id"}
    try:
        if region is None:
            client.update_contact(contact["id"], changes)
        else:
            client.update_contact(contact["id"], changes, region=region)
    except (ValidationError, ContactNotFound) as update_error:
        report.skipped.append((entry, str(update_error)))
        return
    report.updated += 1
