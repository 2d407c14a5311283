"""ContactsClient against real replica processes: failover, no duplicates, read-your-writes."""
import signal
import threading
import time
from collections import Counter

import pytest
from Pyro5.api import Proxy

from contacts.client import ContactsClient
from contacts.cluster import free_port, wait_until
from contacts.client.discovery import KnownReplica
from contacts.errors import ContactNotFound, UnavailableError, ValidationError


def client_for(cluster, **kwargs):
    kwargs.setdefault("timeout", 2.0)
    return ContactsClient("127.0.0.1", cluster.ns_port, **kwargs)


def names_on(cluster, replica_id):
    with cluster.proxy(replica_id) as proxy:
        return Counter(c["name"] for c in proxy.list_contacts())


class Writer(threading.Thread):
    """Adds contacts named w0, w1 ... in a loop; remembers which were acknowledged."""

    def __init__(self, client, limit=2000):
        super().__init__(daemon=True)
        self.client = client
        self.limit = limit
        self.acked = []
        self.errors = []
        self.stopping = threading.Event()

    def run(self):
        for i in range(self.limit):
            if self.stopping.is_set():
                break
            try:
                self.client.add_contact({"name": f"w{i}"})
                self.acked.append(f"w{i}")
            except UnavailableError as exc:
                self.errors.append(str(exc))

    def wait_for_more(self, count, what):
        target = len(self.acked) + count
        wait_until(lambda: len(self.acked) >= target or not self.is_alive(), 30, what=what)
        assert self.is_alive(), "the writer stopped early"


def test_acknowledged_writes_survive_replicas_killed_one_after_another(cluster_factory):
    cluster = cluster_factory(3)
    client = client_for(cluster)
    writer = Writer(client)
    writer.start()
    try:
        writer.wait_for_more(20, "first writes")
        for replica_id in (1, 2, 3):
            cluster.kill(replica_id)
            writer.wait_for_more(20, f"writes after killing replica {replica_id}")
            cluster.start_replica(replica_id)
            writer.wait_for_more(5, f"writes after restarting replica {replica_id}")
    finally:
        writer.stopping.set()
        writer.join(30)
    client.close()
    assert writer.errors == []
    acked = set(writer.acked)
    for replica_id in (1, 2, 3):
        wait_until(lambda: acked <= set(names_on(cluster, replica_id)), 30,
                   what=f"every acknowledged write on replica {replica_id}")
        counts = names_on(cluster, replica_id)
        assert [name for name, n in counts.items() if n > 1] == []
        # at most the one write in flight at the end may be there without an acknowledgement
        assert len(set(counts) - acked) <= 1


def test_a_frozen_replica_stalls_the_client_no_longer_than_its_timeout(cluster_factory):
    cluster = cluster_factory(3)
    client = client_for(cluster, timeout=1.0)
    events = []
    client.add_listener(events.append)
    ada = client.add_contact({"name": "Ada Lovelace"})
    frozen = client.current_replica[0]
    for replica_id in (1, 2, 3):   # replicated: the others can serve this client's reads
        wait_until(lambda: names_on(cluster, replica_id), 10, what=f"the write on replica {replica_id}")
    cluster.signal(frozen, signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert client.get_contact(ada["id"])["name"] == "Ada Lovelace"
        read_stall = time.monotonic() - started
        started = time.monotonic()
        client.update_contact(ada["id"], {"notes": "written while a replica is frozen"})
        write_time = time.monotonic() - started
        assert client.current_replica[0] != frozen
    finally:
        cluster.signal(frozen, signal.SIGCONT)
    assert read_stall < 3 * client.timeout
    assert write_time < 3 * client.timeout
    assert events[-1]["type"] == "replica" and events[-1]["previous"] == frozen
    # the preferred replica answers again: the client goes back to it without a restart
    wait_until(lambda: client.current_replica[0] == frozen, 20, what="the client back on the thawed replica")
    assert client.get_contact(ada["id"])["notes"] == "written while a replica is frozen"
    # killed and restarted (at a new port): the client learns the new address and returns too
    cluster.kill(frozen)
    client.list_contacts()
    cluster.start_replica(frozen)
    wait_until(lambda: client.current_replica == (frozen, cluster.uri(frozen)), 20,
               what="the client on the restarted replica")
    client.close()


def test_the_client_keeps_working_when_the_name_server_dies(cluster_factory):
    cluster = cluster_factory(3)
    uris = {replica_id: cluster.uri(replica_id) for replica_id in (1, 2, 3)}
    by_name_server = client_for(cluster)
    # a second client told only replica 1's address learns the others from replica 1 itself
    by_one_uri = ContactsClient(uris=[uris[1]], timeout=2.0)
    assert by_name_server.list_contacts() == [] and by_one_uri.list_contacts() == []
    in_use = by_name_server.current_replica[0]
    assert by_one_uri.current_replica[0] == 1
    cluster.kill_name_server()

    grace = by_name_server.add_contact({"name": "Grace Hopper"})
    assert by_name_server.get_contact(grace["id"])["name"] == "Grace Hopper"
    for replica_id, uri in uris.items():   # replicated before its replica dies (ack=local)
        with Proxy(uri) as proxy:
            wait_until(lambda: proxy.count_contacts() == 1, 10, what=f"the write on replica {replica_id}")
    cluster.kill(in_use)
    if in_use != 1:
        cluster.kill(1)
    alan = by_name_server.add_contact({"name": "Alan Turing"})
    assert {c["name"] for c in by_name_server.list_contacts()} == {"Grace Hopper", "Alan Turing"}
    wait_until(lambda: len(by_one_uri.list_contacts()) == 2, 10, what="both contacts via the peer-learnt replica")
    assert by_one_uri.current_replica[0] not in (1, in_use)
    by_one_uri.update_contact(alan["id"], {"organization": "Bletchley Park"})
    assert by_one_uri.get_contact(alan["id"])["organization"] == "Bletchley Park"
    by_name_server.close()
    by_one_uri.close()


def test_read_your_writes_across_a_failover(cluster_factory):
    cluster = cluster_factory(3)
    one, two = cluster.uri(1), cluster.uri(2)
    # only replicas 1 and 2: after replica 1 dies the client must read from replica 2
    client = ContactsClient(uris=[one, two], discover=False, timeout=2.0)
    assert client.list_contacts() == [] and client.current_replica == (1, one)
    cluster.signal(2, signal.SIGSTOP)
    try:
        # wait until replica 1's link to replica 2 hangs in a ping, so it cannot push to it
        with cluster.proxy(1) as proxy:
            wait_until(lambda: any(p["replica_id"] == 2 and p["last_seen"] < time.time() - 1.2
                                   for p in proxy.cluster_status()), 15, what="replica 2 silent")
        ada = client.add_contact({"name": "Ada Lovelace", "organization": "Analytical Engines"})
        with cluster.proxy(3) as proxy:
            wait_until(lambda: proxy.count_contacts() == 1, 10, what="the write on replica 3")
        cluster.kill(1)
    finally:
        cluster.signal(2, signal.SIGCONT)
    # replica 2 did not get the write from replica 1; the client's read makes it catch up (from 3)
    assert client.get_contact(ada["id"])["organization"] == "Analytical Engines"
    assert client.current_replica == (2, two)
    assert [c["name"] for c in client.search("lovelace")] == ["Ada Lovelace"]
    updated = client.update_contact(ada["id"], {"notes": "first programmer"})
    assert updated["write"]["origin"] == 2
    assert client.get_contact(ada["id"])["notes"] == "first programmer"
    client.close()


def test_reads_go_on_without_writes_only_a_dead_replica_holds_and_see_them_once_it_is_back(cluster_factory):
    # ack=local: a write is acknowledged once durable on one replica; a 1 s push delay leaves
    # the time to kill that replica before it passes the write on
    cluster = cluster_factory(3, env={"CONTACTS_PUSH_DELAY": "1.0"})
    client = client_for(cluster)
    events = []
    client.add_listener(lambda event: events.append(event) if event["type"] == "unreplicated" else None)
    grace = client.add_contact({"name": "Grace Hopper"})
    holder = grace["write"]["origin"]
    others = [n for n in (1, 2, 3) if n != holder]
    for other in others:
        wait_until(lambda: names_on(cluster, other)["Grace Hopper"] == 1, 10, what="Grace on every replica")
    ada = client.add_contact({"name": "Ada Lovelace"})
    assert ada["write"]["origin"] == holder
    cluster.kill(holder)
    # no reachable replica holds Ada: reads answer without her rather than fail until the holder returns
    assert [c["name"] for c in client.list_contacts()] == ["Grace Hopper"]
    assert client.unreplicated == {holder: 1}
    assert events == [{"type": "unreplicated", "missing": {holder: 1}}]
    assert [c["name"] for c in client.search("hopper")] == ["Grace Hopper"]
    # an edit of a contact no reachable replica holds is refused as unavailable, not "not found"
    with pytest.raises(UnavailableError):
        client.update_contact(ada["id"], {"notes": "first programmer"})
    # writes go on, and reads still wait for the new ones
    linus = client.add_contact({"name": "Linus Torvalds"})
    assert client.get_contact(linus["id"])["name"] == "Linus Torvalds"
    cluster.start_replica(holder)
    # Ada was durable on the killed replica: once back it passes her on, and reads wait for her again
    wait_until(lambda: client.unreplicated == {}, 30, what="a replica holding every write of the client")
    assert events[-1] == {"type": "unreplicated", "missing": {}}
    assert [c["name"] for c in client.list_contacts()] == ["Ada Lovelace", "Grace Hopper", "Linus Torvalds"]
    client.close()


def test_a_new_write_on_the_replica_of_waived_writes_makes_reads_wait_for_all_of_them_again():
    client = ContactsClient(uris=["PYRO:contacts.replica.1@127.0.0.1:9"], discover=False)
    events = []
    client.add_listener(events.append)
    entry = client.directory.entries()[0]
    client._record_write(entry, {"origin": 1, "seq": 5})
    other = KnownReplica("PYRO:contacts.replica.2@127.0.0.1:10", 2)   # answers, holds none of them
    assert client._waive_lost_writes([other])
    assert client.unreplicated == {1: 5} and events[-1] == {"type": "unreplicated", "missing": {1: 5}}
    client._record_write(entry, {"origin": 1, "seq": 6})   # replica 1 is back and took a write
    assert client.unreplicated == {}
    assert events[-1] == {"type": "unreplicated", "missing": {}}
    with client._lock:
        assert client._barrier() == {1: 6}   # reads wait for all six again
    client.close()


def test_use_replica_moves_the_client_and_reads_there_still_show_its_writes(cluster):
    client = client_for(cluster)
    ada = client.add_contact({"name": "Ada Lovelace"})
    first = client.current_replica[0]
    other = next(n for n in (1, 2, 3) if n != first)
    events = []
    client.add_listener(events.append)
    client.use_replica(other)
    assert client.current_replica[0] == other
    assert events == [{"type": "replica", "replica_id": other, "uri": cluster.uri(other), "previous": first}]
    assert client.get_contact(ada["id"])["name"] == "Ada Lovelace"   # read-your-writes over there
    assert client.add_contact({"name": "Grace Hopper"})["write"]["origin"] == other
    with pytest.raises(LookupError, match="replica 9 is not known"):
        client.use_replica(9)
    assert client.known_replicas()[0]["replica_id"] == other   # preferred from now on
    client.close()


def test_calls_from_several_threads_at_once_even_during_a_failover(cluster_factory):
    # ack=peer: a write acknowledged just before the kill is on a live replica too, so each
    # thread's read of its own write can be served at once (with ack=local it may have to
    # wait for the killed replica: see docs/client.md, read-your-writes)
    cluster = cluster_factory(3, replica_args=("--ack", "peer"))
    client = client_for(cluster)
    failures = []
    done = Counter()
    halfway = threading.Barrier(9)

    def work(thread_no):
        try:
            for i in range(30):
                if i == 15:
                    halfway.wait(30)
                added = client.add_contact({"name": f"t{thread_no}-{i}"})
                assert client.get_contact(added["id"])["name"] == f"t{thread_no}-{i}"
                done[thread_no] += 1
        except Exception as exc:  # reported below with the thread that saw it
            failures.append((thread_no, repr(exc)))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    halfway.wait(60)
    cluster.kill(client.current_replica[0])
    for thread in threads:
        thread.join(60)
    assert failures == []
    names = Counter(c["name"] for c in client.list_contacts())
    assert len(names) == 8 * 30 and set(names.values()) == {1}
    client.close()


def test_not_found_and_validation_errors_are_answers_not_failovers(cluster):
    client = client_for(cluster)
    events = []
    client.add_listener(events.append)
    with pytest.raises(ContactNotFound):
        client.get_contact("no-such-contact")
    with pytest.raises(ValidationError, match="name"):
        client.add_contact({"name": ""})
    with pytest.raises(ContactNotFound):
        client.delete_contact("no-such-contact")
    assert [e["type"] for e in events] == ["replica"]     # connected once, never moved
    ada = client.add_contact({"name": "Ada"})
    client.delete_contact(ada["id"])
    assert [c["id"] for c in client.list_deleted()] == [ada["id"]]
    assert client.restore_contact(ada["id"])["name"] == "Ada"
    status = client.cluster_status()
    assert status[0]["self"] and {s["replica_id"] for s in status} == {1, 2, 3}
    client.close()


def test_no_replica_reachable_is_one_clear_error():
    client = ContactsClient("127.0.0.1", free_port(), timeout=0.5)
    events = []
    client.add_listener(events.append)
    started = time.monotonic()
    with pytest.raises(UnavailableError, match="name server 127.0.0.1"):
        client.list_contacts()
    assert time.monotonic() - started < 3
    assert events and events[-1]["type"] == "unavailable"
    client.close()


def test_bad_arguments_are_rejected_before_any_network_call():
    with pytest.raises(ValidationError, match="uri"):
        ContactsClient(uris=["not a uri"])
    with pytest.raises(ValidationError, match="timeout"):
        ContactsClient(timeout=0)


def test_a_batch_of_contacts_is_added_once_replicated_and_read_back_after_a_failover(cluster_factory):
    cluster = cluster_factory(2)
    client = client_for(cluster)
    batch = [{"name": f"Imported {n:03d}", "emails": [{"address": f"i{n}@example.com"}]} for n in range(300)]
    batch[7] = {"name": "Bad", "emails": [{"address": "nope"}]}
    results = client.add_contacts(batch)
    assert [n for n, r in enumerate(results) if "error" in r] == [7]
    added = [r for r in results if "error" not in r]
    assert len({r["id"] for r in added}) == 299 and all(r["write"]["replicas"] >= 1 for r in added)
    first = client.current_replica[0]
    other = 2 if first == 1 else 1
    with cluster.proxy(first) as one, cluster.proxy(other) as two:   # ack=local: pushed, not awaited
        wait_until(lambda: two.version_vector() == one.version_vector(), 10, what="the batch on the peer")
    cluster.kill(first)                       # the client's writes must be readable elsewhere
    assert client.get_contact(added[-1]["id"])["name"] == "Imported 299"
    assert client.current_replica[0] != first
    assert len(client.list_contacts()) == 299
    # the same batch again (a retry after a lost answer): the client kept the ids it chose
    again = client.add_contacts([{k: v for k, v in r.items() if k != "write"} for r in added[:50]])
    assert all("error" not in r and "write" not in r for r in again)
    assert len(client.list_contacts()) == 299
    client.close()


def count_attempts(client):
    """{replica uri: how many times this thread sent the client's call to it} (probes and the
    watcher run in other threads and are not counted)."""
    counts = Counter()
    caller = threading.get_ident()
    borrow = client._pool.borrow

    def counting(uri, *args, **kwargs):
        if threading.get_ident() == caller:
            counts[uri] += 1
        return borrow(uri, *args, **kwargs)
    client._pool.borrow = counting
    return counts


def assert_unavailable_within_budget(client, attempts):
    """Every replica frozen: a read fails within the call budget, each replica asked at most once."""
    started = time.monotonic()
    with pytest.raises(UnavailableError):
        client.list_contacts()
    took = time.monotonic() - started
    assert attempts and max(attempts.values()) == 1, attempts
    assert took < client.call_budget + 1.0, f"{took:.1f} s"


def test_with_every_replica_frozen_a_call_fails_within_the_budget_asking_each_once(cluster_factory):
    cluster = cluster_factory(3)
    client = client_for(cluster, timeout=2.0)
    client.add_contact({"name": "Grace Hopper"})
    frozen = []
    try:
        for replica_id in (1, 2, 3):
            cluster.signal(replica_id, signal.SIGSTOP)
            frozen.append(replica_id)
        assert_unavailable_within_budget(client, count_attempts(client))
    finally:
        for replica_id in frozen:
            cluster.signal(replica_id, signal.SIGCONT)
    assert [c["name"] for c in client.list_contacts()] == ["Grace Hopper"]
    client.close()


def test_each_replica_is_asked_at_most_once_per_call_and_the_failover_bound_holds(cluster_factory):
    # ack=local and a 1 s push delay: a write freezes with its replica (SIGSTOP) before it is passed on
    cluster = cluster_factory(3, env={"CONTACTS_PUSH_DELAY": "1.0"})
    # timeout 2 s (budget 6 s): the failed and the refused attempts fit in the budget, so every
    # replica gets its turn before the read goes on without the frozen replica's write
    client = client_for(cluster, timeout=2.0)
    grace = client.add_contact({"name": "Grace Hopper"})
    for replica_id in (1, 2, 3):
        wait_until(lambda: names_on(cluster, replica_id)["Grace Hopper"] == 1, 10, what="Grace everywhere")
    ada = client.add_contact({"name": "Ada Lovelace"})
    holder = ada["write"]["origin"]
    others = [n for n in (1, 2, 3) if n != holder]
    frozen = [holder]
    cluster.signal(holder, signal.SIGSTOP)
    try:
        for other in others:
            assert "Ada Lovelace" not in names_on(cluster, other), "the write left its replica too soon"
        attempts = count_attempts(client)
        # the replica in use is frozen, the next one waits in vain for Ada and refuses, the third
        # is known to lack her too: the read goes on without her, and nobody was asked twice
        started = time.monotonic()
        assert [c["id"] for c in client.list_contacts()] == [grace["id"]]
        took = time.monotonic() - started
        assert client.unreplicated == {holder: 1}
        assert attempts and max(attempts.values()) == 1, attempts
        bound = client.call_budget + 3.0      # plus one replica's catch-up wait (docs/client.md)
        assert took < bound + 1.0, f"{took:.1f} s"

        # every replica frozen: the call fails, within the budget, each replica asked at most once
        for other in others:
            cluster.signal(other, signal.SIGSTOP)
            frozen.append(other)
        attempts.clear()
        assert_unavailable_within_budget(client, attempts)
    finally:
        for replica_id in frozen:
            cluster.signal(replica_id, signal.SIGCONT)
    wait_until(lambda: client.unreplicated == {}, 30, what="Ada back in the client's reads")
    assert {c["name"] for c in client.list_contacts()} == {"Ada Lovelace", "Grace Hopper"}
    client.close()
