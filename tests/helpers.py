"""Test helpers: run the real CLI in a subprocess; load the benchmark's dataset readers."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from hoarfrost.names.scripts import detect_script
from hoarfrost.screening.screener import Screener, make_query


def run_cli(*args: str | Path, db: Path, check: bool = True, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """Run `python -m hoarfrost ARGS --db DB` and return the finished process."""
    full_env = {**os.environ, "HOARFROST_DB": str(db), "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    full_env.pop("HOARFROST_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "hoarfrost", *map(str, args)],
        capture_output=True, text=True, env=full_env, timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"hoarfrost {args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def cli_json(*args: str | Path, db: Path) -> Any:
    return json.loads(run_cli(*args, "--json", db=db).stdout)


def read_list(paths: list[Path], reader_type: type | None = None, format: str | None = None
              ) -> tuple[list[Any], Any]:
    """Entities and report of real list files read through detection, checking which reader took them."""
    from hoarfrost.sources.base import ReadReport
    from hoarfrost.sources.registry import open_list

    report = ReadReport()
    reader = open_list(paths, report, format=format)
    if reader_type is not None:
        assert isinstance(reader, reader_type)
    return list(reader.entities()), report


def bench_datasets() -> ModuleType:
    """The benchmark's dataset readers (benchmarks/datasets.py, not a package), loaded once."""
    name = "hoarfrost_bench_datasets"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "datasets.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def eu_journal_names_found(data_dir: Path, script: str) -> list[tuple[str, bool]]:
    """Every EU-journal name written in `script` (ISO 15924), screened against the Latin names of every
    tenth entry and of the entries bearing such names: (name, whether its own entry comes first)."""
    entities = bench_datasets().read_eu_journal(data_dir / "eu_oj_sanctions_opensanctions" / "data" / "consolidated")
    written = [(entity, name.value) for entity in entities for name in entity.names
               if detect_script(name.value) == script]
    bearers = {entity.id for entity, _ in written}
    latin = [replace(entity, names=tuple(n for n in entity.names if detect_script(n.value) == "Latn"))
             for position, entity in enumerate(entities) if position % 10 == 0 or entity.id in bearers]
    screener = Screener([entity for entity in latin if entity.names])
    found = []
    for entity, name in written:
        matches = screener.screen(make_query(name, str(entity.schema)))
        found.append((name, bool(matches) and matches[0].entity.id == entity.id))
    return found
