"""How a replica's cluster_status() row reads to a person (shared by the CLI and the GUI)."""
import time


def describe_age(last_seen, now=None):
    """'just now', '12 s ago', '5 min ago' or a date, for a last-seen wall-clock time."""
    if last_seen is None:
        return "never"
    age = max(0.0, (now or time.time()) - last_seen)
    if age < 1.5:
        return "just now"
    if age < 120:
        return f"{age:.0f} s ago"
    if age < 7200:
        return f"{age / 60:.0f} min ago"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(last_seen))


def describe_lag(behind):
    if behind is None:
        return "unknown"
    if behind == 0:
        return "up to date"
    return f"{behind} update{'s' if behind != 1 else ''} behind"


def address_of(uri):
    """'PYRO:obj@127.0.0.1:4000' -> '127.0.0.1:4000' (the part a person cares about)."""
    return uri.rsplit("@", 1)[-1] if uri else ""
