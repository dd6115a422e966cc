"""A site-wide aggregate missing from the cache is computed by one thread of a process while
the others wait for its value, not by every thread that asked at the same moment (after an
import every worker thread used to recompute the list's facets, counts and suggestions)."""

import threading
import time
from unittest import mock

import pytest
from django.core.cache import cache

from meetings.search import generation
from meetings.views.common import cached


@pytest.fixture(autouse=True)
def fixed_generation():
    cache.clear()
    with mock.patch.object(generation, "current_generation", lambda: 7):
        yield
    cache.clear()


def _ask_at_once(threads: int, ask) -> list:
    start, answers = threading.Barrier(threads), []

    def run():
        start.wait()
        answers.append(ask())

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return answers


def test_eight_threads_asking_at_once_compute_it_once():
    computed = []

    def facets():
        computed.append(1)
        time.sleep(0.2)  # as long as a count over every meeting takes
        return {"people": ["x"]}

    answers = _ask_at_once(8, lambda: cached("facets:all", facets))
    assert answers == [{"people": ["x"]}] * 8
    assert len(computed) == 1


def test_different_aggregates_are_computed_side_by_side():
    def slow(value):
        time.sleep(0.3)
        return value

    started = time.perf_counter()
    answers = _ask_at_once(2, lambda: cached(f"agg:{threading.get_ident()}", lambda: slow(1)))
    assert answers == [1, 1]
    assert time.perf_counter() - started < 0.55  # not one after the other


def test_a_computation_that_fails_leaves_the_next_caller_to_compute_it():
    def broken():
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        cached("count:meetings", broken)
    assert cached("count:meetings", lambda: 42) == 42
    assert generation._computing == {}
