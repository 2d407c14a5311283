"""A replica whose disk fills up (a real 1 MB tmpfs under its data dir): writes are refused
with a clear error, reads go on, writes are taken again once space returns, and nothing
acknowledged is lost or left out of replication (no gap in the replica's own sequence)."""
import os
import subprocess

import pytest

from contacts.client import ContactsClient
from contacts.cluster import wait_until


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "cluster" / "replica-1"     # replica 1's data dir in cluster_factory
    mount.mkdir(parents=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def names_on(cluster, replica_id):
    with cluster.proxy(replica_id) as proxy:
        return {c["name"] for c in proxy.list_contacts()}


def test_a_full_disk_refuses_writes_clearly_keeps_reads_and_loses_nothing(cluster_factory, small_disk):
    cluster = cluster_factory(2)
    assert cluster.data_dir(1) == small_disk
    # leave the database only a little room
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(free - 96 * 1024, 0))

    acknowledged, refusal = [], None
    with cluster.proxy(1) as proxy:
        for n in range(500):
            try:
                proxy.add_contact({"name": f"Person {n}", "notes": "x" * 2000})
            except RuntimeError as exc:   # StorageError, through a bare proxy
                refusal = exc
                break
            acknowledged.append(f"Person {n}")
        assert refusal is not None, "the disk never filled"
        assert "disk is full" in str(refusal)
        # reads are still served, and hold exactly what was acknowledged
        assert names_on(cluster, 1) == set(acknowledged)
        assert f"Person {len(acknowledged)}" not in names_on(cluster, 1)

        # a client using replica 1 saves its write on replica 2 instead (nothing of it was
        # kept on replica 1, so another replica may take it)
        client = ContactsClient("127.0.0.1", cluster.ns_port, timeout=3.0)
        try:
            client.use_replica(1)
            moved = client.add_contact({"name": "Moved Elsewhere"})
            assert moved["write"]["origin"] == 2
        finally:
            client.close()

        # space returns: writes are taken again
        filler.unlink()
        for n in range(3):
            proxy.add_contact({"name": f"After {n}"})
            acknowledged.append(f"After {n}")
        own_writes = proxy.version_vector()

    wanted = set(acknowledged) | {"Moved Elsewhere"}
    # the refused write left no hole in replica 1's sequence: its vector counts exactly its
    # acknowledged writes, and the peer gets every one of them
    assert own_writes["1"] == len(acknowledged)
    wait_until(lambda: names_on(cluster, 2) == wanted, 20, what="every acknowledged write on replica 2")

    cluster.kill(1)
    cluster.start_replica(1)
    assert names_on(cluster, 1) == wanted
