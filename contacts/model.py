"""The contact: its fields, their limits, and validation of what users send.

A contact travels as a plain dict (so a bare Pyro5 proxy can use it)::

    {"id": "3f2c...", "name": "Ada Lovelace",
     "phones": [{"label": "mobile", "number": "+44 20 7946 0958", "e164": "+442079460958"}],
     "emails": [{"label": "work", "address": "ada@example.com"}],
     "organization": "Analytical Engines", "notes": "",
     "deleted": False, "updated": [42, 1]}

``id``, ``deleted``, ``updated`` and ``write`` are metadata kept by the replicas:
accepted (and ignored) in input so a fetched contact can be sent back as is.
Everything else is validated here; every rejection is a ValidationError or
WrongTypeError whose message starts with the field's name.
"""
import re
import unicodedata
import uuid

import email_validator
import email_validator.rfc_constants
import phonenumbers

from .errors import ValidationError, WrongTypeError

#: the user-editable fields, each merged on its own by Lamport stamp
FIELDS = ("name", "phones", "emails", "organization", "notes")
#: read-only metadata a replica adds; ignored when sent back
METADATA = ("id", "deleted", "updated", "write")
EMPTY = {"name": "", "phones": [], "emails": [], "organization": "", "notes": ""}

MAX_NAME = 200
MAX_LABEL = 40
MAX_PHONE = 40
MAX_EMAIL = 254
MAX_ORGANIZATION = 200
MAX_NOTES = 10_000
MAX_PHONES = 20
MAX_EMAILS = 20
MAX_ID = 64
# fullmatch, not match: "$" would let a trailing newline through
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_EXCEPT_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: lone surrogates survive the wire (serpent) but cannot be stored as UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")

# A plain ASCII address: dot-atom local part, LDH labels, an alphabetic TLD.  Such an
# address needs none of email_validator's Unicode/IDNA/quoting work (most of its cost);
# _plain_email only takes what the library accepts, and normalizes it the same way
# (tests/test_email_fast_path.py compares the two).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
#: local parts the library lower-cases (RFC 2142 role mailboxes: postmaster, info ...)
_CASE_INSENSITIVE_MAILBOXES = frozenset(
    getattr(email_validator.rfc_constants, "CASE_INSENSITIVE_MAILBOX_NAMES", ()))
#: a phone's E.164 form as a replica stores it.  Not E.164's 15-digit cap: phonenumbers
#: accepts (is_possible_number) and formats numbers of 4 to 19 digits (German local-only
#: '+4930' up to Japanese and Indonesian 17-digit national numbers), and 20 is a 3-digit
#: country code plus its 17-digit national maximum.  [0-9], not \d: \d takes any script's digits.
_STORED_E164 = re.compile(r"\+([1-9][0-9]{3,19})")


def new_contact_id():
    return uuid.uuid4().hex


def check_contact_id(value, field="id"):
    if not isinstance(value, str):
        raise WrongTypeError(field, f"must be a string, not {type(value).__name__}")
    if not value or len(value) > MAX_ID or not ID_PATTERN.fullmatch(value):
        raise ValidationError(field, f"must be 1-{MAX_ID} letters, digits or ._:- "
                                     f"(starting with a letter or digit), got {value[:80]!r}")
    return value


def check_unicode(field, value):
    """``value`` (a str) unless it holds lone surrogates, which no UTF-8 store accepts."""
    if _SURROGATE.search(value):
        raise ValidationError(field, "is not valid Unicode (it contains a lone surrogate)")
    return value


def _text(field, value, limit, multiline=False, required=False):
    if not isinstance(value, str):
        raise WrongTypeError(field, f"must be a string, not {type(value).__name__}")
    check_unicode(field, value)
    value = value.strip()
    if required and not value:
        raise ValidationError(field, "must not be empty")
    if len(value) > limit:
        raise ValidationError(field, f"is {len(value)} characters long, the limit is {limit}")
    pattern = _CONTROL_EXCEPT_NEWLINES if multiline else _CONTROL
    if pattern.search(value):
        raise ValidationError(field, "must not contain control characters")
    return value


def _entries(field, value, limit, keys):
    if not isinstance(value, (list, tuple)):
        raise WrongTypeError(field, f"must be a list, not {type(value).__name__}")
    if len(value) > limit:
        raise ValidationError(field, f"has {len(value)} entries, the limit is {limit}")
    for index, entry in enumerate(value):
        where = f"{field}[{index}]"
        if not isinstance(entry, dict):
            raise WrongTypeError(where, f"must be a dict, not {type(entry).__name__}")
        unknown = sorted(map(str, set(entry) - set(keys)))
        if unknown:
            raise ValidationError(where, f"unknown key(s) {', '.join(unknown)}; "
                                         f"allowed: {', '.join(keys)}")
        yield where, entry


def normalize_phone(number, region, field="number"):
    """(what the user typed, E.164) for a phone number, or ValidationError."""
    typed = _text(field, number, MAX_PHONE, required=True)
    try:
        parsed = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(field, f"{typed!r} is not a phone number ({exc._msg})") from None
    if not phonenumbers.is_possible_number(parsed):
        raise ValidationError(field, f"{typed!r} is not a possible phone number"
                                     f" (wrong length for its country)")
    return typed, phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phones(value, region, field="phones"):
    phones = []
    for where, entry in _entries(field, value, MAX_PHONES, ("label", "number", "e164")):
        if "number" not in entry:
            raise ValidationError(where + ".number", "is required")
        label = _text(where + ".label", entry.get("label", ""), MAX_LABEL)
        typed, e164 = normalize_phone(entry["number"], region, where + ".number")
        phones.append({"label": label, "number": typed, "e164": e164})
    return phones


def _plain_email(address):
    """``validate_email(address).normalized`` for a plain ASCII address, else None (ask the library)."""
    match = _PLAIN_EMAIL.fullmatch(address)
    if match is None or len(address) > MAX_EMAIL:
        return None
    local, domain = match.groups()
    # '--' covers Punycode ('xn--', decoded to Unicode by the library) and the reserved
    # 'ab--' labels it refuses; a 65+ character local part is rare enough to leave to it
    if len(local) > 64 or "--" in domain:
        return None
    domain = domain.lower()
    if any(domain == name or domain.endswith("." + name)
           for name in email_validator.SPECIAL_USE_DOMAIN_NAMES):
        return None
    if local.lower() in _CASE_INSENSITIVE_MAILBOXES:
        local = local.lower()
    return local + "@" + domain


def normalize_email(address, field="address"):
    address = _text(field, address, MAX_EMAIL, required=True)
    plain = _plain_email(address)
    if plain is not None:
        return plain
    try:
        return email_validator.validate_email(address, check_deliverability=False).normalized
    except email_validator.EmailNotValidError as exc:
        raise ValidationError(field, f"{address!r} is not an email address ({exc})") from None


def _emails(value, field="emails"):
    emails = []
    for where, entry in _entries(field, value, MAX_EMAILS, ("label", "address")):
        if "address" not in entry:
            raise ValidationError(where + ".address", "is required")
        label = _text(where + ".label", entry.get("label", ""), MAX_LABEL)
        emails.append({"label": label, "address": normalize_email(entry["address"], where + ".address")})
    return emails


def normalize_field(field, value, region):
    """Validate and normalize one user field; raises ValidationError / WrongTypeError."""
    if field == "name":
        return _text("name", value, MAX_NAME, required=True)
    if field == "phones":
        return _phones(value, region)
    if field == "emails":
        return _emails(value)
    if field == "organization":
        return _text("organization", value, MAX_ORGANIZATION)
    if field == "notes":
        return _text("notes", value, MAX_NOTES, multiline=True)
    raise ValidationError(field, f"unknown field; contact fields are: {', '.join(FIELDS)}")


def _check_keys(data, what):
    if not isinstance(data, dict):
        raise WrongTypeError(what, f"must be a dict, not {type(data).__name__}")
    for key in data:
        if not isinstance(key, str):
            raise WrongTypeError(what, f"keys must be strings, got {key!r:.80}")
    unknown = sorted(set(data) - set(FIELDS) - set(METADATA))
    if unknown:
        raise ValidationError(unknown[0], f"unknown field; contact fields are: {', '.join(FIELDS)}")


def normalize_new_contact(data, region):
    """(contact_id or None, {field: value} for every field) of a contact to add."""
    _check_keys(data, "contact")
    if "name" not in data:
        raise ValidationError("name", "is required")
    contact_id = check_contact_id(data["id"]) if data.get("id") is not None else None
    fields = {f: normalize_field(f, data.get(f, EMPTY[f]), region) for f in FIELDS}
    return contact_id, fields


def normalize_changes(changes, region):
    """{field: value} of the fields an update changes (metadata ignored)."""
    _check_keys(changes, "changes")
    fields = {f: normalize_field(f, v, region) for f, v in changes.items() if f in FIELDS}
    if not fields:
        raise ValidationError("changes", f"names no field to change; contact fields are: {', '.join(FIELDS)}")
    return fields


def check_stored_field(field, value):
    """Validate a field value that arrives already normalized (replication, snapshots).

    The replica that accepted the value parsed it; re-parsing every phone on every
    peer cost each of them as much again, so phones get a shape check: an ``e164``
    that is '+', a known country calling code and digits (region-free, so replicas
    configured with different regions still agree on every number).  Every other
    field is normalized as user input is (emails mostly by the cheap ASCII path).
    """
    if field == "phones":
        phones = []
        for where, entry in _entries("phones", value, MAX_PHONES, ("label", "number", "e164")):
            e164 = entry.get("e164")
            match = _STORED_E164.fullmatch(e164) if isinstance(e164, str) else None
            if match is None or not _known_country_code(match.group(1)):
                raise ValidationError(where + ".e164", "must be an E.164 number: '+', a country "
                                                       f"code and 4-20 digits in all, got {e164!r:.60}")
            phones.append({"label": _text(where + ".label", entry.get("label", ""), MAX_LABEL),
                           "number": _text(where + ".number", entry.get("number", ""), MAX_PHONE),
                           "e164": e164})
        return phones
    return normalize_field(field, value, None)


def _known_country_code(digits):
    # calling codes are prefix-free (1-3 digits): at most one prefix is a known one
    return any(int(digits[:size]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE for size in (1, 2, 3))


def fold(text):
    """Case- and accent-insensitive form used for search ('José' matches 'jose')."""
    if text.isascii():  # nothing to decompose: the common case, on every replicated write
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(fields):
    """Folded text a search matches against: name, organization, notes, emails, phones as typed."""
    parts = [fields.get("name", ""), fields.get("organization", ""), fields.get("notes", "")]
    parts += [e["address"] for e in fields.get("emails", [])]
    parts += [p["number"] for p in fields.get("phones", [])]
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
