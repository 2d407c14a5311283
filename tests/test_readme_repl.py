"""The README's REPL session, run exactly as written against a real cluster."""
import doctest
import re

from Pyro5.api import config

from contacts.cluster import ROOT


def readme_session():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)
    sessions = [block for block in blocks if block.lstrip().startswith(">>>")]
    assert len(sessions) == 1, "the README has one REPL session"
    return sessions[0]


def test_readme_repl_session_works_as_written(cluster, monkeypatch):
    # what a user's PYRO_NS_HOST / PYRO_NS_PORT do; Pyro5 read them into its config at import
    monkeypatch.setenv("PYRO_NS_HOST", cluster.host)
    monkeypatch.setenv("PYRO_NS_PORT", str(cluster.ns_port))
    monkeypatch.setattr(config, "NS_HOST", cluster.host)
    monkeypatch.setattr(config, "NS_PORT", cluster.ns_port)

    session = readme_session()
    test = doctest.DocTestParser().get_doctest(session, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 8
    output = []
    runner = doctest.DocTestRunner(verbose=False)
    result = runner.run(test, out=output.append, clear_globs=False)
    assert result.failed == 0, "".join(output)

    # the session really stored what it says, on the test cluster
    book = cluster.proxy(1)
    assert [c["name"] for c in book.search("Lovelace")] == ["Ada Lovelace"]
