"""How this project's errors cross the Pyro5 wire.

Replicas call :func:`send_errors_as_builtins` once: every :class:`ContactsError`
is serialized as its built-in base type (so any Pyro5 client can rebuild it) with
an ``error_type`` attribute naming the precise class.  Clients of this package call
:func:`receive_precise_errors` to get the precise class back.
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
