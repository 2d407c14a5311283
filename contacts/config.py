"""One settings object for replicas and clients, with environment overrides.

Every setting can be overridden by an environment variable ``CONTACTS_<NAME>``
(for example ``CONTACTS_PING_INTERVAL=0.5``); the replica's command-line flags
override both.  Pyro5's own settings (``PYRO_NS_HOST``, ``PYRO_NS_PORT`` ...) are
left to Pyro5.
"""
import argparse
import dataclasses
import os
import re
from pathlib import Path

from .protocol import MAX_BATCH

ACK_MODES = ("local", "peer")


@dataclasses.dataclass
class Settings:
    #: seconds between liveness pings to each peer
    ping_interval: float = 1.0
    #: a peer is marked down after this many pings in a row went unanswered
    missed_pings: int = 3
    #: seconds between anti-entropy rounds with each live peer (repairs lost pushes)
    anti_entropy_interval: float = 10.0
    #: seconds between name-server re-registration and peer look-ups
    registration_interval: float = 5.0
    #: a peer down this long and no longer registered (a SIGTERM unregisters: it was retired)
    #: is forgotten; if it ever comes back, its pings or registration make it known again
    forget_after: float = 86400.0
    #: timeout of every call from a replica to a peer or to the name server
    peer_timeout: float = 3.0
    #: "local": a write is acknowledged once fsynced on the receiving replica;
    #: "peer": the acknowledgement also waits (up to ack_timeout) for a peer to hold it
    ack_mode: str = "local"
    #: how long a "peer" acknowledgement waits for a peer before answering anyway
    ack_timeout: float = 2.0
    #: with ack_mode "local": seconds a peer link waits after a local write before pushing,
    #: so writes made one after another share a push (0 pushes at once; adds this much lag).
    #: 10 ms: more writes from one client than 2 ms, lag still well inside its goal
    #: (docs/benchmarks.md, "Batches"); it is also how long a fresh write may sit on one replica only
    push_delay: float = 0.01
    #: most updates sent in one replication call
    batch_size: int = 500
    #: region used to read a phone number typed without a country code (an ISO code:
    #: BR, GB ...); unset: the locale's country (LC_ALL / LC_PHONE / LANG, e.g. pt_BR -> BR),
    #: else none: such numbers are kept as typed with no E.164 form (never a guessed US)
    default_region: str = ""
    #: how far (in Lamport counter units) an incoming stamp may lead this replica's clock
    max_clock_lead: int = 1_000_000_000
    #: seconds a new replica waits at start-up to learn from peers before serving writes
    startup_sync_timeout: float = 5.0

    @classmethod
    def from_env(cls, environ=None, **overrides):
        environ = os.environ if environ is None else environ
        values = {}
        for field in dataclasses.fields(cls):
            raw = environ.get("CONTACTS_" + field.name.upper())
            if raw is not None:
                values[field.name] = type(field.default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if not str(values.get("default_region", "")).strip():
            values["default_region"] = locale_region(environ)
        settings = cls(**values)
        settings.check()
        return settings

    def check(self):
        if self.ack_mode not in ACK_MODES:
            raise ValueError(f"ack_mode must be one of {ACK_MODES}, not {self.ack_mode!r}")
        for name in ("ping_interval", "anti_entropy_interval", "registration_interval",
                     "peer_timeout", "ack_timeout", "forget_after"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if not 0 <= self.push_delay <= 1:
            raise ValueError("push_delay must be between 0 and 1 second")
        if self.missed_pings < 1 or self.batch_size < 1:
            raise ValueError("missed_pings and batch_size must be at least 1")
        if self.batch_size > MAX_BATCH:
            # peers would refuse every push and pull: replication would stop
            raise ValueError(f"batch_size must be at most {MAX_BATCH}, the most a replica takes in one call")
        # phonenumbers only knows upper-case regions: "br" would silently reject every
        # number typed without +country, so normalise it and refuse unknown ones here
        import phonenumbers
        self.default_region = str(self.default_region).strip().upper()
        if not self.default_region:
            self.default_region = locale_region()
        elif self.default_region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"default_region must be an ISO country code phonenumbers knows "
                             f"(US, BR, GB ...), not {self.default_region!r}")


def locale_region(environ=None):
    """The country of the user's locale (``pt_BR.UTF-8`` -> "BR"), or "" (C/POSIX, none, unknown)."""
    import phonenumbers
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_PHONE", "LC_TELEPHONE", "LANG"):
        value = environ.get(name)
        if value:
            match = re.match(r"[A-Za-z]{2,3}_([A-Za-z]{2})\b", value)
            region = match.group(1).upper() if match else ""
            return region if region in phonenumbers.SUPPORTED_REGIONS else ""
    return ""


def default_data_dir(replica_id):
    """Per-user data directory of replica N (XDG_DATA_HOME respected)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "contacts" / f"replica-{replica_id}"


def name_server_address():
    """(host, port) of the name server, from Pyro5's own config / environment."""
    from Pyro5.api import config
    # the environment first (it may have changed since Pyro5 read it at import), then
    # Pyro5's config (a script may set config.NS_HOST in-process); Pyro5's own default
    # "localhost" may resolve to ::1 while nameserver.sh binds 127.0.0.1
    host = os.environ.get("PYRO_NS_HOST") or config.NS_HOST
    host = "127.0.0.1" if host == "localhost" else host
    port = int(os.environ.get("PYRO_NS_PORT") or config.NS_PORT)
    return host, port


def name_server_option(text):
    """``--ns HOST:PORT`` (either part may be left out) -> (host or None, port or None);
    an argparse ``type=``, so a bad value is a usage error that names it."""
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = text, ""
    try:
        return host or None, int(port) if port else None
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not HOST:PORT") from None
