"""CSV files of contacts: one row per contact, one header row.

Columns written: ``id, name, organization, phones, emails, notes``. A contact has any
number of phones and emails, so each of those cells lists them as
``label: value`` separated by ``; ``, which stays readable in a spreadsheet::

    id,name,organization,phones,emails,notes
    3f2c...,Ada Lovelace,Analytical Engines,"mobile: +44 20 7946 0958; work: +44 20 7946 0000",work: ada@example.com,

Reading accepts the same, with common header spellings (``Full name``, ``Phone``,
``E-mail``, ``Company`` ...) in any case; columns it does not know are reported as not
stored. Notes may span lines (quoted, as the csv module writes them).
"""
import csv
import io
import re

from .entry import Entry, id_from_file

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


def _entries_cell(entries, key):
    parts = []
    for entry in entries or []:
        label = (entry.get("label") or "").replace(";", ",").replace(":", " ").strip()
        parts.append(f"{label}: {entry[key]}" if label else entry[key])
    return "; ".join(parts)


def dumps_csv(contacts):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for contact in contacts:
        writer.writerow([contact.get("id") or "", contact["name"], contact.get("organization") or "",
                         _entries_cell(contact.get("phones"), "number"),
                         _entries_cell(contact.get("emails"), "address"), contact.get("notes") or ""])
    return out.getvalue()


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
        entries.append({"label": label.strip(), key: value.strip()})
    return entries


def _column(header):
    return ALIASES.get(re.sub(r"[\s_\-]", "", (header or "").lower()))


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
    columns = [_column(h) for h in headers]
    if "name" not in columns:
        yield Entry(1, 1, error=f"the header row has no name column (found: {', '.join(headers)}); "
                                f"expected {', '.join(COLUMNS)}")
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
        ignored = tuple(h.strip() or f"column {i + 1}" for i, (h, c, cell) in
                        enumerate(zip(headers, columns, row)) if c is None and cell.strip())
        values = {}
        for column, cell in zip(columns, row):
            if column is not None and cell.strip():
                values[column] = values.get(column, "") + ("; " if column in values else "") + cell
        contact = {"name": values.get("name", "").strip(),
                   "phones": _split_cell(values.get("phones", ""), "number"),
                   "emails": _split_cell(values.get("emails", ""), "address"),
                   "organization": values.get("organization", "").strip(),
                   "notes": values.get("notes", "").strip()}
        if values.get("id"):
            contact["id"] = id_from_file(values["id"])
        if not contact["name"]:
            yield Entry(number, start, contact, error="no name", ignored=ignored)
            continue
        yield Entry(number, start, contact, ignored=ignored)
