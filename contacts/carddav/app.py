"""The WSGI layer around Radicale, and the Gateway the storage plugin works through.

Radicale does the DAV protocol; around it, for each request, this layer:

- opens the request's context (context.py) and closes it;
- reads a PUT's body itself: a body over ``max_card_bytes`` gets 413 before anything is
  parsed, a card that cannot be read gets 400 with the reason (Radicale would say only
  "Bad Request"), and the storage gets the bytes as the client sent them;
- answers what the storage asked for instead of Radicale's bare error: 412 for a stale
  If-Match (the replica's conditional write refused), 400 with the replica's message,
  503 with Retry-After when no replica can be reached, 403 for what this gateway refuses;
- adds ``supported-address-data`` (vCard 3.0 and 4.0) to PROPFIND answers about the book,
  a property Radicale does not serve, and reads the version a REPORT's ``address-data``
  asks (Radicale ignores it), which the storage writes the cards in.
"""
import base64
import binascii
import collections
import contextlib
import functools
import io
import logging
import threading
import xml.etree.ElementTree as ET
from http import client as http_status

import radicale
import radicale.config
from radicale import xmlutils
from radicale.app import propfind as radicale_propfind

from ..client import ContactsClient
from ..errors import StaleWriteError, UnavailableError, ValidationError, WrongTypeError
from ..versions import VersionVector
from . import cards, context
from .storage import BOOK, Book, Storage
from .uids import UidIndex

log = logging.getLogger(__name__)

#: largest PUT body taken (a card with a 1 MB photo is ~1.4 MB of base64)
MAX_CARD_BYTES = 2 * 1024 * 1024
#: what a client is told to wait before retrying a 503
RETRY_AFTER = "5"
#: card texts kept, by contact id and stamp (a card's text is a function of both)
CARD_CACHE = 20_000
#: contacts read per call when the whole book is listed (~4 KB of decoded dict each)
LISTING_PAGE = 1000
#: deepest XML request body taken (a DAV request is 5-6 levels deep)
MAX_XML_DEPTH = 32
#: the root element each DAV method's body must have; REPORT: the reports served here
XML_ROOTS = {
    "PROPFIND": {"{DAV:}propfind"},
    "PROPPATCH": {"{DAV:}propertyupdate"},
    "REPORT": {"{DAV:}sync-collection", "{DAV:}expand-property", "{urn:ietf:params:xml:ns:carddav}addressbook-multiget",
               "{urn:ietf:params:xml:ns:carddav}addressbook-query"},
    "MKCOL": {"{DAV:}mkcol"},
}


class Gateway:
    """What the storage plugin uses: the cluster client, and how its failures are answered."""

    def __init__(self, client, display_name="Contacts", max_card_bytes=MAX_CARD_BYTES):
        self.client = client
        self.display_name = display_name
        self.max_card_bytes = max_card_bytes
        self._cards = collections.OrderedDict()   # (id, stamp) -> vCard text, least recent first
        self._cards_lock = threading.Lock()
        self.uids = UidIndex()

    def card_text(self, contact, stamp, version=cards.VERSION):
        """The vCard of ``contact`` (whose stamp is ``stamp``): written once per state, then
        kept, since every client's first sync asks every card (a photo is fetched once too)."""
        key = (contact["id"], stamp, version)
        with self._cards_lock:
            text = self._cards.get(key)
            if text is not None:
                self._cards.move_to_end(key)
                return text
        text = cards.card_text(contact, self.photo, version)
        with self._cards_lock:
            self._cards[key] = text
            while len(self._cards) > CARD_CACHE:
                self._cards.popitem(last=False)
        return text

    def call(self, method, *args, **kwargs):
        """``client.method(...)``; an error the client answers with is also what the HTTP
        request answers (503 unreachable, 412 stale, 400 refused) and is re-raised."""
        with self._answering():
            return getattr(self.client, method)(*args, **kwargs)

    def live_contacts(self, after):
        """Every live contact (as read by a replica holding ``after``), read LISTING_PAGE at a
        time: a listing of the book holds one page of contact dicts, not all of them."""
        pages = self.client.iter_contacts(page_size=LISTING_PAGE, after=after)
        while True:
            with self._answering():
                contact = next(pages, None)
            if contact is None:
                return
            yield contact

    @contextlib.contextmanager
    def _answering(self):
        try:
            yield
        except UnavailableError as exc:
            context.current().refuse(503, f"the contact cluster cannot be reached now: {exc}")
            raise
        except StaleWriteError as exc:
            context.current().refuse(412, f"the card changed since it was read (If-Match): {exc}")
            raise
        except (ValidationError, WrongTypeError) as exc:
            context.current().refuse(400, f"the cluster refused this card: {exc}")
            raise

    def cached_card_text(self, contact_id, stamp, version=cards.VERSION):
        """The text kept for this state of a card, or None (nothing is written)."""
        with self._cards_lock:
            return self._cards.get((contact_id, stamp, version))

    def own_count(self, uri, replica_id):
        """How many updates replica ``replica_id`` (at ``uri``) has made, asked of it alone;
        None when it does not answer."""
        timeout = min(getattr(self.client, "timeout", 3.0), 2.0)
        try:
            with ContactsClient(uris=[uri], discover=False, timeout=timeout, call_budget=timeout,
                                tls_dir=getattr(self.client, "tls_dir", None), read_your_writes=False) as probe:
                info = probe.ping()
        except (UnavailableError, ValidationError):
            return None
        if info.get("replica_id") != replica_id:
            return None
        return VersionVector.from_wire(info["vector"]).get(replica_id, 0)

    def photo(self, digest):
        """A stored photo's bytes (base64) for a card, or None when the replica lacks them."""
        try:
            return self.call("get_photo", digest)
        except ValidationError:
            context.current().answer = None   # a card without its photo, not an error
            return None


def radicale_configuration(gateway, htpasswd=None):
    """Radicale's configuration: this storage, htpasswd (bcrypt) or no auth, one shared book."""
    configuration = radicale.config.load()
    auth = ({"type": "htpasswd", "htpasswd_filename": str(htpasswd), "htpasswd_encryption": "bcrypt",
             "delay": "1"} if htpasswd else {"type": "none"})
    configuration.update({
        "storage": {"type": functools.partial(Storage, gateway=gateway)},
        "auth": auth,
        # every user (every user of the htpasswd file) reads and writes the one book; no
        # collection can be deleted or replaced as a whole
        "rights": {"type": "authenticated", "permit_delete_collection": "False",
                   "permit_overwrite_collection": "False"},
        "web": {"type": "none"},
        "server": {"max_content_length": str(gateway.max_card_bytes)},
    }, "contacts.carddav", privileged=True)
    return configuration


class GatewayApp:
    """The WSGI application: Radicale, with the gateway's checks and answers around it."""

    def __init__(self, gateway, configuration):
        self.gateway = gateway
        _serve_supported_address_data()
        self.radicale = radicale.Application(configuration)

    def __call__(self, environ, start_response):
        request = context.begin(environ)
        try:
            return self._handle(environ, start_response, request)
        finally:
            context.end()

    def _handle(self, environ, start_response, request):
        method = environ.get("REQUEST_METHOD", "").upper()
        problem = _check_authorization(environ.get("HTTP_AUTHORIZATION"))
        if problem is None and method == "MOVE":
            # the storage refuses every move; Radicale would first answer 502 to a
            # Destination on another host, a 5xx for what is the client's mistake
            problem = 403, "cards cannot be moved or renamed here: PUT the card under its new name and DELETE the old one"
        elif problem is None and method == "PUT":
            problem = self._read_put(environ, request)
        elif problem is None and method in XML_ROOTS:
            problem = self._read_xml(environ, method, request)
        if problem is not None:
            return _answer(start_response, *problem)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = self.radicale(environ, capture)
        if request.answer is not None and not captured["status"].startswith("2"):
            return _answer(start_response, *request.answer)
        if request.uid_conflict is not None and captured["status"].startswith("409"):
            return _uid_conflict(start_response, environ, request.uid_conflict)
        start_response(captured["status"], captured["headers"])
        return body

    def _read_body(self, environ, what):
        """The request body, put back for Radicale; or (status, reason) to answer at once."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 400, "Content-Length is not a number"
        limit = self.gateway.max_card_bytes
        if length > limit:
            return 413, f"the {what} is {length:,} bytes; this gateway takes at most {limit:,} bytes"
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))   # a body cut short: what was sent
        return body

    def _read_xml(self, environ, method, request):
        """Check a DAV request's XML body before Radicale reads it: Radicale answers 500 to a
        DTD (defusedxml refuses entities with an error it does not catch) and to a body
        whose root element is not the method's; (status, reason) or None to go on."""
        body = self._read_body(environ, "request body")
        if isinstance(body, tuple):
            return body
        if not body.strip():
            return None   # PROPFIND without a body: allprop
        problem = _check_xml(body, XML_ROOTS[method])
        if problem is not None:
            return problem
        if method == "REPORT":
            request.card_version = _asked_version(body)
        return None

    def _read_put(self, environ, request):
        """Read a PUT body; (status, reason) to answer at once, or None to go on."""
        body = self._read_body(environ, "card")
        if isinstance(body, tuple):
            return body
        request.body = body
        parts = [part for part in environ.get("PATH_INFO", "").split("/") if part]
        if len(parts) != 3 or parts[1] != BOOK:
            return None   # not a card of the book: Radicale answers (403 or 409)
        try:
            cards.read_card(body.decode("utf-8"))
        except UnicodeDecodeError as exc:
            return 400, f"the card is not UTF-8 text: {exc}"
        except cards.CardError as exc:
            return 400, str(exc)
        return None


def _check_authorization(header):
    """(401, reason) for Basic credentials Radicale cannot read (it answers those with 500:
    base64 it cannot decode, no ':' between user and password), else None."""
    if not header or not header.startswith("Basic"):
        return None
    try:
        decoded = base64.b64decode(header[len("Basic"):].strip().encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return 401, "the Authorization header is not Basic base64(user:password)"
    if b":" not in decoded:
        return 401, "the Authorization header is not Basic base64(user:password): no ':'"
    return None


def _check_xml(body, roots):
    """(status, reason) for an XML body that is not a request of this kind, else None."""
    head = body[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in body.lower():
        return 400, "a DTD or entity declaration in the request body (not taken)"
    parser = ET.XMLPullParser(events=("start", "end"))
    depth, root = 0, None
    try:
        parser.feed(body)
        parser.close()
        for event, element in parser.read_events():
            if event == "start":
                depth += 1
                root = element.tag if root is None else root
                if depth > MAX_XML_DEPTH:
                    return 400, f"the request body is nested deeper than {MAX_XML_DEPTH} elements"
            else:
                depth -= 1
    except ET.ParseError as exc:
        return 400, f"the request body is not well-formed XML: {exc}"
    if root not in roots:
        # RFC 3253 3.6: a REPORT not supported is 403 (DAV:supported-report)
        return (403 if "{DAV:}sync-collection" in roots else 400,
                f"the request body's root element {root} is not one of {', '.join(sorted(roots))}")
    return None


def _asked_version(body):
    """The vCard version a REPORT's ``address-data`` asks (RFC 6352 10.4: DAVx5 asks 4.0 once
    supported-address-data lists it), or None for the default; Radicale ignores the attribute."""
    for element in ET.fromstring(body).iter("{urn:ietf:params:xml:ns:carddav}address-data"):
        version = element.get("version")
        if version in cards.VERSIONS and element.get("content-type", "text/vcard") == "text/vcard":
            return version
    return None


def _answer(start_response, status, reason):
    body = (reason.rstrip() + "\n").encode("utf-8")
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    if status == 503:
        headers.append(("Retry-After", RETRY_AFTER))
    if status == 401:
        headers.append(("WWW-Authenticate", 'Basic realm="Contacts", charset="UTF-8"'))
    start_response(f"{status} {http_status.responses.get(status, 'Error')}", headers)
    return [body]


def _uid_conflict(start_response, environ, name):
    """409 with CARDDAV:no-uid-conflict and the href of the card that has the UID (RFC 6352
    6.3.2.1: Radicale sends the precondition without it)."""
    user = [part for part in environ.get("PATH_INFO", "").split("/") if part][0]
    href = f"{environ.get('SCRIPT_NAME', '').rstrip('/')}/{user}/{BOOK}/{name}"
    error = ET.Element(xmlutils.make_clark("D:error"))
    conflict = ET.SubElement(error, xmlutils.make_clark("CR:no-uid-conflict"))
    ET.SubElement(conflict, xmlutils.make_clark("D:href")).text = xmlutils.make_href("", href)
    body = ET.tostring(error, encoding="utf-8", xml_declaration=True)
    start_response("409 Conflict", [("Content-Type", "text/xml; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


# -- supported-address-data (RFC 6352 6.2.2): Radicale does not serve it -------------------------
_SUPPORTED = xmlutils.make_clark("CR:supported-address-data")
_PROPSTAT, _PROP, _STATUS = (xmlutils.make_clark(f"D:{tag}") for tag in ("propstat", "prop", "status"))


def _serve_supported_address_data():
    """Wrap Radicale's PROPFIND response builder once (it is looked up by name at each call)."""
    original = radicale_propfind.xml_propfind_response
    if getattr(original, "adds_supported_address_data", False):
        return

    @functools.wraps(original)
    def response(base_prefix, path, item, props, *args, **kwargs):
        element = original(base_prefix, path, item, props, *args, **kwargs)
        if isinstance(item, Book) and _SUPPORTED in props:
            _move_to_found(element, _supported_address_data())
        return element
    response.adds_supported_address_data = True
    radicale_propfind.xml_propfind_response = response


def _supported_address_data():
    element = ET.Element(_SUPPORTED)
    for version in ("3.0", "4.0"):
        data_type = ET.SubElement(element, xmlutils.make_clark("CR:address-data-type"))
        data_type.set("content-type", "text/vcard")
        data_type.set("version", version)
    return element


def _move_to_found(response, element):
    """Put ``element`` in the response's 200 propstat, instead of Radicale's 404 one."""
    found = None
    for propstat in list(response.iter(_PROPSTAT)):
        prop, status = propstat.find(_PROP), propstat.find(_STATUS)
        if prop is None:
            continue
        for child in list(prop):
            if child.tag == element.tag:
                prop.remove(child)
        if status is not None and " 200 " in (status.text or ""):
            found = prop
        elif not len(prop):
            response.remove(propstat)
    if found is None:
        propstat = ET.SubElement(response, _PROPSTAT)
        found = ET.SubElement(propstat, _PROP)
        ET.SubElement(propstat, _STATUS).text = xmlutils.make_response(200)
    found.append(element)
