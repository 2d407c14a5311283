"""The CardDAV gateway beside Radicale with its own file storage, holding the same contacts.

    python bench/carddav.py [--contacts 10000] [--rounds 3]

Starts, in one run: a local cluster (name server + 3 replicas) holding N contacts, a
CardDAV gateway in front of replica 1 (python -m contacts.carddav), and Radicale
(python -m radicale, multifilesystem storage) holding the very cards the gateway serves,
written as its files. Then, for each server, the best of --rounds:

- full first sync: vdirsyncer into an empty folder (PROPFIND Depth 1, then multigets: what a
  user waits for), and one sync-collection REPORT with an empty token asking every card's
  ETag and address data (the server's share of a first sync, as DAVx5 asks it);
- incremental sync of one change: one card changed (a PUT), then sync-collection with the
  token from before (ETag + address data of what changed);
- memory: the peak RSS (VmHWM) of the gateway and of Radicale after all that;
- raw Pyro5: round trips per second to an echo daemon measured in the same run, so that the
  gateway's figures can be read against what one Pyro5 call costs on this machine.

Prints a table; the ratio column is gateway / Radicale (goals: first sync <= 1.0x,
incremental < 50 ms and <= Radicale).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests  # noqa: E402
from Pyro5.api import Proxy  # noqa: E402

from contacts.carddav import cards  # noqa: E402
from contacts.client import ContactsClient  # noqa: E402
from contacts.cluster import LocalCluster, free_port, wait_until  # noqa: E402
from measure import rate  # noqa: E402
from replication import start_echo_server  # noqa: E402

AUTH = ("bench", "x")
SYNC = ('<sync-collection xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><sync-token>{}</sync-token>'
        '<sync-level>1</sync-level><prop><getetag/><C:address-data/></prop></sync-collection>')


def contact(n):
    return {"id": f"bench{n:06d}", "name": f"Person {n:05d} Example",
            "n": {"family": ["Example"], "given": [f"Person {n:05d}"], "additional": [], "prefixes": [],
                  "suffixes": []},
            "phones": [{"label": "mobile", "number": f"+1 415 555 {n % 10000:04d}"}],
            "emails": [{"label": "work", "address": f"person{n}@example.com"}],
            "organization": "Example Corp", "title": "Engineer", "groups": ["Work"],
            "addresses": [{"label": "work", "street": f"{n} Market St", "locality": "San Francisco",
                           "country": "USA"}],
            "notes": f"bench contact {n}"}


def fill(client, count):
    for start in range(0, count, 1000):
        results = client.add_contacts([contact(n) for n in range(start, min(start + 1000, count))])
        assert all("error" not in r for r in results), [r for r in results if "error" in r][:3]


def radicale_folder(root, client):
    """Radicale's multifilesystem storage holding the cards the gateway serves."""
    book = root / "collection-root" / "bench" / "contacts"
    book.mkdir(parents=True)
    (book / ".Radicale.props").write_text('{"tag": "VADDRESSBOOK", "D:displayname": "Contacts"}')
    for person in client.list_contacts():
        (book / cards.href_of(person)).write_text(cards.card_text(person), newline="")
    return book


def start_radicale(folder, log):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
                                "--storage-filesystem-folder", str(folder), "--auth-type", "none",
                                "--rights-type", "authenticated", "--logging-level", "warning"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    wait_until(lambda: requests.request("OPTIONS", url, timeout=2).ok, 30, what="radicale")
    return process, url


def vdirsyncer_first_sync(url, workdir):
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    config = workdir / "config"
    config.write_text(textwrap.dedent(f"""\
        [general]
        status_path = "{workdir / 'status'}/"
        [pair book]
        a = "folder"
        b = "server"
        collections = ["contacts"]
        [storage folder]
        type = "filesystem"
        path = "{workdir / 'cards'}/"
        fileext = ".vcf"
        [storage server]
        type = "carddav"
        url = "{url}bench/"
        username = "bench"
        password = "x"
        """))
    (workdir / "cards" / "contacts").mkdir(parents=True)
    exe = shutil.which("vdirsyncer")
    subprocess.run([exe, "-c", str(config), "discover", "book"], input="y\n", capture_output=True, check=True,
                   text=True, timeout=600)
    started = time.perf_counter()
    subprocess.run([exe, "-c", str(config), "sync"], capture_output=True, check=True, text=True, timeout=1800)
    took = time.perf_counter() - started
    synced = len(list((workdir / "cards" / "contacts").glob("*.vcf")))
    return took, synced


def report(url, token=""):
    started = time.perf_counter()
    answer = requests.request("REPORT", url + "bench/contacts/", data=SYNC.format(token), auth=AUTH, timeout=600)
    took = time.perf_counter() - started
    assert answer.status_code == 207, answer.text[:500]
    root = ET.fromstring(answer.content)
    return took, root.find("{DAV:}sync-token").text, len(root.findall("{DAV:}response"))


def change_one(url, n, round_):
    """PUT card n with a changed note (as a phone would), If-Match its current ETag."""
    card_url = f"{url}bench/contacts/bench{n:06d}.vcf"
    got = requests.get(card_url, auth=AUTH, timeout=30)
    text = got.text.replace(f"bench contact {n}", f"bench contact {n} change {round_}")
    put = requests.put(card_url, data=text.encode(), auth=AUTH, headers={"If-Match": got.headers["ETag"]},
                       timeout=30)
    assert put.status_code in (201, 204), put.text


def peak_rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-carddav-"))
    echo, echo_uri = start_echo_server()
    radicale = None
    try:
        with Proxy(echo_uri) as proxy:
            pyro_rate = rate(lambda: proxy.echo("x"), 2.0)
        with LocalCluster(work / "cluster") as cluster:
            cluster.start(3)
            # long timeouts: on a loaded machine a 10,000-contact answer takes more than 3 s
            with ContactsClient(ns_port=cluster.ns_port, timeout=60) as client:
                started = time.perf_counter()
                fill(client, args.contacts)
                print(f"{args.contacts:,} contacts added in {time.perf_counter() - started:.1f} s", flush=True)
                folder = work / "radicale"
                radicale_folder(folder, client)
            gateway, gateway_url = cluster.start_gateway("--replica", cluster.uri(1), "--timeout", "30", name="carddav")
            log = open(work / "radicale.log", "w")
            radicale, radicale_url = start_radicale(folder, log)
            servers = {"gateway": gateway_url, "Radicale": radicale_url}
            results = {name: {} for name in servers}
            for name, url in servers.items():
                report(url)    # warm-up: Radicale builds its item cache on first read
                firsts = [vdirsyncer_first_sync(url, work / f"vds-{name}") for _ in range(args.rounds)]
                assert all(n == args.contacts for _, n in firsts), (name, firsts)
                results[name]["vdirsyncer first sync (s)"] = min(t for t, _ in firsts)
                reports = [report(url) for _ in range(args.rounds)]
                assert all(n == args.contacts for _, _, n in reports), (name, [n for _, _, n in reports])
                results[name]["sync-collection, empty token (s)"] = min(t for t, _, _ in reports)
                incremental = []
                for round_ in range(args.rounds):
                    _, token, _ = report(url) if round_ == 0 else (None, token, None)
                    change_one(url, 7, f"{name}-{round_}")
                    took, token, count = report(url, token)
                    assert count == 1, (name, count)
                    incremental.append(took)
                results[name]["incremental sync, 1 change (ms)"] = min(incremental) * 1000
            results["gateway"]["peak RSS (MB)"] = peak_rss_mb(gateway.pid)
            results["Radicale"]["peak RSS (MB)"] = peak_rss_mb(radicale.pid)
            print(f"\nCardDAV at {args.contacts:,} contacts (best of {args.rounds}); raw Pyro5 round trip "
                  f"{pyro_rate:,.0f}/s ({1000 / pyro_rate:.2f} ms) in this run\n")
            print(f"{'':36} {'gateway':>10} {'Radicale':>10} {'ratio':>7}")
            for key in results["gateway"]:
                mine, theirs = results["gateway"][key], results["Radicale"][key]
                print(f"{key:36} {mine:10.3f} {theirs:10.3f} {mine / theirs:6.2f}x")
            inc = results["gateway"]["incremental sync, 1 change (ms)"]
            print(f"\ngateway incremental sync = {inc / (1000 / pyro_rate):.0f} raw Pyro5 round trips")
    finally:
        if radicale is not None:
            radicale.terminate()
            radicale.wait(10)
        echo.terminate()
        echo.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
