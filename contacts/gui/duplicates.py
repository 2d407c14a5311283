"""Likely duplicates and how two contacts merge, field by field (Qt-free, unit-tested alone).

:func:`find_duplicates` pairs contacts that share an E.164 number or an email address, or
whose names are alike (the same words in any order, accents and case ignored, or one
name's words all in the other, or a near spelling).  :func:`merge_plan` says, per field,
what merging ``other`` into ``keep`` does: a list (phones, emails, groups ...) is the union
of both; a single value (the name, the birthday, the photo) is the one chosen, ``keep``'s
unless told otherwise, or whichever is set.  :func:`merge_changes` turns the choices into
the update for ``keep`` and its inverse (what undo sends), so that the merge goes through the
ordinary remote methods (update one, delete the other to the trash) and replicates.
"""
import dataclasses
import difflib
import re
import unicodedata
from collections import defaultdict

from ..fields import BY_NAME, TABLE

#: names this alike (difflib ratio of the folded names) count as similar
NAME_RATIO = 0.88
#: a name word shared by more contacts than this ("Silva") pairs nobody by itself
COMMON_WORD = 40
#: never merged: the card's verbatim properties (its UID, PRODID...) stay those of the kept one
NOT_MERGED = ("extra",)
_WORD = re.compile(r"\w+")


def fold(text):
    """Lower case without accents: 'José' and 'jose' are one."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_words(name):
    return tuple(_WORD.findall(fold(name)))


@dataclasses.dataclass
class Duplicate:
    first: dict
    second: dict
    reasons: list    # what they share, in words: "same number +5584988887777", "similar names"


def _similar_names(a, b):
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if sorted(wa) == sorted(wb):
        return True
    small, big = sorted((set(wa), set(wb)), key=len)
    if len(small) >= 2 and small <= big:
        return True      # "Ana Gonçalves" and "Ana Beatriz Gonçalves"
    return difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= NAME_RATIO


def find_duplicates(contacts):
    """[Duplicate] for the pairs of ``contacts`` that are likely the same person, the pairs
    sharing the most first; each pair once, whatever it shares."""
    contacts = [c for c in contacts if not c.get("deleted")]
    reasons = defaultdict(list)            # (i, j) -> reasons
    by_key = defaultdict(list)
    for i, contact in enumerate(contacts):
        for phone in contact.get("phones") or ():
            if phone.get("e164"):
                by_key[("number", phone["e164"])].append(i)
        for email in contact.get("emails") or ():
            if email.get("address"):
                by_key[("email", email["address"].casefold())].append(i)
    for (kind, value), members in by_key.items():
        members = sorted(set(members))
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                reasons[(i, j)].append(f"same {kind} {value}")
    # names: only pairs sharing a word are compared (not every pair of a big book)
    by_word = defaultdict(set)
    for i, contact in enumerate(contacts):
        for word in set(name_words(contact.get("name", ""))):
            by_word[word].add(i)
    compared = set()
    for word, members in by_word.items():
        if len(members) > COMMON_WORD:
            continue
        members = sorted(members)
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (i, j) in compared:
                    continue
                compared.add((i, j))
                if _similar_names(contacts[i].get("name", ""), contacts[j].get("name", "")):
                    reasons[(i, j)].append("similar names")
    pairs = [Duplicate(contacts[i], contacts[j], found) for (i, j), found in reasons.items()]
    pairs.sort(key=lambda d: (-len(d.reasons), fold(d.first.get("name", "")), fold(d.second.get("name", ""))))
    return pairs


# -- merging -------------------------------------------------------------------------------
CHOOSE, UNITE = "choose", "unite"


@dataclasses.dataclass
class MergeField:
    name: str
    how: str          # CHOOSE: one of the two values; UNITE: both lists in one
    keep: object      # the kept contact's value
    other: object     # the other contact's value
    merged: object    # UNITE: the union; CHOOSE: the default choice (keep's, or other's when keep has none)


def _empty(value):
    return value in (None, "", False) or value == [] or value == {}


def _entry_key(field, entry):
    if field == "phones":
        return entry.get("e164") or re.sub(r"\D", "", entry.get("number", ""))
    if field == "addresses":
        return tuple(fold(str(entry.get(part, ""))).strip() for part in
                     ("pobox", "extended", "street", "locality", "region", "postcode", "country"))
    key = BY_NAME[field].key
    return fold(str(entry.get(key, ""))).strip() if key else repr(sorted(entry.items()))


def unite(field, keep, other):
    """``keep``'s list then what ``other`` adds (the same phone number, email, address or word
    once, ``keep``'s entry winning)."""
    kind = BY_NAME[field].kind
    out, seen = [], set()
    for item in list(keep or ()) + list(other or ()):
        key = _entry_key(field, item) if kind == "entries" else fold(str(item)).strip()
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def filled_fields(contact):
    """How many of the fields a merge looks at ``contact`` has filled (the name, a phone
    list, the birthday ... each counts one)."""
    return sum(1 for field in TABLE
               if field.name not in NOT_MERGED and not _empty(contact.get(field.name, field.empty)))


def kept_first(first, second):
    """(keep, other): the pair with the more complete contact first, the one a merge keeps by
    default (it used to be whichever came first, even the one with less in it); on a tie the
    order given (the older pair member: find_duplicates lists the book's order)."""
    return (second, first) if filled_fields(second) > filled_fields(first) else (first, second)


def merge_plan(keep, other):
    """[MergeField] for each field where merging ``other`` into ``keep`` has something to
    decide or add (fields equal in both, or empty in ``other``, are left out)."""
    plan = []
    for field in TABLE:
        name = field.name
        if name in NOT_MERGED:
            continue
        a, b = keep.get(name, field.empty), other.get(name, field.empty)
        if _empty(b) or a == b:
            continue
        if field.kind in ("entries", "list-of-str", "set"):
            merged = unite(name, a, b) if field.kind != "set" else sorted(set(a) | set(b), key=fold)
            if merged != list(a):
                plan.append(MergeField(name, UNITE, a, b, merged))
        elif field.kind == "bool":
            plan.append(MergeField(name, CHOOSE, a, b, bool(a) or bool(b)))   # starred if either was
        else:
            plan.append(MergeField(name, CHOOSE, a, b, b if _empty(a) else a))
    return plan


def merge_changes(keep, plan, choices=None):
    """(changes, inverse) for ``update_contact(keep["id"], ...)``: the plan with ``choices``
    ({field: "keep" | "other"} for CHOOSE fields, else the plan's default).  Groups go as
    an add/remove delta, so the undo removes just the groups the merge added."""
    choices = choices or {}
    changes, inverse = {}, {}
    for item in plan:
        if item.how == UNITE:
            value = item.merged
        else:
            chosen = choices.get(item.name)
            value = item.keep if chosen == "keep" else item.other if chosen == "other" else item.merged
        before = keep.get(item.name, BY_NAME[item.name].empty)
        if value == before:
            continue
        if item.name == "groups":
            added = sorted(set(value) - set(before), key=fold)
            changes["groups"], inverse["groups"] = {"add": added}, {"remove": added}
        else:
            changes[item.name], inverse[item.name] = value, before
    return changes, inverse
