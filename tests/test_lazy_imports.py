"""A replica without TLS never loads `cryptography` (only certificate making needs it)."""
import subprocess
import sys
import textwrap

from contacts.cluster import free_port

REPLICA_RUNNER = textwrap.dedent("""
    import os, signal, sys, threading, time
    from contacts import replica
    from contacts.naming import replica_name
    port, data_dir = int(sys.argv[1]), sys.argv[2]

    def watch():
        from Pyro5.api import Proxy
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with Proxy(f"PYRO:{replica_name(1)}@127.0.0.1:{port}") as proxy:
                    proxy._pyroTimeout = 1
                    proxy.ping()
                break
            except Exception:
                time.sleep(0.05)
        else:
            print("NOT SERVING", flush=True)
        print("CRYPTOGRAPHY LOADED" if "cryptography" in sys.modules else "NO CRYPTOGRAPHY", flush=True)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()
    sys.exit(replica.main(["1", "--data-dir", data_dir, "--port", str(port)]))
""")


def test_importing_the_server_modules_loads_no_cryptography():
    code = ("import sys; import contacts.replica, contacts.replica.book, contacts.security.tls, contacts.cluster, contacts.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cryptography'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_running_replica_without_tls_loads_no_cryptography(cluster_factory, tmp_path):
    cluster = cluster_factory(0)           # the name server alone
    env = {k: v for k, v in cluster.env.items() if k != "CONTACTS_TLS_DIR"}
    done = subprocess.run([sys.executable, "-c", REPLICA_RUNNER, str(free_port()), str(tmp_path / "r1")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert "NOT SERVING" not in done.stdout, done.stdout + done.stderr
    assert "NO CRYPTOGRAPHY" in done.stdout, done.stdout + done.stderr


def test_making_certificates_still_works(tmp_path):
    from contacts.security import certs
    written = certs.make_cluster_certs(tmp_path / "tls", replicas=[1], clients=["alice"])
    assert "ca.crt" in written and "replica-1.crt" in written and "client-alice.key" in written
