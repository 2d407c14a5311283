"""docs/deployment.md's recipe, run as written: the name server and three replicas each
on a host of its own (a network namespace with its own address), a client in the root
namespace.  The shell blocks are read from the doc, with the example network 10.0.0.0/24
and /var/lib/contacts replaced by this run's subnet and a temp dir."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from Pyro5.api import Proxy

from contacts.cluster import wait_until
from contacts.faults import netns
from contacts.registry import list_replicas, name_server_proxy

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deployment.md"
AVAILABLE, WHY_NOT = netns.netns_available()
pytestmark = pytest.mark.skipif(not AVAILABLE, reason=f"the deployment recipe needs network namespaces "
                                                      f"(root and ip netns): {WHY_NOT}")
HOSTS = {"nameserver": 2, "replica-1": 11, "replica-2": 12, "replica-3": 13}


def recipe_blocks():
    """{machine: shell text} of the doc's ``# on MACHINE`` blocks, in order."""
    blocks = {}
    for block in re.findall(r"```sh\n(.*?)```", DOC.read_text(), re.S):
        first = block.splitlines()[0]
        match = re.match(r"# on (\S+)", first)
        if match:
            machine = match.group(1)
            blocks["client" if machine == "a" else machine] = block
    return blocks


def localize(text, subnet, data_dir):
    return text.replace("10.0.0.", f"{subnet}.").replace("/var/lib/contacts", str(data_dir))


@pytest.fixture
def network():
    with netns.Network(list(HOSTS), numbers=HOSTS) as network:
        yield network


@pytest.mark.timeout(120)
def test_recipe_runs_each_process_on_its_own_host(network, tmp_path):
    blocks = recipe_blocks()
    assert set(blocks) == {*HOSTS, "client"}, f"docs/deployment.md blocks: {sorted(blocks)}"
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}", PYTHONUNBUFFERED="1")
    for name in ("PYRO_NS_HOST", "PYRO_NS_PORT", "CONTACTS_TLS_DIR"):
        env.pop(name, None)
    processes = []

    def start(machine):
        log = open(tmp_path / f"{machine}.log", "wb")
        script = localize(blocks[machine], network.subnet, tmp_path)
        processes.append(subprocess.Popen(network.command(machine, ["bash", "-euc", script]), cwd=ROOT,
                                          env=env, stdout=log, stderr=subprocess.STDOUT))

    ns_address = network.address("nameserver")
    try:
        start("nameserver")

        def name_server_lists(count):
            with name_server_proxy(ns_address, 9090, timeout=1) as ns:
                return len(list_replicas(ns)) == count
        wait_until(lambda: name_server_lists(0), 20, what="the name server on its own host")
        for replica in ("replica-1", "replica-2", "replica-3"):
            start(replica)
        wait_until(lambda: name_server_lists(3), 30, what="three replicas registered")

        # each replica serves at its own host's address, and sees the others at theirs
        replicas = {}
        with name_server_proxy(ns_address, 9090, timeout=2) as ns:
            replicas = list_replicas(ns)
        for replica_id, uri in replicas.items():
            assert f"@{network.address(f'replica-{replica_id}')}:7000" in uri

        def all_peers_alive(replica_id):
            with Proxy(replicas[replica_id]) as proxy:
                proxy._pyroTimeout = 2
                status = proxy.cluster_status()
            return len(status) == 3 and all(s["alive"] for s in status)
        for replica_id in replicas:
            wait_until(lambda: all_peers_alive(replica_id), 20, what=f"replica {replica_id} sees its peers")

        # the client block, from the root namespace: writes, lists and shows the status
        client = subprocess.run(["bash", "-euc", localize(blocks["client"], network.subnet, tmp_path)],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert client.returncode == 0, client.stdout + client.stderr
        assert "Ada Lovelace" in client.stdout

        # replication: every replica, on its own host, holds the contact
        def everywhere():
            names = []
            for uri in replicas.values():
                with Proxy(uri) as proxy:
                    proxy._pyroTimeout = 2
                    names.append([c["name"] for c in proxy.list_contacts()])
            return all(n == ["Ada Lovelace"] for n in names)
        wait_until(everywhere, 20, what="the contact on all three replicas")

        # a Python client from the root namespace writes on one host and reads on another
        from contacts.client import ContactsClient
        with ContactsClient(ns_host=ns_address, ns_port=9090, timeout=3) as contacts:
            added = contacts.add_contact({"name": "Grace Hopper", "emails": [{"label": "work",
                                                                              "address": "grace@example.com"}]})
            assert added["write"]["origin"] in replicas
        origin, seq = added["write"]["origin"], added["write"]["seq"]
        other = next(uri for replica_id, uri in replicas.items() if replica_id != origin)
        with Proxy(other) as proxy:
            proxy._pyroTimeout = 5
            # after=: the other host first catches up with that write (or says it cannot)
            assert proxy.get_contact(added["id"], {str(origin): seq})["name"] == "Grace Hopper"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
