"""Disk full: a replica's data dir is a tmpfs of its own, filled up by a filler file.

Every replica's data dir is mounted as a tmpfs before the replica first starts (root
only; ``mount_error()`` says why not).  The tmpfs is sized far above what a run writes
(``SIZE``) so that it is never full by accident.  A fault first shrinks it to what is
used plus ``HEADROOM`` (so that the filler costs a few MB of RAM, not the whole size),
then writes a filler file into the rest until the kernel says ENOSPC; healing deletes
the filler and gives the size back.  Nothing in the replica knows: its SQLite commits
fail with "database or disk is full" as on a real disk.

What it shows: writes on that replica are refused with a clear error (the client saves
them on another replica), it keeps serving reads, it takes writes again once space
returns, and nothing acknowledged is lost (no hole in its own sequence).
"""
import errno
import os
import shutil
import subprocess
import tempfile

SIZE = 2 * 1024 ** 3          # bytes a tmpfs may hold when no fault is in force (virtual)
HEADROOM = 8 * 1024 ** 2      # room left for the filler when a fault shrinks the tmpfs
FILLER = ".disk-full-filler"
CHUNK = 1024 * 1024


def _run(*argv):
    done = subprocess.run(list(argv), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: {(done.stderr or done.stdout).strip()}")


def mount_error():
    """None when a tmpfs can be mounted here, else the reason (not root, no mount ...)."""
    probe = tempfile.mkdtemp(prefix="contacts-tmpfs-probe-")
    try:
        _run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe)
        _run("umount", probe)
        return None
    except (OSError, RuntimeError) as exc:
        return f"the disk-full fault needs to mount a tmpfs (root): {exc}"
    finally:
        os.rmdir(probe)


def mount(path):
    """Make ``path`` (a replica's data dir, empty or absent) a tmpfs of its own."""
    os.makedirs(path, exist_ok=True)
    if not os.path.ismount(path):
        _run("mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(path))


def _used(path):
    stat = os.statvfs(path)
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize


def fill(path):
    """Fill the tmpfs at ``path`` up; returns the filler's size in bytes."""
    # page-rounded, and never below what is used (tmpfs refuses to shrink under its contents)
    _run("mount", "-o", f"remount,size={_used(path) + HEADROOM}", str(path))
    written = 0
    with open(os.path.join(path, FILLER), "wb", buffering=0) as filler:
        block = b"\0" * CHUNK
        while True:
            try:
                written += filler.write(block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                if len(block) == 1:
                    return written
                block = block[:len(block) // 2]   # the last pages, down to the last byte


def free(path):
    """Delete the filler and give the tmpfs its size back (space returns)."""
    try:
        os.unlink(os.path.join(path, FILLER))
    except FileNotFoundError:
        pass
    _run("mount", "-o", f"remount,size={SIZE}", str(path))


def unmount(path, keep_copy=True):
    """Unmount the tmpfs at ``path``; its files are copied to ``<path>-disk`` first (the
    data and logs of a failed run are kept)."""
    if not os.path.ismount(path):
        return
    if keep_copy:
        shutil.copytree(path, f"{path}-disk", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(FILLER))
    subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)
