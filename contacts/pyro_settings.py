"""Pyro5 settings this project relies on, applied once per process.

Only settings the user did not set through Pyro5's own PYRO_* environment
variables are changed.
"""
import os

from Pyro5 import serializers
from Pyro5.api import config
from Pyro5.errors import SerializeError

MAX_MESSAGE_SIZE = 96 * 1024 * 1024

DEFAULTS = {
    # Nagle's algorithm delays small request/response messages: RPC wants it off
    "SOCK_NODELAY": True,
    # every connected proxy holds one server thread; GUIs, CLIs and peers add up
    "THREADPOOL_SIZE": 512,
    # how often the request loop checks for a stop request
    "POLLTIMEOUT": 0.5,
    # Largest message a process sends or accepts (Pyro5's default is 1 GiB).  The largest
    # legitimate one is a replication batch: at most 500 updates (Settings.batch_size) of at
    # most ~130 KiB each on the wire (every field at its length limit, in characters serpent
    # escapes to 10 bytes) = ~63 MiB.  96 MiB leaves room; anything larger is refused on
    # its header, before it is read (tests/test_fuzz_replica.py checks both).
    "MAX_MESSAGE_SIZE": MAX_MESSAGE_SIZE,
}


def apply():
    for name, value in DEFAULTS.items():
        if "PYRO_" + name not in os.environ:
            setattr(config, name, value)


class _RefusedMarshal(serializers.MarshalSerializer):
    """Answers (so the caller learns why) but never decodes a marshal message."""

    def loads(self, data):
        raise SerializeError("this replica does not accept the marshal serializer; use serpent (the default)")

    loadsCall = loads


def _guarded(serializer_class):
    """The serializer, with every decoding failure reported as one clear SerializeError.

    Pyro5 turns dicts with a "__class__" key back into objects while decoding; hostile
    ones fail there with whatever Python raises (TypeError: unhashable type ...), which
    a caller could not tell from a bug in the replica."""

    class Guarded(serializer_class):
        def loads(self, data):
            return self._decode(super().loads, data)

        def loadsCall(self, data):
            return self._decode(super().loadsCall, data)

        @staticmethod
        def _decode(decode, data):
            try:
                return decode(data)
            except SerializeError:
                raise
            except Exception as exc:
                raise SerializeError(f"cannot decode the request ({type(exc).__name__}: {exc})") from None

    Guarded.__name__ = "Guarded" + serializer_class.__name__
    return Guarded


class _PlainMsgpack(serializers.MsgpackSerializer):
    """msgpack carrying only what json carries: Pyro5's extension types (complex, datetime,
    date, integers past 64 bits) are refused, so a peer's update decodes to the same plain
    dicts, lists, strings and numbers whichever of json or msgpack it came in."""

    def ext_hook(self, code, data):
        raise SerializeError(f"this replica takes plain msgpack only (no extension type {code})")


def harden_server_serializers():
    """How a replica decodes requests.

    A Pyro5 server decodes a request with whatever serializer the request names.
    Python's marshal is "not intended to be secure against erroneous or maliciously
    constructed data" (its docs), so replicas refuse it; serpent, json and msgpack (what
    peers speak, contacts.protocol.PEER_SERIALIZER) decode with every failure reported
    as a SerializeError."""
    replacements = {"marshal": _RefusedMarshal(), "msgpack": _guarded(_PlainMsgpack)()}
    for name in ("serpent", "json"):
        replacements[name] = _guarded(type(serializers.serializers[name]))()
    for name, serializer in replacements.items():
        serializers.serializers[name] = serializer
        serializers.serializers_by_id[serializer.serializer_id] = serializer
