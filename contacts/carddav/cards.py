"""One contact is one vCard: its href, its ETag, its text, and what a PUT of it changes.

- **href**: ``<contact id>.vcf``.  A client may name a new card otherwise (``<its UID>.vcf``
  with characters a contact id cannot hold, or no ``.vcf``): the contact's id is then made
  from the name (``contacts.formats.entry.id_from_file``, as an import does for such a UID)
  and the name is kept in ``extra`` as ``X-CONTACTS-HREF``, so every gateway serves the card
  where the client put it.  That property is never shown in the card.
- **UID**: the contact id, or the card's own UID when it differs (kept in ``extra``, as the
  vCard reader keeps a UID that is not a valid id).
- **ETag**: ``"<contact_stamp>"`` (contacts.merge.contact_stamp: the newest Lamport stamp
  and a digest of the fields), the same from a gateway on any replica for the same state,
  and what ``update_contact(..., if_stamp=)`` checks under the replica's write lock.
- **text**: the lossless vCard writer of contacts.formats.vcard, version 3.0 (what every
  client reads; 4.0 cards are read on PUT).
- **a PUT of a changed card** becomes an update of only the fields that differ between the
  card sent and the card as this gateway serves the stored contact (both read by the same
  reader, so what vCard cannot carry, like a phone's region, never counts as a change): an
  edit on a phone and another in the window merge field by field.
"""
from ..formats.entry import id_from_file
from ..formats.vcard import contact_to_vcard, parse_vcards
from ..merge import contact_stamp
from ..model import FIELDS, ID_PATTERN, MAX_ID

HREF_PROPERTY = "X-CONTACTS-HREF"
SUFFIX = ".vcf"
#: longest card name (the last part of its URL) taken on PUT
MAX_NAME = 255
CONTENT_TYPE = "text/vcard"
VERSION = "3.0"
#: the versions a client may ask in a REPORT's address-data (and PUT)
VERSIONS = ("3.0", "4.0")


class CardError(ValueError):
    """A card that cannot be stored as sent; the message says why (the 400's body)."""


def check_name(name):
    """A card name a client may PUT to; CardError otherwise."""
    if not name or len(name) > MAX_NAME or any(ord(c) < 0x20 or c in "/\\\x7f" for c in name):
        raise CardError(f"a card's name is 1-{MAX_NAME} printable characters without '/', got {name[:80]!r}")
    return name


def id_of(name):
    """The contact id a card name stands for (``<id>.vcf`` -> id; another name -> an id made from it)."""
    stem = name[:-len(SUFFIX)] if name.lower().endswith(SUFFIX) and len(name) > len(SUFFIX) else name
    if len(stem) <= MAX_ID and ID_PATTERN.fullmatch(stem):
        return stem
    return id_from_file(stem)   # as an import makes the id of a card with that UID


def href_of(contact):
    """The card name of a contact: where a client put it, else ``<id>.vcf``."""
    for entry in contact.get("extra") or ():
        if entry.get("name") == HREF_PROPERTY:
            return entry["value"]
    return contact["id"] + SUFFIX


def uid_of(contact):
    """The UID the card of ``contact`` shows."""
    for entry in contact.get("extra") or ():
        if entry.get("name") == "UID":
            return entry["value"]
    return contact["id"]


def etag_of(contact):
    return f'"{contact_stamp(contact)}"'


def stamp_of_etag(etag):
    """The contact stamp an If-Match ETag names (None for ``*`` or nothing)."""
    etag = (etag or "").strip()
    if not etag or etag == "*":
        return None
    if etag.startswith("W/"):
        etag = etag[2:]
    return etag.strip('"')[:100] or None


def _shown(contact):
    return dict(contact, extra=[e for e in contact.get("extra") or () if e.get("name") != HREF_PROPERTY])


def card_text(contact, photos=None, version=VERSION):
    """The vCard of a contact; ``photos(hash) -> base64`` fetches a stored photo's bytes."""
    return contact_to_vcard(_shown(contact), version, photos)


def read_card(text):
    """The contact dict of one card's text (a PUT body); CardError says what is wrong."""
    entries = list(parse_vcards(text))
    if not entries:
        raise CardError("no vCard in the request body (BEGIN:VCARD ... END:VCARD)")
    if len(entries) > 1:
        raise CardError(f"a card is one vCard; this body holds {len(entries)}")
    entry = entries[0]
    if entry.error:
        raise CardError(f"broken vCard: {entry.error}")
    return entry.contact


def _hidden_extra(contact_id, name, card):
    """The card's ``extra`` plus what this gateway keeps there: its name, its UID."""
    extra = [e for e in card.get("extra") or () if e.get("name") != HREF_PROPERTY]
    uid = card.get("id")
    if uid and uid != contact_id and not any(e.get("name") == "UID" for e in extra):
        extra.append({"group": "", "name": "UID", "params": {}, "value": uid})
    if name != contact_id + SUFFIX:
        extra.append({"group": "", "name": HREF_PROPERTY, "params": {}, "value": name})
    return extra


def new_contact(name, card):
    """What to add for a card PUT under ``name`` that names no stored contact."""
    contact_id = id_of(name)
    contact = {field: value for field, value in card.items() if field in FIELDS}
    contact["extra"] = _hidden_extra(contact_id, name, card)
    contact["id"] = contact_id
    return contact


def changed_fields(current, card, photos=None):
    """The fields a PUT of ``card`` changes in ``current`` (the stored contact), with the
    values to send: only those that differ from the card as served, read back."""
    served = read_card(card_text(current, photos))
    name = href_of(current)
    changes = {}
    for field in FIELDS:
        if field == "extra":
            continue
        if card.get(field) != served.get(field):
            changes[field] = card.get(field)
    if [e for e in card.get("extra") or () if e.get("name") != HREF_PROPERTY] != served.get("extra") \
            or (card.get("id") or current["id"]) != (served.get("id") or current["id"]):
        changes["extra"] = _hidden_extra(current["id"], name, card)
    if "phones" in changes:
        # a phone kept as it was keeps the region it was read in (a card has no region)
        regions = {p["number"]: p.get("region") for p in current.get("phones") or () if p.get("region")}
        changes["phones"] = [dict(p, region=regions[p["number"]]) if p.get("number") in regions else p
                             for p in changes["phones"]]
    return changes
