"""The flags of ``contacts add`` / ``contacts edit`` for the rich fields (docs/cli.md):
what each takes and the contact keys (docs/contact-model.md) it sets.

The values are checked by the replica, as any client's are (one call: a bad value
refuses the whole command and changes nothing); what only the command line can get
wrong is checked here, before any call: the ``--address`` syntax, the photo file,
a group both added and removed, a group the contact is not in.
"""
import base64
import os
import re

from .errors import ValidationError
from .fields import ADDRESS_PARTS, MAX_PHOTO, sniff_image

#: --address part names, and the everyday words taken for them
ADDRESS_WORDS = {**{part: part for part in ADDRESS_PARTS},
                 "po": "pobox", "ext": "extended", "city": "locality", "town": "locality",
                 "state": "region", "province": "region", "code": "postcode", "zip": "postcode",
                 "postalcode": "postcode"}
ADDRESS_SYNTAX = "[LABEL:] PART=VALUE; PART=VALUE ...  (PART: " + ", ".join(ADDRESS_PARTS) + \
                 ", or city, state, zip, code; also pref=1-100; '\\;' for a ';' in a value)"
#: a flag whose value may start with '--' (a date without a year, --0415)
DATE_FLAGS = ("--birthday", "--anniversary")
_NO_YEAR = re.compile(r"--\d")
#: "home=https://..." has a label; "https://x/?a=b" has none (a label holds no ':' or '/')
_URL_LABEL = re.compile(r"([^:/=]{1,40})=(.+)", re.S)


def join_date_values(argv):
    """``--birthday --0415`` -> ``--birthday=--0415``: argparse would read the no-year date
    as an option of its own."""
    out, argv = [], list(argv)
    i = 0
    while i < len(argv):
        if argv[i] in DATE_FLAGS and i + 1 < len(argv) and _NO_YEAR.match(argv[i + 1]):
            out.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def add_arguments(parser, editing):
    """The rich-field flags, on ``add`` (editing=False) or ``edit``."""
    lists = " (repeatable; replaces the list; '' empties it)" if editing else " (repeatable)"
    parser.add_argument("--birthday", metavar="DATE",
                        help="1985-04-15, --0415 or --04-15 (no year), 1985-04, 1985" + ("; '' removes it" if editing else ""))
    parser.add_argument("--anniversary", metavar="DATE", help="a date, as --birthday")
    parser.add_argument("--address", action="append", metavar="ADDRESS",
                        help="a postal address: " + ADDRESS_SYNTAX + lists)
    parser.add_argument("--nickname", action="append", metavar="TEXT", help="a nickname" + lists)
    parser.add_argument("--url", action="append", metavar="[LABEL=]URL", help="a web address" + lists)
    parser.add_argument("--title", help="job title" + ("; '' removes it" if editing else ""))
    parser.add_argument("--role", help="role in the organization" + ("; '' removes it" if editing else ""))
    parser.add_argument("--org-unit", action="append", metavar="UNIT",
                        help="a unit of the organization, outermost first" + lists)
    if editing:
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
def _parts(text):
    """'a=1; b=x\\;y' -> ['a=1', 'b=x;y'] (split on unescaped ';')."""
    pieces, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] == ";":
            current += ";"
            i += 2
            continue
        if text[i] == ";":
            pieces.append(current)
            current = ""
        else:
            current += text[i]
        i += 1
    return pieces + [current]


def parse_address(text):
    """An address entry of ``--address 'home: street=Rua A, 12; city=Natal; country=Brasil'``."""
    flag = "--address"
    label, body = "", text.strip()
    head, sep, rest = body.partition(":")
    if sep and "=" not in head and ";" not in head:
        label, body = head.strip(), rest
    address = {"label": label}
    for piece in _parts(body):
        if not piece.strip():
            continue
        key, sep, value = piece.partition("=")
        word = key.strip().lower().replace(" ", "").replace("_", "")
        if not sep:
            raise ValidationError(flag, f"{piece.strip()!r} is not PART=VALUE; write {ADDRESS_SYNTAX}")
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


def _strings(values):
    return [v.strip() for v in values if v.strip()]


def rich_fields(args, contact=None):
    """The contact keys the flags set: for ``add`` (``contact`` None) or the changes of
    ``edit`` to ``contact``."""
    fields = {}
    for flag in ("birthday", "anniversary", "title", "role"):
        value = getattr(args, flag)
        if value is not None:
            fields[flag] = value.strip()
    for flag, key, parse in (("address", "addresses", parse_address), ("nickname", "nicknames", str.strip),
                             ("url", "urls", parse_url), ("org_unit", "org_units", str.strip)):
        values = getattr(args, flag)
        if values is not None:
            fields[key] = [parse(v) for v in values if v.strip()]
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
