"""``python -m contacts.carddav`` (``contacts-carddav``): the command line and the HTTP server.

It finds the cluster like every client (``PYRO_NS_HOST``/``PYRO_NS_PORT``, ``--ns``,
``--replica URI``; with ``CONTACTS_TLS_DIR`` over the cluster's TLS) and serves CardDAV on
``--host 127.0.0.1 --port 5232``.  On any other address than loopback it serves only with
both ``--htpasswd`` (HTTP Basic, bcrypt) and ``--cert``/``--key`` (HTTPS): elsewhere every
contact would travel in the clear to whoever reaches the port.

The server is the standard library's WSGI server with one thread per connection (what
Radicale's own server is); a TLS handshake happens in that thread, so a slow client delays
nobody else.
"""
import argparse
import ipaddress
import logging
import signal
import socket
import socketserver
import ssl
import sys
import wsgiref.simple_server

from .. import __version__
from ..config import name_server_option
from ..errors import ContactsError
from .app import MAX_CARD_BYTES, Gateway, GatewayApp, radicale_configuration
from .storage import BOOK

log = logging.getLogger("contacts.carddav")

DEFAULT_PORT = 5232
#: seconds a connection may stay silent (a client that connects and sends nothing)
CONNECTION_TIMEOUT = 60


def build_parser():
    parser = argparse.ArgumentParser(
        prog="contacts-carddav",
        description="Serve the replicated contact list over CardDAV (RFC 6352, sync-collection RFC 6578): "
                    f"one shared address book at /USER/{BOOK}/, found from the server root. See docs/carddav.md.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to bind (default {DEFAULT_PORT}; 0: a free one, printed)")
    parser.add_argument("--ns", metavar="HOST:PORT", type=name_server_option, default=(None, None),
                        help="Pyro5 name server (default: PYRO_NS_HOST / PYRO_NS_PORT, else 127.0.0.1:9090)")
    parser.add_argument("--replica", metavar="URI", action="append",
                        help="a replica's Pyro5 URI, bypassing the name server (repeatable)")
    parser.add_argument("--timeout", type=float, default=3.0, help="timeout of each call to a replica (default 3)")
    parser.add_argument("--tls-dir", metavar="DIR",
                        help="call the replicas over TLS with the certificates in DIR (default: CONTACTS_TLS_DIR)")
    parser.add_argument("--tls-client", metavar="NAME", help="client certificate client-NAME.crt of the TLS dir")
    parser.add_argument("--htpasswd", metavar="FILE",
                        help="HTTP Basic users, an htpasswd file of bcrypt hashes (htpasswd -B); "
                             "without it any user name is taken")
    parser.add_argument("--cert", metavar="FILE", help="serve HTTPS with this certificate (PEM) ...")
    parser.add_argument("--key", metavar="FILE", help="... and this private key (PEM)")
    parser.add_argument("--name", default="Contacts", help="the address book's display name (default Contacts)")
    parser.add_argument("--max-card-size", type=int, default=MAX_CARD_BYTES, metavar="BYTES",
                        help=f"largest card a client may PUT (default {MAX_CARD_BYTES:,}; larger: 413)")
    parser.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def is_loopback(host):
    """Does ``host`` name only this machine (127.0.0.0/8, ::1, localhost)?"""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def check_exposure(args):
    """Why these arguments must not be served (a message), or None."""
    if bool(args.cert) != bool(args.key):
        return "--cert and --key go together (the certificate and its private key)"
    if not is_loopback(args.host) and not (args.htpasswd and args.cert):
        missing = " and ".join(what for what, given in (("--htpasswd FILE", args.htpasswd),
                                                         ("--cert FILE --key FILE", args.cert)) if not given)
        return (f"refusing to serve on {args.host}, which other machines can reach, without {missing}: "
                "anyone who reaches the port could read and change every contact, and they would travel "
                "in the clear. Give --htpasswd (bcrypt) and --cert/--key, or bind 127.0.0.1 "
                "(behind a TLS proxy that authenticates)")
    return None


def check_htpasswd(path):
    """Refuse an htpasswd file that cannot be read or has other hashes than bcrypt."""
    try:
        with open(path, encoding="utf-8") as stream:
            lines = [line.strip() for line in stream if line.strip() and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        return f"cannot read --htpasswd {path}: {exc}"
    if not lines:
        return f"--htpasswd {path} has no user"
    for number, line in enumerate(lines, 1):
        user, _, digest = line.partition(":")
        if not user or not digest.startswith(("$2a$", "$2b$", "$2y$")):
            return (f"--htpasswd {path}: entry {number} ({user or '?'}) is not a bcrypt hash; "
                    "make it with: htpasswd -B FILE USER")
    return None


class _Handler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, format, *args):   # noqa: A002 (the base class's name)
        log.info("%s %s", self.address_string(), format % args)

    def get_environ(self):
        environ = super().get_environ()
        if isinstance(self.connection, ssl.SSLSocket):
            environ["HTTPS"] = "on"
        return environ


class ThreadingWSGIServer(socketserver.ThreadingMixIn, wsgiref.simple_server.WSGIServer):
    """One thread per connection; TLS (when given) is negotiated in that thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, ssl_context=None):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.ssl_context = ssl_context
        super().__init__(address, _Handler)

    def get_request(self):
        connection, address = super().get_request()
        connection.settimeout(CONNECTION_TIMEOUT)
        if self.ssl_context is not None:
            connection = self.ssl_context.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def finish_request(self, request, client_address):
        if isinstance(request, ssl.SSLSocket):
            try:
                request.do_handshake()
            except (ssl.SSLError, OSError) as exc:
                log.info("TLS handshake with %s failed: %s", client_address[0], exc)
                return
        super().finish_request(request, client_address)

    def handle_error(self, request, client_address):
        log.debug("connection from %s ended: %s", client_address[0], sys.exc_info()[1])


def make_server(gateway, host, port, htpasswd=None, cert=None, key=None):
    ssl_context = None
    if cert:
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.minimum_version = ssl.TLSVersion.TLSv1_2
        ssl_context.load_cert_chain(cert, key)
    server = ThreadingWSGIServer((host, port), ssl_context)
    server.set_app(GatewayApp(gateway, radicale_configuration(gateway, htpasswd)))
    return server


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Radicale logs every request at info: keep it one level quieter than ours
    logging.getLogger("radicale").setLevel(max(logging.getLevelName(args.log_level.upper()), logging.WARNING))
    problem = check_exposure(args) or (check_htpasswd(args.htpasswd) if args.htpasswd else None)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.max_card_size < 1024:
        print("error: --max-card-size must be at least 1024 bytes", file=sys.stderr)
        return 2
    from ..client import ContactsClient
    try:
        client = ContactsClient(*args.ns, uris=args.replica, timeout=args.timeout, tls_dir=args.tls_dir,
                                tls_client=args.tls_client)
    except ContactsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    gateway = Gateway(client, args.name, args.max_card_size)
    try:
        server = make_server(gateway, args.host, args.port, args.htpasswd, args.cert, args.key)
    except (OSError, ssl.SSLError) as exc:
        print(f"error: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop)
    host, port = server.server_address[:2]
    scheme = "https" if args.cert else "http"
    shown = f"[{host}]" if ":" in host else host
    print(f"carddav gateway ready at {scheme}://{shown}:{port}/ (address book: /USER/{BOOK}/)", flush=True)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        client.close()
    return 0
