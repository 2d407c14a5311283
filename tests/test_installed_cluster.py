"""`contacts-cluster` from a plain (non-editable) `pip install`, run from another directory:
it must start the name server from the installed package, not from the source tree."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from Pyro5.api import Proxy

from contacts.cluster import free_port, wait_until
from contacts.naming import name_server_proxy, replica_name

SOURCE = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_contacts_cluster_runs_from_a_non_editable_install(tmp_path):
    # a copy of the project (pip builds in the tree: keep build/ and egg-info out of ours)
    src = tmp_path / "src"
    shutil.copytree(SOURCE, src, ignore=shutil.ignore_patterns(
        ".git", "__pycache__", "build", "dist", "*.egg-info", ".pytest_cache", ".hypothesis", "tests",
        "bench", "docs", "*.sqlite*"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                   check=True, timeout=60)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYRO_", "CONTACTS_")) and k not in ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY")}
    try:   # the test extras bring wheel: build offline with what is installed
        import wheel  # noqa: F401
        offline = ["--no-build-isolation", "--no-index"]
    except ImportError:   # else pip fetches setuptools and wheel for the build
        offline = []
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", *offline, str(src)],
                               env=env, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    shutil.rmtree(src)                          # nothing may come from a source tree now
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    where = subprocess.run([str(python), "-c", "import contacts; print(contacts.__file__)"], cwd=elsewhere,
                           env=env, capture_output=True, text=True, timeout=60)
    package = Path(where.stdout.strip()).parent
    assert package.is_relative_to(venv), where.stdout + where.stderr
    assert not (package.parent / "nameserver.sh").exists()

    port = free_port()
    log = open(tmp_path / "cluster.log", "w+")
    launcher = subprocess.Popen([str(venv / "bin" / "contacts-cluster"), "--no-gui", "--replicas", "2",
                                 "--ns-port", str(port), "--data-dir", "data"],
                                cwd=elsewhere, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        def registered():
            assert launcher.poll() is None, "the launcher exited"
            with name_server_proxy("127.0.0.1", port, timeout=1) as ns:
                uris = [ns.lookup(replica_name(r)) for r in (1, 2)]
            for uri in uris:
                with Proxy(uri) as proxy:
                    proxy._pyroTimeout = 1
                    proxy.ping()
            return True

        def up():
            log.seek(0)
            return "replica 2: up at" in log.read()
        try:
            wait_until(registered, 30, what="the name server and 2 replicas of the installed package")
            wait_until(up, 10, what="the launcher's report")
        except (TimeoutError, AssertionError):
            log.seek(0)
            pytest.fail("contacts-cluster did not start:\n" + log.read()[-3000:])
        # --data-dir is relative to where the launcher was run, not to the package
        assert (elsewhere / "data" / "nameserver" / "nameserver.sqlite").exists()
        assert (elsewhere / "data" / "replica-1").is_dir()
        launcher.send_signal(signal.SIGTERM)
        assert launcher.wait(30) == 0
    finally:
        if launcher.poll() is None:
            launcher.kill()
            launcher.wait(10)
        log.close()
