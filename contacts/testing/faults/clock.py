"""Clock jumps: a replica's wall clock moves (libfaketime), while the others' does not.

The replica runs under ``LD_PRELOAD=libfaketime.so.1`` with ``FAKETIME_TIMESTAMP_FILE``
naming a file of its own (``clock-<id>.offset`` in the cluster's dir).  The file holds a
relative offset in seconds (``+86400``, ``-3600``); libfaketime re-reads it at most once a
second (``FAKETIME_CACHE_DURATION``), so a jump lands in a running process, as an NTP
step or a wrong RTC does.  Only the wall clock moves (``DONT_FAKE_MONOTONIC``): timeouts
and deadlines run on the monotonic clock, which a real clock step does not move either.

Installed with ``apt-get install faketime`` (Debian/Ubuntu: libfaketime).  What a jump
shows: nothing that orders updates reads the wall clock (Lamport stamps, version vectors;
contacts/clock.py), so a replica whose clock says yesterday still wins with a later edit.
"""
import glob

LIBRARY_GLOBS = ("/usr/lib/*/faketime/libfaketime.so.1", "/usr/lib/faketime/libfaketime.so.1",
                 "/usr/local/lib/faketime/libfaketime.so.1")


def library():
    """The path of libfaketime.so.1, or None when it is not installed."""
    for pattern in LIBRARY_GLOBS:
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return None


def offset_file(cluster, replica_id):
    return cluster.base_dir / f"clock-{replica_id}.offset"


def environment(cluster, replica_id):
    """The variables that put replica ``replica_id`` under its own movable clock."""
    path = library()
    if path is None:
        raise RuntimeError("clock jumps need libfaketime: apt-get install faketime")
    offset = offset_file(cluster, replica_id)
    cluster.base_dir.mkdir(parents=True, exist_ok=True)
    if not offset.exists():
        offset.write_text("+0\n")
    return {"LD_PRELOAD": path, "FAKETIME_TIMESTAMP_FILE": str(offset), "FAKETIME_CACHE_DURATION": "1",
            "DONT_FAKE_MONOTONIC": "1", "FAKETIME_DONT_RESET": "1"}


def jump(cluster, replica_id, seconds):
    """Set replica ``replica_id``'s wall clock ``seconds`` away from the real one (0: back)."""
    offset_file(cluster, replica_id).write_text(f"{int(seconds):+d}\n")
