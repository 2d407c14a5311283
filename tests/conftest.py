import os

# Qt tests run without a display
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window in English whatever the machine's locale (tests/test_translations.py asks for Portuguese)
os.environ.setdefault("CONTACTS_LANGUAGE", "en")

import pytest  # noqa: E402

from contacts.cluster import LocalCluster


@pytest.fixture
def cluster_factory(tmp_path):
    """Start real clusters (name server + replica processes on free loopback ports)."""
    clusters = []

    def make(replicas=3, replica_args=(), env=None, name="cluster"):
        cluster = LocalCluster(tmp_path / name, replica_args=replica_args, env=env)
        clusters.append(cluster)
        cluster.start(replicas)
        return cluster

    yield make
    for cluster in clusters:
        cluster.stop()


@pytest.fixture
def cluster(cluster_factory):
    """A running 3-replica cluster."""
    return cluster_factory(3)
