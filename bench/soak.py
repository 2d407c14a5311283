"""The soak: bench/chaos.py for 30 minutes with 3 replicas, 8 clients, every fault kind,
and each replica's RSS, open fds and threads sampled every 10 s; the run fails on any
violation of the checker and on growth beyond the bounds of
contacts/testing/faults/resources.py (see docs/reliability.md).

    python bench/soak.py --seed 45            # any bench/chaos.py option may follow
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import chaos  # noqa: E402  bench/chaos.py

SOAK = ["--seconds", "1800", "--replicas", "3", "--clients", "8", "--resources", "10", "--warmup", "60"]

if __name__ == "__main__":
    os.environ.setdefault("CONTACTS_PING_INTERVAL", "0.5")
    sys.exit(chaos.main(SOAK + sys.argv[1:]))   # later options win (argparse)
