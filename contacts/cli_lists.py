"""``contacts edit``'s one-entry changes of a list field: ``--add-address``,
``--remove-url VALUE`` ... (docs/cli.md), beside the replacing ``--address``.

The new list is worked out here from the contact as fetched and sent whole: a list is
one register (last writer wins, docs/replication.md), so what matters is that the
entries the user did not name are sent back exactly as they were. A value to remove
that the contact does not have is an error, and the command changes nothing.
"""
from .errors import ValidationError
from .fields import ADDRESS_PARTS


def _fold(text):
    return " ".join(str(text).split()).casefold()


def _address_matcher(flag, text):
    """``--remove-address home`` (its label) or ``--remove-address 'city=Natal'`` (every
    part given equals the address's, case ignored)."""
    if "=" not in text:
        wanted = _fold(text)
        return lambda entry: _fold(entry.get("label", "")) == wanted
    parts = flag.parse(text)
    given = {key: _fold(value) for key, value in parts.items()
             if key in ADDRESS_PARTS and value or key == "label" and value}

    def same(entry):
        return all(_fold(entry.get(key, "")) == value for key, value in given.items())
    return same


def _matcher(flag, text):
    if flag.key == "addresses":
        return _address_matcher(flag, text)
    if not flag.value:                      # a list of strings
        wanted = _fold(text)
        return lambda entry: _fold(entry) == wanted
    # "LABEL=VALUE" as the flag takes it, or the value alone: matched by the value
    wanted = _fold(flag.parse(text)[flag.value])
    return lambda entry: _fold(entry.get(flag.value, "")) == wanted


def _shown(flag, entry):
    if flag.key == "addresses":
        from .cli_show import describe_address
        return (f"{entry['label']}: " if entry.get("label") else "") + describe_address(entry)
    return entry if not flag.value else entry.get(flag.value, "")


def edited(flag, contact, replaced, added, removed):
    """The new list of ``flag``'s field, or None when none of its flags was given.

    ``replaced``: the entries of ``--FLAG`` (None: not given), ``added``: the texts of
    ``--add-FLAG``, ``removed``: those of ``--remove-FLAG``."""
    added = [text for text in added if text.strip()]
    removed = [text for text in removed if text.strip()]
    if replaced is None and not added and not removed:
        return None
    entries = list(contact.get(flag.key) or []) if replaced is None else replaced
    doomed = set()
    for text in removed:
        match = _matcher(flag, text)
        found = {i for i, entry in enumerate(entries) if match(entry)}
        if not found:
            have = "; ".join(f"'{_shown(flag, e)}'" for e in entries) or "none"
            raise ValidationError(f"--remove-{flag.flag}", f"the contact has no {flag.flag} {text.strip()!r} "
                                                           f"(its {flag.key.replace('_', ' ')}: {have}); "
                                                           f"nothing was changed")
        doomed |= found
    return [entry for i, entry in enumerate(entries) if i not in doomed] + [flag.parse(t) for t in added]
