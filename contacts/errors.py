"""One exception hierarchy for the whole project.

Every error a replica raises on purpose derives from :class:`ContactsError` *and*
from a built-in exception type (``ValueError``, ``LookupError`` ...).  Pyro5 can
only rebuild built-in exception types on a client that registered nothing, so
:mod:`contacts.protocol` sends these errors as their built-in base: a bare
``Pyro5.api.Proxy`` in a REPL receives a ``ValueError`` with the full message,
and :class:`contacts.client.ContactsClient` turns it back into the precise class.
"""


class ContactsError(Exception):
    """Base of every deliberate error of this project."""

    #: the built-in type a bare Pyro5 client receives instead of this class
    wire_base = Exception


class ValidationError(ContactsError, ValueError):
    """Bad input: the message names the field and what is wrong with it."""

    wire_base = ValueError

    def __init__(self, field, message):
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class WrongTypeError(ContactsError, TypeError):
    """An argument of the wrong type (for example a list where a dict belongs)."""

    wire_base = TypeError

    def __init__(self, field, message):
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class ContactNotFound(ContactsError, LookupError):
    """No live contact has this id (it never existed, or it was deleted)."""

    wire_base = LookupError

    def __init__(self, contact_id):
        self.contact_id = contact_id
        super().__init__(f"no contact with id {contact_id!r}")


class StampError(ValidationError):
    """A replication update whose Lamport stamp or sequence number is forged or absurd."""


class NotReplicaError(ContactsError, PermissionError):
    """A replica-only method was called by something that is not a replica."""

    wire_base = PermissionError


class UnavailableError(ContactsError, ConnectionError):
    """The call cannot be served now: by this replica (still starting, or it has not caught
    up with the `after` vector in time) or, raised by the client, by any replica."""

    wire_base = ConnectionError


class StorageError(ContactsError, RuntimeError):
    """The replica's disk refused a write's commit: nothing of that write was kept."""

    wire_base = RuntimeError


class StaleWriteError(ContactsError, ValueError):
    """A conditional write (``if_stamp=``) found the contact changed since the caller read it:
    nothing was written; read the contact again and redo the change on what it is now."""

    wire_base = ValueError

    def __init__(self, contact_id, expected, current):
        self.contact_id = contact_id
        self.expected = expected
        self.current = current
        now = f"its stamp is now {current!r}" if current else "it was deleted meanwhile"
        super().__init__(f"contact {contact_id!r} changed since stamp {expected!r} was read ({now}); "
                         f"nothing was written: read it again")


class HistoryTruncated(ContactsError, LookupError):
    """``changes_since`` was asked for changes older than the update record still holds (it
    was compacted, or filled from a full copy): list every contact instead."""

    wire_base = LookupError


class StartupError(ContactsError, RuntimeError):
    """A replica cannot start: name server unreachable, data dir unusable ..."""

    wire_base = RuntimeError


ALL_ERRORS = {cls.__name__: cls for cls in (
    ContactsError, ValidationError, WrongTypeError, ContactNotFound, StampError,
    NotReplicaError, UnavailableError, StorageError, StartupError, StaleWriteError, HistoryTruncated)}
