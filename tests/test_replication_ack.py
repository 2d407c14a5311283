"""The 'peer' acknowledgement mode (--ack peer): a write is acknowledged once a peer
also holds it durably, or after --ack-timeout with an honest count of who holds it."""
import signal
import time

from convergence import call, cluster_uris, fast_env, wait_converged

ACK_TIMEOUT = 2.0  # generous: a busy machine must not make a live peer look absent


def test_peer_ack_counts_the_replicas_that_hold_the_write(cluster_factory):
    cluster = cluster_factory(3, replica_args=("--ack", "peer", "--ack-timeout", str(ACK_TIMEOUT)),
                              env=fast_env())
    one, two, three = cluster_uris(cluster, (1, 2, 3))
    write = call(one, "add_contact", {"name": "All up"})["write"]
    assert write["ack"] == "peer" and write["replicas"] >= 2

    cluster.signal(3, signal.SIGSTOP)  # frozen: holds connections, answers nothing
    assert call(one, "add_contact", {"name": "One peer up"})["write"]["replicas"] == 2

    cluster.signal(2, signal.SIGSTOP)
    started = time.monotonic()
    write = call(one, "add_contact", {"name": "No peer up"})["write"]
    waited = time.monotonic() - started
    assert write["replicas"] == 1  # durable here only, and the answer says so
    assert ACK_TIMEOUT * 0.9 <= waited < ACK_TIMEOUT + 5

    for replica_id in (2, 3):
        cluster.signal(replica_id, signal.SIGCONT)
    final = wait_converged([one, two, three], timeout=20)
    assert sorted(c["name"] for c in final["contacts"]) == ["All up", "No peer up", "One peer up"]
