"""vCard files: write 3.0, read 3.0 (and 4.0, 2.1 best effort), with ``vobject``.

Mapping (what this project stores; everything else is reported as not stored):

=============  ==========================================================
contact        vCard
=============  ==========================================================
id             ``UID``
name           ``FN`` (``N`` is written from it; read when FN is missing)
phones         ``TEL;TYPE=...`` - labels mobile/work/home/fax/pager/... map
               to the standard types (mobile = CELL), any other label is
               written as ``X-<label>`` and read back as is
emails         ``EMAIL;TYPE=INTERNET[,label]``
organization   ``ORG`` (units joined with ", " when reading)
notes          ``NOTE`` (several NOTEs are joined by newlines)
=============  ==========================================================

A file is split into ``BEGIN:VCARD`` ... ``END:VCARD`` blocks before parsing, so one
broken card is reported with its line number and the others are still imported.
"""
import re

import vobject

from .entry import Entry, id_from_file

#: contact label -> vCard TYPE, for the labels vCard has a word for
LABEL_TO_TYPE = {"mobile": "CELL", "work": "WORK", "home": "HOME", "fax": "FAX", "pager": "PAGER",
                 "video": "VIDEO", "text": "TEXT"}
TYPE_TO_LABEL = {"CELL": "mobile", "WORK": "work", "HOME": "home", "FAX": "fax", "PAGER": "pager",
                 "VIDEO": "video", "TEXT": "text", "IPHONE": "mobile", "MAIN": "main"}
#: TYPE values that say nothing a label should repeat
NOISE_TYPES = {"VOICE", "INTERNET", "PREF", "X400", "MSG", "OTHER"}
STORED = {"VERSION", "UID", "FN", "N", "TEL", "EMAIL", "ORG", "NOTE", "PRODID", "REV"}


# -- writing -----------------------------------------------------------------------------
def _types_for(label):
    label = (label or "").strip()
    if not label:
        return []
    if label in LABEL_TO_TYPE:
        return [LABEL_TO_TYPE[label]]
    return ["X-" + label]


def _name_parts(name):
    """vCard 3.0 requires N: family name = last word, given = the rest (a guess, like most apps)."""
    words = name.split()
    if len(words) < 2:
        return vobject.vcard.Name(given=name)
    return vobject.vcard.Name(family=words[-1], given=" ".join(words[:-1]))


def contact_to_vcard(contact):
    """A vobject vCard 3.0 component for one contact dict."""
    card = vobject.vCard()
    card.add("version").value = "3.0"
    if contact.get("id"):
        card.add("uid").value = contact["id"]
    card.add("fn").value = contact["name"]
    card.add("n").value = _name_parts(contact["name"])
    for phone in contact.get("phones") or []:
        tel = card.add("tel")
        tel.value = phone["number"]
        types = _types_for(phone.get("label"))
        if types:
            tel.type_paramlist = types
    for email in contact.get("emails") or []:
        line = card.add("email")
        line.value = email["address"]
        line.type_paramlist = ["INTERNET"] + _types_for(email.get("label"))
    if contact.get("organization"):
        card.add("org").value = [contact["organization"]]
    if contact.get("notes"):
        card.add("note").value = contact["notes"]
    return card


def dumps_vcards(contacts):
    """One vCard 3.0 file (text, CRLF line ends as the standard says) for all ``contacts``."""
    return "".join(contact_to_vcard(contact).serialize() for contact in contacts)


# -- reading -----------------------------------------------------------------------------
def _blocks(text):
    """(first line number, lines, problem) for each BEGIN:VCARD ... END:VCARD block."""
    start, lines, stray = None, [], None
    for number, raw in enumerate(text.splitlines(), 1):
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


def _type_values(prop):
    """TYPE values of a property. 4.0 quotes lists ('TYPE="work,voice"') and 2.1 writes bare
    types ('TEL;CELL;WORK:'); an X-label of this project may itself contain a comma."""
    values = []
    for value in prop.params.get("TYPE", []):
        value = str(value).strip()
        pieces = [p.strip() for p in value.split(",") if p.strip()]
        known = all(p.upper() in TYPE_TO_LABEL or p.upper() in NOISE_TYPES for p in pieces)
        values += pieces if known else [value]
    return values + list(getattr(prop, "singletonparams", []))


def _label(prop):
    labels = []
    for value in _type_values(prop):
        upper = value.upper()
        if upper in NOISE_TYPES:
            continue
        if upper.startswith("X-"):
            labels.append(value[2:])
        else:
            labels.append(TYPE_TO_LABEL.get(upper, value.lower()))
    # "work mobile" reads better than "mobile work"
    labels.sort(key=lambda label: label == "mobile")
    return " ".join(dict.fromkeys(labels))


def _phone_number(value):
    """The number of a TEL value: 4.0 writes 'tel:+1-418-656-9254;ext=102'."""
    value = str(value).strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
        value = re.sub(r";ext=", " ext. ", value, flags=re.IGNORECASE)
        value = value.split(";", 1)[0] if ";" in value else value
    return value


def _text(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return str(value).strip()


def card_to_contact(card):
    """(contact dict, ignored property names) of one parsed vobject vCard."""
    contents = card.contents
    name = ""
    if "fn" in contents:
        name = _text(contents["fn"][0].value)
    if not name and "n" in contents:
        n = contents["n"][0].value
        if isinstance(n, vobject.vcard.Name):
            name = " ".join(_text(part) for part in (n.prefix, n.given, n.additional, n.family, n.suffix)
                            if _text(part))
        else:
            name = _text(n)
    contact = {"name": name}
    if "uid" in contents:
        contact["id"] = id_from_file(_text(contents["uid"][0].value))
    contact["phones"] = [{"label": _label(tel), "number": _phone_number(tel.value)}
                         for tel in contents.get("tel", []) if _phone_number(tel.value)]
    contact["emails"] = [{"label": _label(email), "address": _text(email.value)}
                         for email in contents.get("email", []) if _text(email.value)]
    contact["organization"] = _text(contents["org"][0].value) if "org" in contents else ""
    contact["notes"] = "\n".join(_text(note.value) for note in contents.get("note", []) if _text(note.value))
    ignored = sorted({key.upper() for key in contents if key.upper() not in STORED})
    return contact, tuple(ignored)


def parse_vcards(text):
    """One :class:`~contacts.formats.importing.Entry` per card of a vCard file's text."""
    for number, (line, lines, problem) in enumerate(_blocks(text), 1):
        if problem is not None:
            yield Entry(number, line, error=problem)
            continue
        try:
            card = vobject.readOne("\r\n".join(lines) + "\r\n", allowQP=True)
            contact, ignored = card_to_contact(card)
        except Exception as exc:  # vobject raises many kinds (ParseError, ValueError, ...) on bad input
            yield Entry(number, line, error=f"cannot read this card: {_parse_problem(exc, line)}")
            continue
        if not contact["name"]:
            yield Entry(number, line, contact, error="no name (neither FN nor N)", ignored=ignored)
            continue
        yield Entry(number, line, contact, ignored=ignored)


def _parse_problem(exc, first_line):
    text = str(exc).strip() or type(exc).__name__
    match = re.search(r"line (\d+)", text)
    if match:
        # vobject counts lines inside the block; say where it is in the file
        text = re.sub(r"line (\d+)", f"line {first_line + int(match.group(1)) - 1}", text, count=1)
    return text.replace("\n", " ")
