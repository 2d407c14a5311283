"""Replays of what real CardDAV clients send: DAVx5 (Android) and iOS/macOS Contacts.

A real cluster (name server + replica processes) and a real gateway process
(python -m contacts.carddav) answer, over HTTP on loopback, the request sequences these
clients send, with their bodies and headers: discovery from the server root and from
/.well-known/carddav, the principal, the address-book home, the collection's properties,
a first sync (sync-collection with an empty token, then addressbook-multiget of the hrefs),
a PUT of a new card as the client writes it (If-None-Match: *), an incremental sync with
the token it got, an edit (If-Match), a stale edit (412) and a DELETE.  The assertions are
what the client relies on to go on: status codes, hrefs, ETags, tokens, the card's text.

These are recorded request shapes, not a phone: what a client does with an answer (DAVx5's
read-only flag, iOS's choice of what to ask next) is read from its source or its logs, and
stated where it is relied on.

Where each body comes from:

- DAVx5: the property lists of its sources, bitfireAT/davx5-ose
  (servicedetection/DavResourceFinder.kt checkBaseURL and getCurrentUserPrincipal,
  ServiceDetectionUtils.collectionQueryProperties, sync/ContactsSyncManager.kt
  queryCapabilities, listAllRemote, downloadRemote, generateUpload), serialized as
  bitfireAT/dav4jvm does it (DavResource.propfind, DavCollection.reportChanges,
  DavAddressBook.multiget: default namespace DAV:, prefix CARD for CardDAV, Depth 0 on
  REPORTs, Content-Type application/xml; charset=utf-8).  Cards as vcard4android
  (ez-vcard) writes them: 4.0 once the server lists 4.0 in supported-address-data (it does
  here), X-props kept, custom labels as itemN.X-ABLABEL.
- iOS/macOS: the principal PROPFIND is the body macOS Contacts sends, quoted in
  sabre-io/dav issue 1315; the home-set listing asks the properties iOS's dataaccessd asks
  (as in the server logs of Radicale issue 763 and Baikal issue 239: getctag, sync-token,
  resource-id, me-card, quota, max-image-size, push properties ...), in Apple's A:/B:/C:
  prefix style.  The card is a 3.0 vCard as iOS writes it: type= parameters repeated,
  itemN. groups with X-ABLABEL (Apple's _$!<...>!$_ labels and a custom one), X-ABADR,
  X-ABRELATEDNAMES, and PHOTO;ENCODING=b;TYPE=JPEG.
"""
import base64
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from contacts.carddav import cards
from contacts.cluster import LocalCluster, wait_until

pytestmark = pytest.mark.slow

DAV = "{DAV:}"
CARD = "{urn:ietf:params:xml:ns:carddav}"
CS = "{http://calendarserver.org/ns/}"
OK = "HTTP/1.1 200 OK"
XML = "application/xml; charset=utf-8"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = LocalCluster(tmp_path_factory.mktemp("carddav-clients") / "cluster")
    try:
        cluster.start(2)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def gateway(cluster):
    return cluster.start_gateway("--replica", cluster.uri(1), name="carddav-clients")[1]


class Client:
    """One client's connection (kept alive, as okhttp and CFNetwork keep it), its headers, and
    its way of following a redirect: the same request again at the new place (dav4jvm's
    followRedirects; requests would drop a PROPFIND's body)."""

    def __init__(self, base, user_agent, user="alice"):
        self.base = base
        self.session = requests.Session()
        self.session.auth = (user, "secret")
        self.session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip"})

    def request(self, method, path_or_url, body=None, headers=None, redirects=5):
        url = urljoin(self.base, path_or_url)
        for _ in range(redirects + 1):
            answer = self.session.request(method, url, data=body.encode() if isinstance(body, str) else body,
                                          headers=headers or {}, allow_redirects=False, timeout=30)
            if answer.status_code not in (301, 302, 307, 308):
                return answer
            url = urljoin(url, answer.headers["Location"])
        raise AssertionError(f"{method} {path_or_url}: more than {redirects} redirects")

    def multistatus(self, method, path, body, depth):
        answer = self.request(method, path, body, {"Depth": depth, "Content-Type": XML})
        assert answer.status_code == 207, (method, path, answer.status_code, answer.text[:500])
        return ET.fromstring(answer.content)

    def close(self):
        self.session.close()


def found(response, prop):
    """The element ``prop`` of a multistatus response, if its propstat says 200 OK."""
    for propstat in response.iter(f"{DAV}propstat"):
        if propstat.findtext(f"{DAV}status") == OK:
            element = propstat.find(f"{DAV}prop/{prop}")
            if element is not None:
                return element
    return None


def responses(root):
    """{href: response element} of a multistatus."""
    return {r.findtext(f"{DAV}href"): r for r in root.findall(f"{DAV}response")}


def sync_answer(root):
    """(new token, {href: etag, or None for a card gone (404)})."""
    changed = {}
    for href, response in responses(root).items():
        etag = found(response, f"{DAV}getetag")
        status = response.findtext(f"{DAV}status") or ""
        changed[href] = None if "404" in status else etag.text
    return root.findtext(f"{DAV}sync-token"), changed


def reports(response):
    return {child.tag for report in response.iter(f"{DAV}report") for child in report}


def address_data_versions(response):
    return sorted(e.get("version") for e in found(response, f"{CARD}supported-address-data") or ())


def contact_of(text):
    """What the vCard mapping reads from a card (the fields the replicas store)."""
    return cards.read_card(text)


# -- DAVx5 ----------------------------------------------------------------------------------------
DAVX5_AGENT = "DAVx5/4.4.3.2-ose (2024/10/28; dav4jvm; okhttp/4.12.0) Android/14"
# DavResourceFinder.checkBaseURL, CardDAV: the URL the user typed, Depth 0
DAVX5_BASE = ("<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns=\"DAV:\" "
              "xmlns:CARD=\"urn:ietf:params:xml:ns:carddav\"><prop><resourcetype /><displayname />"
              "<CARD:addressbook-description /><CARD:addressbook-home-set /><current-user-principal />"
              "</prop></propfind>")
# DavResourceFinder.getCurrentUserPrincipal on /.well-known/carddav, Depth 0
DAVX5_WELL_KNOWN = ("<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns=\"DAV:\"><prop>"
                    "<current-user-principal /></prop></propfind>")
# the principal: its address-book home set (and its groups), Depth 0
DAVX5_PRINCIPAL = ("<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns=\"DAV:\" "
                   "xmlns:CARD=\"urn:ietf:params:xml:ns:carddav\"><prop><CARD:addressbook-home-set />"
                   "<group-membership /></prop></propfind>")
# HomeSetRefresher: the home set, Depth 1, ServiceDetectionUtils.collectionQueryProperties(CardDAV)
DAVX5_HOME = ("<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns=\"DAV:\" "
              "xmlns:CARD=\"urn:ietf:params:xml:ns:carddav\" xmlns:P=\"https://bitfire.at/webdav-push\">"
              "<prop><current-user-privilege-set /><displayname /><owner /><resourcetype />"
              "<P:push-transports /><P:topic /><CARD:addressbook-description /></prop></propfind>")
# ContactsSyncManager.queryCapabilities: the collection, Depth 0
DAVX5_CAPABILITIES = ("<?xml version='1.0' encoding='UTF-8' ?><propfind xmlns=\"DAV:\" "
                      "xmlns:CARD=\"urn:ietf:params:xml:ns:carddav\" xmlns:CS=\"http://calendarserver.org/ns/\">"
                      "<prop><CARD:max-resource-size /><CARD:supported-address-data /><supported-report-set />"
                      "<CS:getctag /><sync-token /></prop></propfind>")
# DavCollection.reportChanges(syncToken, infiniteDepth=false, limit=null, GetETag.NAME), Depth 0
DAVX5_SYNC = ("<?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns=\"DAV:\"><sync-token>{}</sync-token>"
              "<sync-level>1</sync-level><prop><getetag /></prop></sync-collection>")
# DavAddressBook.multiget(urls, contentType="text/vcard", version="4.0"), Depth 0; DAVx5 asks
# 10 cards per multiget (SyncManager.MAX_MULTIGET_RESOURCES)
DAVX5_MULTIGET = ("<?xml version='1.0' encoding='UTF-8' ?><CARD:addressbook-multiget xmlns=\"DAV:\" "
                  "xmlns:CARD=\"urn:ietf:params:xml:ns:carddav\"><prop><getcontenttype /><getetag />"
                  "<CARD:address-data content-type=\"text/vcard\" version=\"4.0\" /></prop>{}"
                  "</CARD:addressbook-multiget>")
DAVX5_MULTIGET_SIZE = 10


def davx5_card(uid, note="Wrote the first compiler\\, A-0."):
    """A vCard 4.0 as vcard4android (ez-vcard) writes a contact made on the phone."""
    return ("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:+//IDN bitfire.at//DAVx5/4.4.3.2-ose ez-vcard/0.12.1\r\n"
            f"UID:{uid}\r\nFN:Grace Hopper\r\nN:Hopper;Grace;Brewster;Rear Admiral;\r\n"
            "NICKNAME:Amazing Grace\r\nORG:US Navy;Computing\r\nTITLE:Rear Admiral\r\n"
            "TEL;TYPE=cell:+1 202 555 0147\r\nTEL;TYPE=work:+1 202 555 0100\r\n"
            "item1.TEL:+1 202 555 0111\r\nitem1.X-ABLABEL:Lab\r\n"
            "EMAIL;TYPE=work:grace@navy.example\r\nIMPP:xmpp:grace@jabber.example\r\n"
            "ADR;TYPE=work:;;1 Navy Yard;Washington;DC;20374;USA\r\nURL:https://navy.example/grace\r\n"
            f"BDAY:19061209\r\nCATEGORIES:Pioneers\r\nNOTE:{note}\r\nX-PHONETIC-FIRST-NAME:Greys\r\n"
            "REV:20261204T184500Z\r\nEND:VCARD\r\n")


def multiget(client, book, hrefs, body):
    """Every card of ``hrefs`` in multigets of DAVx5's size: {href: (etag, address-data)}."""
    cards_read = {}
    for start in range(0, len(hrefs), DAVX5_MULTIGET_SIZE):
        bunch = hrefs[start:start + DAVX5_MULTIGET_SIZE]
        root = client.multistatus("REPORT", book, body.format("".join(f"<href>{h}</href>" for h in bunch)), "0")
        for href, response in responses(root).items():
            etag, data = found(response, f"{DAV}getetag"), found(response, f"{CARD}address-data")
            cards_read[href] = (etag.text if etag is not None else None, data.text if data is not None else None)
    return cards_read


def seed(cluster, names):
    """Contacts already on the cluster before the phone is set up: added through replica 2,
    and held by replica 1 (the gateway's) too."""
    with cluster.proxy(2) as proxy:
        made = [proxy.add_contact({"name": name, "emails": [{"label": "work", "address": f"{i}@example.org"}]})
                for i, name in enumerate(names)]

    def replicated():
        with cluster.proxy(1) as proxy:
            held = {c["id"] for c in proxy.list_contacts()}
        return all(c["id"] in held for c in made)
    wait_until(replicated, 15, what="the seeded contacts on replica 1")
    return made


def test_davx5_discovers_syncs_writes_4_0_and_syncs_incrementally(cluster, gateway):
    seeded = seed(cluster, [f"DAVx5 Seed {i:02d}" for i in range(12)])   # two multigets of 10
    phone = Client(gateway, DAVX5_AGENT)
    try:
        # discovery: the URL the user typed (the server root), then the well-known URL
        root = responses(phone.multistatus("PROPFIND", "/", DAVX5_BASE, "0"))
        principal = found(next(iter(root.values())), f"{DAV}current-user-principal").findtext(f"{DAV}href")
        assert principal == "/alice/"
        options = phone.request("OPTIONS", principal)
        assert options.status_code == 200 and "addressbook" in options.headers["DAV"]   # providesService
        well_known = responses(phone.multistatus("PROPFIND", "/.well-known/carddav", DAVX5_WELL_KNOWN, "0"))
        assert found(next(iter(well_known.values())), f"{DAV}current-user-principal").findtext(f"{DAV}href") \
            == principal
        home = found(next(iter(responses(phone.multistatus("PROPFIND", principal, DAVX5_PRINCIPAL, "0")).values())),
                     f"{CARD}addressbook-home-set").findtext(f"{DAV}href")
        assert home == "/alice/"
        listing = responses(phone.multistatus("PROPFIND", home, DAVX5_HOME, "1"))
        books = [href for href, r in listing.items()
                 if found(r, f"{DAV}resourcetype") is not None
                 and found(r, f"{DAV}resourcetype").find(f"{CARD}addressbook") is not None]
        assert books == ["/alice/contacts/"]
        book = books[0]
        # DAVx5 marks the book read-only unless current-user-privilege-set grants write
        privileges = {p.tag for p in found(listing[book], f"{DAV}current-user-privilege-set").iter()}
        assert {f"{DAV}write", f"{DAV}write-content"} & privileges, privileges
        assert found(listing[book], f"{DAV}displayname").text == "Contacts"

        # the collection's capabilities: collection sync (else it lists with PROPFIND), vCard 4
        capabilities = next(iter(responses(phone.multistatus("PROPFIND", book, DAVX5_CAPABILITIES, "0")).values()))
        assert f"{DAV}sync-collection" in reports(capabilities)
        assert f"{CARD}addressbook-multiget" in reports(capabilities)
        assert address_data_versions(capabilities) == ["3.0", "4.0"]
        ctag = found(capabilities, f"{CS}getctag").text
        token = found(capabilities, f"{DAV}sync-token").text
        assert ctag and token

        # first sync: every card by sync-collection (no token), then multigets of 10
        first_token, listed = sync_answer(phone.multistatus("REPORT", book, DAVX5_SYNC.format(""), "0"))
        ours = {f"{book}{cards.href_of(c)}" for c in seeded}
        assert ours <= set(listed) and all(listed.values())
        read = multiget(phone, book, sorted(listed), DAVX5_MULTIGET)
        assert set(read) == set(listed)
        for href, (etag, data) in read.items():
            assert data and data.startswith("BEGIN:VCARD"), href   # address-data for every href
            assert "VERSION:4.0" in unfolded_lines(data), href     # the version the multiget asked
            assert etag == listed[href], href                      # the ETag the sync listed
        for contact in seeded:
            href = f"{book}{cards.href_of(contact)}"
            assert f"FN:{contact['name']}" in read[href][1]
            # a GET (DAVx5 downloads one card so when a multiget fails) says the same ETag, twice
            gets = [phone.request("GET", href) for _ in range(2)]
            assert [g.headers["ETag"] for g in gets] == [listed[href]] * 2

        # a contact made on the phone: a 4.0 card with X-props and a grouped label
        uid = str(uuid.UUID("5f0e9c4a-3b1d-4e8a-9c2f-7d6e5b4a3c21"))
        href = f"{book}{uid}.vcf"
        sent = davx5_card(uid)
        put = phone.request("PUT", href, sent, {"If-None-Match": "*", "Content-Type": "text/vcard;version=4.0"})
        assert put.status_code == 201, put.text
        etag = put.headers["ETag"]
        again = phone.request("PUT", href, sent, {"If-None-Match": "*", "Content-Type": "text/vcard;version=4.0"})
        assert again.status_code == 412   # If-None-Match: * on a card that exists: nothing replaced

        # the next sync, from the token of the first: exactly that card, with the PUT's ETag
        second_token, changed = sync_answer(phone.multistatus("REPORT", book, DAVX5_SYNC.format(first_token), "0"))
        assert second_token != first_token
        assert changed == {href: etag}
        after_put = next(iter(responses(phone.multistatus("PROPFIND", book, DAVX5_CAPABILITIES, "0")).values()))
        assert found(after_put, f"{CS}getctag").text != ctag
        (read_etag, data), = multiget(phone, book, [href], DAVX5_MULTIGET).values()
        assert read_etag == etag
        assert contact_of(data) == contact_of(sent)   # every property kept (served as the 4.0 asked)
        lines = unfolded_lines(data)   # (an XML parser reads the card's CRLF as LF, as every client's does)
        assert {"VERSION:4.0", "item1.TEL:+1 202 555 0111", "item1.X-ABLABEL:Lab", "X-PHONETIC-FIRST-NAME:Greys",
                "PRODID:+//IDN bitfire.at//DAVx5/4.4.3.2-ose ez-vcard/0.12.1"} <= lines

        # an edit on the phone (If-Match the ETag it holds), then the same edit from a stale copy
        edited = davx5_card(uid, note="Also found the first bug.")
        update = phone.request("PUT", href, edited, {"If-Match": etag, "Content-Type": "text/vcard;version=4.0"})
        assert update.status_code in (201, 204), update.text
        new_etag = update.headers["ETag"]
        assert new_etag != etag
        stale = phone.request("PUT", href, davx5_card(uid, note="stale"),
                              {"If-Match": etag, "Content-Type": "text/vcard;version=4.0"})
        assert stale.status_code == 412
        assert phone.request("GET", href).headers["ETag"] == new_etag
        third_token, changed = sync_answer(phone.multistatus("REPORT", book, DAVX5_SYNC.format(second_token), "0"))
        assert changed == {href: new_etag}
        assert "NOTE:Also found the first bug." in phone.request("GET", href).text

        # deleted on the phone: DELETE If-Match, then the sync lists it as gone
        assert phone.request("DELETE", href, headers={"If-Match": etag}).status_code == 412
        assert phone.request("DELETE", href, headers={"If-Match": new_etag}).status_code in (200, 204)
        assert phone.request("GET", href).status_code == 404
        _, changed = sync_answer(phone.multistatus("REPORT", book, DAVX5_SYNC.format(third_token), "0"))
        assert changed == {href: None}
    finally:
        phone.close()


# -- iOS / macOS Contacts -------------------------------------------------------------------------
IOS_AGENT = "iOS/17.1.2 (21B101) dataaccessd/1.0"
# the first request of account set-up (Depth 0), at /.well-known/carddav: 301 to the root
IOS_WELL_KNOWN = ('<?xml version="1.0" encoding="UTF-8"?>\n<A:propfind xmlns:A="DAV:">\n  <A:prop>\n'
                  '    <A:current-user-principal/>\n    <A:principal-URL/>\n    <A:resourcetype/>\n'
                  '  </A:prop>\n</A:propfind>\n')
# the principal, Depth 0: the body macOS Contacts sends (sabre-io/dav issue 1315)
IOS_PRINCIPAL = ('<?xml version="1.0" encoding="UTF-8"?>\n<A:propfind xmlns:A="DAV:">\n  <A:prop>\n'
                 '    <B:addressbook-home-set xmlns:B="urn:ietf:params:xml:ns:carddav"/>\n'
                 '    <B:directory-gateway xmlns:B="urn:ietf:params:xml:ns:carddav"/>\n'
                 '    <A:displayname/>\n    <C:email-address-set xmlns:C="http://calendarserver.org/ns/"/>\n'
                 '    <A:principal-collection-set/>\n    <A:principal-URL/>\n    <A:resource-id/>\n'
                 '    <A:supported-report-set/>\n  </A:prop>\n</A:propfind>\n')
# the home set, Depth 1: the collections' properties iOS asks (getctag and sync-token to know
# whether to sync, resource-id, me-card, quota, image and card size limits, push)
IOS_HOME = ('<?xml version="1.0" encoding="UTF-8"?>\n<A:propfind xmlns:A="DAV:">\n  <A:prop>\n'
            '    <A:add-member/>\n    <C:bulk-requests xmlns:C="http://me.com/_namespace/"/>\n'
            '    <A:current-user-privilege-set/>\n    <A:displayname/>\n'
            '    <B:max-image-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>\n'
            '    <B:max-resource-size xmlns:B="urn:ietf:params:xml:ns:carddav"/>\n'
            '    <C:me-card xmlns:C="http://calendarserver.org/ns/"/>\n'
            '    <A:owner/>\n    <C:push-transports xmlns:C="http://calendarserver.org/ns/"/>\n'
            '    <C:pushkey xmlns:C="http://calendarserver.org/ns/"/>\n'
            '    <A:quota-available-bytes/>\n    <A:quota-used-bytes/>\n    <A:resource-id/>\n'
            '    <A:resourcetype/>\n    <A:supported-report-set/>\n    <A:sync-token/>\n'
            '    <C:getctag xmlns:C="http://calendarserver.org/ns/"/>\n  </A:prop>\n</A:propfind>\n')
# before each sync, the book alone (Depth 0): has its ctag or token changed?
IOS_BOOK = ('<?xml version="1.0" encoding="UTF-8"?>\n<A:propfind xmlns:A="DAV:">\n  <A:prop>\n'
            '    <C:getctag xmlns:C="http://calendarserver.org/ns/"/>\n    <A:sync-token/>\n'
            '  </A:prop>\n</A:propfind>\n')
IOS_SYNC = ('<?xml version="1.0" encoding="UTF-8"?>\n<A:sync-collection xmlns:A="DAV:">\n'
            '  <A:sync-token>{}</A:sync-token>\n  <A:sync-level>1</A:sync-level>\n  <A:prop>\n'
            '    <A:getetag/>\n  </A:prop>\n</A:sync-collection>\n')
IOS_MULTIGET = ('<?xml version="1.0" encoding="UTF-8"?>\n<B:addressbook-multiget xmlns:A="DAV:" '
                'xmlns:B="urn:ietf:params:xml:ns:carddav">\n  <A:prop>\n    <A:getetag/>\n'
                '    <B:address-data/>\n  </A:prop>\n{}</B:addressbook-multiget>\n')
#: a small JPEG (SOI, JFIF header, bytes, EOI): what the PHOTO carries, base64
JPEG = base64.b64encode(bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + bytes(range(256)) * 4
                        + bytes.fromhex("ffd9")).decode()


def ios_card(uid, title="Engineer"):
    """A vCard 3.0 as iOS Contacts writes it (lines folded at 75 octets are unfolded here)."""
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.1.2//EN\r\n"
            "N:Appleseed;Johnny;;;\r\nFN:Johnny Appleseed\r\nORG:Apple Inc.;\r\n"
            f"TITLE:{title}\r\nEMAIL;type=INTERNET;type=HOME;type=pref:johnny@example.com\r\n"
            "TEL;type=CELL;type=VOICE;type=pref:+1 (408) 555-0100\r\n"
            "item1.TEL:+1 408 555 0199\r\nitem1.X-ABLABEL:Bat phone\r\n"
            "item2.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States\r\n"
            "item2.X-ABADR:us\r\n"
            "item3.URL;type=pref:https://example.com/johnny\r\nitem3.X-ABLABEL:_$!<HomePage>!$_\r\n"
            "item4.X-ABRELATEDNAMES;type=pref:Jane Appleseed\r\nitem4.X-ABLABEL:_$!<Spouse>!$_\r\n"
            "BDAY;value=date:1970-01-01\r\n"
            f"PHOTO;ENCODING=b;TYPE=JPEG:{JPEG}\r\n"
            f"UID:{uid}\r\nEND:VCARD\r\n")


def property_and_value(line):
    """``[group.]NAME:value`` of a card line: its parameters aside (TYPE=CELL,pref is
    type=CELL;type=pref), and a structured value's empty last parts (ORG:Apple Inc.; is
    ORG:Apple Inc.)."""
    name, value = line.split(":", 1)
    return name.split(";", 1)[0].upper() + ":" + value.rstrip(";")


def unfolded_lines(text):
    text = text.replace("\r\n", "\n")
    return set(text.replace("\n ", "").replace("\n\t", "").splitlines())


def test_ios_discovers_syncs_writes_grouped_labels_and_a_photo_and_syncs_incrementally(cluster, gateway):
    seeded = seed(cluster, ["iOS Seed A", "iOS Seed B", "iOS Seed C"])
    phone = Client(gateway, IOS_AGENT)
    try:
        # the first request, at /.well-known/carddav: iOS follows the redirect itself
        first = phone.session.request("PROPFIND", urljoin(gateway, "/.well-known/carddav"),
                                      data=IOS_WELL_KNOWN.encode(), allow_redirects=False, timeout=30,
                                      headers={"Depth": "0", "Content-Type": "text/xml", "Brief": "t"})
        assert first.status_code in (301, 302, 307, 308)
        assert urlsplit(urljoin(gateway, first.headers["Location"])).path == "/"
        root = next(iter(responses(phone.multistatus("PROPFIND", first.headers["Location"], IOS_WELL_KNOWN,
                                                     "0")).values()))
        principal = found(root, f"{DAV}current-user-principal").findtext(f"{DAV}href")
        assert principal == "/alice/"
        assert "addressbook" in phone.request("OPTIONS", principal).headers["DAV"]
        about = next(iter(responses(phone.multistatus("PROPFIND", principal, IOS_PRINCIPAL, "0")).values()))
        home = found(about, f"{CARD}addressbook-home-set").findtext(f"{DAV}href")
        assert home == "/alice/"
        assert found(about, f"{DAV}principal-URL").findtext(f"{DAV}href") == principal

        # the home set: the one book, with what iOS needs, and no error for what is not served
        listing = responses(phone.multistatus("PROPFIND", home, IOS_HOME, "1"))
        book = "/alice/contacts/"
        assert book in listing
        about_book = listing[book]
        assert found(about_book, f"{DAV}resourcetype").find(f"{CARD}addressbook") is not None
        ctag = found(about_book, f"{CS}getctag").text
        token = found(about_book, f"{DAV}sync-token").text
        assert ctag and token
        assert f"{DAV}sync-collection" in reports(about_book)
        privileges = {p.tag for p in found(about_book, f"{DAV}current-user-privilege-set").iter()}
        assert f"{DAV}write" in privileges or f"{DAV}all" in privileges
        for optional in (f"{CS}me-card", f"{DAV}quota-available-bytes", f"{DAV}resource-id",
                         f"{CARD}max-image-size", "{http://me.com/_namespace/}bulk-requests"):
            # not served: named in a 404 propstat of the same response (RFC 4918 9.1), not an error
            missing = [ps for ps in about_book.iter(f"{DAV}propstat")
                       if ps.find(f"{DAV}prop/{optional}") is not None]
            assert missing and "404" in missing[0].findtext(f"{DAV}status"), optional

        # the first sync: the token, every href, then a multiget of them
        first_token, listed = sync_answer(phone.multistatus("REPORT", book, IOS_SYNC.format(""), "1"))
        assert {f"{book}{cards.href_of(c)}" for c in seeded} <= set(listed)
        body = IOS_MULTIGET.format("".join(f"  <A:href>{h}</A:href>\n" for h in sorted(listed)))
        read = responses(phone.multistatus("REPORT", book, body, "0"))
        assert set(read) == set(listed)
        for href, response in read.items():
            assert found(response, f"{CARD}address-data").text.startswith("BEGIN:VCARD"), href
            assert found(response, f"{DAV}getetag").text == listed[href], href

        # a new contact: iOS names the card after its UID, and sends what it wrote
        uid = "8C3F1E52-7B1A-4C8E-9D4F-1A2B3C4D5E6F"
        href = f"{book}{uid}.vcf"
        sent = ios_card(uid)
        put = phone.request("PUT", href, sent, {"If-None-Match": "*", "Content-Type": "text/vcard"})
        assert put.status_code == 201, put.text
        etag = put.headers["ETag"]
        gets = [phone.request("GET", href) for _ in range(2)]
        assert [g.status_code for g in gets] == [200, 200]
        assert [g.headers["ETag"] for g in gets] == [etag, etag]
        served = gets[0].text
        assert "VERSION:3.0" in unfolded_lines(served)   # iOS asks no version: 3.0, as it wrote
        assert contact_of(served) == contact_of(sent)
        # every line iOS sent comes back.  Parameters are compared through the mapping above
        # (labels, pref), and TEL's type=VOICE beside CELL and the pref on X-ABRELATEDNAMES,
        # which the label and the related entry have no place for, come back from the
        # contact's kept parameters
        kept = {property_and_value(line) for line in unfolded_lines(served)}
        for line in unfolded_lines(sent):
            assert property_and_value(line) in kept, line
        assert "TEL;TYPE=CELL,pref,VOICE:+1 (408) 555-0100" in unfolded_lines(served)
        assert any(line.endswith(".X-ABRELATEDNAMES;TYPE=pref:Jane Appleseed") for line in unfolded_lines(served))
        for grouped in ("item1.X-ABLABEL:Bat phone", "item3.X-ABLABEL:_$!<HomePage>!$_",
                        "item4.X-ABLABEL:_$!<Spouse>!$_", "item2.X-ABADR:us", "item1.TEL:+1 408 555 0199"):
            assert grouped in unfolded_lines(served), grouped
        assert f"PHOTO;ENCODING=b;TYPE=JPEG:{JPEG}" in unfolded_lines(served)

        # the book's ctag and token moved; the incremental sync names exactly the new card
        now = next(iter(responses(phone.multistatus("PROPFIND", book, IOS_BOOK, "0")).values()))
        assert found(now, f"{CS}getctag").text != ctag
        second_token, changed = sync_answer(phone.multistatus("REPORT", book, IOS_SYNC.format(first_token), "1"))
        assert second_token == found(now, f"{DAV}sync-token").text
        assert changed == {href: etag}
        # the ETag PROPFIND shows for the card is the one the PUT and GET gave
        one = next(iter(responses(phone.multistatus("PROPFIND", href, '<?xml version="1.0" encoding="UTF-8"?>\n'
                                                    '<A:propfind xmlns:A="DAV:"><A:prop><A:getetag/></A:prop>'
                                                    '</A:propfind>', "0")).values()))
        assert found(one, f"{DAV}getetag").text == etag

        # edited on the phone (the whole card again, If-Match), then a stale edit: 412
        update = phone.request("PUT", href, ios_card(uid, title="Chief Engineer"),
                               {"If-Match": etag, "Content-Type": "text/vcard"})
        assert update.status_code in (201, 204), update.text
        new_etag = update.headers["ETag"]
        assert new_etag != etag and phone.request("GET", href).headers["ETag"] == new_etag
        stale = phone.request("PUT", href, ios_card(uid, title="Intern"), {"If-Match": etag,
                                                                           "Content-Type": "text/vcard"})
        assert stale.status_code == 412
        third_token, changed = sync_answer(phone.multistatus("REPORT", book, IOS_SYNC.format(second_token), "1"))
        assert changed == {href: new_etag}
        edited = phone.request("GET", href).text
        assert "TITLE:Chief Engineer" in edited and "item1.X-ABLABEL:Bat phone" in unfolded_lines(edited)

        # deleted on the phone
        assert phone.request("DELETE", href, headers={"If-Match": new_etag}).status_code in (200, 204)
        _, changed = sync_answer(phone.multistatus("REPORT", book, IOS_SYNC.format(third_token), "1"))
        assert changed == {href: None}
    finally:
        phone.close()
