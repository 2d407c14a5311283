"""Hostile requests against a real CardDAV gateway on a real 3-replica cluster.

A fixed-seed slice of bench/fuzz_carddav.py (which sends 10,000, docs/reliability.md):
every answer a 4xx, the gateway still serving, every replica unchanged.  Then one test
per bug the fuzzer found, each a request a user's (or an attacker's) client can send.
"""
import base64

import pytest
import requests

from contacts.cluster import LocalCluster
from contacts.testing import carddav_fuzz
from contacts.testing.carddav_fuzz import BOOK, PASSWORD, SYNC, TOKEN, USER

pytestmark = pytest.mark.slow

REPLICAS = (1, 2, 3)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    cluster = LocalCluster(tmp_path_factory.mktemp("fuzz-carddav") / "cluster")
    try:
        cluster.start(3)
        process, host, port = carddav_fuzz.start_gateway(cluster)
        existing = carddav_fuzz.seed_cards(cluster, host, port)
        yield cluster, process, host, port, existing
    finally:
        cluster.stop()


def dav(fuzzed, method, path, body=b"", headers=None, auth=(USER, PASSWORD)):
    _, _, host, port, _ = fuzzed
    return requests.request(method, f"http://{host}:{port}{path}", data=body, headers=headers or {},
                            auth=auth, timeout=30)


def test_a_fixed_seed_slice_of_hostile_requests_is_refused_and_changes_nothing(fuzzed):
    cluster, process, host, port, existing = fuzzed
    before = carddav_fuzz.cluster_state(cluster, REPLICAS)
    report = carddav_fuzz.run(host, port, 160, seed=20261203, existing=existing, workers=8)
    assert report.sent == 160
    assert report.bad == [], report.bad[:5]
    assert len(report.per_kind()) == 8            # every kind of hostility was drawn
    assert process.poll() is None and carddav_fuzz.gateway_answers(host, port)
    assert carddav_fuzz.cluster_state(cluster, REPLICAS) == before


def test_credentials_radicale_cannot_decode_get_401_not_500(fuzzed):
    for header in ["Basic " + base64.b64encode(b"no colon").decode(), "Basic !!!", "Basic \u00e9\u00e9"]:
        answer = dav(fuzzed, "PROPFIND", BOOK, headers={"Authorization": header, "Depth": "0"}, auth=None)
        assert answer.status_code == 401, (header, answer.status_code, answer.text)
        assert "Basic" in answer.headers["WWW-Authenticate"]


def test_xml_with_entities_or_the_wrong_root_is_400(fuzzed):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
              b'<propfind xmlns="DAV:"><prop>&b;</prop></propfind>')
    answer = dav(fuzzed, "PROPFIND", BOOK, laughs, {"Depth": "0"})
    assert answer.status_code == 400 and "DTD" in answer.text
    answer = dav(fuzzed, "PROPFIND", BOOK, b'<?xml version="1.0"?><foo xmlns="DAV:"/>', {"Depth": "0"})
    assert answer.status_code == 400 and "root element" in answer.text
    deep = b"<propfind xmlns='DAV:'>" + b"<prop>" * 100 + b"</prop>" * 100 + b"</propfind>"
    assert dav(fuzzed, "PROPFIND", BOOK, deep, {"Depth": "0"}).status_code == 400


def test_a_report_the_gateway_does_not_serve_is_403(fuzzed):
    body = SYNC.format("").replace('xmlns="DAV:"', 'xmlns="urn:nowhere"').encode()
    answer = dav(fuzzed, "REPORT", BOOK, body, {"Depth": "1"})
    assert answer.status_code == 403, answer.text


def test_move_to_another_host_is_403_not_502(fuzzed):
    answer = dav(fuzzed, "MOVE", BOOK + "seed0.vcf", headers={"Destination": "http://elsewhere/alice/contacts/x.vcf"})
    assert answer.status_code == 403, answer.text
    assert dav(fuzzed, "GET", BOOK + "seed0.vcf").status_code == 200   # still where it was


def test_a_sync_token_from_the_future_is_403_valid_sync_token_and_a_real_one_still_works(fuzzed):
    forged = dav(fuzzed, "REPORT", BOOK, SYNC.format(TOKEN + "1-99999999").encode(), {"Depth": "0"})
    assert forged.status_code == 403 and "valid-sync-token" in forged.text, (forged.status_code, forged.text)
    first = dav(fuzzed, "REPORT", BOOK, SYNC.format("").encode(), {"Depth": "0"})
    assert first.status_code == 207
    token = first.text.split("<sync-token>")[1].split("</sync-token>")[0]
    again = dav(fuzzed, "REPORT", BOOK, SYNC.format(token).encode(), {"Depth": "0"})
    assert again.status_code == 207, again.text


def test_a_token_ahead_on_a_replica_that_is_down_is_503_not_from_nowhere(fuzzed):
    """Last: stops replica 3.  Its updates may come back with it, so the client is asked to
    retry (503), not to drop its token."""
    cluster = fuzzed[0]
    cluster.stop_replica(3)
    from contacts.cluster import wait_until

    def seen_down():
        with cluster.proxy(1, timeout=5) as proxy:
            return not [s for s in proxy.cluster_status() if s["replica_id"] == 3][0]["alive"]
    wait_until(seen_down, 30, interval=0.2, what="replica 1 to see replica 3 down")
    answer = dav(fuzzed, "REPORT", BOOK, SYNC.format(TOKEN + "3-99999999").encode(), {"Depth": "0"})
    assert answer.status_code == 503 and answer.headers["Retry-After"], (answer.status_code, answer.text)
