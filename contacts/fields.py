"""The one table of contact fields (docs/contact-model.md): what each holds, its limits,
how it is normalized, how it merges and what it adds to the search text.

contacts.model (validation), contacts.merge (registers, empty values) and the
store's search text are generated from :data:`TABLE`; nothing else lists the fields.

Each :class:`Field` has
  kind       text, multiline, list-of-str, entries, structured, date, bool, photo, set, extra
  normalize  ``normalize(value, region)`` -> the clean value (user input); raises
             ValidationError / WrongTypeError whose message starts with the field's name
  stored     ``stored(value)`` -> the clean value of one arriving already normalized
             (replication: an update's changes), region-free
  merge      "lww" (last writer by Lamport stamp) or "add_wins_set" (groups, see merge.py)
  search     ``search(value)`` -> strings the search text holds, or None
  empty      the value of a field never set (a fresh copy: ``field.empty_value()``)
  caption    what ``contacts show`` calls it (for entries: one entry, one line each)
  key        entries: the key of an entry's value (phones: "number", emails: "address" ...)
"""
import base64
import binascii
import dataclasses
import datetime
import functools
import hashlib
import re
from typing import Any, Callable, Optional

import email_validator
import email_validator.rfc_constants
import phonenumbers

from .errors import ValidationError, WrongTypeError

# -- limits -----------------------------------------------------------------------------
MAX_NAME = 200
MAX_LABEL = 40
MAX_PHONE = 40
MAX_EMAIL = 254
MAX_ORGANIZATION = 200
MAX_NOTES = 10_000
MAX_PHONES = 20
MAX_EMAILS = 20
MAX_TEXT = 200          # title, role, a nickname, an org unit, a name part ...
MAX_URI = 2000          # urls, impps, keys, related, a photo uri
MAX_ENTRIES = 20        # addresses, urls, impps, related, keys, nicknames, org units, languages
MAX_NAME_PARTS = 10     # per part of n
MAX_GROUPS = 100
MAX_GROUP = 100
MAX_ADDRESS_PART = 500
MAX_EXTRA = 200
MAX_EXTRA_VALUE = 10_000
MAX_EXTRA_PARAMS = 20
MAX_PHOTO = 1_000_000   # decoded bytes
MAX_PREF = 100
MAX_GEO = 200
MAX_TIMEZONE = 64
MAX_LANGUAGE = 35
MAX_GENDER = 100

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_EXCEPT_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: lone surrogates survive the wire (serpent) but cannot be stored as UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(field, value):
    """``value`` (a str) unless it holds lone surrogates, which no UTF-8 store accepts."""
    if _SURROGATE.search(value):
        raise ValidationError(field, "is not valid Unicode (it contains a lone surrogate)")
    return value


def text(field, value, limit, multiline=False, required=False):
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


def _list(field, value, limit):
    if not isinstance(value, (list, tuple)):
        raise WrongTypeError(field, f"must be a list, not {type(value).__name__}")
    if len(value) > limit:
        raise ValidationError(field, f"has {len(value)} entries, the limit is {limit}")
    return value


def entries(field, value, limit, keys):
    for index, entry in enumerate(_list(field, value, limit)):
        where = f"{field}[{index}]"
        if not isinstance(entry, dict):
            raise WrongTypeError(where, f"must be a dict, not {type(entry).__name__}")
        unknown = sorted(map(str, set(entry) - set(keys)))
        if unknown:
            raise ValidationError(where, f"unknown key(s) {', '.join(unknown)}; "
                                         f"allowed: {', '.join(keys)}")
        yield where, entry


def pref(field, value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(field, f"must be an integer 1-{MAX_PREF} or None, not {type(value).__name__}")
    if not 1 <= value <= MAX_PREF:
        raise ValidationError(field, f"must be between 1 and {MAX_PREF}, got {str(value)[:20]}")
    return value


def strings(field, value, limit, item_limit, required_items=True):
    """A list of non-empty strings (nicknames, org units, languages, name parts)."""
    return [text(f"{field}[{i}]", item, item_limit, required=required_items)
            for i, item in enumerate(_list(field, value, limit))]


# -- phones -----------------------------------------------------------------------------
#: a phone's E.164 form as a replica stores it.  Not E.164's 15-digit cap: phonenumbers
#: accepts and formats numbers of 4 to 19 digits, and 20 is a 3-digit country code plus
#: its 17-digit national maximum.  [0-9], not \d: \d takes any script's digits.
_STORED_E164 = re.compile(r"\+([1-9][0-9]{3,19})")
_REGION = re.compile(r"[A-Z]{2}|")


#: distinct (number, region) pairs whose reading is remembered: a contact edited in the
#: window or sent back as fetched carries the phones it had, and parsing a number is most
#: of a write's validation (docs/benchmarks.md).  ~200 bytes each: at most ~1 MB.
PHONE_CACHE = 4096


@functools.lru_cache(maxsize=PHONE_CACHE)
def read_phone(typed, region):
    """(e164, region used) for a number as typed: ("", "") unless certain.

    Remembered per (typed, region) (PHONE_CACHE): the answer depends on nothing else,
    and it is a tuple of strings, so a cached one cannot be changed by a caller.

    Certain means phonenumbers finds a valid number: from its +country code, or in
    ``region`` for a number without one.  Never raises: a number that does not parse is
    kept as typed, with no E.164 form."""
    region = region or None
    try:
        parsed = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return "", ""
    if not phonenumbers.is_valid_number(parsed):
        return "", ""
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    had_country = typed.lstrip().startswith("+") or parsed.country_code_source not in (
        phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY, phonenumbers.CountryCodeSource.UNSPECIFIED)
    return e164, "" if had_country or region is None else region


def normalize_phone(number, region, field="number"):
    """(what the user typed, E.164 or "") for a phone number; refuses only hostile input."""
    typed = text(field, number, MAX_PHONE, required=True)
    return typed, read_phone(typed, region)[0]


PHONE_KEYS = ("label", "number", "e164", "region", "pref")


def _phones(value, region, field="phones"):
    phones = []
    for where, entry in entries(field, value, MAX_PHONES, PHONE_KEYS):
        if "number" not in entry:
            raise ValidationError(where + ".number", "is required")
        label = text(where + ".label", entry.get("label", ""), MAX_LABEL)
        typed = text(where + ".number", entry["number"], MAX_PHONE, required=True)
        # an entry's own region (a fetched contact sent back) wins over the caller's
        own = entry.get("region") or ""
        if own:
            own = _region(where + ".region", own)
        e164, used = read_phone(typed, own or region)
        phones.append({"label": label, "number": typed, "e164": e164, "region": used,
                       "pref": pref(where + ".pref", entry.get("pref"))})
    return phones


def _region(field, value):
    if not isinstance(value, str):
        raise WrongTypeError(field, f"must be a string, not {type(value).__name__}")
    value = value.strip().upper()
    if value and value not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(field, f"must be an ISO country code phonenumbers knows (US, BR, GB ...), "
                                     f"got {value[:10]!r}")
    return value


def check_region(value, field="region"):
    """A per-call region (add_contact(..., region="BR")): None, or a known ISO code."""
    if value is None:
        return None
    return _region(field, value) or None


def _known_country_code(digits):
    # calling codes are prefix-free (1-3 digits): at most one prefix is a known one
    return any(int(digits[:size]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE for size in (1, 2, 3))


def _stored_phones(value, field="phones"):
    """Phones from a peer: a shape check, no re-parsing (replicas with different regions
    agree on every number).  ``e164`` is "" or '+', a known country code and digits."""
    phones = []
    for where, entry in entries(field, value, MAX_PHONES, PHONE_KEYS):
        e164 = entry.get("e164")  # required ("" when not certain): every writer sets it
        match = _STORED_E164.fullmatch(e164) if isinstance(e164, str) else None
        if e164 != "" and (match is None or not _known_country_code(match.group(1))):
            raise ValidationError(where + ".e164", "must be \"\" or an E.164 number: '+', a country "
                                                   f"code and 4-20 digits in all, got {e164!r:.60}")
        phone = {"label": text(where + ".label", entry.get("label", ""), MAX_LABEL),
                 "number": text(where + ".number", entry.get("number", ""), MAX_PHONE),
                 "e164": e164}
        if "region" in entry or "pref" in entry:  # the five-field code stored neither
            phone["region"] = _region(where + ".region", entry.get("region", ""))
            phone["pref"] = pref(where + ".pref", entry.get("pref"))
        phones.append(phone)
    return phones


# -- emails -----------------------------------------------------------------------------
# A plain ASCII address: dot-atom local part, LDH labels, an alphabetic TLD.  Such an
# address needs none of email_validator's Unicode/IDNA/quoting work (most of its cost);
# plain_email only takes what the library accepts, and normalizes it the same way
# (tests/test_email_fast_path.py compares the two).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
#: local parts the library lower-cases (RFC 2142 role mailboxes: postmaster, info ...)
_CASE_INSENSITIVE_MAILBOXES = frozenset(
    getattr(email_validator.rfc_constants, "CASE_INSENSITIVE_MAILBOX_NAMES", ()))


def plain_email(address):
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
    address = text(field, address, MAX_EMAIL, required=True)
    plain = plain_email(address)
    if plain is not None:
        return plain
    try:
        return email_validator.validate_email(address, check_deliverability=False).normalized
    except email_validator.EmailNotValidError as exc:
        raise ValidationError(field, f"{address!r} is not an email address ({exc})") from None


def _emails(value, region=None, field="emails"):
    emails = []
    for where, entry in entries(field, value, MAX_EMAILS, ("label", "address", "pref")):
        if "address" not in entry:
            raise ValidationError(where + ".address", "is required")
        email = {"label": text(where + ".label", entry.get("label", ""), MAX_LABEL),
                 "address": normalize_email(entry["address"], where + ".address")}
        if "pref" in entry or region is not _STORED:
            email["pref"] = pref(where + ".pref", entry.get("pref"))
        emails.append(email)
    return emails


_STORED = object()  # region marker: a stored value (keeps the five-field shape it had)


# -- generic entries (urls, impps, related, keys) ---------------------------------------
def _entry_list(value_key, limit, with_pref):
    keys = ("label", value_key) + (("pref",) if with_pref else ())

    def normalize(field, value):
        result = []
        for where, entry in entries(field, value, MAX_ENTRIES, keys):
            if value_key not in entry:
                raise ValidationError(f"{where}.{value_key}", "is required")
            item = {"label": text(where + ".label", entry.get("label", ""), MAX_LABEL),
                    value_key: text(f"{where}.{value_key}", entry[value_key], limit, required=True)}
            if with_pref:
                item["pref"] = pref(where + ".pref", entry.get("pref"))
            result.append(item)
        return result
    return normalize


ADDRESS_PARTS = ("pobox", "extended", "street", "locality", "region", "postcode", "country")
ADDRESS_KEYS = ("label",) + ADDRESS_PARTS + ("pref",)


def _addresses(field, value):
    result = []
    for where, entry in entries(field, value, MAX_ENTRIES, ADDRESS_KEYS):
        address = {"label": text(where + ".label", entry.get("label", ""), MAX_LABEL)}
        for part in ADDRESS_PARTS:
            address[part] = text(f"{where}.{part}", entry.get(part, ""), MAX_ADDRESS_PART, multiline=True)
        if not any(address[part] for part in ADDRESS_PARTS):
            raise ValidationError(where, "is empty: give at least one of " + ", ".join(ADDRESS_PARTS))
        address["pref"] = pref(where + ".pref", entry.get("pref"))
        result.append(address)
    return result


NAME_PARTS = ("family", "given", "additional", "prefixes", "suffixes")


def _structured_name(field, value):
    if not isinstance(value, dict):
        raise WrongTypeError(field, f"must be a dict, not {type(value).__name__}")
    unknown = sorted(map(str, set(value) - set(NAME_PARTS)))
    if unknown:
        raise ValidationError(field, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(NAME_PARTS)}")
    parts = {part: strings(f"{field}.{part}", value.get(part, []), MAX_NAME_PARTS, MAX_TEXT)
             for part in NAME_PARTS}
    return parts if any(parts.values()) else {}


# -- dates ------------------------------------------------------------------------------
_DATE_FORMS = [
    # (pattern, has year, has month, has day)
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), True, True, True),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), True, True, True),
    (re.compile(r"--(\d{2})-?(\d{2})"), False, True, True),
    (re.compile(r"(\d{4})-(\d{2})"), True, True, False),
    (re.compile(r"(\d{4})"), True, False, False),
]
_TIME = re.compile(r"(\d{2}):?(\d{2})(?::?(\d{2}))?(Z|[+-]\d{2}(?::?\d{2})?)?")
DATE_FORMS = '"1985-04-15", "--04-15", "1985-04", "1985" or "1985-04-15T10:30:00Z"'


def normalize_date(field, value):
    """A vCard date in its extended form (``19850415`` -> ``1985-04-15``), "" for none;
    a date that does not exist (2023-02-30) is refused."""
    value = text(field, value, 40)
    if not value:
        return ""
    date_part, sep, time_part = value.partition("T")
    for pattern, has_year, has_month, has_day in _DATE_FORMS:
        match = pattern.fullmatch(date_part)
        if match:
            break
    else:
        raise ValidationError(field, f"{value!r} is not a date; use {DATE_FORMS}")
    groups = [int(g) for g in match.groups()]
    year = groups.pop(0) if has_year else 2000  # --02-29 is a real birthday
    month = groups.pop(0) if has_month else 1
    day = groups.pop(0) if has_day else 1
    try:
        datetime.date(year if year else 2000, month, day)
    except ValueError as exc:
        raise ValidationError(field, f"{value!r} is not a real date ({exc})") from None
    if has_year and has_day:
        clean = f"{year:04d}-{month:02d}-{day:02d}"
    elif has_day:
        clean = f"--{month:02d}-{day:02d}"
    elif has_month:
        clean = f"{year:04d}-{month:02d}"
    else:
        clean = f"{year:04d}"
    if sep:
        match = _TIME.fullmatch(time_part)
        if not has_day or match is None:
            raise ValidationError(field, f"{value!r} is not a date; use {DATE_FORMS}")
        hour, minute, second, zone = match.groups()
        if int(hour) > 23 or int(minute) > 59 or (second and int(second) > 60):
            raise ValidationError(field, f"{value!r} has no such time of day")
        clean += f"T{hour}:{minute}" + (f":{second}" if second else "") + (zone or "")
    return clean


# -- photo ------------------------------------------------------------------------------
_MAGIC = [(b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
          (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif")]
_SHA256 = re.compile(r"[0-9a-f]{64}")
PHOTO_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


def sniff_image(data):
    """The image type of ``data`` from its magic bytes, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def decode_photo(field, data):
    """(bytes, register) of a photo sent as base64; refuses what is not a PNG/JPEG/GIF/WebP."""
    if not isinstance(data, str):
        raise WrongTypeError(field + ".data", f"must be a base64 string, not {type(data).__name__}")
    if len(data) > (MAX_PHOTO * 4) // 3 + 8:
        raise ValidationError(field + ".data", f"is larger than {MAX_PHOTO:,} bytes decoded, the limit")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValidationError(field + ".data", "is not base64") from None
    if len(raw) > MAX_PHOTO:
        raise ValidationError(field + ".data", f"is {len(raw):,} bytes decoded, the limit is {MAX_PHOTO:,}")
    kind = sniff_image(raw)
    if kind is None:
        raise ValidationError(field, "not an image (PNG, JPEG, GIF or WebP bytes expected)")
    return raw, {"hash": hashlib.sha256(raw).hexdigest(), "type": kind, "size": len(raw)}


def _photo_uri(field, value):
    uri = text(field + ".uri", value, MAX_URI, required=True)
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", uri):
        raise ValidationError(field + ".uri", f"must be a URI (https://...), got {uri[:60]!r}")
    return {"uri": uri}


def normalize_photo(field, value):
    """A photo as input: {} (none), {"uri": ...} or {"data": base64}.  Returns the register,
    with the data kept under "data" (base64) for the store to put in its photos table."""
    if not isinstance(value, dict):
        raise WrongTypeError(field, f"must be a dict, not {type(value).__name__}")
    if not value:
        return {}
    if set(value) <= {"hash", "type", "size"} and "hash" in value:  # a fetched contact sent back
        return _stored_photo(field, value)
    if set(value) == {"uri"}:
        return _photo_uri(field, value["uri"])
    if "data" in value and set(value) <= {"data", "type"}:
        raw, register = decode_photo(field, value["data"])
        return {**register, "data": base64.b64encode(raw).decode("ascii")}
    raise ValidationError(field, 'must be {}, {"uri": ...} or {"data": "<base64>"}, '
                                 f"got keys {', '.join(sorted(map(str, value)))[:80]}")


def _stored_photo(field, value, with_data=False):
    if not isinstance(value, dict):
        raise WrongTypeError(field, f"must be a dict, not {type(value).__name__}")
    if not value:
        return {}
    if set(value) == {"uri"}:
        return _photo_uri(field, value["uri"])
    keys = {"hash", "type", "size"} | ({"data"} if with_data else set())
    if not {"hash", "type", "size"} <= set(value) <= keys:
        raise ValidationError(field, "must be {}, {uri} or {hash, type, size}")
    digest, kind, size = value["hash"], value["type"], value["size"]
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise ValidationError(field + ".hash", "must be a sha256 in lowercase hex")
    if kind not in PHOTO_TYPES:
        raise ValidationError(field + ".type", f"must be one of {', '.join(PHOTO_TYPES)}")
    if isinstance(size, bool) or not isinstance(size, int) or not 0 < size <= MAX_PHOTO:
        raise ValidationError(field + ".size", f"must be an integer 1-{MAX_PHOTO}")
    register = {"hash": digest, "type": kind, "size": size}
    if "data" in value:
        raw, checked = decode_photo(field, value["data"])
        if checked != register:
            raise ValidationError(field + ".data", "does not match the photo's hash, type and size")
        register["data"] = value["data"]
    return register


# -- groups (add-wins set) --------------------------------------------------------------
def _group_names(field, value):
    names = strings(field, value, MAX_GROUPS, MAX_GROUP)
    return sorted(set(names))


def normalize_groups(field, value):
    """The desired groups (a list), or {"add": [...], "remove": [...]}; names sorted, unique."""
    if isinstance(value, dict):
        unknown = sorted(map(str, set(value) - {"add", "remove"}))
        if unknown:
            raise ValidationError(field, f"unknown key(s) {', '.join(unknown)}; allowed: add, remove")
        return {"add": _group_names(field + ".add", value.get("add", [])),
                "remove": _group_names(field + ".remove", value.get("remove", []))}
    return _group_names(field, value)


MAX_TAGS = 10_000  # live + removed tags one groups register may hold


def _tag(field, tag):
    if (not isinstance(tag, (list, tuple)) or len(tag) != 2
            or any(isinstance(x, bool) or not isinstance(x, int) or not 0 < x < 2 ** 63 for x in tag)):
        raise ValidationError(field, f"a tag must be [counter, replica], got {str(tag)[:60]}")
    return [tag[0], tag[1]]


def _tag_map(field, value, max_names=MAX_GROUPS * 10):
    """{name: [[counter, replica], ...]} of a groups register or delta."""
    if not isinstance(value, dict):
        raise WrongTypeError(field, f"must be a dict of group name -> tags, not {type(value).__name__}")
    if len(value) > max_names:
        raise ValidationError(field, f"names {len(value)} groups, the limit is {max_names}")
    result = {}
    for name, tags in value.items():
        name = text(field, name, MAX_GROUP, required=True)
        result[name] = sorted(_tag(f"{field}.{name}", t) for t in _list(f"{field}.{name}", tags, MAX_TAGS))
    return result


def check_groups_delta(field, value):
    """An update's groups change: {"add": [names], "remove": {name: [[counter, replica], ...]}}
    (adds are tagged with the update's own stamp; removes name the tags they saw)."""
    if not isinstance(value, dict) or not set(value) <= {"add", "remove"}:
        raise ValidationError(field, 'must be {"add": [names], "remove": {name: [tags]}}')
    return {"add": _group_names(field + ".add", value.get("add", [])),
            "remove": _tag_map(field + ".remove", value.get("remove", {}))}


def check_groups_state(field, value):
    """A groups register in a full state: {"live": {name: [tags]}, "removed": {name: [tags]}}."""
    if not isinstance(value, dict) or set(value) != {"live", "removed"}:
        raise ValidationError(field, 'must be {"live": {name: [tags]}, "removed": {name: [tags]}}')
    # no MAX_GROUPS here: concurrent adds on several replicas may together pass it, and
    # a full copy must never be refused for what the merge itself made (_tag_map bounds it)
    # nor 1,000 names per map: tombstones are never pruned (docs/replication.md), so ordinary
    # edits (100 groups joined and left 12 times) pass that; a state is bounded by MAX_TAGS
    return {"live": _tag_map(field + ".live", value["live"], MAX_TAGS),
            "removed": _tag_map(field + ".removed", value["removed"], MAX_TAGS)}


# -- extra (unknown vCard properties, verbatim) -----------------------------------------
_PROPERTY_NAME = re.compile(r"[A-Za-z0-9-]{1,64}")
_GROUP_NAME = re.compile(r"[A-Za-z0-9-]{0,64}")


def _extra(field, value):
    result = []
    for where, entry in entries(field, value, MAX_EXTRA, ("group", "name", "params", "value")):
        name = text(where + ".name", entry.get("name", ""), 64, required=True)
        if not _PROPERTY_NAME.fullmatch(name):
            raise ValidationError(where + ".name", f"must be a vCard property name (letters, digits, -), got {name!r}")
        group = text(where + ".group", entry.get("group", ""), 64)
        if not _GROUP_NAME.fullmatch(group):
            raise ValidationError(where + ".group", f"must be letters, digits or -, got {group!r}")
        params = entry.get("params", {})
        if not isinstance(params, dict):
            raise WrongTypeError(where + ".params", f"must be a dict, not {type(params).__name__}")
        if len(params) > MAX_EXTRA_PARAMS:
            raise ValidationError(where + ".params", f"has {len(params)} entries, the limit is {MAX_EXTRA_PARAMS}")
        clean = {}
        for key, values in params.items():
            key = text(where + ".params", key, 64, required=True)
            if not _PROPERTY_NAME.fullmatch(key):
                raise ValidationError(where + ".params", f"{key!r} is not a parameter name")
            clean[key.upper()] = strings(f"{where}.params.{key}", values, MAX_EXTRA_PARAMS, MAX_TEXT,
                                         required_items=False)
        result.append({"group": group, "name": name.upper(), "params": clean,
                       "value": text(where + ".value", entry.get("value", ""), MAX_EXTRA_VALUE, multiline=True)})
    return result


# -- small fields -----------------------------------------------------------------------
_GENDER = re.compile(r"[MFONUmfonu]?(;.*)?", re.S)


def _gender(field, value):
    value = text(field, value, MAX_GENDER)
    if not _GENDER.fullmatch(value):
        raise ValidationError(field, f'must be M, F, O, N, U or "" (optionally ";text"), got {value[:40]!r}')
    return value[:1].upper() + value[1:]


_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _languages(field, value):
    result = strings(field, value, MAX_ENTRIES, MAX_LANGUAGE)
    for index, tag in enumerate(result):
        if not _LANGUAGE.fullmatch(tag):
            raise ValidationError(f"{field}[{index}]", f"must be a language tag (pt-BR, en), got {tag!r}")
    return result


def _bool(field, value):
    if not isinstance(value, bool):
        raise WrongTypeError(field, f"must be True or False, not {type(value).__name__}")
    return value


# -- the table --------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    kind: str
    normalize: Callable[[Any, Optional[str]], Any]
    empty: Any
    stored: Optional[Callable[[Any], Any]] = None   # None: normalize(value, None)
    merge: str = "lww"
    search: Optional[Callable[[Any], list]] = None
    limit: Optional[int] = None                       # characters, or entries for a list
    caption: str = ""                                 # "" = the name, "_" -> " "
    key: str = ""                                     # entries: the key of each one's value

    def empty_value(self):
        # every empty value is "", False, [] or {}: a fresh container, not a shared one
        return type(self.empty)() if isinstance(self.empty, (list, dict)) else self.empty

    @property
    def label(self):
        """How a person reads the field's name (``contacts show``)."""
        return self.caption or self.name.replace("_", " ")

    def check_stored(self, value):
        return self.stored(value) if self.stored is not None else self.normalize(value, None)


def _f(name, kind, normalize, empty, **more):
    """A Field whose normalizer takes (field name, value) and ignores the region."""
    return Field(name, kind, lambda value, region, _n=normalize, _name=name: _n(_name, value), empty, **more)


def _texts(key):
    return lambda value: [entry.get(key, "") for entry in value]


TABLE = (
    Field("name", "text", lambda v, r: text("name", v, MAX_NAME, required=True), "",
          search=lambda v: [v], limit=MAX_NAME),
    _f("n", "structured", _structured_name, {},
       search=lambda v: [p for part in NAME_PARTS for p in v.get(part, [])], caption="name parts"),
    _f("nicknames", "list-of-str", lambda f, v: strings(f, v, MAX_ENTRIES, MAX_TEXT), [],
       search=list, limit=MAX_ENTRIES),
    _f("photo", "photo", normalize_photo, {}, stored=lambda v: _stored_photo("photo", v, with_data=True)),
    _f("birthday", "date", normalize_date, ""),
    _f("anniversary", "date", normalize_date, ""),
    _f("addresses", "entries", _addresses, [],
       search=lambda v: [a[p] for a in v for p in ADDRESS_PARTS if a.get(p)], limit=MAX_ENTRIES,
       caption="address"),
    Field("phones", "entries", lambda v, r: _phones(v, r), [], stored=_stored_phones,
          search=_texts("number"), limit=MAX_PHONES, caption="phone", key="number"),
    Field("emails", "entries", lambda v, r: _emails(v, r), [], stored=lambda v: _emails(v, _STORED),
          search=_texts("address"), limit=MAX_EMAILS, caption="email", key="address"),
    _f("urls", "entries", _entry_list("url", MAX_URI, True), [], limit=MAX_ENTRIES, caption="url", key="url"),
    _f("impps", "entries", _entry_list("uri", MAX_URI, True), [], limit=MAX_ENTRIES, caption="im",
       key="uri"),
    _f("organization", "text", lambda f, v: text(f, v, MAX_ORGANIZATION), "",
       search=lambda v: [v], limit=MAX_ORGANIZATION),
    _f("org_units", "list-of-str", lambda f, v: strings(f, v, MAX_ENTRIES, MAX_TEXT), [],
       search=list, limit=MAX_ENTRIES),
    _f("title", "text", lambda f, v: text(f, v, MAX_TEXT), "", search=lambda v: [v], limit=MAX_TEXT),
    _f("role", "text", lambda f, v: text(f, v, MAX_TEXT), "", search=lambda v: [v], limit=MAX_TEXT),
    _f("groups", "set", normalize_groups, [], stored=lambda v: check_groups_delta("groups", v),
       merge="add_wins_set", search=list, limit=MAX_GROUPS),
    _f("related", "entries", _entry_list("value", MAX_URI, False), [], limit=MAX_ENTRIES, key="value"),
    _f("gender", "text", _gender, "", limit=MAX_GENDER),
    _f("languages", "list-of-str", _languages, [], limit=MAX_ENTRIES),
    _f("timezone", "text", lambda f, v: text(f, v, MAX_TIMEZONE), "", limit=MAX_TIMEZONE),
    _f("geo", "text", lambda f, v: text(f, v, MAX_GEO), "", limit=MAX_GEO),
    _f("keys", "entries", _entry_list("value", MAX_URI, False), [], limit=MAX_ENTRIES, caption="key",
       key="value"),
    _f("starred", "bool", _bool, False),
    _f("notes", "multiline", lambda f, v: text(f, v, MAX_NOTES, multiline=True), "",
       search=lambda v: [v], limit=MAX_NOTES),
    _f("extra", "extra", _extra, [], limit=MAX_EXTRA),
)

BY_NAME = {field.name: field for field in TABLE}
#: the user-editable fields, in the order of the table
NAMES = tuple(field.name for field in TABLE)
#: a set's name -> its Field (merged as an add-wins set, see contacts.merge)
SETS = tuple(field.name for field in TABLE if field.merge == "add_wins_set")
EMPTY = {field.name: field.empty for field in TABLE}
#: fields whose text the search matches (contacts.model.search_text)
SEARCHED = tuple(field for field in TABLE if field.search is not None)
