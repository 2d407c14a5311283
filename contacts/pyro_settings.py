"""Pyro5 settings this project relies on, applied once per process.

Only settings the user did not set through Pyro5's own PYRO_* environment
variables are changed.
"""
import os

from Pyro5.api import config

DEFAULTS = {
    # Nagle's algorithm delays small request/response messages: RPC wants it off
    "SOCK_NODELAY": True,
    # every connected proxy holds one server thread; GUIs, CLIs and peers add up
    "THREADPOOL_SIZE": 512,
    # how often the request loop checks for a stop request
    "POLLTIMEOUT": 0.5,
    # one contact list never needs 1 GiB messages; a peer batch stays far below this
    "MAX_MESSAGE_SIZE": 64 * 1024 * 1024,
}


def apply():
    for name, value in DEFAULTS.items():
        if "PYRO_" + name not in os.environ:
            setattr(config, name, value)
