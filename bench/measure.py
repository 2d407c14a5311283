"""The measurements every bench script shares."""
import json
import subprocess
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


def run_together(commands, **popen):
    """Start one client process per command and let them all go at once; their JSON results.

    Each worker prints "ready" once set up, waits for "go" on stdin, then prints one JSON
    line: starting them together keeps the slow start of one out of the others' rates."""
    workers = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, **popen)
               for command in commands]
    try:
        for worker in workers:
            if worker.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a client worker failed to start: {worker.args}")
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        return [json.loads(worker.stdout.readline()) for worker in workers]
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(30)
