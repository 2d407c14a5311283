"""How the window words a contact's values: initials, dates and the next birthday, addresses,
map and chat links, phone forms, labels.  Plain functions (no Qt), so the list, the detail
pane and the dialog say the same thing, and the tests check the wording without a window.

Dates are the model's vCard forms (contacts.fields.normalize_date): ``1985-04-15``,
``--04-15`` (no year), ``1985-04``, ``1985`` and ``1985-04-15T10:30:00Z``.
"""
import datetime
import re
import unicodedata
import urllib.parse
import zlib

import phonenumbers

from ..fields import ADDRESS_PARTS
from ..name_order import sort_key


def QT_TRANSLATE_NOOP(context, text):   # noqa: N802 - the name pylupdate5 looks for
    """Marks a word for the translator (pylupdate5 reads this name) without importing Qt here:
    the detail pane translates it when it shows it (context "Labels")."""
    return text


def _untranslated(context, text, disambiguation=None, n=-1):
    return text.replace("%n", str(n)) if n >= 0 else text


#: how this module words things in the window's language: Qt-free here (English), the window
#: plugs in QCoreApplication.translate (views/detail_pane.py); pylupdate5 reads "_translate"
_translate = _untranslated


def use_translator(translate):
    global _translate
    _translate = translate

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
#: the same, for pylupdate5 (the window shows a month in its language, "15 de abril")
_MONTH_NAMES = (QT_TRANSLATE_NOOP("Dates", "January"), QT_TRANSLATE_NOOP("Dates", "February"),
                QT_TRANSLATE_NOOP("Dates", "March"), QT_TRANSLATE_NOOP("Dates", "April"),
                QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "June"),
                QT_TRANSLATE_NOOP("Dates", "July"), QT_TRANSLATE_NOOP("Dates", "August"),
                QT_TRANSLATE_NOOP("Dates", "September"), QT_TRANSLATE_NOOP("Dates", "October"),
                QT_TRANSLATE_NOOP("Dates", "November"), QT_TRANSLATE_NOOP("Dates", "December"))

#: the standard vCard TYPEs the model keeps in lower case, as people read them
STANDARD_LABELS = {"mobile": QT_TRANSLATE_NOOP("Labels", "Mobile"), "home": QT_TRANSLATE_NOOP("Labels", "Home"), "work": QT_TRANSLATE_NOOP("Labels", "Work"), "other": QT_TRANSLATE_NOOP("Labels", "Other"), "fax": QT_TRANSLATE_NOOP("Labels", "Fax"),
                   "pager": QT_TRANSLATE_NOOP("Labels", "Pager"), "voice": QT_TRANSLATE_NOOP("Labels", "Voice"), "text": QT_TRANSLATE_NOOP("Labels", "Text"), "video": QT_TRANSLATE_NOOP("Labels", "Video"),
                   "textphone": QT_TRANSLATE_NOOP("Labels", "Textphone"), "main": QT_TRANSLATE_NOOP("Labels", "Main"), "cell": QT_TRANSLATE_NOOP("Labels", "Mobile"), "pref": QT_TRANSLATE_NOOP("Labels", "Preferred"),
                   "internet": QT_TRANSLATE_NOOP("Labels", "Email"), "x400": QT_TRANSLATE_NOOP("Labels", "X.400"), "spouse": QT_TRANSLATE_NOOP("Labels", "Spouse"), "child": QT_TRANSLATE_NOOP("Labels", "Child"),
                   "parent": QT_TRANSLATE_NOOP("Labels", "Parent"), "sibling": QT_TRANSLATE_NOOP("Labels", "Sibling"), "friend": QT_TRANSLATE_NOOP("Labels", "Friend"), "kin": QT_TRANSLATE_NOOP("Labels", "Relative"),
                   "colleague": QT_TRANSLATE_NOOP("Labels", "Colleague"), "homepage": QT_TRANSLATE_NOOP("Labels", "Homepage"), "blog": QT_TRANSLATE_NOOP("Labels", "Blog"), "profile": QT_TRANSLATE_NOOP("Labels", "Profile"), "co-worker": QT_TRANSLATE_NOOP("Labels", "Co-worker"), "assistant": QT_TRANSLATE_NOOP("Labels", "Assistant"),
                   "manager": QT_TRANSLATE_NOOP("Labels", "Manager"), "partner": QT_TRANSLATE_NOOP("Labels", "Partner"), "emergency": QT_TRANSLATE_NOOP("Labels", "Emergency contact")}

GENDERS = {"M": "Male", "F": "Female", "O": "Other", "N": "None or not applicable", "U": "Unknown"}

#: avatar backgrounds: mid-tone colours that white initials read well on, in light and dark themes
AVATAR_COLORS = ("#c0392b", "#d35400", "#b7950b", "#27ae60", "#16a085", "#2980b9", "#8e44ad",
                 "#2c3e50", "#e84393", "#6d4c41", "#00838f", "#5e35b1")


def label_text(label, fallback=""):
    """A label as shown: the standard ones capitalised, a custom one as the user typed it."""
    label = (label or "").strip()
    if not label:
        return fallback
    return STANDARD_LABELS.get(label.casefold(), label)


# -- names and avatars ---------------------------------------------------------------------
def _first_letter(word):
    for char in word:
        if char.isalnum():
            return char
    return ""


def initials(name, n=None):
    """'Ada Lovelace' -> 'AL', 'José da Silva' -> 'JS', 'Tu' -> 'T', '' -> '?'.

    The structured name ``n`` wins when it has a given and a family name ('Dr. João Souza Jr.'
    -> 'JS'); otherwise titles and suffixes written with a dot (Dr., Jr.) are passed over."""
    n = n or {}
    given, family = (n.get("given") or [""])[0], (n.get("family") or [""])[0]
    if _first_letter(given) and _first_letter(family):
        return (_first_letter(given) + _first_letter(family.split()[-1] if family.split() else family)).upper()
    words = [w for w in (name or "").split() if _first_letter(w)]
    plain = [w for w in words if not w.endswith(".")]
    words = plain or words
    if not words:
        return "?"
    first, last = words[0], words[-1]
    # lower-case particles (da, de, van) are not what people abbreviate a name by
    capitals = [w for w in words[1:] if _first_letter(w).isupper()]
    if len(words) > 1 and capitals:
        last = capitals[-1]
    letters = _first_letter(first) + (_first_letter(last) if len(words) > 1 else "")
    return letters.upper()


def avatar_color(name):
    """The same colour for the same name, in every view and every run (crc32, not hash())."""
    return AVATAR_COLORS[zlib.crc32(fold_name(name).encode("utf-8")) % len(AVATAR_COLORS)]


def fold_name(name):
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def group_letter(contact, order=None):
    """The letter a contact is listed under: A-Z with accents dropped ('É' under E), '#' for
    names that start with a digit or a sign; '★' for starred contacts (listed first).
    ``order`` "first" or "last": the letter of the name the list is sorted by (contacts.name_order)."""
    if contact.get("starred"):
        return "★"
    letter = _first_letter(fold_name(contact.get("name", "")) if order is None else sort_key(contact, order))
    if not letter or not letter.isalpha():
        return "#"
    return letter.upper()


def secondary_text(contact):
    """The list's second line: title and organization, else the first phone, else the first email."""
    work = " · ".join(p for p in (contact.get("title", ""), contact.get("organization", "")) if p)
    if work:
        return work
    phones = contact.get("phones") or []
    if phones:
        return phones[0].get("number", "")
    emails = contact.get("emails") or []
    return emails[0].get("address", "") if emails else ""


def structured_name_text(n):
    """The parts of N in reading order ('Dr. Maria Clara da Silva Jr.'), '' when none."""
    if not n:
        return ""
    order = ("prefixes", "given", "additional", "family", "suffixes")
    return " ".join(part for key in order for part in n.get(key, []) if part)


# -- phones ---------------------------------------------------------------------------------
def international_phone(phone):
    """A phone's international form (+55 84 98888-7777) when the replica was sure of it, else ""."""
    e164 = phone.get("e164") or ""
    if not e164:
        return ""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164


def phone_country(phone):
    """The country a certain number belongs to ('BR'), or ''."""
    e164 = phone.get("e164") or ""
    if not e164:
        return ""
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164)) or ""
    except phonenumbers.NumberParseException:
        return ""


def tel_link(phone):
    """tel:+5584988887777 when the number is certain, else the typed digits (tel:(84)...)."""
    target = phone.get("e164") or re.sub(r"[^\d+*#]", "", phone.get("number", ""))
    return f"tel:{target}" if target else ""


# -- dates ------------------------------------------------------------------------------------
_DATE = re.compile(r"(?:(\d{4})|--)(?:-?(\d{2}))?(?:-?(\d{2}))?")


def parse_date(value):
    """(year or None, month or None, day or None) of a model date, None when it is none or odd."""
    value = (value or "").partition("T")[0]
    match = _DATE.fullmatch(value)
    if not value or match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if year is None and (month is None or day is None):
        return None
    return year, month, day


def describe_date(value):
    """'15 April 1985', '15 April' (no year), 'April 1985', '1985'; the value itself if odd."""
    parts = parse_date(value)
    if parts is None:
        return value or ""
    year, month, day = parts
    name = _translate("Dates", MONTHS[month - 1]) if month else ""
    if day and month and year:
        return _translate("Dates", "{day} {month} {year}").format(day=day, month=name, year=year)
    if day and month:
        return _translate("Dates", "{day} {month}").format(day=day, month=name)
    if month and year:
        return _translate("Dates", "{month} {year}").format(month=name, year=year)
    return " ".join(str(p) for p in (day, name, year) if p)


def _on_year(year, month, day):
    # 29 February in a year that has none: the day before March begins
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, month, day - 1)


def next_anniversary(value, today):
    """(date of the next occurrence, days until it, years it will be) of a date that has a
    month and a day; years is None when the date has no year. None without month and day."""
    parts = parse_date(value)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    year, month, day = parts
    date = _on_year(today.year, month, day)
    if date < today:
        date = _on_year(today.year + 1, month, day)
    years = date.year - year if year else None
    return date, (date - today).days, years


def _days(days):
    if days == 0:
        return _translate("Dates", "today")
    if days == 1:
        return _translate("Dates", "tomorrow")
    return _translate("Dates", "in %n days", None, days)


def birthday_text(value, today):
    """'15 April 1985 — turns 41 in 12 days', '15 April — in 12 days', 'today'..."""
    shown = describe_date(value)
    upcoming = next_anniversary(value, today)
    if upcoming is None:
        return shown
    _, days, years = upcoming
    when = _days(days)
    if years is not None and years > 0:
        return _translate("Dates", "{date} — turns {years} {when}").format(date=shown, years=years, when=when)
    return f"{shown} — {when}"


def anniversary_text(value, today):
    shown = describe_date(value)
    upcoming = next_anniversary(value, today)
    if upcoming is None:
        return shown
    _, days, years = upcoming
    if years is not None and years > 0:
        return _translate("Dates", "{date} — %n year(s) {when}", None, years).format(date=shown, when=_days(days))
    return f"{shown} — {_days(days)}"


# -- addresses, places, links -------------------------------------------------------------------
def address_lines(address):
    """An address as printed on an envelope: street, extended, PO box, 'postcode locality region',
    country (the international postal order most books use)."""
    lines = [address.get(part, "") for part in ("street", "extended")]
    if address.get("pobox"):
        lines.append(f"PO Box {address['pobox']}")
    town = " ".join(p for p in (address.get("postcode", ""), address.get("locality", "")) if p)
    if address.get("region"):
        town = f"{town}, {address['region']}" if town else address["region"]
    lines += [town, address.get("country", "")]
    return [line for part in lines for line in part.splitlines() if line.strip()]


def address_one_line(address):
    return ", ".join(address_lines(address))


def address_map_link(address):
    """An OpenStreetMap search for the address (no PO box: it is not a place)."""
    place = [address.get(p, "") for p in ADDRESS_PARTS if p not in ("pobox", "extended")]
    query = ", ".join(" ".join(p.split()) for p in place if p.strip())
    return "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query) if query else ""


_GEO = re.compile(r"geo:\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")


def geo_map_link(geo):
    """The OpenStreetMap page of a 'geo:lat,lon' URI, '' for anything else."""
    match = _GEO.match(geo or "")
    if not match:
        return ""
    lat, lon = match.groups()
    if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
        return ""
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(.*)", re.S)
#: link schemes the pane opens; anything else is shown as text (javascript:, file: ...)
SAFE_SCHEMES = {"http", "https", "mailto", "tel", "xmpp", "sip", "sips", "skype", "irc", "ircs",
                "matrix", "im", "aim", "ymsgr", "msnim", "gtalk", "geo"}


def safe_link(value):
    """``value`` when it is a URI with a scheme people expect to click; '' otherwise."""
    match = _SCHEME.match((value or "").strip())
    return value.strip() if match and match.group(1).lower() in SAFE_SCHEMES else ""


def web_link(url):
    """A website as a link: 'example.com' gets https:// so it opens; unsafe schemes none."""
    url = (url or "").strip()
    if not _SCHEME.match(url) and "." in url and " " not in url:
        return "https://" + url
    return safe_link(url)


def impp_parts(uri):
    """('XMPP', 'ada@example.com') of 'xmpp:ada@example.com'; ('', uri) without a scheme."""
    match = _SCHEME.match(uri or "")
    if not match:
        return "", uri or ""
    scheme, rest = match.groups()
    names = {"xmpp": "XMPP", "sip": "SIP", "skype": "Skype", "irc": "IRC", "matrix": "Matrix",
             "aim": "AIM", "ymsgr": "Yahoo", "msnim": "MSN", "gtalk": "Google Talk", "im": "Chat",
             "tel": "Phone", "mailto": "Email"}
    return names.get(scheme.lower(), scheme), rest


def gender_text(value):
    """'F' -> 'Female', 'O;non-binary' -> 'non-binary', ';text' -> 'text'."""
    if not value:
        return ""
    sex, _, identity = value.partition(";")
    if identity.strip():
        return identity.strip()
    return GENDERS.get(sex.upper(), sex)


def timezone_text(zone, now=None):
    """'America/Fortaleza — 14:03 there now' when the zone is known, the zone alone otherwise."""
    try:
        import zoneinfo
        here = (now or datetime.datetime.now(datetime.timezone.utc)).astimezone(zoneinfo.ZoneInfo(zone))
    except Exception:   # an offset ('-03:00'), an unknown name, no tz database: as given
        return zone
    return f"{zone} — {here:%H:%M} there now"


# -- extra: vCard properties the model keeps verbatim ------------------------------------------
#: kept and written back, but nothing a person reads: the app that wrote the card, its ids,
#: revision stamps, formatting hints (and the address label: the address itself shows)
TECHNICAL = {"PRODID", "REV", "UID", "VERSION", "X-ABUID", "X-ABADR", "X-ABSHOWAS", "X-IMAGETYPE",
             "X-IMAGEHASH", "X-MS-OL-DESIGN", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MOZILLA-HTML",
             "LABEL", "X-ABLABEL", "SOURCE", "KIND", "CLIENTPIDMAP", "X-EVOLUTION-FILE-AS",
             "X-EVOLUTION-LIST", "X-CONTACTS-DERIVED", "XML", "MAILER", "CLASS", "SORT-STRING",
             "X-PHONETIC-LAST-NAME-ORDER"}
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")
_WORK_EXTRAS = {"X-MS-MANAGER": "Manager", "X-MS-ASSISTANT": "Assistant", "X-MANAGER": "Manager",
                "X-ASSISTANT": "Assistant"}
_PERSONAL_EXTRAS = {"X-MS-SPOUSE": "Spouse", "X-SPOUSE": "Spouse", "X-MS-CHILD": "Child"}


def _apple_label(value):
    match = _APPLE_LABEL.fullmatch(value or "")
    return label_text(match.group(1).lower()) if match else value


def _property_words(name):
    """'X-PHONETIC-FIRST-NAME' -> 'Phonetic first name'."""
    words = name.split("-")
    if words and words[0] == "X":
        words = words[1:]
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:] if text else name


def extra_values(extra):
    """(section, label, text, link) of each ``extra`` property worth reading, in order.

    Property groups give labels (Apple's ``item1.X-ABLabel``). The model's own properties that
    landed here carry parameters of a modelled value (TYPE, PREF, LANGUAGE ...): the value shows
    in its section already. A custom date (Apple's extra ``X-ABDATE``) shows among the dates."""
    from ..formats.vcard import MODELLED
    labels = {e.get("group"): _apple_label(e.get("value", "")) for e in extra
              if e.get("name") == "X-ABLABEL" and e.get("group")}
    shown = []
    for entry in extra:
        name, value = entry.get("name", ""), entry.get("value", "")
        params = entry.get("params") or {}
        label = labels.get(entry.get("group")) if entry.get("group") else None
        if not value.strip() or name in TECHNICAL:
            continue
        if name in ("X-ABDATE", "X-MS-ANNIVERSARY", "X-ANNIVERSARY") and label or name == "X-MS-ANNIVERSARY":
            shown.append(("Dates", label or "Anniversary", describe_date(value), ""))
        elif name in MODELLED:
            continue
        elif name == "X-SOCIALPROFILE":
            service = (params.get("TYPE") or [""])[0]
            shown.append(("Social", label or label_text(service.capitalize(), "Profile"), value, web_link(value)))
        elif name in _WORK_EXTRAS:
            shown.append(("Work", label or _WORK_EXTRAS[name], value, ""))
        elif name in _PERSONAL_EXTRAS:
            shown.append(("Personal", label or _PERSONAL_EXTRAS[name], value, ""))
        elif name in ("X-MS-IMADDRESS", "X-JABBER", "X-SKYPE", "X-AIM", "X-ICQ", "X-MSN", "X-YAHOO",
                      "X-GOOGLE-TALK", "X-SIP"):
            shown.append(("Chat", label or _property_words(name.replace("X-MS-IMADDRESS", "X-IM")), value, ""))
        elif name == "X-CSV":
            shown.append(("Other", label or (params.get("COLUMN") or ["Column"])[0], value, ""))
        elif name == "X-ANDROID-CUSTOM":
            kind, _, rest = value.partition(";")
            data = next((part for part in rest.split(";") if part.strip()), "")
            if data:
                shown.append(("Other", label or _property_words(kind.rsplit("/", 1)[-1]), data, ""))
        else:
            shown.append(("Other", label or _property_words(name), value, safe_link(value)))
    return shown
