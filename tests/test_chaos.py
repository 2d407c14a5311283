"""A short chaos run in the suite: clients write while every kind of fault is
injected; the checker must find nothing lost, unexpected, resurrected or divergent.
Beside the plain workload, two threads edit every field of shared rich contacts (checked
per merge rule) and two CardDAV clients write and sync through gateways (their views
checked against a full listing and the cluster), in the same run.

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
         "--rich-clients", "2", "--rich-contacts", "3", "--carddav-clients", "2",
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
    # the rich edits were made and judged field by field, by their merge rules
    assert int(figures["rich_acked"]) > 50, output
    assert int(figures["rich_checks"]) >= 3 * 3 * 10, output   # 3 contacts x 3 replicas x 10 fields
    for violation in ("lost", "unexpected", "photo", "divergent", "unreadable"):
        assert figures[f"rich_{violation}"] == "0", output
    # the CardDAV clients wrote, synced incrementally, and their views hold the cluster's cards
    assert int(figures["dav_acked"]) > 20 and int(figures["dav_syncs"]) > 5, output
    assert figures["dav_missed"] == "0" and figures["dav_view"] == "0", output
    # every operation is in the history, and the report says how partitions were made
    assert len(history.read_text().splitlines()) == int(figures["ops"])
    assert "hosts: netns" in output or "hosts: loopback" in output
