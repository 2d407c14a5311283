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
    digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
    return str(uuid.uuid5(_NAMESPACE, digest)).replace("-", "")


def id_from_file(value):
    """The contact id for an id found in a file: as is when valid, else derived from it."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) <= MAX_ID and ID_PATTERN.fullmatch(value):
        return value
    return str(uuid.uuid5(_NAMESPACE, value)).replace("-", "")
