"""What one request carries between the WSGI layer (app.py) and the storage plugin.

Radicale calls its storage without the request, and answers a storage error with a bare
400 or 500; the gateway needs more: the raw body of a PUT (Radicale hands the storage its
own re-serialization), the If-Match the client sent (for the replica's conditional write),
the contacts already read in this request, and the status and reason to answer instead
(412 stale, 400 with the reason, 503 cluster unreachable).  Radicale serves a request on
one thread from start to end, so a thread-local holds it.
"""
import threading

_local = threading.local()


class RequestContext:
    def __init__(self, environ):
        self.environ = environ
        self.body = None              # raw bytes of a PUT body
        self.contacts = {}            # card name -> contact dict (None: known not to exist)
        self.items = {}               # card name -> its storage item, made once per request
        self.token = None             # the book's sync token, read once per request
        self.ping = None              # the ping answer it was read from (the replica's id)
        self.answer = None            # (status, reason): what to answer instead of Radicale's error
        self.uid_conflict = None      # name of the card that already has the UID of a new card PUT
        self.card_version = None      # vCard version a REPORT's address-data asks (None: the default, 3.0)

    @property
    def if_match(self):
        return self.environ.get("HTTP_IF_MATCH")

    def refuse(self, status, reason):
        """Answer ``status`` with ``reason`` (set before raising the error Radicale catches)."""
        if self.answer is None:
            self.answer = (status, reason)


def begin(environ):
    _local.context = RequestContext(environ)
    return _local.context


def end():
    _local.context = None


def current():
    """This thread's request (an empty one outside a request, e.g. in a test)."""
    context = getattr(_local, "context", None)
    if context is None:
        context = _local.context = RequestContext({})
    return context
