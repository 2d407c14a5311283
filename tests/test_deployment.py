"""docs/deployment.md's recipe, run as written: the name server and three replicas each
on a host of its own (a network namespace with its own address), a client in the root
namespace; once in plain TCP and once with the doc's TLS set-up.  The shell blocks are
read from the doc, with the example network 10.0.0.0/24 and /var/lib/contacts replaced
by this run's subnet and a temp dir."""
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from contacts.cluster import wait_until
from contacts.testing.faults import netns

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deployment.md"
AVAILABLE, WHY_NOT = netns.netns_available()
pytestmark = pytest.mark.skipif(not AVAILABLE, reason=f"the deployment recipe needs network namespaces "
                                                      f"(root and ip netns): {WHY_NOT}")
HOSTS = {"nameserver": 2, "replica-1": 11, "replica-2": 12, "replica-3": 13}

#: what the test checks from the root namespace, in a process of its own (so that its
#: TLS settings, which are process-wide in Pyro5, stay out of the test process)
PROBE = textwrap.dedent("""
    import json, os, sys, time
    from Pyro5.api import Proxy
    from contacts.client import ContactsClient
    from contacts.replica.registration import list_replicas, name_server_proxy
    from contacts.security import tls
    if os.environ.get("CONTACTS_TLS_DIR"):
        tls.configure_client_tls(os.environ["CONTACTS_TLS_DIR"])
    ns_host, command = sys.argv[1], sys.argv[2]
    def call(uri, method, *args):
        with Proxy(uri) as proxy:
            proxy._pyroTimeout = 5
            return getattr(proxy, method)(*args)
    with name_server_proxy(ns_host, 9090, timeout=2) as ns:
        replicas = list_replicas(ns)
    if command == "replicas":
        print(json.dumps({str(k): v for k, v in replicas.items()}))
    elif command == "status":
        print(json.dumps({str(k): call(uri, "cluster_status") for k, uri in replicas.items()}))
    elif command == "names":
        print(json.dumps({str(k): [c["name"] for c in call(uri, "list_contacts")] for k, uri in replicas.items()}))
    elif command == "write-here-read-there":
        with ContactsClient(ns_host=ns_host, ns_port=9090, timeout=3) as contacts:
            added = contacts.add_contact({"name": "Grace Hopper"})
        origin, seq = added["write"]["origin"], added["write"]["seq"]
        other = next(uri for replica_id, uri in replicas.items() if replica_id != origin)
        # after=: the other host first catches up with that write (or says it cannot)
        print(json.dumps(call(other, "get_contact", added["id"], {str(origin): seq})["name"]))
""")


def recipe_blocks():
    """{machine: shell text} of the doc's ``# on MACHINE`` blocks."""
    blocks = {}
    for block in re.findall(r"```sh\n(.*?)```", DOC.read_text(), re.S):
        match = re.match(r"# on (?:a |the )?(\S+)", block)
        if match:
            blocks[match.group(1)] = block
    return blocks


@pytest.fixture
def network():
    with netns.Network(list(HOSTS), numbers=HOSTS) as network:
        yield network


@pytest.mark.timeout(150)
@pytest.mark.parametrize("security", ["plain", "tls"])
def test_recipe_runs_each_process_on_its_own_host(network, tmp_path, security):
    blocks = recipe_blocks()
    assert {*HOSTS, "client", "CA"} <= set(blocks), f"docs/deployment.md blocks: {sorted(blocks)}"
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}", PYTHONUNBUFFERED="1")
    for name in ("PYRO_NS_HOST", "PYRO_NS_PORT", "CONTACTS_TLS_DIR", "CONTACTS_TLS_CLIENT"):
        env.pop(name, None)

    def localize(text):
        return text.replace("10.0.0.", f"{network.subnet}.").replace("/var/lib/contacts", str(tmp_path))

    if security == "tls":
        made = subprocess.run(["bash", "-euc", localize(blocks["CA"])], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=60)
        assert made.returncode == 0, made.stdout + made.stderr
        env["CONTACTS_TLS_DIR"] = str(tmp_path / "tls")
    ns_address = network.address("nameserver")
    processes = []

    def start(machine):
        log = open(tmp_path / f"{machine}.log", "wb")
        processes.append(subprocess.Popen(network.command(machine, ["bash", "-euc", localize(blocks[machine])]),
                                          cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))

    def probe(command, must=True):
        result = subprocess.run([sys.executable, "-c", PROBE, ns_address, command], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            assert not must, result.stdout + result.stderr
            return None   # not up yet: wait_until asks again
        return json.loads(result.stdout)

    try:
        start("nameserver")
        wait_until(lambda: probe("replicas", must=False) == {}, 30, what="the name server on its own host")
        for replica in ("replica-1", "replica-2", "replica-3"):
            start(replica)
        replicas = wait_until(lambda: len(probe("replicas")) == 3 and probe("replicas"), 40,
                              what="three replicas registered")
        replicas = {int(replica_id): uri for replica_id, uri in replicas.items()}
        # each replica serves at its own host's address ...
        for replica_id, uri in replicas.items():
            assert f"@{network.address(f'replica-{replica_id}')}:7000" in uri
        # ... and sees the other two alive, at theirs
        wait_until(lambda: all(len(s) == 3 and all(r["alive"] for r in s) for s in probe("status").values()),
                   30, what="every replica sees its peers")

        # the client block, from the root namespace: writes, lists and shows the status
        client = subprocess.run(["bash", "-euc", localize(blocks["client"])], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert client.returncode == 0, client.stdout + client.stderr
        assert "Ada Lovelace" in client.stdout

        # replication: every replica, on its own host, holds the contact
        wait_until(lambda: all(n == ["Ada Lovelace"] for n in probe("names").values()), 20,
                   what="the contact on all three replicas")
        # a Python client writes on one host, and another host serves the write
        assert probe("write-here-read-there") == "Grace Hopper"

        if security == "tls":
            # without a certificate nobody gets in, even on the right network
            plain = dict(env)
            plain.pop("CONTACTS_TLS_DIR")
            result = subprocess.run([sys.executable, "-c", PROBE, ns_address, "names"], cwd=ROOT, env=plain,
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode != 0
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
