"""The layers of docs/architecture.md hold: import-linter checks the contracts in
pyproject.toml against every import in the package (function-level ones included)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint(*args, cwd=ROOT):
    exe = shutil.which("lint-imports") or pytest.fail("import-linter is not installed (pip install -e '.[test]')")
    return subprocess.run([exe, "--no-cache", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": str(Path(exe).parent)})


def test_every_layer_contract_is_kept():
    result = lint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout
    assert result.stdout.count(" KEPT") >= 10


def test_a_broken_layer_is_reported(tmp_path):
    # the same checker, given a contract the code breaks (the CLI is built on the client),
    # must fail: the contracts above are checked, not merely parsed
    config = tmp_path / "contracts.ini"
    config.write_text("[importlinter]\nroot_package = contacts\n\n"
                      "[importlinter:contract:cli-without-client]\nname = cli without client\n"
                      "type = forbidden\nsource_modules = contacts.cli\nforbidden_modules = contacts.client\n")
    result = lint(str(config))
    assert result.returncode != 0
    assert "contacts.cli is not allowed to import contacts.client" in result.stdout


def contract(name_start):
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        tomllib = pytest.importorskip("tomli")
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith(name_start))


def test_the_package_wide_contracts_name_every_module_of_the_package():
    # a forbidden contract checks only the modules it lists: a module added later and not
    # listed could import the test harness (or cryptography) unseen
    package = ROOT / "contacts"
    tops = {f"contacts.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"}
    tops |= {f"contacts.{p.parent.name}" for p in package.glob("*/__init__.py")}
    harness = contract("nothing in the package imports the test harness")
    assert tops - {"contacts.testing"} - set(harness["source_modules"]) == set()
    crypto = contract("only contacts.security imports cryptography")
    assert tops - {"contacts.testing", "contacts.security"} - set(crypto["source_modules"]) == set()
