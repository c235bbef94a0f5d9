"""Fast checks of the matching benchmark's dataset loaders (benchmarks/datasets.py).

The benchmark's figures are measured by `make bench`, never asserted here: these tests only check that
the data is read as the benchmark says it is (counts, ids, script buckets, the EU rows as entities).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import bench_datasets

from hoarfrost.model import NameKind, Schema

ds = bench_datasets()
EU_HEADER = ("celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,"
             "country,nationality")


def test_cases_csv_is_read_whole(data_dir: Path) -> None:
    cases = ds.load_cases(data_dir / ds.CASES)
    assert len(cases) == 826
    assert sum(case.is_match for case in cases) == 425
    assert {case.schema for case in cases} <= {"Person", "Company", "Organization", "LegalEntity", "Vessel"}
    assert sum(case.cross_script for case in cases) == 14  # SOURCES.md: "Only 14 are cross-script"


def test_fixture_names(data_dir: Path) -> None:
    names = ds.fixture_names(data_dir / ds.FIXTURES / "negatives_global.csv")
    assert len(names) == 1000
    assert sum(ds.query_bucket(name) == "Han" for name in names) >= 140


@pytest.mark.parametrize(("value", "bucket"), [
    ("Sergei AKSENOV", None),
    ("Сергей Валерьевич АКСЁНОВ", "Cyrillic"),
    ("عامر إبراهيم العشي", "Arabic"),
    ("朱海仑", "Han"),
    ("김정은", "Hangul"),
    ("נעם פדרמן", "other"),
    ("Вiктар Iванавiч", ds.LOOKALIKE),  # Latin i and I inside Cyrillic words
    ("OOO Афипский НПЗ", ds.LOOKALIKE),  # OOO is written with Latin O's
    ("Jihad BARAKAT جهاد بركات", ds.LATIN_IDENTIFIES),
    ("12345", None),
])
def test_query_bucket(value: str, bucket: str | None) -> None:
    assert ds.query_bucket(value) == bucket


def test_split_combined() -> None:
    assert ds.split_combined("Sergei AKSENOV (Сергей АКСЁНОВ)") == ["Sergei AKSENOV", "Сергей АКСЁНОВ"]
    assert ds.split_combined("Ольга КРАВЦОВА / Ольга KRAVTSOVA") == ["Ольга КРАВЦОВА", "Ольга KRAVTSOVA"]
    assert ds.split_combined("Bank Melli (Iran)") == ["Bank Melli (Iran)"]  # one script: never split


def test_eu_rows_become_entities(tmp_path: Path) -> None:
    (tmp_path / "32006R0765.csv").write_text("\n".join([
        EU_HEADER,
        "32006R0765,1,EU-BLR,I.A,Asset freeze,,,Person,Uladzimir NAVUMAU,"
        "Vladimir NAUMOV; Уладзімір НАВУМАЎ,,,,",
        "32006R0765,1,EU-BLR,I.B,Asset freeze,,,LegalEntity,Beltechexport,Chinese:; Text of image; Белтехэкспорт,,,,",
        "32006R0765,2,EU-BLR,I.A,Export control,,,Person,Uladzimir NAVUMAU,,,Vladimir NAUMOV (Владимир НАУМОВ),,",
        "32006R0765,3,EU-BLR,V,Asset freeze,,,Asset,Some facility,,,,,",
    ]) + "\n", encoding="utf-8")
    entities = ds.read_eu_journal(tmp_path)
    assert [e.schema for e in entities] == [Schema.PERSON, Schema.ORGANIZATION]  # the Asset row is skipped
    assert len({e.id for e in entities}) == 2  # recordId 1 is on two annexes: ids must still differ
    assert [n.value for n in entities[1].names] == ["Beltechexport", "Белтехэкспорт"]  # no label leftovers
    person = entities[0]
    assert [(n.value, n.kind, n.script) for n in person.names] == [
        ("Uladzimir NAVUMAU", NameKind.PRIMARY, "Latn"), ("Vladimir NAUMOV", NameKind.ALIAS, "Latn"),
        ("Уладзімір НАВУМАЎ", NameKind.ALIAS, "Cyrl"), ("Владимир НАУМОВ", NameKind.FORMER, "Cyrl"),
    ]


def test_cross_script_queries_index_latin_names_only(data_dir: Path) -> None:
    entities = ds.read_eu_journal(data_dir / ds.EU_JOURNAL)
    assert len({entity.id for entity in entities}) == len(entities)
    indexed, queries, left_out = ds.cross_script_queries(entities)
    assert all(ds.query_bucket(name.value) is None for entity in indexed for name in entity.names)
    ids = {entity.id for entity in indexed}
    assert all(query.entity_id in ids for query in queries)
    assert sum(query.bucket == "Cyrillic" for query in queries) > 4000
    assert set(left_out) <= {ds.LATIN_IDENTIFIES, "entity has no Latin name"}


def test_un_positives_resolve_by_name(data_dir: Path) -> None:
    entities = ds.read_official(data_dir / ds.UN_2026)
    plain, typos, unresolved = ds.un_positives(data_dir / ds.FIXTURES / "positives_un_untreated.csv",
                                               data_dir / ds.FIXTURES / "positives_un_treated.csv", entities)
    assert len(plain) == len(typos) == 680 and len(unresolved) == 3
    for p, t in zip(plain, typos, strict=True):
        assert (p.expected, p.expected_name) == (t.expected, t.expected_name)
    assert typos[0].query == "SALEK, ABDULHAI" and plain[0].query == "ABDULHAI SALEK"


def test_recombined_names_are_fresh_and_repeatable(data_dir: Path) -> None:
    rows = ds.fixture_rows(data_dir / ds.FIXTURES / "negatives_global.csv")
    seen = {row["full_name"] for row in rows}
    names = ds.recombined_names(rows, 500, seen)
    assert len(names) == len(set(names)) == 500
    assert not seen & set(names)
    assert names == ds.recombined_names(rows, 500, seen)


def test_sample_is_seeded_and_ordered() -> None:
    items = list(range(100))
    chosen = ds.sample(items, 10)
    assert chosen == sorted(chosen) and len(chosen) == 10 and chosen == ds.sample(items, 10)
    assert ds.sample(items, 200) == items
