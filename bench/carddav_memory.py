"""Where the CardDAV gateway's memory goes on a full listing (tracemalloc).

    python bench/carddav_memory.py [--contacts 10000] [--top 12]

Starts a one-replica cluster holding N contacts (bench/carddav.py's contacts), runs the
gateway's WSGI application in this process (the gateway is a client: the replica is its own
process, as in production) and, under tracemalloc, serves one sync-collection REPORT with
an empty token asking every card's ETag and address data (a first sync, as DAVx5 asks it)
and one PROPFIND Depth 1 of every ETag (vdirsyncer's listing). Prints the peak of traced
memory during each request and the lines that held the most at that peak.
"""
import argparse
import io
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from carddav import SYNC, fill  # noqa: E402

from contacts.carddav.app import Gateway, GatewayApp, radicale_configuration  # noqa: E402
from contacts.client import ContactsClient  # noqa: E402
from contacts.cluster import LocalCluster  # noqa: E402

PROPFIND = '<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'


def request(app, method, body, depth=None):
    data = body.encode()
    environ = {"REQUEST_METHOD": method, "PATH_INFO": "/bench/contacts/", "SCRIPT_NAME": "",
               "CONTENT_LENGTH": str(len(data)), "wsgi.input": io.BytesIO(data), "wsgi.url_scheme": "http",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "5232", "REMOTE_ADDR": "127.0.0.1",
               "HTTP_AUTHORIZATION": "Basic YmVuY2g6eA==", "SERVER_PROTOCOL": "HTTP/1.1",
               "wsgi.errors": sys.stderr}
    if depth is not None:
        environ["HTTP_DEPTH"] = depth
    status = {}
    body = b"".join(app(environ, lambda s, h, e=None: status.setdefault("status", s)))
    assert status["status"].startswith("207"), (status, body[:300])
    return len(body)


def measure(app, label, method, body, depth, top):
    tracemalloc.start(1)
    started = time.perf_counter()
    size = request(app, method, body, depth)
    took = time.perf_counter() - started
    snapshot = tracemalloc.take_snapshot()   # after: what stays (the card texts kept)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n{label}: {size / 1e6:.1f} MB answered in {took:.2f} s; traced peak {peak / 1e6:.1f} MB, "
          f"still held after {current / 1e6:.1f} MB")
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        print(f"  {stat.size / 1e6:7.1f} MB  {stat.count:8,}  {frame.filename.split('site-packages/')[-1]}:{frame.lineno}")


def peak_during(app, method, body, depth, top):
    """The lines holding the most memory at the request's peak (sampled by a second run
    that snapshots when the traced size is largest: tracemalloc has no peak snapshot)."""
    import threading
    tracemalloc.start(1)
    best = {"peak": 0, "snapshot": None}
    done = threading.Event()

    def sample():
        while not done.is_set():
            size, _ = tracemalloc.get_traced_memory()
            if size > best["peak"] * 1.05:
                best["peak"], best["snapshot"] = size, tracemalloc.take_snapshot()
            time.sleep(0.05)
    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        request(app, method, body, depth)
    finally:
        done.set()
        sampler.join()
        tracemalloc.stop()
    print(f"  at its largest sample ({best['peak'] / 1e6:.1f} MB), held by:")
    for stat in best["snapshot"].statistics("lineno")[:top]:
        frame = stat.traceback[0]
        print(f"  {stat.size / 1e6:7.1f} MB  {stat.count:8,}  {frame.filename.split('site-packages/')[-1]}:{frame.lineno}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-carddav-memory-"))
    try:
        with LocalCluster(work / "cluster") as cluster:
            cluster.start(1)
            with ContactsClient(uris=[cluster.uri(1)], timeout=120) as client:   # tracemalloc slows decoding
                fill(client, args.contacts)
                gateway = Gateway(client)
                app = GatewayApp(gateway, radicale_configuration(gateway))
                request(app, "PROPFIND", PROPFIND, "1")     # warm-up: imports, connections
                for label, method, body, depth in (
                        ("sync-collection, empty token, ETag + address data", "REPORT", SYNC.format(""), None),
                        ("PROPFIND Depth 1, ETags", "PROPFIND", PROPFIND, "1")):
                    measure(app, label, method, body, depth, args.top)
                    peak_during(app, method, body, depth, args.top)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
