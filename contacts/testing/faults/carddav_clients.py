"""CardDAV clients in the chaos run: threads that add, edit and delete cards over HTTP
through gateways (``python -m contacts.carddav``) in front of different replicas, and keep
an incremental view of the whole book with sync-collection (RFC 6578), as a phone does.

Each client owns its cards (``davN-K.vcf``, UID = the contact id), so it is their single
writer and the chaos checker judges them like the other single-writer contacts: a card's
FN, ORG and NOTE are the registers name, organization and notes.  A 2xx is ``ok``, a 4xx a
definite refusal (``failed``), a 5xx, a timeout or a dropped connection ``unknown`` (the
gateway may have written it: 503 is its "no replica could confirm").

At the end, once the cluster has converged, :meth:`DavClient.final_check` syncs from the
client's last token and compares that incremental view with a full listing (empty token):
a card or ETag the token made it miss is a ``missed`` violation.  Then every card of every
client must be in the view as the cluster holds it (``view``).
"""
import random
import re
import sys
import threading
import xml.etree.ElementTree as ET

import requests

from ...cluster import free_port, wait_until
from .checker import Violation
from .history import History

DAV = "{DAV:}"
AUTH = ("chaos", "any password")
PREFIX = "dav"
#: every HTTP call's bound: above the gateway's own (its ContactsClient's budget, 3 x 2 s, and a catch-up wait)
HTTP_TIMEOUT = 20


def start_gateways(cluster, replica_ids, timeout=30):
    """One gateway per replica, on loopback in the root namespace, each told only its own
    replica (it learns the others from it, for failover).  All start at once (each imports
    Radicale: a second or so); returns [url] once every one is ready."""
    started = []
    for replica_id in replica_ids:
        port = free_port("127.0.0.1")
        name = f"carddav-{replica_id}"
        process = cluster._spawn([sys.executable, "-m", "contacts.carddav", "--host", "127.0.0.1",
                                  "--port", str(port), "--replica", cluster.replica_uri(replica_id),
                                  "--timeout", "2"], f"{name}.log")
        url = f"http://127.0.0.1:{port}/"
        cluster.gateways.append((process, url))
        started.append((name, process, cluster.base_dir / f"{name}.log", url))

    def ready():
        for name, process, log, _ in started:
            if process.poll() is not None:
                raise RuntimeError(f"gateway {name} exited with {process.returncode} (log: {log})")
        return all("carddav gateway ready at" in (log.read_text(errors="replace") if log.exists() else "")
                   for _, _, log, _ in started)
    wait_until(ready, timeout, what="the CardDAV gateways")
    return [url for *_, url in started]


def card(uid, writes):
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{writes['name']}\r\n"
            f"ORG:{writes['organization']}\r\nNOTE:{writes['notes']}\r\nEND:VCARD\r\n")


_LINE = re.compile(r"^(FN|ORG|NOTE|UID)(?:;[^:]*)?:(.*)$", re.M)


def read_card(text):
    """{name, organization, notes} of a card as served (unfolded lines)."""
    text = re.sub(r"\r?\n[ \t]", "", text)
    found = {key: value.strip() for key, value in _LINE.findall(text)}
    return {"name": found.get("FN", ""), "organization": found.get("ORG", "").split(";")[0],
            "notes": found.get("NOTE", "").replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")}


class DavClient(threading.Thread):
    def __init__(self, index, history, url, seed, stopping, think=0.05):
        super().__init__(name=f"dav-{index}", daemon=True)
        self.index = index
        self.thread = 100 + index       # its History thread number: apart from the workers'
        self.history = history
        self.url = url
        self.book = url + f"{AUTH[0]}/contacts/"
        self.rng = random.Random(f"{seed}/dav/{index}")
        self.stopping = stopping
        self.think = think
        self.session = requests.Session()
        self.session.auth = AUTH
        self.live = []                  # cards this client added and has not tried to delete
        self.counter = 0
        self.error = None
        self.token = ""                 # the last sync token it got
        self.view = {}                  # href name -> ETag: the book as its syncs built it
        self.cards = {}                 # href name -> {name, organization, notes} of dav cards
        self.syncs = {"incremental": 0, "full": 0, "refused_token": 0, "unanswered": 0}
        self.statuses = {}

    # -- HTTP ----------------------------------------------------------------------------
    def request(self, method, url, body=None, headers=None):
        answer = self.session.request(method, url, data=body.encode() if isinstance(body, str) else body,
                                      headers=headers or {}, timeout=HTTP_TIMEOUT)
        self.statuses[answer.status_code] = self.statuses.get(answer.status_code, 0) + 1
        return answer

    def run(self):
        try:
            while not self.stopping.is_set():
                self.step()
                self.stopping.wait(self.rng.uniform(0, 2 * self.think))
        except Exception as exc:
            self.error = exc
            raise
        finally:
            self.session.close()

    def step(self):
        roll = self.rng.random()
        if len(self.live) < 2 or roll < 0.3:
            self.add()
        elif roll < 0.65:
            self.edit()
        elif roll < 0.75:
            self.delete()
        else:
            self.sync()

    def value(self, contact_id):
        self.counter += 1
        return f"{contact_id} v{self.index}.{self.counter}"

    def new_values(self, contact_id):
        return {"name": self.value(contact_id), "organization": self.value(contact_id),
                "notes": self.value(contact_id)}

    def add(self):
        contact_id = f"{PREFIX}{self.index}-{self.counter + 1}"
        writes = self.new_values(contact_id)
        self.live.append(contact_id)
        self.write("add", contact_id, {**writes, "deleted": False}, "PUT", card(contact_id, writes),
                   {"If-None-Match": "*", "Content-Type": "text/vcard"})

    def edit(self):
        contact_id = self.rng.choice(self.live)
        writes = self.new_values(contact_id)
        self.write("update", contact_id, {**writes, "deleted": False}, "PUT", card(contact_id, writes),
                   {"Content-Type": "text/vcard"})

    def delete(self):
        contact_id = self.live.pop(self.rng.randrange(len(self.live)))
        self.write("delete", contact_id, {"deleted": True}, "DELETE")

    def write(self, kind, contact_id, writes, method, body=None, headers=None):
        op = self.history.invoke(self.thread, kind, contact_id, writes)
        try:
            answer = self.request(method, f"{self.book}{contact_id}.vcf", body, headers)
        except requests.RequestException as exc:
            self.history.complete(op, "unknown", error=f"{type(exc).__name__}: {exc}"[:300])
            return
        status = answer.status_code
        if 200 <= status < 300:
            self.history.complete(op, "ok")
        else:
            outcome = "failed" if 400 <= status < 500 else "unknown"
            self.history.complete(op, outcome, error=f"HTTP {status}: {answer.text[:200]}")

    # -- sync ----------------------------------------------------------------------------
    def report(self, token):
        body = (f'<sync-collection xmlns="DAV:"><sync-token>{token}</sync-token><sync-level>1</sync-level>'
                '<prop><getetag/></prop></sync-collection>')
        return self.request("REPORT", self.book, body, {"Depth": "1", "Content-Type": "application/xml"})

    @staticmethod
    def parse(answer):
        root = ET.fromstring(answer.content)
        changed = {}
        for response in root.iter(f"{DAV}response"):
            name = response.find(f"{DAV}href").text.rsplit("/", 1)[-1]
            status = response.find(f"{DAV}status")
            etag = response.find(f".//{DAV}getetag")
            gone = (status is not None and " 404 " in status.text) or etag is None or not etag.text
            changed[name] = None if gone else etag.text
        return root.find(f"{DAV}sync-token").text, changed

    def sync(self, fetch=True):
        """One sync from the last token (from scratch on a 403); False if unanswered.
        ``fetch``: GET the CardDAV clients' changed cards too (else ETags only)."""
        try:
            answer = self.report(self.token)
            if answer.status_code == 403 and self.token:
                self.syncs["refused_token"] += 1
                self.token, self.view, self.cards = "", {}, {}
                answer = self.report("")
            if answer.status_code != 207:
                self.syncs["unanswered"] += 1
                return False
            token, changed = self.parse(answer)
            fetched = {}
            for name, etag in changed.items():
                known = self.cards.get(name, {}).get("etag")
                if fetch and etag is not None and name.startswith(PREFIX) and known != etag:
                    got = self.request("GET", self.book + name)
                    if got.status_code != 200 or got.headers.get("ETag") != etag:
                        # gone or changed since the report (or read from a replica behind it):
                        # nothing of this sync is taken, so the next one reports the card again
                        self.syncs["unanswered"] += 1
                        return False
                    fetched[name] = {"etag": etag, **read_card(got.text)}
            self.cards.update(fetched)
            for name, etag in changed.items():
                if etag is None:
                    self.view.pop(name, None)
                    self.cards.pop(name, None)
                else:
                    self.view[name] = etag
        except (requests.RequestException, ET.ParseError):
            self.syncs["unanswered"] += 1
            return False
        self.syncs["full" if not self.token else "incremental"] += 1
        self.token = token
        return True

    def final_check(self, cluster_cards, timeout=60):
        """Violations after the run: sync from the last token, then compare with a full listing;
        ``cluster_cards``: {contact id: contact} of the dav cards live in the cluster."""
        wait_until(self.sync, timeout, what=f"dav client {self.index}'s final sync")
        incremental = dict(self.view)
        violations = []
        fresh = DavClient(self.index, History(), self.url, 0, threading.Event())
        wait_until(lambda: fresh.sync(fetch=False), timeout, what=f"dav client {self.index}'s full listing")
        for name in sorted(set(incremental) | set(fresh.view)):
            if incremental.get(name) != fresh.view.get(name):
                violations.append(Violation(
                    "missed", name.removesuffix(".vcf"),
                    f"dav client {self.index}: incremental sync shows ETag {incremental.get(name)}, a full "
                    f"listing {fresh.view.get(name)} (the sync token made it miss a change)"))
        for contact_id, contact in sorted(cluster_cards.items()):
            held = self.cards.get(f"{contact_id}.vcf")
            held = held and {k: v for k, v in held.items() if k != "etag"}
            expected = {k: contact.get(k, "") for k in ("name", "organization", "notes")}
            if held != expected:
                violations.append(Violation(
                    "view", contact_id, f"dav client {self.index} holds {held}, the cluster {expected}"))
        for name in sorted(self.cards):
            if name.removesuffix(".vcf") not in cluster_cards:
                violations.append(Violation(
                    "view", name.removesuffix(".vcf"), f"dav client {self.index} holds a card the cluster "
                                                       f"does not: {self.cards[name]}"))
        fresh.session.close()
        return violations
