"""The text ``contacts show`` prints: every field a contact holds, one per line.

The order, the names and how each value is laid out come from the field table
(contacts.fields.TABLE: its ``kind``, ``label`` and ``key``), so a field added there
is shown without touching this module; only phones (their E.164 form and region) and
the kinds themselves have a layout of their own here. Empty fields are left out.
The lines of entries read back as the command's flags (``--address`` takes what the
``address`` line shows), and the exact values are in ``contacts show --json``.
"""
import calendar

from .fields import ADDRESS_PARTS, NAME_PARTS, TABLE

#: the caption column's width
WIDTH = 14
#: an extra property's value longer than this is shown cut (``--json`` has all of it)
EXTRA_SHOWN = 120


def _pref(entry):
    return f"  (pref {entry['pref']})" if entry.get("pref") is not None else ""


def _label(entry):
    return f"  [{entry['label']}]" if entry.get("label") else ""


def describe_date(value):
    """'--04-15' -> '--04-15 (15 April, no year)'; a full date is shown as it is."""
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        return f"{value} ({day} {calendar.month_name[month]}, no year)"
    if len(value) == 7:                     # 1985-04
        return f"{value} ({calendar.month_name[int(value[5:7])]} {value[:4]}, no day)"
    if len(value) == 4:
        return f"{value} (year only)"
    return value


def describe_size(size):
    if size < 1024:
        return f"{size} bytes"
    return f"{round(size / 1024)} KB"


def describe_photo(photo):
    if photo.get("uri"):
        return photo["uri"]
    return f"{photo.get('type', '?')}, {describe_size(photo.get('size', 0))}"


def describe_address(address):
    """'street=Rua A, 12; locality=Natal; country=Brasil': the parts given, by name (what
    ``--address`` takes)."""
    return "; ".join(f"{part}={address[part]}" for part in ADDRESS_PARTS if address.get(part))


def describe_phone(phone):
    shown = phone["number"]
    known = []
    if phone.get("e164") and phone["e164"] != phone["number"]:
        known.append(phone["e164"])
    if phone.get("region"):
        known.append(f"read in {phone['region']}")
    return shown + (f"  ({', '.join(known)})" if known else "")


def describe_name_parts(n):
    return "; ".join(f"{part}={', '.join(n[part])}" for part in NAME_PARTS if n.get(part))


def describe_extra(entry):
    name = (f"{entry['group']}." if entry.get("group") else "") + entry["name"]
    for key, values in sorted((entry.get("params") or {}).items()):
        name += f";{key}={','.join(values)}"
    value = entry.get("value", "")
    if len(value) > EXTRA_SHOWN:
        value = value[:EXTRA_SHOWN] + f"… ({len(value):,} characters)"
    return f"{name}: {value}" if value else f"{name} (parameters of that property)"


def _entry_line(field, entry):
    if field.name == "phones":
        value = describe_phone(entry)
    elif field.name == "addresses":
        value = describe_address(entry)
    else:
        value = entry[field.key]
    return value + _label(entry) + _pref(entry)


def field_lines(field, value):
    """(caption, text) lines of one field's value; none when it is empty."""
    if value in ("", None, False, [], {}):
        return []
    kind = field.kind
    if kind == "entries":
        return [(field.label, _entry_line(field, entry)) for entry in value]
    if kind == "extra":
        return [(field.label, describe_extra(entry)) for entry in value]
    if kind in ("list-of-str", "set"):
        return [(field.label, ", ".join(value))]
    if kind == "structured":
        return [(field.label, describe_name_parts(value))]
    if kind == "date":
        return [(field.label, describe_date(value))]
    if kind == "photo":
        return [(field.label, describe_photo(value))]
    if kind == "bool":
        return [(field.label, "yes")]
    if kind == "multiline":
        lines = value.splitlines() or [""]
        return [(field.label, lines[0])] + [("", line) for line in lines[1:]]
    return [(field.label, str(value))]


def contact_text(contact):
    """Every field ``contact`` holds, in the order of the field table, the name first."""
    title = contact["name"] + ("  ★" if contact.get("starred") else "")
    rows = [("id", contact["id"])]
    for field in TABLE:
        if field.name in ("name",):
            continue
        rows += field_lines(field, contact.get(field.name))
    return "\n".join([title] + [f"  {caption.ljust(WIDTH)}{text}".rstrip() for caption, text in rows])
