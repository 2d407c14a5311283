"""The soak's resource verdict (contacts/testing/faults/resources.py) on hand-made
samples, and its /proc reading on this very process."""
import os
import threading

from contacts.testing.faults.resources import Bounds, ResourceSampler, Sample, read_process

MB = 1024


def sampler_with(samples, bounds):
    sampler = ResourceSampler(cluster=None, bounds=bounds)
    for sample in samples:
        sampler._born.setdefault(sample.pid, sample.at)
        sampler.samples.append(sample)
    return sampler


def test_heap_growth_in_one_process_beyond_the_bound_fails_and_a_restart_is_not_growth():
    bounds = Bounds(warmup=10, rss_growth_mb=20, rss_per_contact_kb=1, max_fds=100, max_threads=50)
    steady = [Sample(t, 1, 100, 60 * MB, 30 * MB, 40, 12, contacts=1000) for t in (0, 10, 20, 30)]
    # replica 2: a leak (40 MB of heap with 1,000 contacts gained: bound 20 + ~1 MB), then
    # a restart onto a new pid that starts low: that drop and rise are two lives, not growth
    leaking = [Sample(0, 2, 200, 50 * MB, 20 * MB, 40, 12, contacts=1000),
               Sample(10, 2, 200, 55 * MB, 25 * MB, 40, 12, contacts=1000),
               Sample(20, 2, 200, 95 * MB, 65 * MB, 40, 12, contacts=2000),
               Sample(30, 2, 201, 30 * MB, 15 * MB, 20, 8, contacts=2000),
               Sample(45, 2, 201, 40 * MB, 25 * MB, 20, 8, contacts=2000)]
    problems = sampler_with(steady + leaking, bounds).violations()
    assert len(problems) == 1, problems
    assert "replica 2 (pid 200) RssAnon grew 40.0 MB" in problems[0]
    # the same heap growth is allowed when the book gained enough contacts to explain it
    grown = [Sample(0, 3, 300, 50 * MB, 20 * MB, 40, 12, contacts=0),
             Sample(10, 3, 300, 50 * MB, 20 * MB, 40, 12, contacts=0),
             Sample(20, 3, 300, 90 * MB, 60 * MB, 40, 12, contacts=25000)]
    assert sampler_with(grown, bounds).violations() == []


def test_fds_and_threads_beyond_their_constant_fail_at_any_sample():
    bounds = Bounds(warmup=10, max_fds=64, max_threads=20)
    samples = [Sample(0, 1, 100, 40 * MB, 20 * MB, 30, 10), Sample(5, 1, 100, 40 * MB, 20 * MB, 65, 21)]
    problems = sampler_with(samples, bounds).violations()
    assert any("65 open fds" in p for p in problems) and any("21 threads" in p for p in problems), problems


def test_read_process_counts_this_process_threads_and_fds():
    rss, anon, fds, threads = read_process(os.getpid())
    assert rss >= anon > 0 and fds >= 3 and threads >= 1
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    read_end, write_end = os.pipe()
    try:
        _, _, more_fds, more_threads = read_process(os.getpid())
        assert more_threads == threads + 1 and more_fds == fds + 2
    finally:
        release.set()
        worker.join()
        os.close(read_end)
        os.close(write_end)
    assert read_process(2 ** 22 + 12345) is None   # no such process
