"""Organisation name forms: bracketed and quoted parts, function words, names in two scripts.

The variants a listed name stands in must help the name meet its short forms without letting two
related but different names (subsidiaries in two places) meet each other. Scores are compared with
the default threshold, never with exact values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching import compare_names
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.forms import is_optional, name_forms, name_variants, query_forms, skeleton_of
from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Name, Schema
from hoarfrost.names.readings import LATIN
from tests.helpers import read_list

THRESHOLD = ALGORITHMS[DEFAULT_ALGORITHM].weights.threshold
UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")


def test_listed_name_stands_without_its_bracketed_part_and_as_its_acronym() -> None:
    variants = name_variants("FAR EASTERN SHIPPING COMPANY (FESCO)")
    assert "FAR EASTERN SHIPPING COMPANY" in variants
    assert "FESCO" in variants


def test_a_bracketed_place_is_not_an_acronym() -> None:
    variants = name_variants("NEWAY CNC EQUIPMENT (SUZHOU) CO LTD")
    assert "SUZHOU" not in variants
    assert any("(" not in variant and "NEWAY" in variant for variant in variants)


def test_a_query_keeps_its_bracketed_place() -> None:
    assert name_variants("Bank of China (Hong Kong) Limited", listed=False) == ("Bank of China (Hong Kong) Limited",)


@pytest.mark.parametrize("query", ["Акционерное Общество «Азовский Завод» (АО «АЗ»)", "FAR EASTERN SHIPPING (FES)",
                                   "Jin Tiesan (金铁三)"])
def test_a_query_drops_a_bracketed_restatement(query: str) -> None:
    assert len(name_variants(query, listed=False)) > 1


def test_quoted_core_and_nickname() -> None:
    assert "Donbass Development Corporation" in name_variants("State Corporation ‘Donbass Development Corporation’")
    assert "Ben-Zion GOPSTEIN" in name_variants("Ben-Zion ‘Bentzi’ GOPSTEIN")
    # A one-word quoted name of a company is its name, not a nickname: the rest alone is no variant.
    assert name_variants("Limited Liability Company “Atlant”") == ("Limited Liability Company “Atlant”",)


def test_english_function_words_are_left_out_of_latin_forms() -> None:
    tokens = {form.tokens for form in name_forms("Ministry of Defence of the Russian Federation")}
    assert ("ministry", "defence", "russian", "federation") in tokens


def test_no_form_is_a_legal_form_alone() -> None:
    """有限公司 becomes Latin `llc` beside the Han run; alone it would meet every "X LLC" on the list."""
    for form in query_forms("麥克維爾工業貿易有限公司"):
        assert not all(map(is_optional, form.tokens)), form


def test_legal_form_and_name_in_two_scripts_read_together() -> None:
    tokens = {form.tokens for form in query_forms("ООО Юнисервис") if form.space == LATIN}
    assert any("llc" in t and len(t) == 2 for t in tokens), tokens


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("The Homs Refinery Company", "HOMS REFINERY CORPORATION"),
        ("ministry defence russian federation", "Ministry of Defence of the Russian Federation"),
        ("Bank for International Settlements", "Bank International Settlements"),
    ],
)
def test_function_words_cost_nothing(query: str, listed: str) -> None:
    assert compare_names(query, listed, Schema.ORGANIZATION).score >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited"),
        ("Bowne Global Solutions (France), S.A.R.L.", "Bowne Global Solutions (Germany), G.m.b.H."),
    ],
)
def test_subsidiaries_in_two_places_do_not_meet(query: str, listed: str) -> None:
    assert compare_names(query, listed, Schema.ORGANIZATION).score < THRESHOLD


@pytest.fixture(scope="module")
def un_matcher(data_dir: Path) -> Matcher:
    entities, _ = read_list([data_dir / UN])
    return Matcher(entities)


def _found(matcher: Matcher, query: str, listed: str) -> bool:
    return any(any(name.value == listed for name in r.entity.names)
               for r in matcher.match(query, schema=Schema.ORGANIZATION))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SAPICO", "SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY (SAPICO)"),  # the acronym alone
        ("Sahand Aluminum Parts Industrial", "SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY (SAPICO)"),
        ("Doostan International", "DOOSTAN INTERNATIONAL COMPANY (DICO)"),
    ],
)
def test_short_forms_of_listed_organisations_alert(un_matcher: Matcher, query: str, listed: str) -> None:
    assert _found(un_matcher, query, listed)


def test_a_bracketed_place_alone_does_not_find_the_name() -> None:
    listed = Entity("test", "1", Schema.ORGANIZATION, (Name("NEWAY CNC EQUIPMENT (SUZHOU) CO LTD"),))
    matcher = Matcher([listed])
    assert matcher.match("Neway CNC Equipment", schema=Schema.ORGANIZATION)
    assert not matcher.match("Suzhou", schema=Schema.ORGANIZATION)


def test_cyrillic_legal_form_typed_with_a_latin_look_alike() -> None:
    """"ОOO" (a Cyrillic О, then Latin Os) escapes the legal-form reader; its reading is still a legal form."""
    for form in query_forms("Пелла-Маш ОOO"):
        if form.space == LATIN and form.scheme != "as-written+skeleton":
            assert "ooo" not in form.tokens, form


def test_company_words_are_optional_in_a_listed_names_skeleton() -> None:
    latin = name_forms("BAHARESTAN KISH COMPANY")[0]
    listed, query = skeleton_of(latin), skeleton_of(latin, listed=False)
    assert listed is not None and query is not None
    assert any(map(is_optional, listed.tokens)) and not any(map(is_optional, query.tokens))


def test_several_names_in_one_listed_name_stand_each_alone() -> None:
    listed = "Beijing Integrity Technology Company Limited, Yongxin Zhicheng Technology Group Company Limited"
    assert "Yongxin Zhicheng Technology Group Company Limited" in name_variants(listed)
    # a comma in one name is no list of names
    assert name_variants("ZHU, Hailun") == ("ZHU, Hailun",)
    assert name_variants("Arsenal Machine-Building plant, OJSC") == ("Arsenal Machine-Building plant, OJSC",)


def test_generic_org_classes_are_optional() -> None:
    """rigour writes "soe" (state-owned enterprise) and "mil" (private military company) besides the legal
    forms; like them they say what kind of body it is, not which."""
    assert is_optional("soe") and is_optional("mil")
    # a quoted "Scientific and Production Enterprise" is only the class "soe": no variant of its own
    listed = 'JOINT-STOCK COMPANY "SCIENTIFIC AND PRODUCTION ENTERPRISE "SALYUT"'
    assert all(not all(map(is_optional, form.tokens)) for form in name_forms(listed))


def test_a_number_reads_with_the_words_after_it() -> None:
    """"АО «150 Авиационный Ремонтный Завод»": 150 is the plant's number, not part of the legal form."""
    for form in query_forms("АО «150 Авиационный Ремонтный Завод»"):
        if form.space == LATIN and "plant" in form.tokens:
            assert "150" in form.tokens, form
