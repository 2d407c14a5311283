"""Slow disk: a replica's fsync and fdatasync take seconds (a test fault).

A small LD_PRELOAD library (built here from C with the system's ``cc``, once per source
version, into /tmp/contacts-faults-shims/) wraps ``fsync`` and ``fdatasync``: before the
real call it reads a number of seconds from the file named by ``CONTACTS_SLOW_FSYNC_FILE``
(``slow-fsync-<id>`` in the cluster's dir) and sleeps that long.  SQLite's commits, and so
the replica's acknowledgements, go through those calls; nothing in the replica is changed
or told.  0 (or no file) is a normal disk.

What it shows: an acknowledgement waits for its fsync (a write acknowledged and then
SIGKILLed is there after the restart), and updates keep their order (seq) on the slow
replica and on its peers.
"""
import hashlib
import os
import subprocess
from pathlib import Path

SOURCE = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void slow_down(void) {
    const char *path = getenv("CONTACTS_SLOW_FSYNC_FILE");
    double seconds = 0;
    FILE *file;
    if (!path || !(file = fopen(path, "r"))) return;
    if (fscanf(file, "%lf", &seconds) != 1) seconds = 0;
    fclose(file);
    if (seconds > 0) {
        struct timespec wait = {(time_t) seconds, (long) ((seconds - (time_t) seconds) * 1e9)};
        nanosleep(&wait, NULL);
    }
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int)) dlsym(RTLD_NEXT, "fsync");
    slow_down();
    return real(fd);
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int)) dlsym(RTLD_NEXT, "fdatasync");
    slow_down();
    return real(fd);
}
"""
SHIMS = Path("/tmp/contacts-faults-shims")


def library():
    """The built shim (built on first use); RuntimeError without a C compiler."""
    digest = hashlib.sha256(SOURCE.encode()).hexdigest()[:12]
    target = SHIMS / f"slow-fsync-{digest}.so"
    if target.exists():
        return str(target)
    SHIMS.mkdir(parents=True, exist_ok=True)
    source = SHIMS / f"slow-fsync-{digest}.{os.getpid()}.c"
    source.write_text(SOURCE)
    built = source.with_suffix(".so")
    try:
        subprocess.run(["cc", "-shared", "-fPIC", "-O2", "-o", str(built), str(source), "-ldl"],
                       check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(f"the slow-disk fault needs a C compiler (cc) to build its shim: {exc}") from None
    os.replace(built, target)   # atomic: parallel runs never load a half-written library
    source.unlink()
    return str(target)


def delay_file(cluster, replica_id):
    return cluster.base_dir / f"slow-fsync-{replica_id}"


def environment(cluster, replica_id):
    cluster.base_dir.mkdir(parents=True, exist_ok=True)
    return {"LD_PRELOAD": library(), "CONTACTS_SLOW_FSYNC_FILE": str(delay_file(cluster, replica_id))}


def set_delay(cluster, replica_id, seconds):
    """Every fsync of replica ``replica_id`` takes ``seconds`` more from now on (0: normal)."""
    delay_file(cluster, replica_id).write_text(f"{seconds}\n")


def preload_environment(cluster, replica_id, kinds):
    """The environment a replica needs for the shim-based fault kinds in ``kinds``
    (LD_PRELOAD holds every library asked for)."""
    from . import clock
    env, libraries = {}, []
    for kind, module in (("slowdisk", None), ("clock", clock)):
        if kind not in kinds:
            continue
        part = environment(cluster, replica_id) if module is None else module.environment(cluster, replica_id)
        libraries.append(part.pop("LD_PRELOAD"))
        env.update(part)
    if libraries:
        env["LD_PRELOAD"] = " ".join(libraries)
    return env
