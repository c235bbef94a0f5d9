"""Ordered tasks over forked processes by regions (screening/regions.py): every task done once, the results
in task order, and a failing or dying process reported as an error, never a hang or a lost task."""

from __future__ import annotations

import os

import pytest

from hoarfrost.screening.regions import map_by_regions


def square_and_where(task: int) -> tuple[int, int]:
    return task * task, os.getpid()


def fail_on_seven(task: int) -> int:
    if task == 7:
        raise ValueError("task seven is bad")
    return task


def die_on_seven(task: int) -> int:
    if task == 7:
        os._exit(3)
    return task


@pytest.mark.parametrize(("count", "workers"), [(0, 2), (1, 2), (5, 3), (101, 2), (250, 3)])
def test_every_task_is_done_once_and_the_results_come_in_task_order(count: int, workers: int) -> None:
    results = map_by_regions(square_and_where, list(range(count)), workers)
    assert [square for square, _ in results] == [task * task for task in range(count)]
    assert os.getpid() not in {pid for _, pid in results}  # done in the forked processes


def test_a_task_that_fails_is_reported_with_its_error() -> None:
    with pytest.raises(RuntimeError, match="task seven is bad"):
        map_by_regions(fail_on_seven, list(range(20)), 2)


def test_a_process_that_dies_is_reported_not_waited_for() -> None:
    with pytest.raises(RuntimeError, match="exit code 3"):
        map_by_regions(die_on_seven, list(range(20)), 2)
