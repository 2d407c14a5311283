"""Rolling upgrade mid-run: a replica comes up on a data dir written by the previous
release (tests/fixtures/datadir-v1, the five-field schema), then the others restart one
by one, while a client keeps writing.  Nothing acknowledged is lost, and the old
release's contacts (datadir-v1-expected.json) are on every replica at the end.

What is not covered: running the previous release's *code* on some replicas while
others run this one (the fixture is the old release's data, not its program).
"""
import json
import shutil
import threading
from pathlib import Path

import pytest

from contacts.client import ContactsClient
from contacts.cluster import LocalCluster, wait_until

FIXTURES = Path(__file__).resolve().parent / "fixtures"
pytestmark = pytest.mark.slow


def writer(cluster, acked, stopping):
    with ContactsClient(ns_port=cluster.ns_port, timeout=2) as client:
        n = 0
        while not stopping.is_set():
            n += 1
            contact_id = f"rolling{n:05d}"
            try:
                client.add_contact({"id": contact_id, "name": f"Rolling {n}", "notes": f"written {n}"})
            except Exception:
                continue      # refused or unknown: not acknowledged, not checked
            acked.append(contact_id)


def test_replicas_restart_one_by_one_onto_old_data_while_a_client_writes(tmp_path):
    expected = json.loads((FIXTURES / "datadir-v1-expected.json").read_text())
    cluster = LocalCluster(tmp_path / "cluster")
    acked, stopping = [], threading.Event()
    try:
        cluster.start_name_server()
        for replica_id in (2, 3):
            cluster.start_replica(replica_id)
        thread = threading.Thread(target=writer, args=(cluster, acked, stopping), daemon=True)
        thread.start()
        wait_until(lambda: len(acked) >= 10, 30, what="writes before the upgrade")
        # replica 1 joins on the previous release's data dir (its schema is migrated on open)
        shutil.copytree(FIXTURES / "datadir-v1", cluster.data_dir(1))
        cluster.start_replica(1)
        for replica_id in (2, 3, 1):        # then every replica restarts in turn
            mark = len(acked)
            cluster.stop_replica(replica_id)
            cluster.start_replica(replica_id)
            wait_until(lambda: len(acked) >= mark + 5, 30, what=f"writes after restarting {replica_id}")
        stopping.set()
        thread.join(30)
        want = set(acked) | {c["id"] for c in expected["contacts"]}

        def everywhere():
            for replica_id in (1, 2, 3):
                with cluster.proxy(replica_id, timeout=10) as proxy:
                    if not want <= {c["id"] for c in proxy.list_contacts()}:
                        return False
            return True
        wait_until(everywhere, 60, interval=0.5, what="every acknowledged write and the old contacts everywhere")
        for replica_id in (1, 2, 3):
            with cluster.proxy(replica_id, timeout=10) as proxy:
                for old in expected["contacts"]:
                    new = proxy.get_contact(old["id"])
                    for key in ("name", "organization", "notes"):
                        assert new[key] == old[key], (replica_id, key)
                    assert [p["number"] for p in new["phones"]] == [p["number"] for p in old["phones"]]
                    assert [e["address"] for e in new["emails"]] == [e["address"] for e in old["emails"]]
                assert {c["id"] for c in expected["deleted"]} <= {c["id"] for c in proxy.list_deleted()}
                assert proxy.version_vector().get("1", 0) >= expected["vector"]["1"]
        assert len(acked) >= 30
    finally:
        stopping.set()
        cluster.stop()
