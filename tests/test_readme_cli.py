"""The README's command-line examples, run as written after its REPL session's contacts."""
import re
import shlex
import subprocess
import sys

from contacts.cluster import ROOT

README = ROOT / "README.md"


def readme_cli_commands():
    """The `contacts ...` lines of the README's command-line block, and the ones its
    comments name (`contacts show katherine`), in order; import/export need files: left out."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Command line"):]
    block = re.search(r"^```sh\n(.*?)^```", section, re.S | re.M).group(1)
    commands = []
    for line in block.splitlines():
        code, _, comment = line.partition("#")
        commands.append(code.strip())
        commands += [c.strip() for c in re.findall(r"contacts [^,;]+", comment)]
    return [shlex.split(c)[1:] for c in commands
            if c.startswith("contacts ") and shlex.split(c)[1] not in ("import", "export")]


def test_the_readme_command_lines_work_after_its_repl_session(cluster_factory):
    cluster = cluster_factory(1)
    with cluster.proxy(1) as book:     # what the REPL session adds, by the same calls
        book.add_contact({"name": "Ada Lovelace", "phones": [{"label": "mobile", "number": "+44 20 7946 0958"}]})
        book.add_contacts([{"name": "Grace Hopper"}, {"name": ""}])
    commands = readme_cli_commands()
    assert any(args[:1] == ["show"] for args in commands) and len(commands) >= 8
    for args in commands:
        done = subprocess.run([sys.executable, "-m", "contacts.cli", *args], env=cluster.env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"contacts {shlex.join(args)}: {done.returncode}\n{done.stderr}"


def test_the_readme_lists_every_exit_code():
    from contacts import cli
    text = README.read_text(encoding="utf-8")
    codes = {cli.EXIT_OK, cli.EXIT_NOT_FOUND, cli.EXIT_USAGE, cli.EXIT_UNAVAILABLE, cli.EXIT_PARTIAL}
    listed = re.search(r"Exit codes: (.*?)\.\n", text, re.S).group(1)
    assert {int(n) for n in re.findall(r"\b(\d) [a-z]", listed)} == codes
