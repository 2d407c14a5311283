"""Hostile HTTP requests for the CardDAV gateway, drawn from a seed, and how to send them.

Every request drawn here must be refused: it is malformed XML, a broken, oversized or
invalid card, a path outside the address book, a method the gateway does not serve, a
sync token it never made, a stale If-Match, bad credentials, or headers too large.  So
the verdict is simple: each answer must be a 4xx, none a 5xx or a dropped connection,
and the cluster must hold exactly what it held before (tests/test_fuzz_carddav.py and
bench/fuzz_carddav.py compare every replica's version vector and contacts).

Requests are sent as raw bytes on a socket (not through an HTTP library, which would
refuse or repair most of them) and the connection is half-closed after the request,
so a body shorter than its Content-Length reaches end-of-file instead of waiting.
"""
import base64
import collections
import random
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

BOOK = "/alice/contacts/"
USER, PASSWORD = "alice", "fuzz password"
VALID_XML_PROPFIND = ('<?xml version="1.0"?><propfind xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">'
                      '<prop><getetag/><C:address-data/></prop></propfind>')
SYNC = ('<?xml version="1.0"?><sync-collection xmlns="DAV:"><sync-token>{}</sync-token>'
        '<sync-level>1</sync-level><prop><getetag/></prop></sync-collection>')
TOKEN = "urn:x-replicated-contacts:sync:"


@dataclass
class Request:
    kind: str                  # which family of hostility (the report counts per kind)
    method: str
    path: str
    headers: list = field(default_factory=list)   # (name, value) pairs, sent as given
    body: bytes = b""
    content_length: object = "auto"   # "auto": the body's length; None: no header; else sent as is
    auth: bool = True                 # add the valid Authorization header

    def raw(self):
        lines = [f"{self.method} {self.path} HTTP/1.1", "Host: fuzz", "Connection: close"]
        if self.auth:
            token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            lines.append(f"Authorization: Basic {token}")
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.content_length == "auto":
            lines.append(f"Content-Length: {len(self.body)}")
        elif self.content_length is not None:
            lines.append(f"Content-Length: {self.content_length}")
        head = "\r\n".join(lines) + "\r\n\r\n"
        return head.encode("utf-8", "surrogateescape") + self.body


def valid_card(uid, name="Fuzz Person", extra=""):
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:Person;Fuzz;;;\r\n"
            f"EMAIL:fuzz@example.org\r\n{extra}END:VCARD\r\n")


class Generator:
    """``next(rng)`` -> one hostile Request; ``existing`` maps card hrefs that exist in the
    cluster to their cards' text (for the stale If-Match and wrong-method cases)."""

    def __init__(self, existing, max_card_bytes=2 * 1024 * 1024):
        self.existing = dict(existing)
        self.max_card_bytes = max_card_bytes
        self.kinds = [(name[len("_"):], getattr(self, name)) for name in sorted(dir(self))
                      if name.startswith("_k_")]
        self.counter = 0

    def fresh_name(self, rng):
        # never reused: a PUT to a name once deleted would restore that contact
        self.counter += 1
        return f"fz{rng.randrange(10 ** 9)}x{self.counter}.vcf"

    def next(self, rng):
        kind, make = rng.choice(self.kinds)
        request = make(rng)
        request.kind = kind[2:]
        return request

    # -- malformed XML on every DAV method that reads a body --------------------------------
    def _k_xml(self, rng):
        method = rng.choice(["PROPFIND", "REPORT", "PROPPATCH"])
        path = rng.choice([BOOK, "/alice/", "/", BOOK + next(iter(self.existing), "x.vcf")])
        good = VALID_XML_PROPFIND if method != "REPORT" else SYNC.format("")
        body = rng.choice([
            lambda: good[:rng.randrange(5, len(good) - 5)],                         # truncated
            lambda: good.replace("</prop>", "", 1),                                  # unclosed
            lambda: "<" * rng.randrange(1, 5000),
            lambda: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;'
                    '&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
                    '&lol2;&lol2;&lol2;&lol2;">]><propfind xmlns="DAV:"><prop>&lol3;</prop></propfind>',
            lambda: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    '<propfind xmlns="DAV:"><prop>&e;</prop></propfind>',
            lambda: "<a>" * rng.randrange(1000, 50_000),                              # deep nesting
            lambda: "<propfind xmlns='DAV:'>" + "<prop>" * 20_000 + "</prop>" * 20_000 + "</propfind>",
            lambda: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))),   # noise
            lambda: good.encode("utf-16"),
            lambda: good.replace('xmlns="DAV:"', 'xmlns="urn:nowhere"'),              # wrong namespace
            lambda: '<?xml version="1.0"?><foo xmlns="DAV:"/>',                       # wrong root
            lambda: good.replace("<prop>", "<prop>\x00\x01"),
            lambda: good + "<trailing/>",
        ])()
        if method == "PROPPATCH" and rng.random() < 0.5:
            # a well-formed PROPPATCH: clients may not set the book's properties either
            body = ('<?xml version="1.0"?><propertyupdate xmlns="DAV:"><set><prop><displayname>'
                    + "x" * rng.randrange(1, 200) + "</displayname></prop></set></propertyupdate>")
            path = rng.choice([BOOK, "/alice/", "/"])
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = [("Content-Type", "application/xml"), ("Depth", rng.choice(["0", "1", "infinity"]))]
        return Request("", method, path, headers, body)

    # -- broken, huge or refused vCards ------------------------------------------------------
    def _k_card(self, rng):
        name = self.fresh_name(rng)
        uid = name[:-4]
        good = valid_card(uid)
        length = "auto"
        choice = rng.randrange(14)
        if choice == 0:
            body = good.replace("END:VCARD\r\n", "")
        elif choice == 1:
            body = good.replace("BEGIN:VCARD\r\n", "")
        elif choice == 2:
            body = good + valid_card(uid + "b")                     # two cards in one body
        elif choice == 3:
            body = good.encode("utf-8").replace(b"Fuzz Person", b"Fuzz \xff\xfe Person")   # not UTF-8
        elif choice == 4:
            body = ""
        elif choice == 5:
            body = "x" * (self.max_card_bytes + 1)                   # over the limit: 413
        elif choice == 6:
            body, length = good, self.max_card_bytes * 50             # a lying Content-Length: 413
        elif choice == 7:
            body, length = good, rng.choice(["abc", "1e3", "0x10", " ", "99999999999999999999999"])
        elif choice == 8:
            body = valid_card(uid, name="N" * rng.randrange(201, 5000))   # name over MAX_NAME
        elif choice == 9:
            body = valid_card(uid, extra="EMAIL:fuzz@example.org\r\n" * rng.randrange(21, 200))  # > 20 emails
        elif choice == 10:
            body = valid_card(uid, extra="PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * 1_500_000 + "\r\n")  # photo > 1 MB
        elif choice == 11:
            body = valid_card(uid, extra="NOTE:" + "n" * 10_001 + "\r\n")   # notes over MAX_NOTES
        elif choice == 12:
            body = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
        else:
            body = "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(
                rng.choice(["FN", "N", "EMAIL", ":", ";", "=", "\r\n", "BEGIN:VCARD\r\n", "END:VCARD\r\n", "x"])
                for _ in range(rng.randrange(1, 60))) + "BEGIN:VCARD\r\n"   # nested and unterminated
        if isinstance(body, str):
            body = body.encode("utf-8")
        return Request("", "PUT", BOOK + name, [("Content-Type", "text/vcard; charset=utf-8")], body, length)

    # -- paths that leave the book ---------------------------------------------------------
    def _k_traversal(self, rng):
        target = rng.choice(["etc/passwd", "x.vcf", "alice", "root/.ssh/id_rsa"])
        path = rng.choice([
            BOOK + "../../" + target, BOOK + "../../../../../" + target,
            BOOK + "%2e%2e/%2e%2e/" + target, BOOK + "..%2f..%2f" + target,
            BOOK + "..\\..\\" + target, "/" + target, "//" + target,
            BOOK + "sub/dir/" + self.fresh_name(rng), BOOK + "%00" + target,
            "/alice/contacts/../../../" + self.fresh_name(rng), "/alice/other/" + self.fresh_name(rng),
            "/%2e%2e/%2e%2e/" + target, BOOK + "." * rng.randrange(3, 50) + "/" + target,
            "/" + "a/" * rng.randrange(3, 400) + target, BOOK + "x" * rng.randrange(256, 3000) + ".vcf",
        ])
        method = rng.choice(["GET", "PUT", "DELETE", "MOVE", "MKCOL"])
        body = valid_card("fz-traversal").encode() if method == "PUT" else b""
        headers = [("Destination", "http://fuzz" + BOOK + self.fresh_name(rng))] if method == "MOVE" else []
        return Request("", method, path, headers, body)

    # -- methods the gateway does not serve, or not on this resource -------------------------
    def _k_method(self, rng):
        existing = rng.choice(list(self.existing) or ["x.vcf"])
        return rng.choice([
            lambda: Request("", rng.choice(["FOO", "POST", "PATCH", "TRACE", "CONNECT", "LOCK", "UNLOCK",
                                            "SEARCH", "BIND", "X" * rng.randrange(1, 300)]),
                            rng.choice([BOOK, BOOK + existing, "/"])),
            lambda: Request("", "MOVE", BOOK + existing,
                            [("Destination", "http://fuzz" + BOOK + self.fresh_name(rng))]),
            lambda: Request("", "COPY", BOOK + existing,
                            [("Destination", "http://fuzz" + BOOK + self.fresh_name(rng))]),
            lambda: Request("", "MKCOL", "/alice/" + self.fresh_name(rng)[:-4] + "/"),
            lambda: Request("", "MKCALENDAR", "/alice/" + self.fresh_name(rng)[:-4] + "/"),
            lambda: Request("", "DELETE", rng.choice([BOOK, "/alice/", "/"])),
            lambda: Request("", "PUT", BOOK, [("Content-Type", "text/vcard")], valid_card("fz-book").encode()),
            lambda: Request("", "PUT", "/alice/", [("Content-Type", "text/vcard")], valid_card("fz-p").encode()),
            lambda: Request("", "GET", BOOK + self.fresh_name(rng)),          # no such card: 404
            lambda: Request("", "DELETE", BOOK + self.fresh_name(rng)),       # no such card: 404
        ])()

    # -- sync tokens this gateway never made ----------------------------------------------
    def _k_sync_token(self, rng):
        token = rng.choice([
            lambda: "http://example.org/sync/" + str(rng.randrange(10 ** 6)),
            lambda: TOKEN + "".join(rng.choice("0123456789-.x") for _ in range(rng.randrange(1, 40))),
            lambda: TOKEN + f"{rng.randrange(1, 9)}-{10 ** rng.randrange(6, 40)}",   # a future vector
            lambda: TOKEN + f"{rng.randrange(10, 10 ** 6)}-{rng.randrange(1, 100)}",  # an unknown origin
            lambda: TOKEN + "1-1.1-2",
            lambda: TOKEN + "-1-5",
            lambda: TOKEN + ".".join(f"{i}-1" for i in range(1, rng.randrange(1002, 1500))),
            lambda: TOKEN + "１-１",                                                   # non-ASCII digits
            lambda: "x" * rng.randrange(1, 100_000),
            lambda: "<![CDATA[" + TOKEN + "0]]>x",
        ])()
        # rule out a token that happens to name a vector the cluster holds: it would be valid
        body = SYNC.format(token.replace("&", "&amp;").replace("<", "&lt;") if not token.startswith("<!")
                           else token).encode()
        return Request("", "REPORT", BOOK, [("Content-Type", "application/xml"), ("Depth", "0")], body)

    # -- stale or forged If-Match / If-None-Match -----------------------------------------
    def _k_if_match(self, rng):
        bad = rng.choice(['"bogus"', 'W/"x"', '"' + "0" * 64 + '"', '""', '"' + "e" * 5000 + '"',
                          '"1:2:3", "4:5:6"', "no quotes", '"\u00e9"'])
        if self.existing and rng.random() < 0.8:
            href, text = rng.choice(sorted(self.existing.items()))
            if rng.random() < 0.5:
                return Request("", "DELETE", BOOK + href, [("If-Match", bad)])
            edited = text if rng.random() < 0.3 else text.replace("END:VCARD", "NOTE:fuzz edit\r\nEND:VCARD")
            if rng.random() < 0.2:
                return Request("", "PUT", BOOK + href, [("If-None-Match", "*"), ("Content-Type", "text/vcard")],
                               edited.encode())
            return Request("", "PUT", BOOK + href, [("If-Match", bad), ("Content-Type", "text/vcard")],
                           edited.encode())
        name = self.fresh_name(rng)   # If-Match on a card that does not exist: 412
        return Request("", "PUT", BOOK + name, [("If-Match", bad), ("Content-Type", "text/vcard")],
                       valid_card(name[:-4]).encode())

    # -- bad credentials on a request that would otherwise write -------------------------
    def _k_auth(self, rng):
        name = self.fresh_name(rng)
        header = rng.choice([
            None,
            "Basic " + base64.b64encode(f"{USER}:wrong".encode()).decode(),
            "Basic " + base64.b64encode(f"mallory:{PASSWORD}".encode()).decode(),
            "Basic " + base64.b64encode(b"no colon at all").decode(),
            "Basic !!!not base64!!!", "Basic ", "Bearer abc.def.ghi", "Digest username=alice",
            "Basic " + base64.b64encode("alice\u00e9:\u00ff".encode("latin-1")).decode(),
            "Basic " + base64.b64encode(b"\xff\xfe:\x00").decode(),
            "Basic " + base64.b64encode(f"{USER}:{PASSWORD}x".encode()).decode(),
        ])
        headers = [("Content-Type", "text/vcard")]
        if header is not None:
            headers.append(("Authorization", header))
        return Request("", "PUT", BOOK + name, headers, valid_card(name[:-4]).encode(), auth=False)

    # -- headers too large for the server ------------------------------------------------
    def _k_huge_header(self, rng):
        name = self.fresh_name(rng)
        body = valid_card(name[:-4]).encode()
        choice = rng.randrange(4)
        if choice == 0:
            headers = [("X-Big", "h" * rng.randrange(66_000, 200_000))]          # one line too long
        elif choice == 1:
            headers = [(f"X-H{i}", "v") for i in range(rng.randrange(101, 400))]  # too many headers
        elif choice == 2:
            return Request("", "PUT", BOOK + name + "?" + "q" * rng.randrange(66_000, 150_000),
                           [("Content-Type", "text/vcard")], body)                # request line too long
        else:
            headers = [("Content-Type", "text/vcard"), ("If-Match", '"' + "m" * rng.randrange(66_000, 100_000) + '"')]
        return Request("", "PUT", BOOK + name, headers, body)


def send(host, port, request, timeout=60):
    """Send one request; its status code, or None when the connection ended without one."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        try:
            sock.sendall(request.raw())
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass   # the server may answer (431, 413) and close before the whole request is sent
        data = b""
        while b"\r\n" not in data:
            try:
                chunk = sock.recv(4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    line = data.split(b"\r\n", 1)[0].split()
    if len(line) >= 2 and line[0].startswith(b"HTTP/") and line[1].isdigit():
        return int(line[1])
    return None


@dataclass
class Report:
    sent: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)   # (kind, status) -> n
    bad: list = field(default_factory=list)     # (index, kind, method, path, status, headers, body)

    @property
    def ok(self):
        return not self.bad

    def per_kind(self):
        kinds = collections.defaultdict(collections.Counter)
        for (kind, status), n in self.statuses.items():
            kinds[kind][status] += n
        return kinds


def run(host, port, count, seed, existing, workers=8, max_card_bytes=2 * 1024 * 1024):
    """Send ``count`` hostile requests drawn from ``seed``; a Report (bad: anything not 4xx)."""
    rng = random.Random(seed)
    generator = Generator(existing, max_card_bytes)
    requests = [generator.next(rng) for _ in range(count)]   # drawn up front: same seed, same requests
    report, lock = Report(), threading.Lock()

    def one(index):
        request = requests[index]
        try:
            status = send(host, port, request)
        except OSError:
            status = None
        with lock:
            report.sent += 1
            report.statuses[(request.kind, status)] += 1
            if status is None or not 400 <= status < 500:
                report.bad.append((index, request.kind, request.method[:20], request.path[:120], status,
                                   repr(request.headers)[:200], request.body[:200]))

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(count)))
    report.bad.sort()
    return report


def cluster_state(cluster, replica_ids):
    """What each replica holds: its version vector, its contacts and its trash."""
    state = {}
    for replica_id in replica_ids:
        with cluster.proxy(replica_id, timeout=30) as proxy:
            state[replica_id] = (proxy.version_vector(),
                                 sorted(map(repr, proxy.list_contacts())),
                                 sorted(map(repr, proxy.list_deleted())))
    return state


def start_gateway(cluster, replica_id=1, max_card_bytes=None):
    """A gateway on ``cluster`` in front of ``replica_id``, with HTTP Basic (one user,
    USER/PASSWORD; bcrypt at its lowest cost, so that 10,000 logins take seconds).
    Returns (process, host, port)."""
    import bcrypt
    htpasswd = cluster.base_dir / "fuzz.htpasswd"
    cluster.base_dir.mkdir(parents=True, exist_ok=True)
    digest = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    htpasswd.write_text(f"{USER}:{digest}\n")
    # --timeout 1: a forged sync token costs the gateway the replica's bounded wait (4 calls)
    extra = ["--replica", cluster.uri(replica_id), "--htpasswd", str(htpasswd), "--timeout", "1"]
    if max_card_bytes:
        extra += ["--max-card-size", str(max_card_bytes)]
    process, url = cluster.start_gateway(*extra, name="carddav-fuzz")
    host, port = url.split("//", 1)[1].rstrip("/").rsplit(":", 1)
    return process, host, int(port)


def seed_cards(cluster, host, port, count=5, replica_ids=(1, 2, 3)):
    """Put ``count`` cards through the gateway (real PUTs) and wait until every replica holds
    them; returns {href: card text as served} for the generator's stale-If-Match cases."""
    import requests
    from ..cluster import wait_until
    auth, base = (USER, PASSWORD), f"http://{host}:{port}{BOOK}"
    for i in range(count):
        answer = requests.put(base + f"seed{i}.vcf", data=valid_card(f"seed{i}", f"Seed Person {i}").encode(),
                              headers={"Content-Type": "text/vcard"}, auth=auth, timeout=30)
        answer.raise_for_status()

    def everywhere():
        state = cluster_state(cluster, replica_ids)
        return len({repr(contacts) for _, contacts, _ in state.values()}) == 1
    wait_until(everywhere, 30, interval=0.2, what="the seed cards on every replica")
    return {f"seed{i}.vcf": requests.get(base + f"seed{i}.vcf", auth=auth, timeout=30).text for i in range(count)}


def gateway_answers(host, port):
    """Does the gateway still serve a well-formed request (a PROPFIND of the book: 207)?"""
    request = Request("check", "PROPFIND", BOOK, [("Depth", "0"), ("Content-Type", "application/xml")],
                      VALID_XML_PROPFIND.encode())
    return send(host, port, request) == 207
