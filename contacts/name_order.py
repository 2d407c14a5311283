"""The orders a book is listed in, and each contact's key for them.

``"name"`` is the display name (how the list was always sorted); ``"first"`` and ``"last"``
sort by the structured name (the vCard N property: given then family, or family then given),
falling back to the display name when the contact has no such part. Keys are folded
(contacts.model.fold: case and accents ignored, locale-independent), so "Álvaro" sorts with
"Alvaro" and "álvaro". The replicas store them (contacts.replica.store) and the window's
small-book sort uses the same function, so both modes list a book in the same order.
"""
from .model import fold

ORDERS = ("name", "first", "last")
DEFAULT_ORDER = "name"
#: between the parts of a key: below every printable character, so "Silva" (family) comes
#: before "Silva Junior" and the given name only breaks ties within one family name
SEPARATOR = "\x1f"


def _words(parts):
    return " ".join(p for p in parts if p).strip()


def name_keys(fields):
    """(first-name key, last-name key) of a contact's fields (a contact dict does)."""
    name = fields.get("name") or ""
    n = fields.get("n") or {}
    given = _words(n.get("given", ()) + n.get("additional", ()))
    family = _words(n.get("family", ()))
    first = fold(given + SEPARATOR + family) if given else (fold(family) if family else fold(name))
    last = fold(family + SEPARATOR + given) if family else fold(name)
    return first, last


def sort_key(fields, order):
    """The key of one order (the display name's for "name")."""
    if order == "name":
        return fold(fields.get("name") or "")
    first, last = name_keys(fields)
    return first if order == "first" else last
