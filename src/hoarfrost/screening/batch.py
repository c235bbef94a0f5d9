"""Batch screening: many queries over every core, in input order, with progress through a callback.

The screener is built once in the parent and the workers are forked from it,
so they share its index copy-on-write instead of each building (and holding)
their own. Results come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from hoarfrost.names.transliterate import warm_up
from hoarfrost.screening.screener import Query, Screener

_CHUNK = 64
_WORKER_SCREENER: Screener | None = None  # set in the parent just before forking


def _screen_one(job: tuple[Query, float | None]) -> list[dict[str, Any]]:
    assert _WORKER_SCREENER is not None
    query, threshold = job
    return [match.as_json() for match in _WORKER_SCREENER.screen(query, threshold)]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def screen_many(
    screener: Screener, queries: Iterable[Query], *, threshold: float | None = None, workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The matches (as JSON objects) of each query, in order; `workers` > 1 forks that many processes."""
    global _WORKER_SCREENER
    jobs = ((query, threshold) for query in queries)
    count = workers or default_workers()
    warm_up()
    # The tables warm_up() loads live as long as the process, as does the index: out of the cyclic
    # collector's reach, no full collection rescans them mid-batch, nor touches (and so copies) the
    # pages the forked workers share.
    gc.freeze()
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        _WORKER_SCREENER = screener
        for job in jobs:
            yield _screen_one(job)
            if progress:
                progress(1)
        return
    _WORKER_SCREENER = screener
    context = multiprocessing.get_context("fork")
    with context.Pool(count) as pool:
        for result in pool.imap(_screen_one, jobs, chunksize=_CHUNK):
            yield result
            if progress:
                progress(1)
