"""The contact: validation of what users send, generated from contacts.fields.TABLE.

A contact travels as a plain dict (so a bare Pyro5 proxy can use it); its keys are
those of docs/contact-model.md (the contract), one per entry of contacts/fields.py::

    {"id": "3f2c...", "name": "Ada Lovelace", "n": {}, "nicknames": [], ...,
     "phones": [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958",
                 "region": "", "pref": None}],
     "emails": [{"label": "work", "address": "ada@example.com", "pref": None}],
     "organization": "Analytical Engines", "groups": [], "notes": "", ...,
     "deleted": False, "updated": [42, 1]}

``id``, ``deleted``, ``updated`` and ``write`` are metadata kept by the replicas:
accepted (and ignored) in input so a fetched contact can be sent back as is.
Everything else is validated here; every rejection is a ValidationError or
WrongTypeError whose message starts with the field's name.
"""
import json
import re
import unicodedata
import uuid

from . import fields as _fields
from .errors import ValidationError, WrongTypeError
from .fields import (MAX_EMAIL, MAX_EMAILS, MAX_LABEL, MAX_NAME, MAX_NOTES, MAX_ORGANIZATION,  # noqa: F401
                     MAX_PHONE, MAX_PHONES, check_region, check_unicode, normalize_email, normalize_phone)
from .fields import plain_email as _plain_email  # noqa: F401  (tests/test_email_fast_path.py)

#: the user-editable fields, each merged on its own (contacts.fields.TABLE)
FIELDS = _fields.NAMES
#: read-only metadata a replica adds; ignored when sent back
METADATA = ("id", "deleted", "updated", "write")
EMPTY = _fields.EMPTY
#: the fields every new contact sets (the others only when given)
BASE_FIELDS = ("name", "phones", "emails", "organization", "notes")

MAX_ID = 64
# fullmatch, not match: "$" would let a trailing newline through
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
#: registers a newer replica may send that this code does not know: kept as they are
#: (last writer wins) and passed on, within these bounds (docs/operations.md, Upgrades)
UNKNOWN_REGISTER = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_UNKNOWN_REGISTER = 64 * 1024
MAX_UNKNOWN_REGISTERS = 20


def new_contact_id():
    return uuid.uuid4().hex


def check_contact_id(value, field="id"):
    if not isinstance(value, str):
        raise WrongTypeError(field, f"must be a string, not {type(value).__name__}")
    if not value or len(value) > MAX_ID or not ID_PATTERN.fullmatch(value):
        raise ValidationError(field, f"must be 1-{MAX_ID} letters, digits or ._:- "
                                     f"(starting with a letter or digit), got {value[:80]!r}")
    return value


def _unknown_field(field):
    return ValidationError(field, f"unknown field; contact fields are: {', '.join(FIELDS)}")


def normalize_field(field, value, region):
    """Validate and normalize one user field; raises ValidationError / WrongTypeError."""
    definition = _fields.BY_NAME.get(field)
    if definition is None:
        raise _unknown_field(field)
    return definition.normalize(value, region)


def _check_keys(data, what):
    if not isinstance(data, dict):
        raise WrongTypeError(what, f"must be a dict, not {type(data).__name__}")
    for key in data:
        if not isinstance(key, str):
            raise WrongTypeError(what, f"keys must be strings, got {key!r:.80}")
    unknown = sorted(set(data) - set(FIELDS) - set(METADATA))
    if unknown:
        raise _unknown_field(unknown[0])


def normalize_new_contact(data, region):
    """(contact_id or None, {field: value}) of a contact to add: the base fields always
    (empty when not given), every other field when given."""
    _check_keys(data, "contact")
    if "name" not in data:
        raise ValidationError("name", "is required")
    contact_id = check_contact_id(data["id"]) if data.get("id") is not None else None
    fields = {f: normalize_field(f, data[f] if f in data else _fields.BY_NAME[f].empty_value(), region)
              for f in FIELDS if f in data or f in BASE_FIELDS}
    if isinstance(fields.get("groups"), dict):
        raise ValidationError("groups", 'a new contact\'s groups are a list, not {"add": ..., "remove": ...}')
    return contact_id, fields


def normalize_changes(changes, region):
    """{field: value} of the fields an update changes (metadata ignored)."""
    _check_keys(changes, "changes")
    fields = {f: normalize_field(f, v, region) for f, v in changes.items() if f in FIELDS}
    if not fields:
        raise ValidationError("changes", f"names no field to change; contact fields are: {', '.join(FIELDS)}")
    return fields


def check_stored_field(field, value):
    """Validate a field value that arrives already normalized (an update from a peer).

    Phones get a shape check (an ``e164`` that is "" or '+', a known country calling
    code and digits: region-free, so replicas configured with different regions still
    agree on every number); ``groups`` is a delta (contacts.fields.check_groups_delta);
    a ``photo`` may carry its bytes (``data``, checked against its hash).  Every other
    field is normalized as user input is."""
    return _fields.BY_NAME[field].check_stored(value)


def check_state_field(field, value):
    """Validate one register's value in a full state from a peer (a snapshot page)."""
    if field in _fields.SETS:
        return _fields.check_groups_state(field, value)
    if field == "photo":
        value = check_stored_field(field, value)
        value.pop("data", None)
        return value
    return check_stored_field(field, value)


def check_unknown_register(where, register, value, count):
    """A register this code does not know (from a newer replica): kept if bounded."""
    if not isinstance(register, str) or not UNKNOWN_REGISTER.fullmatch(register):
        raise ValidationError(where, f"unknown register {str(register)[:60]!r}")
    if count > MAX_UNKNOWN_REGISTERS:
        raise ValidationError(where, f"more than {MAX_UNKNOWN_REGISTERS} unknown registers")
    try:
        size = len(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        raise ValidationError(where, f"register {register!r} holds a value JSON cannot carry") from None
    if size > MAX_UNKNOWN_REGISTER:
        raise ValidationError(where, f"unknown register {register!r} is {size:,} characters, "
                                     f"the limit is {MAX_UNKNOWN_REGISTER:,}")
    if isinstance(value, str):
        check_unicode(where, value)
    return value


def fold(text):
    """Case- and accent-insensitive form used for search ('José' matches 'jose')."""
    if text.isascii():  # nothing to decompose: the common case, on every replicated write
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(fields):
    """Folded text a search matches against: every field with a ``search`` in
    contacts.fields.TABLE (name, structured name, nicknames, addresses, phones as typed,
    emails, organization and its units, title, role, groups, notes)."""
    parts = []
    for field in _fields.SEARCHED:
        value = fields.get(field.name)
        if value:
            parts += [part for part in field.search(value) if part]
    return fold("\n".join(parts))


def phone_digits(fields):
    """Digits of every phone, as typed and in E.164, so '98765 4321' finds '+55 11 98765-4321'."""
    return " ".join(re.sub(r"\D", "", p[key]) for p in fields.get("phones", [])
                    for key in ("number", "e164"))


def query_digits(text):
    """The digits of a search text that looks like a phone number, else ''."""
    if re.fullmatch(r"[\d\s+().\-/]+", text) and sum(ch.isdigit() for ch in text) >= 3:
        return re.sub(r"\D", "", text)
    return ""
