"""One-word queries against longer listed names (Matcher._penalised).

One word of a longer name, be it a common word of an organisation's name or one rare name of a
person, stays under the threshold; a given name that reads as a particle ("Ben") is a word.
Scores are compared with the default threshold, never with exact values, on the real UN list (its
rarity weights are those of real names).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.forms import is_optional, query_forms
from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Name, Schema
from hoarfrost.names.readings import LATIN
from tests.helpers import read_list

THRESHOLD = ALGORITHMS[DEFAULT_ALGORITHM].weights.threshold
UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")
# an invented person, added to the list: no real party's name
INVENTED = Entity("test", "invented-1", Schema.PERSON, (Name("Benjamin QUARTERFIELDSON"),))


@pytest.fixture(scope="module")
def matcher(data_dir: Path) -> Matcher:
    entities, _ = read_list([data_dir / UN])
    return Matcher([*entities, INVENTED])


def _score(matcher: Matcher, query: str, entity: Entity, schema: Schema) -> float:
    hits = [r.score for r in matcher.match(query, schema=schema, threshold=0.0) if r.entity.id == entity.id]
    return max(hits, default=0.0)


def _core(name: str) -> list[str]:
    form = next(f for f in query_forms(name) if f.space == LATIN)
    return [token for token in form.tokens if not is_optional(token)]


def _two_word_names(matcher: Matcher, schema: Schema, rare: bool) -> list[tuple[Entity, str]]:
    """(entity, word): a listed name of two core words (the entity bearing no name of that word alone),
    and of its words, with `rare`, the rarer, of full rarity weight, the other weighing as much; without,
    the commoner, under full weight. Either way the other word is as weighty as the word or more, so
    that the alignment alone would let the word through: only the one-word penalty can stop it."""
    weight = matcher.index.weight_function(LATIN)
    found = []
    for entity in matcher.index.entities:
        if (entity.schema is Schema.PERSON) != (schema is Schema.PERSON):
            continue
        singles = {tuple(_core(name.value)) for name in entity.names}
        for name in entity.names:
            core = sorted(set(_core(name.value)), key=weight)
            if len(core) != 2 or len(_core(name.value)) != 2 or len(name.value.split()) != 2:
                continue
            word, other = core
            if weight(other) >= weight(word) and (weight(word) >= 1.0) == rare and (word,) not in singles:
                found.append((entity, word))
                break
    return found


def test_a_common_word_alone_keeps_the_penalty(matcher: Matcher) -> None:
    pairs = _two_word_names(matcher, Schema.ORGANIZATION, rare=False)
    assert pairs
    alerts = [word for entity, word in pairs if _score(matcher, word, entity, Schema.ORGANIZATION) >= THRESHOLD]
    assert not alerts


def test_one_rare_name_of_a_person_does_not_alert(matcher: Matcher) -> None:
    pairs = _two_word_names(matcher, Schema.PERSON, rare=True)
    assert len(pairs) >= 20
    alerts = [word for entity, word in pairs if _alerts_as_one_word(matcher, word, entity)]
    assert not alerts


def _alerts_as_one_word(matcher: Matcher, word: str, entity: Entity) -> bool:
    """An alert through a longer name where the word met one listed word (not two run together: Wijijoko ~
    WIJI JOKO); a one-word alias of the entity may well alert."""
    return any(r.entity.id == entity.id and len(_core(r.matched_name)) >= 2
               and not any(e.get("method") in ("joined", "initials") for e in r.explanation)
               for r in matcher.match(word, schema=Schema.PERSON))


def test_a_particle_met_as_a_nickname_is_a_given_name(matcher: Matcher) -> None:
    """"Ben" reads as the particle ben (son of), but meeting Benjamin it is a name: two words, no penalty."""
    assert _score(matcher, "Ben Quarterfieldson", INVENTED, Schema.PERSON) >= THRESHOLD
    assert _score(matcher, "Quarterfieldson", INVENTED, Schema.PERSON) < THRESHOLD
