"""The CardDAV gateway with real clients: a real cluster (name server + replica processes),
real gateway processes (python -m contacts.carddav), vdirsyncer syncing a folder both ways,
and HTTP requests as a CardDAV client sends them.

The test that SIGKILLs the gateway's replica is last in the file (it restarts it after).
"""
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import bcrypt
import pytest
import requests

from contacts.carddav import cards, context, tokens
from contacts.carddav.app import Gateway, radicale_configuration
from contacts.carddav.storage import Book, Storage
from contacts.client import ContactsClient
from contacts.cluster import LocalCluster, free_port, wait_until
from contacts.errors import ContactNotFound, StaleWriteError
from contacts.merge import contact_stamp
from contacts.replica.store import ContactStore
from contacts.security import certs, tls
from contacts.versions import VersionVector

pytestmark = pytest.mark.slow

AUTH = ("alice", "any password")
DAV = "{DAV:}"
CARD = "{urn:ietf:params:xml:ns:carddav}"
PROPS = ('<propfind xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav" '
         'xmlns:CS="http://calendarserver.org/ns/"><prop>{}</prop></propfind>')


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = LocalCluster(tmp_path_factory.mktemp("carddav") / "cluster")
    try:
        cluster.start(3)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def gateway_a(cluster):
    """A gateway in front of replica 1 (it learns the others from it, for failover)."""
    return cluster.start_gateway("--replica", cluster.uri(1), name="carddav-a")[1]


@pytest.fixture(scope="module")
def gateway_b(cluster):
    """A gateway in front of replica 2."""
    return cluster.start_gateway("--replica", cluster.uri(2), name="carddav-b")[1]


@pytest.fixture(scope="module")
def client(cluster):
    with ContactsClient(ns_port=cluster.ns_port) as client:
        yield client


def book_url(gateway):
    return gateway + "alice/contacts/"


def dav(method, url, body=None, headers=None, auth=AUTH, **kwargs):
    return requests.request(method, url, data=body.encode() if isinstance(body, str) else body,
                            headers=headers or {}, auth=auth, timeout=30, **kwargs)


def propfind(url, props, depth="0", **kwargs):
    answer = dav("PROPFIND", url, PROPS.format(props), {"Depth": depth}, **kwargs)
    assert answer.status_code == 207, answer.text
    return ET.fromstring(answer.content)


def card(uid, name, *lines, version="3.0"):
    body = "".join(line + "\r\n" for line in lines)
    return f"BEGIN:VCARD\r\nVERSION:{version}\r\nUID:{uid}\r\nFN:{name}\r\n{body}END:VCARD\r\n"


def sync_report(gateway, token=""):
    body = (f'<sync-collection xmlns="DAV:"><sync-token>{token}</sync-token><sync-level>1</sync-level>'
            '<prop><getetag/></prop></sync-collection>')
    return dav("REPORT", book_url(gateway), body)


def parse_sync(answer):
    """(new token, {href name: etag or None for a 404})."""
    assert answer.status_code == 207, answer.text
    root = ET.fromstring(answer.content)
    changed = {}
    for response in root.iter(f"{DAV}response"):
        name = response.find(f"{DAV}href").text.rsplit("/", 1)[-1]
        etag = response.find(f".//{DAV}getetag")
        changed[name] = etag.text if etag is not None else None
    return root.find(f"{DAV}sync-token").text, changed


def everywhere(cluster, replicas, check, what, timeout=15):
    """Wait until ``check(proxy)`` holds on every replica in ``replicas``."""
    def holds():
        for replica_id in replicas:
            with cluster.proxy(replica_id, timeout=5) as proxy:
                if not check(proxy):
                    return False
        return True
    wait_until(holds, timeout, what=what)


def named(proxy, name, deleted=False):
    contacts = proxy.list_deleted() if deleted else proxy.list_contacts()
    return [c for c in contacts if c["name"] == name]


# -- discovery and the book's properties ----------------------------------------------------------
def test_discovery_from_the_server_root(gateway_a):
    moved = dav("GET", gateway_a + ".well-known/carddav", allow_redirects=False)
    assert moved.status_code == 301 and moved.headers["Location"] == "/"
    root = propfind(gateway_a, "<current-user-principal/>")
    assert root.find(f".//{DAV}current-user-principal/{DAV}href").text == "/alice/"
    home = propfind(gateway_a + "alice/", "<C:addressbook-home-set/>")
    assert home.find(f".//{CARD}addressbook-home-set/{DAV}href").text == "/alice/"
    listing = propfind(gateway_a + "alice/", "<resourcetype/><displayname/><CS:getctag/><sync-token/>"
                                             "<C:supported-address-data/>", depth="1")
    books = [r for r in listing.iter(f"{DAV}response")
             if r.find(f".//{DAV}resourcetype/{CARD}addressbook") is not None]
    assert [b.find(f"{DAV}href").text for b in books] == ["/alice/contacts/"]
    found = books[0].find(f"{DAV}propstat[{DAV}status='HTTP/1.1 200 OK']/{DAV}prop")
    assert found.find(f"{DAV}displayname").text == "Contacts"
    assert found.find(f"{DAV}sync-token").text.startswith("urn:x-replicated-contacts:sync:")
    assert found.find("{http://calendarserver.org/ns/}getctag").text
    versions = sorted(e.get("version") for e in found.iter(f"{CARD}address-data-type"))
    assert versions == ["3.0", "4.0"]


# -- one card ----------------------------------------------------------------------------------
def test_put_get_etag_per_field_update_412_and_delete_to_trash(cluster, gateway_a, gateway_b, client):
    url = book_url(gateway_a) + "ada-card.vcf"
    created = dav("PUT", url, card("ada-card", "Ada Lovelace", "N:Lovelace;Ada;;;",
                                   "EMAIL;TYPE=WORK:ada@example.com", "NOTE:first programmer"),
                  {"If-None-Match": "*", "Content-Type": "text/vcard"})
    assert created.status_code == 201, created.text
    stored = client.get_contact("ada-card")
    assert stored["emails"][0]["address"] == "ada@example.com" and stored["notes"] == "first programmer"
    assert created.headers["ETag"] == f'"{contact_stamp(stored)}"'
    got = dav("GET", url)
    assert got.headers["ETag"] == created.headers["ETag"] and "FN:Ada Lovelace" in got.text
    # the gateway in front of another replica gives the same ETag for the same state
    wait_until(lambda: dav("GET", book_url(gateway_b) + "ada-card.vcf").headers.get("ETag") == got.headers["ETag"],
               10, what="the card on gateway B")
    # a PUT of the card with one field changed is an update of that field only
    before = cluster.proxy(1).version_vector()
    edited = dav("PUT", url, got.text.replace("ada@example.com", "ada@engines.example"),
                 {"If-Match": got.headers["ETag"]})
    assert edited.status_code == 201, edited.text
    with cluster.proxy(1) as proxy:
        updates = proxy.fetch_updates(before)["updates"]
    assert [sorted(u["changes"]) for u in updates] == [["deleted", "emails"]]
    assert client.get_contact("ada-card")["notes"] == "first programmer"
    # the old ETag is stale now: 412, and nothing changes
    stale = dav("PUT", url, got.text.replace("first programmer", "overwritten"), {"If-Match": got.headers["ETag"]})
    assert stale.status_code == 412
    assert stale_delete_is_refused(url, got.headers["ETag"])
    assert client.get_contact("ada-card")["notes"] == "first programmer"
    # an unchanged card PUT again writes nothing
    same = dav("GET", url)
    vector = cluster.proxy(1).version_vector()
    assert dav("PUT", url, same.text, {"If-Match": same.headers["ETag"]}).status_code == 201
    assert cluster.proxy(1).version_vector() == vector
    assert dav("DELETE", url, headers={"If-Match": same.headers["ETag"]}).status_code == 200
    assert dav("GET", url).status_code == 404
    with pytest.raises(ContactNotFound):
        client.get_contact("ada-card")
    assert [c["id"] for c in client.list_deleted() if c["id"] == "ada-card"] == ["ada-card"]
    # the same card PUT again comes back from the trash with what the card says
    again = dav("PUT", url, card("ada-card", "Ada King", "NOTE:back"))
    assert again.status_code == 201, again.text
    assert client.get_contact("ada-card")["name"] == "Ada King"


def no_uid_conflict_href(answer):
    """The href a 409 no-uid-conflict names (RFC 6352 6.3.2.1), or None."""
    if answer.status_code != 409:
        return None
    href = ET.fromstring(answer.content).find(f"{CARD}no-uid-conflict/{DAV}href")
    return href.text if href is not None else None


def test_a_new_card_with_a_uid_already_used_under_another_name_gets_no_uid_conflict(
        cluster, gateway_a, gateway_b, client):
    first = dav("PUT", book_url(gateway_a) + "uid-first.vcf", card("shared-uid@example.org", "First Holder"))
    assert first.status_code == 201, first.text
    on_replica = client.add_contact({"name": "Added On A Replica"})     # its UID is its id
    # the "before" is taken once every replica holds the same updates (else a late push looks like a change)
    wait_until(lambda: len({str(cluster.proxy(i).version_vector()) for i in (1, 2, 3)}) == 1, 15,
               what="the replicas in step")
    count, vectors = client.count_contacts(), [cluster.proxy(i).version_vector() for i in (1, 2, 3)]
    for gateway in (gateway_a, gateway_b):     # B's map is built from the cluster, not from A's PUT
        twin = dav("PUT", book_url(gateway) + "uid-second.vcf", card("shared-uid@example.org", "Second Holder"))
        assert no_uid_conflict_href(twin) == "/alice/contacts/uid-first.vcf", twin.text
        other = dav("PUT", book_url(gateway) + "uid-third.vcf", card(on_replica["id"], "Third"))
        assert no_uid_conflict_href(other) == f"/alice/contacts/{on_replica['id']}.vcf", other.text
    # a card may not take another card's UID by an edit either
    got = dav("GET", book_url(gateway_a) + on_replica["id"] + ".vcf")
    edit = dav("PUT", book_url(gateway_a) + on_replica["id"] + ".vcf",
               got.text.replace(f"UID:{on_replica['id']}", "UID:shared-uid@example.org"))
    assert edit.status_code == 409
    # nothing was stored anywhere
    assert client.count_contacts() == count
    assert [cluster.proxy(i).version_vector() for i in (1, 2, 3)] == vectors
    assert [c["name"] for c in client.list_contacts() if c["name"].endswith("Holder")] == ["First Holder"]
    # once the first card is deleted (by anyone) its UID is free again
    client.delete_contact(cards.id_of("uid-first.vcf"))
    wait_until(lambda: dav("PUT", book_url(gateway_b) + "uid-second.vcf",
                           card("shared-uid@example.org", "Second Holder")).status_code == 201,
               10, what="the UID free on gateway B")


def stale_delete_is_refused(url, etag):
    return dav("DELETE", url, headers={"If-Match": etag}).status_code == 412


def test_the_replica_checks_if_match_under_its_write_lock(cluster, client):
    """The race Radicale's own ETag check leaves open: the card changes between the read of
    the request and its write. The gateway's write is conditional on the replica."""
    added = client.add_contact({"name": "Race Condition", "notes": "as read"})
    name = added["id"] + ".vcf"
    with ContactsClient(uris=[cluster.uri(1)]) as gateway_client:
        gateway = Gateway(gateway_client)
        book = Book(Storage(radicale_configuration(gateway), gateway), "alice/contacts")
        request = context.begin({"HTTP_IF_MATCH": cards.etag_of(added)})
        try:
            item = book.item(name)                    # what the request read (Radicale then compares ETags)
            assert item.etag == cards.etag_of(added)
            client.update_contact(added["id"], {"organization": "meanwhile"})   # another client, any replica
            everywhere(cluster, [1], lambda p: p.get_contact(added["id"])["organization"] == "meanwhile",
                       "the concurrent edit on replica 1")
            request.body = item.serialize().replace("as read", "from the phone").encode()
            with pytest.raises(StaleWriteError):
                book.upload(name, item)
            assert request.answer[0] == 412
        finally:
            context.end()
    now = client.get_contact(added["id"])
    assert now["notes"] == "as read" and now["organization"] == "meanwhile"


def test_a_listing_in_pages_keeps_card_texts_and_lists_a_contact_renamed_meanwhile_once(
        cluster, client, monkeypatch):
    """A first sync reads the book in pages (one page of contact dicts at a time) and keeps
    each card's text, not its dict; a contact renamed on another device while the pages are
    read moves across a page boundary, and is listed all the same, once."""
    from contacts.carddav import app
    monkeypatch.setattr(app, "LISTING_PAGE", 4)
    made = client.add_contacts([{"name": f"Paged Listing {i:02d}"} for i in range(10)])
    with ContactsClient(uris=[cluster.uri(1)]) as gateway_client:
        gateway = Gateway(gateway_client)
        book = Book(Storage(radicale_configuration(gateway), gateway), "alice/contacts")
        context.begin({})
        try:
            listing = book.get_all()
            first_page = [next(listing) for _ in range(app.LISTING_PAGE)]
            # a contact further on is renamed to sort before every card listed so far
            late = made[-1]
            gateway_client.update_contact(late["id"], {"name": "AAAA Renamed During The Listing"})
            items = first_page + list(listing)
            names = [item.href for item in items]
            assert sorted(names) == sorted(set(names))           # each card once
            assert late["id"] + ".vcf" in names                  # the renamed one too
            assert {c["id"] + ".vcf" for c in made} <= set(names)
            ours = [item for item in items if cards.id_of(item.href) in {c["id"] for c in made}]
            assert all(item._contact is None for item in ours)   # the text is kept, the dict dropped
            for item in ours:   # the state served is the one stored now (the renamed one: its new name)
                stored = gateway_client.get_contact(cards.id_of(item.href))
                assert item.etag == cards.etag_of(stored)
                assert f"FN:{stored['name']}" in item.serialize()
        finally:
            context.end()


# -- refusals --------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, reason", [
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-1\r\nFN:No End\r\n", "broken vCard"),
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-2\r\nNOTE:nameless\r\nEND:VCARD\r\n", "no name"),
    (card("broken-3", "Bad Date", "BDAY:2023-02-30"), "not a real date"),
    (card("broken-4", "Two", "NOTE:x") + card("broken-5", "Cards"), "holds 2"),
    ("just text", "outside BEGIN:VCARD"),
])
def test_a_broken_card_gets_400_with_the_reason_and_nothing_is_stored(gateway_a, client, body, reason):
    count = client.count_contacts()
    answer = dav("PUT", book_url(gateway_a) + "broken.vcf", body)
    assert answer.status_code == 400 and reason in answer.text, answer.text
    assert client.count_contacts() == count


def test_a_card_over_the_size_limit_gets_413(gateway_a, client):
    count = client.count_contacts()
    photo = "A" * (3 * 1024 * 1024)
    answer = dav("PUT", book_url(gateway_a) + "huge.vcf", card("huge", "Huge", f"PHOTO;ENCODING=b:{photo}"))
    assert answer.status_code == 413 and "at most" in answer.text
    assert client.count_contacts() == count


def test_writes_outside_the_book_are_refused(gateway_a, client):
    count = client.count_contacts()
    body = card("outside", "Outside")
    assert dav("PUT", gateway_a + "alice/outside.vcf", body).status_code == 403
    assert dav("PUT", gateway_a + "alice/other/outside.vcf", body).status_code == 409
    assert dav("MKCOL", gateway_a + "alice/other/").status_code == 403
    assert dav("DELETE", book_url(gateway_a)).status_code == 403
    assert dav("PUT", book_url(gateway_a), body).status_code == 403
    assert client.count_contacts() == count


# -- sync-collection --------------------------------------------------------------------------------
def test_sync_tokens_are_version_vectors_valid_on_any_gateway(cluster, gateway_a, gateway_b, client):
    keep = client.add_contact({"name": "Sync Keep"})
    edit = client.add_contact({"name": "Sync Edit"})
    gone = client.add_contact({"name": "Sync Gone"})
    token, first = parse_sync(sync_report(gateway_a))
    assert {keep["id"] + ".vcf", edit["id"] + ".vcf", gone["id"] + ".vcf"} <= set(first)
    ctag = propfind(book_url(gateway_a), "<CS:getctag/>").find(".//{http://calendarserver.org/ns/}getctag").text
    _, nothing = parse_sync(sync_report(gateway_a, token))
    assert nothing == {}
    new = client.add_contact({"name": "Sync New"})
    client.update_contact(edit["id"], {"notes": "edited"})
    client.delete_contact(gone["id"])
    expected = {new["id"] + ".vcf", edit["id"] + ".vcf", gone["id"] + ".vcf"}
    # replica 2 (gateway B's) holds the token's vector already; the three changes reach it a
    # moment later, and until then "nothing since the token" is its true answer
    everywhere(cluster, [1, 2], lambda p: named(p, "Sync New") and not named(p, "Sync Gone")
               and p.get_contact(edit["id"])["notes"] == "edited", "the three changes on replicas 1 and 2")
    for gateway in (gateway_a, gateway_b):      # the token of gateway A works on gateway B
        _, changed = parse_sync(sync_report(gateway, token))
        assert set(changed) == expected
        assert changed[gone["id"] + ".vcf"] is None          # deleted: a 404 response
        assert changed[edit["id"] + ".vcf"] == cards.etag_of(client.get_contact(edit["id"]))
    ctag_now = propfind(book_url(gateway_a), "<CS:getctag/>").find(".//{http://calendarserver.org/ns/}getctag").text
    assert ctag_now != ctag


def test_a_bad_or_impossible_sync_token_gets_valid_sync_token(cluster, gateway_a):
    held = VersionVector.from_wire(cluster.proxy(3).version_vector())
    for bad in ("urn:bogus", "urn:x-replicated-contacts:sync:1-x", "urn:x-replicated-contacts:sync:0-5",
                # no replica will ever hold these: a replica 7 the cluster does not have; updates
                # past what their replica (the gateway's own, or another) has made
                "urn:x-replicated-contacts:sync:7-5",
                tokens.encode(held.merged({3: held.get(3, 0) + 1000})),
                tokens.encode(held.merged({1: held.get(1, 0) + 99999999}))):
        answer = sync_report(gateway_a, bad)
        assert answer.status_code == 403 and "valid-sync-token" in answer.text, (bad, answer.text)
    # ... and the client's fallback, a sync from scratch, then works
    token, everything = parse_sync(sync_report(gateway_a))
    assert len(everything) == cluster.proxy(1).ping()["contacts"]


def test_a_token_older_than_the_replicas_update_record_gets_valid_sync_token_then_a_full_sync_works(
        cluster, client):
    """The client's side of a too-old token, in raw requests as DAVx5 sends them: 403
    valid-sync-token, then a sync-collection from scratch, then incremental again."""
    _, gateway = cluster.start_gateway("--replica", cluster.uri(3), name="carddav-old")
    old = client.add_contact({"name": "Old Token"})
    wait_until(lambda: old["id"] + ".vcf" in parse_sync(sync_report(gateway))[1], 10, what="the card on replica 3")
    token, _ = parse_sync(sync_report(gateway))
    for i in range(3):
        client.update_contact(old["id"], {"notes": f"edit {i}"})
    everywhere(cluster, [3], lambda p: p.get_contact(old["id"])["notes"] == "edit 2", "the edits on replica 3")
    # compaction cuts replica 3's update record to the newest update of each origin
    cluster.stop_replica(3)
    store = ContactStore(cluster.data_dir(3), 3)
    try:
        store.compact(1)
    finally:
        store.close()
    cluster.start_replica(3)
    wait_until(lambda: sync_report(gateway, token).status_code == 403, 20, what="the gateway back on replica 3")
    refused = sync_report(gateway, token)
    assert "valid-sync-token" in refused.text
    assert client.get_contact(old["id"])["notes"] == "edit 2"
    # the fallback: a sync from scratch lists the card as it is now, and its token goes on
    fresh, everything = parse_sync(sync_report(gateway))
    assert everything[old["id"] + ".vcf"] == cards.etag_of(client.get_contact(old["id"]))
    client.update_contact(old["id"], {"notes": "after the full sync"})
    wait_until(lambda: parse_sync(sync_report(gateway, fresh))[1] == {
        old["id"] + ".vcf": cards.etag_of(client.get_contact(old["id"]))}, 10, what="the next incremental sync")


# -- the gateway's own conditions --------------------------------------------------------------------
def test_an_unreachable_cluster_gets_503(tmp_path):
    dead_ns = free_port()
    process = subprocess.Popen([sys.executable, "-m", "contacts.carddav", "--port", str(port := free_port()),
                                "--ns", f"127.0.0.1:{dead_ns}", "--timeout", "0.5"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: "ready at" in process.stdout.readline(), 20, what="the gateway")
        url = f"http://127.0.0.1:{port}/alice/contacts/"
        listing = dav("PROPFIND", url, PROPS.format("<getetag/>"), {"Depth": "1"})
        assert listing.status_code == 503 and "cannot be reached" in listing.text
        assert listing.headers["Retry-After"]
        assert dav("PUT", url + "x.vcf", card("x", "Nobody")).status_code == 503
    finally:
        process.terminate()
        process.wait(10)


def test_it_refuses_a_non_loopback_address_without_htpasswd_and_tls(tmp_path):
    refused = subprocess.run([sys.executable, "-m", "contacts.carddav", "--host", "0.0.0.0", "--port", "0"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2
    assert "refusing to serve on 0.0.0.0" in refused.stderr
    assert "--htpasswd" in refused.stderr and "--cert" in refused.stderr


def test_https_basic_auth_and_the_clusters_tls(tmp_path):
    """HTTPS with --cert/--key, users of an htpasswd file (bcrypt), and a link to replicas
    that speak only TLS (CONTACTS_TLS_DIR)."""
    tls_dir = tmp_path / "tls"
    certs.make_cluster_certs(tls_dir, replicas=[1], clients=["carddav"])
    htpasswd = tmp_path / "users"
    htpasswd.write_text("carol:" + bcrypt.hashpw(b"s3cret", bcrypt.gensalt(rounds=4)).decode() + "\n")
    env = {**os.environ, "CONTACTS_TLS_DIR": str(tls_dir)}
    tls.configure_client_tls(tls_dir, "carddav")   # this process watches the TLS cluster start
    try:
        with LocalCluster(tmp_path / "cluster", env=env) as cluster:
            cluster.start(1)
            _, url = cluster.start_gateway("--htpasswd", str(htpasswd), "--cert", str(tls_dir / "nameserver.crt"),
                                           "--key", str(tls_dir / "nameserver.key"), scheme="https",
                                           env={"CONTACTS_TLS_CLIENT": "carddav"})
            book = url + "carol/contacts/"
            verify = str(tls_dir / "ca.crt")
            assert dav("PROPFIND", book, auth=None, verify=verify).status_code == 401
            assert dav("PROPFIND", book, auth=("carol", "wrong"), verify=verify).status_code == 401
            put = dav("PUT", book + "tls-1.vcf", card("tls-1", "Over TLS"), auth=("carol", "s3cret"), verify=verify)
            assert put.status_code == 201, put.text
            got = dav("GET", book + "tls-1.vcf", auth=("carol", "s3cret"), verify=verify)
            assert got.status_code == 200 and "FN:Over TLS" in got.text
            with pytest.raises(requests.exceptions.SSLError):
                requests.get(book, verify=True, timeout=10)      # not a certificate the system trusts
    finally:
        tls.configure_tls_off()


# -- vdirsyncer, both ways, through a SIGKILL (last: it kills replica 1) -----------------------------------
def vdirsyncer(config, *args):
    exe = shutil.which("vdirsyncer") or pytest.fail("vdirsyncer is not installed (pip install -e '.[test]')")
    done = subprocess.run([exe, "-c", str(config), *args], input="y\n" * 5, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def folder_cards(folder):
    """{FN: (file, card text)} of the folder vdirsyncer keeps."""
    found = {}
    for path in folder.glob("*.vcf"):
        text = path.read_text()
        found[re.search(r"^FN:(.*)$", text, re.M).group(1).strip()] = (path, text)
    return found


def test_vdirsyncer_syncs_a_folder_both_ways_even_after_the_gateways_replica_is_killed(
        cluster, gateway_a, client, tmp_path):
    ada = client.add_contact({"name": "Vd Ada", "emails": [{"label": "work", "address": "ada@example.com"}],
                              "organization": "Engines", "groups": ["Friends"]})
    client.add_contact({"name": "Vd Grace", "notes": "navy", "emails": [{"label": "", "address": "grace@navy.mil"}]})
    config = tmp_path / "config"
    config.write_text(textwrap.dedent(f"""\
        [general]
        status_path = "{tmp_path / 'status'}/"

        [pair book]
        a = "folder"
        b = "gateway"
        collections = ["from b"]

        [storage folder]
        type = "filesystem"
        path = "{tmp_path / 'cards'}/"
        fileext = ".vcf"

        [storage gateway]
        type = "carddav"
        url = "{gateway_a}"
        username = "alice"
        password = "x"
        """))
    vdirsyncer(config, "discover", "book")
    vdirsyncer(config, "sync")
    folder = tmp_path / "cards" / "contacts"
    got = folder_cards(folder)
    assert {"Vd Ada", "Vd Grace"} <= set(got)
    assert "ada@example.com" in got["Vd Ada"][1] and "CATEGORIES:Friends" in got["Vd Ada"][1]

    # the folder changes: a card added (a UID no contact id can be), one edited, one deleted
    (folder / "linus.vcf").write_text(card("linus+t@example.org", "Vd Linus", "TEL;TYPE=CELL:+1 503 555 0100"))
    path, text = got["Vd Grace"]
    path.write_text(text.replace("grace@navy.mil", "grace@example.com"))
    got["Vd Ada"][0].unlink()
    vdirsyncer(config, "sync")
    replicas = [1, 2, 3]
    everywhere(cluster, replicas, lambda p: len(named(p, "Vd Linus")) == 1
               and named(p, "Vd Linus")[0]["phones"][0]["number"] == "+1 503 555 0100", "the folder's new card")
    everywhere(cluster, replicas, lambda p: named(p, "Vd Grace")[0]["emails"][0]["address"] == "grace@example.com"
               and named(p, "Vd Grace")[0]["notes"] == "navy", "the folder's edit")
    everywhere(cluster, replicas, lambda p: not named(p, "Vd Ada") and named(p, "Vd Ada", deleted=True),
               "the folder's delete (to the trash)")

    # the replicas change: a contact added, one edited, one deleted
    linus = [c for c in client.list_contacts() if c["name"] == "Vd Linus"][0]
    grace = [c for c in client.list_contacts() if c["name"] == "Vd Grace"][0]
    client.add_contact({"name": "Vd Barbara", "title": "Professor"})
    client.update_contact(linus["id"], {"organization": "Linux Foundation"})
    client.delete_contact(grace["id"])
    vdirsyncer(config, "sync")
    got = folder_cards(folder)
    assert "TITLE:Professor" in got["Vd Barbara"][1]
    assert "ORG:Linux Foundation" in got["Vd Linus"][1] and "UID:linus+t@example.org" in got["Vd Linus"][1]
    assert "Vd Grace" not in got

    # SIGKILL the replica the gateway uses: the gateway moves on, both ways
    cluster.kill(1)
    try:
        (folder / "ken.vcf").write_text(card("ken-vd", "Vd Ken", "NOTE:unix", version="4.0"))
        path, text = got["Vd Barbara"]
        path.write_text(text.replace("TITLE:Professor", "TITLE:Institute Professor"))
        client.add_contact({"name": "Vd Dennis"})
        client.delete_contact(linus["id"])
        vdirsyncer(config, "sync")
        alive = [2, 3]
        everywhere(cluster, alive, lambda p: [c["notes"] for c in named(p, "Vd Ken")] == ["unix"],
                   "the folder's new card after the kill")
        everywhere(cluster, alive, lambda p: named(p, "Vd Barbara")[0]["title"] == "Institute Professor",
                   "the folder's edit after the kill")
        got = folder_cards(folder)
        assert "Vd Dennis" in got and "Vd Linus" not in got
        assert "Vd Ken" in got and "Vd Barbara" in got
        # and nothing more to do: the ETags the gateway gave are the ETags it still gives
        assert "Copying" not in vdirsyncer(config, "sync")
        # a token past what the live replicas hold of the dead one's updates may become good
        # when it comes back (it may hold writes it had not passed on): 503, try again later;
        # never "nothing changed", never a full sync that would drop those cards from the client
        # (a gateway with a short --timeout: the replica asked first waits 3 s for the token)
        _, quick = cluster.start_gateway("--replica", cluster.uri(2), "--timeout", "1", name="carddav-quick")
        held = VersionVector.from_wire(cluster.proxy(2).version_vector())
        ahead = sync_report(quick, tokens.encode(held.merged({1: held.get(1, 0) + 5})))
        assert ahead.status_code == 503 and ahead.headers["Retry-After"], ahead.text
    finally:
        cluster.start_replica(1)
