"""Replication batches: what a replica accepts in one call bounds what its peers may send."""
import pytest

from contacts.config import Settings
from contacts.protocol import MAX_BATCH


def test_a_batch_size_peers_would_refuse_is_a_bad_setting():
    assert Settings.from_env({"CONTACTS_BATCH_SIZE": str(MAX_BATCH)}).batch_size == MAX_BATCH
    with pytest.raises(ValueError, match="batch_size must be at most 1000"):
        Settings.from_env({"CONTACTS_BATCH_SIZE": str(MAX_BATCH + 1)})
