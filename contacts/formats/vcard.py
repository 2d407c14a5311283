"""vCard files, lossless: read 2.1, 3.0 and 4.0; write 3.0 or 4.0 (``version=``).

``version`` defaults to 3.0: Google Contacts, iOS/macOS, Android and Outlook all import
it, while 4.0 support is patchy (``contacts export --vcard-version 4.0`` for the others).

Lines are read with ``vobject``'s line parser (unfolding, quoted-printable with its
``CHARSET``, parameters, item groups); values are then unescaped and split here, so a
value is never re-guessed from another (``N`` is never rebuilt from ``FN``).

Mapping (docs/contact-model.md is the contract for the contact dict):

================  =====================================================================
contact           vCard (read: 2.1 / 3.0 / 4.0; written as 3.0 / 4.0)
================  =====================================================================
id                ``UID`` (an id this project cannot use as is is derived from it, and
                  the original ``UID`` is kept in ``extra`` and written back)
name              ``FN`` (when a card has no FN, read from ``N``)
n                 ``N``: family;given;additional;prefixes;suffixes, each component split
                  on unescaped "," (3.0/4.0) into a list. Written as is. vCard 3.0
                  requires N: a contact without ``n`` gets one derived from ``name``
                  (last word = family), marked ``X-CONTACTS-DERIVED=TRUE`` so that reading
                  it back gives ``n == {}`` again
nicknames         ``NICKNAME`` (comma list; several lines add up)
photo             ``PHOTO``: inline (3.0 ``ENCODING=b``, 2.1 ``ENCODING=BASE64``, 4.0
                  ``data:`` URI) -> ``{"data": base64}``; a URI -> ``{"uri": ...}``.
                  Written inline (3.0 ``ENCODING=b;TYPE=JPEG``, 4.0 ``data:`` URI); a
                  stored photo (``{"hash": ...}``) needs ``photos=get_photo``
birthday          ``BDAY``; read forms 19850415, 1985-04-15, --0415, --04-15, 1985,
                  1985-04, date-times, Apple's ``X-APPLE-OMIT-YEAR``; kept as
                  1985-04-15 / --04-15 / 1985 / 1985-04 / 1985-04-15T10:30:00Z. Written
                  3.0: extended (1985-04-15, --04-15), 4.0: basic (19850415, --0415)
anniversary       ``ANNIVERSARY`` (4.0); 3.0 ``X-ANNIVERSARY`` and Apple's
                  ``itemN.X-ABDATE`` + ``itemN.X-ABLabel:_$!<Anniversary>!$_``.
                  Written 4.0 ``ANNIVERSARY``, 3.0 ``X-ANNIVERSARY``
addresses         ``ADR`` (pobox;extended;street;locality;region;postcode;country), label
                  from TYPE / X-ABLabel, pref
phones            ``TEL`` (a 4.0 ``tel:`` URI is read as its number; ``;ext=`` -> " ext. "),
                  the number kept as typed; ``region`` <-> ``X-CONTACTS-REGION=BR``, written
                  when the number's E.164 form was read in a region, so that importing
                  the file finds it again without ``--region``
emails / urls     ``EMAIL`` (TYPE INTERNET is noise) / ``URL``
impps             ``IMPP``
organization      ``ORG``'s first component; ``org_units``: the further components
title / role      ``TITLE`` / ``ROLE``
groups            ``CATEGORIES`` (Google's ``starred`` category -> ``starred``)
related           ``RELATED`` (TYPE -> label; text or URI); 3.0 Apple's
                  ``itemN.X-ABRELATEDNAMES`` + ``X-ABLabel``. Written 4.0 ``RELATED``,
                  3.0 ``itemN.X-ABRELATEDNAMES``
gender            ``GENDER`` (4.0, kept as is: "F", "O;non-binary"); 3.0 ``X-GENDER``
                  (Male/Female -> M/F, other text -> ";text")
languages         ``LANG`` (one per line); timezone ``TZ``; geo ``GEO`` (3.0 "lat;lon"
                  is read as ``geo:lat,lon``; written back as "lat;lon" in 3.0)
keys              ``KEY`` (a 3.0 inline key becomes a ``data:`` URI)
starred           ``X-STARRED:TRUE`` (also read: ``CATEGORIES`` holding ``starred``)
notes             ``NOTE`` (several NOTEs are joined by newlines)
extra             everything else, verbatim: ``{"group", "name", "params", "value"}``
================  =====================================================================

Labels: TYPE values home, work, cell (-> "mobile"), fax, pager, voice, text, video,
textphone, main, other, iphone (-> "mobile") are read as lower-case words joined by a
space ("work mobile"); any other TYPE value, Apple's ``itemN.X-ABLabel`` (its
``_$!<Mobile>!$_`` tokens are read as the word), and this project's older ``X-<label>``
TYPE are a custom label, case kept. Writing: a label made only of standard words is
written as TYPE values, any other as ``itemN.X-ABLabel``. ``pref``: 4.0 ``PREF=n``,
3.0 ``TYPE=pref`` (= 1; a 3.0 file gets ``PREF=n`` for other values). TYPE words the
label does not write back are kept in the property's kept parameters (below): VOICE
beside other words (iOS's ``TEL;type=CELL;type=VOICE`` reads "mobile" and is written
``TYPE=CELL,VOICE``), IPHONE (the label writes CELL), standard words beside a custom
label, and the pref of a related entry or a key (which have no ``pref``: ``TYPE=pref`` /
``PREF``).

``extra``: every property with no field above (``X-`` extensions, ``PRODID``, ``REV``,
``LABEL``, ``SOUND``, ``X-ABLabel`` of a group no modelled property uses ...), with its
group, upper-case parameter names and its value as written in a 3.0/4.0 file (escaped);
written back verbatim. A modelled property's parameters that have no field (``ALTID``,
``PID``, 4.0 ``LABEL`` of an ADR, ``SORT-AS`` ...) and its item group when other
properties of that group are kept in ``extra`` are kept as an entry with the property's
name, those params and the value this module writes for it; when the contact is written,
they are put back on that property (an entry whose property is gone is dropped).
Transport params (``ENCODING``, ``CHARSET``, ``VALUE``) are not kept: files are written
as UTF-8 with the encoding the version wants.

A file is split into ``BEGIN:VCARD`` ... ``END:VCARD`` blocks before parsing, so one
broken card is reported with its line number and the others are still imported.
"""
import base64
import binascii
import io
import re

from vobject.base import ContentLine, getLogicalLines, textLineToContentLine

from ..errors import ValidationError
from ..fields import check_region
from .entry import Entry, id_from_file

VERSIONS = ("4.0", "3.0")
DEFAULT_VERSION = "3.0"

#: TYPE word (upper) -> label word
TYPE_TO_LABEL = {"CELL": "mobile", "IPHONE": "mobile", "MOBILE": "mobile", "WORK": "work", "HOME": "home",
                 "FAX": "fax", "PAGER": "pager", "VOICE": "voice", "TEXT": "text", "VIDEO": "video",
                 "TEXTPHONE": "textphone", "MAIN": "main", "OTHER": "other", "MSG": "msg", "BBS": "bbs",
                 "MODEM": "modem", "CAR": "car", "ISDN": "isdn", "PCS": "pcs", "DOM": "dom",
                 "INTL": "intl", "POSTAL": "postal", "PARCEL": "parcel"}
LABEL_TO_TYPE = {"mobile": "CELL", "work": "WORK", "home": "HOME", "fax": "FAX", "pager": "PAGER",
                 "voice": "VOICE", "text": "TEXT", "video": "VIDEO", "textphone": "TEXTPHONE",
                 "main": "MAIN", "other": "OTHER", "msg": "MSG", "bbs": "BBS", "modem": "MODEM",
                 "car": "CAR", "isdn": "ISDN", "pcs": "PCS", "dom": "DOM", "intl": "INTL",
                 "postal": "POSTAL", "parcel": "PARCEL"}
#: TYPE values that say nothing a label should repeat
NOISE_TYPES = {"INTERNET", "X400", "PREF"}
#: RELATED types of RFC 6350 (label words)
RELATED_TYPES = {"contact", "acquaintance", "friend", "met", "co-worker", "colleague", "co-resident",
                 "neighbor", "child", "parent", "sibling", "spouse", "kin", "muse", "crush", "date",
                 "sweetheart", "me", "agent", "emergency"}
RELATED_LABEL_TO_TYPE = {t: t for t in RELATED_TYPES}
APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
APPLE_WORDS = {"mobile": "mobile", "home": "home", "work": "work", "other": "other", "main": "main",
               "pager": "pager", "homefax": "home fax", "workfax": "work fax", "otherfax": "other fax",
               "homepage": "homepage", "anniversary": "anniversary"}
#: labels written as Apple's own X-ABLabel token (read back as the same label)
APPLE_TOKENS = {"homepage": "_$!<HomePage>!$_", "home fax": "_$!<HomeFAX>!$_", "work fax": "_$!<WorkFAX>!$_",
                "other fax": "_$!<OtherFAX>!$_"}
TRANSPORT_PARAMS = {"ENCODING", "CHARSET", "VALUE"}
DERIVED = "X-CONTACTS-DERIVED"
#: on a TEL: the region its number was read in (so the E.164 form is found again on import
#: without ``--region``; the number itself is written as typed, other apps ignore the param)
PHONE_REGION = "X-CONTACTS-REGION"
MODELLED = {"VERSION", "UID", "FN", "N", "NICKNAME", "PHOTO", "BDAY", "ANNIVERSARY", "X-ANNIVERSARY",
            "ADR", "TEL", "EMAIL", "URL", "IMPP", "ORG", "TITLE", "ROLE", "CATEGORIES", "RELATED",
            "X-ABRELATEDNAMES", "GENDER", "X-GENDER", "LANG", "TZ", "GEO", "KEY", "X-STARRED", "NOTE",
            "X-ABDATE"}
ADR_PARTS = ("pobox", "extended", "street", "locality", "region", "postcode", "country")
N_PARTS = ("family", "given", "additional", "prefixes", "suffixes")
_LINE_END = re.compile(r"\r\n|\r|\n")


# -- escaping ----------------------------------------------------------------------------
def unescape(value):
    r"""'a\, b\nc' -> 'a, b<newline>c' (any other escaped character stands for itself)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")        # 2.1 quoted-printable =0D=0A
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value, flags=re.S)


def escape(value):
    return (value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


def split(value, sep):
    """Split an escaped value on unescaped ``sep``; the pieces stay escaped."""
    pieces, current, i = [], "", 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            current += value[i:i + 2]
            i += 2
            continue
        if char == sep:
            pieces.append(current)
            current = ""
        else:
            current += char
        i += 1
    pieces.append(current)
    return pieces


def _list_value(value, split_commas=True):
    pieces = split(value, ",") if split_commas else [value]
    return [unescape(p).strip() for p in pieces if unescape(p).strip()]


# -- dates -------------------------------------------------------------------------------
_DATE_FORMS = [
    (re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$"), lambda m: f"{m[1]}-{m[2]}-{m[3]}"),
    (re.compile(r"^--(\d{2})-?(\d{2})$"), lambda m: f"--{m[1]}-{m[2]}"),
    (re.compile(r"^(\d{4})$"), lambda m: m[1]),
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda m: f"{m[1]}-{m[2]}"),
    (re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})?(Z|[+-]\d{2}:?\d{2})?$"),
     lambda m: f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6] or '00'}" + _zone(m[7])),
]


def _zone(zone):
    if not zone or zone == "Z":
        return zone or ""
    return zone[:3] + ":" + zone[-2:]


def read_date(value, params=None):
    """A vCard date in one of the contract's forms, or None when it is not a date."""
    value = value.strip()
    for pattern, form in _DATE_FORMS:
        match = pattern.match(value)
        if match:
            date = form(match)
            omit = (params or {}).get("X-APPLE-OMIT-YEAR")
            if omit and re.match(r"^\d{4}-\d{2}-\d{2}$", date) and date[:4] == omit[0]:
                date = "--" + date[5:]
            return date
    return None


def write_date(date, version):
    if version == "3.0":
        return date
    if date.startswith("--"):
        return "--" + date[2:].replace("-", "")
    if re.match(r"^\d{4}(-\d{2})?$", date):
        return date                     # 4.0 writes year-month with its dash (RFC 6350 4.3.1)
    return date.replace("-", "").replace(":", "") if "T" not in date else \
        date.split("T")[0].replace("-", "") + "T" + date.split("T")[1].replace(":", "")


# -- reading -----------------------------------------------------------------------------
def _blocks(text):
    """(first line number, lines, problem) for each BEGIN:VCARD ... END:VCARD block."""
    start, lines, stray = None, [], None
    for number, raw in enumerate(_LINE_END.split(text), 1):
        word = raw.strip().upper()
        if word == "BEGIN:VCARD":
            if start is not None:
                yield start, lines, "no END:VCARD before the next BEGIN:VCARD"
            if stray is not None:
                yield stray, [], "text outside BEGIN:VCARD ... END:VCARD"
                stray = None
            start, lines = number, [raw]
        elif start is None:
            if word and stray is None:
                stray = number
        else:
            lines.append(raw)
            if word == "END:VCARD":
                yield start, lines, None
                start, lines = None, []
    if start is not None:
        yield start, lines, "the file ends before END:VCARD"
    if stray is not None:
        yield stray, [], "text outside BEGIN:VCARD ... END:VCARD"


class _Prop:
    """One property line: group, NAME, params {NAME: [values]} (2.1 bare types in TYPE), raw value."""

    def __init__(self, line):
        self.group = (line.group or "").strip()
        self.name = line.name.upper()
        self.params = {}
        for key, values in line.params.items():
            self.params.setdefault(key.upper(), []).extend(str(v) for v in values)
        for bare in line.singletonparams:
            bare = str(bare)
            if bare.upper() in ("BASE64", "B"):
                self.params.setdefault("ENCODING", []).append(bare)
            else:
                self.params.setdefault("TYPE", []).append(bare)
        value = line.value
        if isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        self.value = str(value)
        self.used = set()          # params consumed by a field
        self.kept = {}             # values of used params the field cannot write back (kept in extra)

    def param(self, name):
        self.used.add(name)
        return self.params.get(name, [])

    def leftover(self):
        left = {k: list(v) for k, v in self.params.items()
                if k not in self.used and k not in TRANSPORT_PARAMS}
        for key, values in self.kept.items():
            left.setdefault(key, [])
            left[key] += [v for v in values if v not in left[key]]
        return left

    def encoded_base64(self):
        return any(v.upper() in ("B", "BASE64") for v in self.params.get("ENCODING", []))


def _card_props(lines, first_line):
    """The _Prop of each line of one block (without BEGIN/END) and the card's version."""
    props = []
    for line, number in getLogicalLines(io.StringIO("\r\n".join(lines) + "\r\n"), True):
        try:
            content = textLineToContentLine(line, number)
        except Exception as exc:  # vobject raises ParseError and others on a bad line
            raise ValueError(_parse_problem(exc, first_line)) from None
        if content.name.upper() in ("BEGIN", "END"):
            continue
        props.append(_Prop(content))
    return props


def _type_words(prop):
    """TYPE values, 4.0 quoted lists ('TYPE="work,voice"') split."""
    words = []
    for value in prop.param("TYPE"):
        words += [p.strip() for p in value.split(",") if p.strip()]
    return words


def _apple_label(text):
    match = APPLE_LABEL.match(text.strip())
    if not match:
        return text.strip()
    inner = match.group(1)
    return APPLE_WORDS.get(inner.lower(), inner.lower() if inner.lower() in RELATED_TYPES else inner)


def _label_and_pref(prop, group_labels, known=TYPE_TO_LABEL, standard=LABEL_TO_TYPE, has_pref=True):
    """(label, pref) of a property from its TYPE values, PREF and its group's X-ABLabel.

    The TYPE values writing (label, pref) back would not give again (VOICE beside CELL, which
    the label leaves out so that it reads "mobile"; IPHONE, written as CELL; standard words
    beside a custom label; a pref the field has no place for: ``has_pref=False``) are kept
    in ``prop.kept``, so that the property's kept parameters (``extra``) put them back."""
    words, custom, pref, typed = [], [], None, []
    for value in _type_words(prop):
        upper = value.upper()
        if upper == "PREF":
            pref = 1
            if not has_pref:
                typed.append(value)
        elif upper in NOISE_TYPES:
            continue
        elif upper in known:
            words.append(known[upper])
            typed.append(value)
        elif upper.startswith("X-") and len(value) > 2:
            custom.append(value[2:])
        else:
            custom.append(value)
    for value in prop.param("PREF"):
        if value.strip().isdigit() and 1 <= int(value) <= 100:
            pref = int(value)
    if not has_pref and prop.params.get("PREF"):
        prop.kept["PREF"] = list(prop.params["PREF"])
    if prop.group and prop.group.upper() in group_labels:
        custom.append(group_labels[prop.group.upper()])
    if custom:
        label = " ".join(dict.fromkeys(custom))
    else:
        words.sort(key=lambda w: w == "mobile")     # "work mobile", not "mobile work"
        if len(words) > 1 and "voice" in words:
            words.remove("voice")
        label = " ".join(dict.fromkeys(words))
    written = set() if custom else {standard.get(w, "").upper() for w in label.split()}
    kept = [v for v in typed if v.upper() not in written]
    if kept:
        prop.kept["TYPE"] = list(dict.fromkeys(kept))
    return label, pref


def _phone_number(value):
    """The number of a TEL value: 4.0 writes 'tel:+1-418-656-9254;ext=102'."""
    value = unescape(value).strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
        value = re.sub(r";ext=", " ext. ", value, flags=re.IGNORECASE)
        value = value.split(";", 1)[0]
    return value


def _phone_region(prop):
    """The X-CONTACTS-REGION of a TEL, when it is a region phonenumbers knows (else the
    param is left to ``extra``, kept as it was, and the number is read as any other)."""
    values = prop.params.get(PHONE_REGION, [])
    if len(values) != 1:
        return ""
    try:
        region = check_region(values[0]) or ""
    except ValidationError:
        return ""
    prop.used.add(PHONE_REGION)
    return region


def _geo(value):
    value = unescape(value).strip()
    match = re.match(r"^\s*(-?[\d.]+)\s*[;,]\s*(-?[\d.]+)\s*$", value)
    return f"geo:{match[1]},{match[2]}" if match else value


def _gender_from_x(value):
    word = value.strip()
    mapped = {"male": "M", "m": "M", "female": "F", "f": "F"}.get(word.lower())
    if mapped:
        return mapped
    if re.match(r"^[MFONU]?(;.*)?$", word):
        return word
    return ";" + word


def _photo(prop):
    value = prop.value.strip()
    # a data: URI, also under ENCODING=b (InfCloud writes PHOTO;ENCODING=b:data:image/png;base64,...)
    match = re.match(r"^data:[^,]*;base64,(.*)$", value, flags=re.S | re.I)
    if match:
        return {"data": re.sub(r"\s", "", match.group(1))}
    if prop.encoded_base64():
        return {"data": re.sub(r"\s", "", value)}
    return {"uri": unescape(value)}


_KEY_TYPES = {"PGP": "application/pgp-keys", "X509": "application/x-x509-ca-cert"}


def _key_value(prop):
    if prop.encoded_base64():
        media = "application/octet-stream"
        for word in prop.params.get("TYPE", []):
            if word.upper() not in ("HOME", "WORK"):
                media = _KEY_TYPES.get(word.upper(), media if "/" not in word else word)
        prop.used.add("TYPE")
        data = re.sub(r"\s", "", prop.value)
        return f"data:{media};base64,{data}"
    return unescape(prop.value).strip()


def empty_contact():
    return {"name": "", "n": {}, "nicknames": [], "photo": {}, "birthday": "", "anniversary": "",
            "addresses": [], "phones": [], "emails": [], "urls": [], "impps": [], "organization": "",
            "org_units": [], "title": "", "role": "", "groups": [], "related": [], "gender": "",
            "languages": [], "timezone": "", "geo": "", "keys": [], "starred": False, "notes": "",
            "extra": []}


def props_to_contact(props):
    """The contact dict (docs/contact-model.md) of one card's properties."""
    version = next((p.value.strip() for p in props if p.name == "VERSION"), "3.0")
    commas = version != "2.1"
    contact = empty_contact()
    notes = []
    # the X-ABLabel of each item group, when a modelled property of that group uses it
    labels = {p.group.upper(): _apple_label(unescape(p.value)) for p in props
              if p.name == "X-ABLABEL" and p.group}
    used_labels = set()
    derived_n = None
    attached = []                           # (prop, value written for it)
    extra_props = []

    def one(prop, key, value):
        if not value:
            return False                # an empty property means nothing
        if contact[key]:
            extra_props.append(prop)
            return False
        contact[key] = value
        return True

    for prop in props:
        name, group = prop.name, prop.group.upper()
        written = ""
        if name == "VERSION":
            continue
        # the value an attachment (params without a field) is matched by when writing:
        # "" for properties a contact has at most one of
        if name == "UID":
            uid = unescape(prop.value).strip()
            if contact.get("id") or not uid:
                extra_props.append(prop)
                continue
            contact["id"] = id_from_file(uid)
            if contact["id"] != uid:
                extra_props.append(prop)
                continue
            written = ""
        elif name == "FN":
            if not one(prop, "name", unescape(prop.value).strip()):
                continue
            written = ""
        elif name == "N":
            derived = bool(prop.param(DERIVED))
            if contact["n"]:
                extra_props.append(prop)
                continue
            parts = (split(prop.value, ";") + [""] * 5)[:5]
            n = {key: _list_value(part, commas) for key, part in zip(N_PARTS, parts)}
            if derived:
                derived_n = n
                continue
            if not any(n.values()):
                continue
            contact["n"] = n
        elif name == "NICKNAME":
            contact["nicknames"] += _list_value(prop.value, commas)
            written = ",".join(escape(v) for v in contact["nicknames"])
        elif name == "PHOTO":
            if contact["photo"]:
                extra_props.append(prop)
                continue
            prop.used.update({"TYPE", "MEDIATYPE"})
            contact["photo"] = _photo(prop)
        elif name in ("BDAY", "ANNIVERSARY", "X-ANNIVERSARY", "X-ABDATE"):
            key = "birthday" if name == "BDAY" else "anniversary"
            if name == "X-ABDATE" and labels.get(group) != "anniversary":
                extra_props.append(prop)
                continue
            if name == "X-ABDATE":
                used_labels.add(group)
            prop.used.add("X-APPLE-OMIT-YEAR")
            date = read_date(unescape(prop.value), prop.params)
            if not date or contact[key]:
                extra_props.append(prop)
                continue
            contact[key] = date
        elif name in ("TEL", "EMAIL", "URL", "IMPP", "ADR"):
            label, pref = _label_and_pref(prop, labels)
            if group in labels:
                used_labels.add(group)
            if name == "TEL":
                number = _phone_number(prop.value)
                if not number:
                    extra_props.append(prop)
                    continue
                item = {"label": label, "number": number, "pref": pref}
                region = _phone_region(prop)
                if region:
                    item["region"] = region
                contact["phones"].append(item)
                written = escape(number)
            elif name == "EMAIL":
                address = unescape(prop.value).strip()
                if not address:
                    continue
                contact["emails"].append({"label": label, "address": address, "pref": pref})
                written = escape(address)
            elif name == "URL":
                url = unescape(prop.value).strip()
                if not url:
                    continue
                contact["urls"].append({"label": label, "url": url, "pref": pref})
                written = _uri(url)
            elif name == "IMPP":
                uri = unescape(prop.value).strip()
                if not uri:
                    continue
                contact["impps"].append({"label": label, "uri": uri, "pref": pref})
                written = _uri(uri)
            else:
                parts = (split(prop.value, ";") + [""] * 7)[:7]
                address = {key: unescape(part).strip() for key, part in zip(ADR_PARTS, parts)}
                if not any(address.values()):
                    continue
                item = dict(label=label, **address, pref=pref)
                contact["addresses"].append(item)
                written = _adr_value(item)
        elif name == "ORG":
            parts = [unescape(p).strip() for p in split(prop.value, ";")]
            if contact["organization"] or contact["org_units"] or not any(parts):
                if any(parts):
                    extra_props.append(prop)
                continue
            contact["organization"] = parts[0]
            contact["org_units"] = [p for p in parts[1:] if p]
            written = ""
        elif name in ("TITLE", "ROLE", "TZ", "GENDER", "X-GENDER", "GEO"):
            key = {"TITLE": "title", "ROLE": "role", "TZ": "timezone", "GENDER": "gender",
                   "X-GENDER": "gender", "GEO": "geo"}[name]
            if name in ("GENDER", "X-GENDER"):
                value = prop.value.strip() if name == "GENDER" else _gender_from_x(unescape(prop.value))
            elif name == "GEO":
                value = _geo(prop.value)
            else:
                value = unescape(prop.value).strip()
            if not one(prop, key, value):
                continue
        elif name == "CATEGORIES":
            for group_name in _list_value(prop.value, True):
                if group_name.lower() == "starred":
                    contact["starred"] = True
                elif group_name not in contact["groups"]:
                    contact["groups"].append(group_name)
        elif name == "X-STARRED":
            contact["starred"] = unescape(prop.value).strip().lower() in ("true", "1", "yes")
        elif name in ("RELATED", "X-ABRELATEDNAMES"):
            # a related entry has no pref: its TYPE=pref / PREF stays in its kept parameters
            label, _ = _label_and_pref(prop, labels, known={t.upper(): t for t in RELATED_TYPES},
                                       standard=RELATED_LABEL_TO_TYPE, has_pref=False)
            if group in labels:
                used_labels.add(group)
            value = unescape(prop.value).strip()
            if not value:
                continue
            contact["related"].append({"label": label, "value": value})
            written = escape(value)
        elif name == "LANG":
            value = unescape(prop.value).strip()
            if value:
                contact["languages"].append(value)
            written = escape(value)
        elif name == "KEY":
            if prop.encoded_base64():
                words = {w.lower() for w in prop.params.get("TYPE", [])}
                label = " ".join(w for w in ("home", "work") if w in words)
            else:
                # a key has no pref either: kept in its parameters, as for a related entry
                label, _ = _label_and_pref(prop, labels, known={"HOME": "home", "WORK": "work"}, has_pref=False)
                if group in labels:
                    used_labels.add(group)
            prop.used.update({"TYPE", "PREF", "MEDIATYPE"})
            value = _key_value(prop)
            if value:
                contact["keys"].append({"label": label, "value": value})
            written = escape(value)
        elif name == "NOTE":
            note = unescape(prop.value).strip()
            if note:
                notes.append(note)
            continue
        else:
            extra_props.append(prop)
            continue
        attached.append((prop, written))

    contact["notes"] = "\n".join(notes)
    if not contact["name"] and (contact["n"] or derived_n):
        n = contact["n"] or derived_n
        contact["name"] = " ".join(" ".join(n[k]) for k in ("prefixes", "given", "additional", "family",
                                                             "suffixes") if n[k])
    extra = []
    for prop in extra_props:
        if prop.name == "X-ABLABEL" and prop.group.upper() in used_labels:
            continue
        params = {k: v for k, v in prop.params.items() if k != "CHARSET"}
        value = prop.value
        if "ENCODING" in params and version == "2.1":
            params["ENCODING"] = ["b" if v.upper() == "BASE64" else v for v in params["ENCODING"]]
        extra.append({"group": prop.group, "name": prop.name, "params": params,
                      "value": _LINE_END.sub("\\\\n", value)})
    kept_groups = {e["group"].upper() for e in extra if e["group"]}
    attachments = []
    for prop, written in attached:
        leftover = prop.leftover()
        keep_group = prop.group if prop.group.upper() in kept_groups else ""
        if leftover or keep_group:
            attachments.append({"group": keep_group, "name": _canonical(prop.name), "params": leftover,
                                "value": written})
    # verbatim entries in file order, then the attachments in an order of their own (the
    # writer puts properties in its order, not the file's)
    attachments.sort(key=lambda e: (e["name"], e["value"], e["group"], sorted(e["params"].items())))
    contact["extra"] = extra + attachments
    return contact


def card_to_contact(props):
    """(contact dict, ignored property names) of one card; nothing is ignored any more."""
    return props_to_contact(props), ()


def parse_vcards(text):
    """One :class:`~contacts.formats.importing.Entry` per card of a vCard file's text."""
    for number, (line, lines, problem) in enumerate(_blocks(text), 1):
        if problem is not None:
            yield Entry(number, line, error=problem)
            continue
        try:
            contact = props_to_contact(_card_props(lines, line))
        except Exception as exc:  # a bad line, or a value this reader trips on
            yield Entry(number, line, error=f"cannot read this card: {str(exc) or type(exc).__name__}")
            continue
        if not contact["name"]:
            yield Entry(number, line, contact, error="no name (neither FN nor N)")
            continue
        yield Entry(number, line, contact)


def _parse_problem(exc, first_line):
    text = str(exc).strip() or type(exc).__name__
    match = re.search(r"line (\d+)", text)
    if match:
        # vobject counts lines inside the block; say where it is in the file
        text = re.sub(r"line (\d+)", f"line {first_line + int(match.group(1)) - 1}", text, count=1)
    return text.replace("\n", " ")


# -- writing -----------------------------------------------------------------------------
def _n_value(n):
    return ";".join(",".join(escape(v) for v in (n or {}).get(key, [])) for key in N_PARTS)


def _adr_value(address):
    return ";".join(escape(address.get(key) or "") for key in ADR_PARTS)


def _org_value(organization, units):
    return ";".join(escape(v) for v in [organization or ""] + list(units or []))


def _uri(value):
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def _derived_n(name):
    words = name.split()
    if len(words) < 2:
        return {"family": [], "given": [name] if name else [], "additional": [], "prefixes": [], "suffixes": []}
    return {"family": [words[-1]], "given": [" ".join(words[:-1])], "additional": [], "prefixes": [],
            "suffixes": []}


class _Writer:
    def __init__(self, contact, version):
        self.version = version
        self.lines = []
        self.extra = [dict(e) for e in contact.get("extra") or []]
        self.attachments = [e for e in self.extra if e["name"] in MODELLED and e["name"] != "UID"
                            and "value" in e and not _is_verbatim(e)]
        self.extra = [e for e in self.extra if e not in self.attachments]
        taken = {(e.get("group") or "").lower() for e in self.extra + self.attachments}
        self._groups = (f"item{i}" for i in range(1, 10_000) if f"item{i}" not in taken)

    def add(self, name, value, params=None, group="", match=""):
        params = {k: list(v) for k, v in (params or {}).items() if v}
        for index, attachment in enumerate(self.attachments):
            if _canonical(attachment["name"]) == _canonical(name) and attachment["value"] == match:
                for key, values in attachment["params"].items():
                    params.setdefault(key, [])
                    params[key] += [v for v in values if v not in params[key]]
                group = attachment.get("group") or group
                del self.attachments[index]
                break
        self.lines.append((group, name, params, value))
        return group

    def labelled(self, name, value, label, pref, standard=LABEL_TO_TYPE, extra_types=(), params=None,
                 match=None):
        """A property with a label: TYPE words when standard, else itemN + X-ABLabel."""
        params = dict(params or {}, TYPE=list(extra_types))
        words = (label or "").split()
        custom = bool(words) and not all(w in standard for w in words)
        if words and not custom:
            params["TYPE"] += [standard[w] for w in words]
        if pref is not None:
            if self.version == "4.0":
                params["PREF"] = [str(pref)]
            else:
                params["TYPE"].append("pref")
                if pref != 1:
                    params["PREF"] = [str(pref)]
        group = next(self._groups) if custom else ""
        group = self.add(name, value, params, group, value if match is None else match) or group
        if custom:
            apple = APPLE_TOKENS.get(label)
            self.lines.append((group, "X-ABLabel", {}, apple or escape(label)))

    def text(self):
        out = ["BEGIN:VCARD\r\n"]
        for group, name, params, value in self.lines:
            out.append(_content_line(group, name, params, value))
        out.append("END:VCARD\r\n")
        return "".join(out)


def _content_line(group, name, params, value):
    """One property line, exactly as vobject's ContentLine.serialize() writes it (sorted
    params, a value with , ; : double-quoted, folded at 75 octets), at a fraction of its cost:
    a CardDAV gateway writes every card of a book for a first sync."""
    if any('"' in v for values in params.values() for v in values):
        line = ContentLine(name, [], value, group=group or None)   # vobject's own refusal
        line.params = {k: list(v) for k, v in params.items()}
        return line.serialize()
    text = (f"{group}." if group else "") + name.upper()
    for key in sorted(params):
        text += f";{key}=" + ",".join(f'"{v}"' if any(c in v for c in ",;:") else v for v in params[key])
    text += f":{value}"
    if len(text) < 75:
        return text + "\r\n"
    out, counter = [], 0
    for char in text:
        size = len(char.encode("utf-8"))
        if counter + size > 75:
            out.append("\r\n ")
            counter = 1
        out.append(char)
        counter += size
    return "".join(out) + "\r\n"


def contact_to_vcard(contact, version=DEFAULT_VERSION, photos=None):
    """The text of one vCard (``version`` "3.0" or "4.0") for one contact dict."""
    return _written(contact, version, photos).text()


def orphan_attachments(contact):
    """The ``extra`` entries of ``contact`` that hold parameters of a property it no longer
    has (``LANG;PREF=2`` of a language removed since, the ``item2.ADR`` of an address
    removed): a writer has nothing to attach them to and leaves them out, so an edit that
    removes an entry should remove these with it (contacts edit does)."""
    # left out by both versions' writers (3.0 and 4.0 name some properties differently)
    left = _written(contact, "3.0", None).attachments
    return [e for e in _written(contact, "4.0", None).attachments if e in left]


def _written(contact, version, photos):
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}, not {version!r}")
    v4 = version == "4.0"
    w = _Writer(contact, version)
    w.add("VERSION", version)
    uid_extra = [e for e in w.extra if e["name"] == "UID"]
    if contact.get("id") and not uid_extra:
        w.add("UID", contact["id"])
    w.add("FN", escape(contact["name"]))
    n = contact.get("n") or {}
    if any(n.get(k) for k in N_PARTS):
        w.add("N", _n_value(n))
    elif not v4:
        w.add("N", _n_value(_derived_n(contact["name"])), {DERIVED: ["TRUE"]})
    if contact.get("nicknames"):
        nicknames = ",".join(escape(v) for v in contact["nicknames"])
        w.add("NICKNAME", nicknames, match=nicknames)
    photo = contact.get("photo") or {}
    data = photo.get("data")
    if not data and photo.get("hash") and photos is not None:
        data = photos(photo["hash"])
    if data:
        media = _media_type(data) or photo.get("type") or "image/jpeg"
        if v4:
            w.add("PHOTO", f"data:{media};base64,{data}")
        else:
            w.add("PHOTO", data, {"ENCODING": ["b"], "TYPE": [media.split("/")[-1].upper()]})
    elif photo.get("uri"):
        w.add("PHOTO", _uri(photo["uri"]), {} if v4 else {"VALUE": ["uri"]})
    if contact.get("birthday"):
        w.add("BDAY", write_date(contact["birthday"], version))
    if contact.get("anniversary"):
        w.add("ANNIVERSARY" if v4 else "X-ANNIVERSARY", write_date(contact["anniversary"], version))
    for address in contact.get("addresses") or []:
        w.labelled("ADR", _adr_value(address), address.get("label"), address.get("pref"))
    for phone in contact.get("phones") or []:
        region = {PHONE_REGION: [phone["region"]]} if phone.get("region") else {}
        w.labelled("TEL", escape(phone["number"]), phone.get("label"), phone.get("pref"), params=region)
    for email in contact.get("emails") or []:
        w.labelled("EMAIL", escape(email["address"]), email.get("label"), email.get("pref"),
                   extra_types=() if v4 else ("INTERNET",))
    for url in contact.get("urls") or []:
        w.labelled("URL", _uri(url["url"]), url.get("label"), url.get("pref"))
    for impp in contact.get("impps") or []:
        w.labelled("IMPP", _uri(impp["uri"]), impp.get("label"), impp.get("pref"))
    if contact.get("organization") or contact.get("org_units"):
        w.add("ORG", _org_value(contact.get("organization"), contact.get("org_units")))
    for key, name in (("title", "TITLE"), ("role", "ROLE")):
        if contact.get(key):
            w.add(name, escape(contact[key]))
    if contact.get("groups"):
        w.add("CATEGORIES", ",".join(escape(g) for g in contact["groups"]))
    for related in contact.get("related") or []:
        value = escape(related["value"])
        label = related.get("label") or ""
        if v4:
            uri = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S", related["value"]) is not None
            w.labelled("RELATED", _uri(related["value"]) if uri else value, label, None,
                       standard=RELATED_LABEL_TO_TYPE, params={} if uri else {"VALUE": ["text"]},
                       match=value)
        else:
            group = next(w._groups)
            group = w.add("X-ABRELATEDNAMES", value, {}, group, value) or group
            if label:
                apple = f"_$!<{label.capitalize()}>!$_" if label in RELATED_TYPES else escape(label)
                w.lines.append((group, "X-ABLabel", {}, apple))
    if contact.get("gender"):
        if v4:
            w.add("GENDER", contact["gender"])
        else:
            w.add("X-GENDER", {"M": "Male", "F": "Female"}.get(contact["gender"], contact["gender"]))
    for language in contact.get("languages") or []:
        w.add("LANG", escape(language), match=escape(language))
    if contact.get("timezone"):
        tz = contact["timezone"]
        offset = re.match(r"^[+-]\d{2}:?\d{2}$", tz)
        w.add("TZ", escape(tz), {} if v4 or offset else {"VALUE": ["text"]})
    if contact.get("geo"):
        geo = contact["geo"]
        match = re.match(r"^geo:(-?[\d.]+),(-?[\d.]+)$", geo)
        w.add("GEO", _uri(geo) if v4 or not match else f"{match[1]};{match[2]}")
    for key in contact.get("keys") or []:
        value = key["value"]
        match = re.match(r"^data:([^;,]*);base64,(.*)$", value, flags=re.S)
        label = key.get("label") or ""
        params = {"TYPE": [label.upper()]} if label in ("home", "work") else {}
        if match and not v4:
            kind = {v: k for k, v in _KEY_TYPES.items()}.get(match[1], match[1])
            w.add("KEY", match[2], {"ENCODING": ["b"], "TYPE": [kind] + params.get("TYPE", [])},
                  match=escape(value))
        else:
            # a custom label (pgp, signing) as itemN.X-ABLabel, as for TEL or URL
            w.labelled("KEY", _uri(value), label, None, standard={"home": "HOME", "work": "WORK"},
                       match=escape(value))
    if contact.get("starred"):
        w.add("X-STARRED", "TRUE")
    if contact.get("notes"):
        w.add("NOTE", escape(contact["notes"]))
    for extra in w.extra:
        w.lines.append((extra.get("group") or "", extra["name"], extra.get("params") or {}, extra["value"]))
    return w


_CANONICAL = {"X-ANNIVERSARY": "ANNIVERSARY", "X-ABDATE": "ANNIVERSARY", "X-GENDER": "GENDER",
              "X-ABRELATEDNAMES": "RELATED"}


#: properties a contact may have several of: their attachments name the value they go with
MULTI = {"TEL", "EMAIL", "URL", "IMPP", "ADR", "RELATED", "LANG", "KEY", "NICKNAME"}


def _is_verbatim(extra):
    """An extra entry to write as its own line (not params of a modelled property)."""
    return _canonical(extra["name"]) not in MULTI and extra.get("value", "") != ""


def _canonical(name):
    return _CANONICAL.get(name.upper(), name.upper())


def _media_type(data):
    try:
        head = base64.b64decode(data[:24] + "=" * (-len(data[:24]) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    if head.startswith(b"\x89PNG"):
        return "image/png"
    if head.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if head.startswith(b"GIF8"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def dumps_vcards(contacts, version=DEFAULT_VERSION, photos=None):
    """One vCard file (text, CRLF line ends as the standard says) for all ``contacts``.

    ``photos(hash) -> base64`` fetches a stored photo (a contact read from a replica
    has ``photo: {"hash": ...}``); without it such a photo is not written."""
    return "".join(contact_to_vcard(contact, version, photos) for contact in contacts)
