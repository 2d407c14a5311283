"""The README's REPL session, run exactly as written against a real cluster.

It runs in a fresh interpreter, as a user's REPL would: only Pyro5 imported, the name
server found through PYRO_NS_HOST / PYRO_NS_PORT (Pyro5 reads them into its config at
import). In this test process other tests may have installed contacts.protocol's precise
error classes, and the README promises a bare proxy's ValueError.
"""
import re
import subprocess
import sys

from contacts.cluster import ROOT

README = ROOT / "README.md"

RUN_SESSION = r"""
import doctest, sys
session = sys.stdin.read()
test = doctest.DocTestParser().get_doctest(session, {}, "README.md", sys.argv[1], 0)
runner = doctest.DocTestRunner(verbose=False)
result = runner.run(test)
assert "contacts" not in sys.modules, "the session must work with Pyro5 alone"
print(f"{result.attempted} examples, {result.failed} failed")
sys.exit(1 if result.failed or not result.attempted else 0)
"""


def readme_session():
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    sessions = [block for block in blocks if block.lstrip().startswith(">>>")]
    assert len(sessions) == 1, "the README has one REPL session"
    return sessions[0]


def test_readme_repl_session_works_as_written(cluster):
    session = readme_session()
    assert session.count(">>> ") >= 8
    env = dict(cluster.env)   # PYRO_NS_HOST / PYRO_NS_PORT of the test cluster
    done = subprocess.run([sys.executable, "-c", RUN_SESSION, str(README)], input=session, text=True,
                          capture_output=True, env=env, cwd="/", timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    # the session really stored what it says, on the test cluster
    book = cluster.proxy(1)
    assert [c["name"] for c in book.search("Lovelace")] == ["Ada Lovelace"]
