"""``contacts``: the command line of the replicated contact list (see docs/cli.md).

Every command goes through :class:`contacts.client.ContactsClient`, so it works while
replicas fail as long as one answers. ``--json`` prints one JSON document on stdout
(the result, or ``{"error": ...}``) for scripts. Exit codes:

  0  done
  1  no such contact
  2  bad usage or invalid data (the message says which field and why)
  3  no replica can serve (cluster down or unreachable)
  4  import finished but skipped some entries or properties (listed with the reason)
"""
import argparse
import json
import os
import re
import shutil
import sys
import time

from . import cli_flags
from .cli_show import contact_text
from .client import ContactsClient
from .config import name_server_option
from .cluster_text import address_of, describe_age
from .errors import ContactNotFound, ContactsError, UnavailableError, ValidationError, WrongTypeError
from .formats.importing import (CSV_STYLES, DEFAULT_CSV_STYLE, DEFAULT_VCARD_VERSION, FORMATS, decode,
                                detect_format, import_entries, read_entries, write_contacts)

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_PARTIAL = 0, 1, 2, 3, 4
#: an import shows a progress bar (on a terminal) from this many entries on
PROGRESS_FROM = 20


class UsageError(Exception):
    """A command line that cannot be carried out as written (exit code 2)."""


class Ambiguous(UsageError):
    pass


# -- argument parsing ----------------------------------------------------------------------
REGION_HELP = ("region (ISO code: BR, GB ...) to read phone numbers typed without +country in; "
               "default: the replica's setting (CONTACTS_DEFAULT_REGION, else its locale)")

def _labelled(text, key):
    """'mobile=+44 20 ...' -> {"label": "mobile", key: "+44 20 ..."}; no '=' -> no label."""
    label, sep, value = text.partition("=")
    if not sep or (key == "address" and "@" in label):
        return {"label": "", key: text.strip()}
    return {"label": label.strip(), key: value.strip()}


def build_parser():
    # options every command takes, before or after the command name
    common = argparse.ArgumentParser(add_help=False)
    connection = common.add_argument_group("cluster and output")
    connection.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                            help="print one JSON document (for scripts)")
    connection.add_argument("--ns", metavar="HOST:PORT", type=name_server_option, default=argparse.SUPPRESS,
                            help="Pyro5 name server (default: PYRO_NS_HOST / PYRO_NS_PORT, else 127.0.0.1:9090)")
    connection.add_argument("--replica", metavar="URI", action="append", default=argparse.SUPPRESS,
                            help="a replica's Pyro5 URI, bypassing the name server (repeatable; "
                                 "the others are learnt from it)")
    connection.add_argument("--timeout", metavar="SECONDS", type=float, default=argparse.SUPPRESS,
                            help="timeout of each remote call (default 3)")
    connection.add_argument("--tls-dir", metavar="DIR", default=argparse.SUPPRESS,
                            help="call over TLS with the certificates in DIR (default: CONTACTS_TLS_DIR)")
    connection.add_argument("--tls-client", metavar="NAME", default=argparse.SUPPRESS,
                            help="use client-NAME.crt from the TLS dir (default: CONTACTS_TLS_CLIENT, "
                                 "or the only client certificate there)")

    parser = argparse.ArgumentParser(
        prog="contacts", parents=[common],
        description="The replicated contact list from the command line. A contact is named by its "
                    "id, the first characters of its id, or its name.",
        epilog="Exit codes: 0 done, 1 no such contact, 2 bad usage or invalid data, "
               "3 no replica can serve, 4 import skipped some entries or properties. See docs/cli.md.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name, help_text, **kwargs):
        return commands.add_parser(name, parents=[common], help=help_text, description=help_text, **kwargs)

    add = command("add", "add a contact")
    add.add_argument("name")
    add.add_argument("--phone", action="append", default=[], metavar="[LABEL=]NUMBER",
                     help="a phone number, e.g. --phone mobile='+44 20 7946 0958' (repeatable)")
    add.add_argument("--email", action="append", default=[], metavar="[LABEL=]ADDRESS",
                     help="an email address, e.g. --email work=ada@example.com (repeatable)")
    add.add_argument("--org", "--organization", dest="organization", help="organization")
    add.add_argument("--notes", help="free text notes")
    add.add_argument("--id", help="the id to give the contact (default: a new random id)")
    add.add_argument("--region", help=REGION_HELP)
    cli_flags.add_arguments(add, editing=False)

    edit = command("edit", "change some fields of a contact (the others are kept)")
    edit.add_argument("contact", metavar="CONTACT", help="id, id prefix or name")
    edit.add_argument("--name")
    edit.add_argument("--phone", action="append", metavar="[LABEL=]NUMBER",
                      help="replace the phone numbers with these (repeatable)")
    edit.add_argument("--add-phone", action="append", default=[], metavar="[LABEL=]NUMBER",
                      help="add a phone number, keeping the others")
    edit.add_argument("--remove-phone", action="append", default=[], metavar="NUMBER",
                      help="remove the phone with this number")
    edit.add_argument("--email", action="append", metavar="[LABEL=]ADDRESS",
                      help="replace the email addresses with these (repeatable)")
    edit.add_argument("--add-email", action="append", default=[], metavar="[LABEL=]ADDRESS",
                      help="add an email address, keeping the others")
    edit.add_argument("--remove-email", action="append", default=[], metavar="ADDRESS",
                      help="remove this email address")
    edit.add_argument("--clear-phones", action="store_true", help="remove every phone number")
    edit.add_argument("--clear-emails", action="store_true", help="remove every email address")
    edit.add_argument("--org", "--organization", dest="organization")
    edit.add_argument("--notes")
    edit.add_argument("--region", help=REGION_HELP)
    cli_flags.add_arguments(edit, editing=True)

    rm = command("rm", "delete contacts (they go to the trash: see 'trash' and 'restore')")
    rm.add_argument("contacts", metavar="CONTACT", nargs="+", help="id, id prefix or name")

    restore = command("restore", "bring a deleted contact back from the trash")
    restore.add_argument("contact", metavar="CONTACT", help="id, id prefix or name")

    show = command("show", "show one contact in full")
    show.add_argument("contact", metavar="CONTACT", help="id, id prefix or name")

    ls = command("ls", "list contacts as a table, sorted by name")
    ls.add_argument("--limit", type=int, help="at most this many")
    ls.add_argument("--offset", type=int, default=0, help="skip this many first")
    ls.add_argument("--order", choices=("name", "first", "last"),
                    help="by display name (the default), or starred first then by first or last name")

    search = command("search", "find contacts by name, organization, email, notes or phone digits")
    search.add_argument("text")
    search.add_argument("--limit", type=int)

    command("trash", "list deleted contacts")
    command("status", "the cluster as the replica in use sees it: alive, last seen, lag")

    imp = command("import", "import contacts from a vCard (.vcf) or CSV file")
    imp.add_argument("file", help="the file ('-' reads standard input; then give --format)")
    imp.add_argument("--format", choices=FORMATS, help="default: from the file name or content")
    imp.add_argument("--update", action="store_true",
                     help="overwrite contacts that exist with the same id (default: skip them)")
    imp.add_argument("--region", metavar="CC",
                     help="region of phone numbers written without +country, e.g. BR (default: the replica's)")
    progress = imp.add_mutually_exclusive_group()
    progress.add_argument("--progress", action="store_true", default=None,
                          help="always show the progress bar (default: on a terminal)")
    progress.add_argument("--no-progress", dest="progress", action="store_false")

    exp = command("export", "export every contact to a vCard 3.0/4.0 (.vcf) or CSV file")
    exp.add_argument("file", help="the file ('-' writes standard output)")
    exp.add_argument("--format", choices=FORMATS, help="default: from the file name (else vcard)")
    exp.add_argument("--vcard-version", choices=("3.0", "4.0"), default=DEFAULT_VCARD_VERSION,
                     help="vCard version to write (default 3.0, which every contacts app imports)")
    exp.add_argument("--csv-style", choices=CSV_STYLES, default=DEFAULT_CSV_STYLE,
                     help="CSV columns: Google Contacts' (default), Outlook's, or this project's plain ones")
    return parser


# -- output ------------------------------------------------------------------------------------
def _short(contact_id):
    return contact_id[:8]


def _clip(text, width):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def format_table(headers, rows, max_widths=None):
    max_widths = max_widths or {}
    rows = [[_clip(cell, max_widths.get(i, 60)) for i, cell in enumerate(row)] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)


def contacts_table(contacts):
    if not contacts:
        return "no contacts"
    columns = shutil.get_terminal_size((120, 24)).columns
    wide = columns >= 110
    rows = []
    for c in contacts:
        phone = c["phones"][0]["number"] if c.get("phones") else ""
        email = c["emails"][0]["address"] if c.get("emails") else ""
        more = len(c.get("phones", [])) > 1 or len(c.get("emails", [])) > 1
        rows.append([_short(c["id"]), c["name"], phone + (" …" if more and phone else ""), email,
                     c.get("organization", "")])
    limits = {1: 32 if wide else 24, 2: 22, 3: 32 if wide else 24, 4: 28 if wide else 16}
    return format_table(["ID", "NAME", "PHONE", "EMAIL", "ORGANIZATION"], rows, limits)


def status_table(rows, client):
    now = time.time()
    table = []
    for row in rows:
        lag = "-" if row.get("behind") is None else str(row["behind"])
        mark = " (in use)" if row.get("self") else ""
        table.append([f"{row['replica_id']}{mark}", address_of(row.get("uri")) or "?",
                      "yes" if row.get("alive") else "NO", "now" if row.get("self") else describe_age(row.get("last_seen"), now),
                      lag])
    text = format_table(["REPLICA", "ADDRESS", "ALIVE", "LAST SEEN", "LAG (updates)"], table)
    alive = sum(1 for row in rows if row.get("alive"))
    text += f"\n{alive} of {len(rows)} replicas alive"
    if client.name_server_error:
        text += f"; {client.name_server_error}: replicas found through their peers"
    return text


# -- resolving what the user named --------------------------------------------------------
#: an id prefix the user may type: lowercase hex (the ids this code makes), at least 4
#: characters (``ls`` shows 8)
ID_PREFIX = re.compile(r"[0-9a-f]{4,64}")
#: how many candidates an ambiguity lists
CANDIDATES_SHOWN = 20


class _Lookup:
    """What resolve asks the cluster, each at most once: the trash, a name search."""

    def __init__(self, client, ref, deleted):
        self.client, self.ref, self.deleted = client, ref, deleted
        self._trash = self._named = None

    def trash(self):
        if self._trash is None:
            self._trash = self.client.list_deleted()
        return self._trash

    def named(self):
        """Contacts that may carry ``ref`` in their name: the trash, or a search (the replica
        narrows the live contacts down)."""
        if self.deleted:
            return self.trash()
        if self._named is None:
            self._named = self.client.search(self.ref[:200])
        return self._named


def _by_exact_id(lookup):
    from .model import ID_PATTERN
    ref = lookup.ref
    if lookup.deleted:
        return [c for c in lookup.trash() if c["id"] == ref]
    if not ID_PATTERN.fullmatch(ref):
        return []
    try:
        return [lookup.client.get_contact(ref)]
    except (ContactNotFound, ValidationError):
        return []


def _by_id_prefix(lookup):
    ref = lookup.ref
    if not ID_PREFIX.fullmatch(ref):
        return []
    if lookup.deleted:
        return [c for c in lookup.trash() if c["id"].startswith(ref)]
    # one bounded, indexed call on the replica: not the whole book
    return lookup.client.find_by_id_prefix(ref, limit=CANDIDATES_SHOWN + 1)


def _by_name(lookup):
    from .model import fold
    folded = fold(lookup.ref)   # case and accents ignored, as the replica's search does
    return [c for c in lookup.named() if fold(c["name"]) == folded]


def _by_part_of_name(lookup):
    from .model import fold
    folded = fold(lookup.ref)
    return [c for c in lookup.named() if folded in fold(c["name"])]


def _listed(found):
    more = len(found) > CANDIDATES_SHOWN
    return _candidates(found[:CANDIDATES_SHOWN]) + ("\n  ..." if more else "")


def _prefix_ambiguity(ref, found):
    count = f"more than {CANDIDATES_SHOWN}" if len(found) > CANDIDATES_SHOWN else str(len(found))
    return f"{ref!r} is the start of {count} ids:\n" + _listed(found)


#: how resolve reads what the user typed, in this order; the first that matches anything
#: decides (one match: that contact; several: "ambiguous", exit 2)
MATCHERS = (
    (_by_exact_id, lambda ref, found: f"{len(found)} contacts have the id {ref!r}:\n" + _listed(found)),
    (_by_id_prefix, lambda ref, found: _prefix_ambiguity(ref, found)),
    (_by_name, lambda ref, found: f"{len(found)} contacts are named {ref!r}; use an id:\n" + _listed(found)),
    (_by_part_of_name, lambda ref, found: f"{len(found)} contacts match {ref!r}; be more precise or use "
                                          f"an id:\n" + _listed(found)),
)


def resolve(client, ref, deleted=False):
    """The contact the user named (in the trash if ``deleted``): by exact id, then id
    prefix (4+ hex digits, looked up on the replica), then whole name, then part of a name
    (see MATCHERS and docs/cli.md)."""
    ref = ref.strip()
    if not ref:
        raise UsageError("an empty contact name")
    lookup = _Lookup(client, ref, deleted)
    for matcher, ambiguous in MATCHERS:
        found = matcher(lookup)
        if len(found) == 1:
            return found[0]
        if found:
            raise Ambiguous(ambiguous(ref, found))
    raise NoSuchContact(f"no contact {'in the trash ' if deleted else ''}with id or name {ref!r}")


class NoSuchContact(ContactNotFound):
    """ContactNotFound with a message about what the user typed (not only an id)."""

    def __init__(self, message):
        Exception.__init__(self, message)


def _candidates(contacts):
    return "\n".join(f"  {_short(c['id'])}  {c['name']}" for c in contacts)


# -- commands ------------------------------------------------------------------------------
def cmd_add(client, args):
    contact = {"name": args.name, "phones": [_labelled(p, "number") for p in args.phone],
               "emails": [_labelled(e, "address") for e in args.email]}
    if args.organization is not None:
        contact["organization"] = args.organization
    if args.notes is not None:
        contact["notes"] = args.notes
    if args.id:
        contact["id"] = args.id
    contact.update(cli_flags.rich_fields(args))
    added = client.add_contact(contact, region=args.region) if args.region else client.add_contact(contact)
    return added, f"added {added['name']} ({_short(added['id'])})\n" + contact_text(added)


def cmd_edit(client, args):
    contact = resolve(client, args.contact)
    changes = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.organization is not None:
        changes["organization"] = args.organization
    if args.notes is not None:
        changes["notes"] = args.notes
    for field, key, what in (("phones", "number", "phone"), ("emails", "address", "email")):
        entries = _edited_entries(contact, args, field, key, what)
        if entries is not None:
            changes[field] = entries
    changes.update(cli_flags.rich_fields(args, contact))
    if changes and "extra" not in changes:
        extra = _extra_without_orphans(contact, changes)
        if extra is not None:
            changes["extra"] = extra
    if not changes:
        raise UsageError("nothing to change: give --name, --phone, --email, --org, --notes, --birthday, --name-parts, "
                         "--address, --group, --photo, --star ... (contacts edit --help)")
    edited = (client.update_contact(contact["id"], changes, region=args.region) if getattr(args, "region", None)
              else client.update_contact(contact["id"], changes))
    return edited, f"updated {edited['name']} ({_short(edited['id'])})\n" + contact_text(edited)


def _extra_without_orphans(contact, changes):
    """``contact``'s extra without the parameters of entries this edit removes (the
    ``LANG;PREF=2`` of a language, the ``item2.ADR`` of an iPhone address), or None when
    there are none: no file could write them back any more (see
    contacts.formats.vcard.orphan_attachments), so they would vanish at the next export
    and the contact would not survive an export and import unchanged."""
    from .formats.vcard import orphan_attachments
    if not contact.get("extra"):
        return None
    after = dict(contact, **{k: v for k, v in changes.items() if k != "groups"})
    before = orphan_attachments(contact)
    doomed = [e for e in orphan_attachments(after) if e not in before]
    if not doomed:
        return None
    return [e for e in contact["extra"] if e not in doomed]


def _edited_entries(contact, args, field, key, what):
    """The new phones / emails of a contact from --phone/--email, --add-…, --remove-…,
    --clear-…, or None when none of them was given (the list is left as it is)."""
    replace, add = getattr(args, what), getattr(args, f"add_{what}")
    remove, clear = getattr(args, f"remove_{what}"), getattr(args, f"clear_{field}")
    if replace is None and not (add or remove or clear):
        return None
    entries = [_labelled(text, key) for text in replace or []] if (
        replace is not None or clear) else contact.get(field, [])
    entries = _remove(entries, remove, what)
    return entries + [_labelled(text, key) for text in add]


def _digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def _phone_matcher(value):
    """A test for phone entries that are the number ``value``: by E.164 when ``value`` has a
    country code (+...), else by its digits (as typed, in E.164, or without the country code)."""
    import phonenumbers
    value = value.strip()
    if value.startswith("+"):
        try:
            parsed = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is not None:
            e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

            def same_e164(entry):
                if entry.get("e164"):
                    return entry["e164"] == e164
                return _digits(entry.get("number", "")) == e164[1:]
            return same_e164
    digits = _digits(value)

    def same_digits(entry):
        if not digits:
            return False
        forms = {_digits(entry.get("number", "")), _digits(entry.get("e164") or "")}
        try:
            forms.add(str(phonenumbers.parse(entry["e164"], None).national_number))
        except (KeyError, TypeError, phonenumbers.NumberParseException):
            pass
        return digits in forms
    return same_digits


def _email_matcher(value):
    """A test for email entries with the address ``value`` (case ignored)."""
    wanted = _labelled(value, "address")["address"].casefold()
    return lambda entry: bool(wanted) and entry.get("address", "").strip().casefold() == wanted


def _remove(entries, unwanted, what):
    """``entries`` without those ``unwanted`` names; UsageError (and nothing removed) when
    one of them is not there."""
    matcher = _phone_matcher if what == "phone" else _email_matcher
    doomed = []
    for value in unwanted:
        match = matcher(value)
        found = [i for i, entry in enumerate(entries) if match(entry)]
        if not found:
            have = ", ".join(e["number" if what == "phone" else "address"] for e in entries) or "none"
            raise UsageError(f"the contact has no {what} {value.strip()!r} (its {what}s: {have}); "
                             f"nothing was changed")
        doomed += found
    return [entry for i, entry in enumerate(entries) if i not in doomed]


def cmd_rm(client, args):
    # resolve every name first: a typo in the third name must not leave two deleted
    deleted = [resolve(client, ref) for ref in args.contacts]
    for contact in deleted:
        client.delete_contact(contact["id"])
    text = "\n".join(f"deleted {c['name']} ({_short(c['id'])}); undo: contacts restore {_short(c['id'])}"
                     for c in deleted)
    return {"deleted": [c["id"] for c in deleted]}, text


def cmd_restore(client, args):
    contact = resolve(client, args.contact, deleted=True)
    restored = client.restore_contact(contact["id"])
    return restored, f"restored {restored['name']} ({_short(restored['id'])})"


def cmd_show(client, args):
    contact = resolve(client, args.contact)
    return contact, contact_text(contact)


def cmd_ls(client, args):
    # the order only when asked: a replica of an older release knows none
    contacts = (client.list_contacts(args.offset, args.limit) if args.order is None
                else client.list_contacts(args.offset, args.limit, order=args.order))
    return contacts, contacts_table(contacts)


def cmd_search(client, args):
    contacts = client.search(args.text, args.limit)
    return contacts, contacts_table(contacts) if contacts else f"nothing matches {args.text!r}"


def cmd_trash(client, args):
    contacts = client.list_deleted()
    return contacts, contacts_table(contacts) if contacts else "the trash is empty"


def cmd_status(client, args):
    rows = client.cluster_status()
    replica_id, uri = client.current_replica
    result = {"replica_in_use": {"replica_id": replica_id, "uri": uri}, "replicas": rows,
              "name_server_error": client.name_server_error}
    return result, status_table(rows, client)


def cmd_import(client, args, json_mode):
    if args.file == "-":
        if not args.format:
            raise UsageError("reading standard input needs --format vcard or --format csv")
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(args.file, "rb") as stream:
                data = stream.read()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    text = decode(data)
    fmt = args.format or detect_format(args.file, text)
    entries = read_entries(text, fmt)
    show_progress = args.progress if args.progress is not None else (
        sys.stderr.isatty() and len(entries) >= PROGRESS_FROM and not json_mode)
    bar = None
    if show_progress:
        from tqdm import tqdm
        bar = tqdm(total=len(entries), unit="contact", desc="importing", file=sys.stderr,
                   dynamic_ncols=True, mininterval=0.2)
    region = _import_region(client, args.region)
    try:
        report = import_entries(client, entries, update=args.update, progress=bar.update if bar else None,
                                region=region)
    except UnavailableError as exc:
        partial = getattr(exc, "import_report", None)
        if partial is not None and not json_mode:
            print("\n".join(["stopped: no replica can serve; before that:"] + partial.summary_lines()),
                  file=sys.stderr)
        raise
    finally:
        if bar is not None:
            bar.close()
    result = dict(report.as_dict(), file=args.file, format=fmt)
    code = EXIT_PARTIAL if report.skipped or report.not_kept else EXIT_OK
    return result, "\n".join(report.summary_lines()), code


def _import_region(client, region):
    """``--region``, checked: the client's add_contacts must take it (the rich model)."""
    if not region:
        return None
    import inspect
    add_contacts = getattr(client, "add_contacts", None)
    if add_contacts is None or "region" not in inspect.signature(add_contacts).parameters:
        raise UsageError("--region needs a client whose add_contacts takes region= (not in this version)")
    return region.strip().upper()


def cmd_export(client, args):
    fmt = args.format or ("csv" if args.file.lower().endswith(".csv") else "vcard")
    contacts = client.list_contacts()
    photos = getattr(client, "get_photo", None)
    text = write_contacts(contacts, fmt, vcard_version=args.vcard_version, csv_style=args.csv_style,
                          photos=photos)
    if args.file == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return None, None
    try:
        with open(args.file, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {args.file}: {exc.strerror or exc}") from None
    return ({"exported": len(contacts), "file": args.file, "format": fmt},
            f"exported {len(contacts)} contact{'s' if len(contacts) != 1 else ''} to {args.file} ({fmt})")


COMMANDS = {"add": cmd_add, "edit": cmd_edit, "rm": cmd_rm, "restore": cmd_restore, "show": cmd_show,
            "ls": cmd_ls, "search": cmd_search, "trash": cmd_trash, "status": cmd_status,
            "export": cmd_export}


# -- main ------------------------------------------------------------------------------------
def make_client(args):
    ns_host, ns_port = getattr(args, "ns", (None, None))
    kwargs = {"timeout": getattr(args, "timeout", 3.0), "tls_dir": getattr(args, "tls_dir", None),
              "tls_client": getattr(args, "tls_client", None)}
    return ContactsClient(ns_host, ns_port, uris=getattr(args, "replica", None), **kwargs)


def _print_json(value):
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(cli_flags.join_date_values(sys.argv[1:] if argv is None else argv))
    json_mode = getattr(args, "json", False)
    client = None
    try:
        if getattr(args, "timeout", 3.0) <= 0:
            raise UsageError("--timeout must be positive")
        client = make_client(args)
        if args.command == "import":
            result, text, code = cmd_import(client, args, json_mode)
        else:
            result, text = COMMANDS[args.command](client, args)
            code = EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (ContactsError, UsageError) as exc:
        code = _exit_code(exc)
        if json_mode:
            kind = "ContactNotFound" if isinstance(exc, ContactNotFound) else type(exc).__name__
            _print_json({"error": {"type": kind, "message": str(exc), "exit_code": code}})
        else:
            print(f"contacts: {_error_prefix(exc)}{exc}", file=sys.stderr)
        return code
    finally:
        if client is not None:
            client.close()
    try:
        if json_mode and result is not None:
            _print_json(result)
        elif text:
            print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `contacts ls | head`: the reader has gone, which is fine; keep Python from
        # complaining again when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


def _exit_code(exc):
    if isinstance(exc, ContactNotFound):
        return EXIT_NOT_FOUND
    if isinstance(exc, UnavailableError):
        return EXIT_UNAVAILABLE
    return EXIT_USAGE


def _error_prefix(exc):
    if isinstance(exc, UnavailableError):
        return "cluster unavailable: "
    if isinstance(exc, (ValidationError, WrongTypeError)):
        return "invalid: "
    return ""


if __name__ == "__main__":
    sys.exit(main())
