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
  a property Radicale does not serve.
"""
import collections
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


class Gateway:
    """What the storage plugin uses: the cluster client, and how its failures are answered."""

    def __init__(self, client, display_name="Contacts", max_card_bytes=MAX_CARD_BYTES):
        self.client = client
        self.display_name = display_name
        self.max_card_bytes = max_card_bytes
        self._cards = collections.OrderedDict()   # (id, stamp) -> vCard text, least recent first
        self._cards_lock = threading.Lock()
        self.uids = UidIndex()

    def card_text(self, contact, stamp):
        """The vCard of ``contact`` (whose stamp is ``stamp``): written once per state, then
        kept, since every client's first sync asks every card (a photo is fetched once too)."""
        key = (contact["id"], stamp)
        with self._cards_lock:
            text = self._cards.get(key)
            if text is not None:
                self._cards.move_to_end(key)
                return text
        text = cards.card_text(contact, self.photo)
        with self._cards_lock:
            self._cards[key] = text
            while len(self._cards) > CARD_CACHE:
                self._cards.popitem(last=False)
        return text

    def call(self, method, *args, **kwargs):
        """``client.method(...)``; an error the client answers with is also what the HTTP
        request answers (503 unreachable, 412 stale, 400 refused) and is re-raised."""
        try:
            return getattr(self.client, method)(*args, **kwargs)
        except UnavailableError as exc:
            context.current().refuse(503, f"the contact cluster cannot be reached now: {exc}")
            raise
        except StaleWriteError as exc:
            context.current().refuse(412, f"the card changed since it was read (If-Match): {exc}")
            raise
        except (ValidationError, WrongTypeError) as exc:
            context.current().refuse(400, f"the cluster refused this card: {exc}")
            raise

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
        if environ.get("REQUEST_METHOD", "").upper() == "PUT":
            problem = self._read_put(environ, request)
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

    def _read_put(self, environ, request):
        """Read a PUT body; (status, reason) to answer at once, or None to go on."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 400, "Content-Length is not a number"
        limit = self.gateway.max_card_bytes
        if length > limit:
            return 413, f"the card is {length:,} bytes; this gateway takes cards of at most {limit:,} bytes"
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
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


def _answer(start_response, status, reason):
    body = (reason.rstrip() + "\n").encode("utf-8")
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    if status == 503:
        headers.append(("Retry-After", RETRY_AFTER))
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
