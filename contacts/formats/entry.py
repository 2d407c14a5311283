"""One contact of a file being read, and its id: what every reader returns.

In a module of its own so that the readers (vcard, csvio) and the import flow
(importing) all use it without importing each other.
"""
import dataclasses
import hashlib
import json
import uuid

from ..model import ID_PATTERN, MAX_ID

_FIVE = ("name", "phones", "emails", "organization", "notes")
_NAMESPACE = uuid.UUID("6f1c4f8e-2a7b-4f57-9a57-6f0d8c1e3b21")
#: vCard properties whose TYPE and PREF the reader turns into a label and pref: the TYPE
#: words and pref it keeps beside them in ``extra`` (contacts.formats.vcard, _label_and_pref)
#: came later, and are left out of content_id so that a file imported before still gives
#: the same ids (importing it again adds nothing)
_LABELLED = {"TEL", "EMAIL", "URL", "IMPP", "ADR", "RELATED", "X-ABRELATEDNAMES", "KEY"}


@dataclasses.dataclass
class Entry:
    """One contact of a file being imported."""

    number: int                  # 1, 2, 3 ... in file order
    line: int                    # line of the file where it starts
    contact: dict = None         # what to add, or None when it could not be read
    error: str = None            # why it could not be read
    ignored: tuple = ()          # properties / columns of the file this project does not store

    @property
    def label(self):
        name = (self.contact or {}).get("name")
        return f"entry {self.number} (line {self.line}" + (f", {name!r})" if name else ")")


def content_id(contact):
    """A stable id for an entry without one: importing the same entry twice adds it once."""
    fields = {k: contact.get(k) for k in _FIVE}
    # the rich contact's other keys count when they hold something; a contact of the five
    # old fields keeps the id it had before they existed
    fields.update({k: v for k, v in contact.items() if k not in _FIVE and k != "id"
                   and v not in (None, "", False, [], {})})
    if fields.get("extra"):
        fields["extra"] = [e for e in map(_without_kept_types, fields["extra"]) if e is not None]
        if not fields["extra"]:
            del fields["extra"]
    digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
    return str(uuid.uuid5(_NAMESPACE, digest)).replace("-", "")


def _without_kept_types(entry):
    """``entry`` as the reader gave it before it kept TYPE/PREF (None: it gave none)."""
    if not isinstance(entry, dict) or entry.get("name") not in _LABELLED:
        return entry
    params = entry.get("params") or {}
    if "TYPE" not in params and "PREF" not in params:
        return entry
    params = {k: v for k, v in params.items() if k not in ("TYPE", "PREF")}
    if not params and not entry.get("group"):
        return None
    return dict(entry, params=params)


def id_from_file(value):
    """The contact id for an id found in a file: as is when valid, else derived from it."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) <= MAX_ID and ID_PATTERN.fullmatch(value):
        return value
    return str(uuid.uuid5(_NAMESPACE, value)).replace("-", "")
