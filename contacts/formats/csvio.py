"""CSV files of contacts: Google Contacts' columns, Outlook's, or this project's plain ones.

Reading tells the style from the header row:

* **google** (a ``Given Name`` / ``First Name`` column with ``E-mail 1 - Value``-like
  numbered columns): Google Contacts' export, classic ("Google CSV": ``Name``, ``Given
  Name``, ``Family Name``, ``Group Membership``, ``Phone 1 - Type`` ...) and the current
  one (``First Name``, ``Last Name``, ``Labels``, ``Phone 1 - Label`` ...). Several values
  in one cell are separated by `` ::: ``; a type starting with ``* `` is the preferred
  one (pref 1); the ``* starred`` group is ``starred``.
* **outlook** (``First Name`` and ``E-mail Address`` / ``Mobile Phone``-like columns):
  Outlook's fixed slots (Home Phone, Business Phone, Mobile Phone, ..., Home/Business/
  Other address, Birthday m/d/yyyy, Categories separated by ";").
* **plain**: ``id, name, organization, phones, emails, notes``, several phones or emails
  in one cell as ``label: value; label: value``; common header spellings accepted.

Writing (``style=``): ``google`` (default) writes the classic Google CSV columns that the
contacts have values for, plus a last ``ID`` column (the contact's id, so an export
imported again changes nothing); ``outlook`` writes Outlook's columns (Outlook has no
full-name column: a contact without ``n`` is written with its whole name as First Name);
``plain`` the project's own six columns (each style with the regions column below when a
number has a region).

The region a phone number was read in (its ``region``, docs/contact-model.md) has no
column in Google's or Outlook's sets; every style carries it in a column of its own,
written (before ``ID``) only when a number has one: ``X-Contacts-Phone-Regions``
(``phone_regions`` in the plain style), a cell of ``REGION NUMBER`` entries joined by
`` ::: `` (``BR (84) 98888-7777 ::: BR (84) 3215-3800``), the number as typed. Reading
gives each number named there its region back (so its E.164 form is found again without
``--region``, as vCard's ``X-CONTACTS-REGION`` does); a region no one knows, or a number
the row does not have, keeps the cell in ``extra`` as it was.

A cell of a column no field reads is kept in ``extra`` as
``{"group": "", "name": "X-CSV", "params": {"COLUMN": [header]}, "value": cell}`` and
written back as that column (CSV is not the lossless format: vCard is).
"""
import csv
import io
import re

from .entry import Entry, id_from_file

STYLES = ("google", "outlook", "plain")
DEFAULT_STYLE = "google"
COLUMNS = ("id", "name", "organization", "phones", "emails", "notes")
ALIASES = {
    "id": "id", "uid": "id",
    "name": "name", "fullname": "name", "displayname": "name", "fn": "name",
    "organization": "organization", "organisation": "organization", "org": "organization",
    "company": "organization",
    "phones": "phones", "phone": "phones", "telephone": "phones", "tel": "phones",
    "phonenumbers": "phones", "phonenumber": "phones",
    "emails": "emails", "email": "emails", "emailaddress": "emails", "emailaddresses": "emails",
    "notes": "notes", "note": "notes",
}
SEPARATOR = " ::: "
STANDARD_WORDS = {"mobile", "home", "work", "other", "main", "fax", "pager", "voice", "text", "video",
                  "textphone", "homepage", "blog", "profile", "ftp", "spouse", "child", "parent",
                  "sibling", "friend", "anniversary", "assistant", "manager", "partner"}
GOOGLE_SYSTEM_GROUPS = {"mycontacts": "myContacts", "starred": "starred", "friends": "Friends",
                        "family": "Family", "coworkers": "Coworkers"}


#: the column of the phones' regions (see the module's docstring); how each style spells it
REGIONS_COLUMN = {"google": "X-Contacts-Phone-Regions", "outlook": "X-Contacts-Phone-Regions",
                  "plain": "phone_regions"}


def _is_regions_column(header):
    return re.sub(r"[^a-z]", "", (header or "").lower()) in ("xcontactsphoneregions", "phoneregions")


def regions_cell(contact):
    """'BR (84) 98888-7777 ::: BR (84) 3215-3800': the phones that have a region."""
    return SEPARATOR.join(f"{p['region']} {p['number']}" for p in contact.get("phones") or []
                          if p.get("region"))


def _with_regions(header, contacts, style):
    """``header`` with the regions column before ``ID`` when some phone has a region."""
    if not any(regions_cell(c) for c in contacts):
        return header
    at = header.index("ID") if "ID" in header else len(header)
    return header[:at] + [REGIONS_COLUMN[style]] + header[at:]


def _apply_regions(contact, header, cell):
    """Give the phones named in a regions cell their region; the cell goes to ``extra``
    (kept as it was) when a region is not one or a number is not the row's."""
    from ..fields import check_region
    from ..errors import ValidationError
    pairs = []
    for part in cell.split(SEPARATOR.strip()):
        region, _, number = part.strip().partition(" ")
        try:
            known = check_region(region)
        except ValidationError:
            known = None
        phones = [p for p in contact["phones"] if p["number"] == number.strip() and not p.get("region")]
        if not part.strip():
            continue
        if known is None or not phones:
            contact["extra"].append(_x_csv(header, cell))
            return
        pairs.append((phones[0], known))
    for phone, region in pairs:
        phone["region"] = region


def _empty_contact():
    from .vcard import empty_contact
    return empty_contact()


def _x_csv(header, cell):
    return {"group": "", "name": "X-CSV", "params": {"COLUMN": [header]}, "value": cell}


#: the words CSV files put in a Gender cell, as vCard's sex letters
_GENDER_WORDS = {"male": "M", "m": "M", "female": "F", "f": "F", "other": "O", "o": "O", "none": "N",
                 "n": "N", "not applicable": "N", "unknown": "U", "u": "U", "unspecified": ""}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _gender(value):
    """A Gender cell as the contact's gender: Male -> M, Other -> O, "O;non-binary" as it is,
    any other word kept as the text of an unstated sex (";non-binary"), never refused."""
    value = value.strip()
    word = _GENDER_WORDS.get(value.lower())
    if word is not None:
        return word
    if re.fullmatch(r"[MFONUmfonu]?(;.*)?", value, re.S):
        return value
    return ";" + value


def _languages(value, separators):
    """The language tags of a Language cell, or None when it holds anything else ("English
    (United States)"): then the cell is kept verbatim rather than refusing the contact."""
    tags = [v.strip() for v in re.split(separators, value) if v.strip()]
    return tags if all(_LANGUAGE_TAG.fullmatch(t) for t in tags) else None


def _dates(value):
    """A Google / Outlook date cell in the contract's form ("" when it is none)."""
    from .vcard import read_date
    value = value.strip()
    match = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2,4})$", value)        # Outlook: m/d/yyyy
    if match:
        month, day, year = (int(g) for g in match.groups())
        if not month or not day:
            return ""
        return f"{year:04d}-{month:02d}-{day:02d}" if year >= 1000 else f"--{month:02d}-{day:02d}"
    return read_date(value) or ""


# -- plain -------------------------------------------------------------------------------
def _entries_cell(entries, key):
    parts = []
    for entry in entries or []:
        label = (entry.get("label") or "").replace(";", ",").replace(":", " ").strip()
        parts.append(f"{label}: {entry[key]}" if label else entry[key])
    return "; ".join(parts)


def _split_cell(cell, key):
    """'mobile: +1 415; work: +1 416' -> [{"label": "mobile", key: "+1 415"}, ...]."""
    entries = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        label, colon, value = part.rpartition(":")
        if not colon:
            label, value = "", part
        entries.append({"label": label.strip(), key: value.strip(), "pref": None})
    return entries


def _column(header):
    return ALIASES.get(re.sub(r"[\s_\-]", "", (header or "").lower()))


def _plain_row(headers, row):
    columns = [_column(h) for h in headers]
    values, extra = {}, []
    for header, column, cell in zip(headers, columns, row):
        if not cell.strip():
            continue
        if column is None:
            extra.append(_x_csv(header.strip() or "column", cell))
        else:
            values[column] = values.get(column, "") + ("; " if column in values else "") + cell
    contact = _empty_contact()
    contact.update({"name": values.get("name", "").strip(),
                    "phones": _split_cell(values.get("phones", ""), "number"),
                    "emails": _split_cell(values.get("emails", ""), "address"),
                    "organization": values.get("organization", "").strip(),
                    "notes": values.get("notes", "").strip(), "extra": extra})
    if values.get("id"):
        contact["id"] = id_from_file(values["id"])
    return contact


def _plain_rows(contacts):
    contacts = list(contacts)
    header = _with_regions(list(COLUMNS), contacts, "plain")
    yield header
    for contact in contacts:
        row = [contact.get("id") or "", contact["name"], contact.get("organization") or "",
               _entries_cell(contact.get("phones"), "number"),
               _entries_cell(contact.get("emails"), "address"), contact.get("notes") or ""]
        yield row + ([regions_cell(contact)] if len(header) > len(COLUMNS) else [])


# -- google ------------------------------------------------------------------------------
_NUMBERED = re.compile(r"^(E-mail|Phone|Address|Website|Relation|Event|IM|Organization|Custom Field)"
                       r" (\d+) - (.+)$", re.I)
_GOOGLE_NAME = {"name": "name", "given name": "given", "first name": "given", "additional name": "additional",
                "middle name": "additional", "family name": "family", "last name": "family",
                "name prefix": "prefixes", "name suffix": "suffixes"}
_GOOGLE_ADR = {"po box": "pobox", "extended address": "extended", "street": "street", "city": "locality",
               "region": "region", "postal code": "postcode", "country": "country"}


def _google_label(kind):
    """(label, pref) of a Google type cell: '* Mobile' -> ("mobile", 1)."""
    kind = kind.strip()
    pref = None
    if kind.startswith("*"):
        pref, kind = 1, kind[1:].strip()
    words = kind.lower().split()
    if words and all(w in STANDARD_WORDS for w in words):
        return " ".join(words), pref
    return kind, pref


def _google_type(label, pref):
    words = (label or "").split()
    if words and all(w in STANDARD_WORDS for w in words):
        text = " ".join(w.capitalize() for w in words)
    else:
        text = label or ""
    return ("* " + text) if pref == 1 else text


def _google_row(headers, row):
    contact = _empty_contact()
    n = {key: [] for key in ("family", "given", "additional", "prefixes", "suffixes")}
    numbered = {}
    for header, cell in zip(headers, row):
        key = header.strip()
        low = key.lower()
        if not cell.strip():
            continue
        value = cell.strip()
        match = _NUMBERED.match(key)
        if match:
            numbered.setdefault((match[1].lower(), int(match[2])), {})[match[3].strip().lower()] = value
        elif low in _GOOGLE_NAME:
            part = _GOOGLE_NAME[low]
            if part == "name":
                contact["name"] = value
            else:
                n[part] = [value]
        elif low == "nickname":
            contact["nicknames"] = [v.strip() for v in value.split(SEPARATOR) if v.strip()]
        elif low == "birthday":
            contact["birthday"] = _dates(value)
        elif low == "gender":
            contact["gender"] = _gender(value)
        elif low in ("notes", "note"):
            contact["notes"] = value
        elif low == "language" and _languages(value, re.escape(SEPARATOR)) is not None:
            contact["languages"] = _languages(value, re.escape(SEPARATOR))
        elif low == "photo" and re.match(r"^https?://", value):
            contact["photo"] = {"uri": value}
        elif low in ("group membership", "labels"):
            for group in value.split(SEPARATOR):
                group = group.strip().lstrip("*").strip()
                if group.lower() == "starred":
                    contact["starred"] = True
                elif group:
                    contact["groups"].append(group)
        elif low in ("organization name", "organization title", "organization department"):
            numbered.setdefault(("organization", 1), {})[low.split()[1]] = value
        elif low == "id":
            contact["id"] = id_from_file(value)
        else:
            contact["extra"].append(_x_csv(key, cell))
    for (kind, _), cells in sorted(numbered.items(), key=lambda item: (item[0][0], item[0][1])):
        label, pref = _google_label(cells.get("type", cells.get("label", "")))
        values = [v.strip() for v in cells.get("value", "").split(SEPARATOR) if v.strip()]
        if kind == "phone":
            contact["phones"] += [{"label": label, "number": v, "pref": pref} for v in values]
        elif kind == "e-mail":
            contact["emails"] += [{"label": label, "address": v, "pref": pref} for v in values]
        elif kind == "website":
            contact["urls"] += [{"label": label, "url": v, "pref": pref} for v in values]
        elif kind == "relation":
            contact["related"] += [{"label": label, "value": v} for v in values]
        elif kind == "im":
            service = cells.get("service", "").strip().lower()
            contact["impps"] += [{"label": label, "uri": v if ":" in v or not service else f"{service}:{v}",
                                  "pref": pref} for v in values]
        elif kind == "event":
            for v in values:
                if label.lower() == "anniversary" and not contact["anniversary"]:
                    contact["anniversary"] = _dates(v)
                else:
                    contact["extra"].append(_x_csv(f"Event - {label}", v))
        elif kind == "address":
            parts = {field: cells.get(column, "") for column, field in _GOOGLE_ADR.items()}
            if not any(parts.values()) and cells.get("formatted"):
                parts["street"] = cells["formatted"]
            if any(parts.values()):
                contact["addresses"].append(dict(label=label, **parts, pref=pref))
        elif kind == "organization":
            contact["organization"] = cells.get("name", contact["organization"])
            contact["title"] = cells.get("title", contact["title"])
            contact["role"] = cells.get("job description", contact["role"])
            department = cells.get("department", "")
            if department:
                contact["org_units"] = [u.strip() for u in department.split(SEPARATOR) if u.strip()]
        else:
            for field, v in cells.items():
                contact["extra"].append(_x_csv(f"{kind.title()} - {field}", v))
    if any(n.values()):
        contact["n"] = n
        if not contact["name"]:
            contact["name"] = " ".join(" ".join(n[k]) for k in ("prefixes", "given", "additional", "family",
                                                                 "suffixes") if n[k])
    return contact


def _count(contacts, key, at_least=1):
    return max([at_least] + [len(c.get(key) or []) for c in contacts])


def _google_rows(contacts):
    contacts = list(contacts)
    phones, emails = _count(contacts, "phones", 2), _count(contacts, "emails", 2)
    addresses, urls = _count(contacts, "addresses"), _count(contacts, "urls")
    relations, ims = _count(contacts, "related"), _count(contacts, "impps")
    csv_columns = list(dict.fromkeys(e["params"]["COLUMN"][0] for c in contacts for e in c.get("extra") or []
                                     if e.get("name") == "X-CSV" and e.get("params", {}).get("COLUMN")))
    header = ["Name", "Given Name", "Additional Name", "Family Name", "Name Prefix", "Name Suffix",
              "Nickname", "Birthday", "Gender", "Notes", "Language", "Photo", "Group Membership"]
    header += [f"E-mail {i} - {p}" for i in range(1, emails + 1) for p in ("Type", "Value")]
    header += [f"Phone {i} - {p}" for i in range(1, phones + 1) for p in ("Type", "Value")]
    header += [f"Address {i} - {p}" for i in range(1, addresses + 1)
               for p in ("Type", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code", "Country",
                         "Extended Address")]
    header += ["Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Title",
               "Organization 1 - Department", "Organization 1 - Job Description"]
    header += [f"Relation {i} - {p}" for i in range(1, relations + 1) for p in ("Type", "Value")]
    header += [f"Website {i} - {p}" for i in range(1, urls + 1) for p in ("Type", "Value")]
    header += ["Event 1 - Type", "Event 1 - Value"]
    header += [f"IM {i} - {p}" for i in range(1, ims + 1) for p in ("Type", "Service", "Value")]
    header += [c for c in csv_columns if c not in header and c != "ID"] + ["ID"]
    header = _with_regions(header, contacts, "google")
    yield header
    for contact in contacts:
        n = contact.get("n") or {}
        cells = {"Name": contact["name"], "Nickname": SEPARATOR.join(contact.get("nicknames") or []),
                 "Birthday": contact.get("birthday") or "",
                 "Gender": {"M": "male", "F": "female"}.get(contact.get("gender") or "", contact.get("gender") or ""),
                 "Notes": contact.get("notes") or "", "Language": SEPARATOR.join(contact.get("languages") or []),
                 "Photo": (contact.get("photo") or {}).get("uri", ""), "ID": contact.get("id") or "",
                 REGIONS_COLUMN["google"]: regions_cell(contact)}
        for part, column in (("given", "Given Name"), ("additional", "Additional Name"),
                             ("family", "Family Name"), ("prefixes", "Name Prefix"), ("suffixes", "Name Suffix")):
            cells[column] = " ".join(n.get(part) or [])
        groups = [("* " + GOOGLE_SYSTEM_GROUPS[g.lower()]) if g.lower() == "mycontacts" else g
                  for g in contact.get("groups") or []]
        if contact.get("starred"):
            groups.append("* starred")
        cells["Group Membership"] = SEPARATOR.join(groups)
        for kind, key, value_key in (("E-mail", "emails", "address"), ("Phone", "phones", "number"),
                                     ("Website", "urls", "url"), ("Relation", "related", "value")):
            for i, item in enumerate(contact.get(key) or [], 1):
                cells[f"{kind} {i} - Type"] = _google_type(item.get("label"), item.get("pref"))
                cells[f"{kind} {i} - Value"] = item[value_key]
        for i, item in enumerate(contact.get("impps") or [], 1):
            cells[f"IM {i} - Type"] = _google_type(item.get("label"), item.get("pref"))
            cells[f"IM {i} - Value"] = item["uri"]
        for i, address in enumerate(contact.get("addresses") or [], 1):
            cells[f"Address {i} - Type"] = _google_type(address.get("label"), address.get("pref"))
            for column, field in _GOOGLE_ADR.items():
                cells[f"Address {i} - " + {"po box": "PO Box"}.get(column, column.title())] = address.get(field) or ""
        cells["Organization 1 - Name"] = contact.get("organization") or ""
        cells["Organization 1 - Title"] = contact.get("title") or ""
        cells["Organization 1 - Department"] = SEPARATOR.join(contact.get("org_units") or [])
        cells["Organization 1 - Job Description"] = contact.get("role") or ""   # Google's column for ROLE
        if contact.get("anniversary"):
            cells["Event 1 - Type"], cells["Event 1 - Value"] = "Anniversary", contact["anniversary"]
        for extra in contact.get("extra") or []:
            if extra.get("name") == "X-CSV" and extra.get("params", {}).get("COLUMN"):
                cells.setdefault(extra["params"]["COLUMN"][0], extra["value"])
        yield [cells.get(column, "") for column in header]


# -- outlook -----------------------------------------------------------------------------
_OUTLOOK_PHONES = {"Primary Phone": ("main", 1), "Home Phone": ("home", None), "Home Phone 2": ("home", None),
                   "Mobile Phone": ("mobile", None), "Business Phone": ("work", None),
                   "Business Phone 2": ("work", None), "Company Main Phone": ("main", None),
                   "Business Fax": ("work fax", None), "Home Fax": ("home fax", None),
                   "Other Fax": ("other fax", None), "Pager": ("pager", None), "Other Phone": ("other", None),
                   "Car Phone": ("car", None), "Assistant's Phone": ("assistant", None)}
_OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
_OUTLOOK_ADR = {"Street": "street", "City": "locality", "State": "region", "Postal Code": "postcode",
                "Country/Region": "country", "Country": "country", "PO Box": "pobox", "Address PO Box": "pobox",
                "Street 2": "extended"}
_OUTLOOK_NAME = {"First Name": "given", "Middle Name": "additional", "Last Name": "family", "Title": "prefixes",
                 "Suffix": "suffixes"}
OUTLOOK_HEADER = (["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Nickname", "Company",
                   "Department", "Job Title"]
                  + [f"{kind} {part}" for kind in ("Business", "Home", "Other")
                     for part in ("Street", "Street 2", "City", "State", "Postal Code", "Country/Region")]
                  + list(_OUTLOOK_PHONES) + list(_OUTLOOK_EMAILS)
                  + ["Web Page", "Personal Web Page", "Birthday", "Anniversary", "Spouse", "Manager's Name",
                     "Assistant's Name", "Categories", "Gender", "Language", "Notes"])


def _outlook_row(headers, row):
    contact = _empty_contact()
    n = {key: [] for key in ("family", "given", "additional", "prefixes", "suffixes")}
    addresses = {}
    for header, cell in zip(headers, row):
        key, value = header.strip(), cell.strip()
        if not value:
            continue
        kind = key.split(" ", 1)
        if key in _OUTLOOK_NAME:
            n[_OUTLOOK_NAME[key]] = [value]
        elif key in _OUTLOOK_PHONES:
            label, pref = _OUTLOOK_PHONES[key]
            contact["phones"].append({"label": label, "number": value, "pref": pref})
        elif key in _OUTLOOK_EMAILS:
            contact["emails"].append({"label": "", "address": value, "pref": None})
        elif kind[0] in ("Business", "Home", "Other") and len(kind) == 2 and kind[1] in _OUTLOOK_ADR:
            addresses.setdefault(kind[0], {})[_OUTLOOK_ADR[kind[1]]] = value
        elif key == "Company":
            contact["organization"] = value
        elif key == "Department":
            contact["org_units"] = [value]
        elif key == "Job Title":
            contact["title"] = value
        elif key == "Nickname":
            contact["nicknames"] = [value]
        elif key in ("Web Page", "Personal Web Page"):
            contact["urls"].append({"label": "work" if key == "Web Page" else "home", "url": value, "pref": None})
        elif key in ("Birthday", "Anniversary"):
            contact[key.lower()] = _dates(value)
        elif key in ("Spouse", "Manager's Name", "Assistant's Name"):
            label = {"Spouse": "spouse", "Manager's Name": "manager", "Assistant's Name": "assistant"}[key]
            contact["related"].append({"label": label, "value": value})
        elif key == "Categories":
            contact["groups"] = [g.strip() for g in value.split(";") if g.strip()]
        elif key == "Gender":
            contact["gender"] = _gender(value)
        elif key == "Language" and _languages(value, "[,;]") is not None:
            contact["languages"] = _languages(value, "[,;]")   # the writer joins them with ", "
        elif key == "Notes":
            contact["notes"] = value
        elif key in ("ID", "id"):
            contact["id"] = id_from_file(value)
        else:
            contact["extra"].append(_x_csv(key, cell))
    for kind in ("Business", "Home", "Other"):
        if kind in addresses:
            parts = {field: addresses[kind].get(field, "") for field in
                     ("pobox", "extended", "street", "locality", "region", "postcode", "country")}
            label = {"Business": "work", "Home": "home", "Other": "other"}[kind]
            contact["addresses"].append(dict(label=label, **parts, pref=None))
    if any(n.values()):
        contact["n"] = n
        contact["name"] = " ".join(" ".join(n[k]) for k in ("prefixes", "given", "additional", "family",
                                                             "suffixes") if n[k])
    return contact


def _csv_extra_columns(contacts, header):
    columns = dict.fromkeys(e["params"]["COLUMN"][0] for c in contacts for e in c.get("extra") or []
                            if e.get("name") == "X-CSV" and e.get("params", {}).get("COLUMN"))
    return [c for c in columns if c not in header and c != "ID"]


def _csv_extra_cells(contact, cells):
    for extra in contact.get("extra") or []:
        if extra.get("name") == "X-CSV" and extra.get("params", {}).get("COLUMN"):
            cells.setdefault(extra["params"]["COLUMN"][0], extra["value"])


def _outlook_rows(contacts):
    contacts = list(contacts)
    header = list(OUTLOOK_HEADER)
    header += _csv_extra_columns(contacts, header) + ["ID"]
    header = _with_regions(header, contacts, "outlook")
    yield header
    for contact in contacts:
        n = contact.get("n") or {}
        cells = {"ID": contact.get("id") or "", REGIONS_COLUMN["outlook"]: regions_cell(contact)}
        _csv_extra_cells(contact, cells)
        if any(n.get(k) for k in _OUTLOOK_NAME.values()):
            for column, part in _OUTLOOK_NAME.items():
                cells[column] = " ".join(n.get(part) or [])
        else:
            cells["First Name"] = contact["name"]
        cells.update({"Company": contact.get("organization") or "", "Job Title": contact.get("title") or "",
                      "Department": " / ".join(contact.get("org_units") or []),
                      "Nickname": ", ".join(contact.get("nicknames") or []),
                      "Birthday": contact.get("birthday") or "", "Anniversary": contact.get("anniversary") or "",
                      "Categories": ";".join(contact.get("groups") or []), "Notes": contact.get("notes") or "",
                      "Gender": {"M": "Male", "F": "Female"}.get(contact.get("gender") or "", ""),
                      "Language": ", ".join(contact.get("languages") or [])})
        free = [c for c in _OUTLOOK_PHONES]
        written = []
        by_label = {}
        for column, (label, _) in _OUTLOOK_PHONES.items():
            by_label.setdefault(label, []).append(column)
        for phone in contact.get("phones") or []:
            label = phone.get("label") or ""
            label = {"": "other", "cell": "mobile", "work mobile": "mobile", "fax": "work fax"}.get(label, label)
            choices = [c for c in by_label.get(label, []) + ["Other Phone", "Home Phone 2", "Business Phone 2",
                                                           "Car Phone"] if c in free]
            if choices:
                cells[choices[0]] = phone["number"]
                free.remove(choices[0])
                written.append(phone)
        # only the numbers that found a slot: the reader looks each one up in the row
        cells[REGIONS_COLUMN["outlook"]] = regions_cell({"phones": written})
        for column, email in zip(_OUTLOOK_EMAILS, contact.get("emails") or []):
            cells[column] = email["address"]
        kinds = {"work": "Business", "home": "Home"}
        for address in contact.get("addresses") or []:
            kind = kinds.get(address.get("label") or "", "Other")
            if f"{kind} Street" in cells:
                continue
            for part in ("Street", "Street 2", "City", "State", "Postal Code", "Country/Region"):
                cells[f"{kind} {part}"] = address.get(_OUTLOOK_ADR[part]) or ""
        for url in contact.get("urls") or []:
            column = "Personal Web Page" if url.get("label") == "home" else "Web Page"
            cells.setdefault(column, url["url"])
        for related in contact.get("related") or []:
            column = {"spouse": "Spouse", "manager": "Manager's Name", "assistant": "Assistant's Name"}.get(
                related.get("label") or "")
            if column:
                cells.setdefault(column, related["value"])
        yield [cells.get(column, "") for column in header]


# -- the file ----------------------------------------------------------------------------
def detect_style(headers):
    """"google", "outlook" or "plain" from a header row."""
    names = {h.strip().lower() for h in headers}
    numbered = any(_NUMBERED.match(h.strip()) for h in headers)
    if numbered and names & {"given name", "first name", "name", "family name", "last name"}:
        return "google"
    outlook = {"e-mail address", "mobile phone", "business phone", "home phone", "company", "job title"}
    if names & {"first name", "last name"} and names & outlook:
        return "outlook"
    return "plain"


def dumps_csv(contacts, style=DEFAULT_STYLE):
    if style not in STYLES:
        raise ValueError(f"CSV style must be one of {', '.join(STYLES)}, not {style!r}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    rows = {"google": _google_rows, "outlook": _outlook_rows, "plain": _plain_rows}[style](contacts)
    writer.writerows(rows)
    return out.getvalue()


def _read_row(read_row, headers, row):
    """A row's contact, the regions column read after the phones are."""
    at = next((i for i, h in enumerate(headers) if _is_regions_column(h)), None)
    if at is None:
        return read_row(headers, row)
    cell = row[at] if at < len(row) else ""
    contact = read_row(headers[:at] + headers[at + 1:], row[:at] + row[at + 1:])
    if cell.strip():
        _apply_regions(contact, headers[at].strip(), cell)
    return contact


def parse_csv(text):
    """One :class:`~contacts.formats.importing.Entry` per data row of a CSV file's text."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield Entry(1, 1, error=f"cannot read the header row: {exc}")
        return
    style = detect_style(headers)
    read_row = {"google": _google_row, "outlook": _outlook_row, "plain": _plain_row}[style]
    if style == "plain" and "name" not in [_column(h) for h in headers]:
        yield Entry(1, 1, error=f"the header row has no name column (found: {', '.join(headers)}); "
                                f"expected {', '.join(COLUMNS)}, or Google's or Outlook's columns")
        return
    number = 0
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            yield Entry(number, line, error=f"cannot read this row: {exc}")
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) > len(headers):
            yield Entry(number, start, error=f"{len(row)} cells but the header has {len(headers)} columns")
            continue
        contact = _read_row(read_row, headers, row)
        if not contact["name"]:
            yield Entry(number, start, contact, error="no name")
            continue
        yield Entry(number, start, contact)
