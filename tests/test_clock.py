"""LamportClock: tick, observe, rejection of absurd counters, thread safety."""
import threading

import pytest

from contacts.clock import MAX_COUNTER, LamportClock
from contacts.errors import StampError, ValidationError


def test_tick_advances_by_one_from_the_start_value():
    clock = LamportClock(41)
    assert clock.value == 41
    assert clock.tick() == 42
    assert clock.tick() == 43
    assert clock.value == 43


def test_observe_moves_forward_but_never_backwards():
    clock = LamportClock(10)
    clock.observe(25)
    assert clock.value == 25
    clock.observe(3)
    assert clock.value == 25
    clock.observe(25)
    assert clock.value == 25
    # a local event after observing is ordered after what was observed
    assert clock.tick() == 26


def test_check_accepts_plausible_counters():
    clock = LamportClock(100, max_lead=1000)
    assert clock.check(1) == 1
    assert clock.check(100) == 100
    assert clock.check(1100) == 1100


@pytest.mark.parametrize("counter, words", [
    (0, "must be positive"), (-5, "must be positive"),
    (1101, "absurdly far ahead"), (MAX_COUNTER, "absurdly far ahead"), (10 ** 30, "absurdly far ahead"),
])
def test_check_rejects_absurd_counters(counter, words):
    clock = LamportClock(100, max_lead=1000)
    with pytest.raises(StampError) as info:
        clock.check(counter, "update.counter")
    assert isinstance(info.value, ValidationError) and isinstance(info.value, ValueError)
    assert str(info.value).startswith("update.counter:")
    assert words in str(info.value)
    assert clock.value == 100, "a rejected counter must not move the clock"


@pytest.mark.parametrize("counter", ["5", 5.0, None, True, [5]])
def test_check_rejects_non_integers(counter):
    with pytest.raises(StampError, match="must be an integer"):
        LamportClock(100).check(counter)


def test_max_counter_is_refused_even_with_an_unlimited_lead():
    clock = LamportClock(MAX_COUNTER - 10, max_lead=10 ** 30)
    assert clock.check(MAX_COUNTER - 1) == MAX_COUNTER - 1
    with pytest.raises(StampError):
        clock.check(MAX_COUNTER)


def test_ticks_from_many_threads_are_all_distinct():
    clock = LamportClock()
    seen = [[] for _ in range(8)]
    start = threading.Barrier(len(seen))

    def worker(out):
        start.wait()
        for _ in range(2000):
            out.append(clock.tick())
            clock.observe(out[-1] - 1)   # interleave observes: they must never lose a tick

    threads = [threading.Thread(target=worker, args=(out,)) for out in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ticks = [t for out in seen for t in out]
    assert len(set(ticks)) == len(ticks) == 16000
    assert clock.value == 16000
    for out in seen:
        assert out == sorted(out), "each thread sees its own ticks increase"


def test_concurrent_observes_keep_the_maximum():
    clock = LamportClock()
    values = list(range(1, 5001))

    def worker(part):
        for value in part:
            clock.observe(value)

    threads = [threading.Thread(target=worker, args=(values[i::4][::-1],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.value == 5000
