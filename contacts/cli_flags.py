"""The flags of ``contacts add`` / ``contacts edit`` for the rich fields (docs/cli.md):
what each takes and the contact keys (docs/contact-model.md) it sets.

The values are checked by the replica, as any client's are (one call: a bad value
refuses the whole command and changes nothing); what only the command line can get
wrong is checked here, before any call: the ``--address`` syntax, the photo file,
a group both added and removed, a group the contact is not in.
"""
import base64
import dataclasses
import os
import re
from typing import Callable

from .errors import ValidationError
from .fields import ADDRESS_PARTS, MAX_PHOTO, NAME_PARTS, sniff_image

#: --address part names, and the everyday words taken for them
ADDRESS_WORDS = {**{part: part for part in ADDRESS_PARTS},
                 "po": "pobox", "ext": "extended", "city": "locality", "town": "locality",
                 "state": "region", "province": "region", "code": "postcode", "zip": "postcode",
                 "postalcode": "postcode"}
ADDRESS_SYNTAX = "[LABEL:] PART=VALUE; PART=VALUE ...  (PART: " + ", ".join(ADDRESS_PARTS) + \
                 ", or city, state, zip, code; also pref=1-100; '\\;' for a ';' in a value)"
#: --name-parts part names, and the everyday words taken for them
NAME_WORDS = {**{part: part for part in NAME_PARTS}, "last": "family", "surname": "family",
              "first": "given", "middle": "additional", "prefix": "prefixes", "suffix": "suffixes"}
NAME_SYNTAX = ("PART=VALUE; PART=VALUE ...  (PART: " + ", ".join(NAME_PARTS) +
               ", or last, first, middle, prefix, suffix; several values of a part: 'a, b'; "
               "'\\;' / '\\,' for a ';' / ',' in a value)")
#: --family ... --suffix: one part of the structured name each (dest -> part)
NAME_PART_FLAGS = (("family", "family"), ("given", "given"), ("additional", "additional"),
                   ("prefix", "prefixes"), ("suffix", "suffixes"))
GENDER_WORDS = {"m": "M", "male": "M", "f": "F", "female": "F", "o": "O", "other": "O",
                "n": "N", "none": "N", "not applicable": "N", "u": "U", "unknown": "U"}
#: a time zone as an offset from UTC: +05:30, -0300, +01
_UTC_OFFSET = re.compile(r"[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_GEO = re.compile(rf"(?:geo:)?\s*({_NUMBER})\s*[,;]\s*({_NUMBER})", re.I)
#: a URI's scheme (xmpp:, sip:, https:, urn:, data: ...)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")
#: flags whose value may start with '-': a date without a year (--0415), a southern
#: latitude (--geo -5.79,-35.21), a zone west of UTC (--tz -03:00)
DASH_VALUE_FLAGS = ("--birthday", "--anniversary", "--geo", "--timezone", "--tz")
_DASH_VALUE = re.compile(r"--?\d")
#: "home=https://..." has a label; "https://x/?a=b" has none (a label holds no ':' or '/')
_URL_LABEL = re.compile(r"([^:/=]{1,40})=(.+)", re.S)


def join_date_values(argv):
    """``--birthday --0415`` -> ``--birthday=--0415`` (and ``--geo -5.79,-35.21``, ``--tz
    -03:00``): argparse would read a value starting with '-' as an option of its own."""
    out, argv = [], list(argv)
    i = 0
    while i < len(argv):
        if argv[i] in DASH_VALUE_FLAGS and i + 1 < len(argv) and _DASH_VALUE.match(argv[i + 1]):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def add_arguments(parser, editing):
    """The rich-field flags, on ``add`` (editing=False) or ``edit``."""
    lists = " (repeatable; replaces the list; '' empties it)" if editing else " (repeatable)"
    removes = "; '' removes it" if editing else ""
    parser.add_argument("--birthday", metavar="DATE",
                        help="1985-04-15, --0415 or --04-15 (no year), 1985-04, 1985" + removes)
    parser.add_argument("--anniversary", metavar="DATE", help="a date, as --birthday")
    parser.add_argument("--name-parts", metavar="PARTS",
                        help="the structured name: " + NAME_SYNTAX + removes)
    for dest, part in NAME_PART_FLAGS:
        parser.add_argument(f"--{dest}", action="append", metavar="TEXT",
                            help=f"a value of the structured name's {part}" +
                                 (" (repeatable; replaces that part only, '' empties it)" if editing
                                  else " (repeatable)"))
    for flag in LIST_FLAGS:
        parser.add_argument(f"--{flag.flag}", action="append", metavar=flag.metavar,
                            help=flag.help + lists)
    parser.add_argument("--title", help="job title" + removes)
    parser.add_argument("--role", help="role in the organization" + removes)
    parser.add_argument("--gender", metavar="SEX[;TEXT]",
                        help="M, F, O, N or U (or male, female, other, none, unknown), optionally "
                             "';text' (O;non-binary)" + removes)
    parser.add_argument("--timezone", "--tz", metavar="TZ",
                        help="an IANA time zone (America/Fortaleza) or a UTC offset (-03:00)" + removes)
    parser.add_argument("--geo", metavar="LAT,LON",
                        help="where the contact is: latitude,longitude in degrees (-5.79,-35.21)" + removes)
    if editing:
        for flag in LIST_FLAGS:
            parser.add_argument(f"--add-{flag.flag}", action="append", default=[], metavar=flag.metavar,
                                help=f"add {flag.one}, keeping the others (repeatable)")
            parser.add_argument(f"--remove-{flag.flag}", action="append", default=[], metavar=flag.match_metavar,
                                help=f"remove {flag.one} ({flag.match_help}; repeatable)")
        parser.add_argument("--group", action="append", default=[], metavar="GROUP",
                            help="add the contact to this group, keeping its others (repeatable)")
        parser.add_argument("--remove-group", action="append", default=[], metavar="GROUP",
                            help="take the contact out of this group (repeatable)")
    else:
        parser.add_argument("--group", action="append", default=[], metavar="GROUP",
                            help="a group the contact is in (repeatable)")
    photo = parser.add_mutually_exclusive_group()
    photo.add_argument("--photo", metavar="FILE",
                       help=f"a PNG, JPEG, GIF or WebP file (at most {MAX_PHOTO:,} bytes), or an https:// URI")
    if editing:
        photo.add_argument("--remove-photo", action="store_true", help="remove the photo")
    star = parser.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True,
                      help="mark as a favourite")
    star.add_argument("--unstar", dest="starred", action="store_const", const=False,
                      help="no longer a favourite")


# -- values --------------------------------------------------------------------------------
def _parts(text, separator=";", escaped=";"):
    """'a=1; b=x\\;y' -> ['a=1', 'b=x;y'] (split on unescaped ``separator``; a backslash
    before a character of ``escaped`` makes it plain text)."""
    pieces, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in escaped:
            current += text[i + 1] if text[i + 1] != "," or separator == "," else "\\,"
            i += 2
            continue
        if text[i] == separator:
            pieces.append(current)
            current = ""
        else:
            current += text[i]
        i += 1
    return pieces + [current]


def _assignments(flag, pieces, syntax):
    """(word, key, value) of each non-empty PART=VALUE piece; ``word`` is the key folded
    (case, spaces and _ ignored) for looking it up among the parts."""
    for piece in pieces:
        if not piece.strip():
            continue
        key, sep, value = piece.partition("=")
        if not sep:
            raise ValidationError(flag, f"{piece.strip()!r} is not PART=VALUE; write {syntax}")
        yield key.strip().lower().replace(" ", "").replace("_", ""), key, value


def parse_address(text):
    """An address entry of ``--address 'home: street=Rua A, 12; city=Natal; country=Brasil'``."""
    flag = "--address"
    label, body = "", text.strip()
    head, sep, rest = body.partition(":")
    if sep and "=" not in head and ";" not in head:
        label, body = head.strip(), rest
    address = {"label": label}
    for word, key, value in _assignments(flag, _parts(body), ADDRESS_SYNTAX):
        if word == "pref":
            if not value.strip().isdigit():
                raise ValidationError(flag, f"pref must be a number 1-100, got {value.strip()!r}")
            address["pref"] = int(value.strip())
            continue
        if word not in ADDRESS_WORDS:
            raise ValidationError(flag, f"{key.strip()!r} is not a part of an address; the parts are "
                                        f"{', '.join(ADDRESS_PARTS)} (or city, state, zip, code)")
        part = ADDRESS_WORDS[word]
        if part in address:
            raise ValidationError(flag, f"{part} is given twice in {text.strip()!r}")
        address[part] = value.strip()
    if not any(address.get(part) for part in ADDRESS_PARTS):
        raise ValidationError(flag, f"{text.strip()!r} gives no part; write {ADDRESS_SYNTAX}")
    return address


def parse_url(text):
    match = _URL_LABEL.fullmatch(text.strip())
    if match is None and re.fullmatch(r"[^:/=]{1,40}=\s*", text.strip()):
        raise ValidationError("--url", f"{text.strip()!r} has a label but no address; write LABEL=URL")
    if match:
        return {"label": match.group(1).strip(), "url": match.group(2).strip()}
    return {"label": "", "url": text.strip()}


def read_photo(path):
    """The ``photo`` value for ``--photo``: {"data": base64} of an image file, or {"uri"}."""
    if re.match(r"https?://", path, re.I):
        return {"uri": path}
    try:
        size = os.stat(path).st_size
        if size > MAX_PHOTO:
            raise ValidationError("--photo", f"{path} is {size:,} bytes; the limit is {MAX_PHOTO:,}")
        with open(path, "rb") as stream:
            data = stream.read(MAX_PHOTO + 1)
    except OSError as exc:
        raise ValidationError("--photo", f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_PHOTO:
        raise ValidationError("--photo", f"{path} is more than {MAX_PHOTO:,} bytes, the limit")
    if sniff_image(data) is None:
        raise ValidationError("--photo", f"{path} is not an image (PNG, JPEG, GIF or WebP bytes expected)")
    return {"data": base64.b64encode(data).decode("ascii")}


def _labelled(flag, key, text, need_uri=False, example=""):
    """'[LABEL=]VALUE' -> {"label", key}; a label holds no ':', '/' or '='."""
    match = _URL_LABEL.fullmatch(text.strip())
    if match is None and re.fullmatch(r"[^:/=]{1,40}=\s*", text.strip()):
        raise ValidationError(flag, f"{text.strip()!r} has a label but no value; write LABEL=VALUE")
    label, value = (match.group(1).strip(), match.group(2).strip()) if match else ("", text.strip())
    if need_uri and not _SCHEME.match(value):
        raise ValidationError(flag, f"{value!r} is not a URI (scheme:address); write e.g. {example}")
    return {"label": label, key: value}


def parse_im(text):
    return _labelled("--im", "uri", text, need_uri=True, example="xmpp:ada@example.com or skype:ada.l")


def parse_related(text):
    return _labelled("--related", "value", text)


def parse_key(text):
    return _labelled("--key", "value", text, need_uri=True,
                     example="https://example.com/ada.asc or data:application/pgp-keys;base64,...")


def parse_name_parts(text):
    """The ``n`` of ``--name-parts 'family=da Silva; given=Maria; additional=Clara'`` (what
    ``contacts show`` prints as "name parts"); '' -> {} (no structured name)."""
    flag, n = "--name-parts", {}
    for word, key, value in _assignments(flag, _parts(text.strip(), ";", ";,"), NAME_SYNTAX):
        if word not in NAME_WORDS:
            raise ValidationError(flag, f"{key.strip()!r} is not a part of a name; the parts are "
                                        f"{', '.join(NAME_PARTS)}")
        part = NAME_WORDS[word]
        if part in n:
            raise ValidationError(flag, f"{part} is given twice in {text.strip()!r}")
        n[part] = [v.strip() for v in _parts(value, ",", ",") if v.strip()]
    if text.strip() and not any(n.values()):
        raise ValidationError(flag, f"{text.strip()!r} gives no part; write {NAME_SYNTAX}")
    return {part: n.get(part, []) for part in NAME_PARTS} if n else {}


#: a language tag's first subtag is 2-3 letters (BCP 47; "english" is not one)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def check_language(text):
    text = text.strip()
    if not _LANGUAGE_TAG.fullmatch(text):
        raise ValidationError("--language", f"{text!r} is not a language tag; write e.g. en, pt-BR, zh-Hant")
    return text


def parse_gender(text):
    """'female' -> 'F', 'O;non-binary' as is; '' -> '' (none)."""
    text = text.strip()
    sex, sep, rest = text.partition(";")
    if not text or (not sex.strip() and sep):
        return text
    word = GENDER_WORDS.get(" ".join(sex.lower().split()))
    if word is None:
        raise ValidationError("--gender", f"{sex.strip()!r} is not a sex; give M, F, O, N or U (or male, "
                                          f"female, other, none, unknown), with ';text' for more "
                                          f"(O;{sex.strip()})")
    return word + sep + rest


def check_timezone(text):
    """An IANA zone name the system knows, 'UTC', or an offset from UTC (+05:30, -0300)."""
    text = text.strip()
    if not text or _UTC_OFFSET.fullmatch(text):
        return text
    import zoneinfo
    try:
        zoneinfo.ZoneInfo(text)
        return text
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    raise ValidationError("--timezone", f"{text!r} is neither a time zone name (America/Fortaleza, "
                                        f"Europe/London, UTC) nor an offset from UTC (-03:00, +0530)")


def parse_geo(text):
    """'-5.79, -35.21' or 'geo:-5.79,-35.21' -> 'geo:-5.79,-35.21' (the digits as typed)."""
    text = text.strip()
    if not text:
        return ""
    match = _GEO.fullmatch(text)
    if match is None:
        raise ValidationError("--geo", f"{text!r} is not LATITUDE,LONGITUDE in degrees (-5.79,-35.21)")
    lat, lon = match.groups()
    if not -90 <= float(lat) <= 90:
        raise ValidationError("--geo", f"latitude {lat} is not between -90 and 90")
    if not -180 <= float(lon) <= 180:
        raise ValidationError("--geo", f"longitude {lon} is not between -180 and 180")
    return f"geo:{lat},{lon}"


@dataclasses.dataclass(frozen=True)
class ListFlag:
    """A list field's flags: ``--FLAG`` (add: the list; edit: replaces it), and on edit
    ``--add-FLAG`` / ``--remove-FLAG`` (contacts/cli_lists.py)."""
    flag: str           # address -> --address, --add-address, --remove-address
    key: str            # the contact key
    parse: Callable     # the flag's text -> one entry
    metavar: str
    help: str
    one: str            # "an address": what one entry is called
    value: str = ""     # entries: the key --remove-FLAG matches ("" = a list of strings)
    match_help: str = "the value as given"

    @property
    def dest(self):
        return self.flag.replace("-", "_")

    @property
    def match_metavar(self):
        return self.metavar.replace("[LABEL=]", "")


LIST_FLAGS = (
    ListFlag("address", "addresses", parse_address, "ADDRESS", "a postal address: " + ADDRESS_SYNTAX,
             "an address", match_help="by its label, or by PART=VALUE parts it has, case ignored"),
    ListFlag("nickname", "nicknames", str.strip, "TEXT", "a nickname", "a nickname",
             match_help="case ignored"),
    ListFlag("url", "urls", parse_url, "[LABEL=]URL",
             "a web address (a label holds no ':' or '/')", "a web address", "url"),
    ListFlag("im", "impps", parse_im, "[LABEL=]URI", "an instant-messaging address as a URI "
             "(xmpp:ada@example.com, skype:ada.l, sip:...)", "an IM address", "uri"),
    ListFlag("related", "related", parse_related, "[LABEL=]NAME", "a related person: a name or a URI "
             "(spouse='William King', child=urn:uuid:...)", "a related person", "value"),
    ListFlag("org-unit", "org_units", str.strip, "UNIT", "a unit of the organization, outermost first",
             "a unit", match_help="case ignored"),
    ListFlag("language", "languages", check_language, "TAG", "a language the contact speaks, as a tag "
             "(pt-BR, en), preferred first", "a language", match_help="case ignored"),
    ListFlag("key", "keys", parse_key, "[LABEL=]URI", "a public key or certificate, as a URI "
             "(https://.../key.asc or data:...)", "a key", "value"),
)


def _strings(values):
    return [v.strip() for v in values if v.strip()]


def _given(values):
    """What a repeatable flag gave, '' meaning "empty it": None when not given."""
    return None if values is None else [v for v in values if v.strip()]


def rich_fields(args, contact=None):
    """The contact keys the flags set: for ``add`` (``contact`` None) or the changes of
    ``edit`` to ``contact``."""
    from . import cli_lists
    fields = {}
    for flag in ("birthday", "anniversary", "title", "role"):
        value = getattr(args, flag)
        if value is not None:
            fields[flag] = value.strip()
    for flag, check in (("gender", parse_gender), ("timezone", check_timezone), ("geo", parse_geo)):
        value = getattr(args, flag)
        if value is not None:
            fields[flag] = check(value)
    n = _name_changes(args, contact)
    if n is not None:
        fields["n"] = n
    for flag in LIST_FLAGS:
        replaced = _given(getattr(args, flag.dest))
        replaced = None if replaced is None else [flag.parse(v) for v in replaced]
        if contact is None:
            if replaced is not None:
                fields[flag.key] = replaced
            continue
        entries = cli_lists.edited(flag, contact, replaced, getattr(args, "add_" + flag.dest),
                                   getattr(args, "remove_" + flag.dest))
        if entries is not None:
            fields[flag.key] = entries
    if args.photo is not None:
        fields["photo"] = read_photo(args.photo)
    if getattr(args, "remove_photo", False):
        fields["photo"] = {}
    if args.starred is not None:
        fields["starred"] = args.starred
    if contact is None:
        if args.group:
            fields["groups"] = _strings(args.group)
        return fields
    groups = _group_changes(contact, _strings(args.group), _strings(args.remove_group))
    if groups is not None:
        fields["groups"] = groups
    return fields


def _name_changes(args, contact):
    """The new ``n`` from --name-parts (the whole of it) or --family ... --suffix (those
    parts; on edit the others are kept), or None when none of them was given."""
    parts = {part: _given(getattr(args, dest)) for dest, part in NAME_PART_FLAGS}
    parts = {part: values for part, values in parts.items() if values is not None}
    if args.name_parts is not None:
        if parts:
            raise ValidationError("--name-parts", f"give either --name-parts or --{'/--'.join(d for d, _ in NAME_PART_FLAGS)}, "
                                                  "not both; nothing was changed")
        return parse_name_parts(args.name_parts)
    if not parts:
        return None
    n = {part: list((contact or {}).get("n", {}).get(part, [])) for part in NAME_PARTS}
    n.update({part: [v.strip() for v in values] for part, values in parts.items()})
    return n if any(n.values()) else {}


def _group_changes(contact, added, removed):
    """{"add": [...], "remove": [...]} (the add-wins form: a concurrent edit of other groups
    on another replica is kept), or None when neither flag was given."""
    if not added and not removed:
        return None
    both = sorted(set(added) & set(removed))
    if both:
        raise ValidationError("--group", f"{both[0]!r} is both added and removed; nothing was changed")
    have = contact.get("groups") or []
    names = []
    for group in removed:
        found = [g for g in have if g == group] or [g for g in have if g.casefold() == group.casefold()]
        if not found:
            raise ValidationError("--remove-group", f"the contact is not in the group {group!r} (its groups: "
                                                    f"{', '.join(have) or 'none'}); nothing was changed")
        names.append(found[0])
    return {"add": added, "remove": names}
