"""Delta screening benchmark: a list snapshot with 500 changed designations against N synthetic customers.

Setup (not timed as the target): a copy of a store holding every official list; N customers written
straight into the customer tables (as the customers registry would, without screening them); the
monitor state set to the lists in force, as after customers screened on load; the reverse index over
customer names built and kept (its build time, size and the process's RSS are reported).

Then a new snapshot of the US OFAC SDN list is written: its current entries, 250 of them with one more
alias (a near variant of a name they bear) and 250 designations added (persons and organisations of
the UK list, under new ids). The list index over the lists in force is rebuilt, as any screening
after a new snapshot needs (timed and reported, apart). Timed as the target: `screen_list_changes`,
from the change to every resulting alert stored, by phase, in a fresh process, as `hoarfrost load`,
`update` or `watch` runs it: not in this one, which holds the million customers it generated and what
building their index left (gigabytes that the delta's forked workers would inherit). Three runs, each on
a fresh copy of the prepared store (the same state: no alert raised yet); the median is the figure, as
this shared machine's speed wanders by a tenth or more from one minute to the next.

Customers: given and family names drawn, weighted by how common they are, per culture: the Latin sides
of the Wikidata transliteration pairs (Russian, Arabic, Chinese, Hebrew, Korean, Japanese names) and
the yente fixtures' given and family names (Latin and other scripts), without particles, legal forms or
initials standing as names; 5% businesses (a family name, one or two of 59 business words, one of 14 legal
forms); and 2,000 near variants of names of the changed designations, planted so that the delta has alerts
to raise.

    python benchmarks/bench_delta.py --customers 100000
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from hoarfrost.catalog import OFFICIAL_LISTS
from hoarfrost.errors import HoarfrostError
from hoarfrost.ingest import discover_lists, load_list
from hoarfrost.matching.forms import is_optional
from hoarfrost.model import Customer, Entity, Name, NameKind, Schema, customer_to_json
from hoarfrost.names.scripts import detect_script
from hoarfrost.screening import customer_index as ci
from hoarfrost.screening import delta, monitor_state
from hoarfrost.screening.screener import Screener
from hoarfrost.sources.base import ReadReport
from hoarfrost.store import Store
from hoarfrost.store import schema as t
from hoarfrost.store.store import SnapshotDraft

# A store holding every official list, copied (never written); made from the data folder when absent.
ALL_LISTS = Path(os.environ.get("HOARFROST_BENCH_LISTS_DB", "/tmp/work/all.db"))
CHANGED = 250  # OFAC entries given one more alias
ADDED = 250  # designations added
PLANTED = 2_000
WIKIDATA = ("russian_80", "arabic_80", "chinese_80", "hebrew_20", "korean_20", "japanese_20")
# Business customers: a name (a family name, as many firms bear their founder's) with one or two words of
# what the firm does, and a legal form, as a bank's corporate register holds them.
ORG_WORDS = ("Trading", "Holdings", "Logistics", "Shipping", "Consulting", "Industries", "Group", "Partners",
             "Bakery", "Dental", "Motors", "Farms", "Textiles", "Construction", "Electrical", "Plumbing", "Foods",
             "Pharmacy", "Architects", "Design", "Media", "Software", "Systems", "Solutions", "Capital",
             "Properties", "Estates", "Investments", "Insurance", "Travel", "Transport", "Freight", "Marine",
             "Energy", "Solar", "Engineering", "Medical", "Catering", "Hotels", "Fashion", "Furniture", "Printing",
             "Packaging", "Chemicals", "Metals", "Timber", "Dairy", "Wines", "Coffee", "Garage", "Security",
             "Cleaning", "Services", "Supplies", "Imports", "Retail", "Wholesale", "Studio", "Technologies")
ORG_FORMS = ("Ltd", "Limited", "LLC", "GmbH", "SA", "SAS", "SRL", "Inc", "BV", "AG", "PLC", "KG", "Oy", "AB")


# -- synthetic customers --------------------------------------------------------------------------


def name_pools(data: Path) -> dict[str, tuple[list[str], list[int], list[str], list[int]]]:
    """Per culture: given names and family names, each with how common it is."""
    pools: dict[str, tuple[list[str], list[int], list[str], list[int]]] = {}
    for part in WIKIDATA:
        tokens: dict[str, int] = {}
        with (data / "translit_wikidata_coling2018" / f"wd_{part}").open(encoding="utf-8") as stream:
            for line in stream:
                fields = line.rstrip("\n").split("\t")
                if len(fields) == 3 and fields[0].isalpha() and len(fields[0]) > 1:
                    tokens[fields[0].capitalize()] = tokens.get(fields[0].capitalize(), 0) + int(fields[2])
        words, counts = list(tokens), list(tokens.values())
        pools[part] = (words, counts, words, counts)
    given: dict[str, dict[str, int]] = defaultdict(dict)
    family: dict[str, dict[str, int]] = defaultdict(dict)
    for file in ("negatives_global.csv", "negatives_us.csv"):
        with (data / "pairs_yente_screening_fixtures" / file).open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                first, last = (row.get("first_name") or "").strip(), (row.get("last_name") or "").strip()
                if first and last:
                    script = detect_script(row["full_name"])
                    given[script][first] = given[script].get(first, 0) + 1
                    family[script][last] = family[script].get(last, 0) + 1
    for script in given:
        if len(given[script]) > 20 and len(family[script]) > 20:
            pools[f"fixtures-{script}"] = (list(given[script]), list(given[script].values()),
                                           list(family[script]), list(family[script].values()))
    return {culture: _without_particles(*pool) for culture, pool in pools.items()}


def _without_particles(given: list[str], given_counts: list[int], family: list[str],
                       family_counts: list[int]) -> tuple[list[str], list[int], list[str], list[int]]:
    """The Wikidata tokens are the words of whole names: "De", "Of", "Bin", legal forms and initials are
    among them, and no one is called "Of" or "De": such Latin words (forms.is_optional) are no given or
    family name on their own (one Han character is: only Latin words are looked at)."""
    def kept(words: list[str], counts: list[int]) -> tuple[list[str], list[int]]:
        pairs = [(w, c) for w, c in zip(words, counts, strict=True)
                 if not (detect_script(w) == "Latn" and is_optional(w.lower()))]
        return [w for w, _ in pairs], [c for _, c in pairs]

    return (*kept(given, given_counts), *kept(family, family_counts))


def synthetic_customers(count: int, pools: dict[str, Any], seed: int = 4) -> list[Customer]:
    """Customers drawn culture by culture: 95% written in Latin letters (the Wikidata names are Latin
    transliterations; the Latin fixtures), as a bank's records mostly are, 5% in their own script.
    Business customers (5%) are drawn from the Latin cultures only: a firm's registered name in Latin letters
    with a native-script founder's name and English business words is no name a register holds."""
    rng = random.Random(seed)
    latin = sorted(name for name in pools if not name.startswith("fixtures-") or name.endswith("-Latn"))
    native = sorted(name for name in pools if name not in latin and not name.endswith("-Zmix"))
    cultures = latin + native
    shares = [0.95 / len(latin)] * len(latin) + [0.05 / len(native)] * len(native) if native else None
    cumulative = {name: (list(itertools.accumulate(pools[name][1])), list(itertools.accumulate(pools[name][3])))
                  for name in cultures}
    customers = []
    for number in range(count):
        culture = rng.choices(cultures, shares)[0]
        given, _, family, _ = pools[culture]
        given_weights, family_weights = cumulative[culture]
        first = rng.choices(given, cum_weights=given_weights)[0]
        last = rng.choices(family, cum_weights=family_weights)[0]
        kind = rng.random()
        if kind < 0.05:
            if culture not in latin:
                culture = rng.choice(latin)
                _, _, family, _ = pools[culture]
                last = rng.choices(family, cum_weights=cumulative[culture][1])[0]
            words = " ".join(rng.sample(ORG_WORDS, 2 if rng.random() < 0.3 else 1))
            name = f"{last} {words} {rng.choice(ORG_FORMS)}"
            country = rng.choice(("gb", "de", None))
            customers.append(Customer(f"C{number:07d}", name, Schema.ORGANIZATION, country=country))
            continue
        middle = rng.choices(given, cum_weights=given_weights)[0] + " " if kind < 0.2 else ""
        name = f"{first} {middle}{last}"
        schema = Schema.PERSON if kind < 0.9 else None
        dob = f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if kind < 0.6 else None
        customers.append(Customer(f"C{number:07d}", name, schema, dob))
    return customers


def near_variant(name: str, rng: random.Random) -> str:
    """The name as a bank's record might hold it: a letter dropped or doubled, or the words reordered."""
    words = name.split()
    choice = rng.random()
    if choice < 0.3 and len(words) > 1:
        return " ".join(words[1:] + words[:1])
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 4:
        at = rng.randrange(1, len(word) - 1)
        words[longest] = word[:at] + word[at + 1 :] if choice < 0.65 else word[:at] + word[at] + word[at:]
    return " ".join(words)


def planted(entities: list[Entity], count: int, seed: int = 5) -> list[Customer]:
    rng = random.Random(seed)
    customers = []
    for number in range(count):
        entity = entities[number % len(entities)]
        latin = [n.value for n in entity.names if detect_script(n.value) == "Latn"] or [entity.caption]
        schema = entity.schema if entity.schema in (Schema.PERSON, Schema.ORGANIZATION) and number % 3 else None
        customers.append(Customer(f"P{number:07d}", near_variant(rng.choice(latin), rng), schema))
    return customers


def insert_customers(store: Store, customers: list[Customer]) -> None:
    """Straight into the three customer tables, in bulk (setup: the registry's screening on load is not
    what is measured here)."""
    with store.writing() as conn:
        for start in range(0, len(customers), 20_000):
            batch = customers[start : start + 20_000]
            data = [(c, customer_to_json(c)) for c in batch]
            digests = [hashlib.sha256(d).hexdigest() for _, d in data]
            conn.execute(t.customer_versions.insert(), [
                {"hash": h, "customer_id": c.id, "data": d} for (c, d), h in zip(data, digests, strict=True)])
            conn.execute(t.customers.insert(), [
                {"customer_id": c.id, "hash": h, "name": c.name, "schema": c.schema, "deleted": False,
                 "changed_at": "2026-12-01"} for c, h in zip(batch, digests, strict=True)])
            conn.execute(t.customer_changes.insert(), [
                {"customer_id": c.id, "hash": h, "change": "added", "at": "2026-12-01"}
                for c, h in zip(batch, digests, strict=True)])


# -- the list change ------------------------------------------------------------------------------


def changed_snapshot(store: Store, seed: int = 6) -> tuple[list[Entity], list[Entity]]:
    """The OFAC SDN entries in force with CHANGED of them given one more alias and ADDED designations of
    the UK list added under new ids; and the changed and added entries (for planting)."""
    rng = random.Random(seed)
    sdn = list(store.entities(store.current_snapshot("us_ofac_sdn").id))
    uk = [e for e in store.entities(store.current_snapshot("uk_ofsi").id)
          if e.schema in (Schema.PERSON, Schema.ORGANIZATION)]
    moved: list[Entity] = []
    entries = []
    chosen = set(rng.sample(range(len(sdn)), CHANGED))
    for position, entity in enumerate(sdn):
        entity = replace(entity, snapshot_id=None)
        if position in chosen:
            alias = Name(near_variant(entity.caption, rng), NameKind.ALIAS, detect_script(entity.caption))
            entity = replace(entity, names=(*entity.names, alias))
            moved.append(entity)
        entries.append(entity)
    for number, entity in enumerate(rng.sample(uk, ADDED)):
        added = replace(entity, source="us_ofac_sdn", source_id=f"BENCH-{number}", snapshot_id=None)
        moved.append(added)
        entries.append(added)
    return entries, moved


def write_snapshot(store: Store, entries: list[Entity]) -> None:
    report = ReadReport(source="us_ofac_sdn", published="2026-12-04")
    content = hashlib.sha256(b"bench-delta" + str(len(entries)).encode()).hexdigest()
    store.write_snapshot(SnapshotDraft("bench", content, ("bench-delta",)), entries, report)


# -- the run --------------------------------------------------------------------------------------


def lists_store(data: Path, path: Path) -> Store:
    """A store at `path` with every official list: a copy of ALL_LISTS, or loaded from the data folder."""
    if ALL_LISTS.is_file():
        shutil.copy(ALL_LISTS, path)
        return Store.open(path)
    store = Store.open(path)
    formats = {fmt for entry in OFFICIAL_LISTS for fmt in entry.formats}
    for group in discover_lists(data, formats):
        try:
            load_list(store, group)
        except HoarfrostError as exc:  # as bench_load: a list that does not load is left out
            print(f"not loaded: {exc}", file=sys.stderr)
    return store


def rss_mb() -> float:
    """This process's peak resident set (VmHWM): ru_maxrss would carry over the peak of the process that
    started it (Linux keeps it across exec), the bench's own gigabytes for the delta's fresh process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(data: Path, customers: int, workdir: Path = Path("/tmp")) -> dict[str, Any]:
    path = workdir / f"bench_delta_{customers}.db"
    for old in workdir.glob(f"{path.name}*"):
        old.unlink()
    t0 = time.perf_counter()
    store = lists_store(data, path)
    entries, moved = changed_snapshot(store)
    population = synthetic_customers(customers - PLANTED, name_pools(data)) + planted(moved, PLANTED)
    insert_customers(store, population)
    with store.writing() as conn:  # as after the customers were screened on load
        conn.execute(t.store_info.insert().values(key=monitor_state.MONITOR_KEY, value=json.dumps({
            "algorithm": monitor_state.algorithm_version(),
            "snapshots": {s.source: s.id for s in store.current_snapshots()}})))
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    delta.refresh_customer_index(store)
    build = time.perf_counter() - t0
    build_rss = rss_mb()
    kept = ci.index_path(store)
    size_mb = kept.stat().st_size / 1e6 if kept else 0.0
    t0 = time.perf_counter()
    write_snapshot(store, entries)
    snapshot_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    Screener.from_store(store)  # the list index over the new snapshot, as any screening needs it
    list_build = time.perf_counter() - t0
    store.close()
    runs = [timed_run(path) for _ in range(RUNS)]
    for copy in workdir.glob(f"timed_{path.name}*"):
        copy.unlink()
    median = sorted(runs, key=lambda run: run["seconds"])[RUNS // 2]
    return {
        "customers": customers, "planted": PLANTED, "setup_seconds": setup, "index_build_seconds": build,
        "index_mb": size_mb, "build_rss_mb": build_rss, "snapshot_seconds": snapshot_seconds,
        "list_index_seconds": list_build, **median, "runs": [run["seconds"] for run in runs],
        "load_average": os.getloadavg()[0], "store": str(path),
    }


RUNS = 3  # the delta is timed this many times, each on a fresh copy of the prepared store; the median counts


def timed_run(prepared: Path) -> dict[str, Any]:
    """The delta timed in a fresh process (see the module docstring) on a copy of the prepared store and
    its kept indexes, so that every run starts from the same state (no alert raised yet)."""
    copy = prepared.with_name("timed_" + prepared.name)
    for suffix in ("", "-wal", ".index", ".customers.index"):
        source = prepared.with_name(prepared.name + suffix)
        target = copy.with_name(copy.name + suffix)
        target.unlink(missing_ok=True)
        if source.exists():
            shutil.copy(source, target)
    os.sync()  # the setup's and the copy's writes flushed now, not by the kernel while the delta is timed
    result: dict[str, Any] = json.loads(subprocess.run([sys.executable, __file__, "--delta", str(copy)], check=True,
                                                       capture_output=True, text=True).stdout)
    return result


def timed_delta(path: Path) -> dict[str, Any]:
    """The delta on the store at `path`, timed in this process (a fresh one: see the module docstring)."""
    store = Store.open(path)
    t0 = time.perf_counter()
    outcome = delta.screen_list_changes(store, actor="bench")
    seconds = time.perf_counter() - t0
    store.close()
    [change] = outcome.sources
    return {"seconds": seconds, "timings": outcome.timings, "added": len(change.added), "changed": len(change.changed),
            "removed": len(change.removed), "screened": outcome.customers_screened, "raised": len(outcome.raised),
            "peak_rss_mb": rss_mb()}


def markdown(result: dict[str, Any]) -> str:
    phases = ", ".join(f"{name} {value:.2f} s" for name, value in result["timings"].items())
    verdict = "PASS" if result["seconds"] <= 5 else "**MISS**"
    return "\n".join([
        "## Delta screening after a list change", "",
        f"{result['customers']:,} synthetic customers (given and family names of many cultures drawn by how "
        f"common they are, {result['planted']:,} of them near variants of the changed designations' names) in a "
        "copy of the store holding every official list. A new US OFAC SDN snapshot: "
        f"{result['changed']:,} entries with one more alias, {result['added']:,} designations added "
        f"({result['changed'] + result['added']:,} changed designations), {result['removed']} removed. "
        "`screen_list_changes` finds the customers through the reverse index over customer names and screens "
        "them forward, as a full screen would; every resulting alert is stored, audited, in one transaction. "
        "Timed in a fresh process, as `hoarfrost load`, `update` or `watch` runs it (not in the one that "
        "generated the million customers and built their index), three times, each on a fresh copy of the "
        "prepared store; the median run is the figure and its phases are shown.", "",
        "| measure | value | target |", "|---|---:|---:|",
        f"| **delta: snapshot in the store -> every alert stored** (median of {len(result['runs'])} runs: "
        f"{', '.join(f'{run:.2f}' for run in result['runs'])} s) | **{result['seconds']:.2f} s** | ≤ 5 s |",
        f"| phases | {phases} | |",
        f"| customers screened forward / alerts raised | {result['screened']:,} / {result['raised']:,} | |",
        f"| reverse index build over the customers (kept beside the store) | {result['index_build_seconds']:.1f} s, "
        f"{result['index_mb']:.0f} MB on disk | |",
        f"| list index rebuilt after the new snapshot (before the delta, as any screening needs) | "
        f"{result['list_index_seconds']:.1f} s | |",
        f"| writing the snapshot ({result['changed'] + result['added']:,} new versions) | "
        f"{result['snapshot_seconds']:.1f} s | |",
        f"| peak RSS: index build / the delta's process | {result['build_rss_mb']:.0f} / {result['peak_rss_mb']:.0f} MB"
        " | |",
        "",
        f"Delta target (≤ 5 s): {verdict}. Load average (1 min) at the end: {result['load_average']:.1f} on 2 cores. "
        "The list index rebuild is not in the delta figure: `hoarfrost load` and `update` build it before "
        "screening, and the figure above it is that build.",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("HOARFROST_TEST_DATA", "/work/shared/data")))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp"), help="where the store copy is made")
    parser.add_argument("--delta", type=Path, help="only time the delta on this prepared store (JSON out)")
    args = parser.parse_args()
    if args.delta:
        print(json.dumps(timed_delta(args.delta)))
        return
    result = run(args.data, args.customers, args.workdir)
    print(json.dumps(result, indent=1))
    print(markdown(result))


if __name__ == "__main__":
    main()
