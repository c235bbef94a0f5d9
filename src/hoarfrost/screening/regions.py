"""Ordered tasks over forked processes, each process working through a region of them of its own.

A delta screens its customers in the order of their names (delta._ForwardWorkers._ordered), so that
tasks next to one another share names and tokens. multiprocessing.Pool deals tasks out as processes
come free: neighbours land in different processes, and each process works out the same token hits and
similarities again in its own caches. Here each process starts on a region of neighbouring tasks, in
order; one that has finished its own takes tasks from the far end of the region with the most left, so
that all end together. On the million-customer bench store, the forward screening of a delta went from
6.3 to 6.0 CPU-seconds over its two processes, and from 3.27 to 3.05 s (runs a minute apart).

The tasks reach the processes by fork (nothing is pickled on the way in); each sends back its results
once, when no task is left.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.sharedctypes import SynchronizedArray
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_by_regions(function: Callable[[T], R], tasks: Sequence[T], workers: int,
                   initializer: Callable[[], None] | None = None) -> list[R]:
    """[function(task) for task in tasks], over `workers` forked processes (see the module docstring)."""
    context = multiprocessing.get_context("fork")
    size = -(-len(tasks) // workers)
    # [front, end) of each process's region: what it has still to take
    bounds = context.Array("q", [edge for w in range(workers) for edge in (min(w * size, len(tasks)),
                                                                         min((w + 1) * size, len(tasks)))])
    ends, processes = [], []
    for worker in range(workers):
        ours, theirs = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(function, tasks, bounds, worker, initializer, theirs),
                                  name=f"hoarfrost-screen-{worker}")
        process.start()
        theirs.close()
        ends.append(ours)
        processes.append(process)
    try:
        results = _collect(ends, processes)
    except BaseException:
        for process in processes:  # the others' work is lost with the failed one's: not left running
            process.terminate()
        raise
    finally:
        for process in processes:
            process.join()
    return [results[position] for position in range(len(tasks))]


def _collect(ends: list[Connection], processes: list[Any]) -> dict[int, Any]:
    results: dict[int, Any] = {}
    waiting = dict(zip(ends, processes, strict=True))
    while waiting:
        for end in wait(list(waiting)):
            assert isinstance(end, Connection)
            process = waiting.pop(end)
            try:
                outcome, payload = end.recv()
            except EOFError:
                raise RuntimeError(f"a screening process ended (exit code {process.exitcode})") from None
            finally:
                end.close()
            if outcome == "failed":
                raise RuntimeError(f"a screening process failed:\n{payload}")
            results.update(payload)
    return results


def _work(function: Callable[[Any], Any], tasks: Sequence[Any], bounds: SynchronizedArray[int], worker: int,
          initializer: Callable[[], None] | None, conn: Connection) -> None:
    try:
        if initializer is not None:
            initializer()
        done = {}
        while (position := _take(bounds, worker)) is not None:
            done[position] = function(tasks[position])
        conn.send(("done", done))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("failed", traceback.format_exc()))
    finally:
        conn.close()


def _take(bounds: SynchronizedArray[int], worker: int) -> int | None:
    """The next task of this process's region, or else the last of the region with the most left."""
    with bounds.get_lock():
        front, end = bounds[2 * worker], bounds[2 * worker + 1]
        if front < end:
            bounds[2 * worker] = front + 1
            return front
        regions = len(bounds) // 2
        other = max(range(regions), key=lambda w: bounds[2 * w + 1] - bounds[2 * w])
        front, end = bounds[2 * other], bounds[2 * other + 1]
        if front < end:
            bounds[2 * other + 1] = end - 1
            return end - 1
        return None
