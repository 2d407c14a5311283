"""The rich-contact and CardDAV parts of a chaos run (bench/chaos.py ``--rich-clients``,
``--carddav-clients``): started beside the plain workload, stopped with it, checked after
the final heal, and reported in lines and figures of their own.

The plain checker judges the plain and the CardDAV contacts (single writer each); the rich
contacts (``rich-N``) go to the rich checker (contacts.testing.faults.rich_checker), which
knows each field's merge rule; the CardDAV clients' views are compared with a full
listing and with the cluster (contacts.testing.faults.carddav_clients).
"""
import random
from collections import Counter

from . import carddav_clients
from .carddav_clients import DavClient, start_gateways
from .checker import Violation
from .rich_checker import check_rich, summarize_rich
from .rich_workload import FIELDS, RichWorker, add_rich_contacts, rich_ids

RICH_PREFIX = "rich-"


def is_rich(contact_id):
    return contact_id.startswith(RICH_PREFIX)


class Surfaces:
    def __init__(self, args, cluster, history, client_for, stopping):
        self.args = args
        self.cluster = cluster
        self.history = history
        self.client_for = client_for
        self.stopping = stopping
        self.rich = []
        self.dav = []
        self.rich_violations, self.rich_checks, self.dav_violations = [], Counter(), []

    def start(self, replica_ids):
        args = self.args
        if args.rich_clients:
            with self.client_for(1)() as client:
                add_rich_contacts(self.history, client, args.rich_contacts, random.Random(f"{args.seed}/rich"))
            first = args.clients + 1   # thread numbers (and preferred replicas) after the plain workers'
            self.rich = [RichWorker(i, self.history, self.client_for(i), args.seed, self.stopping,
                                    rich_ids(args.rich_contacts), args.think)
                         for i in range(first, first + args.rich_clients)]
        if args.carddav_clients:
            urls = start_gateways(self.cluster, replica_ids)
            self.dav = [DavClient(i, self.history, urls[(i - 1) % len(urls)], args.seed, self.stopping)
                        for i in range(1, args.carddav_clients + 1)]
        for thread in self.threads():
            thread.start()

    def threads(self):
        return self.rich + self.dav

    def join(self, timeout=60):
        for thread in self.threads():
            thread.join(timeout)

    def split(self, operations, lists):
        """(plain operations, plain lists): what the plain checker judges (rich contacts apart)."""
        plain_ops = [op for op in operations if not is_rich(op.contact_id)]
        plain_lists = {r: (v if isinstance(v, BaseException) else [c for c in v if not is_rich(c["id"])])
                       for r, v in lists.items()}
        return plain_ops, plain_lists

    def check(self, cluster, operations, lists, timeout=10.0):
        if self.rich:
            rich_ops = [op for op in operations if is_rich(op.contact_id)]
            rich_lists = {r: (v if isinstance(v, BaseException) else [c for c in v if is_rich(c["id"])])
                          for r, v in lists.items()}
            photos = {}
            for replica, contacts in rich_lists.items():
                if isinstance(contacts, BaseException):
                    continue
                photos[replica] = {}
                for contact in contacts:
                    digest = (contact.get("photo") or {}).get("hash")
                    if digest:
                        try:
                            with cluster.bare_proxy(replica, timeout) as proxy:
                                photos[replica][digest] = proxy.get_photo(digest)
                        except Exception as exc:
                            photos[replica][digest] = exc
            self.rich_violations, self.rich_checks = check_rich(rich_ops, rich_lists, photos)
        if self.dav:
            readable = [v for v in lists.values() if not isinstance(v, BaseException)]
            cards = {c["id"]: c for c in (readable[0] if readable else [])
                     if c["id"].startswith(carddav_clients.PREFIX)}
            for client in self.dav:
                try:
                    self.dav_violations += client.final_check(cards)
                except Exception as exc:   # no final sync: the client's view cannot be judged
                    self.dav_violations.append(Violation("view", "-", f"dav client {client.index}: {exc!r}"))
        return self.rich_violations + self.dav_violations

    def failed_threads(self):
        return [t for t in self.threads() if t.error is not None]

    def report(self):
        """Print the extra sections; returns the figures to add to the run's last line."""
        figures = {}
        if self.rich:
            counts = self.history.counts()
            row = [counts[("edit", o)] for o in ("ok", "failed", "unknown")]
            print(f"\nrich edits ({self.args.rich_clients} threads on {self.args.rich_contacts} contacts): "
                  f"{row[0]} ok, {row[1]} failed, {row[2]} unknown")
            print("rich checks per field: " + ", ".join(f"{f} {self.rich_checks[f]}" for f in FIELDS))
            summary = summarize_rich(self.rich_violations)
            # the violations themselves are printed with the run's others (bench/chaos.py)
            print("rich checker: " + ", ".join(f"{k} {n}" for k, n in summary.items()))
            figures.update({"rich_edits": sum(row), "rich_acked": row[0],
                            "rich_checks": sum(self.rich_checks.values()),
                            **{f"rich_{k}": n for k, n in summary.items()}})
        if self.dav:
            syncs, statuses = Counter(), Counter()
            for client in self.dav:
                syncs.update(client.syncs)
                statuses.update(client.statuses)
            ops = [op for op in self.history.operations() if op.thread > 100]
            outcomes = Counter(op.outcome for op in ops)
            print(f"\ncarddav ({len(self.dav)} clients): {len(ops)} writes ({outcomes['ok']} ok, "
                  f"{outcomes['failed']} failed, {outcomes['unknown'] + outcomes['invoked']} unknown); syncs "
                  + ", ".join(f"{k} {n}" for k, n in syncs.items())
                  + "; HTTP " + ", ".join(f"{k}: {n}" for k, n in sorted(statuses.items())))
            kinds = Counter(v.kind for v in self.dav_violations)
            print(f"carddav checker: missed {kinds['missed']}, view {kinds['view']}")
            figures.update({"dav_writes": len(ops), "dav_acked": outcomes["ok"],
                            "dav_syncs": syncs["incremental"] + syncs["full"],
                            "dav_token_refused": syncs["refused_token"],
                            "dav_missed": kinds["missed"], "dav_view": kinds["view"]})
        for thread in self.failed_threads():
            print(f"{thread.name} stopped on {thread.error!r}")
        return figures
