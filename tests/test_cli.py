"""The `contacts` command line end to end: `python -m contacts.cli` against real clusters."""
import json
import os
import re
import subprocess
import sys

import pytest

from contacts.cluster import LocalCluster, free_port, wait_until
from contacts.formats.vcard import dumps_vcards


@pytest.fixture(scope="module")
def shared_cluster(tmp_path_factory):
    """One 3-replica cluster for the tests that only add contacts (each uses its own names)."""
    cluster = LocalCluster(tmp_path_factory.mktemp("cli-cluster"))
    try:
        cluster.start(3)
        yield cluster
    finally:
        cluster.stop()


def run(cluster, *args, input=None):
    return subprocess.run([sys.executable, "-m", "contacts.cli", *args], env=cluster.env, input=input,
                          capture_output=True, text=True, timeout=120)


def run_json(cluster, *args):
    done = run(cluster, "--json", *args)
    return done.returncode, json.loads(done.stdout)


def comparable(contacts):
    return sorted(({k: c[k] for k in ("id", "name", "phones", "emails", "organization", "notes")}
                   for c in contacts), key=lambda c: c["id"])


def test_add_show_edit_search_rm_restore(shared_cluster):
    code, ada = run_json(shared_cluster, "add", "Ada Lovelace", "--phone", "mobile=+44 20 7946 0958",
                         "--email", "work=ada@example.com", "--org", "Analytical Engines")
    assert code == 0 and ada["phones"][0]["e164"] == "+442079460958"
    assert ada["emails"] == [{"label": "work", "address": "ada@example.com", "pref": None}]

    shown = run(shared_cluster, "show", "ada lovelace")
    assert shown.returncode == 0
    assert "+44 20 7946 0958" in shown.stdout and ada["id"] in shown.stdout

    edited = run(shared_cluster, "edit", ada["id"][:8], "--add-phone", "work=+44 20 7946 0000",
                 "--notes", "first programmer")
    assert edited.returncode == 0 and "updated Ada Lovelace" in edited.stdout
    code, found = run_json(shared_cluster, "search", "7946 0000")
    assert code == 0 and [c["id"] for c in found] == [ada["id"]]
    assert found[0]["notes"] == "first programmer" and len(found[0]["phones"]) == 2

    table = run(shared_cluster, "ls")
    assert table.returncode == 0
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["ID", "NAME", "PHONE", "EMAIL", "ORGANIZATION"]
    assert any(row.startswith(ada["id"][:8]) and "Analytical Engines" in row for row in rows)

    removed = run(shared_cluster, "rm", "Ada Lovelace")
    assert removed.returncode == 0 and f"contacts restore {ada['id'][:8]}" in removed.stdout
    assert run(shared_cluster, "show", ada["id"]).returncode == 1
    code, trash = run_json(shared_cluster, "trash")
    assert ada["id"] in [c["id"] for c in trash]
    code, restored = run_json(shared_cluster, "restore", ada["id"][:8])
    assert code == 0 and restored["notes"] == "first programmer"
    # a typo among several names deletes none of them
    assert run(shared_cluster, "rm", ada["id"], "no-such-contact-anywhere").returncode == 1
    assert run(shared_cluster, "show", ada["id"]).returncode == 0


def test_exit_codes_and_json_errors(shared_cluster):
    code, error = run_json(shared_cluster, "show", "nobody-by-this-name")
    assert code == 1 and error["error"]["type"] == "ContactNotFound"

    bad = run(shared_cluster, "add", "Bad Phone", "--phone", "1" * 41)   # a phone is refused only when hostile
    assert bad.returncode == 2 and "phones[0].number" in bad.stderr and bad.stdout == ""
    assert run(shared_cluster, "add", "Bad Region", "--region", "XX").returncode == 2
    code, error = run_json(shared_cluster, "add", "  ")
    assert code == 2 and error["error"] == {"type": "ValidationError", "message": "name: must not be empty",
                                            "exit_code": 2}
    assert run(shared_cluster, "frobnicate").returncode == 2
    assert run(shared_cluster, "edit", "whoever").returncode in (1, 2)

    run(shared_cluster, "add", "Twin Name")
    run(shared_cluster, "add", "Twin Name")
    ambiguous = run(shared_cluster, "show", "Twin Name")
    assert ambiguous.returncode == 2 and "2 contacts are named 'Twin Name'" in ambiguous.stderr

    # a replica address where nothing listens: no replica can serve
    nowhere = f"PYRO:contacts.replica.9@127.0.0.1:{free_port()}"
    down = run(shared_cluster, "--replica", nowhere, "--timeout", "0.5", "ls")
    assert down.returncode == 3 and "cluster unavailable" in down.stderr
    code, error = run_json(shared_cluster, "ls", "--replica", nowhere, "--timeout", "0.5")
    assert code == 3 and error["error"]["type"] == "UnavailableError"


def test_import_of_many_vcards_with_broken_ones_among_them(shared_cluster, tmp_path):
    good = [{"name": f"Imported {i:03d}", "phones": [{"label": "mobile", "number": f"+1 415 555 {i:04d}"}],
             "emails": [{"label": "", "address": f"imported{i}@example.org"}]} for i in range(300)]
    cards = dumps_vcards(good).replace("\r\n", "\n").split("END:VCARD\n")[:-1]
    bad = ["BEGIN:VCARD\nVERSION:3.0\nFN:Bad Phone\nTEL:" + "1" * 41 + "\n",   # too long (one that only fails to parse is kept)
           "BEGIN:VCARD\nVERSION:3.0\nTEL:+1 415 555 9999\n",
           "BEGIN:VCARD\nVERSION:3.0\nFN:Bad Email\nEMAIL:not-an-address\n",
           "BEGIN:VCARD\nVERSION:3.0\nFN this line has no colon\n"]
    for position, card in zip((10, 100, 200, 250), bad):
        cards.insert(position, card)
    path = tmp_path / "many.vcf"
    path.write_text("END:VCARD\n".join(cards) + "END:VCARD\n")

    done = run(shared_cluster, "import", str(path), "--progress")
    assert done.returncode == 4, done.stderr
    summary = done.stdout.splitlines()
    assert summary[0] == "imported 300, skipped 4:"
    assert re.search(r"entry 11 \(line \d+, 'Bad Phone'\): phones\[0\]\.number: is 41 characters long", done.stdout)
    assert re.search(r"entry 101 \(line \d+\): no name", done.stdout)
    assert re.search(r"entry 201 \(line \d+, 'Bad Email'\): emails\[0\]\.address", done.stdout)
    assert re.search(r"entry 251 \(line \d+\): cannot read this card: .*no colon", done.stdout)
    assert "304/304" in done.stderr          # the progress bar went to the end
    code, found = run_json(shared_cluster, "search", "Imported")
    assert len(found) == 300
    # the same file again adds nothing
    again = run(shared_cluster, "import", str(path))
    assert again.stdout.startswith("imported 0, already there 300, skipped 4")


def test_export_then_import_round_trips(shared_cluster, cluster_factory, tmp_path):
    for contact in ({"name": "José Ñúñez", "--org": "Acme; Sons, Ltd", "--notes": "line one\nline, two"},
                    {"name": "李小龍", "--phone": "x-label=+852 2345 6789"}):
        args = ["add", contact.pop("name")]
        for option, value in contact.items():
            args += [option, value]
        assert run(shared_cluster, *args).returncode == 0
    code, original = run_json(shared_cluster, "ls")
    vcf, csv_file = tmp_path / "all.vcf", tmp_path / "all.csv"
    assert run(shared_cluster, "export", str(vcf)).returncode == 0
    assert run(shared_cluster, "export", str(csv_file)).returncode == 0

    fresh = cluster_factory(1, name="fresh")
    code, report = run_json(fresh, "import", str(vcf))
    assert code == 0 and report["imported"] == len(original) and report["skipped"] == []
    code, copied = run_json(fresh, "ls")
    assert comparable(copied) == comparable(original)
    # the CSV export holds the very same contacts: importing it changes nothing
    code, report = run_json(fresh, "import", str(csv_file))
    assert code == 0 and report["unchanged"] == len(original) and report["imported"] == 0
    code, copied = run_json(fresh, "ls")
    assert comparable(copied) == comparable(original)


def test_status_and_commands_go_on_while_replicas_are_down(cluster_factory):
    cluster = cluster_factory(3)

    def all_alive():   # replicas learn each other within a ping or two of starting
        code, status = run_json(cluster, "status")
        return code == 0 and [r["alive"] for r in status["replicas"]] == [True, True, True]
    wait_until(all_alive, 20, what="3 replicas alive in status")
    table = run(cluster, "status").stdout.splitlines()
    assert table[0].split()[:5] == ["REPLICA", "ADDRESS", "ALIVE", "LAST", "SEEN"]
    assert table[-1] == "3 of 3 replicas alive"

    cluster.kill(1)
    assert run(cluster, "add", "Written While One Is Down").returncode == 0

    def replica_1_seen_dead():
        code, status = run_json(cluster, "status")
        return code == 0 and [r for r in status["replicas"] if r["replica_id"] == 1 and not r["alive"]]
    wait_until(replica_1_seen_dead, 20, what="replica 1 reported dead")
    table = run(cluster, "status").stdout
    assert re.search(r"^1\s+127\.0\.0\.1:\d+\s+NO", table, re.MULTILINE)
    assert "2 of 3 replicas alive" in table

    replica_2 = cluster.uri(2)
    cluster.kill_name_server()
    no_name_server = run(cluster, "--timeout", "1", "ls")
    assert no_name_server.returncode == 3 and "name server" in no_name_server.stderr
    shown = run(cluster, "--replica", replica_2, "show", "written while")
    assert shown.returncode == 0 and "Written While One Is Down" in shown.stdout


def test_the_command_line_over_tls(cluster_factory, tmp_path):
    from contacts.security import certs, tls
    tls_dir = tmp_path / "tls"
    certs.main(["--dir", str(tls_dir), "--replicas", "1", "2", "--clients", "alice"])
    tls.configure_client_tls(tls_dir, "alice")   # this test process starts and checks the cluster
    try:
        cluster = cluster_factory(2, env={**os.environ, "CONTACTS_TLS_DIR": str(tls_dir)}, name="tls")
        added = run(cluster, "add", "Ada Over TLS", "--email", "ada@example.org")
        assert added.returncode == 0, added.stderr
        code, found = run_json(cluster, "search", "over tls")
        assert code == 0 and [c["name"] for c in found] == ["Ada Over TLS"]
        plain_env = {k: v for k, v in cluster.env.items() if k != "CONTACTS_TLS_DIR"}
        plain = subprocess.run([sys.executable, "-m", "contacts.cli", "--timeout", "1", "ls"], env=plain_env,
                               capture_output=True, text=True, timeout=60)
        assert plain.returncode == 3
    finally:
        tls.configure_tls_off()


def test_edit_removes_only_the_email_named(shared_cluster):
    code, eve = run_json(shared_cluster, "add", "Eve Remover", "--email", "alice@example.com",
                         "--email", "work=Bob@Example.org", "--email", "carol@example.net")
    assert code == 0, eve
    code, edited = run_json(shared_cluster, "edit", eve["id"], "--remove-email", "bob@EXAMPLE.ORG")
    assert code == 0, edited
    assert [e["address"] for e in edited["emails"]] == ["alice@example.com", "carol@example.net"]

    # an address the contact does not have: an error, and nothing changes
    missing = run(shared_cluster, "edit", eve["id"], "--remove-email", "dave@example.com")
    assert missing.returncode == 2 and "no email 'dave@example.com'" in missing.stderr
    both = run(shared_cluster, "edit", eve["id"], "--remove-email", "alice@example.com",
               "--remove-email", "nobody@example.com", "--name", "Renamed Anyway")
    assert both.returncode == 2 and "nobody@example.com" in both.stderr
    code, shown = run_json(shared_cluster, "show", eve["id"])
    assert shown["name"] == "Eve Remover"
    assert [e["address"] for e in shown["emails"]] == ["alice@example.com", "carol@example.net"]

    code, edited = run_json(shared_cluster, "edit", eve["id"], "--remove-email", "alice@example.com",
                            "--add-email", "home=eve@example.com")
    assert code == 0 and edited["emails"] == [{"label": "", "address": "carol@example.net", "pref": None},
                                              {"label": "home", "address": "eve@example.com", "pref": None}]


def test_edit_removes_only_the_phone_named(shared_cluster):
    code, pat = run_json(shared_cluster, "add", "Pat Phoneremover", "--phone", "mobile=+44 20 7946 0958",
                         "--phone", "work=+1 202 555 0143", "--phone", "+55 11 98765-4321")
    assert code == 0, pat
    # by E.164 whatever the spacing
    code, edited = run_json(shared_cluster, "edit", pat["id"], "--remove-phone", "+12025550143")
    assert code == 0, edited
    assert [p["e164"] for p in edited["phones"]] == ["+442079460958", "+5511987654321"]
    # without the country code: by the digits
    code, edited = run_json(shared_cluster, "edit", pat["id"], "--remove-phone", "(11) 98765 4321")
    assert code == 0 and [p["e164"] for p in edited["phones"]] == ["+442079460958"]

    for absent in ("+1 202 555 0143", "020 7946 0000", "no digits"):
        missing = run(shared_cluster, "edit", pat["id"], "--remove-phone", absent)
        assert missing.returncode == 2 and "the contact has no phone" in missing.stderr, missing.stderr
    code, shown = run_json(shared_cluster, "show", pat["id"])
    assert [p["e164"] for p in shown["phones"]] == ["+442079460958"]
    code, edited = run_json(shared_cluster, "edit", pat["id"], "--remove-phone", "+44 (0)20 7946 0958")
    assert code == 0 and edited["phones"] == []


def test_add_and_import_take_a_region(cluster_factory, tmp_path):
    cluster = cluster_factory(1, env={**os.environ, "CONTACTS_DEFAULT_REGION": "GB"}, name="region")
    code, br = run_json(cluster, "add", "Region Per Call", "--phone", "(84) 98888-7777", "--region", "BR")
    assert code == 0 and br["phones"][0]["e164"] == "+5584988887777"
    code, plain = run_json(cluster, "add", "Replica Region", "--phone", "(84) 98888-7777")
    assert code == 0 and plain["phones"][0]["e164"] == "" and plain["phones"][0]["number"] == "(84) 98888-7777"
    path = tmp_path / "br.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Imported BR\nTEL:(84) 98888-7777\nEND:VCARD\n")
    assert run(cluster, "import", str(path), "--region", "BR").returncode == 0
    code, found = run_json(cluster, "search", "Imported BR")
    assert found[0]["phones"][0]["e164"] == "+5584988887777"


# -- the rich contact on the command line (issue 14) ----------------------------------------
from contacts import cli, fields  # noqa: E402

CORPUS = os.path.join(os.path.dirname(__file__), "corpus")
#: a 1x1 PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
                    "53de0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


def run_here(cluster, capsys, *args):
    """`contacts ARGS` in this process (no interpreter start: the many-call tests stay fast)."""
    code = cli.main(["--ns", f"127.0.0.1:{cluster.ns_port}", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_takes_the_rich_flags_and_show_prints_them(shared_cluster, tmp_path):
    photo = tmp_path / "face.png"
    photo.write_bytes(PNG)
    code, maria = run_json(
        shared_cluster, "add", "Maria Flags", "--birthday", "--0415", "--anniversary", "2010-06-12",
        "--address", "home: street=Rua A, 12; city=Natal; state=RN; zip=59000-000; country=Brasil",
        "--address", "work: pobox=123; extended=Sala 4\\; bloco B; street=Av. B; pref=1",
        "--nickname", "Mari", "--nickname", "Cacau", "--group", "Trabalho", "--group", "Família",
        "--photo", str(photo), "--star", "--title", "Engenheira", "--role", "Líder",
        "--url", "home=https://maria.example", "--url", "https://x.example/?a=b",
        "--org", "Acme", "--org-unit", "Vendas", "--org-unit", "Nordeste",
        "--phone", "mobile=(84) 98888-7777", "--region", "BR")
    assert code == 0, maria
    assert maria["birthday"] == "--04-15" and maria["anniversary"] == "2010-06-12"
    assert maria["addresses"] == [
        {"label": "home", "pobox": "", "extended": "", "street": "Rua A, 12", "locality": "Natal", "region": "RN",
         "postcode": "59000-000", "country": "Brasil", "pref": None},
        {"label": "work", "pobox": "123", "extended": "Sala 4; bloco B", "street": "Av. B", "locality": "",
         "region": "", "postcode": "", "country": "", "pref": 1}]
    assert maria["nicknames"] == ["Mari", "Cacau"] and maria["groups"] == ["Família", "Trabalho"]
    assert maria["photo"]["type"] == "image/png" and maria["photo"]["size"] == len(PNG) and maria["starred"]
    assert (maria["title"], maria["role"], maria["organization"], maria["org_units"]) == (
        "Engenheira", "Líder", "Acme", ["Vendas", "Nordeste"])
    assert maria["urls"] == [{"label": "home", "url": "https://maria.example", "pref": None},
                             {"label": "", "url": "https://x.example/?a=b", "pref": None}]
    shown = run(shared_cluster, "show", maria["id"]).stdout.splitlines()
    assert shown[0] == "Maria Flags  ★"
    for line in ("  birthday      --04-15 (15 April, no year)",
                 "  address       street=Rua A, 12; locality=Natal; region=RN; postcode=59000-000; country=Brasil"
                 "  [home]",
                 "  address       pobox=123; extended=Sala 4; bloco B; street=Av. B  [work]  (pref 1)",
                 "  phone         (84) 98888-7777  (+5584988887777, read in BR)  [mobile]",
                 f"  photo         image/png, {len(PNG)} bytes", "  nicknames     Mari, Cacau",
                 "  groups        Família, Trabalho", "  org units     Vendas, Nordeste", "  starred       yes"):
        assert line in shown, (line, shown)
    assert run(shared_cluster, "rm", maria["id"]).returncode == 0   # keeps the shared book plain


def test_show_prints_every_field_of_the_table(shared_cluster, capsys):
    import base64
    every = {"name": "Every Field", "n": {"family": ["Field"], "given": ["Every"]}, "nicknames": ["Evy"],
             "photo": {"data": base64.b64encode(PNG).decode()}, "birthday": "1985-04-15",
             "anniversary": "--06-12", "addresses": [{"label": "home", "locality": "Natal"}],
             "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}],
             "emails": [{"label": "work", "address": "every@example.org", "pref": 1}],
             "urls": [{"label": "", "url": "https://every.example"}], "impps": [{"label": "", "uri": "xmpp:e@x.org"}],
             "organization": "Org", "org_units": ["Unit"], "title": "Title", "role": "Role", "groups": ["G"],
             "related": [{"label": "spouse", "value": "Someone"}], "gender": "O;non-binary",
             "languages": ["pt-BR"], "timezone": "America/Fortaleza", "geo": "geo:-5.79,-35.21",
             "keys": [{"label": "", "value": "https://every.example/key.asc"}], "starred": True,
             "notes": "line one\nline two",
             "extra": [{"group": "item1", "name": "X-ABLABEL", "params": {}, "value": "Custom"},
                       {"group": "", "name": "X-BIG", "params": {"TYPE": ["a"]}, "value": "v" * 500}]}
    with shared_cluster.proxy(1) as book:
        added = book.add_contact(every)
    assert set(every) == set(fields.NAMES)            # the contact above sets every field there is
    code, out, _ = run_here(shared_cluster, capsys, "show", added["id"])
    assert code == 0
    captions = [line[2:16].strip() for line in out.splitlines()[1:]]
    for field in fields.TABLE[1:]:
        assert field.label in captions, f"no {field.label!r} line for {field.name}:\n{out}"
    for line in ("  email         every@example.org  [work]  (pref 1)", "  gender        O;non-binary",
                 "  name parts    family=Field; given=Every", "  anniversary   --06-12 (12 June, no year)",
                 "  notes         line one", "                line two", "  extra         item1.X-ABLABEL: Custom",
                 "  related       Someone  [spouse]", "  phone         +44 20 7946 0958  (+442079460958)  [mobile]"):
        assert line in out.splitlines(), (line, out)
    big = next(line for line in out.splitlines() if "X-BIG" in line)
    assert big.endswith("… (500 characters)")       # shown cut; --json has it all
    code, out, _ = run_here(shared_cluster, capsys, "show", added["id"], "--json")
    assert json.loads(out)["extra"][1]["value"] == "v" * 500
    run_here(shared_cluster, capsys, "rm", added["id"])


def test_edit_changes_only_the_rich_fields_given(shared_cluster, capsys, tmp_path):
    import base64
    with shared_cluster.proxy(1) as book:
        rich = book.add_contact({"name": "Edit Rich", "groups": ["Família", "Trabalho"], "starred": True,
                                 "photo": {"data": base64.b64encode(PNG).decode()}, "birthday": "1985-04-15",
                                 "nicknames": ["Old"], "title": "Old Title", "urls": [{"label": "", "url": "https://old"}],
                                 "phones": [{"label": "", "number": "+44 20 7946 0958"}]})
    code, out, err = run_here(shared_cluster, capsys, "--json", "edit", rich["id"], "--group", "Amigos",
                              "--remove-group", "trabalho", "--unstar", "--nickname", "New", "--nickname", "Newer")
    edited = json.loads(out)
    assert code == 0, err
    assert edited["groups"] == ["Amigos", "Família"] and edited["starred"] is False
    assert edited["nicknames"] == ["New", "Newer"]
    assert edited["photo"] == rich["photo"] and edited["title"] == "Old Title" and edited["phones"] == rich["phones"]
    code, out, err = run_here(shared_cluster, capsys, "--json", "edit", rich["id"], "--remove-photo",
                              "--birthday", "", "--title", "", "--url", "", "--anniversary", "--1231", "--star")
    edited = json.loads(out)
    assert code == 0, err
    assert (edited["photo"], edited["birthday"], edited["title"], edited["urls"]) == ({}, "", "", [])
    assert edited["anniversary"] == "--12-31" and edited["starred"] and edited["nicknames"] == ["New", "Newer"]
    run_here(shared_cluster, capsys, "rm", rich["id"])


def test_bad_rich_values_are_refused_and_change_nothing(shared_cluster, capsys, tmp_path):
    (tmp_path / "notes.txt").write_text("not an image")
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"\0" * fields.MAX_PHOTO)
    with shared_cluster.proxy(1) as book:
        before = book.add_contact({"name": "Stays As Is", "groups": ["Família"], "birthday": "1985-04-15"})
    before.pop("write", None)
    bad = [(("--birthday", "2023-02-30"), "birthday: '2023-02-30' is not a real date"),
           (("--anniversary", "15/04/1985"), "anniversary: '15/04/1985' is not a date"),
           (("--address", "home: Rua A 12"), "'Rua A 12' is not PART=VALUE"),
           (("--address", "street=Rua A; planet=Mars"), "'planet' is not a part of an address"),
           (("--address", "home: pref=1"), "gives no part"),
           (("--address", "city=Natal; town=Natal"), "locality is given twice"),
           (("--address", "street=" + "x" * 501), "addresses[0].street: is 501 characters long"),
           (("--photo", str(tmp_path / "notes.txt")), "notes.txt is not an image"),
           (("--photo", str(big)), f"the limit is {fields.MAX_PHOTO:,}"),
           (("--photo", str(tmp_path / "missing.png")), "cannot read"),
           (("--remove-group", "Nope"), "not in the group 'Nope'"),
           (("--group", "X", "--remove-group", "X"), "'X' is both added and removed"),
           (("--group", "G" * 101), "groups.add[0]: is 101 characters long"),
           (("--url", "home="), "has a label but no address"),
           (("--nickname", "a\x07b"), "nicknames[0]: must not contain control characters"),
           (("--title", "t" * 201), "title: is 201 characters long")]
    for args, message in bad:
        # a valid change beside the bad one: it must not be made either
        code, out, err = run_here(shared_cluster, capsys, "edit", before["id"], "--name", "Renamed", *args)
        assert code == 2 and message in err, (args, code, err)
        with shared_cluster.proxy(1) as book:
            assert book.get_contact(before["id"]) == before, args
    code, out, err = run_here(shared_cluster, capsys, "add", "Never Added", "--photo", str(tmp_path / "notes.txt"))
    assert code == 2 and "not an image" in err
    with shared_cluster.proxy(1) as book:
        assert book.search("Never Added") == []
        book.delete_contact(before["id"])


def test_export_then_import_without_region_keeps_every_key_and_the_e164(cluster_factory, tmp_path, capsys):
    env = {**os.environ, "CONTACTS_DEFAULT_REGION": "GB"}     # neither cluster reads numbers as Brazilian
    source, copy = cluster_factory(1, env=env, name="source"), cluster_factory(1, env=env, name="copy")
    for name in sorted(os.listdir(CORPUS)):
        code, out, err = run_here(source, capsys, "import", os.path.join(CORPUS, name), "--region", "BR",
                                  "--no-progress")
        assert code == 0, (name, out, err)
    photo = tmp_path / "face.png"
    photo.write_bytes(PNG)
    code, out, err = run_here(source, capsys, "add", "Typed Locally", "--phone", "(84) 98888-7777", "--region", "BR",
                              "--photo", str(photo), "--birthday", "--0415", "--group", "Família")
    assert code == 0, err
    with source.proxy(1) as book:
        original = sorted(book.list_contacts(), key=lambda c: c["id"])
    assert any(p["region"] == "BR" and p["e164"] for c in original for p in c["phones"])
    v3, v4 = tmp_path / "all3.vcf", tmp_path / "all4.vcf"
    assert run_here(source, capsys, "export", str(v3))[0] == 0
    assert run_here(source, capsys, "export", str(v4), "--vcard-version", "4.0")[0] == 0
    assert "TEL;X-CONTACTS-REGION=BR:(84) 98888-7777\r\n" in v3.read_bytes().decode()  # as typed
    code, out, err = run_here(copy, capsys, "--json", "import", str(v3), "--no-progress")
    assert code == 0 and json.loads(out)["imported"] == len(original), out

    def without_stamps(contacts):
        return [{k: v for k, v in c.items() if k != "updated"} for c in contacts]
    with copy.proxy(1) as book:
        copied = sorted(book.list_contacts(), key=lambda c: c["id"])
    assert without_stamps(copied) == without_stamps(original)
    code, out, err = run_here(copy, capsys, "--json", "import", str(v4), "--no-progress")
    assert code == 0 and json.loads(out)["unchanged"] == len(original), out


def test_import_names_a_property_too_big_to_keep_and_imports_the_rest(shared_cluster, tmp_path, capsys):
    picture = "/9j/" + "A" * 40_000
    path = tmp_path / "outlook-pictures.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pictured Person\r\nTEL:+44 20 7946 0958\r\n"
                    "X-MS-OL-DESIGN:<card/>\r\nX-MS-CARDPICTURE;TYPE=JPEG;ENCODING=b:" + picture + "\r\n"
                    "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Plain Neighbour\r\nEND:VCARD\r\n", newline="")
    code, out, err = run_here(shared_cluster, capsys, "import", str(path), "--no-progress")
    assert code == 4, err
    assert out.splitlines()[:3] == [
        "imported 2, skipped 0", "1 property not kept (the rest of the entry was imported):",
        "  entry 1 (line 1, 'Pictured Person'): X-MS-CARDPICTURE: its value is 40,004 characters long; "
        "a property kept verbatim holds at most 10,000"]
    with shared_cluster.proxy(1) as book:
        (person,) = book.search("Pictured Person")
    assert person["phones"][0]["e164"] == "+442079460958"
    assert [e["name"] for e in person["extra"]] == ["X-MS-OL-DESIGN"]
    code, out, err = run_here(shared_cluster, capsys, "--json", "import", str(path))
    report = json.loads(out)
    assert code == 4 and report["unchanged"] == 2
    assert report["not_kept"] == [{"entry": 1, "line": 1, "name": "Pictured Person", "property": "X-MS-CARDPICTURE",
                                   "reason": "its value is 40,004 characters long; a property kept verbatim "
                                             "holds at most 10,000"}]
    assert run_here(shared_cluster, capsys, "rm", person["id"], "plain neighbour")[0] == 0


def test_csv_export_then_import_without_region_keeps_the_e164_in_every_style(cluster_factory, tmp_path, capsys):
    env = {**os.environ, "CONTACTS_DEFAULT_REGION": "GB"}     # neither cluster reads numbers as Brazilian
    source, copy = cluster_factory(1, env=env, name="source"), cluster_factory(1, env=env, name="copy")
    for name in ("google.vcf", "iphone.vcf", "outlook.csv"):
        code, out, err = run_here(source, capsys, "import", os.path.join(CORPUS, name), "--region", "BR",
                                  "--no-progress")
        assert code == 0, (name, out, err)
    code, out, err = run_here(source, capsys, "add", "Typed Locally", "--phone", "mobile=(84) 98888-7777",
                              "--phone", "work=(84) 3215-3800", "--region", "BR")
    assert code == 0, err
    with source.proxy(1) as book:
        original = {c["id"]: c for c in book.list_contacts()}
    read_in_br = sum(p["region"] == "BR" for c in original.values() for p in c["phones"])
    assert read_in_br >= 3
    for style in ("google", "outlook", "plain"):
        path = tmp_path / f"all-{style}.csv"
        assert run_here(source, capsys, "export", str(path), "--csv-style", style)[0] == 0
        assert "BR (84) 98888-7777 ::: BR (84) 3215-3800" in path.read_text()    # the numbers as typed
        # --update: the styles hold different parts of each contact; each overwrites the last
        code, out, err = run_here(copy, capsys, "--json", "import", str(path), "--no-progress", "--update")
        assert code in (0, 4), (style, out, err)
        with copy.proxy(1) as book:
            copied = {c["id"]: c for c in book.list_contacts()}
        assert set(copied) == set(original), style
        carried = 0
        for contact_id, contact in copied.items():
            had = {p["number"]: (p["e164"], p["region"]) for p in original[contact_id]["phones"]}
            for phone in contact["phones"]:          # Outlook's slots may not take every number
                assert (phone["e164"], phone["region"]) == had[phone["number"]], (style, phone)
                carried += phone["region"] == "BR"
        assert carried >= 2 if style == "outlook" else carried == read_in_br, style


def test_ls_by_last_name(shared_cluster, capsys):
    added = {}
    for name, parts in (("Zuleica Abade", "given=Zuleica; family=Abade"), ("Aaron Zwick", "given=Aaron; family=Zwick")):
        code, out, _ = run_here(shared_cluster, capsys, "--json", "add", name, "--name-parts", parts)
        assert code == 0
        added[json.loads(out)["id"]] = name.split()[0]

    def names(*order):
        code, out, _ = run_here(shared_cluster, capsys, "--json", "ls", *order)
        assert code == 0
        return [added[c["id"]] for c in json.loads(out) if c["id"] in added]
    assert names() == names("--order", "name") == names("--order", "first") == ["Aaron", "Zuleica"]
    assert names("--order", "last") == ["Zuleica", "Aaron"]      # Abade before Zwick
    with pytest.raises(SystemExit):
        run_here(shared_cluster, capsys, "ls", "--order", "surname")
