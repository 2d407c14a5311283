"""The wire contract between replicas and clients: every limit of a call, the shapes of
an update and of a request id, the serializers, and how errors cross Pyro5.

Limits (a longer request or answer is refused with a ValidationError saying so):

- MAX_ANSWER contacts in one list_contacts / list_deleted / search answer;
- MAX_BATCH updates in one apply_updates call or fetch_updates page, MAX_PAGE states in
  one fetch_snapshot page, DEFAULT_PAGE when the caller gives no limit;
- MAX_REQUEST_ID characters of a request id; MAX_ID_PREFIX hex digits of an id prefix;
- pyro_settings.MAX_MESSAGE_SIZE bytes in one Pyro5 message.

Errors: replicas call :func:`send_errors_as_builtins` once: every :class:`ContactsError`
is serialized as its built-in base type (so any Pyro5 client can rebuild it) with
an ``error_type`` attribute naming the precise class.  Clients of this package call
:func:`receive_precise_errors` to get the precise class back.

Serializers: a replica answers each caller in the caller's serializer; it decodes serpent
(Pyro5's default, what a bare REPL proxy speaks), json and msgpack, never marshal (pyro_settings.harden_server_serializers).  ContactsClient
speaks json, peer links msgpack (json with a replica that does not take it).
"""
from Pyro5.api import SerializerBase

from . import errors
from .errors import ValidationError, WrongTypeError
from .model import check_unicode

#: the keys of one replication update: (origin, seq) names it, counter is its Lamport
#: counter, changes the registers it sets, request_id the client request it answered
UPDATE_KEYS = {"origin", "seq", "counter", "contact_id", "changes", "request_id"}
#: a client's request id (makes a retried write idempotent), at most this many characters
MAX_REQUEST_ID = 128


def check_request_id(request_id):
    if request_id is None:
        return None
    if not isinstance(request_id, str):
        raise WrongTypeError("request_id", f"must be a string, not {type(request_id).__name__}")
    if not request_id or len(request_id) > MAX_REQUEST_ID:
        raise ValidationError("request_id", f"must be 1-{MAX_REQUEST_ID} characters")
    return check_unicode("request_id", request_id)


#: most updates a replica takes in one replication call (apply_updates, fetch_updates): peers
#: send batch_size (500), so batch_size may not exceed it.  A caller may send more, but
#: serpent (Pyro5's default) parses a message through Python's AST, so a replica's memory
#: grows with the batch it decodes; this bound keeps it within the memory goal
#: (docs/benchmarks.md, "Batches")
MAX_BATCH = 1000
#: most contacts one list_contacts / list_deleted / search answer carries.  A bare proxy
#: speaks serpent, whose encoding memory and time grow with every contact of the answer:
#: a whole big book in one answer stalls the replica and breaks its memory bound
#: (docs/benchmarks.md, "Memory"). ContactsClient.list_contacts() pages past it by itself.
MAX_ANSWER = 10_000
#: what ContactsClient speaks: contacts are plain dicts, lists, strings and ints; json
#: decodes them much faster than serpent (docs/benchmarks.md, "Paging")
CLIENT_SERIALIZER = "json"
#: what peer links speak: msgpack encodes and decodes a batch of updates ~5x faster than
#: json (docs/benchmarks.md, "Serializers between replicas").  Replicas decode it as plain
#: msgpack only (pyro_settings.harden_server_serializers).  A link speaks
#: PEER_FIRST_SERIALIZER until the peer's ping lists PEER_SERIALIZER in ``serializers``:
#: an older replica (no msgpack, no such key) closes the connection on a msgpack message,
#: which would look like a peer that is down
PEER_SERIALIZER = "msgpack"
PEER_FIRST_SERIALIZER = "json"
#: what a replica's ping() says it decodes (the order is no preference)
SERVED_SERIALIZERS = ("serpent", "json", "msgpack")
#: most states in one fetch_snapshot page (a full copy)
MAX_PAGE = 5000
#: the page fetch_updates and fetch_snapshot send when the caller gives no limit (None):
#: a peer's batch_size; never "everything", which had no bound at all
DEFAULT_PAGE = 500
#: offsets and sequence numbers beyond SQLite's integer are refused, not overflowed
MAX_SQL_INT = 2 ** 63 - 1
#: longest name in an after_key cursor (names are at most 200 characters; slack for any folding)
MAX_KEY_NAME = 1000
#: find_by_id_prefix: a prefix is lowercase hex (the ids this code makes), at most MAX_ID_PREFIX
#: long; it answers ID_PREFIX_LIMIT contacts unless asked, never more than MAX_ID_PREFIX_LIMIT
MAX_ID_PREFIX = 64
ID_PREFIX_LIMIT = 10
MAX_ID_PREFIX_LIMIT = 100
#: how long a read that must reflect a client's earlier writes waits for this replica to catch up
READ_AFTER_TIMEOUT = 3.0

_installed = {"send": False, "receive": False}


def _error_to_dict(exc):
    attributes = {k: v for k, v in vars(exc).items() if not k.startswith("_pyro")}
    attributes["error_type"] = type(exc).__name__
    return {
        "__class__": "builtins." + type(exc).wire_base.__name__,
        "__exception__": True,
        "args": exc.args,
        "attributes": attributes,
    }


def send_errors_as_builtins():
    if _installed["send"]:
        return
    for cls in errors.ALL_ERRORS.values():
        SerializerBase.register_class_to_dict(cls, _error_to_dict)
    _installed["send"] = True


def _dict_to_error(classname, data):
    attributes = dict(data.get("attributes") or {})
    # error_type stays on the exception either way: code that inspects it works the
    # same whether or not this process asked for precise classes
    precise = errors.ALL_ERRORS.get(attributes.get("error_type"))
    if precise is None:
        import builtins
        exc = getattr(builtins, classname.split(".", 1)[1])(*data["args"])
    else:
        exc = precise.__new__(precise)
        Exception.__init__(exc, *data["args"])
    for key, value in attributes.items():
        setattr(exc, key, value)
    return exc


def receive_precise_errors():
    if _installed["receive"]:
        return
    names = {"builtins." + cls.wire_base.__name__ for cls in errors.ALL_ERRORS.values()}
    for name in names:
        SerializerBase.register_dict_to_class(name, _dict_to_error)
    _installed["receive"] = True
