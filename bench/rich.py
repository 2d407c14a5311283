"""What the rich contact costs (issue 14), beside the plain five-field one and raw Pyro5.

    python bench/rich.py [--seconds 4] [--rounds 2] [--import-count 10000] [--write]

In one run, on a local cluster (name server + 3 replica processes, ack=local):

- raw Pyro5: round trips/s of the echo daemon (bench/replication.py) carrying each of the
  three contact dicts of bench/typical_contact.py (plain, typical, typical with a 3 KB
  photo), serpent (a bare proxy) and json (ContactsClient), measured before and after the
  rest and averaged;
- acknowledged writes/s of one client writing each of those contacts through a bare proxy
  (serpent) and through ContactsClient (json) on replica 1, ``--rounds`` interleaved
  rounds (the figure is their mean, the spread their min-max);
- an import through the real command line (``contacts import``, a subprocess, as a user
  runs it) of ``--import-count`` typical contacts as an iPhone exports them (vCard 3.0,
  every tenth with its photo), then of as many plain ones, into a fresh cluster: absolute
  time, and how much of it is reading the file (the same parser, in this process);
- the size of list answers on that cluster, bytes on the wire (Pyro5 header, annotations
  and payload of the answer message): a page of 100 and an answer of 10,000 of the
  typical contacts (a tenth of them with a photo in the book) against the plain ones.

Ratios are to the raw round trip of the same contact dict and serializer, in this run.
``--write`` puts the table in docs/benchmarks.md between its markers.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from Pyro5 import protocol  # noqa: E402
from Pyro5.api import Proxy  # noqa: E402

import measure  # noqa: E402  bench/measure.py
import replication as replication_bench  # noqa: E402  bench/replication.py
import typical_contact  # noqa: E402  bench/typical_contact.py
from contacts import pyro_settings
from contacts.client import ContactsClient
from contacts.cluster import LocalCluster
from contacts.formats.importing import read_entries

KINDS = {"plain": typical_contact.plain, "typical": typical_contact.typical,
         "typical + 3 KB photo": typical_contact.with_photo}
SERIALIZERS = ("serpent", "json")
DOC = ROOT / "docs" / "benchmarks.md"
START_MARK, END_MARK = "<!-- bench/rich.py output: start -->", "<!-- bench/rich.py output: end -->"


def raw_round_trips(uri, seconds):
    """Echo round trips/s per (kind, serializer)."""
    rates = {}
    for serializer in SERIALIZERS:
        with Proxy(uri) as proxy:
            proxy._pyroSerializer = serializer
            for kind, make in KINDS.items():
                one = make(1)
                proxy.echo(one)
                rates[kind, serializer] = measure.rate(lambda: proxy.echo(one), seconds)
    return rates


def write_rate(uri, make, serializer, seconds, first):
    """Acknowledged add_contact/s of one client on ``uri``: a bare proxy (serpent) or a
    ContactsClient (json, as the window and the command line write)."""
    counter = iter(range(first, first + 10 ** 7))
    if serializer == "serpent":
        with Proxy(uri) as proxy:
            proxy._pyroTimeout = 30
            proxy.add_contact(make(next(counter)))  # connected outside the clock
            return measure.rate(lambda: proxy.add_contact(make(next(counter))), seconds)
    with ContactsClient(uris=[uri], timeout=30) as client:
        client.add_contact(make(next(counter)))
        return measure.rate(lambda: client.add_contact(make(next(counter))), seconds)


def plain_vcard(n):
    c = typical_contact.plain(n)
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{c['name']}", f"N:;{c['name']};;;",
                        f"TEL;type=CELL:{c['phones'][0]['number']}",
                        f"EMAIL;type=INTERNET;type=WORK:{c['emails'][0]['address']}",
                        f"ORG:{c['organization']}", f"NOTE:{c['notes']}", "END:VCARD"]) + "\r\n"


def cli_import(uri, path):
    """Seconds ``contacts import`` takes (the console script, run as a user runs it)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    command = [sys.executable, "-m", "contacts.cli", "--replica", uri, "--timeout", "60", "--json",
               "import", str(path), "--region", "BR"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"contacts import failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, json.loads(done.stdout)


def parse_seconds(path):
    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    entries = read_entries(text, "vcard")
    return time.perf_counter() - started, len(entries)


def wire_bytes(proxy, method, *args):
    """Bytes of the answer message to one call, as it crossed the socket."""
    proxy._pyroRawWireResponse = True
    try:
        message = getattr(proxy, method)(*args)
    finally:
        proxy._pyroRawWireResponse = False
    return protocol._header_size + message.annotations_size + message.data_size


def answer_sizes(uri, count):
    """{(what, serializer): (bytes, seconds)} for list answers of typical and plain contacts.

    The typical contacts' names sort before the plain ones', so the first ``count`` of the
    list are the typical ones and the rest the plain ones."""
    sizes = {}
    pages = {"page of 100, typical": (0, 100), "page of 100, plain": (count, 100),
             f"answer of {count:,}, typical": (0, count), f"answer of {count:,}, plain": (count, count)}
    for serializer in SERIALIZERS:
        with Proxy(uri) as proxy:
            proxy._pyroTimeout = 120
            proxy._pyroSerializer = serializer
            first = proxy.list_contacts(0, 1)[0]["name"]
            assert first.startswith("Maria"), first
            for what, (offset, limit) in pages.items():
                started = time.perf_counter()
                size = wire_bytes(proxy, "list_contacts", offset, limit)
                sizes[what, serializer] = size, time.perf_counter() - started
    return sizes


def run(args):
    pyro_settings.apply()
    m = {"writes": {}}
    echo, echo_uri = replication_bench.start_echo_server()
    try:
        before = raw_round_trips(echo_uri, args.raw_seconds)
        with tempfile.TemporaryDirectory(prefix="bench-rich-") as base:
            with LocalCluster(Path(base) / "writes") as cluster:
                cluster.start(3)
                uri = cluster.uri(1)
                first = 1_000_000
                for round_number in range(args.rounds):
                    for serializer in SERIALIZERS:
                        for kind, make in KINDS.items():
                            print(f"[{time.strftime('%H:%M:%S')}] round {round_number + 1}: {kind}, {serializer}",
                                  flush=True)
                            m["writes"].setdefault((kind, serializer), []).append(
                                write_rate(uri, make, serializer, args.seconds, first))
                            first += 1_000_000
            files = Path(base) / "files"
            files.mkdir()
            rich_file, plain_file = files / "iphone-export.vcf", files / "plain.vcf"
            rich_file.write_text("".join(typical_contact.vcard(n) for n in range(args.import_count)),
                                 encoding="utf-8")
            plain_file.write_text("".join(plain_vcard(n) for n in range(args.import_count)), encoding="utf-8")
            m["file sizes"] = rich_file.stat().st_size, plain_file.stat().st_size
            m["parse"] = parse_seconds(rich_file)[0], parse_seconds(plain_file)[0]
            with LocalCluster(Path(base) / "import") as cluster:
                cluster.start(3)
                uri = cluster.uri(1)
                print(f"[{time.strftime('%H:%M:%S')}] contacts import of {args.import_count:,} typical vCards",
                      flush=True)
                m["import typical"] = cli_import(uri, rich_file)
                print(f"[{time.strftime('%H:%M:%S')}] contacts import of {args.import_count:,} plain vCards",
                      flush=True)
                m["import plain"] = cli_import(uri, plain_file)
                print(f"[{time.strftime('%H:%M:%S')}] list answers", flush=True)
                m["sizes"] = answer_sizes(uri, args.import_count)
        after = raw_round_trips(echo_uri, args.raw_seconds)
    finally:
        echo.terminate()
        echo.wait(10)
    m["raw"] = {key: (before[key] + after[key]) / 2 for key in before}
    m["raw spread"] = {key: (before[key], after[key]) for key in before}
    return m


def table(args, m):
    rows = []
    raw = m["raw"]
    for serializer in SERIALIZERS:
        for kind in KINDS:
            low, high = sorted(m["raw spread"][kind, serializer])
            rows.append((f"raw Pyro5 round trip, {serializer}, one {kind} contact dict",
                         f"{raw[kind, serializer]:,.0f} calls/s",
                         f"{raw[kind, serializer] / raw['plain', serializer]:.2f}x the plain dict's "
                         f"(before/after {low:,.0f}/{high:,.0f})"))
    for serializer in SERIALIZERS:
        how = "bare proxy, serpent" if serializer == "serpent" else "ContactsClient, json"
        plain = statistics.mean(m["writes"]["plain", serializer])
        for kind in KINDS:
            rates = m["writes"][kind, serializer]
            value = statistics.mean(rates)
            rows.append((f"acknowledged writes, 1 client, ack=local, {how}, {kind}",
                         f"{value:,.0f} writes/s",
                         f"{value / raw[kind, serializer]:.2f}x raw of the same dict, "
                         f"{value / plain:.2f}x plain; rounds {', '.join(f'{r:,.0f}' for r in rates)}"))
    for kind in ("typical", "plain"):
        seconds, report = m[f"import {kind}"]
        count = report["imported"]
        parse = m["parse"][0 if kind == "typical" else 1]
        size = m["file sizes"][0 if kind == "typical" else 1]
        extra = "every tenth with a 3 KB photo, " if kind == "typical" else ""
        rows.append((f"contacts import of {args.import_count:,} {kind} vCards ({extra}{size / 1e6:.1f} MB file, "
                     f"--region BR)", f"{seconds:.1f} s",
                     f"{count / seconds:,.0f} contacts/s = {count / seconds / raw[kind, 'json']:.2f}x "
                     f"raw json round trips; {count:,} imported, "
                     f"{len(report['skipped'])} skipped; reading the file alone {parse:.1f} s"))
    if m["import plain"][0]:
        rows.append(("  typical import time / plain import time", f"{m['import typical'][0] / m['import plain'][0]:.2f}x",
                     ""))
    sizes = m["sizes"]
    for serializer in SERIALIZERS:
        for what in ("page of 100", f"answer of {args.import_count:,}"):
            rich, rich_time = sizes[f"{what}, typical", serializer]
            plain, plain_time = sizes[f"{what}, plain", serializer]
            count = 100 if what == "page of 100" else args.import_count
            rows.append((f"list_contacts {what} typical contacts (photos in the book), {serializer}",
                         f"{rich:,} bytes", f"{rich / count:,.0f} bytes per contact, {rich / plain:.2f}x plain; "
                         f"answered in {rich_time * 1000:,.0f} ms ({rich_time / plain_time:.1f}x plain)"))
            rows.append((f"list_contacts {what} plain contacts, {serializer}", f"{plain:,} bytes",
                         f"{plain / count:,.0f} bytes per contact; answered in {plain_time * 1000:,.0f} ms"))
    return rows


def markdown(rows):
    lines = ["| measure | figure | ratio and detail |", "|---|---:|---|"]
    lines += [f"| {name} | {figure} | {detail} |" for name, figure, detail in rows]
    return "\n".join(lines)


def write_doc(header, rows):
    block = f"{START_MARK}\n{header}\n\n{markdown(rows)}\n{END_MARK}"
    text = DOC.read_text()
    if START_MARK in text:
        before, rest = text.split(START_MARK, 1)
        text = before + block + rest.split(END_MARK, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each write measurement (4 s)")
    parser.add_argument("--raw-seconds", type=float, default=2.0, help="length of each raw measurement (2 s)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of the write rates (2)")
    parser.add_argument("--import-count", type=int, default=10_000, help="vCards per import (10000)")
    parser.add_argument("--write", action="store_true", help="put the table in docs/benchmarks.md")
    args = parser.parse_args()
    load, started = os.getloadavg(), time.time()
    m = run(args)
    rows = table(args, m)
    header = (f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))}, {time.time() - started:.0f} s; "
              f"{os.cpu_count()} cores, Python {platform.python_version()}, loopback; load average "
              f"{load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.")
    replication_bench.print_table(header, rows, "ratio and detail")
    if args.write:
        write_doc(header, rows)
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
