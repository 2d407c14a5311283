"""The two measurements every bench script shares."""
import time


def rate(call, seconds):
    """Calls per second of ``call`` over about ``seconds`` (at least one call)."""
    done, started = 0, time.perf_counter()
    while True:
        call()
        done += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return done / elapsed


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie (nearest rank); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]
