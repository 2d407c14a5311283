"""A short chaos run in the suite: clients write while every kind of fault is
injected; the checker must find nothing lost, unexpected, resurrected or divergent.

The long runs are a documented command (docs/reliability.md):
``python bench/chaos.py --seconds 600 --seed 1 --replicas 3 --clients 4``.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: a seed whose schedule, at these fault and gap lengths, holds all six fault kinds in 20 s
SEED = 293


@pytest.mark.timeout(240)
def test_short_chaos_run_loses_nothing(tmp_path):
    history = tmp_path / "history.jsonl"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "chaos.py"), "--seconds", "20", "--seed", str(SEED),
         "--replicas", "3", "--clients", "4",
         "--faults", "kill,pause,nameserver,latency,cut,partition", "--gap-seconds", "0.3", "1.5", "--fault-seconds", "1", "3",
         "--data-dir", str(tmp_path / "cluster"), "--history", str(history)],
        capture_output=True, text=True, timeout=220, cwd=ROOT)
    output = run.stdout + run.stderr
    figures = dict(item.split("=", 1) for item in run.stdout.strip().splitlines()[-1].split())
    assert run.returncode == 0, output
    assert figures["result"] == "PASS", output
    for violation in ("lost", "unexpected", "resurrected", "divergent", "unreadable", "stale"):
        assert figures[violation] == "0", output
    assert int(figures["acked"]) > 100, output
    assert int(figures["reads"]) > 10, output   # clients read their own contacts back
    # the nemesis did its job: several faults, of several kinds, each healed and converged
    assert int(figures["faults"]) >= 4, output
    assert sum(int(figures[f"faults_{k}"]) > 0 for k in ("kill", "pause", "nameserver", "latency",
                                                          "cut", "partition")) >= 4, output
    assert figures["converge_max"] != "-" and figures["final_converge"] != "-", output
    # every operation is in the history, and the report says how partitions were made
    assert len(history.read_text().splitlines()) == int(figures["ops"])
    assert "hosts: netns" in output or "hosts: loopback" in output
